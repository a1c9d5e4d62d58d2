"""Decide a comparison three ways: every allowed value satisfies it, none does, or some.

``<``/``<=``/``>``/``>=`` compare the two intervals directly. ``==``, ``≈`` and ``!=``
compare at written precision: the stated side (the right, or a lone literal on the
left) stands for its rounding interval, widened by the tolerance.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.errors import UnitError
from factcheck.expr.evaluate import Rates, evaluate, rounding_interval
from factcheck.expr.nodes import ROUNDS_TO, Comparison, Literal, Name, Negate, Node, names
from factcheck.expr.syntax import column_error
from factcheck.quantity import units
from factcheck.quantity.interval import Interval, Truth
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.rational import Fraction
from factcheck.quantity.tolerance import DEFAULT, Tolerance, parse_tolerance

if TYPE_CHECKING:
    from factcheck.rates.reference import ReferenceRate

__all__ = ["DEFAULT", "Decision", "Tolerance", "decide", "parse_tolerance", "redecide"]

EQUALITIES = ("==", "!=", "≈")


@dataclass(frozen=True)
class Decision:
    """What a comparison came to, with both sides in the stated side's unit.

    ``target`` is, for == ≈ !=, the interval the computed side must lie in.
    ``computed_node``/``stated_node`` say which side of the text each one is.
    """

    truth: Truth
    op: str
    computed: Quantity
    stated: Quantity
    target: Interval | None
    facts: tuple[str, ...]
    computed_node: Node
    stated_node: Node
    tolerance: Tolerance | None
    rounded: bool = False  # the stated side was widened to its last written digit
    conversions: tuple[ReferenceRate, ...] = ()


def decide(
    tree: Comparison,
    facts: Mapping[str, Quantity],
    text: str = "",
    tolerance: Tolerance | None = None,
    *,
    unknown: Collection[str] = (),
    rates: Rates | None = None,
) -> Decision:
    """Evaluate both sides of ``tree`` with ``facts`` and decide it.

    A fact in ``unknown`` raises UnknownValue; ``rates`` answers ``in CUR``.
    """
    op = tree.op
    computed_node, stated_node = tree.left, tree.right
    if op in EQUALITIES and _is_literal(tree.left) and not _is_literal(tree.right):
        # "12.6% == a / b": the literal is what the article stated, whatever its side.
        computed_node, stated_node = tree.right, tree.left
    if op == ROUNDS_TO and not isinstance(_written(stated_node) or stated_node, (Name, Literal)):
        raise column_error(
            "'rounds to' needs a fact name or a written quantity on its right",
            text, stated_node.start,
            hint="write A rounds to 141.5 billion yuan, or A rounds to a fact",
        )
    computed_eval = evaluate(computed_node, facts, text, unknown=unknown, rates=rates)
    stated_eval = evaluate(stated_node, facts, text, unknown=unknown, rates=rates)
    stated = _tidy(stated_eval.quantity)
    computed = _in_unit_of(computed_eval.quantity, stated, text, tree)
    used = tuple(names(tree))
    if op in EQUALITIES or op == ROUNDS_TO:
        target = _target(stated, stated_node, op, tolerance)
        base = _rounded(stated, stated_node) if op == ROUNDS_TO else stated_interval(
            stated, stated_node)
        rounded = base != stated.interval
        truth = computed.interval.within(target)
        if op == "!=":
            truth = ~truth
    else:
        target, rounded = None, False
        truth = ORDERS[op](computed.interval, stated.interval)
    return Decision(
        truth, op, computed, stated, target, used, computed_node, stated_node, tolerance, rounded,
        computed_eval.conversions + stated_eval.conversions,
    )


def redecide(
    tree: Comparison, decision: Decision, facts: Mapping[str, Quantity], text: str = "",
    rates: Rates | None = None,
) -> Truth:
    """``decide(tree, facts, text, tolerance).truth`` when only facts on the computed
    side differ from those ``decision`` was made with.

    The stated side, its target and the orientation do not depend on those facts, so
    they are taken from ``decision``: the search for a fact that would make a claim
    hold asks this once per candidate fact, at a fraction of a full decide.
    """
    node = decision.computed_node
    if isinstance(node, Name) and node.name in facts:
        quantity = facts[node.name]  # what evaluate() gives for a lone fact, directly
    else:
        quantity = evaluate(node, facts, text, rates=rates).quantity
    computed = _in_unit_of(quantity, decision.stated, text, tree)
    if decision.target is not None:
        truth = computed.interval.within(decision.target)
        return ~truth if decision.op == "!=" else truth
    return ORDERS[decision.op](computed.interval, decision.stated.interval)


# The order comparisons, each a three-valued test of two intervals.
ORDERS = {
    "<": Interval.lt,
    "<=": Interval.le,
    ">": Interval.gt,
    ">=": Interval.ge,
}


def _written(node: Node) -> Literal | None:
    """The literal a side consists of (``12.6%`` or ``-12.6%``), if it is one."""
    while isinstance(node, Negate):
        node = node.operand
    return node if isinstance(node, Literal) else None


def _is_literal(node: Node) -> bool:
    return _written(node) is not None


def _tidy(q: Quantity) -> Quantity:
    """Drop dimensionless factors from a compound unit: ``CNY*percent`` becomes ``CNY``.

    Products such as ``50% * a`` keep pint's compound unit; shown as is they read badly.
    """
    items = dict(q.unit._units)
    if len(items) < 2:
        return q
    plain = [name for name in items if units.unit(str(name)).dimensionless]
    if not plain or len(plain) == len(items):
        return q
    target = q.unit
    for name in plain:
        target = target / units.unit(str(name)) ** items[name]
    return q.to(target)


def _in_unit_of(q: Quantity, stated: Quantity, text: str, tree: Comparison) -> Quantity:
    if not units.same_dimension(q.unit, stated.unit):
        left = text[tree.left.start : tree.left.end] if text else "the left side"
        right = text[tree.right.start : tree.right.end] if text else "the right side"
        err = UnitError(
            f"cannot compare {left!r} in {q.unit_name} with {right!r} in {stated.unit_name}: "
            "the units differ in kind",
            hint="convert one side first (for money, write a in KRW, or multiply by a rate "
            "such as 164.84 KRW/CNY)",
        )
        err.column = tree.op_start + 1
        raise err
    return q.to(stated.unit)


def stated_interval(stated: Quantity, node: Node) -> Interval:
    """The stated side at written precision: an exact literal stands for its rounding."""
    interval = stated.interval
    written = _written(node)
    if (
        written is not None
        and written.quantity.qualifier == "exact"
        and written.quantity.resolution
        and interval.is_point
    ):
        # The resolution is in the literal's own unit, which is the compared unit.
        half = abs(Fraction(written.quantity.resolution)) / 2
        assert interval.lo is not None
        return Interval(interval.lo - half, interval.lo + half)
    return interval


def _rounded(stated: Quantity, node: Node) -> Interval:
    """``rounds to``'s target: what reads as the right side as written (``-3`` too)."""
    written = _written(node)
    if written is None or written is node:
        return rounding_interval(stated)
    negated = 0
    while isinstance(node, Negate):
        node, negated = node.operand, negated + 1
    interval = rounding_interval(written.quantity)
    return -interval if negated % 2 else interval


def _target(stated: Quantity, node: Node, op: str, tolerance: Tolerance | None) -> Interval:
    interval = _rounded(stated, node) if op == ROUNDS_TO else stated_interval(stated, node)
    if tolerance is None and op == "≈":
        tolerance = DEFAULT
    if tolerance is None:
        return interval
    if tolerance.relative is not None:
        return interval.widen(tolerance.relative)
    assert tolerance.absolute is not None
    if not units.same_dimension(tolerance.absolute.unit, stated.unit):
        raise UnitError(
            f"the tolerance {tolerance.text!r} is in {tolerance.absolute.unit_name}, "
            f"but the compared amounts are in {stated.unit_name}",
            hint=f"write the tolerance in {stated.unit_name} or as a percent",
        )
    amount = tolerance.absolute.to(stated.unit).interval.hi
    assert amount is not None
    return Interval(
        None if interval.lo is None else interval.lo - amount,
        None if interval.hi is None else interval.hi + amount,
        interval.lo_open,
        interval.hi_open,
    )
