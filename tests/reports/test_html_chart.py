"""The HTML report's rate charts: calendar-time x, round ticks, the table's numbers."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.formats import render
from factcheck.formats.ratechart import (
    cluster_strip,
    dated_series,
    fixed,
    series_chart,
    series_table,
    ticks,
)
from factcheck.quantity.rational import Fraction, fraction_from_text
from factcheck.report.record import Report

# Thursday, Friday, then Monday and Tuesday: a weekend between the 2nd and 3rd points.
WEEKEND = [["2017-11-16", "165.00"], ["2017-11-17", "165.10"],
           ["2017-11-20", "165.20"], ["2017-11-21", "165.05"]]
CLUSTERS = [{"rate": "165.19", "low": "165.185", "high": "165.195", "claims": ["c"]}]
LEFT, RIGHT, AXIS_LABELS_Y = 72.0, 500.0, 234


def _block(series: Any, *, clusters: Any = None, ref_date: str = "2017-11-21",
           ref_rate: Any = "165.05") -> dict[str, Any]:
    return {
        "from": "CNY", "to": "KRW",
        "reference": {"source": "ECB", "date": ref_date, "rate": ref_rate},
        "clusters": CLUSTERS if clusters is None else clusters,
        "spread_pct": "0",
        "series": series,
    }


def _xs(svg: str) -> list[float]:
    """The x of each series point, in polyline order."""
    match = re.search(r'<polyline class="series" points="([^"]*)"', svg)
    assert match is not None, svg
    return [float(pair.split(",")[0]) for pair in match.group(1).split()]


def _titles(svg: str) -> list[str]:
    return re.findall(r'<circle class="point" [^>]*><title>([^<]*)</title>', svg)


def _axis_labels(svg: str) -> list[str]:
    return re.findall(rf'<text x="[\d.]+" y="{AXIS_LABELS_Y}"[^>]*>([^<]*)</text>', svg)


def _texts(svg: str) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def test_x_follows_calendar_days_and_a_weekend_is_three_steps() -> None:
    xs = _xs(series_chart(_block(WEEKEND)))
    assert xs == sorted(xs) and len(set(xs)) == 4
    step = xs[1] - xs[0]
    assert xs[2] - xs[1] == pytest.approx(3 * step, abs=0.02)
    assert xs[3] - xs[2] == pytest.approx(step, abs=0.02)
    assert (xs[0], xs[-1]) == (LEFT, RIGHT)  # the window spans the plot area


def test_axis_ends_labelled_with_first_and_last_dates() -> None:
    assert _axis_labels(series_chart(_block(WEEKEND))) == ["2017-11-16", "2017-11-21"]


def test_axis_title_names_the_unit_and_ticks_are_round() -> None:
    svg = series_chart(_block(WEEKEND))
    assert re.search(r'<text transform="rotate\(-90\)"[^>]*>KRW per CNY</text>', svg)
    tick_labels = re.findall(r'text-anchor="end">([0-9.]+)</text>', svg)
    # the band (165.05 +- 1%: 163.40 to 166.70) widens the axis past the series
    assert tick_labels == ["164", "165", "166"]
    strip = cluster_strip(_block(WEEKEND))
    assert ">KRW per CNY</text>" in strip


def test_numbers_are_written_as_the_tables_write_them() -> None:
    block = _block(WEEKEND, ref_rate=164.938,
                   clusters=[{"rate": 164.78, "low": 164.7795, "high": 164.7805,
                              "claims": ["a", "b"]}])
    svg = series_chart(block)
    texts = _texts(svg)
    assert "reference 164.938" in texts and "1: 164.78" in texts
    # the band's ends at the reference's precision
    assert "within 1% of the reference: 163.289 to 166.587" in texts
    assert "cluster 1: 164.78 (2 claims)" in _texts(cluster_strip(block))
    assert _titles(svg) == ["2017-11-16: 165.00", "2017-11-17: 165.10",
                            "2017-11-20: 165.20", "2017-11-21: 165.05"]


def test_legend_and_labelled_reference_line() -> None:
    svg = series_chart(_block(WEEKEND))
    texts = _texts(svg)
    assert '<line class="ref"' in svg and '<rect class="band"' in svg
    assert "reference 165.05 (2017-11-21)" in texts
    assert any(t.startswith("reference rate on each business day (4 days") for t in texts)
    assert any("rates the article's conversions imply" in t for t in texts)


def test_the_series_as_a_table() -> None:
    table = series_table(_block(WEEKEND, ref_date="2017-11-17"))
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th><td>([^<]*)</td></tr>', table)
    assert rows == [("2017-11-16", "165.00"), ("2017-11-17", "165.10 (the reference)"),
                    ("2017-11-20", "165.20"), ("2017-11-21", "165.05")]
    assert "<caption>Reference rate, KRW per CNY, 2017-11-16 to 2017-11-21</caption>" in table
    assert series_table(_block([])) == ""


@pytest.mark.parametrize(("series", "shown"), [
    ([["2017-11-20", 168.15], ["2017-11-21", 164.938], ["2017-11-22", 166.6]],
     ["168.150", "164.938", "166.600"]),
    ([["2017-11-20", 7], ["2017-11-21", "7.25"]], ["7.00", "7.25"]),
    ([["2017-11-20", "1.5e-05"], ["2017-11-21", "0.0000151"]], ["1.5e-05", "0.0000151"]),
])
def test_series_rates_share_one_precision(series: Any, shown: list[str]) -> None:
    cells = re.findall(r"<td>([^<( ]*)", series_table(_block(series)))
    assert cells == shown
    assert [t.split(": ")[1] for t in _titles(series_chart(_block(series)))] == shown


def test_tuple_of_tuples_is_the_same_as_lists() -> None:
    as_tuples = tuple(tuple(pair) for pair in WEEKEND)
    assert series_chart(_block(as_tuples)) == series_chart(_block(WEEKEND))


def test_out_of_order_series_is_drawn_by_date() -> None:
    shuffled = [WEEKEND[2], WEEKEND[0], WEEKEND[3], WEEKEND[1]]
    assert series_chart(_block(shuffled)) == series_chart(_block(WEEKEND))


def test_reference_day_is_highlighted() -> None:
    svg = series_chart(_block(WEEKEND, ref_date="2017-11-17"))
    assert re.search(r'<circle class="point" cx="157.60" cy="[\d.]+" r="4"><title>2017-11-17',
                     svg)
    assert svg.count('r="4"') == 1


def test_single_point_renders_in_the_middle_with_one_label() -> None:
    svg = series_chart(_block([["2017-11-21", "165.05"]]))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert _xs(svg) == [(LEFT + RIGHT) / 2]
    assert _axis_labels(svg) == ["2017-11-21"]


def test_all_dates_equal_renders_without_dividing_by_zero() -> None:
    same = [["2017-11-21", "165.05"], ["2017-11-21", "165.10"]]
    svg = series_chart(_block(same))
    assert _xs(svg) == [(LEFT + RIGHT) / 2] * 2
    assert _axis_labels(svg) == ["2017-11-21"]


@pytest.mark.parametrize("series", [[], (), None])
def test_empty_series_draws_the_clusters_only(series: Any) -> None:
    svg = series_chart(_block(series))
    assert svg.startswith("<svg") and "<polyline" not in svg and '<circle' not in svg
    assert "1: 165.19" in _texts(svg)
    assert series_chart(_block(series, clusters=[])) == ""


def test_unparsable_dates_are_skipped() -> None:
    series = [["2017-11-16", "165.00"], ["not a date", "999"], ["2017-02-30", "999"],
              [None, "999"], ["2017-11-17", "165.10"], ["2017-11-20", "oops"],
              ["2017-11-21", "165.05"], ["only one item"], "xy", 7]
    svg = series_chart(_block(series))
    assert _titles(svg) == ["2017-11-16: 165.00", "2017-11-17: 165.10",
                            "2017-11-21: 165.05"]
    assert _xs(svg) == [LEFT, 157.6, RIGHT]  # a 5-day window: 85.6 px a day
    # the skipped rates do not stretch the y axis either
    assert max(float(t) for t in re.findall(r'text-anchor="end">([0-9.]+)</text>', svg)) < 170
    assert _axis_labels(svg) == ["2017-11-16", "2017-11-21"]


def test_only_unparsable_dates_is_like_an_empty_series() -> None:
    svg = series_chart(_block([["tomorrow", "165.0"], ["", "165.1"]]))
    assert svg == series_chart(_block([]))


def test_no_reference_draws_no_band_and_no_line() -> None:
    block = _block(WEEKEND)
    block["reference"] = None
    for svg in (series_chart(block), cluster_strip(block)):
        assert svg.startswith("<svg") and 'class="band"' not in svg and 'class="ref"' not in svg


def test_many_clusters_keep_their_labels_apart_inside_the_chart() -> None:
    many = [{"rate": f"165.{k:02d}", "low": f"165.{k:02d}", "high": f"165.{k:02d}",
             "claims": ["c"]} for k in range(20)]
    svg = series_chart(_block(WEEKEND, clusters=many))
    height = float(re.search(r'height="(\d+)"', svg).group(1))  # type: ignore[union-attr]
    ys = sorted(float(y) for y in re.findall(r'<text x="512" y="([\d.]+)"', svg))
    assert len(ys) == 21
    assert all(b - a >= 16 - 1e-9 for a, b in zip(ys, ys[1:], strict=False))
    assert ys[0] > 0 and ys[-1] < height


@pytest.mark.parametrize("series", [WEEKEND, [], [["2017-11-21", "165.05"]], [["x", "1"]]])
def test_whole_report_keeps_both_figures(series: Any) -> None:
    block = _block(series)
    out = render(Report(rates=[block]), "html")
    assert series_chart(block) in out and cluster_strip(block) in out
    assert out.count("<figure") == 2


def test_same_input_same_bytes() -> None:
    block = _block(WEEKEND)
    assert render(Report(rates=[block]), "html") == render(Report(rates=[_block(WEEKEND)]), "html")


edges = st.fractions(min_value=-10**6, max_value=10**6, max_denominator=10**4)


@given(edges, edges)
def test_ticks_are_round_inside_the_range_and_read_back_exactly(a: Fraction, b: Fraction) -> None:
    lo, hi = min(a, b), max(a, b)
    marks, places = ticks(lo, hi)
    if lo == hi:
        assert marks == [lo]
        return
    assert 2 <= len(marks) <= 6
    assert all(lo <= t <= hi for t in marks)
    steps = {b - a for a, b in zip(marks, marks[1:], strict=False)}
    assert len(steps) == 1
    step = steps.pop()
    mantissa = step * Fraction(10) ** places
    assert mantissa.denominator == 1
    digits = mantissa.numerator
    while digits % 10 == 0:
        digits //= 10
    assert digits in (1, 2, 5), step
    for t in marks:
        assert fraction_from_text(fixed(t, places)) == t  # the label is the tick's value


def test_rows_are_read_as_they_are_now() -> None:
    """Rows are recognised by identity between windows, but only rows that cannot
    change: a row given as a list and changed since is read as it is now, and a row
    made after another was dropped (perhaps in its place in memory) is read anew."""
    rows = [[f"2017-11-{day:02d}", 165 + day / 8] for day in range(13, 18)]
    for k in range(3):
        for r in rows:
            r[1] += k
        read = [(d.isoformat(), rate) for d, rate, _ in dated_series(rows)]
        assert read == [(d, fraction_from_text(str(r))) for d, r in rows]
    for k in range(60):
        fresh = tuple((f"2017-11-{day:02d}", 165 + k + day / 8) for day in range(13, 18))
        read = [(d.isoformat(), rate) for d, rate, _ in dated_series(fresh)]
        assert read == [(d, fraction_from_text(str(r))) for d, r in fresh]
        del fresh


def _finest_round_ticks(lo: Fraction, hi: Fraction, most: int) -> list[Fraction] | None:
    """The ticks of the finest step (1, 2 or 5 times a power of ten, from a tenth of the
    power at or below the span to ten times it) that gives two to ``most`` of them."""
    power = 0
    while Fraction(10) ** power > hi - lo:
        power -= 1
    while Fraction(10) ** (power + 1) <= hi - lo:
        power += 1
    for exp in (power - 1, power, power + 1):
        for m in (1, 2, 5):
            step = m * Fraction(10) ** exp
            first, last = -((-lo) // step), hi // step
            if 2 <= last - first + 1 <= most:
                return [k * step for k in range(first, last + 1)]
    return None


@given(edges, edges, st.integers(2, 12))
def test_ticks_take_the_finest_step_that_fits(a: Fraction, b: Fraction, most: int) -> None:
    """Every candidate step is tried from the finest, save those that cannot fit."""
    lo, hi = min(a, b), max(a, b)
    assume(lo < hi)
    expected = _finest_round_ticks(lo, hi, most)
    marks, _ = ticks(lo, hi, most)
    assert marks == (expected if expected is not None else [lo, hi])


@given(st.integers(-10**9, 10**9), st.integers(0, 6))
def test_fixed_writes_integers_over_powers_of_ten_exactly(n: int, places: int) -> None:
    x = Fraction(n, 10**places)
    text = fixed(x, places)
    assert fraction_from_text(text) == x
    assert (len(text.split(".")[1]) if places else 0) == places or "." not in text


@pytest.mark.parametrize(("x", "places", "text"), [
    (Fraction(1649375, 10000), 3, "164.938"), (Fraction(-1, 200), 2, "0.00"),
    (Fraction(5, 1000), 2, "0.00"), (Fraction(15, 1000), 2, "0.02"), (Fraction(7), 0, "7"),
    (Fraction(-3, 100), 1, "0.0"), (Fraction(25, 10), 0, "2"),
])
def test_fixed_rounds_half_even(x: Fraction, places: int, text: str) -> None:
    assert fixed(x, places) == text
