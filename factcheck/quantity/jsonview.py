"""Quantities as JSON-ready dicts, for ``factcheck parse`` and ``factcheck extract``."""

from __future__ import annotations

from typing import Any

from factcheck.quantity import decimals
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.rational import Fraction


def json_number(x: Fraction | None) -> int | float | None:
    """A display number: int when integral, else float (exact values go in strings)."""
    if x is None:
        return None
    if x.denominator == 1:
        return x.numerator
    return float(x)


def quantity_json(q: Quantity, text: str | None = None) -> dict[str, Any]:
    """The fixed-order record of the parse command."""
    iv = q.interval
    value = q.value if q.value is not None else iv.midpoint
    return {
        "text": q.text if text is None else text,
        "value": json_number(value),
        "unit": q.unit_name,
        "qualifier": q.qualifier,
        "low": json_number(iv.lo),
        "high": json_number(iv.hi),
        "low_open": iv.lo_open,
        "high_open": iv.hi_open,
        "exact": decimals.exact_string(value),
    }
