"""resolve_date: a written date (지난 14일, 上个月18日, last Tuesday, 2017-11-14) as a DateSpan.

The rules for each form are documented in the README table; Korean and Chinese
live in ``cjk``, English in ``english``, numeric forms here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from factcheck.dates import cjk, english, periods
from factcheck.dates.span import DateSpan, day_span, make_date, month_span, year_span
from factcheck.errors import DateError, LimitError

MAX_DATE_TEXT = 100  # characters; a written date is a few words

ACCEPTED = {
    "ko": "오늘, 어제, 그제, 지난 14일, 오는 14일, 14일, 지난달 18일, 이번 달, 지난 7월, "
    "7월 14일, 지난 5월 3일, 2017년 11월 14일, 지난해, 작년 7월, 올해, 지난주, 지난주 화요일, "
    "2019년 4분기, 올해 상반기, 최근",
    "zh": "今天, 昨天, 前天, 14日, 本月14日, 上个月18日, 上月, 7月, 7月14日, 十一月十四日, "
    "2017年11月14日, 去年, 今年, 上周, 上周二, 星期二, 2019年第四季度, 2020年上半年, 近日",
    "en": "today, yesterday, last Tuesday, on Tuesday, last week, last month, this month, "
    "in July, last July, July 2017, November 14, Nov. 14, 14 November 2017, last year, "
    "Q4 2019, first half of 2020, recently",
    "": "2017-11-14, 2017-11, 2017, 2017.11.14",
}

_NUMERIC = re.compile(r"^(?P<y>[0-9]{4})(?:[-/.](?P<m>[0-9]{1,9})(?:[-/.](?P<d>[0-9]{1,9}))?)?\.?$")

_ISO = re.compile(r"^[0-9]{4}(?:-[0-9]{1,2}(?:-[0-9]{1,2})?)?$")


def resolve_date(text: str, published: dt.date, language: str | None = None) -> DateSpan:
    """The span of days ``text`` means in an article published on ``published``.

    ``language`` (``ko``, ``zh``, ``en``, or a tag such as ``ko-KR``) only chooses
    which forms an error message suggests: the forms of the three languages do not
    overlap, so every form is tried. Raises DateError (a QuantityError) for an
    unreadable or impossible date and LimitError for overlong text.
    """
    if not isinstance(published, dt.date):
        raise TypeError(f"published must be a datetime.date, got {published!r}")
    if isinstance(published, dt.datetime):
        published = published.date()
    if not isinstance(text, str):
        raise DateError(f"expected a written date as text, got {text!r}")
    if len(text) > MAX_DATE_TEXT:
        raise LimitError(
            f"written date of {len(text)} characters is too long (limit {MAX_DATE_TEXT}): "
            f"{text[:40]!r}...",
            hint="write just the date words, such as '지난 14일' or '2017-11-14'",
        )
    words = " ".join(unicodedata.normalize("NFKC", text).split())
    if not words:
        raise DateError(f"empty date {text!r}", hint=_accepted(language))
    compact = words.replace(" ", "")
    english_words = words.lower().replace(",", "").rstrip()
    span = _numeric(text, compact)
    if span is None:
        span = periods.resolve(text, compact, english_words, published)
    if span is None:
        span = cjk.resolve(text, compact, published)
    if span is None:
        span = english.resolve(text, english_words, published)
    if span is None:
        raise DateError(f"cannot read {text!r} as a date", hint=_accepted(language))
    return span


def parse_iso_span(text: str) -> DateSpan | None:
    """``2017-11-14``, ``2017-11``, ``2017`` or a range ``2017-09-20/2017-09-30``.

    None when ``text`` does not look like one (so it may be a source id); DateError
    when it does but names a day that does not exist or a backwards range.
    """
    first, slash, last = text.strip().partition("/")
    if not _ISO.match(first) or (slash and not _ISO.match(last)):
        return None
    start = _numeric(text, first)
    if not slash:
        return start
    end = _numeric(text, last)
    assert start is not None and end is not None
    if end.end < start.start:
        raise DateError(
            f"date range {text!r} ends before it starts", hint="write the earlier date first"
        )
    return DateSpan(start.start, end.end, text, "range")


def _numeric(text: str, compact: str) -> DateSpan | None:
    m = _NUMERIC.match(compact)
    if m is None:
        return None
    year = int(m["y"])
    if m["m"] is None:
        return year_span(year, text)
    if m["d"] is None:
        return month_span(year, int(m["m"]), text)
    return day_span(make_date(year, int(m["m"]), int(m["d"]), text), text)


def _accepted(language: str | None) -> str:
    primary = (language or "").split("-")[0].lower()
    langs = [primary] if primary in ACCEPTED and primary else ["ko", "zh", "en"]
    forms = "; ".join(ACCEPTED[lang] for lang in [*langs, ""])
    return f"write one of the accepted forms: {forms}"
