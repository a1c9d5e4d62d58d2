"""A drafted claim: its kind, quote, fields in order, and the one-line comment that explains it."""

from __future__ import annotations

from dataclasses import dataclass, field

TODO = "todo"


@dataclass
class Drafted:
    """One claim as the drafter writes it; ``start`` orders claims as the article does."""

    kind: str
    quote: str
    start: int
    end: int
    fields: list[tuple[str, object]]
    comment: str
    name: str  # the readable part of the id: numbers and nearest words
    status: str | None = None
    covers: list[tuple[int, int]] = field(default_factory=list)  # spans of the quantities used
    claim_id: str = ""
