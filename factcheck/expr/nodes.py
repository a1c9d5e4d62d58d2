"""The expression AST: small frozen records with their place in the source text.

``start``/``end`` are 0-based character offsets into the expression, so every error
can quote the offending text and give its 1-based column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.quantity.quantity import Quantity

FUNCTIONS = ("abs", "max", "min", "sum")
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=", "≈")


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
class Comparison:
    """The one top-level comparison; ``op`` is normalised to one of COMPARISONS."""

    left: Node
    op: str
    right: Node
    start: int
    end: int
    op_start: int


Node = Name | Literal | Negate | Chain | Call


def walk(node: Node | Comparison) -> Iterator[Node | Comparison]:
    """Every node, left to right (pre-order), without recursion: depth is bounded by
    the expression's limits, but a long flat sum must not cost stack frames."""
    stack: list[Node | Comparison] = [node]
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


def names(node: Node | Comparison) -> list[str]:
    """Fact names in order of first appearance, without repeats."""
    return list(dict.fromkeys(n.name for n in walk(node) if isinstance(n, Name)))


def literals(node: Node | Comparison) -> list[Literal]:
    """Written quantities in order of appearance."""
    return [n for n in walk(node) if isinstance(n, Literal)]
