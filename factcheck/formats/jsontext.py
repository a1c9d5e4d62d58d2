"""Compact ASCII JSON text laid out as ``json.dumps(indent=2, ensure_ascii=False)`` would."""

from __future__ import annotations

import json
import re
from operator import itemgetter
from typing import Any

# A finding's details are kept as compact ASCII JSON text (report/details.py). Decoding
# them and walking the dict again was most of the JSON report's time; here the text is
# split at its quotes, so that the pieces between strings (the structure, numbers and
# true/false/null) alternate with the strings' contents. Details of one kind share their
# structure, so its layout is worked out once per structure (numbers masked) and the
# strings are put back between its pieces. Rate blocks and other plain data go the same
# way from the C encoder's compact text. Anything this does not read exactly as the
# decoder would (another escape, a quote inside a string, whitespace, text that is not
# JSON) gets None, and the caller decodes and encodes the value as before.

# Escapes whose characters need a look of their own: ASCII (a quote, a backslash, a
# control, or a character an encoder writes raw) and the surrogates (a pair is one
# character). ``\U`` and ``\/`` are not an ASCII encoder's own; an escaped quote
# would stand where the text is split.
_UNUSUAL = re.compile(rb'\\(?:u(?:00[0-7]|[dD][89a-fA-F]|[0-9a-f]{0,3}[A-F])|U|/|")')
# Raw controls, which the decoder refuses in a string (the text is split, not decoded).
_CONTROLS = bytes(range(0x20))
_TOKEN = re.compile(r"[{}\[\]:,]|true|false|null|-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_NUMBER = re.compile(rb"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_decode = json.JSONDecoder().decode
_encode = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode
_MASK = bytes.maketrans(b"123456789", b"000000000")
# Two bytes: the one-byte b"\0" is an object CPython shares, which quicktions can
# overwrite (see quantity/rational.py); no text this lays out holds a NUL.
_APART = b"\0\0"
_MAX_DEPTH = 64  # deeper text goes the standard way, which says what it says of it
_MAX_SHAPES = 2048
_MAX_KEY_SETS = 256


class _Shape:
    """One structure's layout: the pieces between strings, and what varies in them."""

    __slots__ = ("pieces", "numbers", "numbered", "keys", "objects", "seen")

    def __init__(self, pieces: list[str], numbers: list[int],
                 objects: list[tuple[int, ...]]) -> None:
        self.pieces = [p.encode("ascii") for p in pieces]  # laid out; '%s' for numbers
        # Where the pieces with numbers stand among the segments, and their layouts
        # in one text (two NULs between two), filled in with one % and split again.
        self.numbers = [2 * at for at in numbers]
        self.numbered = _APART.join(self.pieces[at] for at in numbers)
        every = [k for keys in objects for k in keys]
        self.keys = itemgetter(*every) if len(every) > 1 else None
        self.objects = [(itemgetter(*keys), len(keys)) for keys in objects if len(keys) > 1]
        self.seen: set[Any] = set()


_SHAPES: dict[tuple[str, bytes], _Shape | None] = {}
_MISSING: Any = object()


def layout(text: str, newline: str) -> str | None:
    """``json.dumps(json.loads(text), indent=2, ensure_ascii=False)`` with every line
    after the first starting ``newline`` instead of ``"\\n"``, for ``text`` as a compact
    ASCII encoder writes it; None for text it does not take (the caller decodes it).

    The work is done on the text's bytes (ASCII): splitting and joining them is
    cheaper than doing so with text, and the escapes are decoded once at the end.
    """
    if len(text) < 2:
        return None  # a digit, not an object or a list (and its bytes may be shared)
    try:
        data = text.encode("ascii")
    except UnicodeEncodeError:
        return None
    if len(data.translate(None, _CONTROLS)) != len(data) or (
            b"\\" in data and _UNUSUAL.search(data)):
        return None
    segments = data.split(b'"')
    if not len(segments) & 1:
        return None  # a string left open
    between = segments[0::2]
    structure = b'"'.join(between)
    # Numbers are checked and put back piece by piece: 1.5 and 2.5 share a shape.
    # A structure without digits is its own key, looked up first.
    key = (newline, structure)
    shape = _SHAPES.get(key, _MISSING)
    if shape is _MISSING:
        masked = structure.translate(_MASK)
        if masked != structure:
            key = (newline, masked)
        shape = _SHAPES.get(key, _MISSING)
        if shape is _MISSING:
            if len(_SHAPES) >= _MAX_SHAPES:
                _SHAPES.clear()
            shape = _SHAPES[key] = _build([b.decode("ascii") for b in between], newline)
    if shape is None:
        return None
    if shape.keys is not None:
        keys = shape.keys(segments)
        if keys not in shape.seen:
            # A repeated key: the decoder keeps one of them (non-text keys of a dict
            # are written as text, and 1 and "1" meet).
            for get, n in shape.objects:
                if len(set(get(segments))) != n:
                    return None
            if len(shape.seen) >= _MAX_KEY_SETS:
                shape.seen.clear()
            shape.seen.add(keys)
    segments[0::2] = shape.pieces
    if shape.numbers:
        numbers = _NUMBER.findall(structure)
        listed = (b"[" + b",".join(numbers) + b"]").decode("ascii")
        try:
            # Each number as the decoder reads it and the encoder writes it (1.0E5 and
            # -0 are not what they read as; 1e999 is infinite).
            if _encode(_decode(listed)) != listed:
                return None
        except ValueError:
            return None
        laid = (shape.numbered % tuple(numbers)).split(_APART)
        for at, piece in zip(shape.numbers, laid, strict=True):
            segments[at] = piece
    joined = b'"'.join(segments)
    if b"\\u" in joined:
        # Escaped characters as the encoder writes them without ensure_ascii; the
        # pattern above left only those it writes as they are (from U+0080 on).
        try:
            return joined.decode("raw_unicode_escape")
        except UnicodeDecodeError:
            return None
    return joined.decode("ascii")


def _build(between: list[str], newline: str) -> _Shape | None:
    """The layout of the pieces between strings, or None if they are not compact JSON
    of one value (strings standing where the pieces leave them)."""
    if not newline.isascii():
        return None
    tokens: list[tuple[int, str]] = []  # (index of the piece, token); "" for a string
    for at, piece in enumerate(between):
        pos = 0
        while pos < len(piece):
            m = _TOKEN.match(piece, pos)
            if m is None:
                return None
            tokens.append((at, m.group()))
            pos = m.end()
        if at < len(between) - 1:
            tokens.append((at, '"'))
    pieces = [""] * len(between)
    numbers: set[int] = set()
    objects: list[tuple[int, ...]] = []
    # The parser's stack: for each open container, its kind and (objects) its keys.
    stack: list[tuple[str, list[int]]] = []
    # What may come next: "value", "key" (or "}" right after "{"), ":", "," or a close.
    expect = "value"
    first = False  # just after an opening bracket
    for i, (at, tok) in enumerate(tokens):
        depth = len(stack)
        if expect == "value" or (expect == "key" and first):
            if first and tok in "]}" and tok == ("]" if stack[-1][0] == "[" else "}"):
                stack.pop()
                pieces[at] += tok
                first = False
                expect = "after"
                continue
            if expect == "key":
                if tok != '"':
                    return None
                stack[-1][1].append(at)
                expect = ":"
                first = False
                continue
            first = False
            if tok in "{[":
                if depth >= _MAX_DEPTH:
                    return None
                stack.append((tok, []))
                nxt = tokens[i + 1][1] if i + 1 < len(tokens) else ""
                empty = nxt == ("]" if tok == "[" else "}")
                pieces[at] += tok if empty else tok + newline + "  " * (depth + 1)
                expect = "value" if tok == "[" else "key"
                first = True
                continue
            if tok in "]}:,":
                return None
            if tok != '"':
                if tok[0] in "-0123456789":
                    numbers.add(at)
                    pieces[at] += "%s"
                else:
                    pieces[at] += tok
            expect = "after"
        elif expect == "key":
            if tok != '"':
                return None
            stack[-1][1].append(at)
            expect = ":"
        elif expect == ":":
            if tok != ":":
                return None
            pieces[at] += ": "
            expect = "value"
        else:  # after a value
            if not stack:
                return None  # text after the value
            kind, keys = stack[-1]
            if tok == ",":
                pieces[at] += "," + newline + "  " * depth
                expect = "value" if kind == "[" else "key"
            elif tok == ("]" if kind == "[" else "}"):
                stack.pop()
                if kind == "{":
                    objects.append(tuple(2 * k + 1 for k in keys))
                pieces[at] += newline + "  " * (depth - 1) + tok
            else:
                return None
    if stack or expect != "after":
        return None
    return _Shape(pieces, sorted(numbers), objects)
