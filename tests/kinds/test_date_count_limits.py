"""Limits of the date and count kinds: oversized or hostile values fail fast and clearly."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from pydantic import ValidationError

from factcheck.claims.model import Article
from factcheck.dates import resolve_date
from factcheck.errors import DateError
from factcheck.kinds import count, date
from factcheck.kinds.base import Context

CONTEXT = Context(Article(id="a", title="t", published=dt.date(2017, 11, 23)), "a.yaml", {}, {})


def test_too_many_items_is_refused_by_the_model() -> None:
    items = [f"item {i}" for i in range(count.MAX_ITEMS + 1)]
    with pytest.raises(ValidationError, match=f"at most {count.MAX_ITEMS} items"):
        count.Claim.model_validate(
            {"id": "c", "quote": "q", "kind": "count", "items": items, "stated": 1}
        )


def test_the_largest_list_is_counted_quickly() -> None:
    items = [f"item {i % 700}" for i in range(count.MAX_ITEMS)]
    claim = count.Claim.model_validate(
        {"id": "c", "quote": "q", "kind": "count", "items": items, "stated": 700}
    )
    started = time.perf_counter()
    outcome = count.evaluate(claim, CONTEXT)
    assert time.perf_counter() - started < 2
    assert outcome.verdict == "holds"
    assert len(outcome.warnings) == 300


def test_a_huge_stated_integer_is_just_contradicted() -> None:
    claim = count.Claim.model_validate(
        {"id": "c", "quote": "q", "kind": "count", "items": ["a"], "stated": "9" * 100}
    )
    assert count.evaluate(claim, CONTEXT).verdict == "contradicted"


@pytest.mark.parametrize("digits", [10, 50, 95])
def test_a_huge_day_number_is_unreadable_not_slow(digits: int) -> None:
    with pytest.raises(DateError, match="cannot read"):
        resolve_date(f"지난 {'9' * digits}일", dt.date(2017, 11, 23))


def test_a_date_claim_of_a_huge_day_is_an_error_of_the_claim() -> None:
    claim = date.Claim.model_validate(
        {"id": "d", "quote": "q", "kind": "date", "stated": "지난 999999999일", "expected": "2017"}
    )
    with pytest.raises(DateError, match="names day 999999999, which no month has"):
        date.evaluate(claim, CONTEXT)


def test_nan_and_inf_are_not_counts() -> None:
    for value in (float("nan"), float("inf")):
        with pytest.raises(ValidationError):
            count.Claim.model_validate(
                {"id": "c", "quote": "q", "kind": "count", "items": ["a"], "stated": value}
            )
