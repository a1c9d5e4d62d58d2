"""Quantity unit algebra: currencies are separate dimensions, mu converts exactly."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.errors import UnitError
from factcheck.quantity.grammar import parse_quantity
from factcheck.quantity.interval import Truth
from factcheck.quantity.quantity import Quantity


def test_adding_cny_to_krw_is_an_error() -> None:
    with pytest.raises(UnitError, match="differ in kind"):
        parse_quantity("1000억 위안") + parse_quantity("16조4천780억 원")


def test_comparing_cny_with_usd_is_an_error() -> None:
    with pytest.raises(UnitError):
        parse_quantity("1000亿元").compare("<", parse_quantity("$2.5 billion"))


def test_mu_is_exactly_2000_3_square_metres() -> None:
    q = parse_quantity("1묘").to("m**2")
    assert q.value == Fraction(2000, 3)
    assert parse_quantity("3000亩").to("hectare").value == 200


def test_rate_times_amount_gives_the_other_currency() -> None:
    krw = parse_quantity("1000억 위안") * parse_quantity("164.78 KRW/CNY")
    assert krw.unit_name == "KRW"
    assert krw.interval.lo == 16_478 * 10**9


def test_same_currency_different_languages_compare() -> None:
    a = parse_quantity("1000억 위안")
    b = parse_quantity("1000亿元")
    assert a.compare("<=", b) is Truth.TRUE
    assert a.compare("<", b) is Truth.FALSE


def test_approximate_amount_against_stated_bound() -> None:
    stated = parse_quantity("약 16조4천780억 원")
    computed = Quantity.exact(16_478_040_000_000, "KRW")
    assert computed.interval.within(stated.interval) is Truth.TRUE


def test_counter_is_kept_but_counts_compare() -> None:
    a, b = parse_quantity("500개"), parse_quantity("500곳")
    assert (a.counter, b.counter) == ("개", "곳")
    assert a.compare("<=", b) is Truth.TRUE


def test_percent_of_amount_is_dimensionless_scaling() -> None:
    half = parse_quantity("50%") * parse_quantity("1조 위안")
    assert half.to("CNY").interval.lo == 5 * 10**11


def test_own_symbols_keep_their_meaning_after_pint_full_definitions_load():
    """pint's full file defines `pp` as the printer's point; ours is the percentage point."""
    from factcheck import parse_quantity
    from factcheck.quantity import units

    units._load_full()
    assert units.format_unit(parse_quantity("0.1pp").unit) == "percentage_point"
    assert units.format_unit(parse_quantity("3 mu").unit) == "mu"
    assert units.format_unit(units.unit("mile")) == "mile"  # pint's own names still work
