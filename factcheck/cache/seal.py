"""This machine's secret that seals cache entries, kept outside any checkout.

A cache folder may come from someone else: a pull request can commit a
``.factcheck_cache/`` whose entries are well-formed and say that a contradicted claim
holds. A plain digest would let anyone seal such an entry; an HMAC with a secret that
only this user's cache folder holds cannot be forged from the outside, so an entry
written elsewhere never verifies and is checked again. The secret is 32 random bytes
in ``$XDG_CACHE_HOME/factcheck/seal.key`` (``~/.cache/factcheck`` without it), created
readable by its owner alone; when it can be neither read nor made, the run does
without the cache. The same folder keeps the installation's digest (see
:mod:`factcheck.cache.keys`), which is as private as the secret.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import stat
from collections.abc import Iterable

SECRET_BYTES = 32


def folder() -> str:
    """The secret's folder: ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``. A
    relative XDG_CACHE_HOME is ignored, as the XDG specification says: it would put the
    secret in whatever folder the run starts in, a checkout a pull request may fill."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "factcheck")


@functools.cache
def secret() -> bytes | None:
    """The secret, made on first use; None when it can be neither read nor made."""
    path = os.path.join(folder(), "seal.key")
    found = _read_secret(path)
    if found is not None:
        return found
    try:
        os.makedirs(folder(), mode=0o700, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                     0o600)
    except FileExistsError:  # another run made it first
        return _read_secret(path)
    except OSError:
        return None
    with os.fdopen(fd, "wb") as fh:
        fh.write(os.urandom(SECRET_BYTES))
    return _read_secret(path)


def _read_secret(path: str) -> bytes | None:
    """The secret at ``path``: exactly SECRET_BYTES in a private file, else None."""
    data = read_regular(path, SECRET_BYTES, private=True)
    return data if data is not None and len(data) == SECRET_BYTES else None


def read_regular(path: str, limit: int, *, private: bool = False) -> bytes | None:
    """The bytes of a regular file reached without a link, or None (absent, a link, a
    device or pipe, a folder, larger than ``limit``; with ``private``, a file that is
    not this user's or that others may read or write)."""
    found = read_regular_file(path, limit, private=private)
    return None if found is None else found[0]


def read_regular_file(path: str, limit: int, *,
                      private: bool = False) -> tuple[bytes, os.stat_result] | None:
    """What :func:`read_regular` reads, with the file's status as it was read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        if private and (info.st_mode & 0o077 or info.st_uid != os.getuid()):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
        return (data, info) if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def write_private(path: str, chunks: Iterable[bytes], prefix: str) -> None:
    """Write ``chunks`` to ``path`` atomically (a temporary file readable by its owner
    alone, then a rename), making its folder private if needed; a folder that cannot
    be written keeps nothing."""
    import contextlib
    import tempfile

    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=prefix, dir=os.path.dirname(path))
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(chunks)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def seal(key: bytes, *parts: bytes | memoryview) -> bytes:
    """The hex HMAC-SHA256 of ``parts`` one after the other under ``key``: what a pack line
    carries."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest().encode("ascii")


def intact(key: bytes, sealed: bytes | memoryview, *parts: bytes | memoryview) -> bool:
    """Whether ``sealed`` is the seal of ``parts`` under ``key`` (compared in constant
    time)."""
    return hmac.compare_digest(seal(key, *parts), sealed)
