"""Kleene's three-valued ``and``/``or``, and which parts of a statement decided it.

false and unknown is false; true or unknown is true; otherwise unknown spreads.
The deciding parts are what a message names: for a false ``and`` the first false
part, for a true ``or`` the first true part, and every part when all agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from factcheck.expr.nodes import Comparison, Logic, Statement
from factcheck.quantity.interval import Truth

T = TypeVar("T")


def kleene_and(a: Truth, b: Truth) -> Truth:
    if Truth.FALSE in (a, b):
        return Truth.FALSE
    if Truth.UNKNOWN in (a, b):
        return Truth.UNKNOWN
    return Truth.TRUE


def kleene_or(a: Truth, b: Truth) -> Truth:
    return ~kleene_and(~a, ~b)


def combine(
    tree: Statement, decide: Callable[[Comparison], tuple[Truth, T]]
) -> tuple[Truth, list[tuple[Comparison, Truth, T]]]:
    """The truth of ``tree`` and its deciding comparisons, each with what ``decide``
    gave for it. Every comparison is decided (each has its own message)."""
    if isinstance(tree, Comparison):
        truth, result = decide(tree)
        return truth, [(tree, truth, result)]
    results = [combine(part, decide) for part in tree.parts]
    return _pick(tree, results)


def _pick(
    tree: Logic, results: Sequence[tuple[Truth, list[tuple[Comparison, Truth, T]]]]
) -> tuple[Truth, list[tuple[Comparison, Truth, T]]]:
    join = kleene_and if tree.op == "and" else kleene_or
    truth = results[0][0]
    for value, _ in results[1:]:
        truth = join(truth, value)
    # The value that settles the operator alone: false for and, true for or.
    settling = Truth.FALSE if tree.op == "and" else Truth.TRUE
    for wanted in (settling, Truth.UNKNOWN):
        if truth is wanted:
            for value, deciders in results:
                if value is wanted:
                    return truth, deciders
    return truth, [d for _, deciders in results for d in deciders]
