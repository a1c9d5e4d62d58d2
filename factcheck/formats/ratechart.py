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
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

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


esc = escape.html_value


def _num(value: Any) -> Fraction | None:
    try:
        return fraction_from_text(_text(value))
    except (ValueError, ZeroDivisionError):
        return None


def _text(value: Any) -> str:
    """``str(value)``: a float's text is kept (``escape.number_text``)."""
    return escape.number_text(value) if value.__class__ is float else str(value)


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
    rows, places, _ = _read_series(raw)
    return [(d, r, _LAID[d, w, places][0]) for d, r, w, *_ in rows]


def _read_series(raw: Any) -> tuple[list[_Row], int, bool]:
    """The usable rows (as ``_point`` gives them), by date; the decimals to write
    every rate with (-1: each as written); and whether ``raw`` holds only text and
    numbers in tuples (then nothing in it can change, and what is read from it can
    be kept)."""
    points: list[_Row] = []
    fixed_rows = raw.__class__ is tuple
    entries = _ENTRIES
    for entry in raw or ():
        # Windows of nearby days share most rows, and the analysis shares their very
        # tuples: each is read once per run, and found again by identity.
        kept = entries.get(id(entry))
        if kept is not None and kept[0] is entry:
            point = kept[1]
        else:
            try:
                d, r = entry
            except (TypeError, ValueError):
                fixed_rows = False
                continue
            if d.__class__ is str and r.__class__ in _WRITTEN:
                point = _ROWS[d, str(r)]
                if entry.__class__ is tuple:  # text and a number: it cannot change
                    if len(entries) >= _MAX_ENTRIES:
                        entries.clear()
                    entries[id(entry)] = (entry, point)
                else:
                    fixed_rows = False
            else:
                point = _point(d, r)
                fixed_rows = False
        if point:
            points.append(point)
    points.sort(key=_DAY)
    decimals = [p[3] for p in points]
    places = max(decimals) if points and min(decimals) >= 0 else -1
    return points, places, fixed_rows


class _Kept(dict):  # type: ignore[type-arg]
    """What ``make(*key)`` gives for each key, made once (emptied when it holds
    ``most``: the same key always makes the same value, so keeping is only a cost)."""

    def __init__(self, make: Callable[..., Any], most: int = 100_000) -> None:
        super().__init__()
        self.make = make
        self.most = most

    def __missing__(self, key: tuple[Any, ...]) -> Any:
        if len(self) >= self.most:
            self.clear()
        value = self[key] = self.make(*key)
        return value


_WRITTEN = (float, int, str)
# Rows as (day, rate) tuples by identity, each kept with the tuple (so that its id
# is not reused while it is kept): about a year of days in a few hundred pairs.
_ENTRIES: dict[int, tuple[tuple[Any, ...], _Row | tuple[()]]] = {}
_MAX_ENTRIES = 100_000
_DAY = itemgetter(0)


def _point(d: Any, r: Any) -> _Row | tuple[()]:
    """A row as (day, rate, rate as written, its decimals or -1 when written with an
    exponent, the day's ordinal, the rate's numerator and denominator); empty when
    the day or the rate does not parse."""
    day, rate = _day(d), _num(r)
    if day is None or rate is None:
        return ()
    written = str(r)
    return (day, rate, written, -1 if "e" in written.lower() else _decimals(written),
            day.toordinal(), rate.numerator, rate.denominator)


_Row = tuple[dt.date, Fraction, str, int, int, int, int]


def _laid(day: dt.date, written: str, places: int) -> tuple[str, str, str, str, str]:
    """A row's rate as the window writes it (with ``places`` decimals; as written when
    -1), then the pieces of ``_row_parts`` for it."""
    if places >= 0:
        rate = _num(written)
        assert rate is not None  # a rate that was read from this very text
        written = fixed(rate, places)
    return (written, *_row_parts(day, written))


# Rows by date and rate as written.
_ROWS = _Kept(_point)


def _decimals(text: str) -> int:
    """How many decimal places a number is written with (``164.938`` -> 3)."""
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text.lower() else 0


def fixed(x: Fraction, places: int) -> str:
    """``x`` rounded half-even to ``places`` decimals, written without an exponent."""
    return _decimal_text(round(x * 10**places), places)


def _decimal_text(n: int, places: int) -> str:
    """The integer ``n`` in units of 10**-places, written with ``places`` decimals."""
    sign, digits = ("-" if n < 0 else ""), str(abs(n)).rjust(places + 1, "0")
    return sign + (f"{digits[:-places]}.{digits[-places:]}" if places else digits)


def ticks(lo: Fraction, hi: Fraction, most: int = 6) -> tuple[list[Fraction], int]:
    """Round values (1, 2 or 5 times a power of ten apart) inside [lo, hi], and their decimals.

    At most ``most`` of them and at least two when the range allows; exact
    arithmetic, so that a tick label reads as the value it marks.
    """
    marks, places = _ticks(lo, hi, most)
    return [Fraction(n, d) for n, d, _ in marks], places


def _ticks(lo: Fraction, hi: Fraction, most: int = 6) -> tuple[list[tuple[int, int, str]], int]:
    """``ticks`` as (numerator, denominator, label) of each, in integers.

    A tick is k steps of m * 10**e; the first is the least k with k * step >= lo,
    the last the greatest with k * step <= hi, both found by integer floor division
    (two Fractions per candidate step and per tick were a tenth of each chart).
    """
    ln, ld, hn, hd = lo.numerator, lo.denominator, hi.numerator, hi.denominator
    sn, sd = hn * ld - ln * hd, hd * ld  # the span, hi - lo
    if sn <= 0:
        return [(ln, ld, fixed(lo, 0))], 0
    # The power of ten at or just below the span, from its digits, then made exact.
    whole = sn // sd
    power = len(str(whole)) - 1 if whole else -len(str(sd // sn))
    while not _power_within(power, sn, sd):
        power -= 1
    while _power_within(power + 1, sn, sd):
        power += 1
    for exp in (power - 1, power, power + 1):
        den = 10**-exp if exp < 0 else 1  # a step is m * scale / den
        scale = 10**exp if exp > 0 else 1
        for m in (1, 2, 5):
            if exp < power and m == 1 and most < 10:
                continue  # at least ten steps of 10**(power - 1) fit in the span
            step = m * scale
            first = -((-ln * den) // (ld * step))  # the least k with k * step / den >= lo
            last = (hn * den) // (hd * step)  # the greatest with k * step / den <= hi
            if 2 <= last - first + 1 <= most:
                return _TICK_MARKS[first, last, step, den, max(0, -exp)]
    return [(ln, ld, fixed(lo, 0)), (hn, hd, fixed(hi, 0))], 0


def _tick_marks(first: int, last: int, step: int, den: int,
                places: int) -> tuple[list[tuple[int, int, str]], int]:
    return [(k * step, den, _decimal_text(k * step, places))
            for k in range(first, last + 1)], places


# Nearby charts have the same ticks.
_TICK_MARKS = _Kept(_tick_marks, 10_000)


def _power_within(power: int, sn: int, sd: int) -> bool:
    """Whether 10**power <= sn / sd (for sd > 0)."""
    return 10**power * sd <= sn if power >= 0 else sd <= sn * 10**-power


def spread_labels(wanted: list[tuple[float, Any]], top: float,
                  bottom: float) -> list[tuple[float, Any]]:
    """Label baselines as near as may be to where they belong, LABEL_GAP or more apart."""
    return _spread_sorted(sorted(wanted, key=_FIRST), top, bottom)


def _spread_sorted(wanted: list[tuple[float, Any]], top: float,
                   bottom: float) -> list[tuple[float, Any]]:
    """``spread_labels`` of labels already in order of where they belong."""
    placed: list[tuple[float, Any]] = []
    for want, key in wanted:
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
            if high < low:
                low, high = high, low
            rows.append((i, low, high, rate, _text(c.get("rate")),
                         len(c.get("claims") or [])))
    return rows


def _reference(block: dict[str, Any]) -> tuple[Fraction, str, str] | None:
    """(rate, rate as written, date as written) of the block's reference, if usable."""
    ref = block.get("reference") or {}
    rate = _num(ref.get("rate")) if isinstance(ref, dict) else None
    if rate is None or rate <= 0:
        return None
    return rate, _text(ref.get("rate")), str(ref.get("date", ""))


class _Read(NamedTuple):
    """A block's clusters, reference and tolerance, as both charts read them."""

    clusters: list[tuple[int, Fraction, Fraction, Fraction, str, int]]
    ref: tuple[Fraction, str, str] | None
    tol: Fraction
    band: tuple[Fraction, Fraction] | None  # the reference less and plus the tolerance
    band_text: str  # the band as the reference is written
    pct: str  # the tolerance in percent
    ref_label: str  # the series chart's label of the reference line, escaped
    ref_title: str  # the strip's words at the reference line, escaped


def _read(block: dict[str, Any]) -> _Read:
    ref = block.get("reference") or {}
    tolerance = str(block.get("tolerance_pct"))
    key: tuple[str | None, str | None, str]
    if isinstance(ref, dict):
        key = _text(ref.get("rate")), str(ref.get("date", "")), tolerance
    else:
        key = None, None, tolerance
    return _Read(_clusters(block), *_REFERENCE_READ[key])


def _reference_read(rate: str | None, day: str | None, tolerance: str
                    ) -> tuple[tuple[Fraction, str, str] | None, Fraction,
                               tuple[Fraction, Fraction] | None, str, str, str, str]:
    """What a block's reference and tolerance, as written, give its charts (the fields
    of ``_Read`` after the clusters)."""
    block: dict[str, Any] = {"tolerance_pct": tolerance}
    if rate is not None:
        block["reference"] = {"rate": rate, "date": day}
    ref, tol = _reference(block), _tolerance(block)
    band, band_text, label, title = None, "", "", ""
    if ref is not None:
        band = ref[0] * (1 - tol), ref[0] * (1 + tol)
        places = _decimals(ref[1])
        band_text = f"{fixed(band[0], places)} to {fixed(band[1], places)}"
        label, title = esc(f"reference {ref[1]}"), f"reference {esc(ref[1])} ({esc(ref[2])})"
    return ref, tol, band, band_text, _pct(tol), label, title


# Articles of the same day share their reference.
_REFERENCE_READ = _Kept(_reference_read, 10_000)


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
    return _widened(min(values), max(values), parts)


def _widened(lo: Fraction, hi: Fraction, parts: int) -> tuple[Fraction, Fraction]:
    if lo == hi:
        return lo - 1, hi + 1
    margin = (hi - lo) / parts
    return lo - margin, hi + margin


def unit(block: dict[str, Any]) -> str:
    return f"{block.get('to', '?')} per {block.get('from', '?')}"


class _Words(NamedTuple):
    """What a currency pair's charts and table say of it, escaped."""

    unit: str  # "KRW per CNY"
    series_label: str  # the series chart's aria-label
    strip_label: str  # the strip's aria-label


def _words_of(written_unit: str) -> _Words:
    return _Words(
        esc(written_unit),
        esc(f"Reference rate, {written_unit}, over the window, with the rates the "
            "article's conversions imply; the tables give the same data"),
        esc(f"The implied rates, {written_unit}, zoomed, against the reference; the cluster "
            "table gives the same data"))


_WORDS = _Kept(_words_of, 1_000)


def _svg_head(w: int, h: int, label: str) -> str:
    """A chart's opening and frame, up to its parts (``label`` is escaped); its parts
    and ``</svg>`` follow."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" role="img" aria-label="{label}">'
            f'<rect class="frame" x="0.5" y="0.5" width="{w - 1}" height="{h - 1}"/>')


def _legend(y0: float, x: float, items: list[tuple[str, str]]) -> list[str]:
    """One line per item: a sample of the mark, then its words."""
    return [_LEGEND_LINE[y0 + k * ROW, x, sample, words]
            for k, (sample, words) in enumerate(items)]


def _legend_line(y: float, x: float, sample: str, words: str) -> str:
    return (sample.format(x=x, x2=x + 24, y=y - 4, top=y - 10)
            + f'<text x="{x + 32}" y="{y:.2f}">{esc(words)}</text>')


# Charts of the same height share their legend's lines (the words of each: how many
# days, the reference, the band).
_LEGEND_LINE = _Kept(_legend_line, 10_000)


def _scale(origin: Fraction, span: Fraction, sign: int) -> tuple[int, int, int]:
    """(a, b, c) such that ``sign * (v - origin) / span`` is ``(n * a - d * b) / (c * d)``
    for ``v = n / d``, in integers (``span > 0``).

    Python divides integers correctly rounded, as ``float`` of the exact quotient is,
    so the result is the same float whether or not n / d is in lowest terms; without
    the two Fractions a point built (and their greatest common divisors) it takes a
    fraction of the time, for every point of every chart.
    """
    on, od = origin.numerator, origin.denominator
    sn, sd = span.numerator, span.denominator
    assert sn > 0
    return sign * od * sd, sign * on * sd, od * sn


def _share(origin: Fraction, span: Fraction, sign: int) -> Callable[[Fraction], float]:
    """``v -> float(sign * (v - origin) / span)`` for ``span > 0``, by ``_scale``."""
    a, b, c = _scale(origin, span, sign)

    def share(v: Fraction) -> float:
        n, d = v.numerator, v.denominator
        return (n * a - d * b) / (c * d)

    return share


def _row_parts(day: dt.date, written: str) -> tuple[str, str, str, str]:
    """The end of a point's dot (a small one, and the reference's big one) with its
    tooltip, and the day's row of the series table (and the reference's)."""
    title = f"<title>{esc(day.isoformat())}: {esc(written)}</title></circle>"
    row = f'<tr><th scope="row">{esc(day.isoformat())}</th><td>{esc(written)}'
    return ('" r="2">' + title, '" r="4">' + title, row + "</td></tr>",
            row + " (the reference)</td></tr>")


def _places(offsets: tuple[int, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The x of each point of a window, from its days' offsets from the first, and
    each dot's opening up to its y."""
    span = offsets[-1]
    if span == 0:  # one day in the window (or none): its middle
        xs = [f"{(_LEFT + _RIGHT) / 2:.2f}"] * len(offsets)
    else:
        xs = [f"{_LEFT + offset * (_RIGHT - _LEFT) / span:.2f}" for offset in offsets]
    return tuple(xs), tuple(f'<circle class="point" cx="{x}" cy="' for x in xs)


# Windows share days: each day's pieces are made once per run (for each number of
# decimals the window writes), and the places of the points once per pattern of
# business days and holidays.
_LAID = _Kept(_laid)
_PLACES = _Kept(_places, 1_000)
_DAY_TEXT = _Kept(lambda day: esc(day.isoformat()))


LINE = '<line class="{cls}" x1="{{x}}" x2="{{x2}}" y1="{{y}}" y2="{{y}}"/>'
BAND = '<rect class="band" x="{x}" y="{top}" width="24" height="12"/>'
# The series chart's plot area, and the strip's axis.
_LEFT, _RIGHT, _TOP = 72, 500, 16
_STRIP_LEFT, _STRIP_RIGHT, _STRIP_TOP = 210, 616, 34


class _Series:
    """A window's points as the series chart and the table draw them, made once for
    every block whose window is the same rows (the analysis shares them)."""

    __slots__ = ("count", "days", "low", "high", "span", "xs", "numerators", "denominators",
                 "dots", "titles", "big_titles", "rows", "ref_rows", "ends", "tables",
                 "ranges")

    def __init__(self, points: list[tuple[dt.date, Fraction, str]]) -> None:
        self._lay_out([(d, r, w, -1, d.toordinal(), r.numerator, r.denominator)
                       for d, r, w in points], -1)

    @classmethod
    def of_rows(cls, rows: list[_Row], places: int) -> _Series:
        """The series of ``_read_series``'s rows and places."""
        series = cls.__new__(cls)
        series._lay_out(rows, places)
        return series

    def _lay_out(self, rows: list[_Row], places: int) -> None:
        self.count = len(rows)
        # The table of the series, by the reference's date and the unit as written.
        self.tables: dict[tuple[str | None, str], str] = {}
        # The window's range and drawings, by the reference's band (``_window_range``).
        self.ranges: dict[int, Any] = {}
        if not rows:
            return
        days, rates, written, _, ordinals, self.numerators, self.denominators = zip(
            *rows, strict=True)
        self.days = days
        _, self.titles, self.big_titles, self.rows, self.ref_rows = zip(
            *[_LAID[d, w, places] for d, w in zip(days, written, strict=True)], strict=True)
        self.low, self.high = min(rates), max(rates)
        first = ordinals[0]
        self.span = ordinals[-1] - first
        self.xs, self.dots = _PLACES[tuple([o - first for o in ordinals]),]
        self.ends = _DAY_TEXT[days[0],], _DAY_TEXT[days[-1],]

    def marked(self, plain: Sequence[str], marked: Sequence[str],
               day: dt.date | None) -> Sequence[str]:
        """``plain``, with the entries of the points on ``day`` taken from ``marked``
        (the days are in order: a day given twice is given twice in a row)."""
        if day is None:
            return plain
        days = self.days
        k = bisect_left(days, day)
        if k == len(days) or days[k] != day:
            return plain
        out = list(plain)
        while k < len(days) and days[k] == day:
            out[k] = marked[k]
            k += 1
        return out


def _series_of(raw: Any) -> _Series:
    """The block's series read and laid out once per distinct rows (identity-keyed: a
    tuple of tuples of text and numbers cannot change while it is kept)."""
    kept = _SERIES.get(id(raw))
    if kept is not None and kept[0] is raw:
        return kept[1]
    rows, places, fixed_rows = _read_series(raw)
    series = _Series.of_rows(rows, places)
    if fixed_rows:
        if len(_SERIES) >= _MAX_SERIES:
            _SERIES.clear()
        _SERIES[id(raw)] = (raw, series)
    return series


_SERIES: dict[int, tuple[Any, _Series]] = {}
# About 2 KB each: an archive of a few years in a few currency pairs has a few thousand
# windows, which come back again and again.
_MAX_SERIES = 8_000


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
    laid = _series_of(block.get("series")) if series is None else _Series(series)
    return _series_chart(block, laid, read or _read(block))


def _scaled(laid: _Series, read: _Read, scale: tuple[Fraction, Fraction, int, int, int],
            bottom: int, shown_unit: str) -> tuple[str, float | None, str]:
    """What the series chart draws whatever its clusters, for its range (lo, hi) and
    that range's ``_scale``: the ticks, the unit, the band and the reference line; the
    y of the reference (None without one); the axes, the series, its first and last day."""
    lo, hi, a, b, c = scale
    left, right, top = _LEFT, _RIGHT, _TOP
    height = bottom - top

    def y(v: Fraction) -> float:
        n, d = v.numerator, v.denominator
        return top + (n * a - d * b) / (c * d) * height

    parts: list[str] = []
    marks, _ = _ticks(lo, hi)
    for n, d, label in marks:  # a tick's label is digits, a sign and a point: nothing to escape
        yt = top + (n * a - d * b) / (c * d) * height
        at = f"{yt:.2f}"
        parts.append(f'<line class="grid" x1="{left}" x2="{right}" y1="{at}" '
                     f'y2="{at}"/><text x="{left - 8}" y="{yt + 4:.2f}" '
                     f'text-anchor="end">{label}</text>')
    middle = (top + bottom) / 2
    parts.append(f'<text transform="rotate(-90)" x="{-middle:.2f}" y="18" '
                 f'text-anchor="middle">{shown_unit}</text>')
    ref, ref_y = read.ref, None
    if ref is not None and read.band is not None:
        band_top, band_bottom = y(read.band[1]), y(read.band[0])
        parts.append(f'<rect class="band" x="{left}" y="{band_top:.2f}" width="{right - left}" '
                     f'height="{band_bottom - band_top:.2f}"/>')
        ref_y = y(ref[0])
        at = f"{ref_y:.2f}"
        parts.append(f'<line class="ref" x1="{left}" x2="{right}" y1="{at}" y2="{at}"/>')
    after = [f'<line class="axis" x1="{left}" x2="{left}" y1="{top}" y2="{bottom}"/>'
             f'<line class="axis" x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}"/>']
    if laid.count:
        # Each point's place once, for the line and for its dot.
        ys = [f"{top + (n * a - d * b) / (c * d) * height:.2f}"
              for n, d in zip(laid.numerators, laid.denominators, strict=True)]
        after.append('<polyline class="series" points="'
                     + " ".join(map(_comma, laid.xs, ys)) + '"/>')
        ref_day = _day(ref[2]) if ref is not None else None
        titles = laid.marked(laid.titles, laid.big_titles, ref_day)
        after.append("".join(chain.from_iterable(zip(laid.dots, ys, titles, strict=True))))
        start, end = laid.ends
        if laid.span == 0:
            after.append(f'<text x="{laid.xs[0]}" y="{bottom + 18}" text-anchor="middle">'
                         f"{start}</text>")
        else:
            after.append(f'<text x="{left}" y="{bottom + 18}">{start}</text>'
                         f'<text x="{right}" y="{bottom + 18}" text-anchor="end">{end}</text>')
    return "".join(parts), ref_y, "".join(after)


_SCALED: dict[tuple[Any, ...], tuple[_Series, tuple[str, float | None, str, str]]] = {}
_MAX_SCALED = 12_000  # about 4.5 KB each: 7,000 at 100,000 generated claims


def _series_chart(block: dict[str, Any], laid: _Series, read: _Read) -> str:
    clusters, ref, band = read.clusters, read.ref, read.band
    top = _TOP
    n_labels = len(clusters) + (ref is not None)
    bottom = top + max(200, LABEL_GAP * n_labels + 8)
    height = bottom - top
    words = _WORDS[(unit(block),)]
    kept = None
    if laid.count:
        # Most blocks of a window draw their clusters inside the range of its series and
        # its reference's band: then their scale, and all but the clusters, is the
        # window's, found by the band (one per reference) without any arithmetic.
        ranged = laid.ranges.get(id(band))
        if ranged is None or ranged[0] is not band:
            ranged = laid.ranges[id(band)] = _window_range(laid, band)
        _, inner_lo, inner_hi, scale, drawn = ranged
        if all(inner_lo <= c[1] and c[2] <= inner_hi and inner_lo <= c[3] <= inner_hi
               for c in clusters):
            key = (bottom, words.unit, not clusters)
            kept = drawn.get(key)
            if kept is None:
                kept = drawn[key] = _drawn(laid, read, scale, bottom, words, bool(clusters))
    if kept is None:
        values: list[Fraction] = [v for c in clusters for v in c[1:4]]
        if laid.count:
            values += (laid.low, laid.high)
        if not values:
            return ""
        if band is not None:
            values += band
        lo, hi = padded(values, 20)
        scale = (lo, hi, *_scale(hi, hi - lo, -1))
        # Blocks of one window and scale share all but the clusters, the legend and the
        # frame included.
        tol = read.tol
        scaled_key = (id(laid), lo.numerator, lo.denominator, hi.numerator, hi.denominator,
                      bottom, words.unit, None if ref is None else ref[1],
                      None if ref is None else ref[2], tol.numerator, tol.denominator,
                      not clusters)
        shared = _SCALED.get(scaled_key)
        if shared is None or shared[0] is not laid:
            if len(_SCALED) >= _MAX_SCALED:
                _SCALED.clear()
            shared = _SCALED[scaled_key] = (laid, _drawn(laid, read, scale, bottom, words,
                                                  bool(clusters)))
        kept = shared[1]
    _, _, a, b, c = scale
    head, ref_y, after, tail = kept
    parts = [head]
    labels: list[tuple[float, str]] = []
    if ref is not None and ref_y is not None:
        labels.append((ref_y, read.ref_label))
    for i, _, _, rate, written, _ in clusters:
        n, d = rate.numerator, rate.denominator
        yr = top + (n * a - d * b) / (c * d) * height
        at = f"{yr:.2f}"
        parts.append(f'<g class="c{(i - 1) % CLUSTER_STYLES + 1}">{_CLUSTER_LINE}{at}" '
                     f'y2="{at}"/></g>')
        labels.append((yr, esc(f"{i}: {written}")))
    parts.append(after)
    labels.sort(key=_FIRST)
    for (want, _), (at_y, label) in zip(labels, _spread_sorted(labels, top + 4, bottom),
                                        strict=True):
        parts.append(f'{_LEADER}{want:.2f}" y2="{at_y:.2f}"/>{_LABEL}{at_y + 4:.2f}">'
                     f"{label}</text>")
    parts.append(tail)
    return "".join(parts)


def _window_range(laid: _Series, band: tuple[Fraction, Fraction] | None) -> tuple[
        Any, Fraction, Fraction, tuple[Fraction, Fraction, int, int, int],
        dict[tuple[int, str, bool], tuple[str, float | None, str, str]]]:
    """(the band, the least and greatest of the window's rates and the band, the scale
    (lo, hi and ``_scale``'s integers) of a chart of just those, and the drawings at
    that scale by height, unit and whether clusters are drawn)."""
    values = [laid.low, laid.high] + ([] if band is None else list(band))
    inner_lo, inner_hi = min(values), max(values)
    lo, hi = _widened(inner_lo, inner_hi, 20)
    return band, inner_lo, inner_hi, (lo, hi, *_scale(hi, hi - lo, -1)), {}


def _drawn(laid: _Series, read: _Read, scale: tuple[Fraction, Fraction, int, int, int],
           bottom: int, words: _Words, clusters: bool) -> tuple[str, float | None, str, str]:
    """What a series chart at ``scale`` draws whatever its clusters: its markup before
    them (the frame, then ``_scaled``'s first part), the y of the reference, the markup
    after them, and the legend with the end of the element."""
    before, ref_y, after = _scaled(laid, read, scale, bottom, words.unit)
    head, tail = _series_frame(laid, read, clusters, bottom, words)
    return head + before, ref_y, after, tail


def _series_frame(laid: _Series, read: _Read, clusters: bool, bottom: int,
                  words: _Words) -> tuple[str, str]:
    """The series chart's markup before its parts (the svg element and its frame) and
    after them (the legend, then the end of the element)."""
    points, ref = laid.count, read.ref
    legend: list[tuple[str, str]] = []
    if points:
        legend.append((_SERIES_SAMPLE,
                       f"reference rate on each business day ({points} days; the "
                       "big dot is the reference)"))
    if ref is not None:
        legend.append((_REF_SAMPLE, f"reference {ref[1]} ({ref[2]})"))
        legend.append((BAND, f"within {read.pct}% of the reference: {read.band_text}"))
    if clusters:
        legend.append((_CLUSTER_SAMPLE,
                       "1, 2, ...: the rates the article's conversions imply (clusters)"))
    h = int(bottom + 36 + ROW * len(legend))
    return (_svg_head(640, h, words.series_label),
            "".join(_legend(bottom + 44, _LEFT, legend)) + "</svg>")


# The fixed parts of a cluster's line, and of a label's leader line and text, up to a y.
_CLUSTER_LINE = f'<line class="cl" x1="{_LEFT}" x2="{_RIGHT}" y1="'
_LEADER = f'<line class="leader" x1="{_RIGHT}" x2="{_RIGHT + 8}" y1="'
_LABEL = f'<text x="{_RIGHT + 12}" y="'
_FIRST = itemgetter(0)
_SERIES_SAMPLE = LINE.format(cls="series")
_REF_SAMPLE = LINE.format(cls="ref")
_CLUSTER_SAMPLE = '<g class="c1">' + LINE.format(cls="cl") + "</g>"
_comma = "{},{}".format


def cluster_strip(block: dict[str, Any], read: _Read | None = None) -> str:
    """A strip zoomed on the implied rates: one row per cluster, against the reference.

    On the series chart the clusters of one article often lie within a fraction of
    a unit of each other; here the axis spans just them and the reference.
    """
    rows, ref, _, band, band_text, pct, _, ref_title = read or _read(block)
    if not rows:
        return ""
    # A cluster's low is at most its high: the range is of the lows, the highs and the
    # reference.
    lo, hi = min([r[1] for r in rows]), max([r[2] for r in rows])
    if ref is not None:
        lo, hi = min(lo, ref[0]), max(hi, ref[0])
    lo, hi = _widened(lo, hi, 8)
    left, top = _STRIP_LEFT, _STRIP_TOP
    bottom = top + ROW * len(rows) + 6
    width = _STRIP_RIGHT - left
    a, b, c = _scale(lo, hi - lo, 1)

    def x(v: Fraction) -> float:
        n, d = v.numerator, v.denominator
        return left + (n * a - d * b) / (c * d) * width

    parts: list[str] = []
    whole: bool | None = None  # no band drawn
    if ref is not None and band is not None:
        band_lo, band_hi = max(band[0], lo), min(band[1], hi)
        if band_lo < band_hi:
            x_lo = x(band_lo)
            parts.append(f'<rect class="band" x="{x_lo:.2f}" y="{top - 6}" '
                         f'width="{x(band_hi) - x_lo:.2f}" height="{bottom - top + 6}"/>')
            whole = band_lo == lo and band_hi == hi
        rx = x(ref[0])
        at = f"{rx:.2f}"
        anchor = ("middle" if left + 80 < rx < _STRIP_RIGHT - 80
                  else ("end" if rx > left else "start"))
        parts.append(f'<line class="ref" x1="{at}" x2="{at}" y1="{top - 6}" '
                     f'y2="{bottom}"/><text x="{at}" y="{top - 12}" text-anchor="{anchor}">'
                     f"{ref_title}</text>")
    for row, (i, low, high, rate, written, n_claims) in enumerate(rows):
        text_y, bar_y, dot_y = _STRIP_ROW[row,]
        x1, x2 = x(low), x(high)
        shown = esc(written)
        parts.append(
            f'<g class="c{(i - 1) % CLUSTER_STYLES + 1}">'
            f'<text x="8" y="{text_y}">cluster {i}: {shown} '
            f'({n_claims} claim{"s" if n_claims != 1 else ""})</text>'
            f'<rect class="cbar" x="{x1:.2f}" y="{bar_y}" width="{max(x2 - x1, 2.0):.2f}" '
            f'height="10"/><circle class="cdot" cx="{x(rate):.2f}" cy="{dot_y}" r="4">'
            f"<title>cluster {i}: {shown}</title></circle></g>")
    axis, between, after = _STRIP_AXIS[bottom,]
    parts.append(axis)
    marks, _ = _ticks(lo, hi)
    for n, d, label in marks:  # digits, a sign and a point: nothing to escape
        at = f"{left + (n * a - d * b) / (c * d) * width:.2f}"
        parts.append(f'<line class="axis" x1="{at}" x2="{at}{between}{at}{after}{label}</text>')
    head, tail = _STRIP_FRAME[bottom, unit(block), pct, band_text, whole]
    return head + "".join(parts) + tail


def _strip_row(row: int) -> tuple[str, str, str]:
    """The y of a strip's row of clusters as its label, its bar and its dot write it."""
    cy = _STRIP_TOP + ROW * row + ROW / 2
    return f"{cy + 4:.2f}", f"{cy - 5:.2f}", f"{cy:.2f}"


_STRIP_ROW = _Kept(_strip_row, 1_000)


def _strip_frame(bottom: int, written_unit: str, pct: str, band_text: str,
                 whole: bool | None) -> tuple[str, str]:
    """The strip's markup before its parts (the svg element and its frame) and after
    them (the unit, the band's legend when a band is drawn, the end of the element)."""
    words = _WORDS[(written_unit,)]
    h = bottom + 48
    middle = (_STRIP_LEFT + _STRIP_RIGHT) / 2
    tail = [f'<text x="{middle:.0f}" y="{bottom + 38}" text-anchor="middle">{words.unit}</text>']
    if whole is not None:
        band_note = (f"shaded: within {pct}% of the reference ({band_text})"
                     + ("; the whole strip is inside it" if whole else ""))
        tail += _legend(bottom + 62, 8, [(BAND, band_note)])
        h += ROW
    return _svg_head(640, int(h), words.strip_label), "".join(tail) + "</svg>"


def _strip_axis(bottom: int) -> tuple[str, str, str]:
    """The strip's axis line at ``bottom``, and what a tick's markup holds between its
    x and its label (from the end of ``x2``'s value to its text's value)."""
    return (f'<line class="axis" x1="{_STRIP_LEFT}" x2="{_STRIP_RIGHT}" y1="{bottom}" '
            f'y2="{bottom}"/>',
            f'" y1="{bottom}" y2="{bottom + 4}"/><text x="',
            f'" y="{bottom + 18}" text-anchor="middle">')


_STRIP_AXIS = _Kept(_strip_axis, 1_000)
# Strips of one reference (and of one number of clusters) share their frame and legend.
_STRIP_FRAME = _Kept(_strip_frame, 10_000)


def series_table(block: dict[str, Any],
                 series: list[tuple[dt.date, Fraction, str]] | None = None) -> str:
    """The series as a table (the chart's text alternative), folded: a row a day."""
    laid = _series_of(block.get("series")) if series is None else _Series(series)
    return _series_table(block, laid, _reference(block))


def _series_table(block: dict[str, Any], laid: _Series,
                  ref: tuple[Fraction, str, str] | None) -> str:
    points = laid.count
    if not points:
        return ""
    # Blocks of one window share its table, but for the reference's row.
    written_unit = unit(block)
    key = (None if ref is None else ref[2], written_unit)
    table = laid.tables.get(key)
    if table is None:
        ref_day = _day(ref[2]) if ref is not None else None
        rows = "".join(laid.marked(laid.rows, laid.ref_rows, ref_day))
        words = f"Reference rate, {written_unit}, {laid.days[0]} to {laid.days[-1]}"
        table = laid.tables[key] = (
            f"<details><summary>The chart's series as a table ({points} days)</summary>"
            f'<div class="scroll"><table><caption>{esc(words)}</caption><tr>'
            f'<th scope="col">Day</th><th scope="col">{_WORDS[(written_unit,)].unit}</th></tr>'
            f"{rows}</table></div></details>")
    return table


def figures(block: dict[str, Any],
            series: list[tuple[dt.date, Fraction, str]] | None = None) -> str:
    """Both charts, each a figure in a box that scrolls rather than shrink its text."""
    laid = _series_of(block.get("series")) if series is None else _Series(series)
    return _figures(block, laid, _read(block))


def _figures(block: dict[str, Any], laid: _Series, read: _Read) -> str:
    out = []
    for svg, opening in ((_series_chart(block, laid, read), _SERIES_FIGURE),
                         (cluster_strip(block, read), _STRIP_FIGURE)):
        if svg:
            out.append(f"{opening}{svg}</div></figure>")
    return "".join(out)


def charts_and_table(block: dict[str, Any]) -> tuple[str, str]:
    """``figures(block)`` and ``series_table(block)``, the block read once for both."""
    laid = _series_of(block.get("series"))
    read = _read(block)
    return _figures(block, laid, read), _series_table(block, laid, read.ref)


def _figure(words: str) -> str:
    return (f'<figure class="figure"><figcaption>{esc(words)}<span class="narrow">'
            ' (scroll sideways for the whole chart)</span></figcaption><div class="scroll">')


_SERIES_FIGURE = _figure("The reference rate over the window, with the rates the article's "
                         "conversions imply and the tolerance band")
_STRIP_FIGURE = _figure("The implied rates, zoomed")
