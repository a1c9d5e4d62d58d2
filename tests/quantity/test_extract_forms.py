"""What extraction finds in running text, and what it must leave alone."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.errors import QuantityError
from factcheck.quantity.grammar import extract_quantities

# text, then (written text, stated value, unit) of every quantity found, in order
FOUND = [
    ("增长-3.9%，营收-2.1亿元", [("-3.9%", "-3.9", "percent"), ("-2.1亿元", "-2.1e8", "CNY")]),
    ("一万零二百五十和十五点七", [("一万零二百五十", "10250", "dimensionless"),
                              ("十五点七", "15.7", "dimensionless")]),
    ("他们有三家公司", [("三家", "3", "count")]),
    ("5-10 years", [("5-10 years", "5", "year")]),
    ("the May 4th rally drew 300 people", [("300", "300", "dimensionless")]),
]
NOTHING = [
    "see https://www.test.com/search?q=30%25%2020% now",
    "http://proquest.umi.com/pqdweb?RQT=305&SQ=issn%280024%2D9114%29",
    "+1-222-2222/2222는 전화번호이다",
    "call 010-1234-5678 today",
    "千万不要万一出错",
    "一起统一",
]


@pytest.mark.parametrize(("text", "want"), FOUND, ids=[t for t, _ in FOUND])
def test_found(text: str, want: list[tuple[str, str, str]]) -> None:
    got = [(e.text, e.quantity.value, e.quantity.unit_name) for e in extract_quantities(text)]
    assert got == [(t, Fraction(v), u) for t, v, u in want]


@pytest.mark.parametrize("text", NOTHING)
def test_nothing(text: str) -> None:
    assert [e.text for e in extract_quantities(text)] == []


def test_not_text_is_our_error() -> None:
    with pytest.raises(QuantityError, match="expected text, got NoneType"):
        extract_quantities(None)  # type: ignore[arg-type]
