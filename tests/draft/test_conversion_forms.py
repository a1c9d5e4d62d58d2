"""Conversions in each written form, both orders, several at once, and look-alikes that are not."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.draft.article import draft_claims

DAY = dt.date(2017, 11, 23)


def _pairs(text: str) -> list[tuple[str, str, str]]:
    return [(c.quote, str(dict(c.fields)["amount"]), str(dict(c.fields)["stated"]))
            for c in draft_claims(text, DAY) if c.kind == "convert"]


@pytest.mark.parametrize(("text", "pairs"), [
    ("규모는 1000억 위안(약 16조4천780억 원)이다.",
     [("1000억 위안(약 16조4천780억 원)", "1000억 위안", "약 16조4천780억 원")]),
    ("It raised $2.5 billion (about 16.5 billion yuan).",
     [("$2.5 billion (about 16.5 billion yuan)", "$2.5 billion", "about 16.5 billion yuan")]),
    ("10억 달러(한화 약 1조1천억 원)를 투자했다.",
     [("10억 달러(한화 약 1조1천억 원)", "10억 달러", "약 1조1천억 원")]),
    ("投资15亿美元（约合人民币103亿元）。",
     [("15亿美元（约合人民币103亿元）", "15亿美元", "约合人民币103亿元")]),
    # the other order: won outside, yuan inside
    ("16조4천780억 원(1000억 위안) 규모다.",
     [("16조4천780억 원(1000억 위안)", "16조4천780억 원", "1000억 위안")]),
    # two equivalents in one pair of parentheses
    ("100억 위안(약 1조6천억 원, 15억 달러)을 모았다.",
     [("100억 위안(약 1조6천억 원, 15억 달러)", "100억 위안", "약 1조6천억 원"),
      ("100억 위안(약 1조6천억 원, 15억 달러)", "100억 위안", "15억 달러")]),
    # several in one sentence
    ("100억 위안(약 1조6천519억 원)으로, 500억 위안(약 8조2천595억 원) 이상으로",
     [("100억 위안(약 1조6천519억 원)", "100억 위안", "약 1조6천519억 원"),
      ("500억 위안(약 8조2천595억 원)", "500억 위안", "약 8조2천595억 원")]),
])
def test_conversion_forms(text, pairs):
    assert _pairs(text) == pairs


@pytest.mark.parametrize("text", [
    "LNG(액화천연가스)와 항공기 등을 224억달러 어치",
    "revenue of 56 billion yuan in annual revenue. ($1=6.7536 Chinese yuan renminbi)",
    "100억 위안(2017년 기준)을 투자했다.",
    "100억 위안(100억 위안)을",  # the same currency on both sides is no conversion
    "1000억 위안과 (약 16조 원)",
])
def test_look_alikes_are_not_conversions(text):
    assert _pairs(text) == []
