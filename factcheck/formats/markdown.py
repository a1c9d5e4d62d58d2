"""The editor's discrepancy report in Markdown (fits $GITHUB_STEP_SUMMARY and a PR comment)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.formats.escape import markdown
from factcheck.formats.text import show_value, summary_line

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

_ICONS = {"error": "⛔", "contradicted": "❌", "undetermined": "❔", "holds": "✅", "todo": "📝"}


def cell(value: Any) -> str:
    """Any value from the report as inert Markdown text (see :func:`escape.markdown`)."""
    return markdown(str(value))


def _first(d: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if d.get(key) not in (None, "", [], {}):
            return d[key]
    return None


def _said(f: Finding) -> str:
    """What the article says, from the details the evaluator recorded."""
    d = f.details
    if f.kind == "convert" and d.get("amount") and d.get("stated"):
        return cell(f"{d['amount']} → {d['stated']}")
    if f.kind == "compare":
        side = d.get(str(d.get("stated"))) if d.get("stated") in ("left", "right") else None
        return cell(show_value(_first(d, "expr") or side))
    return cell(show_value(_first(d, "stated", "said", "expr")))


def _data(f: Finding) -> str:
    """What the data says: the computed side, the implied rate, the resolved date."""
    d = f.details
    if f.kind == "convert" and d.get("implied_rate"):
        ref = d.get("reference") or {}
        return cell(f"implies {show_value(d['implied_rate'])}; "
                    f"reference {show_value(ref) if ref else '?'}")
    if f.kind == "compare" and d.get("stated") in ("left", "right"):
        other = "left" if d["stated"] == "right" else "right"
        if d.get(other):
            return cell(show_value(d[other]))
    if f.kind == "count" and "distinct" in d:
        dup = d.get("duplicates") or []
        return cell(f"{d.get('listed')} listed, {d['distinct']} distinct"
                    + (f" (repeated: {show_value(dup)})" if dup else ""))
    if f.kind == "date" and d.get("resolved"):
        return cell(f"{show_value(d['resolved'])}; expected {show_value(d.get('expected'))}")
    value = _first(d, "computed", "actual", "resolved")
    return cell(show_value(value)) if value is not None else cell(f.message)


def _difference(f: Finding) -> str:
    d = f.details
    if d.get("difference") not in (None, ""):
        return cell(show_value(d["difference"]))
    for key in ("deviation_pct", "difference_pct"):
        if d.get(key) not in (None, ""):
            return cell(f"{show_value(d[key])}%")
    return " "


def _sources(f: Finding) -> str:
    d = f.details
    src = d.get("sources")
    if not src and isinstance(d.get("reference"), dict):
        src = d["reference"].get("source")
    return cell(show_value(src)) if src else " "


def _findings_table(findings: list[Finding]) -> list[str]:
    lines = [
        "| | Claim | Verdict | Quote | The article says | The data says | Difference | Sources |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for f in findings:
        verdict = f.verdict if not f.unexpected else f"{f.verdict} (expected {f.expect})"
        lines.append(
            f"| {_ICONS.get(f.verdict, '')} | {cell(f.claim_id)}<br>{cell(f.file)}:{f.line} "
            f"| {cell(verdict)} | {cell(f.quote)} | {_said(f)} | {_data(f)} "
            f"| {_difference(f)} | {_sources(f)} |"
        )
    return lines


def _rates(rates: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for block in rates:
        ref = block.get("reference") or {}
        lines += [
            "",
            f"### Rates {cell(block.get('from', '?'))} → {cell(block.get('to', '?'))}",
            "",
            f"Reference: {cell(ref.get('rate', '?'))} ({cell(ref.get('source', '?'))}, "
            f"{cell(ref.get('date', '?'))}); spread between clusters "
            f"{cell(block.get('spread_pct', '?'))}%",
            "",
            "| Cluster | Rate | Interval | Deviation | Nearest reference day | Claims |",
            "|---|---|---|---|---|---|",
        ]
        for i, cl in enumerate(block.get("clusters", []), 1):
            near = cl.get("nearest_reference") or {}
            lines.append(
                f"| {i} | {cell(cl.get('rate', '?'))} "
                f"| [{cell(cl.get('low', '?'))}, {cell(cl.get('high', '?'))}] "
                f"| {cell(cl.get('deviation_pct', '?'))}% "
                f"| {cell(near.get('date', '?'))} ({cell(near.get('rate', '?'))}) "
                f"| {cell(', '.join(str(c) for c in cl.get('claims', [])))} |"
            )
    return lines


def _coverage(coverage: dict[str, Any] | None) -> list[str]:
    if not coverage:
        return []
    lines = [
        "",
        "## Coverage",
        "",
        f"{cell(coverage.get('covered', 0))} of {cell(coverage.get('quantities', 0))} "
        "quantities in the "
        f"article text are covered by a claim ({cell(coverage.get('percent', '0'))}%).",
    ]
    missing = [
        (art, item)
        for art in coverage.get("articles", [])
        for item in art.get("items", [])
        if not item.get("covered_by")
    ]
    if missing:
        lines += ["", "| Not covered | Where |", "|---|---|"]
        for art, item in missing:
            lines.append(
                f"| {cell(item.get('text', ''))} "
                f"| {cell(art.get('file', ''))}:{cell(item.get('line'))}:{cell(item.get('col'))} |"
            )
    return lines


def render(report: Report, options: RenderOptions) -> str:
    lines = ["# factcheck report", ""]
    for art in report.articles:
        title = cell(art.get("title", art.get("id", "")))
        meta = ", ".join(cell(art[k]) for k in ("publisher", "published") if art.get(k))
        lines.append(f"- **{title}**" + (f" ({meta})" if meta else ""))
        if art.get("text_error"):
            lines.append(f"  - article text unavailable: {cell(art['text_error'])}")
    if report.articles:
        lines.append("")
    lines.append(f"**{cell(summary_line(report))}**")
    if report.problems:
        lines += ["", "## Input problems", "", "| Where | Code | Problem |", "|---|---|---|"]
        for p in report.problems:
            where = f"{p.file}:{p.line}:{max(p.col, 1)}" if p.line > 0 else p.file
            lines.append(f"| {cell(where)} | {cell(p.code)} | {cell(p.message)} |")
    notable = [f for f in report.worst_first()
               if f.verdict not in ("holds", "todo") or f.unexpected]
    lines += ["", "## Discrepancies", ""]
    if notable:
        lines += _findings_table(notable)
        lines += ["", "<details><summary>Why, claim by claim</summary>", ""]
        lines += [f"- **{cell(f.claim_id)}**: {cell(f.message)}"
                  + "".join(f" ⚠ {cell(w)}" for w in f.warnings) for f in notable]
        lines += ["", "</details>"]
    else:
        lines.append("Every claim holds as expected.")
    to_write = [f for f in report.findings if f.verdict == "todo"]
    if to_write:  # drafted claims that wait for a person: no discrepancy, a to-do list
        lines += ["", f"## To write ({len(to_write)})", ""]
        lines += [f"- [ ] {cell(f.claim_id)} ({cell(f.file)}:{f.line}): {cell(f.quote)}"
                  for f in to_write]
    if report.rates:
        lines += ["", "## Rate analysis"] + _rates(report.rates)
    lines += _coverage(report.coverage)
    holding = [f for f in report.worst_first() if f.verdict == "holds" and not f.unexpected]
    if holding:
        lines += ["", "<details><summary>Claims that hold "
                  f"({len(holding)})</summary>", ""]
        lines += [f"- {cell(f.claim_id)}: {cell(f.message)}" for f in holding]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
