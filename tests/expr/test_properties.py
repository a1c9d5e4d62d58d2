"""Hypothesis properties of the expression language: robustness, scaling, soundness."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from factcheck.errors import ArithmeticDomainError, FactcheckError
from factcheck.expr.decide import Tolerance, decide
from factcheck.expr.evaluate import evaluate
from factcheck.expr.nodes import Call, Chain, Name, Negate
from factcheck.expr.syntax import parse_comparison, parse_expression
from factcheck.kinds import compare
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity

from .support import context

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- robustness: any text gives a verdict or one of our errors ----------------------
_CTX = context(
    {
        "a": {"interval": "[1, 2]", "unit": "CNY", "tags": {"scope": "core"}},
        "b": {"interval": "(3, inf)", "unit": "CNY", "tags": {"scope": "related"}},
        "c": {"interval": "5", "unit": "CNY"},
        "zero": {"interval": "0"},
        "wob": {"interval": "[-1, 1]"},
        "krw": {"interval": "1000", "unit": "KRW"},
        "pct": {"interval": "12.6", "unit": "percent"},
        "shanghai.core_2020": {"interval": "100000000000", "unit": "CNY"},
    }
)
_TOKENS = [
    "a",
    "b",
    "c",
    "zero",
    "wob",
    "krw",
    "pct",
    "shanghai.core_2020",
    "shanghai",
    "core_2020",
    "+",
    "-",
    "−",
    "*",
    "/",
    "×",
    "÷",
    "(",
    ")",
    ",",
    "sum(",
    "min(",
    "max(",
    "abs(",
    "open(",
    "<",
    "<=",
    ">",
    ">=",
    "==",
    "!=",
    "≈",
    "~=",
    "≤",
    "≥",
    "≠",
    "=",
    "**",
    "^",
    ".",
    "__class__",
    "__import__(",
    "'",
    '"',
    "1",
    "0",
    "2.5",
    "1600억 위안",
    "50%",
    "1/2",
    "1T yuan",
    "RMB 100 billion",
    "164.84 KRW/CNY",
    "超过1500亿元",
    "1e999999 위안",
    "약",
    " ",
    "\t",
    "\n",
]
_token_text = st.lists(st.sampled_from(_TOKENS), max_size=25).map(" ".join)
_raw_text = st.text(max_size=60)
_TOLERANCES = st.none() | st.sampled_from(["1%", "0.5%", "1억 위안", "2 CNY", "nonsense", "-1%"])


@FAST
@given(text=_token_text | _raw_text, tolerance=_TOLERANCES)
def test_any_expression_gives_a_verdict_or_our_error(text, tolerance):
    claim = compare.Claim(id="x", quote="q", kind="compare", expr=text or " ", tolerance=tolerance)
    try:
        outcome = compare.evaluate(claim, _CTX)
    except FactcheckError as exc:
        assert str(exc)  # every error has a message
        return
    assert outcome.verdict in {"holds", "contradicted", "undetermined"}
    assert outcome.message


# -- a grammar of valid expressions over chosen facts --------------------------------
def _terms(money: list[str], plain: list[str]):
    """Text of amounts that are homogeneous of degree 1 in the money facts."""
    base = st.sampled_from(money)
    scaled = st.tuples(base, st.sampled_from(plain)).map(lambda t: f"{t[0]} * {t[1]}")
    ratio = st.tuples(base, base, base).map(lambda t: f"{t[0]} / {t[1]} * {t[2]}")
    leaf = base | scaled | ratio

    def grow(inner):
        pair = st.tuples(inner, inner)
        return (
            pair.map(lambda t: f"({t[0]} + {t[1]})")
            | pair.map(lambda t: f"({t[0]} - {t[1]})")
            | inner.map(lambda t: f"-{t}")
            | st.lists(inner, min_size=1, max_size=3).map(lambda xs: f"sum({', '.join(xs)})")
            | st.lists(inner, min_size=1, max_size=3).map(lambda xs: f"min({', '.join(xs)})")
            | st.lists(inner, min_size=1, max_size=3).map(lambda xs: f"max({', '.join(xs)})")
            | inner.map(lambda t: f"abs({t})")
        )

    return st.recursive(leaf, grow, max_leaves=6)


_bounds = st.fractions(min_value=-1000, max_value=1000, max_denominator=100)


@st.composite
def _intervals(draw, positive: bool = False):
    lo = draw(
        st.fractions(min_value=Fraction(1, 10), max_value=1000, max_denominator=100)
        if positive
        else _bounds
    )
    width = draw(st.fractions(min_value=0, max_value=50, max_denominator=10))
    hi = lo + width
    shape = draw(st.sampled_from(["closed", "open", "lower", "upper"]))
    if width == 0 or shape == "closed":
        return Interval(lo, hi)
    if shape == "open":
        return Interval(lo, hi, True, draw(st.booleans()))
    if shape == "lower":
        return Interval(lo, None, draw(st.booleans()), True)
    if positive:
        return Interval(lo, hi)
    return Interval(None, hi, True, draw(st.booleans()))


_MONEY = ["m1", "m2", "m3"]
_PLAIN = ["d1", "d2"]


@FAST
@given(
    money=st.lists(_intervals(), min_size=3, max_size=3),
    plain=st.lists(_intervals(positive=True), min_size=2, max_size=2),
    left=_terms(_MONEY, _PLAIN),
    right=_terms(_MONEY, _PLAIN),
    op=st.sampled_from(["<", "<=", ">", ">=", "==", "!=", "≈"]),
    tolerance=st.none() | st.fractions(min_value=0, max_value=Fraction(1, 5), max_denominator=1000),
    factor=st.fractions(min_value=Fraction(1, 1000), max_value=10**6, max_denominator=1000),
    unit=st.sampled_from(["CNY", "KRW", "USD"]),
)
def test_scaling_every_amount_keeps_the_verdict(
    money, plain, left, right, op, tolerance, factor, unit
):
    text = f"{left} {op} {right}"
    tree = parse_comparison(text, _MONEY + _PLAIN)
    tol = None if tolerance is None else Tolerance("t", relative=tolerance)
    facts = {n: Quantity.of(i, "CNY") for n, i in zip(_MONEY, money, strict=True)}
    facts.update({n: Quantity.of(i, "dimensionless") for n, i in zip(_PLAIN, plain, strict=True)})
    scaled = {n: Quantity.of(i.scale(factor), unit) for n, i in zip(_MONEY, money, strict=True)}
    scaled.update({n: facts[n] for n in _PLAIN})
    outcomes = []
    for table in (facts, scaled):
        try:
            outcomes.append(decide(tree, table, text, tol).truth)
        except ArithmeticDomainError:
            outcomes.append("division by zero")
    assert outcomes[0] == outcomes[1]


# -- soundness: point evaluation lands inside the evaluated interval -----------------
_NUM_NAMES = ["p", "q", "r", "s"]


def _numeric(depth_leaves: int = 8):
    leaf = st.sampled_from(_NUM_NAMES)

    def grow(inner):
        pair = st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner)
        args = st.lists(inner, min_size=1, max_size=3).map(", ".join)
        return (
            pair.map(lambda t: f"({t[0]} {t[1]} {t[2]})")
            | inner.map(lambda t: f"-{t}")
            | st.tuples(st.sampled_from(["sum", "min", "max"]), args).map(
                lambda t: f"{t[0]}({t[1]})"
            )
            | inner.map(lambda t: f"abs({t})")
        )

    return st.recursive(leaf, grow, max_leaves=depth_leaves)


def _reference(node, values: dict[str, Fraction]) -> Fraction:
    """Plain Fraction arithmetic over the AST: the oracle the intervals must contain."""
    if isinstance(node, Name):
        return values[node.name]
    if isinstance(node, Negate):
        return -_reference(node.operand, values)
    if isinstance(node, Chain):
        acc = _reference(node.first, values)
        for op, operand in node.rest:
            x = _reference(operand, values)
            acc = {"+": acc + x, "-": acc - x, "*": acc * x}[op] if op != "/" else acc / x
        return acc
    if isinstance(node, Call):
        xs = [_reference(a, values) for a in node.args]
        return {"sum": sum, "min": min, "max": max, "abs": lambda v: abs(v[0])}[node.function](xs)
    raise AssertionError(f"unexpected node {node!r}")


@FAST
@given(
    text=_numeric(),
    intervals=st.lists(
        st.tuples(_bounds, st.fractions(min_value=0, max_value=20, max_denominator=10)),
        min_size=4,
        max_size=4,
    ),
    positions=st.lists(
        st.fractions(min_value=0, max_value=1, max_denominator=50), min_size=4, max_size=4
    ),
)
def test_evaluation_contains_every_point_result(text, intervals, positions):
    tree = parse_expression(text, _NUM_NAMES)
    facts = {
        n: Quantity.of(Interval(lo, lo + w), "dimensionless")
        for n, (lo, w) in zip(_NUM_NAMES, intervals, strict=True)
    }
    points = {n: lo + w * t for n, (lo, w), t in zip(_NUM_NAMES, intervals, positions, strict=True)}
    try:
        result = evaluate(tree, facts, text).quantity.interval
    except ArithmeticDomainError:
        # Only a divisor that is exactly zero is refused; the points then divide by zero too.
        with pytest.raises(ZeroDivisionError):
            _reference(tree, points)
        return
    try:
        expected = _reference(tree, points)
    except ZeroDivisionError:
        assume(False)
    assert expected in result, (text, points, result)
