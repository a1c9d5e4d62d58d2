"""One self-contained HTML report: the article with each quote marked by verdict, rates, coverage.

No scripts, external styles, fonts or images (a Content-Security-Policy forbids them);
details open with <details>. Claim files are untrusted: every string is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.formats import escape, ratechart
from factcheck.formats.text import summary_line, verdict_label
from factcheck.report.record import SEVERITY, in_report_order

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

# Reasons are margin notes beside their line on a wide screen, inline on a phone or paper.
# On paper every claim is unfolded; one that holds as expected leaves out its sources and
# the computation, which an editor reads only for what is wrong.
CSS = """
:root{--fg:#1a1a1a;--muted:#555;--bg:#fff;--panel:#f7f7f7;--line:#bbb;--bad:#a40000;
--badbg:#fde2e2;--open:#7a5200;--openbg:#fdf1c7;--ok:#1d5e20;--okbg:#e2f3e2;--err:#5b1a8c;
--errbg:#efdcff}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--muted:#bbb;--bg:#151515;--panel:#222;
--line:#555;--bad:#ff9d9d;--badbg:#4a1616;--open:#ffd66e;--openbg:#3d3210;--ok:#9be39f;
--okbg:#173a19;--err:#dab5ff;--errbg:#36204a}}
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem;
line-height:1.55;color:var(--fg);background:var(--bg);overflow-wrap:break-word}
a{color:inherit}.skip{position:absolute;left:-100vw}.skip:focus{left:1rem;top:1rem;
background:var(--bg);padding:.3rem}
.article{white-space:pre-wrap;border:1px solid var(--line);padding:1rem;background:var(--panel)}
mark{color:inherit;padding:0 .1em;border-radius:.2em;text-decoration-thickness:2px;
text-underline-offset:.2em}mark a{color:inherit;text-decoration:none}
.holds{background:var(--okbg);text-decoration:underline solid var(--ok)}
.contradicted{background:var(--badbg);text-decoration:underline wavy var(--bad)}
.undetermined{background:var(--openbg);text-decoration:underline dashed var(--open)}
.error{background:var(--errbg);text-decoration:underline double var(--err)}
.todo{background:var(--panel);text-decoration:underline dotted var(--muted)}
.unexpected{outline:2px solid var(--bad)}
span.reason,details[class],td[class]{text-decoration:none}
details[class]{border-left-width:6px}details.contradicted,details.error{border-left-color:var(--bad)}
details.undetermined{border-left-color:var(--open)}details.holds{border-left-color:var(--ok)}
.reason{display:block;white-space:normal;margin:.2rem 0 .4rem 1rem;padding:.1rem .5rem;
border-left:4px solid var(--line);font-size:.9rem}
.reason.contradicted,.reason.error{border-color:var(--bad)}
.reason.undetermined{border-color:var(--open)}
@media screen and (min-width:60rem){.article{display:flow-root;margin-right:21rem}
.article .reason{float:right;clear:right;width:20rem;margin:0 calc(-22rem - 1px) .5rem 0;
padding:.3rem .6rem;line-height:1.4}}
:lang(ko){word-break:keep-all}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid var(--line);
padding:.2rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600}
details{margin:.3rem 0;border:1px solid var(--line);padding:.2rem .6rem}
summary{cursor:pointer}code{white-space:pre-wrap;overflow-wrap:anywhere}.muted{color:var(--muted)}
.id{display:inline-block;max-width:100%;overflow-wrap:anywhere}
.filter{border:0;padding:0;margin:.5rem 0}.filter label{margin-right:.8rem;white-space:nowrap}
#f-contradicted:checked~#claims details:not(.contradicted),
#f-undetermined:checked~#claims details:not(.undetermined),
#f-holds:checked~#claims details:not(.holds),
#f-attention:checked~#claims details.holds:not(.unexpected){display:none}
@media print{:root{--fg:#000;--muted:#000;--bg:#fff;--panel:#fff;--line:#000;--bad:#000;
--open:#000;--ok:#000;--err:#000;--badbg:#fff;--openbg:#fff;--okbg:#fff;--errbg:#fff}
.filter,.skip,input{display:none}details::details-content{content-visibility:visible;
display:block}details>*{display:block}mark[data-verdict]::after{content:" [" attr(data-verdict) "]";
font-weight:600}body{max-width:none}.scroll{overflow:visible}
details.holds:not(.unexpected)>:is(.sources,p.muted){display:none}blockquote{margin:.3rem 1rem}}
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


# Any value as HTML text or a quoted attribute (see :func:`escape.html_value`).
esc = escape.html_value


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


_SYMBOL = {"holds": "✓", "contradicted": "✗", "undetermined": "?", "error": "!", "todo": "…"}


def _symbol(f: Finding) -> str:
    return _SYMBOL.get(f.verdict, "?") + ("!" if f.unexpected else "")


def _gap(f: Finding) -> str:
    """`` (difference, difference in percent)`` of a claim, of those it has; or nothing."""
    difference, pct = f.difference, f.difference_pct
    if difference:
        return f" ({esc(difference)}, {esc(pct)})" if pct else f" ({esc(difference)})"
    return f" ({esc(pct)})" if pct else ""


def _reason(f: Finding, i: int) -> str:
    """The verdict in words beside its sentence: visible without hovering or clicking."""
    said = (f"the article says {esc(f.said)}; the data says {esc(f.data_says)}"
            if f.said else esc(f.message))
    return (f'<span class="reason {esc(f.verdict)}">{_symbol(f)} {esc(verdict_label(f))}: '
            f"{said}{_gap(f)} "
            f'<a href="#{_anchor(i)}" tabindex="-1">more</a></span>')


def _marked_text(text: str, marks: list[tuple[int, int, int, Finding]]) -> str:
    """The article with every quote marked; overlapping quotes split into segments.

    One sweep over the cut points, keeping the quotes open at each: linear in the
    text and the number of marks (times the few quotes that overlap one place).
    Each quote's mark carries a verdict symbol; what is not a plain "holds" gets its
    reason right after the quote.
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
            f'<mark class="{esc(cls)}" title="{esc(title)}" data-verdict="{esc(worst.verdict)}">'
            f'<a href="#{_anchor(i)}" tabindex="-1">{piece}</a></mark>'
        )
        for _, e, j, f in active:
            if e == b:
                out.append(f'<sup class="muted" aria-hidden="true">{_symbol(f)}</sup>')
                if f.verdict != "holds" or f.unexpected:
                    out.append(_reason(f, j))
    return "".join(out)


_WEB = re.compile(r"^https?://\S+$")


def _claim_body(f: Finding, sources: dict[tuple[tuple[str, str, str], ...], str],
                parts: list[str]) -> None:
    """A claim's unfolded part, appended to ``parts``; ``sources`` keeps the list of each
    set of sources (claims on the same facts share one)."""
    append = parts.append
    if f.note:
        append(f"<p><strong>Reviewer's note:</strong> {esc(f.note)}</p>")
    append(f"<blockquote>{esc(f.quote)}</blockquote>")
    if f.said:
        append(f"<p>The article says <strong>{esc(f.said)}</strong>; the data says "
               f"<strong>{esc(f.data_says)}</strong>{_gap(f)}.</p>")
    if f.sources:
        listed = sources.get(f.sources)
        if listed is None:
            listed = sources[f.sources] = _sources(f.sources)
        append(listed)
    if f.warnings:
        append("<ul>")
        for w in f.warnings:
            append(f"<li>⚠ {esc(w)}</li>")
        append("</ul>")
    append(f'<p class="muted">{esc(f.message)}</p>')


def _sources(sources: tuple[tuple[str, str, str], ...]) -> str:
    # Addresses as text (the page makes no outside links), and only web ones.
    named = "".join(f"<li>{esc(t or sid)}" + (f" <code>{esc(u)}</code>" if _WEB.match(u)
                                               else "") + "</li>" for sid, t, u in sources)
    return f'<p class="sources">Sources:</p><ul class="sources">{named}</ul>'


def _claim_list(indexed: list[tuple[int, Finding]]) -> Iterator[str]:
    """The filter and the claims, worst first, one line each, each line with the newline
    before it (a claim is never held as part of a larger string)."""
    counts: dict[str, int] = {}
    for _, f in indexed:
        counts[f.verdict] = counts.get(f.verdict, 0) + 1
    choices = [("all", "all", len(indexed)), ("attention", "needs attention", None)]
    choices += [(v, v, counts.get(v, 0)) for v in ("contradicted", "undetermined", "holds")]
    # Radio buttons and CSS alone filter the list: the page forbids scripts.
    out = ['\n<fieldset class="filter"><legend>Show claims</legend>']
    for key, words, n in choices:
        checked = " checked" if key == "all" else ""
        out.append(f'\n<input type="radio" name="verdict" id="f-{key}"{checked}>'
                   f'<label for="f-{key}">{words}{f" ({n})" if n is not None else ""}</label>')
    out.append("\n</fieldset>")
    yield from out
    yield '\n<section id="claims"><h2>Claims</h2>'
    # What many claims share is escaped once: the heading of each verdict and
    # expectation, each file's name, each set of sources.
    heads: dict[tuple[str, str], str] = {}
    files: dict[str, str] = {}
    sources: dict[tuple[tuple[str, str, str], ...], str] = {}
    for k in in_report_order([f for _, f in indexed]):
        i, f = indexed[k]
        head = heads.get((f.verdict, f.expect))
        if head is None:
            head = heads[f.verdict, f.expect] = _heading(f)
        file = files.get(f.file)
        if file is None:
            file = files[f.file] = esc(f.file)
        # A claim's pieces joined once (each join copies the whole claim).
        parts = [f'\n<details id="{_anchor(i)}" {head}<span class="id">{esc(f.claim_id)}</span> '
                 f'<span class="muted">{file}:{f.line}</span></summary>']
        _claim_body(f, sources, parts)
        parts.append("</details>")
        yield "".join(parts)
    yield "\n</section>"


def _heading(f: Finding) -> str:
    """A claim's class, and its heading's verdict mark: the same for each verdict and
    expectation."""
    cls = f.verdict + (" unexpected" if f.unexpected else "")
    opened = " open" if f.unexpected or f.verdict in ("error", "contradicted") else ""
    return (f'class="{esc(cls)}"{opened}><summary>'
            f'<mark class="{esc(cls)}">{_symbol(f)} {esc(verdict_label(f))}</mark> ')


def _rate_lines(rates: list[dict[str, Any]]) -> Iterator[str]:
    """The rate analysis, each line with the newline before it: each block's heading,
    then the rest of the block (cluster rows, figures and series table) as one piece.
    The heading's arrow is the only character beyond ASCII that the analysis writes,
    so the rest stays a one-byte string (joined and encoded as copies, where one wide
    character would make the whole block's string wide)."""
    for block in rates:
        ref = block.get("reference") or {}
        yield (
            f"\n<h3>{esc(block.get('from', '?'))} → {esc(block.get('to', '?'))}</h3>"
            f"<p>Reference {esc(ref.get('rate', '?'))} ({esc(ref.get('source', '?'))}, "
            f"{esc(ref.get('date', '?'))}); spread {esc(block.get('spread_pct', '?'))}%</p>"
            '<div class="scroll"><table><caption>Implied-rate clusters</caption><tr>'
            '<th scope="col">Cluster</th><th scope="col">Rate</th><th scope="col">Interval</th>'
            '<th scope="col">Deviation</th><th scope="col">Nearest reference day</th>'
            '<th scope="col">Claims</th></tr>'
        )
        rest = []
        for i, cl in enumerate(block.get("clusters") or [], 1):
            near = cl.get("nearest_reference") or {}
            claims = ", ".join(str(c) for c in cl.get("claims", []))
            rest.append(
                f"\n<tr><td>{i}</td><td>{esc(cl.get('rate', '?'))}</td>"
                f"<td>[{esc(cl.get('low', '?'))}, {esc(cl.get('high', '?'))}]</td>"
                f"<td>{esc(cl.get('deviation_pct', '?'))}%</td>"
                f"<td>{esc(near.get('date', '?'))} ({esc(near.get('rate', '?'))})</td>"
                f"<td>{esc(claims)}</td></tr>"
            )
        figures, table = ratechart.charts_and_table(block)
        rest += ("\n</table></div>\n", figures, "\n", table)
        yield "".join(rest)


def _coverage(coverage: dict[str, Any] | None) -> str:
    """The coverage table, folded when every quantity is covered."""
    if not coverage:
        return ""
    total, covered = coverage.get("quantities", 0), coverage.get("covered", 0)
    summary = (f"{esc(covered)} of {esc(total)} quantities in the article text are covered "
               f"by a claim ({esc(coverage.get('percent', '0'))}%)")
    out = ["<h2>Coverage</h2>", f"<details{'' if covered == total else ' open'}>"
           f"<summary>{summary}</summary>",
           '<div class="scroll"><table><caption>Quantities in the article text</caption>'
           '<tr><th scope="col">Quantity</th><th scope="col">Where</th>'
           '<th scope="col">Covered by</th></tr>']
    for art in coverage.get("articles", []):
        for item in art.get("items", []):
            by = ", ".join(str(c) for c in item.get("covered_by", []))
            cls = "holds" if by else "contradicted"
            out.append(
                f"<tr><td>{esc(item.get('text', ''))}</td>"
                f"<td>{esc(item.get('line'))}:{esc(item.get('col'))}</td>"
                f'<td class="{cls}">{esc(by or "✗ not covered")}</td></tr>'
            )
    out.append("</table></div></details>")
    return "\n".join(out)


def _language(report: Report) -> str:
    """The page's language: the articles', when they share one that is a plain tag."""
    langs = {str(a.get("language") or "") for a in report.articles}
    lang = langs.pop() if len(langs) == 1 else ""
    return lang if lang.replace("-", "").isalnum() and 0 < len(lang) <= 12 else "en"


def render(report: Report, options: RenderOptions) -> str:
    return "".join(_document(report))


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written piece by piece: a claim at a time."""
    out.writelines(_document(report))


def _document(report: Report) -> Iterator[str]:
    title = "factcheck report"
    if len(report.articles) == 1:
        title = f"factcheck: {report.articles[0].get('title', '')}"
    yield (
        f'<!DOCTYPE html>\n<html lang="{esc(_language(report))}">\n<head>\n'
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}{ratechart.CSS}</style>\n</head>\n<body>"
    )
    # The body's parts, one line each; an empty part is left out. A part given as pieces
    # (the claims, the rate analysis), each with the newline before it, is written a
    # piece at a time.
    for part in _body(report, title):
        if isinstance(part, str):
            if part:
                yield "\n"
                yield part
        else:
            yield from part
    yield "\n</body>\n</html>\n"


def _body(report: Report, title: str) -> Iterator[str | Iterator[str]]:
    indexed = list(enumerate(report.findings, 1))
    yield '<a class="skip" href="#claims">Skip to the claims</a>'
    yield f"<h1>{esc(title)}</h1>"
    yield f"<p><strong>{esc(summary_line(report))}</strong></p>"
    legend = " ".join(
        f'<mark class="{v}">{_SYMBOL[v]} {v}</mark>'
        for v in sorted(SEVERITY, key=SEVERITY.__getitem__)
    )
    yield (f'<p class="muted">Legend: {legend}; outlined and marked ! = not the '
           "expected verdict.</p>")
    if report.problems:
        yield "<h2>Input problems</h2><ul>"
        yield from (f"<li><code>{esc(p)}</code></li>" for p in report.problems)
        yield "</ul>"
    by_article: Callable[[object], list[tuple[int, Finding]]] | None = None
    for art in report.articles:
        meta = ", ".join(esc(art[k]) for k in ("publisher", "published") if art.get(k))
        if len(report.articles) > 1:
            yield f"<h2>{esc(art.get('title', art.get('id', '')))}</h2>"
        if meta:
            yield f'<p class="muted">{meta}</p>'
        if art.get("url"):
            yield f'<p class="muted">{esc(art["url"])}</p>'
        if art.get("text_error"):
            yield f'<p class="muted">Article text unavailable: {esc(art["text_error"])}</p>'
        text = art.get("text")
        if isinstance(text, str) and text:
            if by_article is None:  # grouped once, and only when some article has a text
                by_article = _by_article(indexed)
            marks = []
            starts = _line_starts(text)
            for i, f in by_article(art.get("id")):
                if f.quote_span:
                    span = _offsets(text, starts, f.quote_span)
                    if span:
                        marks.append((span[0], span[1], i, f))
            yield f'<div class="article">{_marked_text(text, marks)}</div>'
    yield _claim_list(indexed)
    if report.rates:
        yield "<h2>Rate analysis</h2>"
        yield _rate_lines(report.rates)
    yield _coverage(report.coverage)


def _by_article(
    indexed: list[tuple[int, Finding]],
) -> Callable[[object], list[tuple[int, Finding]]]:
    """The findings of one article id, in report order: grouped once, not searched per
    article (that was articles times findings)."""
    groups: dict[str, list[tuple[int, Finding]]] = {}
    for i, f in indexed:
        groups.setdefault(f.article_id, []).append((i, f))

    def of(article_id: object) -> list[tuple[int, Finding]]:
        if isinstance(article_id, str):
            return groups.get(article_id, [])
        # An id that is not text (a hand-written merged report) matches as == does.
        return [(i, f) for i, f in indexed if f.article_id == article_id]

    return of
