"""Interval arithmetic is sound: a point result of points inside the operands lies inside."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.errors import ArithmeticDomainError
from factcheck.quantity.interval import Interval, Truth

# Endpoints come often from a few small integers, so that two intervals share an
# endpoint or touch (one's high end is the other's low end) in many examples: that is
# where open and closed ends decide a comparison.
small = st.one_of(st.sampled_from([-1, 0, 1, 2]).map(Fraction),
                  st.fractions(min_value=-50, max_value=50, max_denominator=8))


@st.composite
def intervals(draw: st.DrawFn, near: tuple[Fraction, ...] = ()) -> Interval:
    """Closed, open, half-open, unbounded and point intervals of rationals; endpoints are
    often taken from ``near`` (another interval's), so that the two share or touch."""
    ends = st.one_of(st.sampled_from(near), small) if near else small
    a, b = sorted((draw(ends), draw(ends)))
    lo = None if draw(st.integers(0, 5)) == 0 else a
    hi = None if draw(st.integers(0, 5)) == 0 else b
    lo_open = draw(st.booleans()) if lo is not None else True
    hi_open = draw(st.booleans()) if hi is not None else True
    if lo is not None and hi is not None and lo == hi:
        lo_open = hi_open = False
    return Interval(lo, hi, lo_open, hi_open)


@st.composite
def point_in(draw: st.DrawFn, iv: Interval) -> Fraction:
    """A rational inside ``iv`` (ends included only when closed)."""
    if iv.is_point:
        return iv.lo  # type: ignore[return-value]
    lo = iv.lo if iv.lo is not None else (iv.hi - 100 if iv.hi is not None else Fraction(-100))
    hi = iv.hi if iv.hi is not None else lo + 100
    t = draw(st.fractions(min_value=0, max_value=1, max_denominator=16))
    x = lo + (hi - lo) * t
    if x not in iv:
        x = (lo + hi) / 2
    assert x in iv
    return x


def _pair(draw: st.DrawFn) -> tuple[Interval, Interval, Fraction, Fraction]:
    a = draw(intervals())
    b = draw(intervals(tuple(e for e in (a.lo, a.hi) if e is not None)))
    if draw(st.booleans()):
        a, b = b, a
    return a, b, draw(point_in(a)), draw(point_in(b))


pairs = st.composite(lambda draw: _pair(draw))()

SETTINGS = settings(max_examples=150, deadline=None)


@SETTINGS
@given(pairs)
def test_add_sub_mul_are_sound(p: tuple[Interval, Interval, Fraction, Fraction]) -> None:
    a, b, x, y = p
    assert x + y in a + b
    assert x - y in a - b
    assert x * y in a * b


@SETTINGS
@given(pairs)
def test_division_is_sound(p: tuple[Interval, Interval, Fraction, Fraction]) -> None:
    a, b, x, y = p
    assume(y != 0)
    if b.is_point and b.lo == 0:
        with pytest.raises(ArithmeticDomainError):
            a / b
        return
    assert x / y in a / b


@SETTINGS
@given(pairs)
def test_min_max_abs_neg_are_sound(p: tuple[Interval, Interval, Fraction, Fraction]) -> None:
    a, b, x, y = p
    assert min(x, y) in a.minimum(b)
    assert max(x, y) in a.maximum(b)
    assert abs(x) in abs(a)
    assert -x in -a


@SETTINGS
@given(pairs)
def test_hull_and_intersection(p: tuple[Interval, Interval, Fraction, Fraction]) -> None:
    a, b, x, y = p
    h = a.hull(b)
    assert x in h and y in h
    common = a.intersection(b)
    if x in b:
        assert common is not None and x in common
    if common is not None:
        assert a.contains_interval(common) and b.contains_interval(common)


@SETTINGS
@given(pairs)
def test_comparisons_are_sound(p: tuple[Interval, Interval, Fraction, Fraction]) -> None:
    """TRUE: every pair satisfies the relation; FALSE: no pair does."""
    a, b, x, y = p
    for op, holds in ((a.lt, x < y), (a.le, x <= y), (a.gt, x > y), (a.ge, x >= y)):
        answer = op(b)
        if answer is Truth.TRUE:
            assert holds
        elif answer is Truth.FALSE:
            assert not holds


@SETTINGS
@given(pairs)
def test_within_is_sound(p: tuple[Interval, Interval, Fraction, Fraction]) -> None:
    a, b, x, _ = p
    answer = a.within(b)
    if answer is Truth.TRUE:
        assert x in b
    elif answer is Truth.FALSE:
        assert x not in b


def test_points_compare_decidedly() -> None:
    one, two = Interval.point(1), Interval.point(2)
    assert one.lt(two) is Truth.TRUE
    assert two.lt(one) is Truth.FALSE
    assert one.le(one) is Truth.TRUE
    assert one.lt(one) is Truth.FALSE


def test_overlap_is_unknown() -> None:
    assert Interval.closed(0, 2).lt(Interval.closed(1, 3)) is Truth.UNKNOWN


def test_open_end_decides_strict_comparison() -> None:
    assert Interval(0, 1, False, True).lt(Interval.closed(1, 2)) is Truth.TRUE
    assert Interval.closed(0, 1).lt(Interval.closed(1, 2)) is Truth.UNKNOWN


def test_division_by_exact_zero() -> None:
    with pytest.raises(ArithmeticDomainError, match="division by exactly zero"):
        Interval.point(1) / Interval.point(0)


def test_empty_interval_is_refused() -> None:
    with pytest.raises(ValueError, match="empty interval"):
        Interval(2, 1)
    with pytest.raises(ValueError, match="empty interval"):
        Interval(1, 1, True, False)


def test_ratio_of_korean_amounts_is_exact() -> None:
    from factcheck.quantity.grammar import parse_quantity

    q = parse_quantity("16조4천780억") / parse_quantity("1000억")
    assert q.interval == Interval.point(Fraction("164.78"))


def test_the_strategy_draws_shared_and_touching_endpoints_often() -> None:
    # A test of the strategy itself: the laws above are only checked where it goes.
    seen: list[tuple[Interval, Interval]] = []

    @settings(max_examples=300, deadline=None, database=None)
    @given(pairs)
    def draw(p: tuple[Interval, Interval, Fraction, Fraction]) -> None:
        seen.append((p[0], p[1]))

    draw()

    def share(x: Fraction | None, y: Fraction | None) -> bool:
        return x is not None and x == y

    touching = [(a, b) for a, b in seen
                if (share(a.hi, b.lo) or share(b.hi, a.lo)) and not a.is_point]
    shared = [(a, b) for a, b in seen if share(a.lo, b.lo) or share(a.hi, b.hi)]
    mixed = [(a, b) for a, b in touching if a.hi_open != b.lo_open or b.hi_open != a.lo_open]
    assert len(touching) >= len(seen) // 10, (len(touching), len(seen))
    assert len(shared) >= len(seen) // 10, (len(shared), len(seen))
    assert mixed, "no touching pair with one end open and the other closed"


@pytest.mark.parametrize(("a", "b"), [
    (Interval(Fraction(1), Fraction(2), True, False), Interval.closed(0, 1)),
    (Interval.closed(1, 2), Interval(Fraction(0), Fraction(1), False, True)),
])
def test_le_is_false_when_the_ends_touch_and_one_is_open(a: Interval, b: Interval) -> None:
    # Every value of a is above every value of b: a <= b is false, not merely unknown.
    assert a.le(b) is Truth.FALSE
    assert b.ge(a) is Truth.FALSE


def test_within_respects_an_open_lower_end() -> None:
    target = Interval(Fraction(0), Fraction(1), True, False)  # (0, 1]
    assert Interval.closed(0, 1).within(target) is Truth.UNKNOWN  # 0 is outside
    assert Interval.point(0).within(target) is Truth.FALSE
    assert Interval(Fraction(0), Fraction(1), True, False).within(target) is Truth.TRUE
    assert Interval.closed(Fraction(1, 2), 1).within(target) is Truth.TRUE
