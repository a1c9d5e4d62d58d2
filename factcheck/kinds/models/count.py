"""The ``count`` kind's claim model (the fields; evaluation is in ``factcheck.kinds.count``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from factcheck.claims.model import ClaimCommon
from factcheck.kinds.count import MAX_ITEMS, whole_number


class Claim(ClaimCommon):
    """A list of items the article names, and how many it says there are."""

    kind: Literal["count"]
    items: list[Annotated[str, Field(min_length=1, max_length=500)]] = Field(
        min_length=1,
        max_length=MAX_ITEMS,
        description="the items the article lists, as written: [바이두, 알리바바, 텐센트]",
    )
    stated: Annotated[int, Field(ge=0)] | Annotated[str, Field(min_length=1, max_length=100)] = (
        Field(description="the stated count: 3, or as written: 4대, 5개 이상, 4家")
    )
    distinct: bool = Field(
        default=True, description="count distinct items (true) or every listed item (false)"
    )

    @field_validator("stated", mode="before")
    @classmethod
    def _whole_number(cls, value: Any) -> Any:
        return whole_number(value)
