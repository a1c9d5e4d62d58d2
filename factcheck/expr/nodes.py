"""The expression AST: small frozen records with their place in the source text.

``start``/``end`` are 0-based character offsets into the expression, so every error
can quote the offending text and give its 1-based column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.quantity.quantity import Quantity

FUNCTIONS = ("abs", "max", "min", "sum")
ROUNDS_TO = "rounds to"
LOGIC = ("and", "or")


@dataclass(frozen=True, slots=True)
class Name:
    """A fact name such as ``shanghai.core_2020``."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, eq=False)
class Literal:
    """A quantity written in the expression (``1600억 위안``, ``50%``)."""

    quantity: Quantity
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Negate:
    operand: Node
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Chain:
    """``a + b - c`` or ``a * b / c``: one node per chain keeps the tree shallow.

    ``rest`` holds (operator, operand) pairs; operators are ``+ -`` or ``* /``.
    A chain is flat so that a long sum never costs recursion depth.
    """

    first: Node
    rest: tuple[tuple[str, Node], ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Node, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Convert:
    """``amount in KRW`` or ``amount in KRW at 2017-11-23``: money at a reference rate.

    ``day`` is None for the article's reference day; ``currency_start`` is where the
    currency code is written, for messages about it.
    """

    operand: Node
    currency: str
    day: dt.date | None
    start: int
    end: int
    currency_start: int


@dataclass(frozen=True, slots=True)
class Stated:
    """``stated(x)``: the number a fact or a literal states, without its qualifier."""

    operand: Name | Literal
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Comparison:
    """The one top-level comparison; ``op`` is one of < <= > >= == != ≈ and "rounds to"."""

    left: Node
    op: str
    right: Node
    start: int
    end: int
    op_start: int


@dataclass(frozen=True, slots=True)
class Logic:
    """Comparisons joined by ``and`` or ``or`` (one operator per node; ``and`` binds
    tighter, so ``a and b or c`` is an ``or`` of an ``and`` and ``c``)."""

    op: str
    parts: tuple[Comparison | Logic, ...]
    start: int
    end: int


Node = Name | Literal | Negate | Chain | Call | Convert | Stated
Statement = Comparison | Logic
Tree = Node | Comparison | Logic


def comparisons(tree: Statement) -> list[Comparison]:
    """The comparisons of a claim expression, left to right."""
    return [n for n in walk(tree) if isinstance(n, Comparison)]


def walk(node: Tree) -> Iterator[Tree]:
    """Every node, left to right (pre-order), without recursion: depth is bounded by
    the expression's limits, but a long flat sum must not cost stack frames."""
    stack: list[Tree] = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, Negate):
            stack.append(current.operand)
        elif isinstance(current, Chain):
            stack.extend(reversed([current.first, *(n for _, n in current.rest)]))
        elif isinstance(current, Call):
            stack.extend(reversed(current.args))
        elif isinstance(current, Comparison):
            stack.extend([current.right, current.left])
        elif isinstance(current, (Convert, Stated)):
            stack.append(current.operand)
        elif isinstance(current, Logic):
            stack.extend(reversed(current.parts))


def names(node: Tree) -> list[str]:
    """Fact names in order of first appearance, without repeats."""
    return list(dict.fromkeys(n.name for n in walk(node) if isinstance(n, Name)))


def literals(node: Tree) -> list[Literal]:
    """Written quantities in order of appearance."""
    return [n for n in walk(node) if isinstance(n, Literal)]
