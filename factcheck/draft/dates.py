"""Dates the article writes, drafted as todo date claims for a person to complete.

지난 14일, 지난해 9월, 上月18日, on Thursday: the stated date is filled in, the expected
date left to write; a count of days (3일간) is no date.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.draft.model import TODO, Drafted
from factcheck.errors import FactcheckError

_D = r"\d{1,2}"
_WEEKDAY_EN = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTH_EN = (r"January|February|March|April|May|June|July|August|September|October|"
             r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.")
_DATE = re.compile(
    "|".join([
        # Korean: relative words with a month or a day, full dates, weekdays.
        rf"(?:지난|오는|이번|올해|금년|작년|지난해|재작년|내년)\s*(?:달|주)?\s*(?:{_D}\s*월)?\s*"
        rf"(?:{_D}\s*일)?(?<=[월일달주])",
        r"(?:지난해|작년|재작년|올해|금년)(?!\s*\d)",
        rf"\d{{4}}\s*년\s*{_D}\s*월(?:\s*{_D}\s*일)?",
        rf"(?<!\d){_D}\s*월\s*{_D}\s*일",
        r"(?:지난주|이번\s*주|지난)?\s*[월화수목금토일]요일",
        r"어제|그제|그저께",
        # A day of the month alone (1일 보도했다), never a count of days (3일간, 3일 동안).
        rf"(?<![\d.~-]){_D}\s*일(?!\s*(?:간|동안|째|씩|만에|이내|내|분|치|\d))",
        # Chinese.
        rf"(?:上个?月|本月|去年|今年|前年)?\s*{_D}\s*月\s*(?:{_D}\s*[日号])?",
        rf"\d{{4}}\s*年\s*{_D}\s*月(?:\s*{_D}\s*日)?",
        r"(?:上个?月|上周|上星期|本周)[一二三四五六日天]?|昨天|前天",
        # English.
        rf"\b(?:(?:last|this|on)\s+)(?:{_WEEKDAY_EN}|week|month|year)\b",
        rf"\b(?:{_MONTH_EN})\s+{_D}(?:,\s*\d{{4}})?\b",
        rf"\b{_D}\s+(?:{_MONTH_EN})(?:\s+\d{{4}})?\b",
        r"\b(?:yesterday|the day before yesterday)\b",
    ])
)


def find_dates(text: str, published: dt.date, language: str | None) -> list[Drafted]:
    from factcheck.dates.relative import resolve_date

    out = []
    for m in _DATE.finditer(text):
        stated = m.group(0).strip()
        if not stated:
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        try:
            span = resolve_date(stated, published, language)
        except FactcheckError:
            continue  # not a date the resolver reads: no claim rather than a wrong one
        resolved = span.start.isoformat() if span.start == span.end else (
            f"{span.start.isoformat()}/{span.end.isoformat()}")
        out.append(Drafted(
            kind="date",
            quote=stated,
            start=start,
            end=start + len(stated),
            fields=[("stated", stated)],
            comment=f"{stated} resolves to {resolved}; write the date the sources give "
                    "as expected:",
            name=f"date-{_name(span.start, span.granularity)}",
            status=TODO,
        ))
    return out


def _name(day: dt.date, granularity: str) -> str:
    if granularity == "year":
        return f"{day.year}"
    if granularity == "month":
        return f"{day.year}-{day.month:02d}"
    return day.isoformat()
