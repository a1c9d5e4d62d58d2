"""Data built once per installation (pint's unit definitions, the ECB rates by year), sealed.

Every start of factcheck used to rebuild the same data from the same installed files:
pint's parser read ``units.txt`` (about 10 ms) and the ECB zip was inflated and split
(about 15 ms). What such a step builds is kept here in a plain form (JSON and text,
never pickle) and read back instead, while the files it came from stay as they were.

One file per kind of data and stamp, in ``built/`` beside the seal's secret (see
:mod:`factcheck.cache.seal`), named by both (several installations of one user, such
as virtual environments or checkouts, each keep their own; the KEEP most recently
used of a kind stay: a file read back is marked used at most once an hour): a first
line ``factcheck-built-1 SEAL``, then an index line (JSON: the data's name, the
``stamp`` of what it was built from, extra ``meta`` data and each part's offset,
length and sha256 in the body), then the body. SEAL is
the HMAC of the index line under this user's secret, so only this user's factcheck
can have written it; a part is used only when its bytes have the digest the sealed
index gives. The stamp covers everything the data was built from (file contents or
size and modification time, library versions, the layout): when any of them changes,
the stamp differs and the data is built again. Anything absent, unsealed, malformed,
larger than its limit or of another stamp reads as absent. ``--no-cache`` does not
concern this data (it is the same for every run, and no result comes from it without
the code that checks claims running).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from typing import Any

LAYOUT = "factcheck-built-1"
_HEAD = len(LAYOUT) + 1 + 64 + 1  # layout, space, seal, newline
_HEX64 = frozenset("0123456789abcdef")


class Built:
    """Sealed data read back: its ``meta`` and its parts, each checked when read."""

    def __init__(self, meta: Any, parts: dict[str, tuple[int, int, str]], body: bytes) -> None:
        self.meta = meta
        self._parts = parts
        self._body = body

    def names(self) -> list[str]:
        """The parts' names, in the order they were stored."""
        return list(self._parts)

    def part(self, name: str) -> bytes | None:
        """The bytes of part ``name``, or None when absent or not the bytes that were sealed."""
        where = self._parts.get(name)
        if where is None:
            return None
        start, length, digest = where
        data = self._body[start:start + length]
        if len(data) != length or not hmac.compare_digest(hashlib.sha256(data).hexdigest(),
                                                          digest):
            return None
        return data


KEEP = 32
_USED_EVERY = 3600  # seconds between two marks of a file as used (its modification time)


def _path(name: str, stamp: str) -> str:
    from factcheck.cache.seal import folder

    return os.path.join(folder(), "built", f"{name}-{stamp[:32]}")


def _prune(name: str, folder: str) -> None:
    """Remove the files of ``name`` but the KEEP most recently used (by modification time:
    written, or marked when read back); the others belong to installations out of use."""
    import contextlib

    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            kind, _, stamp = entry.name.rpartition("-")
            if kind == name and len(stamp) == 32:
                with contextlib.suppress(OSError):
                    found.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
    for _, path in sorted(found, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _seal(key: bytes, index: bytes) -> str:
    return hmac.new(key, index, hashlib.sha256).hexdigest()


def load(name: str, stamp: str, limit: int) -> Built | None:
    """The data stored as ``name`` for ``stamp``, or None (see the module docstring)."""
    from factcheck.cache.seal import read_regular, secret

    key = secret()
    if key is None:
        return None
    raw = read_regular(_path(name, stamp), limit, private=True)
    if raw is None or len(raw) < _HEAD or raw[_HEAD - 1:_HEAD] != b"\n":
        return None
    head = raw[:_HEAD - 1].decode("ascii", "replace")
    layout, _, sealed = head.partition(" ")
    end = raw.find(b"\n", _HEAD)
    if layout != LAYOUT or end < 0:
        return None
    index = raw[_HEAD:end]
    if not hmac.compare_digest(_seal(key, index), sealed):
        return None
    try:
        found = json.loads(index)
    except ValueError:
        return None
    parts = _parts(found, name, stamp)
    if parts is None:
        return None
    _mark_used(_path(name, stamp))
    return Built(found["meta"], parts, raw[end + 1:])


def _mark_used(path: str) -> None:
    """Move the file's modification time to now when it is over an hour old, so that the
    files of installations in use stay among the KEEP newest."""
    import contextlib
    import time

    with contextlib.suppress(OSError):
        if time.time() - os.stat(path, follow_symlinks=False).st_mtime > _USED_EVERY:
            os.utime(path, follow_symlinks=False)


def _parts(found: Any, name: str, stamp: str) -> dict[str, tuple[int, int, str]] | None:
    """The index's parts, or None unless it is the index of ``name`` at ``stamp``, well formed."""
    if not isinstance(found, dict) or set(found) != {"name", "stamp", "meta", "parts"}:
        return None
    if found["name"] != name or found["stamp"] != stamp or not isinstance(found["parts"], list):
        return None
    parts: dict[str, tuple[int, int, str]] = {}
    for item in found["parts"]:
        if not (isinstance(item, list) and len(item) == 4 and isinstance(item[0], str)
                and all(type(n) is int and n >= 0 for n in item[1:3])
                and isinstance(item[3], str) and len(item[3]) == 64 and set(item[3]) <= _HEX64
                and item[0] not in parts):
            return None
        parts[item[0]] = (item[1], item[2], item[3])
    return parts


def store(name: str, stamp: str, meta: Any, parts: dict[str, bytes]) -> None:
    """Keep ``parts`` (with ``meta``, plain JSON) as ``name`` for ``stamp``, atomically;
    nothing is kept when there is no secret or the folder cannot be written."""
    from factcheck.cache.seal import secret, write_private

    key = secret()
    if key is None:
        return
    listed, offset = [], 0
    for part, data in parts.items():
        listed.append([part, offset, len(data), hashlib.sha256(data).hexdigest()])
        offset += len(data)
    index = json.dumps({"name": name, "stamp": stamp, "meta": meta, "parts": listed},
                       ensure_ascii=True, separators=(",", ":")).encode("ascii")
    head = f"{LAYOUT} {_seal(key, index)}\n".encode("ascii")
    path = _path(name, stamp)
    write_private(path, [head, index, b"\n", *parts.values()], ".built-")
    _prune(name, os.path.dirname(path))


def file_stamp(path: str) -> str:
    """What identifies a file's version without reading it: path, size, modification time
    and inode (a file rewritten in place or replaced changes at least one of them)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"{path}:unreadable:{exc.errno}"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}:{info.st_ino}"
