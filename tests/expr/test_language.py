"""The claim language's v2 constructs: in CUR [at DATE], stated(), rounds to, and/or, unknown."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.model import Fact
from factcheck.errors import ExpressionError, UnitError
from factcheck.expr.decide import decide
from factcheck.expr.evaluate import UnknownValue, evaluate, rounding_interval, stated_value
from factcheck.expr.logic import combine, kleene_and, kleene_or
from factcheck.expr.nodes import Comparison, Convert, Logic, Stated
from factcheck.expr.syntax import parse_expression, parse_statement
from factcheck.kinds import compare
from factcheck.kinds.base import UnknownFact
from factcheck.quantity.grammar import parse_quantity
from factcheck.quantity.interval import Interval, Truth
from factcheck.quantity.quantity import Quantity
from factcheck.rates.reference import PerEuroTable, RateProvider

from .support import context, quantities

NAMES = {"a", "b", "c", "gmv", "x.unknown"}
DAY = dt.date(2017, 11, 23)
CODES = ("CNY", "KRW", "USD", "JPY")


def provider(per_euro: dict[str, str], day: dt.date = DAY) -> RateProvider:
    row = ",".join([day.isoformat(), *per_euro.values()])
    return RateProvider(PerEuroTable(["", *per_euro], {day.isoformat(): row}), "test rates")


SEED_RATES = provider({"CNY": "7.7881", "KRW": "1284.55", "USD": "1.1847", "JPY": "131.8"})


def rates(from_code, to_code, day):
    return SEED_RATES.rate(from_code, to_code, day or DAY)


# -- syntax: precedence and refusals ----------------------------------------------


def test_in_binds_looser_than_arithmetic_and_tighter_than_comparison():
    tree = parse_statement("a + b in KRW >= c", NAMES)
    assert isinstance(tree, Comparison) and tree.op == ">="
    assert isinstance(tree.left, Convert) and tree.left.currency == "KRW"
    assert tree.left.day is None
    assert (tree.left.operand.start, tree.left.operand.end) == (0, 5)


def test_in_at_a_day_and_chained_conversions():
    tree = parse_expression("a in KRW at 2017-11-20 in USD", NAMES)
    assert isinstance(tree, Convert) and tree.currency == "USD" and tree.day is None
    inner = tree.operand
    assert isinstance(inner, Convert) and inner.day == dt.date(2017, 11, 20)


def test_a_quantity_before_in_is_not_read_as_inches():
    tree = parse_expression("1000억 위안 in KRW", NAMES)
    assert isinstance(tree, Convert)
    assert tree.operand.quantity.unit_name == "CNY"  # type: ignore[union-attr]


def test_and_binds_tighter_than_or_and_parentheses_group():
    tree = parse_statement("a > b or b > c and c > a", NAMES)
    assert isinstance(tree, Logic) and tree.op == "or"
    assert isinstance(tree.parts[1], Logic) and tree.parts[1].op == "and"
    grouped = parse_statement("(a > b or b > c) and (a + b) * 2 > c", NAMES)
    assert isinstance(grouped, Logic) and grouped.op == "and"
    assert isinstance(grouped.parts[0], Logic) and grouped.parts[0].op == "or"
    assert isinstance(grouped.parts[1], Comparison)


def test_stated_and_rounds_to_parse():
    tree = parse_statement("stated(a) / stated(超过1万亿元) == 50%", NAMES)
    assert isinstance(tree, Comparison)
    assert [type(n).__name__ for n in (tree.left.first, tree.left.rest[0][1])] == [  # type: ignore[union-attr]
        "Stated", "Stated"]
    rounds = parse_statement("1414억7500만 위안 rounds to gmv", NAMES)
    assert isinstance(rounds, Comparison) and rounds.op == "rounds to"


@pytest.mark.parametrize(
    ("text", "fragment", "column"),
    [
        ("a in krw > b", "'krw' after 'in' is not a currency code", 6),
        ("a in XYZ > b", "'XYZ' after 'in' is not a currency code", 6),
        ("a in KRW at 2017-13-01 > b", "'2017-13-01' after 'at' is not a day", 13),
        ("a in KRW at soon > b", "'soon' after 'at' is not a date", 13),
        ("stated(a + b) > c", "stated() takes one fact name or one written quantity", 8),
        ("stated() > c", "stated() takes one fact name or one written quantity", 8),
        ("a > b and", "nothing after 'and'", 10),
        ("a > b > c", "a second comparison '>'", 7),
        ("a > b or", "nothing after 'or'", 9),
    ],
)
def test_refused(text, fragment, column):
    with pytest.raises(ExpressionError) as info:
        parse_statement(text, NAMES)
    assert fragment in str(info.value)
    assert info.value.column == column


# -- evaluation ---------------------------------------------------------------------

CTX = context({
    "a": {"value": "超过1000亿元"},
    "b": {"value": "超过1万亿元"},
    "c": {"value": "超过5000亿元"},
    "gmv": {"value": "141.5 billion yuan"},
    "pct": {"value": "12.6%"},
})
Q = quantities(CTX)


def test_in_converts_exactly_at_the_reference_rate_and_records_it():
    result = evaluate(parse_expression("1000억 위안 in KRW", NAMES), Q, rates=rates)
    rate = Fraction("1284.55") / Fraction("7.7881")
    assert result.quantity.interval == Interval.point(10**11 * rate)
    assert result.quantity.unit_name == "KRW"
    assert [(r.from_code, r.to_code, r.date_used, r.rate) for r in result.conversions] == [
        ("CNY", "KRW", DAY, rate)]


def test_in_the_same_currency_changes_nothing():
    result = evaluate(parse_expression("a in CNY", NAMES), Q, rates=rates)
    assert result.quantity == Q["a"] and result.conversions == ()


@pytest.mark.parametrize("text", ["pct in KRW", "50% in KRW", "1000억 in KRW"])
def test_in_refuses_what_is_not_money_with_its_column(text):
    with pytest.raises(UnitError, match="not money") as info:
        evaluate(parse_expression(text, NAMES | {"pct"}), Q, text, rates=rates)
    assert info.value.column == 1


def test_stated_drops_the_qualifier_exactly():
    result = evaluate(parse_expression("stated(c) / stated(b)", NAMES), Q)
    assert result.quantity.interval == Interval.point(Fraction(1, 2))


@pytest.mark.parametrize(("text", "what"), [("stated(5~10년)", "a range"),
                                            ("1 + stated(수십억 원)", "a vague amount")])
def test_stated_refuses_what_has_no_single_number(text, what):
    with pytest.raises(ExpressionError, match=f"stated\\(\\) needs one written number, but "
                                              f"'.*' is {what}") as info:
        evaluate(parse_expression(text, NAMES), Q, text)
    assert info.value.column == text.index("stated(") + 8


def test_rounds_to_widens_a_fact_to_its_written_precision():
    tree = parse_statement("1414억7500만 위안 rounds to gmv", NAMES)
    assert isinstance(tree, Comparison)
    decision = decide(tree, Q, "")
    assert decision.truth is Truth.TRUE
    assert decision.target == Interval.closed(141_450_000_000, 141_550_000_000)
    # == compares with the fact as the exact point it is, so it does not hold.
    equal = parse_statement("1414억7500만 위안 == gmv", NAMES)
    assert isinstance(equal, Comparison)
    assert decide(equal, Q, "").truth is Truth.FALSE


def test_rounds_to_needs_a_written_right_side():
    tree = parse_statement("a rounds to b + c", NAMES)
    assert isinstance(tree, Comparison)
    with pytest.raises(ExpressionError, match="'rounds to' needs a fact name or a written"):
        decide(tree, Q, "a rounds to b + c")


def _unknown_context():
    ctx = context({"a": {"value": "超过1000亿元"}})
    ctx.unknown = {"x.unknown": UnknownFact("x.unknown", Fact(value="unknown", source="src"),
                                            "facts.yaml", 3)}
    return ctx


def test_an_unknown_fact_makes_a_claim_undetermined_and_is_named():
    ctx = _unknown_context()
    with pytest.raises(UnknownValue):
        evaluate(parse_expression("x.unknown + a", NAMES), quantities(ctx), unknown=ctx.unknown)
    claim = compare.Claim(id="x", quote="q", kind="compare", expr="x.unknown >= 100여개 이상")
    outcome = compare.evaluate(claim, ctx)
    assert outcome.verdict == "undetermined"
    assert "rests on x.unknown, whose value no source gives" in outcome.message
    assert outcome.details["unknown"] == "x.unknown"
    assert (outcome.reading.said, outcome.reading.data_says) == (
        "100여개 이상", "unknown: no source gives x.unknown")


@pytest.mark.parametrize(
    ("expr", "verdict", "decided_by"),
    [
        ("a > 1 위안 and x.unknown > 1 위안", "undetermined", ["x.unknown > 1 위안"]),
        ("a < 1 위안 and x.unknown > 1 위안", "contradicted", ["a < 1 위안"]),
        ("x.unknown > 1 위안 or a > 1 위안", "holds", ["a > 1 위안"]),
        ("a < 1 위안 or a < 2 위안", "contradicted", ["a < 1 위안", "a < 2 위안"]),
        ("a > 1 위안 and a > 2 위안", "holds", ["a > 1 위안", "a > 2 위안"]),
    ],
)
def test_and_or_name_the_deciding_part(expr, verdict, decided_by):
    claim = compare.Claim(id="x", quote="q", kind="compare", expr=expr)
    outcome = compare.evaluate(claim, _unknown_context())
    assert outcome.verdict == verdict
    assert outcome.details["decided_by"] == decided_by
    assert f"decided by {', '.join(repr(d) for d in decided_by)}" in outcome.message
    # A report underlines what the deciding part states.
    assert outcome.reading.said == decided_by[0].split(" ", 2)[2]


# -- laws ---------------------------------------------------------------------------

TRUTHS = st.sampled_from(list(Truth))
_ORDER = {Truth.FALSE: 0, Truth.UNKNOWN: 1, Truth.TRUE: 2}


def test_kleene_tables():
    T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN
    assert [kleene_and(x, y) for x in (T, F, U) for y in (T, F, U)] == [T, F, U, F, F, F, U, F, U]
    assert [kleene_or(x, y) for x in (T, F, U) for y in (T, F, U)] == [T, T, T, T, F, U, T, U, U]


@settings(max_examples=200, deadline=None)
@given(st.lists(TRUTHS, min_size=2, max_size=6), st.sampled_from(["and", "or"]))
def test_joined_statements_follow_kleene(truths, op):
    """A statement of n parts is the min (and) or max (or) of its parts in F < U < T."""
    parts = tuple(Comparison(Stated(None, i, i), "<", None, i, i, i)  # type: ignore[arg-type]
                  for i in range(len(truths)))
    tree = Logic(op, parts, 0, len(truths))
    truth, deciders = combine(tree, lambda c: (truths[c.start], c.start))
    pick = min if op == "and" else max
    assert truth is pick(truths, key=_ORDER.__getitem__)
    assert all(t is truth for _, t, _ in deciders)


DECIMALS = st.decimals(min_value=Fraction(1, 10**4), max_value=10**4, places=4,
                       allow_nan=False, allow_infinity=False)


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries({c: DECIMALS for c in CODES}),
       st.sampled_from(CODES), st.sampled_from((*CODES, "EUR")), st.sampled_from(CODES),
       st.integers(min_value=-10**6, max_value=10**6))
def test_converting_through_a_currency_equals_converting_directly(per_euro, src, via, dst,
                                                                   amount):
    table = provider({c: str(v) for c, v in per_euro.items()})

    def day_rates(f, t, day):
        return table.rate(f, t, day or DAY)

    q = {"x": Quantity.exact(amount, src)}
    two = evaluate(parse_expression(f"x in {via} in {dst}", {"x"}), q, rates=day_rates)
    one = evaluate(parse_expression(f"x in {dst}", {"x"}), q, rates=day_rates)
    assert two.quantity.interval == one.quantity.interval
    assert two.quantity.unit == one.quantity.unit


QUANTITY_TEXTS = st.builds(
    lambda form, number: form.format(n=number),
    st.sampled_from(["{n}억 위안", "약 {n}억 위안", "超过{n}亿元", "将近{n}亿元", "{n}개 이상",
                     "{n}여개", "{n}% 미만", "최대 {n}만 원", "{n}亿元以上"]),
    st.sampled_from(["0", "1", "100", "1000", "1.5", "17000", "26", "3.25"]),
)


@settings(max_examples=200, deadline=None)
@given(QUANTITY_TEXTS)
def test_stated_lies_in_the_closure_of_its_qualifiers_interval(text):
    q = parse_quantity(text)  # ranges and vague amounts: stated() refuses them (above)
    v = stated_value(q).interval
    assert v.is_point and v.lo is not None
    interval = q.interval
    assert interval.lo is None or interval.lo <= v.lo
    assert interval.hi is None or v.lo <= interval.hi


ENDS = st.fractions(min_value=-50, max_value=50, max_denominator=8)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["12", "12.5", "-3", "0", "0.25", "100"]), ENDS, ENDS,
       st.sampled_from([0, 1, 2, 3]))
def test_rounds_to_agrees_with_containment(written, x, y, edge):
    b = parse_quantity(written)
    assert b.value is not None and b.resolution
    half = abs(b.resolution) / 2
    low, high = b.value - half, b.value + half
    # Reach the edges: one end of A on an end of B's rounding interval.
    x = [x, low, high, b.value][edge]
    lo, hi = min(x, y), max(x, y)
    q = {"a": Quantity.of(Interval.closed(lo, hi), "dimensionless")}
    tree = parse_statement(f"a rounds to {written}", {"a"})
    assert isinstance(tree, Comparison)
    truth = decide(tree, q, "").truth
    if low <= lo and hi <= high:
        assert truth is Truth.TRUE
    elif hi < low or lo > high:
        assert truth is Truth.FALSE
    else:
        assert truth is Truth.UNKNOWN
    assert rounding_interval(b) == Interval.closed(low, high)


def test_in_uses_the_articles_rates_file_and_locates_a_missing_rate(tmp_path):
    from factcheck.errors import RateError
    from factcheck.rates.ratesfile import load_rates_file

    path = tmp_path / "bank.csv"
    path.write_text("Date,From,To,Rate\n2017-11-23,CNY,KRW,164.84\n", encoding="utf-8")
    ctx = context({"x": {"value": "100억 위안"}})
    ctx.rates = load_rates_file(str(path), "bank.csv")
    claim = compare.Claim(id="c", quote="q", kind="compare", expr="x in KRW == 1조6천484억 원")
    outcome = compare.evaluate(claim, ctx)
    assert outcome.verdict == "holds"
    assert "converted CNY->KRW at 164.84 KRW/CNY (bank.csv, 2017-11-23)" in outcome.message
    assert outcome.reading.sources[-1] == ("bank.csv", "bank.csv", "")
    late = compare.Claim(id="c", quote="q", kind="compare", expr="1 + (x in USD) > 1 USD")
    with pytest.raises(RateError, match="unknown currency 'USD' for bank.csv") as info:
        compare.evaluate(late, ctx)
    assert info.value.column == 5  # the conversion, its parentheses included
