"""Properties of resolve_date: past forms stay in the past, nothing but our errors escape."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates import resolve_date
from factcheck.errors import DateError, FactcheckError

# Away from year 1 and 9999 so that "previous month/year" always exists.
published = st.dates(min_value=dt.date(1901, 1, 1), max_value=dt.date(9998, 12, 31))
any_published = st.dates()
days = st.integers(min_value=0, max_value=40)
months = st.integers(min_value=0, max_value=14)
WEEKDAYS_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@st.composite
def past_forms(draw: st.DrawFn) -> str:
    d, m = draw(days), draw(months)
    wd = draw(st.sampled_from(WEEKDAYS_EN))
    return draw(
        st.sampled_from(
            [
                f"지난 {d}일",
                f"지난{d}일",
                f"지난 {m}월 {d}일",
                f"지난 {m}월",
                f"지난달 {d}일",
                f"지난 달 {d}일",
                f"上个月{d}日",
                f"上月{d}号",
                f"last {wd}",
                f"last {wd.title()}",
                "지난달",
                "지난주",
                "지난해",
                "어제",
                "그제",
                "昨天",
                "前天",
                "上周",
                "上周二",
                "去年",
                "yesterday",
                "last week",
                "last month",
                "last year",
            ]
        )
    )


@given(past_forms(), published)
def test_past_forms_never_resolve_after_publication(text: str, pub: dt.date) -> None:
    try:
        span = resolve_date(text, pub)
    except DateError as err:
        # Only impossible days may fail, and the message quotes the text.
        assert repr(text) in str(err)
        return
    assert span.start <= span.end < pub


@given(past_forms(), published)
def test_resolution_is_deterministic(text: str, pub: dt.date) -> None:
    try:
        first = resolve_date(text, pub)
    except DateError:
        return
    assert resolve_date(text, pub) == first


@given(st.integers(0, 10000), st.integers(0, 15), st.integers(0, 40), published)
def test_iso_day_is_that_day_or_an_error(y: int, m: int, d: int, pub: dt.date) -> None:
    text = f"{y:04d}-{m:02d}-{d:02d}"
    try:
        expected = dt.date(y, m, d)
    except ValueError:
        expected = None
    if expected is None:
        try:
            resolve_date(text, pub)
        except DateError as err:
            assert repr(text) in str(err)
        else:
            raise AssertionError(f"{text} resolved although it is not a date")
    else:
        span = resolve_date(text, pub)
        assert (span.start, span.end, span.granularity) == (expected, expected, "day")


@given(st.integers(1, 12), st.integers(1, 31), published)
def test_month_day_forms_agree_across_languages(m: int, d: int, pub: dt.date) -> None:
    months_en = ["January", "February", "March", "April", "May", "June", "July",
                 "August", "September", "October", "November", "December"]  # fmt: skip
    forms = [f"{m}월 {d}일", f"{m}月{d}日", f"{months_en[m - 1]} {d}", f"{d} {months_en[m - 1]}"]
    results = []
    for text in forms:
        try:
            span = resolve_date(text, pub)
            results.append((span.start, span.end))
        except DateError:
            results.append(None)
    assert len(set(results)) == 1, dict(zip(forms, results, strict=True))


@given(st.text(max_size=60), any_published)
def test_arbitrary_text_gives_a_span_or_our_error(text: str, pub: dt.date) -> None:
    try:
        span = resolve_date(text, pub)
    except FactcheckError:
        return
    assert span.start <= span.end


DATE_ALPHABET = st.sampled_from(
    list("0123456789 -/.,")
    + ["지난", "오는", "달", "해", "년", "월", "일", "주", "요일", "화", "이번", "작년", "올해"]
    + ["上", "个", "月", "日", "号", "年", "周", "星期", "二", "十", "一", "〇", "去", "今", "本"]
    + ["last ", "this ", "next ", "on ", "in ", "the ", "of ", "tuesday", "nov", "july", "th"]
)


@given(st.lists(DATE_ALPHABET, max_size=8).map("".join), any_published)
def test_date_like_text_gives_a_span_or_our_error(text: str, pub: dt.date) -> None:
    try:
        span = resolve_date(text, pub)
    except FactcheckError:
        return
    assert span.start <= span.end
    assert dt.date.min <= span.start
