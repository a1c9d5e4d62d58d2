"""A quantity: an exact interval of values in one pint unit, with how it was written.

Parsed quantities keep the stated number, its qualifier and its written text;
computed ones (sums, ratios) keep only interval and unit. Arithmetic checks units
and converts exactly; comparisons answer with a three-valued ``Truth``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from factcheck.errors import UnitError
from factcheck.quantity import units
from factcheck.quantity.interval import Interval, Truth
from factcheck.quantity.rational import Fraction

if TYPE_CHECKING:
    import pint

QUALIFIERS = (
    "exact",
    "approx",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
    "vague",
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """An interval of values in a unit.

    ``value`` is the number as stated (None for computed quantities), ``resolution``
    the place value of its last written digit, ``qualifier`` one of QUALIFIERS,
    ``counter`` the counter word of a count (개, 종, 家), ``text`` the written form.
    """

    interval: Interval
    unit: Any  # pint.Unit from factcheck.quantity.units.registry()
    value: Fraction | None = None
    qualifier: str = "exact"
    text: str = ""
    counter: str | None = None
    resolution: Fraction | None = None

    # -- construction -------------------------------------------------------
    @classmethod
    def exact(cls, value: Fraction | int, unit: str | pint.Unit = "dimensionless") -> Quantity:
        u = units.unit(unit) if isinstance(unit, str) else unit
        v = Fraction(value)
        return cls(Interval.point(v), u, value=v)

    @classmethod
    def of(cls, interval: Interval, unit: str | pint.Unit) -> Quantity:
        u = units.unit(unit) if isinstance(unit, str) else unit
        return cls(interval, u)

    # -- units --------------------------------------------------------------
    @property
    def unit_name(self) -> str:
        """``KRW``/``CNY``/... for money, else the canonical unit string."""
        return units.currency_code(self.unit) or units.format_unit(self.unit)

    @property
    def is_dimensionless(self) -> bool:
        return bool(self.unit.dimensionless)

    def to(self, target: str | pint.Unit) -> Quantity:
        """The same quantity in ``target`` units, converted exactly."""
        u = units.unit(target) if isinstance(target, str) else target
        if u is self.unit or u == self.unit:  # the same unit object, mostly: no pint compare
            return self
        factor = units.conversion_factor(self.unit, u)
        value = None if self.value is None else self.value * factor
        resolution = None if self.resolution is None else self.resolution * factor
        return replace(
            self, interval=self.interval.scale(factor), unit=u, value=value, resolution=resolution
        )

    def _aligned(self, other: Quantity, operation: str) -> Quantity:
        if not units.same_dimension(self.unit, other.unit):
            raise UnitError(
                f"cannot {operation} {self.describe()} and {other.describe()}: "
                f"units {self.unit_name} and {other.unit_name} differ in kind",
                hint="convert one side first "
                "(for money, write a in KRW, or multiply by a rate such as 164.84 KRW/CNY)",
            )
        return other.to(self.unit)

    # -- arithmetic (results are computed quantities) -----------------------
    def __add__(self, other: Quantity) -> Quantity:
        o = self._aligned(other, "add")
        return Quantity(self.interval + o.interval, self.unit)

    def __sub__(self, other: Quantity) -> Quantity:
        o = self._aligned(other, "subtract")
        return Quantity(self.interval - o.interval, self.unit)

    def __neg__(self) -> Quantity:
        return Quantity(-self.interval, self.unit)

    def __mul__(self, other: Quantity) -> Quantity:
        return _simplify(Quantity(self.interval * other.interval, self.unit * other.unit))

    def __truediv__(self, other: Quantity) -> Quantity:
        return _simplify(Quantity(self.interval / other.interval, self.unit / other.unit))

    def __abs__(self) -> Quantity:
        return Quantity(abs(self.interval), self.unit)

    def minimum(self, other: Quantity) -> Quantity:
        o = self._aligned(other, "take the minimum of")
        return Quantity(self.interval.minimum(o.interval), self.unit)

    def maximum(self, other: Quantity) -> Quantity:
        o = self._aligned(other, "take the maximum of")
        return Quantity(self.interval.maximum(o.interval), self.unit)

    # -- three-valued comparison -------------------------------------------
    def compare(self, op: str, other: Quantity) -> Truth:
        """``op`` is one of < <= > >= ; the other side is converted to our unit."""
        o = self._aligned(other, "compare")
        a, b = self.interval, o.interval
        if op == "<":
            return a.lt(b)
        if op == "<=":
            return a.le(b)
        if op == ">":
            return a.gt(b)
        if op == ">=":
            return a.ge(b)
        raise ValueError(f"unknown comparison {op!r}")

    # -- display ------------------------------------------------------------
    def describe(self) -> str:
        """``'1000억 위안' = [1e11, 1e11] CNY`` style text for messages."""
        head = f"{self.text!r} = " if self.text else ""
        return f"{head}{self.interval!r} {self.unit_name}"

    def __repr__(self) -> str:
        return f"Quantity({self.describe()}, qualifier={self.qualifier})"


def _simplify(q: Quantity) -> Quantity:
    """Reduce a dimensionless product or ratio (KRW/KRW, percent*x) to a plain number."""
    if q.unit.dimensionless and dict(q.unit._units):
        return q.to(units.dimensionless())
    return q
