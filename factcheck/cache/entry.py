"""One claim file's cache entry, written only when it reads back exactly, read once sealed.

An entry is a head and a rest, sealed apart (:mod:`factcheck.cache.store`). The head
holds what loading the file said about it (its summary: ids, facts, sources, tables),
what its results depend on (the facts key, the article's rates file), the article's
entry without its text (texts are read again every run, as anchoring and coverage are
computed again over the whole report), and the file's view: its verdicts counted and
its part of the default text report, laid out (formats/text.py's ``file_view``). The
rest holds the results themselves: each finding as a row of its fields and the rate
blocks, then each finding's details as the text the finding holds them in. A run whose
report is the default text report of files without article texts reads heads alone.
What would read back as anything else than what was written is not stored: that file
is checked again next time. A part is read only once its seal verifies, so what is read
was written by this code under this user's secret: reading checks the entry's identity
(key, file, content) and the shape the report needs (each row's types, verdicts,
places; details an object's text; the view's counts, verdicts and lines), not every
value again.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import operator
from typing import Any

from factcheck.report.details import Details
from factcheck.report.record import SEVERITY, TODO, Finding

_VERDICTS = frozenset(SEVERITY) | {TODO}
# A finding is stored as the row of its fields in this order; quote_span is always null
# (quotes are anchored again on every run).
_NAMES = tuple(f.name for f in dataclasses.fields(Finding))
# A finding's row: its fields but those an entry holds once (its file, its article), its
# details (after the JSON, as text) and quote_span (always None: quotes are anchored again
# on every run).
_ROW = tuple(n for n in _NAMES if n not in ("file", "article_id", "details", "quote_span"))
_TYPES = [{"line": int, "col": int, "warnings": list, "sources": list}.get(name, str)
          for name in _ROW]
_AT = {name: i for i, name in enumerate(_ROW)}
_WARNINGS, _SOURCES = _AT["warnings"], _AT["sources"]
_SEPARATOR = "\x1f"
_ARTICLE_KEYS = ("id", "title", "publisher", "published", "language", "url", "file")
_TEXT_KEYS = ("text_file", "text", "text_error", "text_limit")
_SUMMARY_LISTS = ("tables", "articles", "claims", "facts", "sources")
_BLOCK_KEYS = frozenset(("article", "from", "to", "reference", "clusters", "spread_pct",
                         "series"))
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
    view: dict[str, Any] | None = None  # see :func:`file_view`
    whole: bool = True  # False: read from a head alone, without findings and rates


def file_view(findings: list[Finding], rates: list[dict[str, Any]]) -> dict[str, Any]:
    """What a report built of files' views needs of one file: its verdicts counted (by
    verdict, unexpected ones, holds with warnings), the messages of its errors, and its
    part of the default text report (formats/text.py's ``file_view``)."""
    from factcheck.formats.text import file_view as text_view

    counts: dict[str, int] = {}
    unexpected = warned = 0
    for f in findings:
        counts[f.verdict] = counts.get(f.verdict, 0) + 1
        unexpected += f.unexpected
        warned += f.verdict == "holds" and bool(f.warnings)
    return {"counts": counts, "unexpected": unexpected, "warned": warned,
            "errors": [f.message for f in findings if f.verdict == "error"],
            "text": text_view(findings, rates)}


def encode(key: str, file: str, sha: str, entry: Entry) -> tuple[bytes, bytes] | None:
    """The head and the rest of ``entry``, or None when it would not read back as it is.

    The head is JSON. The rest is JSON of the findings as rows without their details, then
    each finding's details as compact JSON text, each after a unit separator (U+001F,
    which JSON writes only escaped): details are most of an entry, and kept as text
    they are never parsed on the way back, only split off.
    """
    article = entry.article["id"] if entry.article is not None else ""
    rows = []
    texts = [""]
    fields = operator.attrgetter(*_ROW)
    for finding in entry.findings:
        # Each finding is its file's and its article's, and unanchored (anchoring is
        # done again every run): what a row leaves out is the same for all.
        if finding.quote_span is not None or finding.file != file \
                or finding.article_id != article:
            return None
        row = list(fields(finding))
        row[_WARNINGS] = list(row[_WARNINGS])
        row[_SOURCES] = list(map(list, row[_SOURCES]))
        text = details_text(finding.details)
        if list(map(type, row)) != _TYPES or text is None:
            return None  # it would read back as something else, or not at all
        rows.append(row)
        texts.append(text)
    # The lists in rows, checked at once: warnings are strings, sources three strings.
    warnings = [w for row in rows for w in row[_WARNINGS]]
    sources = [s for row in rows for s in row[_SOURCES]]
    if set(map(type, warnings)) - {str} or set(map(len, sources)) - {3} \
            or set(map(type, itertools.chain.from_iterable(sources))) - {str}:
        return None
    if not all(_plain_series(block.get("series", ())) for block in entry.rates):
        return None
    rest = {"summary": entry.summary, "deps": entry.deps, "article": entry.article,
            "rates": [{k: v for k, v in block.items() if k != "series"}
                      for block in entry.rates], "view": entry.view}
    try:
        # Equality is strict about types where it matters: a tuple is not a list, 1 is
        # not "1" (a key JSON would turn into a string), NaN is not itself.
        if json.loads(json.dumps(rest, ensure_ascii=False, allow_nan=False)) != rest:
            return None
        head = {"key": key, "file": file, "sha256": sha, "facts": entry.facts,
                "text": entry.text, "line": entry.line, "summary": entry.summary,
                "deps": entry.deps, "article": entry.article, "view": entry.view}
        texts[0] = json.dumps({"findings": rows, "rates": entry.rates}, ensure_ascii=False,
                              allow_nan=False, separators=(",", ":"))
        return (json.dumps(head, ensure_ascii=False, allow_nan=False,
                           separators=(",", ":")).encode("utf-8"),
                _SEPARATOR.join(texts).encode("utf-8"))
    except (TypeError, ValueError):
        return None


def _plain_series(points: Any) -> bool:
    """Whether a rate block's series is what reads back as it is: (date, rate) pairs."""
    if type(points) is not tuple or set(map(type, points)) - {tuple} \
            or set(map(len, points)) - {2}:
        return False
    days = [day for day, _ in points]
    rates = [rate for _, rate in points]
    return not (set(map(type, days)) - {str} or set(map(type, rates)) - {float, int})


def details_text(details: Any) -> str | None:
    """A finding's details as the compact JSON text an entry holds: the text a finding
    holds them as (:mod:`factcheck.report.details`); None for details kept as a dict,
    which JSON would not give back as they are."""
    return details.text if type(details) is Details else None


def static_article(entry: dict[str, Any]) -> dict[str, Any] | None:
    """An article entry without what reading its text added; None if it has other keys."""
    kept = {k: v for k, v in entry.items() if k not in _TEXT_KEYS}
    return kept if tuple(kept) == _ARTICLE_KEYS else None


def decode(head: bytes, key: str, file: str, sha: str) -> Entry | None:
    """The entry whose head is ``head``, for ``file`` with content ``sha``, without its
    findings and rates (:func:`decode_rest` adds them); None when anything in it is not
    what :func:`encode` writes."""
    data = _json(head)
    if not (type(data) is dict and data.get("key") == key and data.get("file") == file
            and data.get("sha256") == sha):
        return None
    try:
        entry = Entry(summary=_summary(data["summary"]), facts=_str(data["facts"]),
                      deps=_deps(data["deps"]), article=_article(data["article"]),
                      text=_optional_str(data["text"]), line=_line(data["line"]),
                      view=_view(data["view"]), whole=False)
    except (KeyError, TypeError, ValueError):
        return None
    # A file with an article has results, and so a view; a file of facts alone neither.
    return entry if (entry.view is None) == (entry.article is None) else None


def decode_rest(entry: Entry, rest: bytes, file: str) -> bool:
    """Add to ``entry`` (of ``file``) the findings and rates stored in ``rest``; False when
    anything in it is not what :func:`encode` writes."""
    try:
        head, *texts = rest.decode("utf-8").split(_SEPARATOR)
    except ValueError:
        return False
    data = _json(head)
    if type(data) is not dict or set(data) != {"findings", "rates"}:
        return False
    article = entry.article["id"] if entry.article is not None else ""
    try:
        entry.findings = _findings(data["findings"], texts, file, article)
        entry.rates = _rates(data["rates"])
    except (TypeError, ValueError):
        return False
    entry.whole = True
    return True


def _json(text: bytes | str) -> Any:
    """JSON as an entry holds it, or None: NaN and Infinity are refused, and an integer of
    thousands of digits is a ValueError."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
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


def _view(value: Any) -> dict[str, Any] | None:
    """A file's view (see :func:`file_view`), checked for the shape a report needs."""
    if value is None:
        return None
    if type(value) is not dict or tuple(value) != ("counts", "unexpected", "warned", "errors",
                                                   "text"):
        raise TypeError("not a view")
    counts = value["counts"]
    if type(counts) is not dict or not set(counts) <= _VERDICTS \
            or set(map(type, counts.values())) - {int}:
        raise TypeError("not a view")
    total = sum(counts.values())
    for name in ("unexpected", "warned"):
        if type(value[name]) is not int or not 0 <= value[name] <= total:
            raise TypeError("not a view")
    if min(counts.values(), default=0) < 0 or len(_strings(value["errors"])) != \
            counts.get("error", 0):
        raise TypeError("not a view")
    text = value["text"]
    if type(text) is not dict or tuple(text) != ("blocks", "warned", "rest", "rates"):
        raise TypeError("not a view")
    lines = len(_strings(text["warned"])) + len(_strings(text["rest"]))
    if type(text["blocks"]) is not list or len(text["blocks"]) + lines != total:
        raise TypeError("not a view")
    for block in text["blocks"]:
        if list(map(type, block)) != _BLOCK_TYPES or block[0] not in _VERDICTS \
                or block[1] not in _VERDICTS or not 0 <= block[2] <= _MAX_LINE \
                or not _strings(block[4]):
            raise TypeError("not a view")
    if type(text["rates"]) is not list:
        raise TypeError("not a view")
    for block in text["rates"]:
        if list(map(type, block)) != [str, str, str, list]:
            raise TypeError("not a view")
        _strings(block[3])
    return value


_BLOCK_TYPES = [str, str, int, str, list]  # verdict, expected verdict, line, claim id, lines


def _rates(blocks: Any) -> list[dict[str, Any]]:
    """Rate blocks as rates/analysis.py writes them, the series rows tuples again."""
    if type(blocks) is not list or set(map(type, blocks)) - {dict}:
        raise TypeError("not a list of rate blocks")
    for block in blocks:
        if not set(block) <= _BLOCK_KEYS:
            raise TypeError("not a rate block")
        if "series" in block:
            block["series"] = tuple(map(tuple, block["series"]))
    return blocks


# Where the fields a row leaves out go back, in the order of Finding's fields.
_PUT_BACK = sorted((_NAMES.index(n), n) for n in ("file", "article_id", "details", "quote_span"))


def _findings(rows: Any, texts: list[str], file: str, article: str) -> list[Finding]:
    if type(rows) is not list or len(rows) != len(texts):
        raise TypeError("not a list of findings")
    out = []
    types, put_back = _TYPES, _PUT_BACK
    verdict, expect, line, col = _AT["verdict"], _AT["expect"], _AT["line"], _AT["col"]
    warnings, sources = _WARNINGS, _SOURCES
    fields: dict[str, Any] = {"file": file, "article_id": article, "quote_span": None}
    for row, text in zip(rows, texts, strict=True):
        if type(row) is not list or list(map(type, row)) != types:
            raise TypeError("not a finding")
        if row[verdict] not in _VERDICTS or row[expect] not in _VERDICTS:
            raise ValueError("not a verdict")
        if not (0 <= row[line] <= _MAX_LINE and 0 <= row[col] <= _MAX_LINE):
            raise ValueError("not a place in a file")
        row[warnings] = tuple(row[warnings])
        row[sources] = tuple(map(tuple, row[sources]))
        fields["details"] = _details(text)
        for at, name in put_back:
            row.insert(at, fields[name])
        out.append(Finding(*row))
    return out


def _details(text: str) -> Details:
    """A finding's details from their text in an entry, as the finding held them: decoded
    only where a format reads them. The seal says our code wrote the text; what is checked
    here is only that it is an object's text, as every finding's details are."""
    if text[:1] != "{" or text[-1:] != "}":
        raise TypeError("not details")
    return Details(text)
