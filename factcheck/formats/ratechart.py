"""The HTML report's rate charts (inline SVG) and the tables that carry the same data.

Two figures per rate block: the reference series over the window with the reference
line, its tolerance band and the rates the article's conversions imply; and a strip
zoomed on those implied rates. Every number drawn is written as the tables write it
(the block's own text), labels are spread so that none overlaps another, text is
12 px in the page's colours (so dark mode and contrast follow the page), and the
SVG is drawn at its own size inside a scrolling box: a phone scrolls the chart, it
never shrinks its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from factcheck.formats import escape
from factcheck.quantity.rational import Fraction, fraction_from_text
from factcheck.quantity.tolerance import DEFAULT

CLUSTER_STYLES = 6  # the CSS of the page gives clusters c1..c6 a colour each
LABEL_GAP = 16  # px between two label baselines: 12 px text (14 px tall) never overlaps
ROW = 20  # px from one legend line or strip row to the next

# Chart colours are the page's variables, so dark mode and print follow the page.
CSS = """
.figure{margin:1rem 0}.figure figcaption{font-size:.95rem}.narrow{display:none}
@media screen and (max-width:44rem){.narrow{display:inline}}
svg.chart{display:block;max-width:none;height:auto;background:var(--bg)}
svg.chart text{font-size:12px;fill:var(--fg)}svg.chart .frame{fill:var(--bg);stroke:var(--line)}
svg.chart .grid{stroke:var(--line);stroke-width:.5}svg.chart .axis{stroke:var(--muted)}
svg.chart .series{fill:none;stroke:var(--fg);stroke-width:1.5}svg.chart .point{fill:var(--fg)}
svg.chart .ref{stroke:var(--fg);stroke-dasharray:6 3;stroke-width:1.5}
svg.chart .band{fill:var(--ok);fill-opacity:.18}svg.chart .leader{stroke:var(--muted)}
svg.chart .c1{--c:#1f5fa8}svg.chart .c2{--c:#c0392b}svg.chart .c3{--c:#1e7b34}
svg.chart .c4{--c:#7d3c98}svg.chart .c5{--c:#b35900}svg.chart .c6{--c:#6d4c41}
svg.chart .cl{stroke:var(--c);stroke-dasharray:4 3;stroke-width:1.5}
svg.chart .cdot{fill:var(--c)}svg.chart .cbar{fill:var(--c);fill-opacity:.4}
@media (prefers-color-scheme:dark){svg.chart .c1{--c:#7fb3ff}svg.chart .c2{--c:#ff8f80}
svg.chart .c3{--c:#7fdc8f}svg.chart .c4{--c:#d6a2ff}svg.chart .c5{--c:#ffb366}
svg.chart .c6{--c:#d7b8a8}}
@media print{svg.chart .band{fill:#000;fill-opacity:.08}}
"""


def esc(value: object) -> str:
    return escape.html(value if value.__class__ is str else str(value))  # type: ignore[arg-type]


def _num(value: Any) -> Fraction | None:
    try:
        return fraction_from_text(str(value))
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


def dated_series(raw: Any) -> list[tuple[dt.date, Fraction, str]]:
    """The usable (day, rate, rate as written) points of [ISO date, rate] pairs, by date.

    Any sequence of pairs will do (the analysis hands over tuples of tuples, a
    JSON report lists of lists). An entry that is not a pair, or whose date or rate
    does not parse, is skipped. The sort is stable, so equal days keep their order.
    Rates are written with as many decimals as the longest of them (a JSON number
    drops trailing zeros: 168.15 beside 168.238 reads 168.150), which only appends
    zeros; when any is written with an exponent, each stays as written.
    """
    points: list[tuple[dt.date, Fraction, str, int]] = []
    for entry in raw or ():
        try:
            d, r = entry
        except (TypeError, ValueError):
            continue
        # Windows of nearby days share most rows: each row is read once per run.
        point = (_ROWS[d, str(r)] if d.__class__ is str and r.__class__ in _WRITTEN
                 else _point(d, r))
        if point:
            points.append(point)
    points.sort(key=_DAY)
    if points and min(p[3] for p in points) >= 0:
        places = max(p[3] for p in points)
        return [(d, r, _FIXED[w, places]) for d, r, w, _ in points]
    return [(d, r, w) for d, r, w, _ in points]


class _Kept(dict):  # type: ignore[type-arg]
    """What ``make(*key)`` gives for each key, made once (emptied when it holds
    _MAX_KEPT: the same key always makes the same value, so keeping is only a cost)."""

    def __init__(self, make: Callable[..., Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: tuple[Any, ...]) -> Any:
        if len(self) >= _MAX_KEPT:
            self.clear()
        value = self[key] = self.make(*key)
        return value


_MAX_KEPT = 100_000
_WRITTEN = (float, int, str)
_DAY = itemgetter(0)


def _point(d: Any, r: Any) -> tuple[dt.date, Fraction, str, int] | tuple[()]:
    """A row as (day, rate, rate as written, its decimals or -1 when written with an
    exponent); empty when either does not parse."""
    day, rate = _day(d), _num(r)
    if day is None or rate is None:
        return ()
    written = str(r)
    return day, rate, written, -1 if "e" in written.lower() else _decimals(written)


def _rewritten(written: str, places: int) -> str:
    rate = _num(written)
    assert rate is not None  # a rate that was read from this very text
    return fixed(rate, places)


# Rows by date and rate as written; rates rewritten by rate as written and decimals.
_ROWS = _Kept(_point)
_FIXED = _Kept(_rewritten)


def _decimals(text: str) -> int:
    """How many decimal places a number is written with (``164.938`` -> 3)."""
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text.lower() else 0


def fixed(x: Fraction, places: int) -> str:
    """``x`` rounded half-even to ``places`` decimals, written without an exponent."""
    n = round(x * 10**places)
    sign, digits = ("-" if n < 0 else ""), str(abs(n)).rjust(places + 1, "0")
    return sign + (f"{digits[:-places]}.{digits[-places:]}" if places else digits)


def ticks(lo: Fraction, hi: Fraction, most: int = 6) -> tuple[list[Fraction], int]:
    """Round values (1, 2 or 5 times a power of ten apart) inside [lo, hi], and their decimals.

    At most ``most`` of them and at least two when the range allows; exact
    arithmetic, so that a tick label reads as the value it marks.
    """
    span = hi - lo
    if span <= 0:
        return [lo], 0
    power = 0
    while Fraction(10) ** power > span:
        power -= 1
    while Fraction(10) ** (power + 1) <= span:
        power += 1
    out: list[Fraction] = []
    places = 0
    for exp in (power - 1, power, power + 1):
        for m in (1, 2, 5):
            step = m * Fraction(10) ** exp
            first = -((-lo) // step) * step  # the smallest multiple of step >= lo
            count = int((hi - first) // step) + 1 if first <= hi else 0
            if 2 <= count <= most:
                out = [first + k * step for k in range(count)]
                places = max(0, -exp)
                return out, places
    return out or [lo, hi], places


def spread_labels(wanted: list[tuple[float, Any]], top: float,
                  bottom: float) -> list[tuple[float, Any]]:
    """Label baselines as near as may be to where they belong, LABEL_GAP or more apart."""
    placed: list[tuple[float, Any]] = []
    for want, key in sorted(wanted, key=lambda w: w[0]):
        at = max(want, placed[-1][0] + LABEL_GAP) if placed else max(want, top)
        placed.append((at, key))
    overflow = placed[-1][0] - bottom if placed else 0
    if overflow > 0:  # pushed past the bottom: shift the whole stack up
        placed = [(at - overflow, key) for at, key in placed]
    return placed


def _clusters(block: dict[str, Any]) -> list[tuple[int, Fraction, Fraction, Fraction, str, int]]:
    """(number, low, high, rate, rate as the table writes it, claims) of each usable cluster."""
    rows = []
    for i, c in enumerate(block.get("clusters") or [], 1):
        if not isinstance(c, dict):
            continue
        low, high, rate = _num(c.get("low")), _num(c.get("high")), _num(c.get("rate"))
        if low is not None and high is not None and rate is not None:
            rows.append((i, min(low, high), max(low, high), rate, str(c.get("rate")),
                         len(c.get("claims") or [])))
    return rows


def _reference(block: dict[str, Any]) -> tuple[Fraction, str, str] | None:
    """(rate, rate as written, date as written) of the block's reference, if usable."""
    ref = block.get("reference") or {}
    rate = _num(ref.get("rate")) if isinstance(ref, dict) else None
    if rate is None or rate <= 0:
        return None
    return rate, str(ref.get("rate")), str(ref.get("date", ""))


# A block's clusters, reference and tolerance, as both charts read them.
_Read = tuple[list[tuple[int, Fraction, Fraction, Fraction, str, int]],
              "tuple[Fraction, str, str] | None", Fraction]


def _read(block: dict[str, Any]) -> _Read:
    return _clusters(block), _reference(block), _tolerance(block)


def _tolerance(block: dict[str, Any]) -> Fraction:
    """The relative tolerance of the band: the block's own, or the default (1%)."""
    pct = _num(block.get("tolerance_pct"))
    if pct is not None and pct > 0:
        return pct / 100
    assert DEFAULT.relative is not None
    return DEFAULT.relative


def _pct(tolerance: Fraction) -> str:
    whole = tolerance * 100
    return str(whole.numerator) if whole.denominator == 1 else fixed(whole, 2)


def padded(values: list[Fraction], parts: int) -> tuple[Fraction, Fraction]:
    """The range of ``values`` widened by 1/``parts`` of it each way (by 1 if it is one value)."""
    lo, hi = min(values), max(values)
    if lo == hi:
        return lo - 1, hi + 1
    margin = (hi - lo) / parts
    return lo - margin, hi + margin


def unit(block: dict[str, Any]) -> str:
    return f"{block.get('to', '?')} per {block.get('from', '?')}"


def _svg(w: int, h: int, label: str, parts: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" role="img" aria-label="{esc(label)}">'
            f'<rect class="frame" x="0.5" y="0.5" width="{w - 1}" height="{h - 1}"/>'
            + "".join(parts) + "</svg>")


def _legend(y0: float, x: float, items: list[tuple[str, str]]) -> list[str]:
    """One line per item: a sample of the mark, then its words."""
    out = []
    for k, (sample, words) in enumerate(items):
        y = y0 + k * ROW
        out.append(sample.format(x=x, x2=x + 24, y=y - 4, top=y - 10))
        out.append(f'<text x="{x + 32}" y="{y:.2f}">{esc(words)}</text>')
    return out


def _share(origin: Fraction, span: Fraction, sign: int) -> Callable[[Fraction], float]:
    """``v -> float(sign * (v - origin) / span)`` for ``span > 0``, in integers.

    Python divides integers correctly rounded, as ``float`` of the exact quotient is,
    so the result is the same float; without the two Fractions a point built (and
    their greatest common divisors) it takes a third of the time, for every point of
    every chart.
    """
    on, od = origin.numerator, origin.denominator
    sn, sd = span.numerator, span.denominator
    assert sn > 0

    def share(v: Fraction) -> float:
        vn, vd = v.numerator, v.denominator
        return sign * (vn * od - on * vd) * sd / (od * vd * sn)

    return share


# The tooltip that closes a point's dot, and a day's row of the series table up to the
# end of its rate, by day and rate as written (windows share days).
_TITLES = _Kept(lambda day, written: f"<title>{esc(day.isoformat())}: {esc(written)}"
                                     "</title></circle>")
_ROW_TEXT = _Kept(lambda day, written: f'<tr><th scope="row">{esc(day.isoformat())}</th>'
                                       f"<td>{esc(written)}")


LINE = '<line class="{cls}" x1="{{x}}" x2="{{x2}}" y1="{{y}}" y2="{{y}}"/>'
BAND = '<rect class="band" x="{x}" y="{top}" width="24" height="12"/>'


def series_chart(block: dict[str, Any],
                 series: list[tuple[dt.date, Fraction, str]] | None = None,
                 read: _Read | None = None) -> str:
    """The reference series as a line over calendar days, with the implied rates.

    The x axis is calendar time: the window runs from the first day of the series
    to the last (the article's day, or the business day before it), and each point
    sits in proportion to the days since the first, so that a weekend or a holiday
    shows as a longer segment. Each cluster is a dashed line labelled at the right
    with its number and rate; the reference is a labelled line inside its band.
    ``series`` is ``dated_series(block["series"])`` and ``read`` is ``_read(block)``
    when the caller has them already.
    """
    if series is None:
        series = dated_series(block.get("series"))
    clusters, ref, tol = read or _read(block)
    values: list[Fraction] = [r for _, r, _ in series]
    values += [v for c in clusters for v in c[1:4]]
    if not values:
        return ""
    if ref is not None:
        values += [ref[0] * (1 - tol), ref[0] * (1 + tol)]
    lo, hi = padded(values, 20)
    w, left, right, top = 640, 72, 500, 16
    n_labels = len(clusters) + (ref is not None)
    bottom = top + max(200, LABEL_GAP * n_labels + 8)

    down, height = _share(hi, hi - lo, -1), bottom - top

    def y(v: Fraction) -> float:
        return top + down(v) * height

    first = series[0][0].toordinal() if series else 0
    span = series[-1][0].toordinal() - first if series else 0

    def x(day: dt.date) -> float:
        if span == 0:  # one day in the window (or none): its middle
            return (left + right) / 2
        return left + (day.toordinal() - first) * (right - left) / span

    parts: list[str] = []
    marks, places = ticks(lo, hi)
    for t in marks:  # a tick's label is digits, a sign and a point: nothing to escape
        yt = y(t)
        parts.append(f'<line class="grid" x1="{left}" x2="{right}" y1="{yt:.2f}" '
                     f'y2="{yt:.2f}"/><text x="{left - 8}" y="{yt + 4:.2f}" '
                     f'text-anchor="end">{fixed(t, places)}</text>')
    middle = (top + bottom) / 2
    parts.append(f'<text transform="rotate(-90)" x="{-middle:.2f}" y="18" '
                 f'text-anchor="middle">{esc(unit(block))}</text>')
    labels: list[tuple[float, str]] = []
    if ref is not None:
        rate, written, day = ref
        band_top, band_bottom = y(rate * (1 + tol)), y(rate * (1 - tol))
        parts.append(f'<rect class="band" x="{left}" y="{band_top:.2f}" width="{right - left}" '
                     f'height="{band_bottom - band_top:.2f}"/>')
        yr = y(rate)
        parts.append(f'<line class="ref" x1="{left}" x2="{right}" y1="{yr:.2f}" '
                     f'y2="{yr:.2f}"/>')
        labels.append((yr, f"reference {written}"))
    for i, _, _, rate, written, _ in clusters:
        style = f"c{(i - 1) % CLUSTER_STYLES + 1}"
        yr = y(rate)
        parts.append(f'<g class="{style}"><line class="cl" x1="{left}" x2="{right}" '
                     f'y1="{yr:.2f}" y2="{yr:.2f}"/></g>')
        labels.append((yr, f"{i}: {written}"))
    parts.append(f'<line class="axis" x1="{left}" x2="{left}" y1="{top}" y2="{bottom}"/>'
                 f'<line class="axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>')
    if series:
        # Each point's place once, for the line and for its dot.
        xy = [(f"{x(d):.2f}", f"{top + down(r) * height:.2f}") for d, r, _ in series]
        points = " ".join([f"{cx},{cy}" for cx, cy in xy])
        parts.append(f'<polyline class="series" points="{points}"/>')
        ref_day = _day(ref[2]) if ref is not None else None
        for (d, _, written), (cx, cy) in zip(series, xy, strict=True):
            size = "4" if d == ref_day else "2"
            parts.append(f'<circle class="point" cx="{cx}" cy="{cy}" r="{size}">'
                         + _TITLES[d, written])
        start, end = series[0][0], series[-1][0]
        if span == 0:
            parts.append(f'<text x="{x(start):.2f}" y="{bottom + 18}" text-anchor="middle">'
                         f"{esc(start.isoformat())}</text>")
        else:
            parts.append(f'<text x="{left}" y="{bottom + 18}">{esc(start.isoformat())}</text>'
                         f'<text x="{right}" y="{bottom + 18}" text-anchor="end">'
                         f"{esc(end.isoformat())}</text>")
    for (want, _), (at, words) in zip(sorted(labels, key=lambda lab: lab[0]),
                                      spread_labels(labels, top + 4, bottom), strict=True):
        parts.append(f'<line class="leader" x1="{right}" x2="{right + 8}" y1="{want:.2f}" '
                     f'y2="{at:.2f}"/><text x="{right + 12}" y="{at + 4:.2f}">{esc(words)}</text>')
    legend: list[tuple[str, str]] = []
    if series:
        legend.append((LINE.format(cls="series"),
                       f"reference rate on each business day ({len(series)} days; the "
                       "big dot is the reference)"))
    if ref is not None:
        legend.append((LINE.format(cls="ref"), f"reference {ref[1]} ({ref[2]})"))
        legend.append((BAND, f"within {_pct(tol)}% of the reference: "
                             f"{_band_text(ref, tol)}"))
    if clusters:
        legend.append(('<g class="c1">' + LINE.format(cls="cl") + "</g>",
                       "1, 2, ...: the rates the article's conversions imply (clusters)"))
    h = int(bottom + 36 + ROW * len(legend))
    parts += _legend(bottom + 44, left, legend)
    label = (f"Reference rate, {unit(block)}, over the window, with the rates the "
             "article's conversions imply; the tables give the same data")
    return _svg(w, h, label, parts)


def _band_text(ref: tuple[Fraction, str, str], tol: Fraction) -> str:
    places = _decimals(ref[1])
    return f"{fixed(ref[0] * (1 - tol), places)} to {fixed(ref[0] * (1 + tol), places)}"


def cluster_strip(block: dict[str, Any], read: _Read | None = None) -> str:
    """A strip zoomed on the implied rates: one row per cluster, against the reference.

    On the series chart the clusters of one article often lie within a fraction of
    a unit of each other; here the axis spans just them and the reference.
    """
    rows, ref, tol = read or _read(block)
    if not rows:
        return ""
    values = [v for r in rows for v in r[1:3]] + ([ref[0]] if ref is not None else [])
    lo, hi = padded(values, 8)
    w, left, right, top = 640, 210, 616, 34
    bottom = top + ROW * len(rows) + 6

    across = _share(lo, hi - lo, 1)

    def x(v: Fraction) -> float:
        return left + across(v) * (right - left)

    parts: list[str] = []
    band_note = ""
    if ref is not None:
        rate, written, day = ref
        band_lo, band_hi = max(rate * (1 - tol), lo), min(rate * (1 + tol), hi)
        if band_lo < band_hi:
            parts.append(f'<rect class="band" x="{x(band_lo):.2f}" y="{top - 6}" '
                         f'width="{x(band_hi) - x(band_lo):.2f}" height="{bottom - top + 6}"/>')
            whole = band_lo == lo and band_hi == hi
            band_note = (f"shaded: within {_pct(tol)}% of the reference ({_band_text(ref, tol)})"
                         + ("; the whole strip is inside it" if whole else ""))
        rx = x(rate)
        anchor = "middle" if left + 80 < rx < right - 80 else ("end" if rx > left else "start")
        parts.append(f'<line class="ref" x1="{rx:.2f}" x2="{rx:.2f}" y1="{top - 6}" '
                     f'y2="{bottom}"/><text x="{rx:.2f}" y="{top - 12}" text-anchor="{anchor}">'
                     f"reference {esc(written)} ({esc(day)})</text>")
    for row, (i, low, high, rate, written, n) in enumerate(rows):
        cy = top + ROW * row + ROW / 2
        x1, x2 = x(low), x(high)
        parts.append(
            f'<g class="c{(i - 1) % CLUSTER_STYLES + 1}">'
            f'<text x="8" y="{cy + 4:.2f}">cluster {i}: {esc(written)} '
            f'({n} claim{"s" if n != 1 else ""})</text>'
            f'<rect class="cbar" x="{x1:.2f}" y="{cy - 5:.2f}" width="{max(x2 - x1, 2.0):.2f}" '
            f'height="10"/><circle class="cdot" cx="{x(rate):.2f}" cy="{cy:.2f}" r="4">'
            f"<title>cluster {i}: {esc(written)}</title></circle></g>")
    parts.append(f'<line class="axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>')
    marks, places = ticks(lo, hi)
    for t in marks:
        parts.append(f'<line class="axis" x1="{x(t):.2f}" x2="{x(t):.2f}" y1="{bottom}" '
                     f'y2="{bottom + 4}"/><text x="{x(t):.2f}" y="{bottom + 18}" '
                     f'text-anchor="middle">{esc(fixed(t, places))}</text>')
    parts.append(f'<text x="{(left + right) / 2:.0f}" y="{bottom + 38}" text-anchor="middle">'
                 f"{esc(unit(block))}</text>")
    h = bottom + 48
    if band_note:
        parts += _legend(bottom + 62, 8, [(BAND, band_note)])
        h += ROW
    label = (f"The implied rates, {unit(block)}, zoomed, against the reference; the cluster "
             "table gives the same data")
    return _svg(w, int(h), label, parts)


def series_table(block: dict[str, Any],
                 series: list[tuple[dt.date, Fraction, str]] | None = None) -> str:
    """The series as a table (the chart's text alternative), folded: a row a day."""
    if series is None:
        series = dated_series(block.get("series"))
    if not series:
        return ""
    ref = _reference(block)
    ref_day = _day(ref[2]) if ref is not None else None
    rows = "".join([_ROW_TEXT[d, written] + ("</td></tr>" if d != ref_day
                                             else " (the reference)</td></tr>")
                    for d, _, written in series])
    words = f"Reference rate, {unit(block)}, {series[0][0]} to {series[-1][0]}"
    return (f"<details><summary>The chart's series as a table ({len(series)} days)</summary>"
            f'<div class="scroll"><table><caption>{esc(words)}</caption><tr>'
            f'<th scope="col">Day</th><th scope="col">{esc(unit(block))}</th></tr>'
            f"{rows}</table></div></details>")


def figures(block: dict[str, Any],
            series: list[tuple[dt.date, Fraction, str]] | None = None) -> str:
    """Both charts, each a figure in a box that scrolls rather than shrink its text."""
    read = _read(block)
    out = []
    for svg, opening in ((series_chart(block, series, read), _SERIES_FIGURE),
                         (cluster_strip(block, read), _STRIP_FIGURE)):
        if svg:
            out.append(f"{opening}{svg}</div></figure>")
    return "".join(out)


def _figure(words: str) -> str:
    return (f'<figure class="figure"><figcaption>{esc(words)}<span class="narrow">'
            ' (scroll sideways for the whole chart)</span></figcaption><div class="scroll">')


_SERIES_FIGURE = _figure("The reference rate over the window, with the rates the article's "
                         "conversions imply and the tolerance band")
_STRIP_FIGURE = _figure("The implied rates, zoomed")
