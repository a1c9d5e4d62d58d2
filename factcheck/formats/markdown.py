"""The editor's discrepancy report in Markdown (fits $GITHUB_STEP_SUMMARY and a PR comment)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from factcheck.formats import joined
from factcheck.formats.escape import markdown
from factcheck.formats.text import summary_line

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

_ICONS = {"error": "⛔", "contradicted": "❌", "undetermined": "❔", "holds": "✅", "todo": "📝"}


def cell(value: Any) -> str:
    """Any value from the report as inert Markdown text (see :func:`escape.markdown`)."""
    return markdown(str(value))


_URL = re.compile(r"^https?://[^\s<>()\[\]`|\\]+$")


def _link(text: str, url: str) -> str:
    """A link we make (to a claim's line, a source): only to an http(s) address, with
    nothing in it that Markdown would read; otherwise the text alone."""
    return f"[{cell(text)}]({url})" if _URL.match(url) else cell(text)


def _where(f: Finding, link_base: str) -> str:
    place = f"{f.file}:{f.line}"
    if link_base:
        return _link(place, f"{link_base.rstrip('/')}/{quote(f.file)}#L{f.line}")
    return cell(place)


def _sources(f: Finding) -> str:
    return ", ".join(_link(title or sid, url) for sid, title, url in f.sources)


def _numbers(f: Finding) -> str:
    """The article's figure against the data's, in the article's notation."""
    if not f.said:
        return cell(f.message)
    text = f"the article says **{cell(f.said)}**; the data says **{cell(f.data_says)}**"
    gap = ", ".join(cell(x) for x in (f.difference, f.difference_pct) if x)
    return text + (f" ({gap})" if gap else "")


def _verdict(f: Finding) -> str:
    if f.unexpected:
        return f"🚨 **{cell(f.verdict)}, expected {cell(f.expect)}**"
    return f"{_ICONS.get(f.verdict, '')} {cell(f.verdict)}"


def _item(f: Finding, link_base: str) -> list[str]:
    lines = [f"- {_verdict(f)}: **{cell(f.claim_id)}** ({_where(f, link_base)}), "
             f"quoting “{cell(f.quote)}”: {_numbers(f)}."]
    if f.note:
        lines.append(f"  Reviewer's note: {cell(f.note)}")
    if f.sources:
        lines.append(f"  Sources: {_sources(f)}.")
    for w in f.warnings:
        lines.append(f"  ⚠ {cell(w)}")
    return lines


def _needs_attention(f: Finding) -> bool:
    return f.unexpected or f.verdict in ("error", "contradicted")


def _row(f: Finding, link_base: str) -> str:
    said = cell(f.said) if f.said else " "
    data = cell(f.data_says) if f.data_says else cell(f.message)
    warned = f" ⚠ {len(f.warnings)}" if f.warnings else ""
    return (f"| {_ICONS.get(f.verdict, '')} {cell(f.verdict)}{warned} | {cell(f.claim_id)} "
            f"({_where(f, link_base)}) | {said} | {data} |")


def _rates(rates: list[dict[str, Any]]) -> list[str]:
    if not rates:
        return []  # and nothing of the rates package is imported
    from factcheck.rates.numbers import report_number as _n
    from factcheck.rates.numbers import report_percent as _pct

    lines: list[str] = []
    for block in rates:
        ref = block.get("reference") or {}
        lines += [
            "",
            f"### Rates {cell(block.get('from', '?'))} → {cell(block.get('to', '?'))}",
            "",
            f"Reference: {cell(_n(ref.get('rate', '?')))} ({cell(ref.get('source', '?'))}, "
            f"{cell(ref.get('date', '?'))}); spread between clusters "
            f"{cell(_pct(block.get('spread_pct', '?'), signed=False))}",
            "",
            "| Cluster | Rate | Interval | Deviation | Nearest reference day | Claims |",
            "|---|---|---|---|---|---|",
        ]
        for i, cl in enumerate(block.get("clusters", []), 1):
            near = cl.get("nearest_reference") or {}
            lines.append(
                f"| {i} | {cell(_n(cl.get('rate', '?')))} "
                f"| [{cell(_n(cl.get('low', '?')))}, {cell(_n(cl.get('high', '?')))}] "
                f"| {cell(_pct(cl.get('deviation_pct', '?')))} "
                f"| {cell(near.get('date', '?'))} ({cell(_n(near.get('rate', '?')))}) "
                f"| {cell(', '.join(str(c) for c in cl.get('claims', [])))} |"
            )
    return lines


def _coverage(coverage: dict[str, Any] | None) -> list[str]:
    if not coverage:
        return []
    lines = [
        "",
        "### Coverage",
        "",
        f"{coverage.get('covered', 0)} of {coverage.get('quantities', 0)} quantities in the "
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
                f"| {cell(art.get('file', ''))}:{item.get('line')}:{item.get('col')} |"
            )
    return lines


def _headline(report: Report) -> list[str]:
    s = report.summary()
    if report.exit_code == 0:
        return ["## ✅ factcheck passes",
                "", f"Every verdict is the one a reviewer expected ({s['contradicted']} "
                f"contradicted and {s['undetermined']} undetermined as reviewed)."]
    why = []
    if s["unexpected"]:
        why.append(f"{s['unexpected']} verdict{'s' * (s['unexpected'] != 1)} differ from "
                   "what a reviewer expected")
    if report.problems:
        why.append(f"{len(report.problems)} input problem{'s' * (len(report.problems) != 1)}")
    return ["## 🚨 factcheck fails", "", "; ".join(why).capitalize() + "."]


def render(report: Report, options: RenderOptions) -> str:
    return "".join(joined(_lines(report, options)))


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written a line at a time."""
    out.writelines(joined(_lines(report, options)))


def _lines(report: Report, options: RenderOptions) -> Iterator[str]:
    link_base = options.link_base
    yield from _headline(report)
    yield from ["", f"**{cell(summary_line(report))}**", ""]
    for art in report.articles:
        title = cell(art.get("title", art.get("id", "")))
        meta = ", ".join(cell(art[k]) for k in ("publisher", "published") if art.get(k))
        yield (f"- **{title}**" + (f" ({meta})" if meta else ""))
        if art.get("text_error"):
            yield f"  - article text unavailable: {cell(art['text_error'])}"
    if report.problems:
        yield from ["", "### Input problems", ""]
        for p in report.problems:
            where = f"{p.file}:{p.line}:{max(p.col, 1)}" if p.line > 0 else p.file
            yield f"- {cell(where)} ({cell(p.code)}): {cell(p.message)}"
    attention = [f for f in report.worst_first() if _needs_attention(f)]
    if attention:
        yield from ["", "### Needs attention", ""]
        for f in attention:
            yield from _item(f, link_base)
    if all(f.verdict in ("holds", "todo") and not f.unexpected for f in report.findings):
        yield from ["", "Every claim holds as expected."]
    to_write = [f for f in report.findings if f.verdict == "todo"]
    if to_write:  # drafted claims that wait for a person: no discrepancy, a to-do list
        yield from ["", f"### To write ({len(to_write)})", ""]
        yield from (f"- [ ] {cell(f.claim_id)} ({_where(f, link_base)}): {cell(f.quote)}"
                    for f in to_write)
    # The same test as for ``attention``, not a search of it: that was quadratic.
    rest = [f for f in report.findings if not _needs_attention(f) and f.verdict != "todo"]
    if rest:
        yield from ["", f"<details><summary>The other {len(rest)} claims</summary>", "",
                    "| Verdict | Claim | The article says | The data says |", "|---|---|---|---|"]
        yield from (_row(f, link_base) for f in rest)
        yield from ["", "</details>"]
    folded = _rates(report.rates) + _coverage(report.coverage)
    if folded:
        yield from ["", "<details><summary>Rates and coverage</summary>"] + folded
        yield from ["", "</details>"]
    yield ""
