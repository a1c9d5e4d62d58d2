"""The ``compare`` kind's claim model (the fields; evaluation is in ``factcheck.kinds.compare``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from factcheck.claims.model import ClaimCommon


class Claim(ClaimCommon):
    kind: Literal["compare"]
    expr: str = Field(
        min_length=1,
        description="facts and quantities with + - * / ( ) sum() min() max() abs() stated(), "
        "'in KRW [at YYYY-MM-DD]', comparisons (< <= > >= == != ≈, rounds to) joined by "
        "and/or, e.g. a + b in KRW > 16조 원",
    )
    tolerance: str | None = Field(
        default=None,
        max_length=200,
        description="for == != ≈ and rounds to: a percent (relative, e.g. 0.5%), an amount "
        "with a unit (absolute, e.g. 0.5억 위안, 0.1 percentage_point) or 0; ≈ defaults to 1%",
    )
