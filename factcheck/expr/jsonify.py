"""Exact numbers and intervals as JSON-ready values, shared by every kind's details.

Numbers become strings that ``fractions.Fraction`` reads back exactly: a plain
decimal when the value has one (``"0.126"``, ``"160000000000"``), else a ratio
(``"1/3"``). Unbounded ends are ``null``. Floats never appear.
"""

from __future__ import annotations

from typing import Any

from factcheck.quantity import units
from factcheck.quantity.decimals import exact_string


def unit_json(unit: Any) -> str:
    """A unit as its short name (``CNY``, ``KRW/CNY``, ``percent``); strings pass through."""
    if isinstance(unit, str):
        return unit

    return units.currency_code(unit) or units.format_unit(unit)


def interval_json(interval: Any, unit: Any = None) -> dict[str, Any]:
    """``{"low", "high", "low_open", "high_open", "unit"}`` for an Interval in ``unit``.

    ``unit`` may be a pint unit or a string; None leaves the key out.
    """
    out: dict[str, Any] = {
        "low": exact_string(interval.lo),
        "high": exact_string(interval.hi),
        "low_open": bool(interval.lo_open),
        "high_open": bool(interval.hi_open),
    }
    if unit is not None:
        out["unit"] = unit_json(unit)
    return out

