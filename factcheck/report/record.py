"""The one record per result (Finding) and the whole Report that every format renders.

Formats only format: everything they show is computed before it lands here.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from factcheck.report.details import compact, plain

SEVERITY = {"error": 0, "contradicted": 1, "undetermined": 2, "holds": 3}  # todo: last
# The verdict of a claim marked ``status: todo``: listed as "to write", never checked,
# never a discrepancy (``check --strict`` makes any of them fail the run).
TODO = "todo"


def is_unexpected(verdict: str, expect: str) -> bool:
    """Whether a claim's verdict is not the one its file expects (a todo never is)."""
    return verdict != expect and verdict != TODO


def order_key(verdict: str, expect: str, file: str, line: int, claim_id: str) -> tuple[Any, ...]:
    """Worst first: errors, unexpected verdicts, then by severity, then place (a finding's
    :meth:`Finding.sort_key`, also for a claim known only by these fields)."""
    return (*worst_key(verdict, expect), file, line, claim_id)


def worst_key(verdict: str, expect: str) -> tuple[bool, bool, int]:
    """The part of :func:`order_key` before the place: errors, unexpected, severity."""
    return verdict != "error", not is_unexpected(verdict, expect), SEVERITY.get(verdict, 9)


def in_report_order(findings: Sequence[Finding]) -> list[int]:
    """The positions of ``findings`` sorted by their :meth:`Finding.sort_key`, equal keys
    in the order given (what a stable sort gives).

    Findings usually come in place order (file, line, id), and then sorting by
    :func:`worst_key` alone, which takes a few values, gives the same order: each
    (verdict, expectation) is a group kept in place order, groups of one key merged. That
    is linear, where a sort compared places (long file names) n log n times.
    """
    groups: dict[tuple[str, str], list[int]] = {}
    previous: tuple[str, int, str] | None = None
    in_place_order = True
    for i, f in enumerate(findings):
        place = (f.file, f.line, f.claim_id)
        if in_place_order and previous is not None:
            try:
                in_place_order = not place < previous
            except TypeError:  # places that do not compare (a hand-made merged report)
                in_place_order = False
        previous = place
        group = groups.get((f.verdict, f.expect))
        if group is None:
            group = groups[f.verdict, f.expect] = []
        group.append(i)
    if not in_place_order:
        return sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    merged: dict[tuple[bool, bool, int], list[list[int]]] = {}
    for (verdict, expect), positions in groups.items():
        merged.setdefault(worst_key(verdict, expect), []).append(positions)
    order: list[int] = []
    for key in sorted(merged):
        lists = merged[key]
        order += lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
    return order


def rate_block_key(block: Mapping[str, Any]) -> tuple[str, Any, Any]:
    """Where a rate block sorts in a report: by article, then currency pair."""
    return (str(block.get("article", "")), block["from"], block["to"])


@dataclass(frozen=True, slots=True)
class Finding:
    """One claim's result: where it is, what it says, what the data says.

    A report holds every finding to the end, so a finding is held compactly: slots,
    its kind and expected verdict shared among findings, and its details as compact
    JSON text (report/details.py), which reads as a read-only mapping.
    """

    claim_id: str
    file: str
    line: int
    col: int
    kind: str
    quote: str
    verdict: str
    expect: str
    message: str
    warnings: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    article_id: str = ""
    # Where the quote stands in the article text: (line, col, end_line, end_col),
    # 1-based, end exclusive; None when there is no article text or no match.
    quote_span: tuple[int, int, int, int] | None = None
    # The reviewer's words and the kind's reading for people (kinds.base.Reading),
    # kept flat so that a finding stays a row of plain values.
    note: str = ""
    said: str = ""
    data_says: str = ""
    difference: str = ""
    difference_pct: str = ""
    sources: tuple[tuple[str, str, str], ...] = ()

    def __post_init__(self) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "details", compact(self.details))
        if self.kind.__class__ is str:
            setattr_(self, "kind", sys.intern(self.kind))
        if self.expect.__class__ is str:
            setattr_(self, "expect", sys.intern(self.expect))

    @property
    def unexpected(self) -> bool:
        return is_unexpected(self.verdict, self.expect)

    def sort_key(self) -> tuple[Any, ...]:
        """Worst first: errors, unexpected verdicts, then by severity, then place."""
        return order_key(self.verdict, self.expect, self.file, self.line, self.claim_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.claim_id,
            "article": self.article_id,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "kind": self.kind,
            "quote": self.quote,
            "verdict": self.verdict,
            "expect": self.expect,
            "message": self.message,
            "warnings": list(self.warnings),
            "details": plain(self.details),
            "quote_span": None if self.quote_span is None else list(self.quote_span),
            "note": self.note,
            "said": self.said,
            "data_says": self.data_says,
            "difference": self.difference,
            "difference_pct": self.difference_pct,
            "sources": [{"id": i, "title": t, "url": u} for i, t, u in self.sources],
        }


@dataclass(frozen=True)
class Problem:
    """An input problem (invalid file, unknown name): located and actionable."""

    file: str
    line: int
    col: int
    code: str
    message: str

    def __str__(self) -> str:
        from factcheck.errors import Location

        return f"{Location(self.file, self.line, self.col)}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class Report:
    """All findings (in file order), input problems, rate analysis and coverage."""

    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rates: list[dict[str, Any]] = field(default_factory=list)
    coverage: dict[str, Any] | None = None
    articles: list[dict[str, Any]] = field(default_factory=list)
    # A shard run's {number, of, files, facts} (see report/shards.py); None for a whole run.
    shard: dict[str, Any] | None = None

    def summary(self) -> dict[str, int]:
        counts = {"claims": len(self.findings), "holds": 0, "contradicted": 0}
        counts.update({"undetermined": 0, "error": 0, "unexpected": 0})
        for f in self.findings:
            counts[f.verdict] = counts.get(f.verdict, 0) + 1
            if f.unexpected:
                counts["unexpected"] += 1
        return counts

    def worst_first(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    def claim_count(self) -> int:
        return len(self.findings)

    def warned_holds(self) -> int:
        """How many claims hold with warnings."""
        return sum(1 for f in self.findings if f.verdict == "holds" and f.warnings)

    def error_messages(self) -> list[str]:
        """The message of each claim whose verdict is ``error``, in report order."""
        return [f.message for f in self.findings if f.verdict == "error"]

    def file_views(self) -> list[tuple[str, dict[str, Any]]] | None:
        """Each file's part of the default text report, as formats/text.py's ``file_view``
        lays it out, in file order, when the report holds them (a report from the result
        cache); None: the text report lays out the findings."""
        return None

    @property
    def exit_code(self) -> int:
        """0 all as expected, 1 a discrepancy, 2 invalid input (errors win)."""
        if self.problems or any(f.verdict == "error" for f in self.findings):
            return 2
        if any(f.unexpected for f in self.findings):
            return 1
        return 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "summary": self.summary(),
            "claims": [f.to_json() for f in self.findings],
            "rates": self.rates,
        }
        if self.problems:
            data["problems"] = [p.to_json() for p in self.problems]
        if self.coverage is not None:
            data["coverage"] = self.coverage
        if self.shard is not None:
            data["shard"] = self.shard
        return data
