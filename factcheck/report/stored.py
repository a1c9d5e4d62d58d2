"""A merged report whose findings stay in the shard reports, read back one at a time.

Merging keeps, per claim, only what ordering and counting need (an :data:`Entry`);
a format that lists the claims reads each one again from its shard report, where
the entry says it is, in the order the format lists them. What is read again must be
the very bytes that were checked (a digest of each claim's bytes is kept): a report
that changes while it is being merged is refused, not rendered.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sized
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from factcheck.errors import ClaimFileError, Location
from factcheck.report.record import SEVERITY, TODO, Finding, Report

# (file, line, claim id, verdict, expect, source, offset, length, digest): ``source``
# is the shard report's number in ``Sources``; offset and length locate the claim in
# it (in bytes), or for a report read whole, offset is the claim's index.
Entry = tuple[str, int, str, str, str, int, int, int, int]

MAX_OPEN = 32  # shard reports kept open at once while findings are read back


class Sources:
    """The shard reports a merged report reads its findings from."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.whole: dict[int, list[Finding]] = {}  # reports that were read whole
        self._open: dict[int, BinaryIO] = {}
        self._last = -1  # the source read last (its handle is the last of _open)

    def add(self, path: str, findings: list[Finding] | None = None) -> int:
        self.paths.append(path)
        if findings is not None:
            self.whole[len(self.paths) - 1] = findings
        return len(self.paths) - 1

    def finding(self, entry: Entry) -> Finding:
        source, offset, length, digest = entry[5:]
        whole = self.whole.get(source)
        if whole is not None:
            return whole[offset]
        fh = self._handle(source)
        try:
            fh.seek(offset)
            raw = fh.read(length)
        except OSError as exc:
            raise self._error(source, f"cannot read it again: {exc.strerror}") from None
        from factcheck.report.reportstream import digest as digest_of

        if len(raw) != length or digest_of(raw) != digest:
            raise self._error(source, "it changed while it was being merged")
        from factcheck.report.merge import finding_from_json

        # The bytes checked before: every value has its type and bounds.
        return finding_from_json(json.loads(raw.decode("utf-8")), held=False)

    def _handle(self, source: int) -> BinaryIO:
        if source == self._last:
            return self._open[source]
        fh = self._open.pop(source, None)
        if fh is None:
            if len(self._open) >= MAX_OPEN:  # the one used longest ago
                self._open.pop(next(iter(self._open))).close()
            from factcheck.fileio import open_binary

            try:
                fh = open_binary(self.paths[source], regular_only=True)
            except OSError as exc:
                raise self._error(source, f"cannot read it again: {exc.strerror}") from None
        self._open[source] = fh  # last: the most recently used
        self._last = source
        return fh

    def _error(self, source: int, why: str) -> ClaimFileError:
        return ClaimFileError(f"{why}; the merged report was not completed",
                              hint="merge reports that no process is writing",
                              location=Location(self.paths[source]), code="merge.changed")

    def close(self) -> None:
        for fh in self._open.values():
            fh.close()
        self._open.clear()
        self._last = -1


class StoredFindings(Sized):
    """Findings in the order of ``entries``, each read from its shard report as it comes."""

    def __init__(self, entries: list[Entry], sources: Sources) -> None:
        self.entries, self.sources = entries, sources

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Finding]:
        finding = self.sources.finding
        for entry in self.entries:
            yield finding(entry)


def _worst_first(e: Entry) -> tuple[Any, ...]:
    """``Finding.sort_key`` from an entry."""
    unexpected = e[3] != e[4] and e[3] != TODO
    return (e[3] != "error", not unexpected, SEVERITY.get(e[3], 9), e[0], e[1], e[2])


@dataclass
class MergedReport(Report):
    """A Report whose findings (in file order) are read back from the shard reports;
    counts and orders come from the entries alone."""

    entries: list[Entry] = field(default_factory=list)
    sources: Sources = field(default_factory=Sources)

    def summary(self) -> dict[str, int]:
        counts = {"claims": len(self.entries), "holds": 0, "contradicted": 0}
        counts.update({"undetermined": 0, "error": 0, "unexpected": 0})
        for e in self.entries:
            counts[e[3]] = counts.get(e[3], 0) + 1
            if e[3] != e[4] and e[3] != TODO:
                counts["unexpected"] += 1
        return counts

    def worst_first(self) -> list[Finding]:
        entries = sorted(self.entries, key=_worst_first)
        return StoredFindings(entries, self.sources)  # type: ignore[return-value]

    @property
    def exit_code(self) -> int:
        if self.problems or any(e[3] == "error" for e in self.entries):
            return 2
        if any(e[3] != e[4] and e[3] != TODO for e in self.entries):
            return 1
        return 0
