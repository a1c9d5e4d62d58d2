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


@dataclass(frozen=True)
class Reading:
    """A result as people read it, in the article's own notation; for display only.

    Each kind fills it from what it computed: ``said`` is the figure as the article
    wrote it (also what a report underlines in the quote), ``data_says`` what the
    sources give instead, ``difference`` the gap in the article's notation and
    ``difference_pct`` as a percentage at the one precision of every report;
    ``sources`` are (id, title, address) triples, empty strings where unknown.
    """

    said: str = ""
    data_says: str = ""
    difference: str = ""
    difference_pct: str = ""
    sources: tuple[tuple[str, str, str], ...] = ()


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
    reading: Reading = field(default_factory=Reading)


def source_ref(source_id: str, context: Context) -> tuple[str, str, str]:
    """A source named for people: its id, its title and its address."""
    source = context.sources.get(source_id)
    if source is None:
        return (source_id, "", "")
    return (source_id, source.title or "", source.url or "")
