"""Reading JSON reports back into Report records and merging shards of one archive run."""

from __future__ import annotations

from typing import Any

from factcheck.errors import ClaimFileError, Location
from factcheck.report.record import Finding, Problem, Report

_REQUIRED = ("summary", "claims", "rates")


def report_from_json(data: Any, origin: str) -> Report:
    """A Report from the JSON that ``factcheck check --format json`` wrote."""
    if not isinstance(data, dict) or any(key not in data for key in _REQUIRED):
        raise ClaimFileError(
            "not a factcheck JSON report (needs the keys summary, claims and rates)",
            hint="merge the output of `factcheck check --format json`",
            location=Location(origin),
            code="merge.not-a-report",
        )
    try:
        findings = [
            Finding(
                claim_id=str(c["id"]),
                file=str(c["file"]),
                line=int(c["line"]),
                col=int(c.get("col", 1)),
                kind=str(c["kind"]),
                quote=str(c["quote"]),
                verdict=str(c["verdict"]),
                expect=str(c["expect"]),
                message=str(c["message"]),
                warnings=tuple(str(w) for w in c.get("warnings", [])),
                details=dict(c.get("details", {})),
                article_id=str(c.get("article", "")),
                quote_span=_span(c.get("quote_span")),
            )
            for c in data["claims"]
        ]
        problems = [
            Problem(
                str(p["file"]), int(p["line"]), int(p["col"]), str(p["code"]), str(p["message"])
            )
            for p in data.get("problems", [])
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise ClaimFileError(
            f"malformed claim or problem entry in the report ({type(exc).__name__}: {exc})",
            hint="merge unmodified output of `factcheck check --format json`",
            location=Location(origin),
            code="merge.not-a-report",
        ) from None
    rates = data["rates"]
    coverage = data.get("coverage")
    if not (isinstance(rates, list) and all(
        isinstance(b, dict) and isinstance(b.get("from"), str) and isinstance(b.get("to"), str)
        for b in rates
    )):
        raise _malformed("'rates' is not a list of rate blocks with 'from' and 'to'", origin)
    if coverage is not None and not (
        isinstance(coverage, dict)
        and isinstance(coverage.get("articles", []), list)
        and all(isinstance(b, dict) for b in coverage.get("articles", []))
    ):
        raise _malformed("'coverage' is not a mapping with a list of 'articles'", origin)
    for finding in findings:
        if finding.verdict not in _VERDICTS:
            raise _malformed(f"claim {finding.claim_id!r} has the unknown verdict "
                             f"{finding.verdict!r}", origin)
    rates = [dict(b) for b in rates]
    return Report(findings=findings, problems=problems, rates=rates, coverage=coverage)


_VERDICTS = ("holds", "contradicted", "undetermined", "error", "todo")


def _malformed(what: str, origin: str) -> ClaimFileError:
    return ClaimFileError(
        f"malformed report: {what}",
        hint="merge unmodified output of `factcheck check --format json`",
        location=Location(origin),
        code="merge.not-a-report",
    )


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
