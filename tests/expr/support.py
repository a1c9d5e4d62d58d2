"""Helpers for the expression tests: facts and contexts built without claim files."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from typing import Any

from factcheck.claims.model import Article, Fact, Source
from factcheck.kinds.base import Context, KnownFact
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity

_INTERVAL = re.compile(r"^\s*([\[(])\s*([^,\s]+)\s*,\s*([^\])\s]+)\s*([\])])\s*$")


def interval_from(text: str | int | float) -> Interval:
    """``"[1, 2)"``, ``"(1e11, inf)"`` or a single number for a point."""
    text = str(text)
    m = _INTERVAL.match(text)
    if not m:
        return Interval.point(Fraction(text))
    left, lo, hi, right = m.groups()
    return Interval(
        None if lo in ("-inf", "inf") else Fraction(lo),
        None if hi in ("inf", "+inf") else Fraction(hi),
        left == "(",
        right == ")",
    )


def known(name: str, spec: dict[str, Any]) -> KnownFact:
    """A KnownFact from ``{value, interval?, unit?, source?, tags?}``.

    Without ``interval`` the value is read by the quantity grammar.
    """
    if "interval" in spec:
        quantity = Quantity.of(interval_from(spec["interval"]), spec.get("unit", "dimensionless"))
    else:
        from factcheck.quantity.grammar import parse_quantity

        quantity = parse_quantity(str(spec["value"]))
    fact = Fact(
        value=str(spec.get("value", spec.get("interval"))),
        source=spec.get("source", "src"),
        tags=spec.get("tags", {}),
    )
    return KnownFact(name, fact, quantity, "facts.yaml", 1)


def context(facts: dict[str, dict[str, Any]], sources: dict[str, str] | None = None) -> Context:
    known_facts = {name: known(name, spec) for name, spec in facts.items()}
    srcs = {sid: Source(title=title) for sid, title in (sources or {"src": "A source"}).items()}
    article = Article(id="test-article", title="Test", published=dt.date(2017, 11, 23))
    return Context(article, "claims.yaml", known_facts, srcs)


def quantities(ctx: Context) -> dict[str, Quantity]:
    return {name: k.quantity for name, k in ctx.facts.items()}
