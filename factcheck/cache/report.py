"""A report assembled from files' views: findings and rate blocks decoded only when asked.

The default text report of files without article texts needs of each file only its
view (:func:`factcheck.cache.entry.file_view`: its verdicts counted, its error messages,
its part of the text report laid out), which an entry's head holds. Such a report is
built from the views; its findings and rate blocks, which other formats need, are read
from the entries' rests the first time anything asks for them, and are then the very
findings and rate blocks the report built from the findings holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.report.record import Finding, Report, rate_block_key

# A file's findings and rate blocks, as checked; None when they cannot be read.
Results = tuple[list[Finding], list[dict[str, Any]]]


@dataclass(slots=True)
class Part:
    """One file's part of a report: its view, and its results or how to read them."""

    file: str
    view: dict[str, Any]
    results: Results | None = None
    read: Callable[[], Results | None] | None = None

    def whole(self) -> Results:
        if self.results is None:
            assert self.read is not None
            self.results = self.read()
            if self.results is None:
                raise FactcheckError(
                    f"the result cache's entry of {self.file} changed during the run",
                    hint="run again, or check with --no-cache", code="cache.changed")
        return self.results


class ViewReport(Report):
    """A report of ``parts`` in file order, with ``articles``: counts and the text report
    from the views; ``findings`` and ``rates`` read from the parts when first asked for,
    in file order, the rate blocks sorted as ``finish_report`` sorts them."""

    def __init__(self, parts: list[Part], articles: list[dict[str, Any]]) -> None:
        # Report's other fields, as its __init__ sets them (which would set findings too).
        self.problems, self.coverage, self.articles, self.shard = [], None, articles, None
        self._parts = parts
        self._findings: list[Finding] | None = None
        self._rates: list[dict[str, Any]] | None = None

    @property  # type: ignore[override]
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = [f for part in self._parts for f in part.whole()[0]]
        return self._findings

    @findings.setter
    def findings(self, value: list[Finding]) -> None:
        self._findings = value

    @property  # type: ignore[override]
    def rates(self) -> list[dict[str, Any]]:
        if self._rates is None:
            blocks = [b for part in self._parts for b in part.whole()[1]]
            blocks.sort(key=rate_block_key)
            self._rates = blocks
        return self._rates

    @rates.setter
    def rates(self, value: list[dict[str, Any]]) -> None:
        self._rates = value

    def summary(self) -> dict[str, int]:
        counts = {"claims": self.claim_count(), "holds": 0, "contradicted": 0}
        counts.update({"undetermined": 0, "error": 0, "unexpected": 0})
        for part in self._parts:
            for verdict, n in part.view["counts"].items():
                counts[verdict] = counts.get(verdict, 0) + n
            counts["unexpected"] += part.view["unexpected"]
        return counts

    def claim_count(self) -> int:
        return sum(sum(part.view["counts"].values()) for part in self._parts)

    def warned_holds(self) -> int:
        return sum(part.view["warned"] for part in self._parts)

    def error_messages(self) -> list[str]:
        return [message for part in self._parts for message in part.view["errors"]]

    def file_views(self) -> list[tuple[str, dict[str, Any]]]:
        return [(part.file, part.view["text"]) for part in self._parts]

    @property
    def exit_code(self) -> int:
        counts = self.summary()
        if self.problems or counts["error"]:
            return 2
        return 1 if counts["unexpected"] else 0
