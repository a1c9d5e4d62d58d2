"""The JSON report: the contract that CI and other tools read (and ``merge`` joins)."""

from __future__ import annotations

import json as _json
from collections.abc import Callable
from json.encoder import encode_basestring as _string  # the C version where available
from typing import TYPE_CHECKING, Any

from factcheck.formats.escape import json_document

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Report


def render(report: Report, options: RenderOptions) -> str:
    return json_document(dumps(report.to_json())) + "\n"


def dumps(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, about twice as fast.

    With ``indent`` the standard library encodes in pure Python, half the time of a
    100,000-claim report; plain JSON data (dict with str keys, list, tuple, str,
    int, float, bool, None) is written here the same way, character for character;
    anything else goes to the standard encoder.
    """
    out: list[str] = []
    try:
        _encode(data, "\n", out.append)
    except (_Unusual, RecursionError):
        return _json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


class _Unusual(Exception):
    """A value the fast path leaves to the standard encoder."""


def _encode(o: Any, newline: str, append: Callable[[str], None]) -> None:
    cls = o.__class__
    if cls is str:
        append(_string(o))
    elif o is None:
        append("null")
    elif o is True:
        append("true")
    elif o is False:
        append("false")
    elif cls is int:
        append(int.__repr__(o))
    elif cls is float:
        if o != o or o in (_INF, -_INF):
            raise _Unusual
        append(float.__repr__(o))
    elif cls is dict:
        if not o:
            append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, value in o.items():
            if key.__class__ is not str:
                raise _Unusual
            append(separator)
            append(_string(key))
            append(": ")
            _encode(value, inner, append)
            separator = "," + inner
        append(newline)
        append("}")
    elif cls is list or cls is tuple:
        if not o:
            append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for value in o:
            append(separator)
            _encode(value, inner, append)
            separator = "," + inner
        append(newline)
        append("]")
    else:
        raise _Unusual


_INF = float("inf")
