"""The ``date`` kind's claim model (the fields; evaluation is in ``factcheck.kinds.date``)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from factcheck.claims.model import ClaimCommon
from factcheck.kinds.date import MISSING_EXPECTED, possible_date


class Claim(ClaimCommon):
    """A date as the article wrote it, and the date the facts say."""

    kind: Literal["date"]
    stated: str = Field(
        min_length=1,
        max_length=100,
        description="the date as written: 지난 14일, 지난달 18일, 上个月18日, last Tuesday",
    )
    expected: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="a day 2017-11-14, a month 2017-07, a range 2017-09-20/2017-09-30, "
        "or the id of a source whose published date is meant (may wait while status is todo)",
    )

    @field_validator("stated", "expected", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        # A YAML loader may hand over an unquoted 2017-11-14 as a date.
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    @model_validator(mode="after")
    def _expected_unless_todo(self) -> Claim:
        if self.expected is None and self.status != "todo":
            raise ValueError(MISSING_EXPECTED)
        return self

    @field_validator("expected")
    @classmethod
    def _possible_date(cls, value: str | None) -> str | None:
        return possible_date(value)
