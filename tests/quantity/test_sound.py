"""Soundness of the reader over signs, fractions, decimals and percentage points:
the interval a written form gets always contains the exact value written."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.quantity.grammar import parse_quantity

# how each language writes a minus sign before a number
SIGNS = {
    "ko": ("-", "−", "－", "마이너스 "),
    "zh": ("-", "−", "－", "负"),
    "en": ("-", "−", "minus "),
}
# unit words after the number, with the unit they read as
UNITS = {
    "ko": (("", "dimensionless"), ("%", "percent"), ("%p", "percentage_point"),
           ("%포인트", "percentage_point"), ("퍼센트", "percent"), (" 원", "KRW")),
    "zh": (("", "dimensionless"), ("%", "percent"), ("个百分点", "percentage_point"),
           ("元", "CNY")),
    "en": (("", "dimensionless"), ("%", "percent"), (" percentage points", "percentage_point"),
           (" percent", "percent")),
}
# qualifiers whose interval contains the number written (closed at it)
QUALIFIED = {
    "ko": {"exact": "{}", "approx": "약 {}", "at_least": "{} 이상", "at_most": "{} 이하"},
    "zh": {"exact": "{}", "approx": "约{}", "at_least": "{}以上", "at_most": "{}以下"},
    "en": {"exact": "{}", "approx": "about {}", "at_least": "at least {}",
           "at_most": "at most {}"},
}
NON_NEGATIVE = ("KRW", "CNY")  # money is never below zero: -5 원 is refused


def _fraction(num: int, den: int, language: str) -> str:
    return {"ko": f"{den}분의 {num}", "zh": f"{den}分之{num}"}.get(language, f"{num}/{den}")


@st.composite
def written_forms(draw: st.DrawFn) -> tuple[str, Fraction, str, str, Fraction]:
    """(text, exact value written, unit, qualifier, resolution) of a generated form."""
    language = draw(st.sampled_from(("ko", "zh", "en")))
    negative = draw(st.booleans())
    if draw(st.booleans()):  # a fraction: num over den, exact
        num = draw(st.integers(min_value=0, max_value=10**6))
        den = draw(st.integers(min_value=1, max_value=1000))
        magnitude, body, resolution = Fraction(num, den), _fraction(num, den, language), Fraction(0)
    else:  # a decimal: digits with 0-6 places, zeros included
        digits = draw(st.integers(min_value=0, max_value=10**9))
        places = draw(st.integers(min_value=0, max_value=6))
        magnitude = Fraction(digits, 10**places)
        whole, part = divmod(digits, 10**places)
        body = str(whole) + (f".{part:0{places}d}" if places else "")
        resolution = Fraction(1, 10**places)
    word, unit = draw(st.sampled_from(UNITS[language]))
    if unit in NON_NEGATIVE:
        negative = False
    sign = draw(st.sampled_from(SIGNS[language])) if negative else ""
    qualifier = draw(st.sampled_from(sorted(QUALIFIED[language])))
    text = QUALIFIED[language][qualifier].format(sign + body + word)
    return text, -magnitude if negative else magnitude, unit, qualifier, resolution


@settings(max_examples=500, deadline=None)
@given(written_forms())
def test_the_interval_contains_the_value_written(
    form: tuple[str, Fraction, str, str, Fraction],
) -> None:
    text, value, unit, qualifier, resolution = form
    q = parse_quantity(text)
    assert (q.value, q.unit_name, q.qualifier, q.resolution) == (value, unit, qualifier,
                                                                 resolution), text
    assert value in q.interval, f"{text!r} read as {q.interval!r}"
    if qualifier == "exact":
        assert q.interval.is_point


def test_the_forms_reach_zero_signs_and_fractions() -> None:
    seen: list[tuple[str, Fraction, str, str, Fraction]] = []

    @settings(max_examples=400, deadline=None, database=None)
    @given(written_forms())
    def collect(form: tuple[str, Fraction, str, str, Fraction]) -> None:
        seen.append(form)

    collect()
    assert any(value == 0 for _, value, *_ in seen)
    assert any(value < 0 for _, value, *_ in seen)
    assert any(value.denominator not in (1, 2, 5, 10) for _, value, *_ in seen)
    assert any(unit == "percentage_point" and value < 0 for _, value, unit, *_ in seen)
