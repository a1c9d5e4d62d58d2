"""factcheck: claims as code for the numbers in the news.

Public API (imported lazily, so ``import factcheck`` stays cheap):
``parse_quantity``, ``extract_quantities``, ``format_quantity``, ``Quantity``,
``Interval``, ``Truth`` and the errors in ``factcheck.errors``.
"""

from __future__ import annotations

from typing import Any

from factcheck.errors import (
    ClaimFileError,
    ExpressionError,
    FactcheckError,
    QuantityError,
    UnitError,
)

__all__ = [
    "ClaimFileError",
    "ExpressionError",
    "FactcheckError",
    "Interval",
    "Quantity",
    "QuantityError",
    "Truth",
    "UnitError",
    "extract_quantities",
    "format_quantity",
    "parse_quantity",
]

_LAZY = {
    "parse_quantity": "factcheck.quantity.grammar",
    "extract_quantities": "factcheck.quantity.grammar",
    "format_quantity": "factcheck.quantity.format",
    "Quantity": "factcheck.quantity.quantity",
    "Interval": "factcheck.quantity.interval",
    "Truth": "factcheck.quantity.interval",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
