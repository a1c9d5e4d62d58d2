"""Every quantity of the seed article, found by extract_quantities and read correctly."""

from __future__ import annotations

from fractions import Fraction

import pytest
import seedtext

from factcheck.quantity.grammar import extract_quantities

SEED = seedtext.SEED

# (text as written, value, unit, qualifier), in article order; hand-checked.
# Dates (2017/11/23, 11:12, 지난 14일, 7월, 2020년, 2017~2020) are deliberately absent.
EXPECTED = [
    ("수 십~수 백억원", 10**9, "KRW", "range"),
    ("16조", 16 * 10**12, "dimensionless", "exact"),
    ("8조 원 이상", 8 * 10**12, "KRW", "at_least"),
    ("4대", 4, "count", "exact"),
    ("수 조원", 10**12, "KRW", "vague"),
    ("1000억 위안", 10**11, "CNY", "exact"),
    ("약 16조4천780억 원", 16_478 * 10**9, "KRW", "approx"),
    ("100억 위안", 10**10, "CNY", "exact"),
    ("약 1조6천519억 원", 16_519 * 10**8, "KRW", "approx"),
    ("500억 위안", 5 * 10**10, "CNY", "exact"),
    ("약 8조2천595억 원", 82_595 * 10**8, "KRW", "approx"),
    ("500개 이상", 500, "count", "at_least"),
    ("5개 이상", 5, "count", "at_least"),
    ("50개 이상", 50, "count", "at_least"),
    ("500억 위안", 5 * 10**10, "CNY", "exact"),
    ("약 8조2천420억 원", 82_420 * 10**8, "KRW", "approx"),
    ("5000억 위안", 5 * 10**11, "CNY", "exact"),
    ("약 82조4천200억 원", 824_200 * 10**8, "KRW", "approx"),
    ("1500억 위안", 15 * 10**10, "CNY", "exact"),
    ("약 24조7260억 원", 247_260 * 10**8, "KRW", "approx"),
    ("1조 위안", 10**12, "CNY", "exact"),
    ("약 164조8천400억 원", 1_648_400 * 10**8, "KRW", "approx"),
    ("1600억 위안을 넘어", 16 * 10**10, "CNY", "more_than"),
    ("5000억 위안을 넘어", 5 * 10**11, "CNY", "more_than"),
    ("1조 위안", 10**12, "CNY", "exact"),
    ("1조", 10**12, "dimensionless", "exact"),
    ("3년", 3, "year", "exact"),
    ("100명", 100, "count", "exact"),
    ("1000만 위안", 10**7, "CNY", "exact"),
    ("약 16억5천40만 원", 1_650_400_000, "KRW", "approx"),
    ("1억 위안", 10**8, "CNY", "exact"),
    ("약 165억1천200만 원", 16_512_000_000, "KRW", "approx"),
    ("100여개 이상", 100, "count", "more_than"),
    ("6개", 6, "count", "exact"),
    ("60개", 60, "count", "exact"),
    ("1만7000여 종", 17_000, "count", "more_than"),
    ("26만 개", 260_000, "count", "exact"),
    ("100억 위안", 10**10, "CNY", "exact"),
    ("약 1조6천484억 원", 16_484 * 10**8, "KRW", "approx"),
    ("5~10년", 5, "year", "range"),
    ("3000묘", 3000, "mu", "exact"),
    ("30억 위안", 3 * 10**9, "CNY", "exact"),
    ("약 4천950억9천 만 원", 495_090_000_000, "KRW", "approx"),
]


@pytest.fixture(scope="module")
def article() -> str:
    return seedtext.seed_text()


def test_every_quantity_of_the_seed_article(article: str) -> None:
    found = extract_quantities(article)
    got = [(e.text, e.quantity.value, e.quantity.unit_name, e.quantity.qualifier) for e in found]
    want = [(t, Fraction(v), u, q) for t, v, u, q in EXPECTED]
    assert got == want


def test_seed_spans_and_key_intervals(article: str) -> None:
    found = extract_quantities(article)
    for e in found:
        assert article[e.start : e.end] == e.text
    by_text = {e.text: e.quantity for e in found}
    assert by_text["1만7000여 종"].interval.lo == 17_000
    assert by_text["1만7000여 종"].interval.hi == 18_000
    approx = by_text["약 16조4천780억 원"].interval
    assert (approx.lo, approx.hi) == (16_477_950_000_000, 16_478_050_000_000)
    assert by_text["약 4천950억9천 만 원"].resolution == 10**7
    assert by_text["수 십~수 백억원"].interval.hi == 10**11


def test_dates_are_not_quantities(article: str) -> None:
    texts = [e.text for e in extract_quantities(article)]
    for date in ("2020년", "14일", "18일", "7월", "5월", "2017", "11:12", "23"):
        assert not any(t.startswith(date) for t in texts), date
