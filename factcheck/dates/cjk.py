"""Korean and Chinese date words (지난 14일, 지난달 18일, 上个月18日, 去年, 上周二) as rules.

Spaces are dropped before matching because Korean spacing varies (지난 달, 지난달).
Each rule returns a DateSpan, None when the text is not one of its forms, or raises
DateError when the form is right but the day does not exist.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.dates.span import (
    DateSpan,
    add_days,
    check_day,
    check_month,
    day_span,
    make_date,
    month_span,
    shift_month,
    week_span,
    weekday_near,
    year_span,
)
from factcheck.errors import DateError

# Offsets in days from the publication day.
DAY_WORDS = {
    "오늘": 0, "금일": 0, "어제": -1, "그제": -2, "그저께": -2, "엊그제": -2,
    "내일": 1, "모레": 2,
    "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2,
    "明天": 1, "后天": 2,
}  # fmt: skip
# Offsets in years / months / Monday-to-Sunday weeks from the publication date's.
YEAR_WORDS = {
    "지난해": -1, "작년": -1, "재작년": -2, "올해": 0, "금년": 0, "내년": 1,
    "去年": -1, "前年": -2, "今年": 0, "明年": 1,
}  # fmt: skip
MONTH_WORDS = {
    "지난달": -1, "이번달": 0, "이달": 0, "다음달": 1,
    "上个月": -1, "上個月": -1, "上月": -1, "本月": 0, "这个月": 0, "這個月": 0,
    "下个月": 1, "下個月": 1, "下月": 1,
}  # fmt: skip
WEEK_WORDS = {
    "지난주": -1, "이번주": 0, "다음주": 1,
    "上周": -1, "上週": -1, "上个星期": -1, "上星期": -1, "上个礼拜": -1, "上礼拜": -1,
    "本周": 0, "本週": 0, "这周": 0, "這週": 0, "这个星期": 0, "这星期": 0,
    "下周": 1, "下週": 1, "下个星期": 1, "下星期": 1, "下个礼拜": 1, "下礼拜": 1,
}  # fmt: skip
# 지난 (past) and 오는 (coming) pick the nearest matching day before/after publication.
DIRECTIONS = {"지난": -1, "오는": 1}

KO_WEEKDAYS = "월화수목금토일"
ZH_WEEKDAYS = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6,
}  # fmt: skip


def _alternation(words: object) -> str:
    # Longest first, so 지난해 wins over 지난 and 上个月 over 上月.
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_YMD = re.compile(
    rf"^(?P<rel>{_alternation([*YEAR_WORDS, *MONTH_WORDS, *DIRECTIONS])})?"
    r"(?:(?P<y>[0-9]{4})[년年])?(?:(?P<m>[0-9]{1,9})[월月])?(?:(?P<d>[0-9]{1,9})[일日号號])?$"
)
_KO_WEEKDAY = re.compile(
    rf"^(?P<rel>{_alternation([*WEEK_WORDS, *DIRECTIONS])})?(?P<wd>[{KO_WEEKDAYS}])요일$"
)
_ZH_WEEKDAY = re.compile(
    rf"^(?P<rel>{_alternation(WEEK_WORDS)})?(?P<mark>周|週|星期|礼拜|禮拜)?"
    rf"(?P<wd>[{''.join(ZH_WEEKDAYS)}])$"
)
_CN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_NUMBER = re.compile(rf"[{''.join(_CN_DIGITS)}十]+(?=[年月日号號])")


def _cn_number(run: str) -> str:
    """十一 -> 11, 二〇一七 -> 2017; anything else is left for the caller to reject."""
    if "十" not in run:
        return "".join(str(_CN_DIGITS[c]) for c in run)
    tens, _, units = run.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return run
    return str((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0))


def resolve(text: str, compact: str, published: dt.date) -> DateSpan | None:
    """``compact`` is ``text`` without spaces; ``text`` is quoted in messages."""
    if compact in DAY_WORDS:
        return day_span(add_days(published, DAY_WORDS[compact], text), text)
    if compact in WEEK_WORDS:
        return week_span(add_days(published, 7 * WEEK_WORDS[compact], text), text)
    compact = _CN_NUMBER.sub(lambda m: _cn_number(m.group()), compact)
    if (m := _YMD.match(compact)) and (m.group("y") or m.group("m") or m.group("d") or m["rel"]):
        return _ymd(m["rel"], _int(m["y"]), _int(m["m"]), _int(m["d"]), published, text)
    if m := _KO_WEEKDAY.match(compact):
        return _weekday(m["rel"], KO_WEEKDAYS.index(m["wd"]), published, text)
    if (m := _ZH_WEEKDAY.match(compact)) and (m["rel"] or m["mark"]):
        return _weekday(m["rel"], ZH_WEEKDAYS[m["wd"]], published, text)
    return None


def _int(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


def _weekday(rel: str | None, weekday: int, published: dt.date, text: str) -> DateSpan:
    if rel is None:
        how = "on_or_before"  # news reports 화요일 / 周二 of the week just past
    elif rel in DIRECTIONS:
        how = "before" if DIRECTIONS[rel] < 0 else "after"
    else:
        how = f"week{WEEK_WORDS[rel]}"
    return day_span(weekday_near(published, weekday, how, text), text)


def _ymd(
    rel: str | None, y: int | None, m: int | None, d: int | None, pub: dt.date, text: str
) -> DateSpan | None:
    if rel in YEAR_WORDS:
        if y is not None or (m is None and d is not None):
            return None
        year = pub.year + YEAR_WORDS[rel]
        return _absolute(year, m, d, text)
    if rel in MONTH_WORDS:
        if y is not None or m is not None:
            return None
        year, month = shift_month(pub.year, pub.month, MONTH_WORDS[rel], text)
        if d is None:
            return month_span(year, month, text)
        return day_span(make_date(year, month, d, text), text)
    if rel in DIRECTIONS:
        if y is not None or (m is None and d is None):
            return None
        return _nearest(DIRECTIONS[rel], m, d, pub, text)
    if y is None and m is None:
        # A bare 14일 / 14日 is the 14th of the publication month.
        assert d is not None
        return day_span(make_date(pub.year, pub.month, d, text), text)
    if y is not None and m is None and d is not None:
        return None
    return _absolute(pub.year if y is None else y, m, d, text)


def _absolute(year: int, m: int | None, d: int | None, text: str) -> DateSpan:
    if m is None:
        return year_span(year, text)
    if d is None:
        return month_span(year, m, text)
    return day_span(make_date(year, m, d, text), text)


def _nearest(sign: int, m: int | None, d: int | None, pub: dt.date, text: str) -> DateSpan:
    """지난 / 오는: the nearest day, month or date strictly before / after publication."""
    if m is None:
        assert d is not None
        check_day(d, text)
        same_month = d < pub.day if sign < 0 else d > pub.day
        year, month = shift_month(pub.year, pub.month, 0 if same_month else sign, text)
        return day_span(make_date(year, month, d, text), text)
    check_month(m, text)
    if d is None:
        same_year = m < pub.month if sign < 0 else m > pub.month
        return month_span(pub.year + (0 if same_year else sign), m, text)
    check_day(d, text)
    # Up to 8 years, so that 지난 2월 29일 reaches the last leap year.
    for step in range(9):
        year = pub.year + sign * step
        try:
            day = make_date(year, m, d, text)
        except DateError:  # a missing Feb 29 (or the calendar's edge): keep looking
            continue
        if (day < pub) if sign < 0 else (day > pub):
            return day_span(day, text)
    make_date(pub.year, m, d, text)  # raises the precise error (2월 30일)
    raise DateError(f"{text!r} has no such day within 8 years of publication {pub}")
