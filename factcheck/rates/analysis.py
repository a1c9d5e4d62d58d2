"""The rates an article implies, per currency pair: clusters, reference, spread.

Call ``analyse(article, findings, provider)`` once per article after its convert
claims are evaluated; it gives the JSON blocks of the report's ``rates`` list and
the warnings for conversions outside their pair's main cluster. Besides the
contract's keys a block has ``article`` (the article's id) and ``series``
(``[[date, rate], ...]``: the reference rate of every business day in the
``NEAREST_WINDOW_DAYS`` calendar days up to and including publication, for charts).
Each pair is written in one direction for the whole article: the one most of its
conversions take (yuan to dollars stays CNY->USD); on a tie, the one in which the
reference rate (else most implied rates) is at least 1. A cluster's rate is the one
its written figures imply (see ``factcheck.rates.clusters``), with its interval beside it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.errors import FactcheckError
from factcheck.quantity.interval import Interval
from factcheck.quantity.rational import Fraction, as_fraction
from factcheck.rates.clusters import Cluster, cluster, main_cluster
from factcheck.rates.implied import ImpliedRate
from factcheck.rates.numbers import display, places, significant
from factcheck.report.details import plain

if TYPE_CHECKING:
    from factcheck.claims.model import Article
    from factcheck.rates.reference import RateProvider, ReferenceRate

# The calendar days, publication day included, whose reference rates a block lists and
# whose closest rate ``nearest_reference`` names: 30 means P-29 .. P.
NEAREST_WINDOW_DAYS = 30


def implied_from_findings(findings: Iterable[Any]) -> list[ImpliedRate]:
    """The implied rates recorded by convert findings (errors carry none)."""
    out = []
    for f in findings:
        if isinstance(f, ImpliedRate):
            out.append(f)
            continue
        details = getattr(f, "details", None) or {}
        if "implied_rate" not in details:
            continue
        details = plain(details)  # decoded once, not at each read below
        block = details.get("implied_rate")
        if not isinstance(block, dict) or "from" not in details:
            continue
        iv = Interval(
            as_fraction(block["low"]),
            as_fraction(block["high"]),
            bool(block.get("low_open", False)),
            bool(block.get("high_open", False)),
        )
        shown = block.get("rate")
        out.append(ImpliedRate(f.claim_id, details["from"], details["to"], iv,
                               None if shown is None else as_fraction(shown)))
    # A stated amount of (about) zero implies no usable rate: the claim's own verdict
    # says so, and the spread divides by the smallest rate.
    return [i for i in out if i.interval.lo is not None and i.interval.lo > 0]


def _reference(
    provider: RateProvider, from_code: str, to_code: str, day: dt.date
) -> ReferenceRate | None:
    try:
        return provider.rate(from_code, to_code, day)
    except FactcheckError:
        return None


def _orient(
    items: list[ImpliedRate], provider: RateProvider, day: dt.date
) -> tuple[list[ImpliedRate], ReferenceRate | None]:
    """The pair in the direction the article converts (most of its conversions; on a
    tie, the direction whose rates are at least 1), each conversion turned to it."""
    a, b = sorted({items[0].from_code, items[0].to_code})
    forward = [i if i.from_code == a else i.inverted() for i in items]
    ahead = sum(1 for i in items if i.from_code == a)
    if 2 * ahead != len(items):
        flip = 2 * ahead < len(items)
    else:
        ref = _reference(provider, a, b, day)
        if ref is not None:
            flip = ref.rate < 1
        else:
            below = sum(1 for i in forward if i.shown < 1)
            flip = 2 * below > len(forward)
    if flip:
        forward, (a, b) = [i.inverted() for i in forward], (b, a)
    return forward, _reference(provider, a, b, day)


def window_start(day: dt.date) -> dt.date:
    """The first day of the window that ends on ``day``: ``NEAREST_WINDOW_DAYS`` calendar
    days in all, both ends included."""
    try:
        return day - dt.timedelta(days=NEAREST_WINDOW_DAYS - 1)
    except OverflowError:  # within a month of 0001-01-01
        return dt.date.min


# A provider's table does not change during a run, and an archive has many articles
# per day: each (provider, pair, day) window is read from the table once. Entries
# hold their provider, so an id cannot be reused while its entry lives.
_WINDOWS: dict[tuple[int, str, str, dt.date], tuple[Any, Any, Any, Any]] = {}
_MAX_WINDOWS = 20_000


def _window(
    provider: RateProvider, from_code: str, to_code: str, day: dt.date
) -> tuple[Any, Any, Any]:
    """(the window's series or None when the provider cannot say, its JSON rows, its
    rates as floats or None when one overflows)."""
    key = (id(provider), from_code, to_code, day)
    hit = _WINDOWS.get(key)
    if hit is None or hit[0] is not provider:
        start = window_start(day)
        series: tuple[Any, ...] | None = ()
        rows: tuple[Any, ...] = ()
        floats: tuple[float | None, ...] = ()
        for year in range(start.year, day.year + 1):
            table = _year(provider, from_code, to_code, year)
            if table is None:
                series, rows, floats = None, (), ()
                break
            lo, hi = bisect.bisect_left(table.days, start), bisect.bisect_right(table.days, day)
            series += table.series[lo:hi]  # type: ignore[operator]
            rows += table.rows[lo:hi]
            floats += table.floats[lo:hi]
        if len(_WINDOWS) >= _MAX_WINDOWS:
            _WINDOWS.clear()
        usable = floats if series and None not in floats else None
        hit = _WINDOWS[key] = (provider, series, rows, usable)
    return hit[1], hit[2], hit[3]


@dataclass(frozen=True, slots=True)
class _Year:
    """One pair's reference rates for a calendar year, in the forms the report needs."""

    days: tuple[dt.date, ...]  # the days with a rate, in order
    series: tuple[tuple[dt.date, Fraction], ...]
    rows: tuple[tuple[str, float], ...]  # (ISO date, rate for JSON)
    floats: tuple[float | None, ...]  # the rate as a float; None where it overflows


# Windows of nearby days overlap in all but a day: each year of a pair is read and
# formatted once, and a window is a slice of at most two years.
_YEARS: dict[tuple[int, str, str, int], tuple[Any, _Year | None]] = {}
_MAX_YEARS = 2_000  # about 260 rows each: some 50 MB at most


def _year(provider: RateProvider, from_code: str, to_code: str, year: int) -> _Year | None:
    key = (id(provider), from_code, to_code, year)
    hit = _YEARS.get(key)
    if hit is None or hit[0] is not provider:
        try:
            series = tuple(provider.series(from_code, to_code, dt.date(year, 1, 1),
                                           dt.date(year, 12, 31)))
        except FactcheckError:
            table = None
        else:
            table = _Year(
                days=tuple(d for d, _ in series),
                series=series,
                rows=tuple((d.isoformat(), significant(r)) for d, r in series),
                floats=tuple(_float(r) for _, r in series),
            )
        if len(_YEARS) >= _MAX_YEARS:
            _YEARS.clear()
        hit = _YEARS[key] = (provider, table)
    return hit[1]


def _float(rate: Fraction) -> float | None:
    try:
        return float(rate)
    except OverflowError:
        return None


def _nearest(
    provider: RateProvider, from_code: str, to_code: str, day: dt.date, rate: Fraction
) -> dict[str, Any] | None:
    series, rows, floats = _window(provider, from_code, to_code, day)
    if not series:
        return None
    candidates = range(len(series)) if floats is None else _near(floats, rate)
    # Closest rate; on a tie the later day, being nearer to publication.
    best = min(candidates, key=lambda i: (abs(series[i][1] - rate), -series[i][0].toordinal()))
    iso, shown = rows[best]
    return {"date": iso, "rate": shown}


def _near(floats: tuple[float, ...], rate: Fraction) -> Any:
    """The indices of the entries whose exact distance to ``rate`` may be the smallest.

    Floats are within a relative 2**-52 of the exact rates, so an entry whose float
    distance exceeds the smallest by more than a billionth of the magnitudes cannot
    be closest; the exact comparison then runs on the few that remain.
    """
    try:
        target = float(rate)
    except OverflowError:
        return range(len(floats))
    gaps = [abs(f - target) for f in floats]
    best = min(gaps)
    slack = 1e-9 * (max(map(abs, floats)) + abs(target) + best + 1.0)
    return [i for i, gap in enumerate(gaps) if gap <= best + slack]


def _series(
    provider: RateProvider, from_code: str, to_code: str, day: dt.date
) -> tuple[tuple[str, float], ...]:
    """The reference rate of each business day in the window, for charts.

    Immutable rows shared with the window cache (and, through it, with every block
    whose window covers the same days): an archive's blocks repeat most of them, and
    a parallel run sends each shared row once per message instead of once per block.
    """
    _, rows, _ = _window(provider, from_code, to_code, day)
    return rows  # type: ignore[no-any-return]


def _cluster_json(
    c: Cluster, ref: ReferenceRate | None, nearest: dict[str, Any] | None
) -> dict[str, Any]:
    assert c.common.lo is not None and c.common.hi is not None
    return {
        # 8 digits, so that an interval such as [164.7795, 164.7805] stays visible.
        "rate": significant(c.rate, 8),
        "low": significant(c.common.lo, 8),
        "high": significant(c.common.hi, 8),
        "claims": list(c.claims),  # a copy: the report's list is its own
        "deviation_pct": None if ref is None else places((c.rate - ref.rate) / ref.rate * 100),
        "nearest_reference": nearest,
    }


def analyse(
    article: Article, findings: Iterable[Any], provider: RateProvider | None = None
) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """Rate blocks (sorted by pair) and per-claim warnings, for one article."""
    if provider is None:
        from factcheck.rates.reference import ecb_provider

        provider = ecb_provider()
    pairs: dict[frozenset[str], list[ImpliedRate]] = {}
    for item in implied_from_findings(findings):
        pairs.setdefault(frozenset((item.from_code, item.to_code)), []).append(item)
    day = article.published
    from factcheck.quantity.readable import percent_text

    blocks: list[dict[str, Any]] = []
    warnings: dict[str, list[str]] = {}
    for items in pairs.values():
        oriented, ref = _orient(items, provider, day)
        from_code, to_code = oriented[0].from_code, oriented[0].to_code
        clusters = cluster(((i.claim_id, i.interval) for i in oriented),
                           {i.claim_id: i.written for i in oriented if i.written is not None})
        rates = [c.rate for c in clusters]
        spread = (max(rates) - min(rates)) / min(rates) * 100
        blocks.append(
            {
                "article": article.id,
                "from": from_code,
                "to": to_code,
                "reference": None
                if ref is None
                else {
                    "source": ref.source,
                    "date": ref.date_used.isoformat(),
                    "rate": significant(ref.rate),
                },
                "clusters": [
                    _cluster_json(c, ref, _nearest(provider, from_code, to_code, day, c.rate))
                    for c in clusters
                ],
                "spread_pct": places(spread),
                "series": _series(provider, from_code, to_code, day),
            }
        )
        main = main_cluster(clusters, None if ref is None else ref.rate)
        assert main is not None
        unit = f"{to_code}/{from_code}"
        for c in clusters:
            if c is main:
                continue
            gap = (c.rate - main.rate) / main.rate
            for claim in c.claims:
                warnings.setdefault(claim, []).append(
                    f"implies about {display(c.rate)} {unit}, "
                    f"{percent_text(abs(gap) * 100).lstrip('+')} "
                    f"{'below' if gap < 0 else 'above'} the {display(main.rate)} {unit} "
                    + _others(main.claims)
                )
    blocks.sort(key=lambda b: (b["from"], b["to"]))
    return blocks, warnings


def _others(claims: list[str]) -> str:
    """Who uses the main rate: one named conversion, or how many and which."""
    if len(claims) == 1:
        return f"that the conversion {claims[0]} uses"
    return f"that the {len(claims)} other conversions use (claims {', '.join(claims)})"


def analyse_rates(
    article: Article, findings: Iterable[Any], provider: RateProvider | None = None
) -> list[dict[str, Any]]:
    """Just the rate blocks of ``analyse``."""
    return analyse(article, findings, provider)[0]

