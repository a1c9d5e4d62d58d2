"""The documented limits: one table, and the modules that enforce them agree with it."""

from __future__ import annotations

import pytest

from factcheck import limits


def test_every_limit_is_in_the_table_and_the_docstring():
    names = {n for n in dir(limits) if n.startswith("MAX_")}
    assert names == set(limits.LIMITS)
    for name, (value, what) in limits.LIMITS.items():
        assert getattr(limits, name) == value > 0
        assert name in limits.__doc__ and what


def test_quantity_grammar_uses_the_documented_magnitude():
    from factcheck.errors import LimitError
    from factcheck.quantity import scanner
    from factcheck.quantity.grammar import parse_quantity

    assert scanner.MAX_MAGNITUDE == limits.MAX_NUMBER_MAGNITUDE
    assert parse_quantity(f"{limits.MAX_NUMBER_MAGNITUDE} 원").value == limits.MAX_NUMBER_MAGNITUDE
    with pytest.raises(LimitError, match="limit"):
        parse_quantity(f"{limits.MAX_NUMBER_MAGNITUDE * 10} 원")
