"""One claim file's cache entry as JSON: written only when it reads back exactly, read strictly.

An entry holds what loading the file said about it (its summary: ids, facts,
sources, tables), what its results depend on (the facts key, the article's rates
file), and the results: each finding as a row of its fields, the rate blocks and
the article's entry without its text (texts are read again every run, as anchoring
and coverage are computed again over the whole report). What reads back as
anything else than what was written, a tuple inside ``details`` say, is not stored:
that file is checked again next time. What is read is checked field by field
(numbers bounded as in a JSON report); anything unexpected makes the entry absent.
"""

from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from factcheck.report.details import plain
from factcheck.report.record import SEVERITY, TODO, Finding

_VERDICTS = frozenset(SEVERITY) | {TODO}
# A finding is stored as the row of its fields in this order; quote_span is always null
# (quotes are anchored again on every run).
_NAMES = tuple(f.name for f in dataclasses.fields(Finding))
_TYPES = [{"line": int, "col": int, "warnings": list, "details": dict, "sources": list,
           "quote_span": type(None)}.get(name, str) for name in _NAMES]
_AT = {name: i for i, name in enumerate(_NAMES)}
_ARTICLE_KEYS = ("id", "title", "publisher", "published", "language", "url", "file")
_TEXT_KEYS = ("text_file", "text", "text_error", "text_limit")
_SUMMARY_LISTS = ("tables", "articles", "claims", "facts", "sources")
_BLOCK_KEYS = frozenset(("article", "from", "to", "reference", "clusters", "spread_pct",
                         "series"))
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_ABS = 1e30  # numbers and places bounded as in a JSON report (report/reportschema.py)
_MAX_LINE = 10**9


@dataclasses.dataclass
class Entry:
    """A claim file's summary, dependencies and results, as stored."""

    summary: dict[str, Any]
    facts: str = ""  # the facts key the results were computed against
    deps: list[list[str]] = dataclasses.field(default_factory=list)
    article: dict[str, Any] | None = None  # the report's article entry, without its text
    text: str | None = None  # the article's ``text:`` as written
    line: int = 0  # the article's line
    findings: list[Finding] = dataclasses.field(default_factory=list)
    rates: list[dict[str, Any]] = dataclasses.field(default_factory=list)


def encode(key: str, file: str, sha: str, entry: Entry) -> bytes | None:
    """The payload of ``entry``, or None when it would not read back as it is."""
    rows = []
    for finding in entry.findings:
        if finding.quote_span is not None:
            return None
        row = [getattr(finding, name) for name in _NAMES]
        row[_AT["details"]] = plain(finding.details)
        row[_AT["warnings"]] = list(finding.warnings)
        row[_AT["sources"]] = [list(s) for s in finding.sources]
        rows.append(row)
    rates = [{k: [list(p) for p in v] if k == "series" else v for k, v in block.items()}
             for block in entry.rates]
    data = {"key": key, "file": file, "sha256": sha, "summary": entry.summary,
            "facts": entry.facts, "deps": entry.deps, "article": entry.article,
            "text": entry.text, "line": entry.line, "findings": rows, "rates": rates}
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    # Equality is strict about types where it matters: a tuple is not a list, 1 is
    # not "1" (a key JSON would turn into a string), NaN is not itself.
    if json.loads(text) != data:
        return None
    return text.encode("utf-8")


def static_article(entry: dict[str, Any]) -> dict[str, Any] | None:
    """An article entry without what reading its text added; None if it has other keys."""
    kept = {k: v for k, v in entry.items() if k not in _TEXT_KEYS}
    return kept if tuple(kept) == _ARTICLE_KEYS else None


def decode(payload: bytes, key: str, file: str, sha: str) -> Entry | None:
    """The entry stored in ``payload`` for ``file`` with content ``sha``, or None when
    anything in it is not what :func:`encode` writes."""
    try:
        # NaN and Infinity are refused; an integer of thousands of digits is a ValueError.
        data = json.loads(payload, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return None
    if not (type(data) is dict and data.get("key") == key and data.get("file") == file
            and data.get("sha256") == sha):
        return None
    try:
        return Entry(summary=_summary(data["summary"]), facts=_str(data["facts"]),
                     deps=_deps(data["deps"]), article=_article(data["article"]),
                     text=_optional_str(data["text"]), line=_line(data["line"]),
                     findings=_findings(data["findings"]), rates=_rates(data["rates"]))
    except (KeyError, TypeError, ValueError):
        return None


def _no_constant(literal: str) -> Any:
    raise ValueError(f"{literal} is not a number a report holds")


def _str(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("not a string")
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _line(value: Any) -> int:
    if type(value) is not int or not 0 <= value <= _MAX_LINE:
        raise TypeError("not a line")
    return value


def _strings(value: Any) -> list[str]:
    if type(value) is not list or set(map(type, value)) - {str}:
        raise TypeError("not a list of strings")
    return value


def _summary(value: Any) -> dict[str, Any]:
    if type(value) is not dict or set(value) != {"fact_file", *_SUMMARY_LISTS}:
        raise TypeError("not a summary")
    if type(value["fact_file"]) is not bool:
        raise TypeError("not a summary")
    for name in _SUMMARY_LISTS:
        _strings(value[name])
    return value


def _deps(value: Any) -> list[list[str]]:
    if type(value) is not list or any(len(_strings(d)) != 2 for d in value):
        raise TypeError("not a list of dependencies")
    return value


def _article(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if type(value) is not dict or tuple(value) != _ARTICLE_KEYS:
        raise TypeError("not an article entry")
    for name in ("id", "title", "published", "file"):
        _str(value[name])
    for name in ("publisher", "language", "url"):
        _optional_str(value[name])
    return value


def _number(value: Any) -> float:
    """A finite JSON number of the size a report holds (as the report contract bounds them)."""
    if type(value) is not float and type(value) is not int or not abs(value) <= _MAX_ABS:
        raise TypeError("not a bounded number")
    return value


def _optional(check: Any, value: Any) -> Any:
    return None if value is None else check(value)


def _dated_rate(value: Any) -> dict[str, Any]:
    if type(value) is not dict or _DATE.fullmatch(_str(value["date"])) is None:
        raise TypeError("not a dated rate")
    _number(value["rate"])
    return value


def _rates(blocks: Any) -> list[dict[str, Any]]:
    """Rate blocks as rates/analysis.py writes them, every value the formats read checked;
    the series rows become tuples again."""
    if type(blocks) is not list:
        raise TypeError("not a list of rate blocks")
    for block in blocks:
        if type(block) is not dict or not set(block) <= _BLOCK_KEYS:
            raise TypeError("not a rate block")
        for name in ("article", "from", "to"):
            _str(block[name])
        reference = block.get("reference")
        if reference is not None:
            _dated_rate(reference)
            _str(reference["source"])
        _optional(_number, block.get("spread_pct"))
        if type(block["clusters"]) is not list:
            raise TypeError("not a list of clusters")
        for cluster in block["clusters"]:
            if type(cluster) is not dict:
                raise TypeError("not a cluster")
            for name in ("rate", "low", "high"):
                _number(cluster[name])
            _strings(cluster["claims"])
            _optional(_number, cluster.get("deviation_pct"))
            _optional(_dated_rate, cluster.get("nearest_reference"))
        if "series" in block:
            block["series"] = _series(block["series"])
    return blocks


def _series(points: Any) -> tuple[tuple[str, float], ...]:
    """[[date, rate], ...] checked (as whole columns: an archive has a million points)."""
    if type(points) is not list or set(map(type, points)) - {list} \
            or set(map(len, points)) - {2}:
        raise TypeError("not a series")
    if points:
        days, rates = zip(*points, strict=True)
        if set(map(type, days)) - {str} or set(map(type, rates)) - {float, int} \
                or not max(map(abs, rates)) <= _MAX_ABS:
            raise TypeError("not a series")
    return tuple(map(tuple, points))


def _findings(rows: Any) -> list[Finding]:
    if type(rows) is not list:
        raise TypeError("not a list of findings")
    out = []
    new = object.__new__
    slotted = hasattr(Finding, "__slots__")
    names, types = _NAMES, _TYPES
    verdict, expect, line, col = _AT["verdict"], _AT["expect"], _AT["line"], _AT["col"]
    warnings, sources = _AT["warnings"], _AT["sources"]
    for row in rows:
        if type(row) is not list or list(map(type, row)) != types:
            raise TypeError("not a finding")
        if row[verdict] not in _VERDICTS or row[expect] not in _VERDICTS:
            raise ValueError("not a verdict")
        if not (0 <= row[line] <= _MAX_LINE and 0 <= row[col] <= _MAX_LINE):
            raise ValueError("not a place in a file")
        row[warnings] = tuple(_strings(row[warnings]))
        row[sources] = tuple(map(_source, row[sources]))
        if slotted:
            out.append(Finding(*row))
            continue
        # As parallel.py rebuilds findings: the frozen dataclass's __init__ would set
        # each field through object.__setattr__; Finding has no __post_init__.
        finding = new(Finding)
        finding.__dict__.update(zip(names, row, strict=True))
        out.append(finding)
    return out


def _source(value: Any) -> tuple[str, str, str]:
    if len(_strings(value)) != 3:
        raise TypeError("not a source")
    return (value[0], value[1], value[2])
