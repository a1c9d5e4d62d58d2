"""Quarters, halves and vague dates: 2019년 4분기, Q4 2019, 2020年上半年, 近日, recently.

A quarter or a half is the run of its months (Q4 = October to December, the first
half = January to June); without a year it is in the publication year, and 지난해,
去年, last year and the like move it. A vague date (최근, 近日, recently) cannot name a
day: it stands for the RECENT_DAYS days up to and including publication, so that a
source published in that window agrees with it and an older one does not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from factcheck.dates.span import DateSpan, Granularity, add_days, check_year, make_date

RECENT_DAYS = 30
VAGUE_WORDS = ("최근", "요즘", "근래", "近日", "近期", "最近", "日前", "recently", "lately",
               "in recent days", "in recent weeks")
_YEAR_WORDS = {
    "지난해": -1, "작년": -1, "재작년": -2, "올해": 0, "금년": 0, "내년": 1,
    "去年": -1, "前年": -2, "今年": 0, "明年": 1,
    "last year": -1, "this year": 0, "next year": 1,
}  # fmt: skip
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4,
                "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_HALVES = {"상반기": 1, "하반기": 2, "上半年": 1, "下半年": 2}
_YEAR = r"(?P<year>[0-9]{4})"
_KO_YEAR = r"(?:(?P<year>[0-9]{4})년|(?P<word>지난해|작년|재작년|올해|금년|내년))?"
_ZH_YEAR = r"(?:(?P<year>[0-9]{4})年|(?P<word>去年|前年|今年|明年))?"
_CJK_QUARTER = (
    re.compile(_KO_YEAR + r"(?P<q>[1-4])(?:/4)?분기$"),
    re.compile(_ZH_YEAR + r"第?(?P<q>[一二三四1-4])季度$"),
    re.compile(_ZH_YEAR + r"[Qq](?P<q>[1-4])$"),
)
_CJK_HALF = (
    re.compile(_KO_YEAR + r"(?P<h>상반기|하반기)$"),
    re.compile(_ZH_YEAR + r"(?P<h>上半年|下半年)$"),
)
_EN_YEAR = r"(?:\s*(?:of\s+)?(?:(?P<year>[0-9]{4})|(?P<word>last year|this year|next year)))?"
_EN_QUARTER = (
    re.compile(r"^(?:in\s+)?q(?P<q>[1-4])" + _EN_YEAR + "$"),
    re.compile(r"^(?:in\s+)?" + _YEAR + r"\s*q(?P<q>[1-4])$"),
    re.compile(r"^(?:in\s+)?(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
               r"\s+quarter" + _EN_YEAR + "$"),
)
_EN_HALF = (
    re.compile(r"^(?:in\s+)?h(?P<h>[12])" + _EN_YEAR + "$"),
    re.compile(r"^(?:in\s+)?" + _YEAR + r"\s*h(?P<h>[12])$"),
    re.compile(r"^(?:in\s+)?(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half" + _EN_YEAR + "$"),
)


def resolve(text: str, compact: str, words: str, published: dt.date) -> DateSpan | None:
    """A quarter, a half or a vague date; None when ``text`` is none of these.

    ``compact`` is the text without spaces (for Korean and Chinese), ``words`` the
    lower-cased English words with single spaces.
    """
    if compact in VAGUE_WORDS or words in VAGUE_WORDS:
        return DateSpan(add_days(published, 1 - RECENT_DAYS, text), published, text, "range")
    for pattern in _CJK_QUARTER:
        m = pattern.match(compact)
        if m:
            first = (_ZH_DIGITS[m.group("q")] - 1) * 3 + 1
            return _months(text, _year(m, published, text), first, 3, "quarter")
    for pattern in _CJK_HALF:
        m = pattern.match(compact)
        if m:
            return _months(text, _year(m, published, text), _HALVES[m.group("h")] * 6 - 5, 6,
                           "half")
    for pattern in _EN_QUARTER:
        m = pattern.match(words)
        if m:
            q = m.group("q")
            number = int(q) if q.isdigit() else _EN_ORDINALS[q]
            return _months(text, _year(m, published, text), (number - 1) * 3 + 1, 3, "quarter")
    for pattern in _EN_HALF:
        m = pattern.match(words)
        if m:
            h = m.group("h")
            number = int(h) if h.isdigit() else _EN_ORDINALS[h]
            return _months(text, _year(m, published, text), number * 6 - 5, 6, "half")
    return None


def _year(m: re.Match[str], published: dt.date, text: str) -> int:
    groups = m.groupdict()
    if groups.get("year"):
        return check_year(int(groups["year"]), text)
    if groups.get("word"):
        return check_year(published.year + _YEAR_WORDS[groups["word"]], text)
    return published.year


def _months(text: str, year: int, first: int, count: int, granularity: Granularity) -> DateSpan:
    """The months ``first`` .. ``first + count - 1`` of ``year``, as one span."""
    last = first + count - 1
    start = make_date(year, first, 1, text)
    end = make_date(year, last, calendar.monthrange(year, last)[1], text)
    return DateSpan(start, end, text, granularity)
