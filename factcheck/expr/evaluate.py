"""Evaluate an expression AST to an exact Quantity, remembering which facts it used.

Every operation is interval arithmetic on Fractions (``Quantity``), so the result
holds every value the facts allow. Errors name the sub-expression and its column.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from factcheck.errors import ArithmeticDomainError, FactcheckError, LimitError
from factcheck.expr.nodes import Call, Chain, Literal, Name, Negate, Node, names
from factcheck.expr.syntax import column_error
from factcheck.quantity.quantity import Quantity


@dataclass(frozen=True)
class Evaluated:
    """An amount and the expression it came from."""

    quantity: Quantity
    node: Node

    @functools.cached_property
    def facts(self) -> tuple[str, ...]:
        """The fact names used, in order of first use (found only when asked for)."""
        return tuple(names(self.node))


def evaluate(node: Node, facts: Mapping[str, Quantity], text: str = "") -> Evaluated:
    """Compute ``node`` with ``facts``; ``text`` is the expression, for messages."""
    return Evaluated(_Evaluator(facts, text).value(node), node)


class _Evaluator:
    def __init__(self, facts: Mapping[str, Quantity], text: str) -> None:
        self.facts = facts
        self.text = text

    def snippet(self, node: Node) -> str:
        return self.text[node.start : node.end] if self.text else ""

    def located(self, exc: FactcheckError, node: Node) -> FactcheckError:
        """Say where in the expression ``exc`` happened (once, innermost wins)."""
        if getattr(exc, "column", None) is None:
            exc.message = f"in {self.snippet(node)!r} at column {node.start + 1}: {exc.message}"
            exc.column = node.start + 1
        return exc

    def value(self, node: Node) -> Quantity:
        if isinstance(node, Name):
            return self.fact(node)
        if isinstance(node, Literal):
            return node.quantity
        if isinstance(node, Negate):
            return -self.value(node.operand)
        if isinstance(node, Chain):
            return self.chain(node)
        if isinstance(node, Call):
            return self.call(node)
        raise TypeError(f"not an expression node: {node!r}")  # a bug, not user input

    def fact(self, node: Name) -> Quantity:
        try:
            return self.facts[node.name]
        except KeyError:
            pass
        close = difflib.get_close_matches(node.name, sorted(self.facts), n=3, cutoff=0.6)
        hint = (
            "did you mean " + " or ".join(repr(c) for c in close) + "?"
            if close
            else "define it under facts: in a claim file, or check the spelling"
        )
        raise column_error(f"unknown fact {node.name!r}", self.text, node.start, hint=hint)

    def chain(self, node: Chain) -> Quantity:
        acc = self.value(node.first)
        for op, operand in node.rest:
            right = self.value(operand)
            try:
                acc = _BINARY[op](acc, right)
                _check_size(acc)
            except ArithmeticDomainError:
                raise _zero_division(self, operand) from None
            except FactcheckError as exc:
                raise self.located(exc, node) from None
        return acc

    def call(self, node: Call) -> Quantity:
        values = [self.value(arg) for arg in node.args]
        try:
            if node.function == "abs":
                return abs(values[0])
            combine = _COMBINE[node.function]
            acc = values[0]
            for item in values[1:]:
                acc = combine(acc, item)
            if node.function == "sum" and len(values) == 1:
                return Quantity(acc.interval, acc.unit)
            return acc
        except FactcheckError as exc:
            raise self.located(exc, node) from None


# Exact results stay exact only while they stay printable: Python refuses to turn an
# int of over 4,300 digits into text, and no claim needs numbers near that.
MAX_RESULT_DIGITS = 1000
_MAX_BITS = int(MAX_RESULT_DIGITS * 3.3219280948873626)  # digits times log2(10)


def _check_size(q: Quantity) -> None:
    for bound in (q.interval.lo, q.interval.hi):
        if bound is not None and max(
            bound.numerator.bit_length(), bound.denominator.bit_length()
        ) > _MAX_BITS:
            raise LimitError(
                f"an intermediate result needs more than {MAX_RESULT_DIGITS} digits",
                hint="the expression multiplies or divides too many amounts; "
                "simplify it or move parts of it into facts",
            )


def _zero_division(ev: _Evaluator, operand: Node) -> ArithmeticDomainError:
    err = ArithmeticDomainError(
        f"division by exactly zero: {ev.snippet(operand)!r} at column {operand.start + 1} is 0",
        hint="check the divisor; an amount that is exactly zero cannot divide",
    )
    err.column = operand.start + 1
    return err


_BINARY: dict[str, Callable[[Quantity, Quantity], Quantity]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
_COMBINE: dict[str, Callable[[Quantity, Quantity], Quantity]] = {
    "sum": lambda a, b: a + b,
    "min": lambda a, b: a.minimum(b),
    "max": lambda a, b: a.maximum(b),
}
