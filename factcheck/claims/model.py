"""The claim-file format v1 as pydantic models: what a file may say, nothing computed.

These models know nothing of units or evaluation: quantities stay the strings the
fact-checker wrote, and each kind's own fields live in its module under
``factcheck.kinds``. ``factcheck schema`` prints the JSON Schema built from here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.claims.fields import (  # noqa: F401  (path_problem: part of this module's API)
    FACT_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    UNKNOWN,
    checked_path,
    checked_tolerance,
    path_problem,
)

Verdict = Literal["holds", "contradicted", "undetermined"]


class Strict(BaseModel):
    """Base: unknown keys are errors (a typo must not be ignored silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Article(Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=200, description="unique article id")
    title: str = Field(min_length=1, max_length=2000)
    publisher: str | None = None
    published: dt.date = Field(
        description="publication date; relative dates and reference rates resolve against it"
    )
    language: str | None = Field(default=None, pattern=LANGUAGE_PATTERN)
    url: str | None = None
    text: str | None = Field(
        default=None, description="path of the article text, relative to this file"
    )
    tolerance: str | None = Field(
        default=None,
        description="default tolerance of this article's conversions: a percent (1%) or 0",
    )
    rates: str | None = Field(
        default=None, description="path of a rates file (ECB CSV layout), relative to this file"
    )

    @field_validator("text", "rates")
    @classmethod
    def _relative_visible_path(cls, value: str | None) -> str | None:
        return checked_path(value)

    @field_validator("tolerance")
    @classmethod
    def _tolerance(cls, value: str | None) -> str | None:
        return checked_tolerance(value)


class Source(Strict):
    title: str = Field(min_length=1, max_length=2000)
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    note: str | None = None


class Fact(Strict):
    value: Literal["unknown"] | str = Field(
        min_length=1,
        max_length=200,
        description="a quantity as written (超过1500亿元, 500억 위안), or 'unknown' when no "
        "source gives it: claims resting on it are undetermined",
    )
    source: str = Field(description="id of a source in some loaded file")
    tags: dict[str, str] = Field(default_factory=dict)

    @field_validator("tolerance", check_fields=False)
    @classmethod
    def _tolerance(cls, value: str | None) -> str | None:
        # Kinds with a tolerance field share the one grammar's load-time check.
        return checked_tolerance(value)
    note: str | None = None


class Table(Strict):
    """A CSV file of facts: each row is a fact, as if written under ``facts:``."""

    file: str = Field(
        min_length=1,
        max_length=1000,
        description="path of a UTF-8 CSV file with a header row: name,value and optionally "
        "source, note and tag.KEY columns; relative to this file",
    )
    source: str | None = Field(
        default=None, description="id of the source of rows whose source cell is empty"
    )

    @field_validator("file")
    @classmethod
    def _relative_visible_path(cls, value: str) -> str | None:
        return checked_path(value)


class ClaimCommon(Strict):
    """Fields every claim has, whatever its kind."""

    id: str = Field(pattern=ID_PATTERN, max_length=200, description="unique across all files")
    quote: str = Field(min_length=1, max_length=2000, description="the article's words, verbatim")
    kind: str
    expect: Verdict = "holds"
    status: Literal["todo", "ready"] = Field(
        default="ready",
        description="todo: drafted, waiting for a person to complete it; listed in reports "
        "as 'to write' and not checked until the line is removed",
    )
    note: str | None = None
    tags: dict[str, str] = Field(default_factory=dict)

    @field_validator("tolerance", check_fields=False)
    @classmethod
    def _tolerance(cls, value: str | None) -> str | None:
        # Kinds with a tolerance field share the one grammar's load-time check.
        return checked_tolerance(value)
