"""Reading JSON reports back into Report records and merging shards of one archive run."""

from __future__ import annotations

from typing import Any

from factcheck.errors import ClaimFileError
from factcheck.report.record import Finding, Problem, Report


def report_from_json(data: Any, origin: str) -> Report:
    """A Report from the JSON that ``factcheck check --format json`` wrote.

    ``data`` is checked against the report contract first (:mod:`reportschema`), so
    every value used below has its type and bounds; anything else is a located error.
    """
    from factcheck.report.reportschema import check_report

    check_report(data, origin)
    findings = [
        Finding(
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
            details=dict(c.get("details", {})),
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
        for c in data["claims"]
    ]
    problems = [
        Problem(p["file"], p["line"], p["col"], p["code"], p["message"])
        for p in data.get("problems", [])
    ]
    rates = [dict(b) for b in data["rates"]]
    from factcheck.report.shards import read_shard

    return Report(findings=findings, problems=problems, rates=rates,
                  coverage=data.get("coverage"), shard=read_shard(data.get("shard"), origin))


def _span(value: Any) -> tuple[int, int, int, int] | None:
    if isinstance(value, list) and len(value) == 4:
        return (int(value[0]), int(value[1]), int(value[2]), int(value[3]))
    return None


def merge_reports(reports: list[tuple[str, Report]]) -> Report:
    """One report from several; a claim id present in two inputs is an error naming both."""
    seen: dict[str, str] = {}
    merged = Report()
    duplicates: list[str] = []
    coverage_blocks: list[dict[str, Any]] = []
    for origin, report in reports:
        for finding in report.findings:
            key = f"{finding.file}\0{finding.claim_id}"
            if key in seen:
                duplicates.append(
                    f"claim {finding.claim_id!r} ({finding.file}) "
                    f"is in both {seen[key]} and {origin}"
                )
                continue
            seen[key] = origin
            merged.findings.append(finding)
        merged.problems.extend(report.problems)
        merged.rates.extend(report.rates)
        if report.coverage:
            coverage_blocks.extend(report.coverage.get("articles", []))
    if duplicates:
        shown = "; ".join(duplicates[:3])
        more = f" (and {len(duplicates) - 3} more)" if len(duplicates) > 3 else ""
        raise ClaimFileError(
            shown + more,
            hint="each shard must check different files; merge each report once",
            code="merge.duplicate",
        )
    merged.findings.sort(key=lambda f: (f.file, f.line, f.claim_id))
    merged.problems.sort(key=lambda p: (p.file, p.line, p.col, p.code, p.message))
    merged.rates.sort(key=lambda b: (str(b.get("article", "")), str(b["from"]), str(b["to"])))
    if coverage_blocks:
        merged.coverage = _merge_coverage(coverage_blocks)
    return merged


def _merge_coverage(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    from factcheck.report.coverage import percent

    blocks = sorted(blocks, key=lambda b: (str(b.get("article", "")), str(b.get("file", ""))))
    total = sum(int(b.get("quantities", 0)) for b in blocks)
    covered = sum(int(b.get("covered", 0)) for b in blocks)
    return {"quantities": total, "covered": covered, "percent": percent(covered, total),
            "articles": blocks}
