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
    ("the May 4th rally drew 300 people", [("300 people", "300", "count")]),
    ("twenty-six people and three thousand dollars", [("twenty-six people", "26", "count"),
                                                      ("three thousand dollars", "3000", "USD")]),
    ("9만 4천 달러를 지급했다", [("9만 4천 달러", "94000", "USD")]),
    ("面积190平方公里，产量2.5万吨", [("190平方公里", "190", "kilometer**2"),
                                ("2.5万吨", "25000", "metric_ton")]),
    ("3분의 1조각만 잘라줘", [("3분의 1", "1/3", "dimensionless")]),
    ("二十几万人", [("二十几万人", "200000", "count")]),
    ("more than half the people", [("more than half", "1/2", "dimensionless")]),
    ("a 4-billion-dollar plan, 322 major industrial projects",
     [("4-billion-dollar", "4e9", "USD"), ("322 major industrial projects", "322", "count")]),
    ("스물여섯 명이 두 차례", [("스물여섯 명", "26", "count"), ("두 차례", "2", "count")]),
    ("在10000与20000之间，20과 30 사이", [("10000与20000之间", "10000", "dimensionless"),
                                     ("20과 30 사이", "20", "dimensionless")]),
    ("매출은 100억 원에서 90억 원으로", [("100억 원", "1e10", "KRW"), ("90억 원", "9e9", "KRW")]),
    ("a 5.6-billion-yuan project", [("5.6-billion-yuan", "5.6e9", "CNY")]),
    ("总额7.7萬億港元", [("7.7萬億港元", "7.7e12", "HKD")]),
    ("约合港币5亿元，约为100亿元",
     [("约合港币5亿元", "5e8", "HKD"), ("约为100亿元", "1e10", "CNY")]),
    ("年龄大于10小于20的人", [("大于10小于20", "10", "dimensionless")]),
    ("it cost 3 dollars 50 cents", [("3 dollars 50 cents", "3.5", "USD")]),
    ("losses in excess of 30 MUSD", [("in excess of 30 MUSD", "3e7", "USD")]),
    ("1 000 000 people and 40 000 yuan", [("1 000 000 people", "1e6", "count"),
                                             ("40 000 yuan", "4e4", "CNY")]),
    ("about five hundred or more", [("about five hundred or more", "500", "dimensionless")]),
    ("more than 20 people died, fewer than 50 people were hurt",
     [("more than 20 people", "20", "count"), ("fewer than 50 people", "50", "count")]),
    ("超过10亿元，不到20亿元", [("超过10亿元", "1e9", "CNY"), ("不到20亿元", "2e9", "CNY")]),
    ("x is more than 40 and less than 10", [("more than 40", "40", "dimensionless"),
                                            ("less than 10", "10", "dimensionless")]),
    ("3 dozen eggs", [("3 dozen", "36", "dimensionless")]),
    ("3 dzs, five dozs, 5 doz. eggs, half a doz",
     [("3 dzs", "36", "dimensionless"), ("five dozs", "60", "dimensionless"),
      ("5 doz", "60", "dimensionless"), ("half a doz", "6", "dimensionless")]),
    # 打 after the unit is a verb (to build): the amount before it is read
    ("投资10亿元打造园区，以3比1打败对手", [("10亿元", "1e9", "CNY"), ("3", "3", "dimensionless")]),
    ("近3年来，营收近3000万元，$1.2 bn", [("3年", "3", "year"), ("近3000万元", "3e7", "CNY"),
                                   ("$1.2 bn", "1.2e9", "USD")]),
    ("3 and a half years of one hundred and three quarters",
     [("3 and a half years", "3.5", "year"), ("one hundred and three quarters", "100.75",
                                              "dimensionless")]),
]
NOTHING = [
    "see https://www.test.com/search?q=30%25%2020% now",
    "http://proquest.umi.com/pqdweb?RQT=305&SQ=issn%280024%2D9114%29",
    "+1-222-2222/2222는 전화번호이다",
    "call 010-1234-5678 today",
    "千万不要万一出错",
    "一起统一",
    "one of them left in the first half",
    "登陆部队已经上岸",
    "2019년 4분기 매출",
    "2019年第四季度",
    "Q4 2019 revenue",
    "2020年上半年和상반기",
    "두 번째 한국 세계",
    "180ml 액체",
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
