"""The cache folder: entries written atomically, read back bounded, verified and never trusted.

An entry is one file, ``<64 hex digits of sha256(payload)>`` and a newline, then the
payload (JSON). Reading checks the size before reading, that the entry is a regular
file reached without links, and the digest; what fails any of these is treated as
absent, so a corrupt, truncated or oversized entry is recomputed. The folder holds a
CACHEDIR.TAG (backup tools skip it) and a .gitignore of ``*``, as ruff's does, and
is kept under ``MAX_CACHE_BYTES``: past it, entries not used by the run are removed,
oldest first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile

# One entry holds the results of one claim file (at most 2 MiB of YAML, 10,000 claims).
MAX_ENTRY_BYTES = 64 * 1024 * 1024
# The whole folder; a run of 100,000 generated claims stores about 90 MB.
MAX_CACHE_BYTES = 1024 * 1024 * 1024
LAYOUT = "v1"  # a change of the entry format gets a folder of its own

_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by factcheck.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")


class Store:
    """Entries by key (hex) in ``folder``; see the module docstring for the guarantees."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.root = os.path.join(folder, LAYOUT)
        self.used: set[str] = set()
        self.written = 0
        self._ready: set[str] = set()

    def _path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], key + ".json")

    def read(self, key: str) -> bytes | None:
        """The payload stored under ``key``, or None when absent or not intact."""
        path = self._path(key)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                         | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES + 65:
                return None
            with os.fdopen(os.dup(fd), "rb") as fh:
                data = fh.read(MAX_ENTRY_BYTES + 66)
        except OSError:
            return None
        finally:
            os.close(fd)
        digest, newline, payload = data[:64], data[64:65], data[65:]
        if newline != b"\n" or hashlib.sha256(payload).hexdigest().encode() != digest:
            return None
        self.used.add(key)
        return payload

    def write(self, key: str, payload: bytes) -> None:
        """Store ``payload`` under ``key`` atomically (a temporary file, then a rename);
        an entry over MAX_ENTRY_BYTES, or a folder that cannot be written, is skipped."""
        if len(payload) > MAX_ENTRY_BYTES:
            return
        folder = os.path.dirname(self._path(key))
        try:
            self._prepare(folder)
            fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=folder)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            os.replace(tmp, self._path(key))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return
        self.used.add(key)
        self.written += 1

    def _prepare(self, folder: str) -> None:
        """Make the cache folders, each a real folder (a link planted there is refused)."""
        if folder in self._ready:
            return
        if not os.path.isfile(os.path.join(self.folder, "CACHEDIR.TAG")):
            os.makedirs(self.folder, exist_ok=True)
            with open(os.path.join(self.folder, "CACHEDIR.TAG"), "w", encoding="ascii") as fh:
                fh.write(_TAG)
            with open(os.path.join(self.folder, ".gitignore"), "w", encoding="ascii") as fh:
                fh.write("# Created by factcheck: the result cache is not versioned.\n*\n")
        for path in (self.root, folder):
            with contextlib.suppress(FileExistsError):
                os.mkdir(path)
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                raise NotADirectoryError(path)
        self._ready.add(folder)

    def prune(self) -> None:
        """Past MAX_CACHE_BYTES in all, remove entries this run did not use, oldest first."""
        if not self.written:
            return
        entries: list[tuple[float, int, str]] = []
        total = 0
        try:
            folders = list(os.scandir(self.root))
        except OSError:
            return
        for folder in folders:
            if not folder.is_dir(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                for entry in os.scandir(folder.path):
                    info = entry.stat(follow_symlinks=False)
                    total += info.st_size
                    if entry.name.removesuffix(".json") not in self.used:
                        entries.append((info.st_mtime, info.st_size, entry.path))
        entries.sort()
        for _, size, path in entries:
            if total <= MAX_CACHE_BYTES:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size


def refuse_link(folder: str, follow_links: bool) -> None:
    """A cache folder that is a symbolic link (or below one in the working folder) is
    refused, as ``--output`` is: the cache would write through it."""
    if not follow_links:
        from factcheck.fileio import refuse_links

        refuse_links(folder, "the cache")
