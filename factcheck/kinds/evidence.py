"""What a claim rests on besides its facts' values: rates it converted at, sources' dates.

Shared by the kinds that use facts and conversions: the text and JSON of a
conversion made by ``in CUR``, the rate lookup for an article, and the warning for
a source that appeared after the article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.expr.evaluate import Rates
    from factcheck.kinds.base import Context
    from factcheck.rates.reference import ReferenceRate


def rates_for(context: Context) -> Rates:
    """The article's reference rates (its rates file, --rates, else the ECB), as the
    expression evaluator asks for them; the provider is built on the first question."""

    def answer(from_code: str, to_code: str, day: dt.date | None) -> ReferenceRate:
        provider = context.rates
        if provider is None:
            from factcheck.rates import provider_for

            provider = provider_for(context.article, context.article_file)
        rate: ReferenceRate = provider.rate(from_code, to_code, day or context.published)
        return rate

    return answer


def _on(rate: ReferenceRate) -> str:
    on = rate.date_used.isoformat()
    if rate.fell_back:
        on += f", the last before {rate.date_asked.isoformat()}"
    return on


def conversion_text(rate: ReferenceRate) -> str:
    """``converted CNY->KRW at 164.9376 KRW/CNY (ECB ..., 2017-11-23)``."""
    from factcheck.rates.numbers import significant

    return (f"converted {rate.from_code}->{rate.to_code} at {significant(rate.rate)} "
            f"{rate.to_code}/{rate.from_code} ({rate.source}, {_on(rate)})")


def rate_ref(rate: ReferenceRate) -> tuple[str, str, str]:
    """The source of a conversion's rate for people, as (id, title, address)."""
    from factcheck.rates.reference import ECB_SOURCE, ECB_URL

    if rate.source == ECB_SOURCE:
        return ("ECB", rate.source, ECB_URL)
    return (rate.source, rate.source, "")


def conversion_json(rate: ReferenceRate) -> dict[str, Any]:
    """A conversion for ``details``: the exact rate as a string Fraction reads back."""
    from factcheck.quantity.decimals import exact_string

    return {
        "from": rate.from_code,
        "to": rate.to_code,
        "rate": exact_string(rate.rate),
        "date_asked": rate.date_asked.isoformat(),
        "date_used": rate.date_used.isoformat(),
        "source": rate.source,
    }


def later_sources(used: Iterable[str], context: Context) -> list[str]:
    """One warning per source, cited by a fact used, that appeared after the article."""
    by_source: dict[str, list[str]] = {}
    for name in used:
        known = context.facts.get(name) or context.unknown.get(name)
        if known is not None:
            by_source.setdefault(known.fact.source, []).append(name)
    out = []
    for sid, names in by_source.items():
        source = context.sources.get(sid)
        if source is None or source.published is None:
            continue
        days = (source.published - context.published).days
        if days > 0:
            out.append(
                f"the source {sid!r} (of {', '.join(names)}) appeared {days} "
                f"day{'s' if days != 1 else ''} after the article "
                f"({source.published.isoformat()}, the article {context.published.isoformat()})"
            )
    return out
