"""Quantities built by hand, as the grammar would parse them, for the rates tests."""

from __future__ import annotations

from fractions import Fraction

from factcheck.quantity import units
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity

EOK = 10**8
JO = 10**12
MAN = 10**4


def money(
    value: Fraction | int,
    code: str,
    qualifier: str = "exact",
    resolution: Fraction | int | None = None,
    text: str = "",
) -> Quantity:
    v = Fraction(value)
    r = None if resolution is None else Fraction(resolution)
    if qualifier == "approx":
        assert r is not None
        iv = Interval.closed(v - r / 2, v + r / 2)
    elif qualifier == "at_least":
        iv = Interval(v, None)
    elif qualifier == "more_than":
        iv = Interval(v, None, True, True)
    else:
        iv = Interval.point(v)
    return Quantity(iv, units.unit(code), value=v, qualifier=qualifier, text=text, resolution=r)


def approx_krw(value: int, resolution: int, text: str = "") -> Quantity:
    return money(value, "KRW", "approx", resolution, text)


def cny(value: int, text: str = "") -> Quantity:
    return money(value, "CNY", "exact", 1, text)


# The seed article's conversions: (claim id, yuan, 약 won, won resolution, the
# rate a reader would compute from the two printed numbers).
SEED = [
    ("c1000", 1000 * EOK, 16 * JO + 4780 * EOK, EOK, Fraction("164.78")),
    ("c100a", 100 * EOK, 1 * JO + 6519 * EOK, EOK, Fraction("165.19")),
    ("c500a", 500 * EOK, 8 * JO + 2595 * EOK, EOK, Fraction("165.19")),
    ("c500b", 500 * EOK, 8 * JO + 2420 * EOK, EOK, Fraction("164.84")),
    ("c1500", 1500 * EOK, 24 * JO + 7260 * EOK, EOK, Fraction("164.84")),
    ("c1jo", 1 * JO, 164 * JO + 8400 * EOK, EOK, Fraction("164.84")),
    ("c1000man", 1000 * MAN, 16 * EOK + 5040 * MAN, MAN, Fraction("165.04")),
    ("c1eok", 1 * EOK, 165 * EOK + 1200 * MAN, MAN, Fraction("165.12")),
    ("c100b", 100 * EOK, 1 * JO + 6484 * EOK, EOK, Fraction("164.84")),
    ("c30", 30 * EOK, 4950 * EOK + 9000 * 10**4, 1000 * MAN, Fraction("165.03")),
]
