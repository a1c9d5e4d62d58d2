"""ECB reference rates in strict mode: exact cross rates and backward-only fallback."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import RateError
from factcheck.rates.reference import (
    ECB_SOURCE,
    MAX_FALLBACK_DAYS,
    PerEuroTable,
    RateProvider,
    ecb_provider,
)

D = dt.date


def test_cny_krw_on_2017_11_17_is_the_exact_cross_rate() -> None:
    r = ecb_provider().rate("CNY", "KRW", D(2017, 11, 17))
    # ECB 2017-11-17: 1 EUR = 1293.09 KRW = 7.8239 CNY.
    assert r.rate == Fraction("1293.09") / Fraction("7.8239")
    assert abs(r.rate - Fraction("165.27")) < Fraction(1, 100)
    assert (r.date_asked, r.date_used, r.source) == (D(2017, 11, 17), D(2017, 11, 17), ECB_SOURCE)
    assert not r.fell_back


@pytest.mark.parametrize("day", [D(2017, 11, 18), D(2017, 11, 19)])
def test_weekend_falls_back_to_friday(day: dt.date) -> None:
    r = ecb_provider().rate("CNY", "KRW", day)
    assert r.date_used == D(2017, 11, 17)
    assert r.date_asked == day
    assert r.fell_back


def test_holiday_falls_back() -> None:
    # 2017-12-25 and 26 are TARGET holidays: the last rate is of Friday 2017-12-22.
    assert ecb_provider().rate("USD", "JPY", D(2017, 12, 26)).date_used == D(2017, 12, 22)


def test_euro_is_one_and_inverse_is_exact() -> None:
    p = ecb_provider()
    assert p.rate("EUR", "KRW", D(2017, 11, 17)).rate == Fraction("1293.09")
    assert p.rate("KRW", "EUR", D(2017, 11, 17)).rate == 1 / Fraction("1293.09")
    assert p.rate("krw", "krw", D(2017, 11, 18)).rate == 1


def test_unknown_currency_is_a_clear_error() -> None:
    with pytest.raises(RateError, match=r"unknown currency 'XYZ'.*use one of its ISO codes: AUD"):
        ecb_provider().rate("XYZ", "KRW", D(2017, 11, 17))


def test_date_outside_the_data() -> None:
    with pytest.raises(RateError, match=r"no CNY->KRW rate .* on 2001-01-01 .*CNY from 2005-04-01"):
        ecb_provider().rate("CNY", "KRW", D(2001, 1, 1))
    with pytest.raises(RateError, match="on 2100-01-01 or the 7 days before"):
        ecb_provider().rate("USD", "KRW", D(2100, 1, 1))


def test_series_lists_business_days_only() -> None:
    s = ecb_provider().series("CNY", "KRW", D(2017, 11, 13), D(2017, 11, 19))
    assert [d for d, _ in s] == [D(2017, 11, d) for d in (13, 14, 15, 16, 17)]


def _toy(days: dict[str, str]) -> RateProvider:
    rows = {day: [day, value] for day, value in days.items()}
    return RateProvider(PerEuroTable(["", "KRW"], rows), "toy")


# A sparse toy table: which days have a rate is what the property varies.
sparse = st.sets(st.integers(min_value=0, max_value=60), max_size=30)


@settings(max_examples=200)
@given(present=sparse, asked=st.integers(min_value=0, max_value=60))
def test_fallback_never_looks_forward(present: set[int], asked: int) -> None:
    start = D(2020, 1, 1)
    days = {(start + dt.timedelta(days=i)).isoformat(): str(1000 + i) for i in present}
    provider = _toy(days)
    day = start + dt.timedelta(days=asked)
    earlier = [i for i in present if asked - MAX_FALLBACK_DAYS <= i <= asked]
    if not earlier:
        with pytest.raises(RateError):
            provider.rate("EUR", "KRW", day)
        return
    r = provider.rate("EUR", "KRW", day)
    assert r.date_used <= r.date_asked
    assert (r.date_asked - r.date_used).days <= MAX_FALLBACK_DAYS
    # The latest earlier day with a rate, and its own rate: nothing interpolated.
    assert r.date_used == start + dt.timedelta(days=max(earlier))
    assert r.rate == 1000 + max(earlier)


def test_na_cells_count_as_missing() -> None:
    provider = _toy({"2020-01-01": "1000", "2020-01-02": "N/A"})
    assert provider.rate("EUR", "KRW", D(2020, 1, 2)).date_used == D(2020, 1, 1)
