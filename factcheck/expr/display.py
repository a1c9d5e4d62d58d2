"""Readable numbers and intervals for messages (JSON uses ``jsonify`` instead)."""

from __future__ import annotations

from typing import Any

from factcheck.expr.jsonify import unit_json
from factcheck.quantity.decimals import exact_string
from factcheck.quantity.rational import Fraction
from factcheck.quantity.registry import REGISTRY

_SIGNIFICANT = 6


def format_number(x: Fraction | int, significant: int | None = None) -> str:
    """Digits grouped by thousands; inexact or long values rounded and marked ``~``.

    Without ``significant`` every exact decimal of up to 22 digits is shown whole.
    """
    x = x if x.__class__ is Fraction else Fraction(x)  # no copy: hot at archive scale
    exact = exact_string(x)
    if exact is not None and "/" not in exact:
        digits = exact.lstrip("-").replace(".", "").strip("0")
        if len(digits) <= (22 if significant is None else significant):
            return _group(exact)
    return "~" + _group(_rounded(x, significant or _SIGNIFICANT))


def _group(decimal: str) -> str:
    sign = "-" if decimal.startswith("-") else ""
    whole, _, frac = decimal.lstrip("-").partition(".")
    grouped = f"{int(whole):,}"
    return f"{sign}{grouped}.{frac}" if frac else f"{sign}{grouped}"


def _rounded(x: Fraction, significant: int = _SIGNIFICANT) -> str:
    """``x`` to ``significant`` digits, as a plain decimal string."""
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    x = abs(x)
    exponent = len(str(x.numerator)) - len(str(x.denominator))
    if Fraction(10) ** exponent > x:
        exponent -= 1
    places = max(significant - 1 - exponent, 0)
    scaled = round(x * 10**places)
    if places == 0:
        return f"{sign}{scaled}"
    whole, frac = divmod(scaled, 10**places)
    text = f"{whole}.{frac:0{places}d}".rstrip("0").rstrip(".")
    return sign + text


def format_interval(interval: Any, unit: Any = None) -> str:
    """``1,600 CNY`` for a point, else ``[1,500, +inf) CNY``-style brackets."""
    try:
        return _format_interval(interval, unit)
    except TypeError:  # an unhashable unit: format it without the cache
        return _format_interval.__wrapped__(interval, unit)


# The same facts and amounts recur in claim after claim of an archive; intervals
# and units are immutable, so each is formatted once.
@REGISTRY.cached(8192)
def _format_interval(interval: Any, unit: Any) -> str:
    suffix = ""
    if unit is not None:
        name = unit_json(unit)
        if name == "percent":
            suffix = "%"
        elif name != "dimensionless":
            suffix = f" {name}"
    if interval.is_point:
        return f"{format_number(interval.lo)}{suffix}"
    left = "(" if interval.lo_open else "["
    right = ")" if interval.hi_open else "]"
    lo = "-inf" if interval.lo is None else format_number(interval.lo)
    hi = "+inf" if interval.hi is None else format_number(interval.hi)
    return f"{left}{lo}, {hi}{right}{suffix}"
