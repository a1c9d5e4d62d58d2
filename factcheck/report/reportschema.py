"""Reading a JSON report strictly: bounded numbers, a type for every field, located errors.

A JSON report given to ``factcheck merge`` or to the pytest plugin may come from
anyone. Every number must be finite and short (``1e999``, ``NaN`` and a 5,000-digit
integer are refused while parsing), every field the formats read must have the type
the report contract gives it (a rate is a JSON number, never a string such as
``"1e999999999"`` that exact arithmetic would expand), and every problem is reported
with the file, the place in it and the path of the value (``claims[3].line``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from factcheck.errors import ClaimFileError, FactcheckError, InputErrors, Location

HINT = "give the unmodified output of `factcheck check --format json`"
MAX_NUMBER_CHARS = 40  # a number literal longer than this is no number factcheck writes
MAX_ABS = 1e30  # and no figure of a report is larger
MAX_LINE = 10**9
MAX_PROBLEMS = 20  # problems reported per file; the rest are counted

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_CODE = re.compile(r"[a-z][a-z0-9_.\-/]{0,99}")
_KIND = re.compile(r"[a-z][a-z_\-]{0,39}")
_CURRENCY = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERCENT = re.compile(r"-?\d{1,12}(\.\d{1,12})?")


class _Literal(ValueError):
    """A number literal refused while parsing."""

    def __init__(self, literal: str, why: str) -> None:
        super().__init__(why)
        self.literal, self.why = literal, why


def _int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _Literal(literal, f"an integer of {len(literal)} digits")
    return int(literal)


def _float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _Literal(literal, f"a number written with {len(literal)} characters")
    value = float(literal)
    if not abs(value) <= MAX_ABS:
        raise _Literal(literal, "a number beyond 1e30")
    return value


def _constant(literal: str) -> Any:
    raise _Literal(literal, f"{literal}, which is not a number in JSON")


# The tokens of JSON text a literal may be confused with: strings (skipped whole, so a
# literal quoted inside one is passed over) and numbers and constants as the decoder
# reads them. Possessive throughout: linear in the text.
_TOKENS = re.compile(r'"(?:[^"\\]++|\\[\s\S])*+"'
                     r"|-?(?:0|[1-9]\d*+)(?:\.\d++)?+(?:[eE][-+]?\d++)?+|-?Infinity|NaN")


# An escape that may stand for half of a UTF-16 surrogate pair (or be quoted text).
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_STRING = re.compile(r'"(?:[^"\\]++|\\[\s\S])*+"')


def lone_surrogate_at(text: str) -> int:
    """Where a string of the JSON ``text`` (keys too) starts whose escapes leave a surrogate
    unpaired, which Python decodes but no UTF-8 output can hold; -1 when none does."""
    if SURROGATE_ESCAPE.search(text) is None:
        return -1
    for token in _STRING.finditer(text):
        if SURROGATE_ESCAPE.search(token.group()) is None:
            continue
        try:
            json.loads(token.group()).encode("utf-8")
        except (UnicodeEncodeError, ValueError):
            return token.start()
    return -1


def _literal_at(text: str, literal: str) -> int:
    """Where the decoder met ``literal``: the first number or constant token (outside
    strings) written so; the decoder stops at the first it refuses. -1 when none is."""
    for token in _TOKENS.finditer(text):
        if token.group() == literal:
            return token.start()
    return -1


def _shown(literal: str) -> str:
    return literal if len(literal) <= 40 else literal[:39] + "…"


def read_report(path: str) -> str:
    """A JSON report's text: a regular file of at most ``limits.MAX_REPORT_BYTES``."""
    from factcheck import limits
    from factcheck.fileio import read_text

    return read_text(path, limit=limits.MAX_REPORT_BYTES, regular_only=True)


def strict_decoder() -> json.JSONDecoder:
    """A decoder that bounds every number as ``load_json`` does (refusals raise ValueError)."""
    return json.JSONDecoder(parse_int=_int, parse_float=_float, parse_constant=_constant)


def load_json(text: str, origin: str) -> Any:
    """``text`` parsed as JSON with every number bounded; errors located in ``origin``."""
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ClaimFileError(f"not valid JSON: {exc.msg}", hint=HINT,
                             location=Location(origin, exc.lineno, exc.colno),
                             code="merge.not-json") from None
    except _Literal as exc:
        at = _literal_at(text, exc.literal)
        line = text.count("\n", 0, at) + 1 if at >= 0 else 0
        col = at - text.rfind("\n", 0, at) if at >= 0 else 0
        raise ClaimFileError(
            f"the number {_shown(exc.literal)!r} is {exc.why}; a report holds finite numbers "
            f"of at most {MAX_NUMBER_CHARS} characters", hint=HINT,
            location=Location(origin, line, col), code="merge.bad-number") from None
    except RecursionError:
        raise ClaimFileError("JSON nested too deeply to read", hint=HINT,
                             location=Location(origin), code="merge.not-json") from None
    at = lone_surrogate_at(text)
    if at >= 0:
        line = text.count("\n", 0, at) + 1
        raise ClaimFileError(
            "this string holds an unpaired UTF-16 surrogate (\\ud800 to \\udfff), which no "
            "report can hold: it cannot be written as UTF-8", hint=HINT,
            location=Location(origin, line, at - text.rfind("\n", 0, at)), code="merge.not-json")
    return data


# -- the report contract, field by field ------------------------------------------------
Check = Callable[[Any, str, list[str]], None]


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def string(pattern: re.Pattern[str] | None = None) -> Check:
    def check(v: Any, path: str, problems: list[str]) -> None:
        if not isinstance(v, str):
            problems.append(f"{path} must be a string, not {_kind(v)}")
        elif pattern is not None and not pattern.fullmatch(v):
            problems.append(f"{path} {_shown(v)!r} is not of the form the report writes")
    return check


def integer(low: int = 0, high: int = MAX_LINE) -> Check:
    def check(v: Any, path: str, problems: list[str]) -> None:
        if not isinstance(v, int) or isinstance(v, bool):
            problems.append(f"{path} must be a whole number, not {_kind(v)}")
        elif not low <= v <= high:
            problems.append(f"{path} {v} is outside {low} to {high}")
    return check


def number(v: Any, path: str, problems: list[str]) -> None:
    if not _is_number(v):
        problems.append(f"{path} must be a JSON number, not {_kind(v)}")


def optional(inner: Check) -> Check:
    def check(v: Any, path: str, problems: list[str]) -> None:
        if v is not None:
            inner(v, path, problems)
    return check


def array(inner: Check, *, length: int | None = None) -> Check:
    def check(v: Any, path: str, problems: list[str]) -> None:
        if not isinstance(v, list):
            problems.append(f"{path} must be a list, not {_kind(v)}")
            return
        if length is not None and len(v) != length:
            problems.append(f"{path} must have {length} entries, not {len(v)}")
            return
        for i, item in enumerate(v):
            inner(item, f"{path}[{i}]", problems)
    return check


def record(required: dict[str, Check], optional_fields: dict[str, Check] | None = None) -> Check:
    """An object with these fields; others are passed through untouched."""
    def check(v: Any, path: str, problems: list[str]) -> None:
        if not isinstance(v, dict):
            problems.append(f"{path} must be an object, not {_kind(v)}")
            return
        for key, inner in required.items():
            if key not in v:
                problems.append(f"{path} has no {key!r}")
            else:
                inner(v[key], f"{path}.{key}", problems)
        for key, inner in (optional_fields or {}).items():
            if key in v:
                inner(v[key], f"{path}.{key}", problems)
    return check


def one_of(values: frozenset[str]) -> Check:
    def check(v: Any, path: str, problems: list[str]) -> None:
        if v not in values:
            problems.append(f"{path} {_shown(str(v))!r} is not one of {', '.join(sorted(values))}")
    return check


def _kind(v: Any) -> str:
    if v is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "an object"}.get(type(v), type(v).__name__)


def _contract() -> tuple[Check, Check]:
    """The whole report's check, and that of one item of its ``claims``."""
    from factcheck.report.record import SEVERITY, TODO

    verdicts = frozenset(SEVERITY) | {TODO}
    text = string()
    line = integer()
    claim = record(
        {"id": string(_ID), "file": text, "line": line, "kind": string(_KIND), "quote": text,
         "verdict": one_of(verdicts), "expect": one_of(verdicts), "message": text},
        {"col": line, "article": text, "warnings": array(text), "details": record({}),
         "quote_span": optional(array(line, length=4)), "note": text, "said": text,
         "data_says": text, "difference": text, "difference_pct": text,
         "sources": array(record({"id": text, "title": text, "url": text}))},
    )
    problem = record({"file": text, "line": line, "col": line, "code": string(_CODE),
                      "message": text})
    dated_rate = record({"date": string(_DATE), "rate": number})
    cluster = record(
        {"rate": number, "low": number, "high": number, "claims": array(string(_ID))},
        {"deviation_pct": optional(number), "nearest_reference": optional(dated_rate)},
    )
    block = record(
        {"from": string(_CURRENCY), "to": string(_CURRENCY), "clusters": array(cluster)},
        {"article": text, "spread_pct": optional(number),
         "reference": optional(record({"source": text, "date": string(_DATE), "rate": number})),
         "series": array(array(_series_point, length=2))},
    )
    item = record({"text": text, "line": line, "col": line, "covered_by": array(string(_ID))},
                  {"start": line, "end": line})
    article = record({"article": text, "file": text, "quantities": line, "covered": line,
                      "percent": string(_PERCENT), "items": array(item)})
    coverage = record({"quantities": line, "covered": line, "percent": string(_PERCENT),
                       "articles": array(article)})
    whole = record(
        {"summary": record({}), "claims": array(claim), "rates": array(block)},
        {"problems": array(problem), "coverage": optional(coverage)},
    )
    return whole, claim


def _series_point(v: Any, path: str, problems: list[str]) -> None:
    (string(_DATE) if path.endswith("[0]") else number)(v, path, problems)


_CONTRACT: tuple[Check, Check] | None = None


def _checks() -> tuple[Check, Check]:
    global _CONTRACT
    if _CONTRACT is None:
        _CONTRACT = _contract()
    return _CONTRACT


def claim_is_valid(item: Any) -> bool:
    """Whether one item of a report's ``claims`` keeps the contract (``check_report``
    names what breaks it)."""
    problems: list[str] = []
    _checks()[1](item, "claim", problems)
    return not problems


def check_report(data: Any, origin: str) -> None:
    """Raise one located error listing what in ``data`` breaks the report contract."""
    problems: list[str] = []
    _checks()[0](data, "report", problems)
    if not problems:
        return
    errors: list[FactcheckError] = [
        ClaimFileError(f"malformed report: {p}", hint=HINT, location=Location(origin),
                       code="merge.not-a-report")
        for p in problems[:MAX_PROBLEMS]
    ]
    if len(problems) > MAX_PROBLEMS:
        errors.append(ClaimFileError(
            f"malformed report: {len(problems) - MAX_PROBLEMS} more problems", hint=HINT,
            location=Location(origin), code="merge.not-a-report"))
    if len(errors) == 1:
        raise errors[0]
    raise InputErrors(errors)
