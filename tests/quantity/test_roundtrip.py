"""format_quantity and parse_quantity are inverse: parse(format(q)) reads q back,
its written resolution included (the resolution decides how ``==`` widens a number)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from factcheck.quantity.format import format_quantity
from factcheck.quantity.grammar import parse_quantity
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.scanner import last_nonzero_place
from tests.quantity.test_forms import ROWS

LANGUAGES = ("ko", "zh", "en")
UNITS = ("dimensionless", "KRW", "CNY", "USD", "JPY", "EUR", "mu", "percent", "year", "count")

values = st.one_of(
    st.integers(min_value=0, max_value=10**20),
    st.builds(
        lambda n, k: Fraction(n, 10**k),
        st.integers(min_value=0, max_value=10**20),
        st.integers(min_value=0, max_value=4),
    ).filter(lambda v: v <= 10**20),
)


def _same(a: Quantity, b: Quantity) -> None:
    """``b`` reads as ``a``; so does its resolution where ``a`` was written (has one)."""
    assert (b.value, b.unit_name, b.qualifier, b.interval) == (
        a.value, a.unit_name, a.qualifier, a.interval
    )
    if a.resolution is not None:
        assert b.resolution == a.resolution, f"resolution {a.resolution} read as {b.resolution}"


@settings(max_examples=300, deadline=None)
@given(values, st.sampled_from(UNITS), st.sampled_from(LANGUAGES))
def test_exact_values_round_trip(value: Fraction, unit: str, language: str) -> None:
    q = Quantity.exact(value, unit)
    text = format_quantity(q, language)
    _same(q, parse_quantity(text))


# the new forms: negative values, fractions with no decimal expansion, decimal points
signed = st.one_of(
    st.integers(min_value=-10**12, max_value=10**12),
    st.builds(Fraction, st.integers(min_value=-10**6, max_value=10**6),
              st.integers(min_value=1, max_value=12)),
    st.builds(lambda n, k: Fraction(n, 10**k), st.integers(min_value=-10**9, max_value=10**9),
              st.integers(min_value=0, max_value=6)),
)


@settings(max_examples=300, deadline=None)
@given(signed, st.sampled_from(("dimensionless", "percent", "percentage_point", "CNY")),
       st.sampled_from(LANGUAGES))
def test_signed_fractions_and_points_round_trip(value: Fraction, unit: str, language: str) -> None:
    q = Quantity.exact(value, unit)
    _same(q, parse_quantity(format_quantity(q, language)))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**16),
    st.integers(min_value=-2, max_value=12),
    st.sampled_from(["approx", "at_least", "more_than", "at_most", "less_than"]),
    st.sampled_from(UNITS),
    st.sampled_from(LANGUAGES),
)
def test_qualified_values_round_trip(
    digits: int, k: int, qualifier: str, unit: str, language: str
) -> None:
    # a value written down to the place 10**k, then qualified in the same language
    base = Quantity.exact(Fraction(digits) * Fraction(10) ** k, unit)
    q = parse_quantity(QUALIFIED[language][qualifier].format(format_quantity(base, language)))
    assert q.qualifier == qualifier
    _same(q, parse_quantity(format_quantity(q, language)))


QUALIFIED = {
    "ko": {"approx": "약 {}", "at_least": "{} 이상", "more_than": "{} 초과",
           "at_most": "{} 이하", "less_than": "{} 미만"},
    "zh": {"approx": "约{}", "at_least": "{}以上", "more_than": "超过{}",
           "at_most": "{}以下", "less_than": "不到{}"},
    "en": {"approx": "about {}", "at_least": "at least {}", "more_than": "more than {}",
           "at_most": "at most {}", "less_than": "less than {}"},
}


# every parsed form of the table reads back the same, resolution included, except
# ranges of vague ends (수 십~수 백억원) whose open ends no written range can express.
ROUND = [r for r in ROWS if not (r[3] == "range" and r[4].startswith("("))]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("row", ROUND, ids=[r[0] for r in ROUND])
def test_table_forms_round_trip(row: tuple[str, ...], language: str) -> None:
    q = parse_quantity(row[0])
    text = format_quantity(q, language)
    _same(q, parse_quantity(text))
    assert parse_quantity(text).resolution == Fraction(row[5])


# a written number: digits m at the place 10**k (k from 10^-6 to 10^20, m reaching 0
# and both signs), or an exact fraction (resolution 0)
@st.composite
def written(draw: st.DrawFn) -> tuple[Fraction, Fraction]:
    if draw(st.booleans()):
        k = draw(st.integers(min_value=-6, max_value=20))
        m = draw(st.one_of(st.integers(min_value=-99, max_value=99),
                           st.integers(min_value=-10**7, max_value=10**7)))
        return Fraction(m) * Fraction(10) ** k, Fraction(10) ** k
    n = draw(st.integers(min_value=-10**6, max_value=10**6))
    d = draw(st.integers(min_value=1, max_value=12))
    return Fraction(n, d), Fraction(0)


def test_the_written_strategy_reaches_its_edges() -> None:
    seen: list[tuple[Fraction, Fraction]] = []

    @settings(max_examples=400, deadline=None, database=None)
    @given(written())
    def collect(pair: tuple[Fraction, Fraction]) -> None:
        seen.append(pair)

    collect()
    assert any(v == 0 for v, _ in seen)
    assert any(v < 0 for v, _ in seen) and any(v > 0 for v, _ in seen)
    assert any(r == 0 and v.denominator > 1 for v, r in seen)
    assert any(0 < r < 1 for _, r in seen) and any(r >= 10**16 for _, r in seen)


QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than")
RES_UNITS = UNITS + ("percentage_point", "metric_ton", "kilometer**2")


@settings(max_examples=400, deadline=None)
@given(written(), st.sampled_from(QUALIFIERS), st.sampled_from(RES_UNITS),
       st.sampled_from(LANGUAGES), st.sampled_from(LANGUAGES))
def test_values_keep_their_resolution(
    pair: tuple[Fraction, Fraction], qualifier: str, unit: str, first: str, second: str
) -> None:
    # written once in one language (with its qualifier), then again in any language
    value, resolution = pair
    if qualifier in ("at_most", "less_than"):
        # money and counts are never negative, so nothing is below 0 (refused)
        assume(value != 0)
        value = abs(value)
    stated = Quantity(Interval.point(value), Quantity.exact(0, unit).unit, value=value,
                      resolution=resolution)
    once = format_quantity(stated, first)
    if qualifier != "exact":
        once = QUALIFIED[first][qualifier].format(once)
    q = parse_quantity(once)
    assert (q.value, q.resolution, q.qualifier) == (value, resolution, qualifier), once
    _same(q, parse_quantity(format_quantity(q, second)))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=10**6)),
       st.one_of(st.integers(min_value=1, max_value=10**6),
                 st.integers(min_value=10**4, max_value=10**9)),
       st.one_of(st.none(), st.integers(min_value=-4, max_value=18)),
       st.sampled_from(RES_UNITS), st.sampled_from(LANGUAGES), st.booleans())
def test_ranges_and_odd_amounts_round_trip(
    a: int, b: int, k: int | None, unit: str, language: str, odd: bool
) -> None:
    # a range whose ends straddle a scale word (5 to 1만1) must not share it;
    # 1만7000여 is (17000, 18000): an odd amount stays below its next last digit
    r = None if k is None else Fraction(10) ** k
    u = Quantity.exact(0, unit).unit
    if odd:
        v = Fraction(max(a, 1)) * (r or 1)
        step = last_nonzero_place(v, r or Fraction(1))
        q = Quantity(Interval(v, v + step, True, True), u, value=v, qualifier="more_than",
                     resolution=r)
    else:
        assume(a < b)
        lo, hi = Fraction(a) * (r or 1), Fraction(b) * (r or 1)
        q = Quantity(Interval(lo, hi), u, value=lo, qualifier="range", resolution=r)
    _same(q, parse_quantity(format_quantity(q, language)))


@pytest.mark.parametrize(
    ("text", "ko", "zh", "en"),
    [
        ("약 16조4천780억 원", "약 16조4,780억 원", "约16万4780亿韩元",
         "about KRW 16.4780 trillion"),
        ("1000억 위안", "1,000억 위안", "1000亿元", "CNY 100.0 billion"),
        ("500억 위안 이상", "500억 위안 이상", "500亿元以上", "at least CNY 50.0 billion"),
        ("超过1500亿元", "1,500억 위안 초과", "超过1500亿元", "more than CNY 150.0 billion"),
        ("1.5万亿元", "1.5조 위안", "1.5万亿元", "CNY 1.5 trillion"),
        ("1.6조 원", "1.6조 원", "1.6万亿韩元", "KRW 1.6 trillion"),
        ("천억 원", "1천억 원", "1千亿韩元", "KRW 0.1 trillion"),
        ("4천950억9천 만 원", "4,950.9억 원", "4950.9亿韩元", "KRW 495.09 billion"),
        ("16조", "16조", "16万亿", "16 trillion"),
        ("1만7000여 종", "1만7,000여종", "1万7000多个", "17,000-odd items"),
        ("1.7万多条", "1.7만여개", "1.7万多条", "17 thousand-odd items"),
        ("九成", "9십%", "9成", "ninety percent"),
        ("二百五", "2백5십", "2百5十", "two hundred fifty"),
        ("1경", "1경", "1e16", "1e16"),
        ("150 billion yuan", "0.150조 위안", "0.150万亿元", "CNY 150 billion"),
        ("四分之三", "4분의 3", "4分之3", "3/4"),
        ("负3分之1", "-3분의 1", "-3分之1", "-1/3"),
        ("0.3%p", "0.3%p", "0.3个百分点", "0.3 percentage points"),
        ("2.5万吨", "2.5만 톤", "2.5万吨", "25 thousand tonnes"),
        ("5~10년", "5~10년", "5至10年", "5 to 10 years"),
        ("수십억 원", "수십억 원", "数十亿韩元", "KRW several billion"),
        ("37.9%", "37.9%", "37.9%", "37.9%"),
        ("3000묘", "3,000묘", "3000亩", "3,000 mu"),
        ("164.84 KRW/CNY", "164.84 KRW/CNY", "164.84 KRW/CNY", "164.84 KRW/CNY"),
    ],
)
def test_newspaper_style(text: str, ko: str, zh: str, en: str) -> None:
    q = parse_quantity(text)
    assert [format_quantity(q, lang) for lang in LANGUAGES] == [ko, zh, en]


def test_unknown_language() -> None:
    from factcheck.errors import QuantityError

    with pytest.raises(QuantityError, match="unknown language 'fr'"):
        format_quantity(Quantity.exact(1), "fr")


def test_computed_quantities_are_formatted_from_their_interval() -> None:
    a = parse_quantity("1000억 위안")
    b = parse_quantity("500억 위안")
    assert format_quantity(a + b, "ko") == "1,500억 위안"
    assert format_quantity(a / b, "en") == "2"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(min_value=-10**16, max_value=10**16).map(Fraction),
                 st.fractions(min_value=-10**9, max_value=10**9, max_denominator=10**6)),
       st.sampled_from(("KRW", "CNY", "percent", "dimensionless")), st.sampled_from(LANGUAGES))
def test_report_figures_read_back_at_their_rounding(value: Fraction, unit: str,
                                                     language: str) -> None:
    # what a report writes for a computed figure (약 1조6,494억 원) reads back as the
    # rounded value, at the place it was rounded to
    from factcheck.quantity.readable import readable_value, rounded

    near, place = rounded(value, language)
    text = readable_value(value, Quantity.exact(0, unit).unit, language)
    q = parse_quantity(text)
    assert q.value == near, text
    if place is not None:
        assert (q.qualifier, q.resolution) == ("approx", place), text
