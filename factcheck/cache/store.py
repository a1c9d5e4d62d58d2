"""The cache folder: one pack of entries per setting, written atomically, read back verified.

A pack holds the entries of the latest run in one setting (the environment key of
:mod:`factcheck.cache.keys`), one line each: the entry's key, the seal of its head
(an HMAC under this machine's secret, :mod:`factcheck.cache.seal`), the seal of its
rest (an HMAC of the head's seal followed by the rest, so that a rest belongs to its
head alone), then the head, U+001E and the rest (the head is JSON, which never holds a raw
newline or U+001E; the rest holds no newline). A run whose report needs only what
heads hold verifies and reads the heads alone. One file rather
than one per claim file: an archive of ten thousand files is read in one go and
written in one go, and an entry that is corrupt, truncated, oversized or does not
match its seal is treated as absent (recomputed), the rest of the pack still used.
The pack is read only as a regular file reached without a link, at most
MAX_CACHE_BYTES. A run that adds entries appends their lines to the pack it read
(a later line of a key stands for it), unless more than an eighth of the pack would
then be lines no run reads (entries replaced, or of files not in this run), or a line
of it is no entry or did not verify: then it writes the pack of this run's entries
afresh. The
folder holds a CACHEDIR.TAG (backup tools skip it) and a .gitignore of ``*``, as
ruff's does; past MAX_CACHE_BYTES in all, the packs of other settings are removed,
oldest first.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from factcheck.cache.seal import intact, read_regular_file, seal

# One entry holds the results of one claim file (at most 2 MiB of YAML, 10,000 claims).
MAX_ENTRY_BYTES = 64 * 1024 * 1024
# The whole folder; a run of 100,000 generated claims stores about 120 MB.
MAX_CACHE_BYTES = 1024 * 1024 * 1024
LAYOUT = "v2"  # a change of the entry format gets a folder of its own

_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by factcheck.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")
_HEAD = 64 + 1 + 64 + 1 + 64 + 1  # key, space, the head's seal, space, the rest's, space
_REST = b"\x1e"  # between the head and the rest


class Store:
    """The entries of one setting (``name``) in ``folder``, sealed with ``secret``; see the
    module docstring."""

    def __init__(self, folder: str, name: str, secret: bytes) -> None:
        self.folder = folder
        self.secret = secret
        self.root = os.path.join(folder, LAYOUT)
        self.path = os.path.join(self.root, name + ".pack")
        self._data = b""  # the pack as read
        self._read_as: tuple[int, int, int] | None = None  # its device, inode and size
        self._odd = False  # a line of it is no entry, or an entry read did not verify
        self._old: dict[bytes, tuple[int, int]] | None = None  # key -> its line's bounds
        self._lines: dict[bytes, bytes | tuple[int, int]] = {}  # the lines of this run's pack
        self._changed = False

    def _read_pack(self) -> dict[bytes, tuple[int, int]]:
        if self._old is None:
            self._old = {}
            found = read_regular_file(self.path, MAX_CACHE_BYTES)
            if found is not None:
                self._data, info = found
                self._read_as = (info.st_dev, info.st_ino, len(self._data))
            data = self._data
            find, size, start = data.find, len(data), 0
            while start < size:
                end = find(b"\n", start)
                end = size if end < 0 else end
                if _HEAD < end - start <= _HEAD + MAX_ENTRY_BYTES \
                        and data[start + 64:start + 65] == b" ":
                    self._old[data[start:start + 64]] = (start, end)
                else:
                    self._odd = True
                start = end + 1
        return self._old

    def read(self, key: str) -> bytes | None:
        """The head stored under ``key``, or None when absent or not intact."""
        head = key.encode("ascii")
        where = self._read_pack().get(head)
        if where is None:
            return None
        start, end = where
        line = memoryview(self._data)[start:end]
        split = self._data.find(_REST, start + _HEAD, end)
        if split < 0 or line[_HEAD - 1:_HEAD] != b" " or line[129:130] != b" ":
            self._odd = True
            return None
        payload = line[_HEAD:split - start]
        if not intact(self.secret, line[65:129], payload):
            self._odd = True
            return None
        self._lines[head] = where
        return payload.tobytes()

    def read_rest(self, key: str) -> bytes | None:
        """The rest stored under ``key`` (whose head :meth:`read` gave), or None when it
        is not intact."""
        where = self._read_pack().get(key.encode("ascii"))
        if where is None:
            return None
        start, end = where
        line = memoryview(self._data)[start:end]
        split = self._data.find(_REST, start + _HEAD, end)
        if split < 0:
            return None
        rest = line[split + 1 - start:]
        if not intact(self.secret, line[130:_HEAD - 1], line[65:129], rest):
            self._odd = True
            return None
        return rest.tobytes()

    def refuse(self, key: str) -> None:
        """The entry under ``key``, which verified, is not what its reader expects: it is
        not kept, and the pack is written afresh."""
        self._lines.pop(key.encode("ascii"), None)
        self._odd = True

    def write(self, key: str, head: bytes, rest: bytes) -> None:
        """Keep ``head`` and ``rest`` under ``key`` for the pack written by :meth:`save`
        (an entry over MAX_ENTRY_BYTES, one holding a newline or a head holding U+001E is
        not kept)."""
        if len(head) + len(rest) > MAX_ENTRY_BYTES or b"\n" in head or b"\n" in rest \
                or _REST in head:
            return
        name = key.encode("ascii")
        sealed = seal(self.secret, head)
        self._lines[name] = b"%s %s %s %s%s%s" % (
            name, sealed, seal(self.secret, sealed, rest), head, _REST, rest)
        self._changed = True

    def save(self) -> None:
        """Write this run's pack (its entries, read or new) atomically, if it differs from
        the one read; then keep the folder under MAX_CACHE_BYTES. A folder that cannot be
        written leaves the cache as it was."""
        if not self._changed and set(self._lines) == set(self._read_pack()):
            return
        added = [line for line in self._lines.values() if not isinstance(line, tuple)]
        kept = sum(line[1] - line[0] + 1 for line in self._lines.values()
                   if isinstance(line, tuple))
        unread = len(self._data) - kept  # (the last line may lack its newline: one byte)
        if not self._odd and unread * 8 <= len(self._data) + sum(map(len, added)) \
                and self._append(added):
            self._prune()
            return
        try:
            self._prepare()
            fd, tmp = tempfile.mkstemp(prefix=".pack-", suffix=".tmp", dir=self.root)
        except OSError:
            return
        try:
            data = memoryview(self._data)
            with os.fdopen(fd, "wb") as fh:
                for _, line in sorted(self._lines.items()):  # the same entries, the same bytes
                    # a line of the pack read is written from it as it was
                    fh.write(data[line[0]:line[1]] if isinstance(line, tuple) else line)
                    fh.write(b"\n")
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return
        self._prune()

    def _append(self, lines: list[bytes]) -> bool:
        """Add ``lines`` at the end of the pack, if it is still the file read; False when
        it is not (or was not read), or cannot be written. A write cut short leaves a
        line that never verifies."""
        if self._read_as is None:
            return False
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
                         | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return False
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) \
                    or (info.st_dev, info.st_ino, info.st_size) != self._read_as:
                return False
            # After a last line without its newline, the first line added starts a line.
            start = b"" if self._data.endswith(b"\n") or not self._data else b"\n"
            chunk = memoryview(start + b"".join(line + b"\n" for line in lines))
            while chunk:
                chunk = chunk[os.write(fd, chunk):]
            return True
        except OSError:
            return False
        finally:
            os.close(fd)

    def _prepare(self) -> None:
        """Make the cache folders, each a real folder (a link planted there is refused)."""
        if not os.path.isfile(os.path.join(self.folder, "CACHEDIR.TAG")):
            os.makedirs(self.folder, exist_ok=True)
            with open(os.path.join(self.folder, "CACHEDIR.TAG"), "w", encoding="ascii") as fh:
                fh.write(_TAG)
            with open(os.path.join(self.folder, ".gitignore"), "w", encoding="ascii") as fh:
                fh.write("# Created by factcheck: the result cache is not versioned.\n*\n")
        with contextlib.suppress(FileExistsError):
            os.mkdir(self.root)
        if not stat.S_ISDIR(os.lstat(self.root).st_mode):
            raise NotADirectoryError(self.root)

    def _prune(self) -> None:
        """Past MAX_CACHE_BYTES in all, remove other settings' packs, oldest first."""
        packs: list[tuple[float, int, str]] = []
        total = 0
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.root):
                info = entry.stat(follow_symlinks=False)
                total += info.st_size
                if entry.path != self.path:
                    packs.append((info.st_mtime, info.st_size, entry.path))
        for _, size, path in sorted(packs):
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
