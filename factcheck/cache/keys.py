"""What a cached result depends on, as digests: the run's environment, files, the facts.

The environment key covers what changes every result of a run: factcheck's version
and the content of its own files (code, unit definitions, number words), the
versions of the libraries that compute (pint, pydantic, quicktions), the ECB data,
Python's version, the working folder (paths in messages are relative to it) and the
options that change results (``--rates`` and its content, ``--article``, the roots).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.report.runner import CheckOptions

# Bumped when what a cache entry means changes without factcheck's files changing.
FORMAT = "factcheck-cache-1"
_LIBRARIES = ("pint", "pydantic", "quicktions", "currencyconverter", "PyYAML")
_LIBRARY_MODULES = ("pint", "pydantic", "quicktions", "currency_converter", "yaml")
_OWN_SUFFIXES = (".py", ".txt", ".tsv", ".csv", ".json")


def digest(*parts: str) -> str:
    """sha256 (hex) of the parts, each ended by a NUL so that no two splits collide."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def file_digest(path: str, limit: int) -> str:
    """sha256 (hex) of a file's bytes; a marker for a file that cannot be read or is
    larger than ``limit`` (its readers report why; the marker only changes keys)."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return "not-regular"
        if info.st_size > limit:
            return f"too-large:{info.st_size}"
        # Read straight from the descriptor: the size known, one read and one more to
        # see the end (a file object would add a descriptor and its calls per file).
        hasher, size = hashlib.sha256(), 0
        while size <= limit:
            wanted = info.st_size - size + 1 if size < info.st_size else 1 << 16
            chunk = os.read(fd, min(wanted, limit + 1 - size))
            if not chunk:
                break
            hasher.update(chunk)
            size += len(chunk)
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    finally:
        os.close(fd)
    if size > limit:
        return f"too-large:{size}"
    return hasher.hexdigest()


@functools.cache
def _installation() -> str:
    """The digest of factcheck's version and files, the libraries' versions, the ECB data
    and Python, read from the memo beside the seal's secret while none of those files
    changed size or modification time (hashing them all is most of a small run's start)."""
    own = _own_files()
    ecb = _ecb_path()
    stamp = digest(FORMAT, sys.version, sys.executable,
                   *(_stat_line(p) for p in (*own, *_library_files(), ecb or "")))
    memo = os.path.join(_seal_folder(), "installation.json")
    remembered = _read_memo(memo)
    if remembered is not None and remembered[0] == stamp:
        return remembered[1]
    found = _contents(own, ecb)
    _write_memo(memo, stamp, found)
    return found


def _seal_folder() -> str:
    from factcheck.cache.seal import folder

    return folder()


def _own_files() -> list[str]:
    import factcheck

    package = os.path.dirname(os.path.abspath(factcheck.__file__))
    own: list[str] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "__")))
        own.extend(os.path.join(folder, n) for n in names if n.endswith(_OWN_SUFFIXES))
    return sorted(own)


def _library_files() -> list[str]:
    """Each library's top module file (rewritten when the library is upgraded)."""
    import importlib.util

    found = []
    for module in _LIBRARY_MODULES:
        spec = importlib.util.find_spec(module)
        found.append(spec.origin if spec is not None and spec.origin else module)
    return found


def _stat_line(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError as exc:
        return f"{path}:unreadable:{exc.errno}"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def _contents(own: list[str], ecb: str | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    import factcheck

    package = os.path.dirname(os.path.abspath(factcheck.__file__))
    parts = [FORMAT, sys.version]
    for name in ("factcheck", *_LIBRARIES):
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    for path in own:
        parts += [os.path.relpath(path, package), file_digest(path, 1 << 26)]
    parts.append("ecb=none" if ecb is None else "ecb=" + file_digest(ecb, 1 << 28))
    return digest(*parts)


def _ecb_path() -> str | None:
    import importlib.util

    spec = importlib.util.find_spec("currency_converter")
    if spec is None or spec.origin is None:
        return None
    return os.path.join(os.path.dirname(spec.origin), "eurofxref-hist.zip")


_HEX64 = frozenset("0123456789abcdef")


def _read_memo(path: str) -> tuple[str, str] | None:
    """(stamp, digest) from the memo, or None unless it is a small regular file holding
    exactly two 64-digit hex strings."""
    import json

    from factcheck.cache.seal import read_regular

    raw = read_regular(path, 1024, private=True)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or set(data) != {"stamp", "digest"}:
        return None
    stamp, found = data["stamp"], data["digest"]
    if not all(isinstance(v, str) and len(v) == 64 and set(v) <= _HEX64 for v in (stamp, found)):
        return None
    return stamp, found


def _write_memo(path: str, stamp: str, found: str) -> None:
    """Keep the memo (atomically); a folder that cannot be written keeps none."""
    import json

    from factcheck.cache.seal import write_private

    write_private(path, [json.dumps({"stamp": stamp, "digest": found}).encode("ascii")],
                  ".installation-")


def environment(options: CheckOptions) -> str:
    """The key every entry of this run shares (see the module docstring)."""
    from factcheck import limits

    parts = [_installation(), os.getcwd(), *options.read_roots, "|"]
    for given in (options.rates_file, options.article_file):
        if given is None:
            parts += ["-", "-"]
        else:
            parts += [os.path.abspath(given), file_digest(given, limits.MAX_TEXT_BYTES)]
    return digest(*parts)
