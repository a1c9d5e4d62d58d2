"""The JSON report: the contract that CI and other tools read (and ``merge`` joins)."""

from __future__ import annotations

import dataclasses
import json as _json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring as _string  # the C version where available
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.formats.escape import json_document
from factcheck.formats.jsontext import layout
from factcheck.report.details import Details, plain
from factcheck.report.record import Finding

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Report


def render(report: Report, options: RenderOptions) -> str:
    return json_document(dumps(report.to_json())) + "\n"


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written claim by claim: the same bytes, never one string.

    A whole report's pieces took more memory than its findings (a 100,000-claim report
    is 165 MB of text, built from 19 million pieces); here each claim's pieces are
    joined and written before the next claim is encoded, and so is each item of the
    other lists (rate blocks, coverage), which are as many as the articles.
    """
    data = dataclasses.replace(report, findings=[]).to_json()
    if not _plain_keys(data, _FLUSHED_DEPTH):
        out.write(render(report, options))
        return
    data["summary"] = report.summary()
    claims = data["claims"] = _Claims(report.findings, out)
    _write_flushed(data, claims, _FLUSHED_DEPTH)


def write_document(data: Any, out: TextIO, depth: int) -> bool:
    """Write ``json_document(dumps(data)) + "\\n"`` an item at a time, the items of lists
    and objects down to ``depth``; False, having written nothing, when an object down
    to that depth has a key that is not text (the caller renders it whole)."""
    if not _plain_keys(data, depth):
        return False
    _write_flushed(data, _Sink(out), depth)
    return True


def _write_flushed(data: Any, sink: _Sink, depth: int) -> None:
    _encode_flushed(data, "\n", sink, depth)
    sink.pieces.append("\n")
    sink.flush(now=True)


# Lists and objects this deep in the report are written a few items at a time.
_FLUSHED_DEPTH = 3
# How many pieces are written at once (a claim is one to three pieces, 2 KB).
_PIECES = 64


def _plain_keys(o: Any, depth: int) -> bool:
    """Whether every object that ``_encode_flushed`` lays out itself (down to ``depth``)
    has text keys: below that, values the fast path does not take are encoded by the
    standard encoder where they stand, which writes what it writes for a whole document."""
    cls = o.__class__
    if depth == 0 or not (cls is dict or cls is list or cls is tuple):
        return True
    if cls is dict:
        return all(k.__class__ is str for k in o) and all(
            _plain_keys(v, depth - 1) for v in o.values())
    return all(_plain_keys(v, depth - 1) for v in o)


def _encode_flushed(o: Any, newline: str, claims: _Sink, depth: int) -> None:
    """As ``_encode``, writing out what is encoded after each item of a list or object
    down to ``depth`` (a piece is a whole token, so no escaped sequence spans writes)."""
    cls = o.__class__
    if cls is _Claims:
        _encode_claims(o, newline, claims.pieces.append)  # each claim has its own fallback
        return
    if depth == 0 or not (cls is dict or cls is list or cls is tuple) or not o:
        pieces = claims.pieces
        if cls is dict or cls is list or cls is tuple:
            laid = _flat(o, newline)
            if laid is not None:
                pieces.append(laid)
                return
        mark = len(pieces)
        try:
            _encode(o, newline, pieces.append)
        except (_Unusual, RecursionError):
            # The standard encoder's text of a value nested here is its text of the
            # value alone, each line indented as deep as the value stands.
            del pieces[mark:]
            pieces.append(_json.dumps(o, ensure_ascii=False, indent=2).replace("\n", newline))
        return
    append = claims.pieces.append
    inner = newline + "  "
    items = o.items() if cls is dict else (("", v) for v in o)
    separator = ("{" if cls is dict else "[") + inner
    for key, value in items:
        append(separator)
        if cls is dict:
            append(_string(key))
            append(": ")
        _encode_flushed(value, inner, claims, depth - 1)
        claims.flush()
        separator = "," + inner
    append(newline)
    append("}" if cls is dict else "]")


def dumps(data: Any, newline: str = "\n") -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, about twice as fast.

    With ``indent`` the standard library encodes in pure Python, half the time of a
    100,000-claim report; plain JSON data (dict with str keys, list, tuple, str,
    int, float, bool, None) is written here the same way, character for character;
    anything else goes to the standard encoder. ``newline`` is what starts each line
    after the first: ``"\n"`` and the indentation of the place where the text goes.
    """
    out: list[str] = []
    try:
        _encode(data, newline, out.append)
    except (_Unusual, RecursionError):
        return _json.dumps(data, ensure_ascii=False, indent=2).replace("\n", newline)
    return "".join(out)


def _refuse(o: Any) -> Any:
    raise TypeError(f"{type(o).__name__} is not JSON")


# The tokens json.dumps writes (NaN as NaN, text as it is), without spaces or lines:
# the C encoder made once (JSONEncoder.encode makes one at every call), if there is one.
_C_ENCODER = getattr(_json.encoder, "c_make_encoder", None)
if _C_ENCODER is not None:
    _c_compact = _C_ENCODER(None, _refuse, _string, None, ":", ",", False, False, True)

    def _compact(o: Any) -> str:
        return "".join(_c_compact(o, 0))
else:  # pragma: no cover - CPython has it
    _compact = _json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def _flat(o: Any, newline: str) -> str | None:
    """``dumps(o, newline)`` for an object or a list of single values, or a list of
    lists of them (a rate series), from the C encoder's compact text; None for
    anything else, or where a text holds a comma, colon or bracket (the caller encodes
    it). The counts say that every comma, colon and bracket in the text is its own."""
    if o and o.__class__ is not dict and o[0].__class__ is tuple:
        laid = _dated_rows(o, newline)
        if laid is not None:
            return laid
    try:
        text = _compact(o)
    except (TypeError, ValueError, RecursionError):
        return None
    n = len(o)
    inner = newline + "  "
    if text[0] == "{":
        if text.count(",") != n - 1 or text.count(":") != n or text.count("{") != 1 \
                or "[" in text:
            return None
        return f"{{{inner}{text[1:-1].replace(',', ',' + inner).replace(':', ': ')}{newline}}}"
    if text[1] != "[":
        if text.count(",") != n - 1 or text.count("[") != 1 or "{" in text:
            return None
        return f"[{inner}{text[1:-1].replace(',', ',' + inner)}{newline}]"
    if not {*map(type, o)} <= _LISTS or text.count("[") != n + 1 or \
            text.count("]") != n + 1 or "{" in text or text.count(",") != sum(map(len, o)) - 1:
        return None  # (an empty row has one comma less than its length says)
    row = inner + "  "
    body = text[2:-2].replace("],[", "\0").replace(",", "," + row)
    body = body.replace("\0", f"{inner}],{inner}[{row}")  # no NUL stands as itself in JSON
    return f"[{inner}[{row}{body}{inner}]{newline}]"


_LISTS = {list, tuple}


def _dated_rows(rows: Any, newline: str) -> str | None:
    """``dumps(rows, newline)`` for rows of a day and a rate, each row's text kept: the
    same days' rates recur in the windows of many articles, and writing a float was
    most of a series' time. None for any other row (the caller encodes it)."""
    kept = _ROWS.get(newline)
    if kept is None or len(kept) >= _MAX_ROWS:
        kept = _ROWS[newline] = {}
    inner = newline + "  "
    out = []
    for row in rows:
        # Only a row of a str and a float (not 0.0, which equals -0.0) is kept or looked
        # up, so that a row found is equal to one of the same types: the same text.
        if row.__class__ is not tuple or len(row) != 2 or row[0].__class__ is not str \
                or row[1].__class__ is not float or not row[1]:
            return None
        text = kept.get(row)
        if text is None:
            text = _flat(row, inner)
            if text is None:
                return None
            kept[row] = text
        out.append(text)
    return _items(out, newline)


_ROWS: dict[str, dict[tuple[str, float], str]] = {}
_MAX_ROWS = 1 << 16


class _Unusual(Exception):
    """A value the fast path leaves to the standard encoder."""


def _encode(o: Any, newline: str, append: Callable[[str], None]) -> None:
    cls = o.__class__
    if cls is str:
        append(_string(o))
    elif cls is dict:
        if not o:
            append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, value in o.items():
            if key.__class__ is not str:
                raise _Unusual
            # A value that is one token is written with its key in one piece: most
            # values are, and a call per value was most of the time.
            vc = value.__class__
            if vc is str:
                append(f"{separator}{_string(key)}: {_string(value)}")
            elif vc is dict or vc is list or vc is tuple:
                append(f"{separator}{_string(key)}: ")
                _encode(value, inner, append)
            else:
                token = _token(value)
                if token is None:
                    raise _Unusual
                append(f"{separator}{_string(key)}: {token}")
            separator = "," + inner
        append(newline + "}")
    elif cls is list or cls is tuple:
        if not o:
            append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for value in o:
            vc = value.__class__
            if vc is str:
                append(separator + _string(value))
            elif vc is dict or vc is list or vc is tuple:
                append(separator)
                _encode(value, inner, append)
            else:
                token = _token(value)
                if token is None:
                    raise _Unusual
                append(separator + token)
            separator = "," + inner
        append(newline + "]")
    elif cls is _Claims:
        _encode_claims(o, newline, append)
    else:
        token = _token(o)
        if token is None:
            raise _Unusual
        append(token)


def _token(o: Any) -> str | None:
    """A plain value that is one token (text, number, true, false, null) as JSON; None
    for anything else (a list or an object; a value that is not plain JSON data)."""
    cls = o.__class__
    if cls is str:
        return _string(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if cls is int:
        return int.__repr__(o)
    if cls is float:
        if o != o or o in (_INF, -_INF):
            raise _Unusual
        return float.__repr__(o)
    return None


class _Sink:
    """Where a document is encoded: ``pieces``, which ``flush`` writes and empties."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.pieces: list[str] = []

    def flush(self, *, now: bool = False) -> None:
        """Write the pieces when there are enough of them (or ``now``): a write per item
        of a list cost more than encoding some of them; a few dozen items are a few
        dozen kilobytes."""
        pieces = self.pieces
        if len(pieces) < _PIECES and not now:
            return
        # Written between whole pieces: no escaped sequence spans two writes.
        self.out.write(json_document("".join(pieces)))
        pieces.clear()


class _Claims(_Sink):
    """The findings of a report, encoded one by one as the ``claims`` list is written."""

    def __init__(self, findings: Iterable[Any], out: TextIO) -> None:
        super().__init__(out)
        self.findings = findings


def _encode_claims(claims: _Claims, newline: str, append: Callable[[str], None]) -> None:
    inner = newline + "  "
    separator = "[" + inner
    pieces = claims.pieces
    for finding in claims.findings:
        append(separator)
        mark = len(pieces)
        try:
            _encode_finding(finding, inner, append)
        except (_Unusual, RecursionError, TypeError):
            # as dumps() does for a whole report: the standard encoder, same layout
            del pieces[mark:]
            data = finding.to_json()
            append(_json.dumps(data, ensure_ascii=False, indent=2).replace("\n", inner))
        claims.flush()
        separator = "," + inner
    if separator[0] == "[":
        append("[]")
        return
    append(newline)
    append("]")


def _encode_finding(f: Any, newline: str, append: Callable[[str], None]) -> None:
    """``_encode(f.to_json(), newline, append)``, with a finding's fields laid out in one
    string and its details from their text: the generic walk over them was most of a
    claim's encoding. A field of another type than a finding's raises TypeError (from
    the string encoder or here) or _Unusual, and the caller encodes it the standard way."""
    if f.__class__ is not Finding:
        _encode(f.to_json(), newline, append)
        return
    if f.line.__class__ is not int or f.col.__class__ is not int:
        raise _Unusual
    s = _string
    k = "," + newline + "  "
    inner = newline + "  "
    details = f.details
    laid = layout(details.text, inner) if details.__class__ is Details else None  # type: ignore[attr-defined]
    if laid is None:
        pieces: list[str] = []
        _encode(plain(details), inner, pieces.append)
        laid = "".join(pieces)
    span = f.quote_span
    if span is None:
        span_text = "null"
    elif span.__class__ is tuple and {*map(type, span)} == _INT:
        span_text = _items(list(map(int.__repr__, span)), inner)
    else:
        raise _Unusual
    # Claims share their sources (a fact's source, the same for many claims).
    cached = (inner, f.sources)
    sources = _SOURCES.get(cached)
    if sources is None:
        item = inner + "  "  # where a source's braces stand, and its fields a level deeper
        sources = _items([f'{{{item}  "id": {s(i)},{item}  "title": {s(t)},'
                          f'{item}  "url": {s(u)}{item}}}' for i, t, u in f.sources], inner)
        if len(_SOURCES) >= _MAX_SOURCES:
            _SOURCES.clear()
        _SOURCES[cached] = sources
    warnings = _items(list(map(s, f.warnings)), inner) if f.warnings else "[]"
    append(f'{{{newline}  "id": {s(f.claim_id)}{k}"article": {s(f.article_id)}'
           f'{k}"file": {s(f.file)}{k}"line": {int.__repr__(f.line)}'
           f'{k}"col": {int.__repr__(f.col)}{k}"kind": {s(f.kind)}{k}"quote": {s(f.quote)}'
           f'{k}"verdict": {s(f.verdict)}{k}"expect": {s(f.expect)}'
           f'{k}"message": {s(f.message)}{k}"warnings": {warnings}'
           f'{k}"details": {laid}{k}"quote_span": {span_text}'
           f'{k}"note": {s(f.note)}{k}"said": {s(f.said)}{k}"data_says": {s(f.data_says)}'
           f'{k}"difference": {s(f.difference)}{k}"difference_pct": {s(f.difference_pct)}'
           f'{k}"sources": {sources}{newline}}}')


def _items(tokens: list[str], newline: str) -> str:
    """A list of values already encoded, laid out where a line starts with ``newline``."""
    if not tokens:
        return "[]"
    inner = newline + "  "
    return f"[{inner}{(',' + inner).join(tokens)}{newline}]"


_INT = {int}
_SOURCES: dict[tuple[str, Any], str] = {}
_MAX_SOURCES = 4096
_INF = float("inf")
