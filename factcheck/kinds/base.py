"""What an evaluator receives (Context) and returns (Outcome); no evaluation here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from factcheck.claims.model import Article, Fact, Source
    from factcheck.quantity.quantity import Quantity

Verdict = Literal["holds", "contradicted", "undetermined", "error", "todo"]


@dataclass(frozen=True)
class KnownFact:
    """A fact from some loaded file: its name, its model, its parsed quantity."""

    name: str
    fact: Fact
    quantity: Quantity
    file: str
    line: int


@dataclass(frozen=True)
class UnknownFact:
    """A fact written ``value: unknown``: no source gives it; claims on it are undetermined."""

    name: str
    fact: Fact
    file: str
    line: int


@dataclass
class Context:
    """Everything an evaluator may consult; built once per article by the runner."""

    article: Article
    article_file: str
    facts: dict[str, KnownFact]
    sources: dict[str, Source]
    rates: Any = None  # factcheck.rates provider, loaded only when a conversion needs it
    unknown: dict[str, UnknownFact] = field(default_factory=dict)

    @property
    def published(self) -> dt.date:
        return self.article.published


@dataclass
class Outcome:
    """What an evaluator computed; the runner turns it into a report Finding.

    ``details`` must be JSON-ready (str, int, bool, None, lists, dicts): exact numbers
    as decimal strings, intervals as {"low", "high", "low_open", "high_open"}.
    """

    verdict: Verdict
    message: str
    warnings: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
