"""The HTML report's rate chart: a calendar-time x axis, and series it must survive."""

from __future__ import annotations

import re
from typing import Any

import pytest

from factcheck.formats import render
from factcheck.formats.html import _chart, _cluster_strip
from factcheck.report.record import Report

# Thursday, Friday, then Monday and Tuesday: a weekend between the 2nd and 3rd points.
WEEKEND = [["2017-11-16", "165.00"], ["2017-11-17", "165.10"],
           ["2017-11-20", "165.20"], ["2017-11-21", "165.05"]]
CLUSTERS = [{"rate": "165.19", "low": "165.185", "high": "165.195", "claims": ["c"]}]


def _block(series: Any, *, clusters: Any = None, ref_date: str = "2017-11-21") -> dict[str, Any]:
    return {
        "from": "CNY", "to": "KRW",
        "reference": {"source": "ECB", "date": ref_date, "rate": "165.05"},
        "clusters": CLUSTERS if clusters is None else clusters,
        "spread_pct": "0",
        "series": series,
    }


def _xs(svg: str) -> list[float]:
    """The x of each series point, in polyline order."""
    match = re.search(r'<polyline points="([^"]*)"', svg)
    assert match is not None, svg
    return [float(pair.split(",")[0]) for pair in match.group(1).split()]


def _titles(svg: str) -> list[str]:
    return re.findall(r"<circle [^>]*><title>([^<]*)</title>", svg)


def _axis_labels(svg: str) -> list[str]:
    return re.findall(r'<text x="[\d.]+" y="230"[^>]*>([^<]*)</text>', svg)


def test_x_follows_calendar_days_and_a_weekend_is_three_steps() -> None:
    xs = _xs(_chart(_block(WEEKEND)))
    assert xs == sorted(xs) and len(set(xs)) == 4
    step = xs[1] - xs[0]
    assert xs[2] - xs[1] == pytest.approx(3 * step, abs=0.02)
    assert xs[3] - xs[2] == pytest.approx(step, abs=0.02)
    assert (xs[0], xs[-1]) == (40.0, 600.0)  # the window spans the plot area


def test_axis_ends_labelled_with_first_and_last_dates() -> None:
    svg = _chart(_block(WEEKEND))
    assert '<text x="40" y="230">2017-11-16</text>' in svg
    assert '<text x="600" y="230" text-anchor="end">2017-11-21</text>' in svg
    # the rate labels of the y axis stay
    assert svg.count('<text x="2" ') == 2


def test_tuple_of_tuples_is_the_same_as_lists() -> None:
    as_tuples = tuple(tuple(pair) for pair in WEEKEND)
    assert _chart(_block(as_tuples)) == _chart(_block(WEEKEND))


def test_same_input_same_bytes() -> None:
    assert _chart(_block(WEEKEND)) == _chart(_block([list(p) for p in WEEKEND]))


def test_out_of_order_series_is_drawn_by_date() -> None:
    shuffled = [WEEKEND[2], WEEKEND[0], WEEKEND[3], WEEKEND[1]]
    assert _chart(_block(shuffled)) == _chart(_block(WEEKEND))


def test_reference_day_is_highlighted() -> None:
    svg = _chart(_block(WEEKEND, ref_date="2017-11-17"))
    assert re.search(r'<circle cx="152.00" cy="[\d.]+" r="4" fill="#000"><title>2017-11-17', svg)
    assert svg.count('r="4"') == 1


def test_single_point_renders_in_the_middle_with_one_label() -> None:
    svg = _chart(_block([["2017-11-21", "165.05"]]))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert _xs(svg) == [320.0]
    assert _axis_labels(svg) == ["2017-11-21"]


def test_all_dates_equal_renders_without_dividing_by_zero() -> None:
    same = [["2017-11-21", "165.05"], ["2017-11-21", "165.10"]]
    svg = _chart(_block(same))
    assert _xs(svg) == [320.0, 320.0]
    assert _axis_labels(svg) == ["2017-11-21"]


@pytest.mark.parametrize("series", [[], (), None])
def test_empty_series_draws_the_clusters_only(series: Any) -> None:
    svg = _chart(_block(series))
    assert svg.startswith("<svg") and "<polyline" not in svg and "<circle" not in svg
    assert "cluster 1" in svg
    assert _chart(_block(series, clusters=[])) == ""


def test_unparsable_dates_are_skipped() -> None:
    series = [["2017-11-16", "165.00"], ["not a date", "999"], ["2017-02-30", "999"],
              [None, "999"], ["2017-11-17", "165.10"], ["2017-11-20", "oops"],
              ["2017-11-21", "165.05"], ["only one item"], "xy", 7]
    svg = _chart(_block(series))
    assert _titles(svg) == ["2017-11-16: 165.00", "2017-11-17: 165.10",
                            "2017-11-21: 165.05"]
    xs = _xs(svg)
    assert xs == [40.0, 152.0, 600.0]  # a 5-day window: 112 per day
    # the skipped rates do not stretch the y axis either
    top = re.search(r'<text x="2" y="35">([^<]*)</text>', svg)
    assert top is not None and float(top.group(1)) < 166
    assert _axis_labels(svg) == ["2017-11-16", "2017-11-21"]


def test_only_unparsable_dates_is_like_an_empty_series() -> None:
    svg = _chart(_block([["tomorrow", "165.0"], ["", "165.1"]]))
    assert svg == _chart(_block([]))


@pytest.mark.parametrize("series", [WEEKEND, [], [["2017-11-21", "165.05"]], [["x", "1"]]])
def test_whole_report_keeps_chart_and_cluster_strip(series: Any) -> None:
    block = _block(series)
    out = render(Report(rates=[block]), "html")
    assert 'aria-label="reference rate and implied rates"' in out
    assert 'aria-label="implied-rate clusters, zoomed"' in out
    assert _cluster_strip(block) in out
