"""Exact numbers in JSON details and readable numbers in messages."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.expr.display import format_interval, format_number
from factcheck.expr.jsonify import interval_json
from factcheck.quantity.decimals import exact_string
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity


@given(st.fractions())
def test_exact_string_reads_back_exactly(x):
    text = exact_string(x)
    assert Fraction(text) == x
    assert "e" not in text.lower()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(126, 1000), "0.126"),
        (160000000000, "160000000000"),
        (Fraction(-5, 4), "-1.25"),
        (Fraction(1, 3), "1/3"),
        (Fraction(-1, 20), "-0.05"),
        (0, "0"),
        (None, None),
    ],
)
def test_exact_string_examples(value, text):
    assert exact_string(value) == text


def test_interval_json_with_units():
    q = Quantity.of(Interval(Fraction(15 * 10**10), None, True), "CNY")
    assert interval_json(q.interval, q.unit) == {
        "low": "150000000000",
        "high": None,
        "low_open": True,
        "high_open": True,
        "unit": "CNY",
    }
    assert interval_json(Interval.point(1), "KRW/CNY")["unit"] == "KRW/CNY"
    assert "unit" not in interval_json(Interval.point(1))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (160000000000, "160,000,000,000"),
        (Fraction(1, 3), "~0.333333"),
        (Fraction(-1234567, 100), "-12,345.67"),
        (Fraction(2, 3) * 10**12, "~666,666,666,667"),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


def test_format_number_significant():
    assert format_number(Fraction(-196078, 100000), 3) == "~-1.96"
    assert format_number(Fraction(-25, 10), 3) == "-2.5"


def test_format_interval():
    assert format_interval(Interval(Fraction(10), None, True), "CNY") == "(10, +inf) CNY"
    assert format_interval(Interval.point(5), "dimensionless") == "5"
    assert format_interval(Interval(Fraction(1), Fraction(2)), "percent") == "[1, 2]%"
