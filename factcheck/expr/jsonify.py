"""Exact numbers and intervals as JSON-ready values, shared by every kind's details.

Numbers become strings that ``fractions.Fraction`` reads back exactly: a plain
decimal when the value has one (``"0.126"``, ``"160000000000"``), else a ratio
(``"1/3"``). Unbounded ends are ``null``. Floats never appear.
"""

from __future__ import annotations

from typing import Any

from factcheck.quantity import units
from factcheck.quantity.decimals import exact_string
from factcheck.quantity.rational import Fraction


def number_json(x: Fraction | int | None) -> str | None:
    """``x`` as an exact decimal string, a ``"p/q"`` string, or None for unbounded."""
    if x is None:
        return None

    return exact_string(x)


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
        "low": number_json(interval.lo),
        "high": number_json(interval.hi),
        "low_open": bool(interval.lo_open),
        "high_open": bool(interval.hi_open),
    }
    if unit is not None:
        out["unit"] = unit_json(unit)
    return out


def quantity_json(quantity: Any) -> dict[str, Any]:
    """A Quantity's interval and unit, plus its written text when it has one."""
    out = interval_json(quantity.interval, quantity.unit)
    if quantity.text:
        out["text"] = quantity.text
    return out
