"""Drafted ids: numbers, units and, in English, the nearest word of the same sentence."""

from __future__ import annotations

import datetime as dt

from factcheck.draft.article import draft_claims


def _ids(text: str, language: str) -> list[str]:
    return [c.claim_id for c in draft_claims(text, dt.date(2023, 1, 31), language)]


def test_english_ids_take_the_nearest_word_of_the_sentence():
    text = ("Shenghong signed a contract on Tuesday to invest 30.6 billion yuan ($4.5 billion). "
            "It said revenue would be 56 billion yuan.")
    assert _ids(text, "en") == ["date-2023-01-31-contract", "30-6bn-cny-in-usd-invest",
                                "todo-56bn-cny-revenue"]


def test_korean_ids_ignore_latin_abbreviations():
    text = "LNG(액화천연가스)와 항공기 등을 224억달러(25조6400억원) 어치 구매한다."
    assert _ids(text, "ko") == ["22-4bn-usd-in-krw"]


def test_repeated_figures_get_a_counter_in_article_order():
    text = "100억 위안(약 1조6천519억 원)과 100억 위안(약 1조6천484억 원)."
    assert _ids(text, "ko") == ["10bn-cny-in-krw", "10bn-cny-in-krw-2"]
