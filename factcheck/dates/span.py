"""DateSpan, the inclusive run of days a written date may mean, and checked calendar steps."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from factcheck.errors import DateError

Granularity = Literal["day", "week", "month", "quarter", "half", "year", "range"]

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The days from ``start`` to ``end`` (both included) that ``text`` may mean.

    A written date is only as precise as its words: ``지난 7월`` is all of July, so
    checking it against a day asks whether that day lies in the span.
    """

    start: dt.date
    end: dt.date
    text: str = ""
    granularity: Granularity = "day"

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"empty date span {self.start}..{self.end}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: DateSpan) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: DateSpan) -> bool:
        return self.start <= other.end and other.start <= self.end

    def gap_days(self, other: DateSpan) -> int:
        """Days between the nearest ends of two disjoint spans (0 when they overlap)."""
        if other.start > self.end:
            return (other.start - self.end).days
        if self.start > other.end:
            return (self.start - other.end).days
        return 0

    def describe(self) -> str:
        """``2017-11-14``, ``2017-07`` (all of July), ``2017``, else ``start..end``."""
        if self.start == self.end:
            return self.start.isoformat()
        if self.granularity == "month":
            return self.start.isoformat()[:7]
        if self.granularity == "year":
            return self.start.isoformat()[:4]
        span = f"{self.start.isoformat()}..{self.end.isoformat()}"
        return f"the week {span}" if self.granularity == "week" else span

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
        }


def check_year(year: int, text: str) -> int:
    if not 1 <= year <= 9999:
        raise DateError(
            f"{text!r} falls in year {year}, outside the calendar factcheck handles",
            hint="write a year from 1 to 9999",
        )
    return year


def make_date(year: int, month: int, day: int, text: str) -> dt.date:
    """The date, or a DateError that says which part does not exist."""
    check_year(year, text)
    if not 1 <= month <= 12:
        raise DateError(
            f"{text!r} names month {month}, which does not exist",
            hint="months run from 1 to 12",
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        if not 1 <= day <= 31:
            reason = f"names day {day}, which no month has"
            hint = "days run from 1 to 31"
        else:
            reason = f"means {year:04d}-{month:02d}-{day:02d}, which does not exist"
            hint = f"{MONTH_NAMES[month - 1]} {year} has {last} days"
        raise DateError(f"{text!r} {reason}", hint=hint)
    return dt.date(year, month, day)


def check_month(month: int, text: str) -> int:
    if not 1 <= month <= 12:
        raise DateError(
            f"{text!r} names month {month}, which does not exist",
            hint="months run from 1 to 12",
        )
    return month


def check_day(day: int, text: str) -> int:
    if not 1 <= day <= 31:
        raise DateError(
            f"{text!r} names day {day}, which no month has", hint="days run from 1 to 31"
        )
    return day


def add_days(day: dt.date, n: int, text: str) -> dt.date:
    try:
        return day + dt.timedelta(days=n)
    except OverflowError:
        raise DateError(
            f"{text!r} falls outside the calendar factcheck handles (years 1 to 9999)"
        ) from None


def shift_month(year: int, month: int, k: int, text: str) -> tuple[int, int]:
    """(year, month) ``k`` months after the given one (before when ``k`` < 0)."""
    y, m0 = divmod(year * 12 + (month - 1) + k, 12)
    return check_year(y, text), m0 + 1


def day_span(day: dt.date, text: str) -> DateSpan:
    return DateSpan(day, day, text, "day")


def month_span(year: int, month: int, text: str) -> DateSpan:
    check_year(year, text)
    check_month(month, text)
    last = calendar.monthrange(year, month)[1]
    return DateSpan(dt.date(year, month, 1), dt.date(year, month, last), text, "month")


def year_span(year: int, text: str) -> DateSpan:
    check_year(year, text)
    return DateSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), text, "year")


def week_span(day: dt.date, text: str) -> DateSpan:
    """The Monday-to-Sunday week that contains ``day``."""
    monday = add_days(day, -day.weekday(), text)
    return DateSpan(monday, add_days(monday, 6, text), text, "week")


def weekday_near(published: dt.date, weekday: int, how: str, text: str) -> dt.date:
    """A weekday (0 = Monday) relative to ``published``.

    ``how`` is ``before`` (most recent, strictly before), ``on_or_before``, ``after``
    (next, strictly after), or ``week-1``/``week0``/``week1`` (that weekday in the
    previous, current or next Monday-to-Sunday week).
    """
    back = (published.weekday() - weekday) % 7
    if how == "on_or_before":
        return add_days(published, -back, text)
    if how == "before":
        return add_days(published, -(back or 7), text)
    if how == "after":
        return add_days(published, (weekday - published.weekday()) % 7 or 7, text)
    weeks = int(how.removeprefix("week"))
    monday = add_days(published, -published.weekday() + 7 * weeks, text)
    return add_days(monday, weekday, text)
