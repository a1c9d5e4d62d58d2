"""Implied-rate intervals: the seed article by hand, the precision rule, tolerances."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import QuantityError, UnitError
from factcheck.quantity.interval import Interval
from factcheck.quantity.tolerance import DEFAULT
from factcheck.quantity.tolerance import relative_tolerance as parse_tolerance
from factcheck.rates.implied import (
    band,
    deviation,
    implied_rate,
    parse_rate,
    precision_interval,
    verdict,
)

from .helpers import EOK, JO, SEED, approx_krw, cny, money


def test_first_seed_conversion_by_hand() -> None:
    # 약 16조4천780억 원 is good to half an 억; 1000억 위안 is exact.
    r = implied_rate("c", cny(1000 * EOK), approx_krw(16 * JO + 4780 * EOK, EOK))
    assert (r.from_code, r.to_code) == ("CNY", "KRW")
    assert r.interval == Interval.closed(Fraction("164.7795"), Fraction("164.7805"))


@pytest.mark.parametrize(("claim", "yuan", "won", "res", "printed"), SEED)
def test_seed_conversions_contain_the_printed_rate(
    claim: str, yuan: int, won: int, res: int, printed: Fraction
) -> None:
    r = implied_rate(claim, cny(yuan), approx_krw(won, res))
    assert printed in r.interval
    assert r.interval.lo == (won - Fraction(res, 2)) / yuan
    assert r.interval.hi == (won + Fraction(res, 2)) / yuan


def test_thirty_eok_is_good_to_half_a_cheonman() -> None:
    # 4천950억9천 만 ends at the 천만 place.
    r = implied_rate("c30", cny(30 * EOK), approx_krw(4950 * EOK + 9000 * 10**4, 1000 * 10**4))
    assert r.interval == Interval.closed(
        Fraction(4950 * EOK + 8500 * 10**4, 30 * EOK), Fraction(4950 * EOK + 9500 * 10**4, 30 * EOK)
    )


@pytest.mark.parametrize("qualifier", ["exact", "at_least", "more_than", "at_most", "less_than"])
def test_qualified_amounts_convert_their_stated_number(qualifier: str) -> None:
    # 1000억 위안 이상 converts the number 1000억, not [1000억, +inf).
    q = money(1000 * EOK, "CNY", qualifier, EOK)
    assert precision_interval(q) == Interval.point(1000 * EOK)


def test_approx_uses_half_the_resolution() -> None:
    assert precision_interval(approx_krw(100, 10)) == Interval.closed(95, 105)


def test_vague_amount_cannot_imply_a_rate() -> None:
    from factcheck.quantity import units
    from factcheck.quantity.quantity import Quantity

    q = Quantity(Interval(10 * EOK, 100 * EOK, True, True), units.unit("KRW"),
                 value=Fraction(10 * EOK), qualifier="vague", text="수십억 원")
    with pytest.raises(QuantityError, match="'수십억 원' is vague"):
        implied_rate("v", cny(EOK), q)


def test_same_currency_on_both_sides_is_an_error() -> None:
    with pytest.raises(UnitError, match="both in CNY"):
        implied_rate("x", cny(1, "1 위안"), cny(2, "2 위안"))


def test_non_money_is_an_error() -> None:
    with pytest.raises(UnitError, match="not a currency"):
        implied_rate("x", money(5, "count", text="5개"), approx_krw(100, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [(None, DEFAULT.relative), ("1%", Fraction(1, 100)), ("0.5 %", Fraction(1, 200)),
     ("0", Fraction(0)), ("2 percent", Fraction(1, 50)), ("0%", Fraction(0))],
)
def test_tolerances(text: str | None, expected: Fraction) -> None:
    assert parse_tolerance(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [("lots", "cannot read the tolerance: 'lots'"), ("-1%", "'-1%' must be one non-negative"),
     ("100%", "'100%' is 100% or more"), ("0.02", "'0.02' is a bare number"),
     ("1억 위안", "a conversion's tolerance is relative")],
)
def test_bad_tolerances(text: str, message: str) -> None:
    with pytest.raises(QuantityError, match=message):
        parse_tolerance(text)


def test_claim_rates_in_either_direction() -> None:
    assert parse_rate("164.84 KRW/CNY", "CNY", "KRW") == Fraction("164.84")
    assert parse_rate("0.5 CNY/KRW", "CNY", "KRW") == 2
    assert parse_rate("1,085.4 krw/usd", "USD", "KRW") == Fraction("1085.4")
    with pytest.raises(UnitError, match="is in USD/CNY"):
        parse_rate("6.6 USD/CNY", "CNY", "KRW")
    with pytest.raises(QuantityError, match="not a number with a currency pair"):
        parse_rate("164.84", "CNY", "KRW")


def test_verdict_three_ways() -> None:
    ref = Fraction(100)
    tol = Fraction(1, 100)
    assert band(ref, tol) == Interval.closed(99, 101)
    assert verdict(Interval.closed(Fraction("99.5"), 101), ref, tol) == "holds"
    assert verdict(Interval.closed(Fraction("101.5"), 102), ref, tol) == "contradicted"
    assert verdict(Interval.closed(Fraction("100.5"), 102), ref, tol) == "undetermined"
    assert deviation(Fraction(102), ref) == Fraction(2, 100)


rates = st.decimals(min_value="0.0001", max_value="5000", places=4).map(lambda d: Fraction(str(d)))


@given(
    rate=rates,
    amount=st.integers(min_value=1, max_value=10**6),
    amount_scale=st.integers(min_value=0, max_value=10),
    res_exp=st.integers(min_value=0, max_value=14),
)
def test_implied_interval_contains_the_rate_that_produced_the_rounded_amount(
    rate: Fraction, amount: int, amount_scale: int, res_exp: int
) -> None:
    yuan = amount * 10**amount_scale
    resolution = 10**res_exp
    exact = yuan * rate
    stated = round(exact / resolution) * resolution  # rounded as a newspaper would
    if stated == 0:
        return  # nothing was written: "약 0 원" is not a conversion
    r = implied_rate("h", cny(yuan), approx_krw(stated, resolution))
    assert rate in r.interval


_GROUPS = ["", "만", "억", "조", "경"]


def _korean(n: int, place: int) -> str:
    """``n`` units of 10**(4*place) written as a Korean newspaper would: 16조4780억."""
    parts = []
    index = place
    while n:
        n, group = divmod(n, 10**4)
        if group or index == place:
            parts.append(f"{group}{_GROUPS[index]}")
        index += 1
    return "".join(reversed(parts))


@given(
    rate=rates,
    eok=st.integers(min_value=1, max_value=9999),
    place=st.sampled_from([1, 2, 3]),
)
def test_parsed_conversions_contain_the_rate_that_produced_them(
    rate: Fraction, eok: int, place: int
) -> None:
    from factcheck.quantity import grammar

    resolution = 10 ** (4 * place)
    yuan = eok * 10**8
    units_written = round(yuan * rate / resolution)
    if units_written % 10**4 == 0:
        return  # the last group would be 0; a newspaper would not write "0억"
    stated = grammar.parse_quantity(f"약 {_korean(units_written, place)} 원")
    amount = grammar.parse_quantity(f"{eok}억 위안")
    assert stated.resolution == resolution
    assert rate in implied_rate("p", amount, stated).interval
