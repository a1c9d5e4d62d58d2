"""Quarters, halves and vague dates resolved against the publication day."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.dates.periods import RECENT_DAYS
from factcheck.dates.relative import resolve_date
from factcheck.errors import DateError

P = dt.date(2017, 11, 23)


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("2019년 4분기", "2019-10-01", "2019-12-31", "quarter"),
        ("2019년 1/4분기", "2019-01-01", "2019-03-31", "quarter"),
        ("4분기", "2017-10-01", "2017-12-31", "quarter"),
        ("작년 4분기", "2016-10-01", "2016-12-31", "quarter"),
        ("Q4 2019", "2019-10-01", "2019-12-31", "quarter"),
        ("2019 Q4", "2019-10-01", "2019-12-31", "quarter"),
        ("the fourth quarter of 2019", "2019-10-01", "2019-12-31", "quarter"),
        ("2019年第四季度", "2019-10-01", "2019-12-31", "quarter"),
        ("2019年第4季度", "2019-10-01", "2019-12-31", "quarter"),
        ("去年第二季度", "2016-04-01", "2016-06-30", "quarter"),
        ("2020年上半年", "2020-01-01", "2020-06-30", "half"),
        ("상반기", "2017-01-01", "2017-06-30", "half"),
        ("지난해 하반기", "2016-07-01", "2016-12-31", "half"),
        ("first half of 2020", "2020-01-01", "2020-06-30", "half"),
        ("the second half of last year", "2016-07-01", "2016-12-31", "half"),
        ("H2 2020", "2020-07-01", "2020-12-31", "half"),
        ("近日", "2017-10-25", "2017-11-23", "range"),
        ("최근", "2017-10-25", "2017-11-23", "range"),
        ("recently", "2017-10-25", "2017-11-23", "range"),
    ],
)
def test_forms(text, start, end, granularity):
    span = resolve_date(text, P)
    assert (span.start.isoformat(), span.end.isoformat(), span.granularity) == (
        start, end, granularity)


@pytest.mark.parametrize("text", ["2019년 5분기", "Q5 2019", "第五季度", "third half of 2020"])
def test_quarters_and_halves_that_do_not_exist_are_refused(text):
    with pytest.raises(DateError, match="cannot read"):
        resolve_date(text, P)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.integers(min_value=1900, max_value=2100))
def test_quarters_and_halves_tile_the_year(published, year):
    quarters = [resolve_date(f"Q{q} {year}", published) for q in range(1, 5)]
    halves = [resolve_date(f"{year}년 {h}", published) for h in ("상반기", "하반기")]
    for spans in (quarters, halves):
        assert spans[0].start == dt.date(year, 1, 1) and spans[-1].end == dt.date(year, 12, 31)
        for before, after in zip(spans, spans[1:], strict=False):
            assert after.start - before.end == dt.timedelta(days=1)
    assert sum(s.days for s in quarters) == sum(s.days for s in halves)
    recent = resolve_date("최근", published)
    assert recent.end == published and recent.days == RECENT_DAYS
