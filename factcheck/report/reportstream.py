"""A JSON report read claim by claim over a bounded window, each claim located in bytes.

``factcheck merge`` reads shard reports this way so that no report is ever whole in
memory: the top-level object and its ``claims`` list are walked here, and every other
value (and every claim) is decoded by the standard decoder with the strict number
hooks of :mod:`reportschema`. Only a well-formed report is read: anything else (bad
JSON, a bad number, bytes that are not UTF-8, a file past the size limit, a ``claims``
key twice) raises :class:`Unusual`, and the caller reads the file whole, as before,
which locates the error exactly (``file:line:col``) and says what to do.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from factcheck.report.reportschema import SURROGATE_ESCAPE

_WS = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, no other
CHUNK = 1 << 20  # bytes read at a time; the window grows only for an item longer than that
_BOM = b"\xef\xbb\xbf"

# A claim of a report: its decoded value, its byte offset and length in the file, and a
# digest of its bytes (to notice a file that changes before it is read again).
Item = tuple[Any, int, int, int]


# Salt of the digests, new in every process: Python's hash of bytes is keyed too, but by
# PYTHONHASHSEED when that is set (as CI runs often set it), and one who knows the key can
# make two claims of one digest; behind an unknown salt that needs the salt as well.
_SALT = os.urandom(16)


def digest(raw: bytes) -> int:
    """The digest of a claim's bytes, to notice other bytes read in their place."""
    return hash(_SALT + raw)


class Unusual(Exception):
    """Anything but a well-formed report: left to the whole-file reader to locate."""


class _Window:
    """The part of the file being read, as text: ``text[i]`` stands at byte ``offset``."""

    def __init__(self, fh: BinaryIO, limit: int) -> None:
        self.fh, self.limit = fh, limit
        self.decode = codecs.getincrementaldecoder("utf-8")("strict").decode
        self.text = ""
        self.i = 0
        self.offset = 0
        self.read = 0
        self.eof = False

    def more(self) -> bool:
        """Read on, keeping ``text[i:]``; False at the end of the file. Each read is at least
        as long as what is kept, so an item read in many steps costs linear time."""
        if self.eof:
            return False
        data = self.fh.read(max(CHUNK, len(self.text) - self.i))
        first = self.read == 0
        self.read += len(data)
        if first and data.startswith(_BOM):  # as utf-8-sig: one mark, dropped
            data = data[len(_BOM):]
            self.offset = len(_BOM)
            if not data:
                data = self.fh.read(CHUNK)  # a file of the mark alone ends here
                self.read += len(data)
        if self.read > self.limit:
            raise Unusual("larger than the limit")
        try:
            decoded = self.decode(data, final=not data)
        except UnicodeDecodeError:
            raise Unusual("not UTF-8") from None
        self.eof = not data
        # An escape of half a surrogate pair (looked for across the seam) is left to the
        # whole-file reader, which refuses an unpaired one where it is.
        if SURROGATE_ESCAPE.search(decoded) or SURROGATE_ESCAPE.search(self.text[-5:]
                                                                       + decoded[:5]):
            raise Unusual("a surrogate escape")
        self.text = self.text[self.i:] + decoded
        self.i = 0
        return True

    def advance(self, to: int) -> None:
        piece = self.text[self.i:to]
        self.offset += len(piece) if piece.isascii() else len(piece.encode("utf-8"))
        self.i = to

    def peek(self) -> str:
        """The character at ``i`` ("" at the end of the file), whitespace skipped first."""
        while True:
            blank = _WS.match(self.text, self.i)  # always matches, if only ""
            end = blank.end() if blank else self.i
            self.advance(end)
            if end < len(self.text) or not self.more():
                return self.text[self.i:self.i + 1]

    def take(self, char: str) -> None:
        if self.peek() != char:
            raise Unusual(f"expected {char!r}")
        self.advance(self.i + 1)

    def value(self, decoder: json.JSONDecoder) -> tuple[Any, int]:
        """The JSON value at ``i`` and where it ends, reading on until it is whole. (A
        number cut by the window's end is read as a shorter one; what follows it then is
        a digit, never the separator the caller takes, so the report is read whole.)"""
        while True:
            try:
                return decoder.raw_decode(self.text, self.i)
            except json.JSONDecodeError:
                if not self.more():
                    raise Unusual("not JSON") from None
            except (ValueError, RecursionError):  # a number refused, or nested too deep
                raise Unusual("refused") from None


class ReportItems:
    """The claims of one report as they come (``claims()``); then ``rest`` holds the report's
    other top-level values (each list read an item at a time, and kept)."""

    def __init__(self, path: str, limit: int) -> None:
        self.path, self.limit = path, limit
        self.rest: dict[str, Any] = {}

    def claims(self) -> Iterator[Item]:
        from factcheck.fileio import open_binary
        from factcheck.report.reportschema import strict_decoder

        try:
            fh = open_binary(self.path, regular_only=True)
        except Exception:  # the whole-file reader says what is wrong with the path
            raise Unusual("cannot open") from None
        with fh:
            if os.fstat(fh.fileno()).st_size > self.limit:
                raise Unusual("larger than the limit")
            yield from self._walk(_Window(fh, self.limit), strict_decoder())

    def _walk(self, w: _Window, decoder: json.JSONDecoder) -> Iterator[Item]:
        w.take("{")
        seen = False
        separator = ""
        while w.peek() != "}" or not separator:
            if separator:
                w.take(",")
            separator = ","
            if w.peek() != '"':
                raise Unusual("expected a key")
            key, end = w.value(decoder)
            w.advance(end)
            w.take(":")
            if key == "claims":
                if seen:
                    raise Unusual("claims twice")  # the last would count: read it whole
                seen = True
                yield from _items(w, decoder)
            elif w.peek() == "[":  # rate blocks and problems: an item at a time too
                self.rest[key] = [item[0] for item in _items(w, decoder)]
            else:
                self.rest[key], end = w.value(decoder)
                w.advance(end)
        w.take("}")
        if w.peek() != "" or not seen:
            raise Unusual("more after the report, or no claims")


def _items(w: _Window, decoder: json.JSONDecoder) -> Iterator[Item]:
    w.take("[")
    if w.peek() == "]":
        w.advance(w.i + 1)
        return
    while True:
        w.peek()
        obj, end = w.value(decoder)
        raw = w.text[w.i:end].encode("utf-8")
        yield obj, w.offset, len(raw), digest(raw)
        w.offset += len(raw)
        w.i = end
        if w.peek() == "]":
            w.advance(w.i + 1)
            return
        w.take(",")
