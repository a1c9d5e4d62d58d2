"""Reading JSON reports back into Report records and merging shards of one archive run."""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from factcheck.errors import ClaimFileError
from factcheck.report.record import SEVERITY, TODO, Finding, Problem, Report

if TYPE_CHECKING:
    from factcheck.report.stored import Entry, MergedReport, Sources


def report_from_json(data: Any, origin: str) -> Report:
    """A Report from the JSON that ``factcheck check --format json`` wrote.

    ``data`` is checked against the report contract first (:mod:`reportschema`), so
    every value used below has its type and bounds; anything else is a located error.
    """
    from factcheck.report.reportschema import check_report

    check_report(data, origin)
    report = _rest_from_json(data, origin)
    report.findings = [finding_from_json(c) for c in data["claims"]]
    return report


def finding_from_json(c: dict[str, Any], *, held: bool = True) -> Finding:
    """One item of a report's ``claims``, already checked against the contract.

    A finding that is not ``held`` is written once and dropped (``merge`` reads each
    claim again as it writes): its details stay the decoded dict, read-only, rather
    than be encoded to compact text that the JSON format would only decode again.
    """
    details = c.get("details", {})
    return Finding(
        claim_id=c["id"],
        file=c["file"],
        line=c["line"],
        col=c.get("col", 1),
        kind=c["kind"],
        quote=c["quote"],
        verdict=c["verdict"],
        expect=c["expect"],
        message=c["message"],
        warnings=tuple(c.get("warnings", [])),
        details=dict(details) if held else MappingProxyType(details),
        article_id=c.get("article", ""),
        quote_span=_span(c.get("quote_span")),
        note=c.get("note", ""),
        said=c.get("said", ""),
        data_says=c.get("data_says", ""),
        difference=c.get("difference", ""),
        difference_pct=c.get("difference_pct", ""),
        sources=tuple((s.get("id", ""), s.get("title", ""), s.get("url", ""))
                      for s in c.get("sources", [])),
    )


def _rest_from_json(data: dict[str, Any], origin: str) -> Report:
    """All of a checked report but its findings."""
    from factcheck.report.shards import read_shard

    problems = [
        Problem(p["file"], p["line"], p["col"], p["code"], p["message"])
        for p in data.get("problems", [])
    ]
    rates = [dict(b) for b in data["rates"]]
    return Report(problems=problems, rates=rates, coverage=data.get("coverage"),
                  shard=read_shard(data.get("shard"), origin))


def _span(value: Any) -> tuple[int, int, int, int] | None:
    if isinstance(value, list) and len(value) == 4:
        return (int(value[0]), int(value[1]), int(value[2]), int(value[3]))
    return None


def merge_reports(reports: list[tuple[str, Report]]) -> Report:
    """One report from several; a claim id present in two inputs is an error naming both."""
    _refuse_duplicates((f.file, f.claim_id, origin)
                       for origin, report in reports for f in report.findings)
    merged = Report(findings=[f for _, report in reports for f in report.findings])
    merged.findings.sort(key=lambda f: (f.file, f.line, f.claim_id))
    _merge_rest(merged, [report for _, report in reports])
    return merged


def merge_files(paths: list[str], partial: bool) -> tuple[MergedReport, list[str]]:
    """``merge_reports`` of the JSON reports at ``paths`` and the notes on a partial set of
    shards (``shards.check_shards``), with no report ever whole in memory: each is read
    claim by claim, and the merged report reads its findings back as a format lists them
    (see :mod:`stored`). The same report, and the same errors, as reading each whole."""
    from factcheck.report.shards import check_shards
    from factcheck.report.stored import MergedReport, Sources, StoredFindings

    sources = Sources()
    shared: dict[str, str] = {v: v for v in (*SEVERITY, TODO)}  # one string per file, verdict
    reports = []
    entries: list[Entry] = []
    for path in paths:
        report, found = _read(path, sources, shared)
        reports.append(report)
        entries.extend(found)
    notes = check_shards([(path, report.shard) for path, report in zip(paths, reports,
                                                                         strict=True)], partial)
    _refuse_duplicates((e[0], e[2], sources.paths[e[5]]) for e in entries)
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    merged = MergedReport(entries=entries, sources=sources)
    merged.findings = StoredFindings(entries, sources)  # type: ignore[assignment]
    _merge_rest(merged, reports)
    return merged, notes


def _read(path: str, sources: Sources, shared: dict[str, str]) -> tuple[Report, list[Entry]]:
    """One report, all but its findings, and an entry (``stored.Entry``) per finding."""
    from factcheck import limits
    from factcheck.report.reportschema import check_report, claim_is_valid
    from factcheck.report.reportstream import ReportItems, Unusual

    source = sources.add(path)
    items = ReportItems(path, limits.MAX_REPORT_BYTES)
    entries: list[Entry] = []
    try:
        for c, offset, length, digest in items.claims():
            if not claim_is_valid(c):
                raise Unusual("not a claim")
            file = shared.setdefault(c["file"], c["file"])
            entries.append((file, c["line"], c["id"], shared[c["verdict"]], shared[c["expect"]],
                            source, offset, length, digest))
    except Unusual:
        # Read whole, as before, so that what is wrong is said as exactly as before;
        # the rare valid report the item reader leaves (a "claims" key twice) is kept.
        from factcheck.report.reportschema import load_json, read_report

        report = report_from_json(load_json(read_report(path), path), path)
        sources.whole[source] = report.findings
        return report, [(f.file, f.line, f.claim_id, f.verdict, f.expect, source, i, 0, 0)
                        for i, f in enumerate(report.findings)]
    rest = {**items.rest, "claims": []}
    check_report(rest, path)
    return _rest_from_json(rest, path), entries


def _refuse_duplicates(claims: Iterable[tuple[str, str, str]]) -> None:
    """Refuse a claim (file, id) found twice, naming the reports (origins) it is in."""
    seen: dict[tuple[str, str], str] = {}
    duplicates: list[str] = []
    for file, claim_id, origin in claims:
        key = (file, claim_id)
        if key in seen:
            duplicates.append(
                f"claim {claim_id!r} ({file}) is in both {seen[key]} and {origin}"
            )
            continue
        seen[key] = origin
    if duplicates:
        shown = "; ".join(duplicates[:3])
        more = f" (and {len(duplicates) - 3} more)" if len(duplicates) > 3 else ""
        raise ClaimFileError(
            shown + more,
            hint="each shard must check different files; merge each report once",
            code="merge.duplicate",
        )


def _merge_rest(merged: Report, reports: list[Report]) -> None:
    """Problems, rate blocks and coverage of ``reports`` into ``merged``, each sorted."""
    coverage_blocks: list[dict[str, Any]] = []
    for report in reports:
        merged.problems.extend(report.problems)
        merged.rates.extend(report.rates)
        if report.coverage:
            coverage_blocks.extend(report.coverage.get("articles", []))
    merged.problems.sort(key=lambda p: (p.file, p.line, p.col, p.code, p.message))
    merged.rates.sort(key=lambda b: (str(b.get("article", "")), str(b["from"]), str(b["to"])))
    if coverage_blocks:
        merged.coverage = _merge_coverage(coverage_blocks)


def _merge_coverage(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    from factcheck.report.coverage import percent

    blocks = sorted(blocks, key=lambda b: (str(b.get("article", "")), str(b.get("file", ""))))
    total = sum(int(b.get("quantities", 0)) for b in blocks)
    covered = sum(int(b.get("covered", 0)) for b in blocks)
    return {"quantities": total, "covered": covered, "percent": percent(covered, total),
            "articles": blocks}
