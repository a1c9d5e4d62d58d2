"""Computed quantities written for people: a few significant digits, in an article's notation.

``format_quantity`` writes a stated quantity back exactly; a computed one (a sum
converted at a reference rate) has a dozen digits that no reader needs. Here a
value keeps ``SIGNIFICANT`` digits and says so with the language's "about".
Only for display: records keep the exact values.
"""

from __future__ import annotations

from typing import Any

from factcheck.quantity.format import LANGUAGES, format_quantity
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.rational import Fraction
from factcheck.quantity.registry import REGISTRY

SIGNIFICANT = 5
PERCENT_PLACES = 2  # every percentage a report shows, at one precision


def language_of(language: str | None) -> str:
    """The notation to write in: the article's language when factcheck writes it, else en."""
    return language if language in LANGUAGES else "en"


def _exponent(v: Fraction) -> int:
    """e with 10**e <= v < 10**(e+1), for v > 0."""
    whole = v.numerator // v.denominator
    if whole:
        return len(str(whole)) - 1
    e = 0
    while v * 10 ** (-e) < 1:
        e -= 1
    return e


def _place(v: Fraction, language: str) -> int:
    """The power of ten to round to: ``SIGNIFICANT`` digits, moved in Korean and Chinese to
    the place of a scale word (만, 억, 조: 10^4k), since 16.494조 is not how they write;
    up to it while three digits remain (165억), else down (16조4,938억)."""
    top = _exponent(abs(v))
    place = top - SIGNIFICANT + 1
    if language == "en" or place < 4:
        return place
    up = -(-place // 4) * 4
    return up if top - up >= 2 else place // 4 * 4


def rounded(v: Fraction, language: str = "en") -> tuple[Fraction, Fraction | None]:
    """``v`` rounded for people, and the place of its last digit (None: exact)."""
    if v == 0:
        return v, None
    place = Fraction(10) ** _place(v, language)
    near = Fraction(round(v / place)) * place
    return (v, None) if near == v else (near, place)


def readable_value(v: Fraction, unit: Any, language: str, counter: str | None = None) -> str:
    """One value: exact when it has few digits, else ``약``/``约``/``about`` and rounded.
    A count is written with ``counter`` (the article's 명, 家) where one is given."""
    return _readable_value(v, unit, language, counter)


# The same facts, and amounts at the same rates, recur in claim after claim of an
# archive; values, intervals and units are immutable, so each is written once.
@REGISTRY.cached(8192)
def _readable_value(v: Fraction, unit: Any, language: str, counter: str | None) -> str:
    near, place = rounded(Fraction(v), language)
    if place is None:
        return format_quantity(Quantity(Interval.point(near), unit, value=near, counter=counter),
                               language)
    q = Quantity(Interval.point(near), unit, value=near, qualifier="approx", resolution=place,
                 counter=counter)
    return format_quantity(q, language)


def readable(interval: Interval, unit: Any, language: str, counter: str | None = None) -> str:
    """An interval of values as a reader would write it: a value, a range or a bound
    (a count with ``counter``, as :func:`readable_value`)."""
    return _readable(interval, unit, language, counter)


@REGISTRY.cached(8192)
def _readable(interval: Interval, unit: Any, language: str, counter: str | None) -> str:
    lo, hi = interval.lo, interval.hi
    if lo is not None and hi is not None:
        if lo == hi or rounded(lo, language) == rounded(hi, language):
            return readable_value((lo + hi) / 2 if lo != hi else lo, unit, language, counter)
        a, b = rounded(lo, language)[0], rounded(hi, language)[0]
        q = Quantity(Interval(a, b), unit, value=a, qualifier="range", counter=counter)
        return format_quantity(q, language)
    bound = lo if lo is not None else hi
    if bound is None:
        return format_quantity(Quantity(interval, unit, counter=counter), language)
    near = rounded(bound, language)[0]
    if lo is not None:
        shown = Interval(near, None, lo_open=interval.lo_open)
    else:
        shown = Interval(None, near, hi_open=interval.hi_open)
    return format_quantity(Quantity(shown, unit, counter=counter), language)


def percent_text(value: Fraction) -> str:
    """A signed percentage at the one precision every report uses: ``-0.33%``."""
    scale = 10**PERCENT_PLACES
    hundredths = round(Fraction(value) * scale)
    sign = "+" if hundredths > 0 else "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), scale)
    return f"{sign}{whole}.{part:0{PERCENT_PLACES}d}%"
