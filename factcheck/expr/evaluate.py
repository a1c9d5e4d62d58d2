"""Evaluate an expression AST to an exact Quantity, remembering which facts it used.

Every operation is interval arithmetic on Fractions (``Quantity``), so the result
holds every value the facts allow. Errors name the sub-expression and its column.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.errors import ArithmeticDomainError, FactcheckError, LimitError, UnitError
from factcheck.expr.nodes import (
    Call,
    Chain,
    Convert,
    Literal,
    Name,
    Negate,
    Node,
    Stated,
    names,
)
from factcheck.expr.syntax import column_error
from factcheck.quantity import units
from factcheck.quantity.interval import Interval
from factcheck.quantity.quantity import Quantity

if TYPE_CHECKING:
    from factcheck.rates.reference import ReferenceRate

# (from code, to code, day or None for the article's reference day) -> the rate used.
Rates = Callable[[str, str, "dt.date | None"], "ReferenceRate"]


class UnknownValue(Exception):  # noqa: N818 - a signal, not an error of the claim
    """A fact the expression needs has ``value: unknown``: the claim is undetermined."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(frozen=True)
class Evaluated:
    """An amount, the expression it came from, and the conversions it made."""

    quantity: Quantity
    node: Node
    conversions: tuple[ReferenceRate, ...] = field(default=())

    @functools.cached_property
    def facts(self) -> tuple[str, ...]:
        """The fact names used, in order of first use (found only when asked for)."""
        return tuple(names(self.node))


def evaluate(
    node: Node,
    facts: Mapping[str, Quantity],
    text: str = "",
    *,
    unknown: Collection[str] = (),
    rates: Rates | None = None,
) -> Evaluated:
    """Compute ``node`` with ``facts``; ``text`` is the expression, for messages.

    A name in ``unknown`` raises UnknownValue; ``rates`` answers ``in CUR``.
    """
    evaluator = _Evaluator(facts, text, unknown, rates)
    quantity = evaluator.value(node)
    return Evaluated(quantity, node, tuple(evaluator.conversions))


def rounding_interval(q: Quantity) -> Interval:
    """Every value that reads as ``q`` as written: its interval joined with the
    rounding interval of its stated number (value ± half its resolution)."""
    if q.value is None or not q.resolution:
        return q.interval
    half = abs(q.resolution) / 2
    return q.interval.hull(Interval.closed(q.value - half, q.value + half))


def stated_value(q: Quantity) -> Quantity:
    """The number ``q`` states, exactly, without its qualifier's bound or widening."""
    if q.value is None:
        return q
    return Quantity(Interval.point(q.value), q.unit, value=q.value, text=q.text,
                    counter=q.counter, resolution=q.resolution)


class _Evaluator:
    def __init__(self, facts: Mapping[str, Quantity], text: str,
                 unknown: Collection[str] = (), rates: Rates | None = None) -> None:
        self.facts = facts
        self.text = text
        self.unknown = unknown
        self.rates = rates
        self.conversions: list[ReferenceRate] = []

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
        if isinstance(node, Convert):
            return self.convert(node)
        if isinstance(node, Stated):
            return self.stated(node)
        raise TypeError(f"not an expression node: {node!r}")  # a bug, not user input

    def fact(self, node: Name) -> Quantity:
        try:
            return self.facts[node.name]
        except KeyError:
            pass
        if node.name in self.unknown:
            raise UnknownValue(node.name)
        import difflib  # only for this message: its import is a cost of every start

        close = difflib.get_close_matches(node.name, sorted(self.facts), n=3, cutoff=0.6)
        hint = (
            "did you mean " + " or ".join(repr(c) for c in close) + "?"
            if close
            else "define it under facts: in a claim file, or check the spelling"
        )
        raise column_error(f"unknown fact {node.name!r}", self.text, node.start, hint=hint)

    def stated(self, node: Stated) -> Quantity:
        quantity = self.value(node.operand)
        if quantity.qualifier in ("range", "vague") or quantity.value is None:
            what = {"range": "a range", "vague": "a vague amount"}.get(quantity.qualifier,
                                                                        "not one written number")
            raise column_error(
                f"stated() needs one written number, but {self.snippet(node.operand)!r} is "
                f"{what}", self.text, node.operand.start,
                hint="compare the range itself, or write the figure you mean as a fact",
            )
        return stated_value(quantity)

    def convert(self, node: Convert) -> Quantity:
        amount = self.value(node.operand)
        code = units.currency_code(amount.unit)
        if code is None:
            err = UnitError(
                f"{self.snippet(node.operand)!r} at column {node.operand.start + 1} is in "
                f"{amount.unit_name}, not money; 'in {node.currency}' converts an amount "
                "of money",
                hint="convert a money amount such as 1000억 위안 or a fact in a currency",
            )
            err.column = node.operand.start + 1
            raise err
        if code == node.currency:
            return amount
        if self.rates is None:  # a caller that allows no conversions
            raise column_error("no exchange rates are available here", self.text,
                               node.currency_start)
        try:
            rate = self.rates(code, node.currency, node.day)
        except FactcheckError as exc:
            raise self.located(exc, node) from None
        self.conversions.append(rate)
        return Quantity(amount.interval.scale(rate.rate), units.unit(node.currency))

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
