"""Evaluation of expressions: exact intervals, facts used, and located errors."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.errors import ArithmeticDomainError, ExpressionError, QuantityError, UnitError
from factcheck.expr.decide import parse_tolerance
from factcheck.expr.evaluate import evaluate
from factcheck.expr.syntax import parse_expression
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity

FACTS = {
    "a": Quantity.of(Interval(Fraction(1), Fraction(2)), "CNY"),
    "b": Quantity.exact(3, "CNY"),
    "krw": Quantity.exact(1000, "KRW"),
    "zero": Quantity.exact(0),
    "wob": Quantity.of(Interval(Fraction(-1), Fraction(1)), "dimensionless"),
    "pos": Quantity.of(Interval(Fraction(0), Fraction(2), True, False), "dimensionless"),
    "shanghai.core_2020": Quantity.exact(10**11, "CNY"),
}


def run(text: str):
    return evaluate(parse_expression(text, FACTS), FACTS, text)


def test_sum_is_an_exact_interval():
    result = run("a + b + a")
    assert result.quantity.interval == Interval(Fraction(5), Fraction(7))
    assert result.quantity.unit_name == "CNY"
    assert result.facts == ("a", "b")


def test_functions():
    assert run("sum(a, b)").quantity.interval == Interval(Fraction(4), Fraction(5))
    assert run("min(a, b)").quantity.interval == Interval(Fraction(1), Fraction(2))
    assert run("max(a, b)").quantity.interval == Interval.point(3)
    assert run("abs(a - b)").quantity.interval == Interval(Fraction(1), Fraction(2))
    assert run("-a").quantity.interval == Interval(Fraction(-2), Fraction(-1))


def test_ratio_of_money_is_a_number():
    result = run("a / b")
    assert result.quantity.is_dimensionless
    assert result.quantity.interval == Interval(Fraction(1, 3), Fraction(2, 3))


def test_division_by_a_straddling_interval_is_unbounded():
    assert run("b / wob").quantity.interval == Interval.everything()


def test_division_by_an_interval_touching_zero_is_one_sided():
    interval = run("b / pos").quantity.interval
    assert interval.lo == Fraction(3, 2) and interval.hi is None


def test_division_by_exact_zero_is_located():
    with pytest.raises(ArithmeticDomainError) as info:
        run("b / (zero)")
    assert "division by exactly zero: '(zero)' at column 5 is 0" in str(info.value)
    assert info.value.column == 5


def test_unknown_fact_suggests_the_closest():
    with pytest.raises(ExpressionError) as info:
        run("b + shanghai.core2020")
    message = str(info.value)
    assert "unknown fact 'shanghai.core2020' at column 5" in message
    assert "did you mean 'shanghai.core_2020'?" in message
    assert info.value.column == 5


def test_unknown_fact_without_a_close_name():
    with pytest.raises(ExpressionError, match="define it under facts:"):
        run("qqqqqqq")


def test_unit_mismatch_names_both_sides():
    with pytest.raises(UnitError) as info:
        run("b - krw")
    message = str(info.value)
    assert "in 'b - krw' at column 1" in message
    assert "CNY" in message and "KRW" in message


def test_unit_mismatch_inside_a_function_is_located_innermost():
    with pytest.raises(UnitError) as info:
        run("b + max(a, krw)")
    assert "in 'max(a, krw)' at column 5" in str(info.value)
    assert info.value.column == 5


# -- tolerances ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "relative"),
    [("1%", Fraction(1, 100)), ("0.5 %", Fraction(1, 200)), ("2 percent", Fraction(1, 50))],
)
def test_percent_tolerance_is_relative(text, relative):
    tolerance = parse_tolerance(text)
    assert tolerance.relative == relative and tolerance.absolute is None


def test_amount_tolerance_is_absolute():
    tolerance = parse_tolerance("1억 위안")
    assert tolerance.relative is None
    assert tolerance.absolute is not None
    assert tolerance.absolute.interval == Interval.point(10**8)


def test_percentage_points_are_absolute():
    tolerance = parse_tolerance("0.1pp")
    assert tolerance.relative is None and tolerance.absolute is not None


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("-1%", "must be one non-negative amount"), ("abc", "cannot read the tolerance: 'abc'"),
     ("0.02", "'0.02' is a bare number"), ("1억", "'1억' has no unit")],
)
def test_bad_tolerance(text, fragment):
    with pytest.raises(QuantityError, match=fragment):
        parse_tolerance(text)
