"""A claim kind used only by the loader tests, so they do not depend on the real kinds."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from factcheck.claims.model import ClaimCommon

KIND = "probe"


class Claim(ClaimCommon):
    kind: Literal["probe"]
    expr: str = Field(min_length=1)
    stated: int | None = Field(default=None, ge=0)
    expected: dt.date | None = None
    items: list[str] = Field(default_factory=list)


def evaluate(claim, context):  # pragma: no cover - the loader never evaluates
    raise NotImplementedError
