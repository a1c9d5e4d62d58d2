"""Exact strings and rounded display numbers for rates and percentages."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantity.decimals import exact_string
from factcheck.rates.numbers import display, fixed, percent, places, significant


@pytest.mark.parametrize(
    ("x", "text"),
    [(Fraction("164.7795"), "164.7795"), (Fraction(2000, 3), "2000/3"), (Fraction(0), "0"),
     (Fraction(-1, 8), "-0.125"), (Fraction(10**20), "100000000000000000000"),
     (Fraction(1, 10**30), "0." + "0" * 29 + "1")],
)
def test_exact_string(x: Fraction, text: str) -> None:
    assert exact_string(x) == text


@given(st.fractions())
def test_exact_str_round_trips(x: Fraction) -> None:
    assert Fraction(exact_string(x)) == x


def test_rounding_is_half_even_and_exact() -> None:
    assert significant(Fraction("164.78050")) == 164.78
    assert significant(Fraction("164.78150")) == 164.782
    assert significant(Fraction(12930900, 78239), 10) == 165.2743517
    assert places(Fraction("0.0005")) == 0.0
    assert places(Fraction("-0.0004")) == 0.0  # never -0.0 in JSON
    assert places(Fraction("0.0015")) == 0.002
    assert fixed(Fraction(-1, 3), 6) == "-0.333333"
    assert display(Fraction("164.7795"), 8) == "164.7795"
    assert display(Fraction(200)) == "200"
    assert percent(Fraction(1, 100)) == "1%"
    assert percent(Fraction(-96, 100000)) == "-0.096%"
