"""resolve_date: each documented form, each impossible date, and the forms' edge rules."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.dates import DateSpan, resolve_date
from factcheck.dates.relative import parse_iso_span
from factcheck.errors import DateError, FactcheckError, LimitError, QuantityError

P = dt.date(2017, 11, 23)  # a Thursday: the seed article's publication day
D = dt.date

# text, start, end, granularity -- all against P
FORMS = [
    # Korean
    ("오늘", D(2017, 11, 23), D(2017, 11, 23), "day"),
    ("어제", D(2017, 11, 22), D(2017, 11, 22), "day"),
    ("그제", D(2017, 11, 21), D(2017, 11, 21), "day"),
    ("그저께", D(2017, 11, 21), D(2017, 11, 21), "day"),
    ("지난 14일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("지난14일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("지난 23일", D(2017, 10, 23), D(2017, 10, 23), "day"),
    ("지난 28일", D(2017, 10, 28), D(2017, 10, 28), "day"),
    ("오는 28일", D(2017, 11, 28), D(2017, 11, 28), "day"),
    ("오는 5일", D(2017, 12, 5), D(2017, 12, 5), "day"),
    ("14일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("지난 달 18일", D(2017, 10, 18), D(2017, 10, 18), "day"),
    ("지난달 18일", D(2017, 10, 18), D(2017, 10, 18), "day"),
    ("지난달", D(2017, 10, 1), D(2017, 10, 31), "month"),
    ("이번 달", D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("이달 3일", D(2017, 11, 3), D(2017, 11, 3), "day"),
    ("지난 7월", D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("지난 5월", D(2017, 5, 1), D(2017, 5, 31), "month"),
    ("지난 11월", D(2016, 11, 1), D(2016, 11, 30), "month"),
    ("지난 12월", D(2016, 12, 1), D(2016, 12, 31), "month"),
    ("지난 11월 14일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("지난 11월 30일", D(2016, 11, 30), D(2016, 11, 30), "day"),
    ("지난 2월 29일", D(2016, 2, 29), D(2016, 2, 29), "day"),
    ("지난해", D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("지난 해", D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("작년", D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("작년 7월", D(2016, 7, 1), D(2016, 7, 31), "month"),
    ("지난해 7월 20일", D(2016, 7, 20), D(2016, 7, 20), "day"),
    ("올해", D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("지난 주", D(2017, 11, 13), D(2017, 11, 19), "week"),
    ("지난주 화요일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("이번 주 월요일", D(2017, 11, 20), D(2017, 11, 20), "day"),
    ("지난 목요일", D(2017, 11, 16), D(2017, 11, 16), "day"),
    ("목요일", D(2017, 11, 23), D(2017, 11, 23), "day"),
    ("2017년 11월 14일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("2017년 7월", D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("2017년", D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("11월 14일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("7월", D(2017, 7, 1), D(2017, 7, 31), "month"),
    # Chinese
    ("昨天", D(2017, 11, 22), D(2017, 11, 22), "day"),
    ("前天", D(2017, 11, 21), D(2017, 11, 21), "day"),
    ("今天", D(2017, 11, 23), D(2017, 11, 23), "day"),
    ("上个月18日", D(2017, 10, 18), D(2017, 10, 18), "day"),
    ("上月18日", D(2017, 10, 18), D(2017, 10, 18), "day"),
    ("上月18号", D(2017, 10, 18), D(2017, 10, 18), "day"),
    ("本月14日", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("14日", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("去年", D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("今年", D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("7月", D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("七月", D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("十一月十四日", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("二〇一七年十一月二十日", D(2017, 11, 20), D(2017, 11, 20), "day"),
    ("2017年11月14日", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("上周二", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("上星期日", D(2017, 11, 19), D(2017, 11, 19), "day"),
    ("上周", D(2017, 11, 13), D(2017, 11, 19), "week"),
    ("周二", D(2017, 11, 21), D(2017, 11, 21), "day"),
    ("星期四", D(2017, 11, 23), D(2017, 11, 23), "day"),
    # English
    ("yesterday", D(2017, 11, 22), D(2017, 11, 22), "day"),
    ("Yesterday", D(2017, 11, 22), D(2017, 11, 22), "day"),
    ("last Tuesday", D(2017, 11, 21), D(2017, 11, 21), "day"),
    ("last Thursday", D(2017, 11, 16), D(2017, 11, 16), "day"),
    ("on Tuesday", D(2017, 11, 21), D(2017, 11, 21), "day"),
    ("on Thursday", D(2017, 11, 23), D(2017, 11, 23), "day"),
    ("Tue.", D(2017, 11, 21), D(2017, 11, 21), "day"),
    ("this Monday", D(2017, 11, 20), D(2017, 11, 20), "day"),
    ("last week", D(2017, 11, 13), D(2017, 11, 19), "week"),
    ("last month", D(2017, 10, 1), D(2017, 10, 31), "month"),
    ("this month", D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("in July", D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("last November", D(2016, 11, 1), D(2016, 11, 30), "month"),
    ("July 2017", D(2017, 7, 1), D(2017, 7, 31), "month"),
    ("November 14", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("Nov. 14", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("on Nov 14th", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("November 14, 2017", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("14 November 2017", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("the 14th of November", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("last year", D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("in 2016", D(2016, 1, 1), D(2016, 12, 31), "year"),
    # numeric, any language
    ("2017-11-14", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("2017-11", D(2017, 11, 1), D(2017, 11, 30), "month"),
    ("2017", D(2017, 1, 1), D(2017, 12, 31), "year"),
    ("2017. 11. 14.", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("2017/11/14", D(2017, 11, 14), D(2017, 11, 14), "day"),
    # fullwidth digits and odd spacing, as pasted from a web page
    ("지난　１４일", D(2017, 11, 14), D(2017, 11, 14), "day"),
    ("  지난   달  18 일 ", D(2017, 10, 18), D(2017, 10, 18), "day"),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity"), FORMS)
def test_form(text: str, start: dt.date, end: dt.date, granularity: str) -> None:
    span = resolve_date(text, P)
    assert (span.start, span.end, span.granularity) == (start, end, granularity)
    assert span.text == text


# text, published, the message fragment
IMPOSSIBLE = [
    ("2017-13-45", P, "'2017-13-45' names month 13, which does not exist; months run from 1 to 12"),
    (
        "2017-11-31",
        P,
        "'2017-11-31' means 2017-11-31, which does not exist; November 2017 has 30 days",
    ),
    ("지난 45일", P, "'지난 45일' names day 45, which no month has; days run from 1 to 31"),
    ("지난 0일", P, "names day 0"),
    ("2월 30일", P, "'2월 30일' means 2017-02-30, which does not exist; February 2017 has 28 days"),
    ("13월", P, "names month 13"),
    ("지난 2월 30일", P, "February 2017 has 28 days"),
    ("지난 31일", D(2017, 3, 5), "'지난 31일' means 2017-02-31, which does not exist"),
    ("February 30", P, "February 2017 has 28 days"),
    ("0000-01-01", P, "year 0, outside the calendar"),
    ("어제", D(1, 1, 1), "outside the calendar"),
    ("내일", D(9999, 12, 31), "outside the calendar"),
]


@pytest.mark.parametrize(("text", "published", "fragment"), IMPOSSIBLE)
def test_impossible_date(text: str, published: dt.date, fragment: str) -> None:
    with pytest.raises(DateError) as info:
        resolve_date(text, published)
    assert fragment in str(info.value)
    assert isinstance(info.value, QuantityError)


def test_next_month_without_that_day_is_an_error() -> None:
    # 上个月31日 in November: October has 31 days, so this one exists...
    assert resolve_date("上个月31日", P).start == D(2017, 10, 31)
    # ...but in December, November has only 30.
    with pytest.raises(DateError, match="November 2017 has 30 days"):
        resolve_date("上个月31日", D(2017, 12, 5))


@pytest.mark.parametrize(
    ("text", "language", "first_form"),
    [
        ("지난번", "ko", "오늘"),
        ("那天", "zh", "今天"),
        ("the other day", "en", "today"),
        ("the other day", "en-GB", "today"),
        ("someday", None, "오늘"),
        ("지난", "ko", "오늘"),
        ("지난해 14일", "ko", "오늘"),
        ("2017년 14일", "ko", "오늘"),
        ("last fortnight", "en", "today"),
        ("Maytember 14", "en", "today"),
    ],
)
def test_unknown_form_lists_accepted_forms(
    text: str, language: str | None, first_form: str
) -> None:
    with pytest.raises(DateError) as info:
        resolve_date(text, P, language)
    message = str(info.value)
    assert f"cannot read {text!r} as a date" in message
    assert f"accepted forms: {first_form}," in message
    assert "2017-11-14" in message  # the numeric forms are always listed


def test_language_only_changes_the_hint() -> None:
    assert resolve_date("昨天", P, "ko") == resolve_date("昨天", P, "zh")


def test_overlong_text_is_a_limit_error() -> None:
    with pytest.raises(LimitError, match="too long"):
        resolve_date("지난 " * 100, P)


def test_empty_text() -> None:
    with pytest.raises(DateError, match="empty date"):
        resolve_date("   ", P)


def test_non_text_is_a_date_error() -> None:
    with pytest.raises(DateError, match="expected a written date as text, got 14"):
        resolve_date(14, P)  # type: ignore[arg-type]


def test_published_must_be_a_date() -> None:
    with pytest.raises(TypeError, match="published must be a datetime.date"):
        resolve_date("어제", "2017-11-23")  # type: ignore[arg-type]


def test_control_characters_are_quoted_visibly() -> None:
    with pytest.raises(FactcheckError) as info:
        resolve_date("지난\u202e14일", P)
    assert "\\u202e" in str(info.value)


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("2017-11-14", D(2017, 11, 14), D(2017, 11, 14), "day"),
        ("2017-07", D(2017, 7, 1), D(2017, 7, 31), "month"),
        ("2017", D(2017, 1, 1), D(2017, 12, 31), "year"),
        ("2017-09-20/2017-09-30", D(2017, 9, 20), D(2017, 9, 30), "range"),
        ("2017-09/2017-10", D(2017, 9, 1), D(2017, 10, 31), "range"),
    ],
)
def test_iso_span(text: str, start: dt.date, end: dt.date, granularity: str) -> None:
    assert parse_iso_span(text) == DateSpan(start, end, text, granularity)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["wuhan-2017", "지난 14일", "2017-11-14/", "17-11-14"])
def test_iso_span_is_none_for_other_text(text: str) -> None:
    assert parse_iso_span(text) is None


def test_iso_span_backwards_range() -> None:
    with pytest.raises(DateError, match="ends before it starts"):
        parse_iso_span("2017-10-01/2017-09-30")


def test_describe_and_json() -> None:
    assert resolve_date("지난 7월", P).describe() == "2017-07"
    assert resolve_date("지난해", P).describe() == "2016"
    assert resolve_date("지난주", P).describe() == "the week 2017-11-13..2017-11-19"
    assert resolve_date("지난 14일", P).to_json() == {
        "start": "2017-11-14",
        "end": "2017-11-14",
        "granularity": "day",
    }


def test_span_rejects_backwards() -> None:
    with pytest.raises(ValueError, match="empty date span"):
        DateSpan(D(2017, 2, 1), D(2017, 1, 1))
