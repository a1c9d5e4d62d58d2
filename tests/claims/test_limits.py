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
    grammar = pytest.importorskip("factcheck.quantity.grammar",
                                  reason="the quantity grammar is not installed")
    if not hasattr(grammar, "MAX_MAGNITUDE"):
        pytest.skip("the quantity grammar has no MAX_MAGNITUDE constant any more")
    assert grammar.MAX_MAGNITUDE == limits.MAX_NUMBER_MAGNITUDE
