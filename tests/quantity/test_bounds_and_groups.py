"""Forms read as one quantity: two bounds, a rounded bound, spaced digit groups, dollars
and cents, millions of a currency code; and the forms refused rather than misread."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import QuantityError
from factcheck.quantity.grammar import extract_quantities, parse_quantity
from factcheck.quantity.interval import Interval

FAST = settings(max_examples=200, deadline=None)

# (template, lower end open, upper end open); {0} is the lower bound, {1} the upper
BOUNDS = [
    ("大于{0}小于{1}", True, True),
    ("大於{0}且小於{1}", True, True),
    ("{0}以上{1}以下", False, False),
    ("超过{0}不到{1}", True, True),
    ("more than {0} but less than {1}", True, True),
    ("at least {0} and at most {1}", False, False),
    ("{0}보다 크고 {1}보다 작다", True, True),
    ("{0} 이상 {1} 미만", False, True),
]
ends = st.integers(min_value=-10**6, max_value=10**6)


@FAST
@given(st.sampled_from(BOUNDS), ends, ends)
def test_two_bounds_are_one_interval(form: tuple[str, bool, bool], a: int, b: int) -> None:
    """Sound and exact: the interval is (lo, hi) with the written openness, nothing else;
    equal or crossed bounds (shared endpoints included) are refused."""
    template, lo_open, hi_open = form
    text = template.format(a, b)
    if a >= b:
        with pytest.raises(QuantityError, match="not below the upper"):
            parse_quantity(text)
        return
    q = parse_quantity(text)
    assert q.qualifier == "range" and q.value == a
    assert q.interval == Interval(Fraction(a), Fraction(b), lo_open, hi_open)
    assert Fraction(a + b, 2) in q.interval
    assert (Fraction(a) in q.interval) is not lo_open
    assert (Fraction(b) in q.interval) is not hi_open
    assert Fraction(b + 1) not in q.interval and Fraction(a - 1) not in q.interval


@pytest.mark.parametrize("text", ["大于10小于20亿", "more than 10 but less than 20 million"])
def test_bounds_of_different_scales_are_not_joined(text: str) -> None:
    """Is 10 meant as 10亿? Not guessed: the two bounds stay two quantities."""
    assert [e.quantity.qualifier for e in extract_quantities(text)] == ["more_than", "less_than"]


# (template, qualifier, the bound reaches r/2 below v for a lower bound, above for an upper)
ROUNDED = [
    ("about {} or more", "at_least"),
    ("약 {}명 이상", "at_least"),
    ("约{}以上", "at_least"),
    ("about {} or less", "at_most"),
    ("약 {} 이하", "at_most"),
]


@FAST
@given(st.sampled_from(ROUNDED), st.integers(min_value=-10**6, max_value=10**6),
       st.integers(min_value=0, max_value=3))
def test_a_rounded_bound_reaches_half_a_digit_further(
        form: tuple[str, str], n: int, places: int) -> None:
    template, qualifier = form
    v = Fraction(n, 10**places)
    written = f"{n / 10**places:.{places}f}" if places else str(n)
    if template.startswith("약 {}명") and v < 0:
        return  # a count is never negative: covered by the other templates
    q = parse_quantity(template.format(written))
    half = Fraction(1, 2 * 10**places)
    assert q.value == v and q.qualifier == qualifier
    if qualifier == "at_least":
        assert q.interval == Interval(v - half, None)
    else:
        assert q.interval.hi == v + half and v - 1000 in q.interval
    assert v in q.interval


@FAST
@given(st.integers(min_value=1000, max_value=10**15), st.sampled_from([" ", "\u00a0",
                                                                        "\u2009", "\u202f"]))
def test_spaced_digit_groups_are_one_number(n: int, space: str) -> None:
    groups = f"{n:,}".split(",")
    text = space.join(groups)
    if space == " " and len(groups) == 2 and not groups[1].startswith("0"):
        with pytest.raises(QuantityError, match="one number or two"):
            parse_quantity(text)
        assert extract_quantities(f"그 수는 {text}이다") == []
        return
    assert parse_quantity(text).interval == Interval.point(Fraction(n))
    found = extract_quantities(f"그 수는 {text}명이다")
    assert [(e.text, e.quantity.value) for e in found] == [(f"{text}명", n)]


@FAST
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99),
       st.booleans())
def test_dollars_and_cents(dollars: int, cents: int, joined: bool) -> None:
    text = f"{dollars} dollars {'and ' if joined else ''}{cents} cents"
    q = parse_quantity(text)
    assert (q.value, q.unit_name, q.resolution) == (dollars + Fraction(cents, 100), "USD",
                                                    Fraction(1, 100))
    assert q.interval == Interval.point(dollars + Fraction(cents, 100))


@FAST
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["USD", "EUR", "GBP"]),
       st.booleans())
def test_millions_of_a_currency_code(n: int, code: str, before: bool) -> None:
    q = parse_quantity(f"M{code} {n}" if before else f"{n} M{code}")
    assert (q.value, q.unit_name) == (n * 10**6, code)


REFUSED = [
    ("5 lakh", "lakh and crore (Indian numbering) are not read"),
    ("3 crore rupees", "lakh and crore (Indian numbering) are not read"),
    ("1.5 lakh crore", "lakh and crore (Indian numbering) are not read"),
    ("12 500", "is one number or two: write 12,500"),
    ("1 234,5", "is one number or two"),
    ("1\u202f234,5", "may be a decimal comma"),
    ("大于20小于10", "the lower bound 20 is not below the upper 10"),
    ("5 k", "a scale letter apart from the digits is ambiguous"),
    ("1.2 B", "a scale letter apart from the digits is ambiguous"),
    ("1,674.5 G", "a scale letter apart from the digits is ambiguous"),
    ("五十打", "打 after a number may be a dozen or a verb"),
    ("5到10打", "打 after a number may be a dozen or a verb"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED, ids=[t for t, _ in REFUSED])
def test_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(QuantityError, match=re.escape(message)):
        parse_quantity(text)


@pytest.mark.parametrize("text", [
    "a loan of 5 lakh rupees", "Rs 3 crore was paid", "它说 12 500 。", "約合新台幣100億元",
    "1\u202f234,5 euros", "5 to 10 lakh",
    # a scale letter apart from the digits: a thousand times off if dropped
    "revenue hit 5 k last year", "1,674.5 G of data", "about 3 M people", "a 2 B budget",
    # about a range: parse refuses it, and the range after the qualifier is not exact
    "项目投资约5至10亿元。", "약 5~10억 원을 투자", "about 5 to 10 billion dollars",
    # English words where no reading is safe: an ordinal, or a fraction two ways
    "the twenty-first century", "a twenty-first", "six million and two thirds",
    "one hundred thirty fifths", "one hundred and thirty-two fifths",
    "three hundred and two dozens", "two hundred thirty two and a thirtieth",
    # 打 right after a number: a dozen (600) or a verb; a bare 50 would be neither
    "五十打", "二十打鸡蛋", "打了五十打",
])
def test_running_text_leaves_refused_forms_unread(text: str) -> None:
    assert [e.text for e in extract_quantities(text)] == []



def _factors(n: int, p: int) -> int:
    count = 0
    while n % p == 0:
        n //= p
        count += 1
    return count


@FAST
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=6),
       st.integers(min_value=0, max_value=6), st.sampled_from([1, 10**3, 10**6, 10**9]))
def test_a_fraction_of_a_scale_is_rounded_at_its_last_decimal(
        top: int, twos: int, fives: int, scale: int) -> None:
    from factcheck.quantity.english import scaled_resolution

    part = Fraction(top, 2**twos * 5**fives)
    res = scaled_resolution(part, scale)
    # the place of the last digit of part written in decimals, times the scale
    places = max(_factors(part.denominator, 2), _factors(part.denominator, 5))
    assert res == Fraction(scale, 10**places)
    assert (part * scale / res).denominator == 1  # the value ends at that place


@FAST
@given(st.integers(min_value=1, max_value=50), st.integers(min_value=1, max_value=40))
def test_only_a_fraction_with_no_last_digit_stays_exact(top: int, den: int) -> None:
    from factcheck.quantity.english import scaled_resolution

    part = Fraction(top, den)
    rest = part.denominator // (2 ** _factors(part.denominator, 2)
                                * 5 ** _factors(part.denominator, 5))
    assert (scaled_resolution(part, 10**6) == 0) == (rest != 1), part
