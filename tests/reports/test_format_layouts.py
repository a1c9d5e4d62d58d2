"""Each format's fast layout writes exactly what its plain definition writes.

The plain definitions (a review dict encoded whole, ...) are kept as the reference:
hypothesis gives them text with every kind of character that an escape treats
(controls, invisible and bidi characters, markup, the CI-log sequences), at the
places where the fast layouts join their pieces.
"""

from __future__ import annotations

import json
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.formats import RenderOptions, render
from factcheck.report.record import Finding, Report

# Characters next to which escapes and joins go wrong, mixed with any character.
_TRICKY = st.sampled_from(["<", ">", "&", '"', "\\", "#", "##[", "::", ":", "\n", "\r", "\t",
                           "\x00", "\x85", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff",
                           "\U000e0001", "\ud800", "\xa0", "é", "억", " ", ""])
_TEXT = st.lists(_TRICKY | st.text(max_size=4), max_size=6).map("".join)
_VERDICTS = st.sampled_from(["holds", "contradicted", "undetermined", "error", "todo"])


@st.composite
def _findings(draw: st.DrawFn, article_ids: list[str]) -> Finding:
    return Finding(
        claim_id=draw(_TEXT), file=draw(_TEXT), line=draw(st.integers(0, 10**6)),
        col=draw(st.integers(0, 500)), kind=draw(_TEXT), quote=draw(_TEXT),
        verdict=draw(_VERDICTS), expect=draw(_VERDICTS), message=draw(_TEXT),
        article_id=draw(st.sampled_from(article_ids) | _TEXT))


@st.composite
def _reports(draw: st.DrawFn) -> Report:
    fields = st.sampled_from(["url", "title", "published", "publisher", "language"])
    articles = draw(st.lists(st.dictionaries(fields, _TEXT, max_size=5), max_size=3))
    ids = [draw(_TEXT) for _ in articles]
    for article, article_id in zip(articles, ids, strict=True):
        article["id"] = article_id
    findings = draw(st.lists(_findings(ids or [""]), max_size=6))
    return Report(findings=findings, articles=articles)


def _slow_json_ld(encoded: str) -> str:
    """JSON made visible, CI-safe and inert in a script element, character by character."""
    out = []
    for ch in encoded:
        if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn"):
            ch = json.dumps(ch)[1:-1] if ord(ch) > 0xFFFF else f"\\u{ord(ch):04x}"
        out.append({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}.get(ch, ch))
    return "".join(out).replace("##[", "#\\u0023[")


@settings(max_examples=300, deadline=None)
@given(_reports(), _TEXT)
def test_claimreview_is_its_reviews_encoded_whole(report: Report, author: str) -> None:
    from factcheck.formats.claimreview import SCALE, review

    articles = {str(a.get("id", "")): a for a in report.articles}
    only = report.articles[0] if len(report.articles) == 1 else None
    reviews = [review(f, articles.get(f.article_id, only), author)
               for f in report.findings if f.verdict in SCALE]
    expected = _slow_json_ld(json.dumps(reviews, ensure_ascii=False, indent=2)) + "\n"
    assert render(report, "claimreview", RenderOptions(author=author)) == expected
