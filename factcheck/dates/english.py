"""English date words (yesterday, last Tuesday, in July, Nov. 14, 14 November 2017) as rules.

Text arrives lower-cased, commas dropped, spaces collapsed. Each rule returns a
DateSpan, None when the text is not one of its forms, or raises DateError.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.dates.span import (
    DateSpan,
    add_days,
    day_span,
    make_date,
    month_span,
    shift_month,
    week_span,
    weekday_near,
    year_span,
)

DAY_WORDS = {"today": 0, "yesterday": -1, "the day before yesterday": -2, "tomorrow": 1}
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
# last Tuesday = the most recent Tuesday strictly before publication; on Tuesday and a
# bare Tuesday may be the publication day itself; this Tuesday = in the same week.
WEEKDAY_HOW = {
    "last": "before", "past": "before", "on": "on_or_before", None: "on_or_before",
    "this": "week0", "next": "after",
}  # fmt: skip
PERIOD_OFFSETS = {"last": -1, "this": 0, "next": 1}

_IN_YEAR = re.compile(r"^in (?P<y>[0-9]{4})$")
_PERIOD = re.compile(r"^(?P<rel>last|this|next) (?P<unit>week|month|year)$")
_WEEKDAY = re.compile(r"^(?:(?P<rel>last|past|this|next|on) )?(?P<wd>[a-z]+)\.?$")
_MONTH = re.compile(r"^(?:(?P<rel>last|this|next|in) )?(?P<mon>[a-z]+)\.?(?: (?P<y>[0-9]{4}))?$")
_MONTH_DAY = re.compile(
    r"^(?:on )?(?P<mon>[a-z]+)\.? (?P<d>[0-9]{1,9})(?:st|nd|rd|th)?(?: (?P<y>[0-9]{4}))?$"
)
_DAY_MONTH = re.compile(
    r"^(?:on )?(?:the )?(?P<d>[0-9]{1,9})(?:st|nd|rd|th)? (?:of )?(?P<mon>[a-z]+)\.?"
    r"(?: (?P<y>[0-9]{4}))?$"
)


def resolve(text: str, words: str, published: dt.date) -> DateSpan | None:
    """``words`` is the normalised English form of ``text`` (quoted in messages)."""
    if words in DAY_WORDS:
        return day_span(add_days(published, DAY_WORDS[words], text), text)
    if m := _IN_YEAR.match(words):
        return year_span(int(m["y"]), text)
    if m := _PERIOD.match(words):
        return _period(PERIOD_OFFSETS[m["rel"]], m["unit"], published, text)
    if (m := _WEEKDAY.match(words)) and m["wd"] in WEEKDAYS:
        how = WEEKDAY_HOW[m["rel"]]
        return day_span(weekday_near(published, WEEKDAYS[m["wd"]], how, text), text)
    if (m := _MONTH.match(words)) and m["mon"] in MONTHS:
        return _month(m["rel"], MONTHS[m["mon"]], m["y"], published, text)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        if (m := pattern.match(words)) and m["mon"] in MONTHS:
            year = published.year if m["y"] is None else int(m["y"])
            return day_span(make_date(year, MONTHS[m["mon"]], int(m["d"]), text), text)
    return None


def _period(offset: int, unit: str, published: dt.date, text: str) -> DateSpan:
    if unit == "week":
        return week_span(add_days(published, 7 * offset, text), text)
    if unit == "month":
        return month_span(*shift_month(published.year, published.month, offset, text), text)
    return year_span(published.year + offset, text)


def _month(rel: str | None, month: int, y: str | None, pub: dt.date, text: str) -> DateSpan | None:
    if y is not None:
        return month_span(int(y), month, text) if rel in (None, "in") else None
    if rel == "last":  # the most recent such month before the publication month
        return month_span(pub.year - (0 if month < pub.month else 1), month, text)
    if rel == "next":
        return month_span(pub.year + (0 if month > pub.month else 1), month, text)
    return month_span(pub.year, month, text)
