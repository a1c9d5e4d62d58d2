"""One self-contained HTML report: the article with each quote marked by verdict, rates, coverage.

No scripts, external styles, fonts or images (a Content-Security-Policy forbids them);
details open with <details>. Claim files are untrusted: every string is escaped.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from factcheck.formats import escape
from factcheck.formats.text import show_value, summary_line, verdict_label
from factcheck.quantity.rational import Fraction
from factcheck.report.record import SEVERITY

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
line-height:1.5;color:#222}
.article{white-space:pre-wrap;border:1px solid #ccc;padding:1rem;background:#fcfcfc}
mark{padding:0 .1em;border-radius:.2em}mark a{color:inherit;text-decoration:none}
.holds{background:#d4f4d4}.contradicted{background:#f8c8c8}.undetermined{background:#fbe8a6}
.error{background:#e0a0ff}.unexpected{outline:2px solid #c00}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;
text-align:left;vertical-align:top}details{margin:.3rem 0}summary{cursor:pointer}
code{white-space:pre-wrap}.muted{color:#666}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(value: object, *, newlines: bool = False) -> str:
    """Any value as HTML text or a quoted attribute (see :func:`escape.html`)."""
    return escape.html(str(value), newlines=newlines)


def _anchor(index: int) -> str:
    return f"claim-{index}"


def _line_starts(text: str) -> list[int]:
    """The offset of each line's first character: found once per article, not per claim."""
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    return starts


def _offsets(text: str, starts: list[int],
             span: tuple[int, int, int, int]) -> tuple[int, int] | None:
    line, col, end_line, end_col = span
    if not (1 <= line <= len(starts) and 1 <= end_line <= len(starts)):
        return None
    start, end = starts[line - 1] + col - 1, starts[end_line - 1] + end_col - 1
    return (start, end) if 0 <= start < end <= len(text) else None


def _marked_text(text: str, marks: list[tuple[int, int, int, Finding]]) -> str:
    """The article with every quote marked; overlapping quotes split into segments.

    One sweep over the cut points, keeping the quotes open at each: linear in the
    text and the number of marks (times the few quotes that overlap one place).
    """
    cuts = sorted({0, len(text)} | {p for s, e, _, _ in marks for p in (s, e)})
    by_start = sorted(marks, key=lambda m: m[0])
    out = []
    active: list[tuple[int, int, int, Finding]] = []
    nxt = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        while nxt < len(by_start) and by_start[nxt][0] <= a:
            active.append(by_start[nxt])
            nxt += 1
        if active:
            active = [m for m in active if m[1] > a]
        piece = esc(text[a:b], newlines=True)
        if not active:
            out.append(piece)
            continue
        over = sorted((i, f) for _, _, i, f in active)
        i, worst = min(over, key=lambda it: (it[1].sort_key(), it[0]))
        title = "; ".join(f"{f.claim_id}: {verdict_label(f)}" for _, f in over)
        cls = worst.verdict + (" unexpected" if worst.unexpected else "")
        out.append(
            f'<mark class="{esc(cls)}" title="{esc(title)}">'
            f'<a href="#{_anchor(i)}">{piece}</a></mark>'
        )
    return "".join(out)


def _details_table(details: dict[str, Any]) -> str:
    if not details:
        return ""
    rows = "".join(
        f"<tr><th>{esc(k)}</th><td><code>{esc(_plain(v), newlines=True)}</code></td></tr>"
        for k, v in sorted(details.items())
    )
    return f"<table>{rows}</table>"


def _plain(value: Any) -> str:
    return show_value(value)


def _claim_list(indexed: list[tuple[int, Finding]]) -> str:
    out = ["<h2>Claims</h2>"]
    for i, f in sorted(indexed, key=lambda it: (it[1].sort_key(), it[0])):
        cls = f.verdict + (" unexpected" if f.unexpected else "")
        opened = " open" if f.unexpected or f.verdict == "error" else ""
        warnings = "".join(f"<li>{esc(w)}</li>" for w in f.warnings)
        out.append(
            f'<details id="{_anchor(i)}"{opened}><summary><mark class="{esc(cls)}">'
            f"{esc(verdict_label(f))}</mark> {esc(f.claim_id)} "
            f'<span class="muted">{esc(f.file)}:{f.line}</span></summary>'
            f"<p>{esc(f.message)}</p><blockquote>{esc(f.quote)}</blockquote>"
            + (f"<ul>{warnings}</ul>" if warnings else "")
            + _details_table(f.details)
            + "</details>"
        )
    return "\n".join(out)


def _num(value: Any) -> Fraction | None:
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return None


def _day(value: Any) -> dt.date | None:
    """A calendar day from a date or an ISO date string; None when it does not parse."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _dated_series(raw: Any) -> list[tuple[dt.date, Fraction]]:
    """The usable (day, rate) points of a series of [ISO date, rate] pairs, by date.

    Any sequence of pairs will do (the analysis hands over tuples of tuples, a
    JSON report lists of lists). An entry that is not a pair, or whose date or rate
    does not parse, is skipped. The sort is stable, so equal days keep their order.
    """
    points: list[tuple[dt.date, Fraction]] = []
    for entry in raw or ():
        try:
            d, r = entry
        except (TypeError, ValueError):
            continue
        day, rate = _day(d), _num(r)
        if day is not None and rate is not None:
            points.append((day, rate))
    points.sort(key=lambda point: point[0])
    return points


def _chart(block: dict[str, Any]) -> str:
    """An inline SVG: the reference series as a line, each cluster as a band and a line.

    The x axis is calendar time: the window runs from the first day of the series
    to the last (the article's day, or the business day before it), and each point
    sits in proportion to the days since the first, so that a weekend or a holiday
    shows as a longer segment. The ends of the axis are labelled with their dates.
    """
    series = _dated_series(block.get("series"))
    clusters = [
        (i, _num(c.get("low")), _num(c.get("high")), _num(c.get("rate")), c)
        for i, c in enumerate(block.get("clusters") or [], 1)
    ]
    values: list[Fraction] = [r for _, r in series]
    values += [v for c in clusters for v in (c[1], c[2], c[3]) if v is not None]
    if not values:
        return ""
    w, h, pad = 640, 240, 40
    lo: Fraction = min(values)
    hi: Fraction = max(values)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    margin = (hi - lo) / 10
    lo, hi = lo - margin, hi + margin

    def y(v: Fraction) -> str:
        return f"{float(pad + (hi - v) / (hi - lo) * (h - 2 * pad)):.2f}"

    first = series[0][0] if series else None
    span = (series[-1][0] - series[0][0]).days if series else 0

    def x(day: dt.date) -> str:
        if first is None or span == 0:  # one day in the window: its middle
            return f"{w / 2:.2f}"
        return f"{pad + (day - first).days * (w - 2 * pad) / span:.2f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-label="reference rate and implied rates">',
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="#fff" stroke="#ccc"/>',
    ]
    colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    for i, low, high, rate, raw in clusters:
        color = colors[(i - 1) % len(colors)]
        if low is not None and high is not None:
            top, bottom = y(max(low, high)), y(min(low, high))
            parts.append(
                f'<rect x="{pad}" y="{top}" width="{w - 2 * pad}" '
                f'height="{max(float(bottom) - float(top), 1.0):.2f}" fill="{color}" '
                f'fill-opacity="0.2"><title>cluster {i}: '
                f'[{esc(raw.get("low"))}, {esc(raw.get("high"))}]</title></rect>'
            )
        if rate is not None:
            parts.append(
                f'<line x1="{pad}" x2="{w - pad}" y1="{y(rate)}" y2="{y(rate)}" '
                f'stroke="{color}" stroke-dasharray="4 3"/>'
                f'<text x="{w - pad + 2}" y="{y(rate)}" font-size="10" fill="{color}">'
                f"{i}</text>"
            )
    if series:
        points = " ".join(f"{x(d)},{y(r)}" for d, r in series)
        parts.append(f'<polyline points="{points}" fill="none" stroke="#000" stroke-width="1.5"/>')
        ref_day = _day((block.get("reference") or {}).get("date", ""))
        for d, r in series:
            stroke = ' r="4" fill="#000"' if d == ref_day else ' r="2" fill="#555"'
            parts.append(
                f'<circle cx="{x(d)}" cy="{y(r)}"{stroke}><title>{esc(d.isoformat())}: '
                f"{esc(_short(r))}</title></circle>"
            )
        start, end = series[0][0], series[-1][0]
        if span == 0:
            parts.append(
                f'<text x="{x(start)}" y="{h - 10}" font-size="10" text-anchor="middle">'
                f"{esc(start.isoformat())}</text>"
            )
        else:
            parts.append(
                f'<text x="{pad}" y="{h - 10}" font-size="10">{esc(start.isoformat())}</text>'
            )
            parts.append(
                f'<text x="{w - pad}" y="{h - 10}" font-size="10" text-anchor="end">'
                f"{esc(end.isoformat())}</text>"
            )
    parts.append(f'<text x="2" y="{pad - 5}" font-size="10">{esc(_short(hi))}</text>')
    parts.append(f'<text x="2" y="{h - pad + 12}" font-size="10">{esc(_short(lo))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cluster_strip(block: dict[str, Any]) -> str:
    """A zoomed SVG of the clusters alone, one row each, against the reference rate.

    On the 30-day chart the clusters of one article often lie within a fraction of
    a won of each other; here the axis spans just them and the reference.
    """
    rows = []
    for i, c in enumerate(block.get("clusters") or [], 1):
        low, high, rate = _num(c.get("low")), _num(c.get("high")), _num(c.get("rate"))
        if low is not None and high is not None and rate is not None:
            rows.append((i, low, high, rate, len(c.get("claims") or [])))
    reference = _num((block.get("reference") or {}).get("rate"))
    if not rows:
        return ""
    values = [v for _, lo_, hi_, _, _ in rows for v in (lo_, hi_)]
    if reference is not None:
        values.append(reference)
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    margin = (hi - lo) / 8
    lo, hi = lo - margin, hi + margin
    w, left, right, row_h, top = 640, 150, 20, 22, 28
    h = top + row_h * len(rows) + 24

    def x(v: Fraction) -> float:
        return left + float((v - lo) / (hi - lo)) * (w - left - right)

    colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-label="implied-rate clusters, zoomed">',
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="#fff" stroke="#ccc"/>',
    ]
    if reference is not None:
        rx = x(reference)
        ref = block.get("reference") or {}
        parts.append(
            f'<line x1="{rx:.2f}" x2="{rx:.2f}" y1="{top - 8}" y2="{h - 20}" stroke="#000" '
            f'stroke-dasharray="3 3"/><text x="{rx:.2f}" y="{top - 12}" font-size="10" '
            f'text-anchor="middle">reference {esc(_short(reference))} '
            f"({esc(ref.get('date', ''))})</text>"
        )
    for row, (i, low, high, rate, n) in enumerate(rows):
        color = colors[(i - 1) % len(colors)]
        cy = top + row_h * row + row_h / 2
        x1, x2 = x(low), x(high)
        parts.append(
            f'<text x="6" y="{cy + 4:.2f}" font-size="11" fill="{color}">cluster {i}: '
            f'{esc(_short(rate))} ({n} claim{"s" if n != 1 else ""})</text>'
            f'<rect x="{x1:.2f}" y="{cy - 5:.2f}" width="{max(x2 - x1, 2.0):.2f}" height="10" '
            f'fill="{color}" fill-opacity="0.35"/>'
            f'<circle cx="{x(rate):.2f}" cy="{cy:.2f}" r="3" fill="{color}"><title>cluster {i}: '
            f"[{esc(_short(low))}, {esc(_short(high))}]</title></circle>"
        )
    parts.append(f'<text x="{left}" y="{h - 6}" font-size="10">{esc(_short(lo))}</text>')
    parts.append(
        f'<text x="{w - right}" y="{h - 6}" font-size="10" text-anchor="end">'
        f"{esc(_short(hi))}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def _short(v: Fraction) -> str:
    return f"{float(v):.4f}"


def _rates(rates: list[dict[str, Any]]) -> str:
    out = []
    for block in rates:
        ref = block.get("reference") or {}
        out.append(
            f"<h3>{esc(block.get('from', '?'))} → {esc(block.get('to', '?'))}</h3>"
            f"<p>Reference {esc(ref.get('rate', '?'))} ({esc(ref.get('source', '?'))}, "
            f"{esc(ref.get('date', '?'))}); spread {esc(block.get('spread_pct', '?'))}%</p>"
            "<table><tr><th>Cluster</th><th>Rate</th><th>Interval</th><th>Deviation</th>"
            "<th>Nearest reference day</th><th>Claims</th></tr>"
        )
        for i, cl in enumerate(block.get("clusters") or [], 1):
            near = cl.get("nearest_reference") or {}
            claims = ", ".join(str(c) for c in cl.get("claims", []))
            out.append(
                f"<tr><td>{i}</td><td>{esc(cl.get('rate', '?'))}</td>"
                f"<td>[{esc(cl.get('low', '?'))}, {esc(cl.get('high', '?'))}]</td>"
                f"<td>{esc(cl.get('deviation_pct', '?'))}%</td>"
                f"<td>{esc(near.get('date', '?'))} ({esc(near.get('rate', '?'))})</td>"
                f"<td>{esc(claims)}</td></tr>"
            )
        out.append("</table>")
        out.append(_chart(block))
        out.append(_cluster_strip(block))
    return "\n".join(out)


def _coverage(coverage: dict[str, Any] | None) -> str:
    if not coverage:
        return ""
    out = [
        "<h2>Coverage</h2>",
        f"<p>{esc(coverage.get('covered', 0))} of {esc(coverage.get('quantities', 0))} "
        f"quantities in the article text are covered by a claim "
        f"({esc(coverage.get('percent', '0'))}%).</p>",
        "<table><tr><th>Quantity</th><th>Where</th><th>Covered by</th></tr>",
    ]
    for art in coverage.get("articles", []):
        for item in art.get("items", []):
            by = ", ".join(str(c) for c in item.get("covered_by", []))
            cls = "holds" if by else "contradicted"
            out.append(
                f"<tr><td>{esc(item.get('text', ''))}</td>"
                f"<td>{esc(art.get('file', ''))}:{esc(item.get('line'))}:"
                f"{esc(item.get('col'))}</td>"
                f'<td class="{cls}">{esc(by or "not covered")}</td></tr>'
            )
    out.append("</table>")
    return "\n".join(out)


def render(report: Report, options: RenderOptions) -> str:
    indexed = list(enumerate(report.findings, 1))
    title = "factcheck report"
    if len(report.articles) == 1:
        title = f"factcheck: {report.articles[0].get('title', '')}"
    body = [f"<h1>{esc(title)}</h1>", f"<p><strong>{esc(summary_line(report))}</strong></p>"]
    legend = " ".join(
        f'<mark class="{v}">{v}</mark>' for v in sorted(SEVERITY, key=SEVERITY.__getitem__)
    )
    body.append(f'<p class="muted">Legend: {legend}; outlined = not the expected verdict.</p>')
    if report.problems:
        body.append("<h2>Input problems</h2><ul>")
        body += [f"<li><code>{esc(p)}</code></li>" for p in report.problems]
        body.append("</ul>")
    for art in report.articles:
        meta = ", ".join(esc(art[k]) for k in ("publisher", "published") if art.get(k))
        body.append(f"<h2>{esc(art.get('title', art.get('id', '')))}</h2>")
        if meta:
            body.append(f'<p class="muted">{meta}</p>')
        if art.get("url"):
            body.append(f'<p class="muted">{esc(art["url"])}</p>')
        if art.get("text_error"):
            body.append(f'<p class="muted">Article text unavailable: {esc(art["text_error"])}</p>')
        text = art.get("text")
        if isinstance(text, str) and text:
            marks = []
            starts = _line_starts(text)
            for i, f in indexed:
                if f.article_id == art.get("id") and f.quote_span:
                    span = _offsets(text, starts, f.quote_span)
                    if span:
                        marks.append((span[0], span[1], i, f))
            body.append(f'<div class="article">{_marked_text(text, marks)}</div>')
    body.append(_claim_list(indexed))
    if report.rates:
        body.append("<h2>Rate analysis</h2>")
        body.append(_rates(report.rates))
    body.append(_coverage(report.coverage))
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(b for b in body if b)
        + "\n</body>\n</html>\n"
    )
