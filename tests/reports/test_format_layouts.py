"""Each format's fast layout writes exactly what its plain definition writes.

The plain definitions (a review dict encoded whole, ...) are kept as the reference:
hypothesis gives them text with every kind of character that an escape treats
(controls, invisible and bidi characters, markup, the CI-log sequences), at the
places where the fast layouts join their pieces.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.formats import RenderOptions, render
from factcheck.quantity.rational import Fraction
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


def _slow_xml(text: str, newlines: bool) -> str:
    from factcheck.formats import escape

    clean = escape._XML_ILLEGAL.sub("\ufffd", escape.visible(text, newlines=newlines))
    clean = clean.translate(str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                                           '"': "&quot;"}))
    return escape._break_commands(clean, "&#58;", "&#35;")


@settings(max_examples=1000)
@given(st.text() | st.lists(_TRICKY, max_size=3).map("".join) | _TEXT, st.booleans())
def test_xml_escape_is_the_plain_escape(text: str, newlines: bool) -> None:
    from factcheck.formats import escape

    assert escape.xml(text, newlines=newlines) == _slow_xml(text, newlines)


def _slow_markdown(text: str) -> str:

    from factcheck.formats import escape

    text = " ".join(escape.visible(text).split())
    if not text:
        return " "
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)
    text = escape._MD_LINKY.sub(escape._unlink, text)
    return escape._break_commands(text, "&#58;", "&#35;")


_LINKY = st.sampled_from(["://", "http://x", "WWW.", "wWw.x", "@a", "a@b.c", "#1", "##[", "#",
                          "::", "*", "_", "|", "~", "\\", "`"])


@settings(max_examples=1000)
@given(st.lists(_LINKY | _TRICKY | st.text(max_size=3), max_size=3).map("".join))
def test_markdown_escape_is_the_plain_escape(text: str) -> None:
    from factcheck.formats import escape

    assert escape.markdown(text) == _slow_markdown(text)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(_TEXT, inner, max_size=3)
    | st.dictionaries(st.integers(), inner, max_size=2),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["from", "to", "series", "clusters"]),
                                _JSON_VALUES, max_size=4), max_size=3),
       st.none() | st.dictionaries(st.text(max_size=4), _JSON_VALUES, max_size=3))
def test_json_report_streamed_is_the_standard_encoding(rates: list, coverage: dict | None
                                                       ) -> None:
    """Values the fast encoder leaves to the standard one (NaN, keys that are not text,
    numbers as keys) are encoded where they stand, as in a whole document."""
    import io

    from factcheck.formats import write
    from factcheck.formats.escape import json_document

    report = Report(findings=[Finding("c", "f.yaml", 1, 1, "compare", "q", "holds", "holds",
                                      "m", details={"x": rates})], rates=rates,
                    coverage=coverage)
    expected = json_document(json.dumps(report.to_json(), ensure_ascii=False, indent=2)) + "\n"
    out = io.StringIO()
    write(report, "json", RenderOptions(), out)
    assert out.getvalue() == expected
    assert render(report, "json") == expected


def _slow_html(text: str, newlines: bool) -> str:
    import html

    from factcheck.formats import escape

    escaped = html.escape(escape.visible(text, newlines=newlines), quote=True)
    return escape._break_commands(escaped, "&#58;", "&#35;")


@settings(max_examples=1000)
@given(st.text() | st.lists(_TRICKY, max_size=3).map("".join) | _TEXT, st.booleans())
def test_html_escape_is_the_plain_escape(text: str, newlines: bool) -> None:
    from factcheck.formats import escape

    assert escape.html(text, newlines=newlines) == _slow_html(text, newlines)


_FRACTIONS = st.fractions(max_denominator=10**9) | st.integers(-10**6, 10**6).map(
    lambda n: Fraction(n)) | st.sampled_from([Fraction(0), Fraction(1, 3), Fraction(-5, 7)])


@given(_FRACTIONS, _FRACTIONS.filter(lambda f: f > 0), _FRACTIONS, st.sampled_from([1, -1]))
def test_chart_scale_in_integers_is_the_float_of_the_exact_share(origin: Fraction,
                                                                 span: Fraction, v: Fraction,
                                                                 sign: int) -> None:
    from factcheck.formats.ratechart import _share

    assert _share(origin, span, sign)(v) == float(sign * (v - origin) / span)


_ROW_VALUES = st.sampled_from([0.0, -0.0, 1, 1.0, True, "1", "1.50", 168.15, 1e-05, "1e3", "x",
                               float("nan"), None, 12345678.9])
_DAYS = st.sampled_from(["2017-11-16", "2017-11-17", "2017-11-20", "bad", 3])


def _plain_series(rows: list[tuple[Any, Any]]) -> list[tuple[Any, Fraction, str]]:
    """The series as read row by row, nothing kept."""
    from factcheck.formats.ratechart import _day, _decimals, _num, fixed

    points = [(_day(d), _num(r), str(r)) for d, r in rows]
    points = sorted([p for p in points if p[0] is not None and p[1] is not None],
                    key=lambda p: p[0])
    if points and not any("e" in w.lower() for _, _, w in points):
        places = max(_decimals(w) for _, _, w in points)
        points = [(d, r, fixed(r, places)) for d, r, _ in points]
    return points


@settings(max_examples=300)
@given(st.lists(st.lists(st.tuples(_DAYS, _ROW_VALUES), max_size=6), min_size=1, max_size=4))
def test_dated_series_read_again_is_read_afresh(windows: list[list[tuple[Any, Any]]]) -> None:
    """Rows are kept by their text: a row read before (in another window) reads the same,
    equal numbers of other types (1, 1.0, True, 0.0 and -0.0) included."""
    from factcheck.formats import ratechart

    for rows in windows:
        expected = _plain_series(rows)
        assert ratechart.dated_series(tuple(rows)) == expected
        for earlier in windows:
            ratechart.dated_series(tuple(earlier))
        assert ratechart.dated_series(tuple(rows)) == expected
        assert ratechart.dated_series([list(r) for r in rows]) == expected


def _plain_ticks(lo: Fraction, hi: Fraction, most: int) -> tuple[list[Fraction], int]:
    """Round ticks found with Fractions, one candidate step after another."""
    span = hi - lo
    if span <= 0:
        return [lo], 0
    power = 0
    while Fraction(10) ** power > span:
        power -= 1
    while Fraction(10) ** (power + 1) <= span:
        power += 1
    for exp in (power - 1, power, power + 1):
        for m in (1, 2, 5):
            step = m * Fraction(10) ** exp
            first = -((-lo) // step) * step
            count = int((hi - first) // step) + 1 if first <= hi else 0
            if 2 <= count <= most:
                return [first + k * step for k in range(count)], max(0, -exp)
    return [lo, hi], 0


# Ranges as charts pad them: wide and narrow, at zero, of either sign, and one point.
_RANGE_ENDS = _FRACTIONS | st.fractions(min_value=-1, max_value=1, max_denominator=10**7) | \
    st.integers(-10**12, 10**12).map(lambda n: Fraction(n, 10**6))


@settings(max_examples=1000)
@given(_RANGE_ENDS, _RANGE_ENDS, st.sampled_from([2, 3, 6, 10]))
def test_ticks_in_integers_are_the_ticks_of_fractions(a: Fraction, b: Fraction,
                                                      most: int) -> None:
    from factcheck.formats.ratechart import _ticks, fixed, ticks

    lo, hi = min(a, b), max(a, b)
    expected, places = _plain_ticks(lo, hi, most)
    assert ticks(lo, hi, most) == (expected, places)
    marks, _ = _ticks(lo, hi, most)
    assert [label for _, _, label in marks] == [fixed(t, places) for t in expected]


_CHART_DAYS = st.sampled_from(["2017-11-16", "2017-11-17", "2017-11-20", "2017-11-21",
                               "2017-12-01", "bad"])
_CHART_RATES = st.sampled_from([165.05, 165.1, 166.0, 164.938, "165.20", 7, 0.0, -0.0, "1e3",
                                1e-05, "x", "0001.50"])


_CLUSTER_SETS = st.sampled_from([
    [], [{"rate": "165.12", "low": "165.11", "high": "165.13"}],
    [{"rate": "165.14", "low": "165.13", "high": "165.15"}],
    [{"rate": "190", "low": "189.9", "high": "190.1"},
     {"rate": "165.1", "low": "165", "high": "166"}],
])


_REF_DAYS = st.sampled_from(["2017-11-17", "2017-11-21", "2017-12-02", ""])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(st.tuples(_CHART_DAYS, _CHART_RATES), max_size=5),
                          _CLUSTER_SETS), min_size=1, max_size=4),
       _REF_DAYS, _REF_DAYS, _CLUSTER_SETS)
def test_charts_of_kept_windows_are_the_charts_drawn_afresh(
        windows: list[tuple[list[tuple[Any, Any]], list[dict[str, str]]]], ref_day: str,
        other_day: str, other_clusters: list[dict[str, str]]) -> None:
    """Windows given as tuples are laid out once and kept, and so are the parts of a
    chart that its clusters do not change; each chart and table drawn from kept ones
    is the one drawn from the same rows as lists (never kept), whatever the clusters
    and the reference's day, and each point's dot is the big one exactly when its day
    is the reference's."""

    from factcheck.formats import ratechart

    def block(series: Any, clusters: list[dict[str, str]], day: str) -> dict[str, Any]:
        return {"from": "CNY", "to": "KRW", "series": series, "clusters": clusters,
                "reference": {"rate": "165.1", "date": day}}

    kept = [tuple(rows) for rows, _ in windows]
    # The second time, every window is a kept one, drawn with other clusters and day.
    for others, day in ((False, ref_day), (True, other_day)):
        for (rows, clusters), as_tuple in zip(windows, kept, strict=True):
            clusters = other_clusters if others else clusters
            fresh = block([list(r) for r in rows], clusters, day)
            drawn = ratechart.charts_and_table(block(as_tuple, clusters, day))
            assert drawn == (ratechart.figures(fresh), ratechart.series_table(fresh))
            points = ratechart.dated_series([list(r) for r in rows])
            sizes = re.findall(r'<circle class="point" [^>]*r="(\d)">', drawn[0])
            assert sizes == ["4" if str(d) == day else "2" for d, _, _ in points]


@settings(max_examples=500)
@given(st.floats() | st.integers() | st.sampled_from([0.0, -0.0, 1e-05, 1e300, -7, True, None])
       | _TEXT | st.lists(_TEXT, max_size=2), st.booleans())
def test_html_value_is_its_text_escaped(value: Any, newlines: bool) -> None:
    """Numbers are written as they are, which is what escaping their text gives."""
    from factcheck.formats import escape

    assert escape.html_value(value, newlines=newlines) == escape.html(str(value),
                                                                      newlines=newlines)


@given(st.lists(st.floats() | st.sampled_from([0.0, -0.0, 1.0, -1.0]), max_size=8))
def test_a_kept_number_text_is_the_text_of_that_very_float(values: list[float]) -> None:
    """Floats that are equal as keys but written differently (0.0 and -0.0) keep their
    own texts, in whatever order they come; NaN is written as NaN."""
    from factcheck.formats import escape

    for value in values + values[::-1]:
        assert escape.number_text(value) == str(value)


def _forget_charts() -> None:
    """Empty every part of the rate charts kept between blocks."""
    from factcheck.formats import ratechart

    for kept in vars(ratechart).values():
        if (isinstance(kept, ratechart._Kept) or kept is ratechart._SERIES
                or kept is ratechart._SCALED or kept is ratechart._ENTRIES):
            kept.clear()


# Clusters near the reference and far from it: a strip wholly inside the band, partly,
# or beside it; a rate inside the window's range whose interval reaches out of it, above
# or below; several clusters; none.
_STRIP_CLUSTERS = st.lists(st.sampled_from([
    {"rate": "165.1", "low": "165.09", "high": "165.11", "claims": ["a"]},
    {"rate": "165.12", "low": "165.11", "high": "165.13", "claims": ["a", "b"]},
    {"rate": "190", "low": "189.9", "high": "190.1", "claims": []},
    {"rate": "163.5", "low": "163", "high": "164", "claims": ["c"]},
    {"rate": "165.2", "low": "165.0", "high": "172", "claims": ["d"]},
    {"rate": "165.0", "low": "158", "high": "165.1", "claims": ["e"]},
    {"rate": "x", "low": "1", "high": "2"},
]), max_size=3)
_REFERENCES = st.sampled_from([{"rate": "165.1", "date": "2017-11-17"},
                               {"rate": "165.10", "date": "2017-11-20"},
                               {"rate": "190", "date": "2017-11-21"}, {}, None])


_CONTEXTS = st.tuples(st.sampled_from([0, 1, 2]), _REFERENCES,
                      st.sampled_from([None, "1", "0.5", "5"]),
                      st.sampled_from([("CNY", "KRW"), ("USD", "KRW")]))


# Windows of a few days that share rows (the analysis hands the same tuples to nearby
# windows), and an empty one.
_WINDOWS = [(("2017-11-16", 165.05), ("2017-11-17", 165.1), ("2017-11-20", 166.0)),
            (("2017-11-17", 165.1), ("2017-11-20", 166.0), ("2017-11-21", 164.938)),
            ()]
# Blocks: every set of clusters in every window, against every reference.
_CHART_BLOCKS = st.builds(
    lambda contexts, cluster_sets: [
        {"from": pair[0], "to": pair[1], "series": _WINDOWS[w], "clusters": clusters,
         "reference": ref, "tolerance_pct": tol}
        for w, ref, tol, pair in contexts for clusters in cluster_sets],
    st.lists(_CONTEXTS, min_size=1, max_size=3),
    st.lists(_STRIP_CLUSTERS, min_size=1, max_size=4))


@settings(max_examples=300, deadline=None)
@given(_CHART_BLOCKS)
def test_rate_charts_drawn_with_kept_parts_are_the_charts_drawn_afresh(
        drawn: list[dict[str, Any]]) -> None:
    """What is kept from one block's charts for the next (a window's frame, legend and
    scale, a strip's frame and legend) draws what each block draws with nothing kept."""
    from factcheck.formats import ratechart

    _forget_charts()
    kept = [ratechart.charts_and_table(block) for block in drawn]
    kept_again = [ratechart.charts_and_table(block) for block in drawn]
    afresh = []
    for block in drawn:
        _forget_charts()
        afresh.append(ratechart.charts_and_table(block))
    assert kept == afresh
    assert kept_again == afresh


@settings(max_examples=300, deadline=None)
@given(_CHART_BLOCKS)
def test_a_series_chart_spans_its_series_band_and_every_cluster_interval(
        drawn: list[dict[str, Any]]) -> None:
    """The series chart's axis is the range of the window's rates, the reference's band
    and each cluster's rate and interval, widened by a twentieth each way, whether the
    block shares its window's scale or needs one of its own (a block with neither a
    series nor a cluster has no chart)."""
    from factcheck.formats import ratechart

    _forget_charts()
    for block in drawn:
        read = ratechart._read(block)
        values = [rate for _, rate, _ in ratechart.dated_series(block["series"])]
        values += [v for c in read.clusters for v in c[1:4]]
        chart = ratechart.series_chart(block)
        if not values:  # neither a series nor a cluster: no chart, band or not
            assert chart == ""
            continue
        values += read.band or ()
        marks, places = ratechart.ticks(*ratechart.padded(values, 20))
        labels = re.findall(r'<text x="64" y="[^"]*" text-anchor="end">([^<]*)</text>', chart)
        assert labels == [ratechart.fixed(t, places) for t in marks]


_PLACES = st.tuples(st.sampled_from(["a.yaml", "b.yaml", "claims/a.yaml"]), st.integers(0, 3),
                    st.sampled_from(["x", "y", ""]))


@settings(max_examples=500)
@given(st.lists(st.tuples(_PLACES, _VERDICTS, _VERDICTS), max_size=30), st.booleans())
def test_report_order_is_the_sort_by_each_findings_key(
        rows: list[tuple[tuple[str, int, str], str, str]], by_place: bool) -> None:
    """Findings in place order (as a check gives them) and in any order: each finding's
    position is where sorting by its sort_key puts it, ties in the order given."""
    from factcheck.report.record import in_report_order

    if by_place:
        rows = sorted(rows, key=lambda row: row[0])
    findings = [Finding(claim_id=claim_id, file=file, line=line, col=1, kind="count",
                        quote="", verdict=verdict, expect=expect, message="")
                for (file, line, claim_id), verdict, expect in rows]
    expected = sorted(range(len(findings)), key=lambda i: (findings[i].sort_key(), i))
    assert in_report_order(findings) == expected
