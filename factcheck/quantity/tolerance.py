"""The one tolerance grammar of claim files: ``1%`` relative, ``0.5억 위안`` absolute, ``0``.

A percent is relative to the stated amount; an amount with a unit (``0.5억 위안``,
``0.1 percentage_point``) is absolute; ``0`` asks for exactness. A bare number other
than 0 is refused: ``0.02`` could mean 2% or 0.02 of the unit, and a misread
tolerance silently changes verdicts. ``DEFAULT`` is the tolerance of every claim
that names none, for ``≈`` and for conversions alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.errors import QuantityError
from factcheck.quantity.rational import Fraction, fraction_from_text

if TYPE_CHECKING:
    from factcheck.quantity.quantity import Quantity

_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:%|percent)\s*$", re.IGNORECASE)
_BARE = re.compile(r"^\s*[+-]?(\d+(?:\.\d+)?)\s*$")
_ZERO = re.compile(r"^\s*[+-]?0+(?:\.0+)?\s*$")
HINT = ("write a percent for a relative tolerance (1%), an amount with its unit for an "
        "absolute one (0.5억 위안, 0.1 percentage_point), or 0 for none")


@dataclass(frozen=True)
class Tolerance:
    """How far the stated side may be off: a fraction of it, or an amount."""

    text: str
    relative: Fraction | None = None
    absolute: Quantity | None = None

    @property
    def is_zero(self) -> bool:
        return self.relative == 0


DEFAULT = Tolerance("1%", relative=Fraction(1, 100))


def bare_number_problem(text: str) -> str | None:
    """Why ``text`` is refused before any parsing: a bare nonzero number, else None.

    Needs no unit registry, so the claim models can check it while a file loads.
    """
    if _BARE.match(text) and not _ZERO.match(text):
        return f"the tolerance {text.strip()!r} is a bare number, which could mean " \
               f"{text.strip()}% or {text.strip()} of the unit; {HINT}"
    return None


def parse_tolerance(text: str) -> Tolerance:
    """Read a tolerance; a QuantityError with the hint for anything else."""
    if _ZERO.match(text):
        return Tolerance(text.strip(), relative=Fraction(0))
    problem = bare_number_problem(text)
    if problem:
        raise QuantityError(problem)
    m = _PERCENT.match(text)
    if m:
        return Tolerance(text.strip(), relative=fraction_from_text(m.group(1)) / 100)
    from factcheck.errors import FactcheckError
    from factcheck.quantity import units
    from factcheck.quantity.grammar import parse_quantity

    try:
        quantity = parse_quantity(text)
    except FactcheckError as exc:
        raise QuantityError(f"cannot read the tolerance: {exc.message}", hint=HINT) from None
    interval = quantity.interval
    if interval.lo is None or interval.lo < 0 or interval.hi is None or not interval.is_point:
        raise QuantityError(
            f"the tolerance {text!r} must be one non-negative amount", hint=HINT
        )
    if units.format_unit(quantity.unit) == "percent":
        return Tolerance(text.strip(), relative=interval.lo / 100)
    if not dict(quantity.unit._units):  # a number with no unit at all (1억, 三千)
        raise QuantityError(f"the tolerance {text!r} has no unit; {HINT}")
    return Tolerance(text.strip(), absolute=quantity)


def relative_tolerance(text: str | None) -> Fraction:
    """A tolerance that must be relative (a conversion's): the DEFAULT when None."""
    if text is None:
        assert DEFAULT.relative is not None
        return DEFAULT.relative
    tolerance = parse_tolerance(text)
    if tolerance.relative is None:
        raise QuantityError(
            f"the tolerance {text!r} is an amount, but a conversion's tolerance is "
            "relative to the reference rate",
            hint="write a percent such as 1% or 0.5%, or 0",
        )
    if tolerance.relative >= 1:
        raise QuantityError(
            f"the tolerance {text!r} is 100% or more, which accepts any rate",
            hint="write a tolerance below 100%, such as 1%",
        )
    return tolerance.relative
