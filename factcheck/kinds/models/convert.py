"""The ``convert`` kind's claim model (the fields; evaluation is in ``factcheck.kinds.convert``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from factcheck.claims.model import ClaimCommon


class Claim(ClaimCommon):
    """An amount in one currency converted into another, as the article wrote it."""

    kind: Literal["convert"]
    amount: str = Field(
        min_length=1, max_length=200, description="the amount converted, e.g. 1000억 위안"
    )
    stated: str = Field(
        min_length=1, max_length=200, description="the converted amount, e.g. 약 16조4천780억 원"
    )
    rate: str | None = Field(
        default=None,
        max_length=100,
        description="a rate the article gives, e.g. '164.84 KRW/CNY' (replaces the reference)",
    )
    tolerance: str | None = Field(
        default=None,
        max_length=50,
        description="how far from the reference the rate may be, e.g. 1% "
        "(default: the article's tolerance, else 1%)",
    )
