"""Exact rationals written as text that Fraction reads back: ``164.7795`` or ``2000/3``."""

from __future__ import annotations

from typing import overload

from factcheck.quantity.rational import Fraction


def decimal_places(denominator: int) -> int | None:
    """How many decimals 1/denominator needs, or None when they never end."""
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return None
    return max(twos, fives)


@overload
def exact_string(x: Fraction | int) -> str: ...


@overload
def exact_string(x: None) -> None: ...


def exact_string(x: Fraction | int | None) -> str | None:
    """A terminating decimal exactly (``164.7795``), else a ratio (``2000/3``); None (an
    unbounded end) stays None. The one way exact numbers are written in reports and JSON:
    ``fractions.Fraction`` reads each back exactly."""
    if x is None:
        return None
    x = x if x.__class__ is Fraction else Fraction(x)  # no copy: hot at archive scale
    places = decimal_places(x.denominator)
    if places is None:
        return f"{x.numerator}/{x.denominator}"
    if places == 0:
        return str(x.numerator)
    scaled = abs(x.numerator) * 10**places // x.denominator
    whole, frac = divmod(scaled, 10**places)
    sign = "-" if x < 0 else ""
    return f"{sign}{whole}.{frac:0{places}d}"
