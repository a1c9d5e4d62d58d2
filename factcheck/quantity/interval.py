"""Exact intervals of rationals with open or closed, finite or infinite bounds.

A written number stands for every value its precision and qualifier allow; an
``Interval`` is that set. Arithmetic is sound: for any points inside the operands,
the point result lies inside the result. Comparisons answer three ways.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from enum import Enum

from factcheck.errors import ArithmeticDomainError
from factcheck.quantity.rational import Fraction

Number = Fraction | int


class Truth(Enum):
    """A three-valued answer: every allowed value says yes, none does, or some do."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    def __invert__(self) -> Truth:
        return {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE}.get(self, Truth.UNKNOWN)


# An endpoint in the extended reals: a Fraction, or None with a sign for +-infinity.
# Internally we use (value, is_open) pairs where value is a Fraction or one of these.
class _Inf:
    __slots__ = ("sign",)

    def __init__(self, sign: int) -> None:
        self.sign = sign

    def __repr__(self) -> str:
        return "+inf" if self.sign > 0 else "-inf"


POS_INF = _Inf(1)
NEG_INF = _Inf(-1)
_Ext = Fraction | _Inf


def _key(x: _Ext) -> tuple[int, Fraction]:
    """Sort key for extended reals."""
    if isinstance(x, _Inf):
        return (x.sign, Fraction(0))
    return (0, x)


def _sign(x: _Ext) -> int:
    if isinstance(x, _Inf):
        return x.sign
    return (x > 0) - (x < 0)


def _mul(a: _Ext, b: _Ext) -> _Ext:
    if isinstance(a, _Inf) or isinstance(b, _Inf):
        s = _sign(a) * _sign(b)
        if s == 0:
            return Fraction(0)
        return POS_INF if s > 0 else NEG_INF
    return a * b


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of rationals between ``lo`` and ``hi``; ``None`` means unbounded.

    ``lo_open``/``hi_open`` say whether a finite bound is excluded. Unbounded ends
    are always open. The empty interval is not representable on purpose: every
    written quantity allows at least one value.
    """

    lo: Fraction | None
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        lo, hi = self.lo, self.hi
        if lo is not None and not isinstance(lo, Fraction):
            object.__setattr__(self, "lo", Fraction(lo))
        if hi is not None and not isinstance(hi, Fraction):
            object.__setattr__(self, "hi", Fraction(hi))
        if self.lo is None:
            object.__setattr__(self, "lo_open", True)
        if self.hi is None:
            object.__setattr__(self, "hi_open", True)
        if (
            self.lo is not None
            and self.hi is not None
            and (self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open)))
        ):
            raise ValueError(f"empty interval: {self!r}")

    # -- construction -------------------------------------------------------
    @classmethod
    def point(cls, x: Number) -> Interval:
        x = x if x.__class__ is Fraction else Fraction(x)  # Fractions are immutable
        return cls(x, x)

    @classmethod
    def closed(cls, lo: Number, hi: Number) -> Interval:
        return cls(Fraction(lo), Fraction(hi))

    @classmethod
    def everything(cls) -> Interval:
        return cls(None, None, True, True)

    @classmethod
    def _from_ext(cls, lo: tuple[_Ext, bool], hi: tuple[_Ext, bool]) -> Interval:
        lv, lopen = lo
        hv, hopen = hi
        return cls(
            None if isinstance(lv, _Inf) else lv,
            None if isinstance(hv, _Inf) else hv,
            lopen,
            hopen,
        )

    # -- inspection ---------------------------------------------------------
    @property
    def is_point(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    @property
    def is_bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    @property
    def midpoint(self) -> Fraction | None:
        if self.lo is None or self.hi is None:
            return None
        return (self.lo + self.hi) / 2

    def _lo_ext(self) -> tuple[_Ext, bool]:
        return (NEG_INF if self.lo is None else self.lo, self.lo_open)

    def _hi_ext(self) -> tuple[_Ext, bool]:
        return (POS_INF if self.hi is None else self.hi, self.hi_open)

    def __contains__(self, x: object) -> bool:
        if not isinstance(x, (int, Fraction, numbers.Rational)):  # any exact rational
            return False
        x = Fraction(x)
        if self.lo is not None and (x < self.lo or (x == self.lo and self.lo_open)):
            return False
        return not (self.hi is not None and (x > self.hi or (x == self.hi and self.hi_open)))

    def contains_interval(self, other: Interval) -> bool:
        """True when every value of ``other`` lies in ``self``."""
        if self.lo is not None:
            if other.lo is None or other.lo < self.lo:
                return False
            if other.lo == self.lo and self.lo_open and not other.lo_open:
                return False
        if self.hi is not None:
            if other.hi is None or other.hi > self.hi:
                return False
            if other.hi == self.hi and self.hi_open and not other.hi_open:
                return False
        return True

    def intersection(self, other: Interval) -> Interval | None:
        """The common values, or None when there are none."""
        lo = max(self._lo_ext(), other._lo_ext(), key=lambda e: (_key(e[0]), e[1]))
        hi = min(self._hi_ext(), other._hi_ext(), key=lambda e: (_key(e[0]), not e[1]))
        try:
            return Interval._from_ext(lo, hi)
        except ValueError:
            return None

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both."""
        lo = min(self._lo_ext(), other._lo_ext(), key=lambda e: (_key(e[0]), e[1]))
        hi = max(self._hi_ext(), other._hi_ext(), key=lambda e: (_key(e[0]), not e[1]))
        return Interval._from_ext(lo, hi)

    def widen(self, relative: Fraction) -> Interval:
        """Widen each finite bound by ``relative`` times its own magnitude."""
        lo = None if self.lo is None else self.lo - abs(self.lo) * relative
        hi = None if self.hi is None else self.hi + abs(self.hi) * relative
        return Interval(lo, hi, self.lo_open, self.hi_open)

    # -- arithmetic ---------------------------------------------------------
    def __neg__(self) -> Interval:
        return Interval(
            None if self.hi is None else -self.hi,
            None if self.lo is None else -self.lo,
            self.hi_open,
            self.lo_open,
        )

    def __add__(self, other: Interval | Number) -> Interval:
        o = _as_interval(other)
        lo = None if self.lo is None or o.lo is None else self.lo + o.lo
        hi = None if self.hi is None or o.hi is None else self.hi + o.hi
        return Interval(lo, hi, self.lo_open or o.lo_open, self.hi_open or o.hi_open)

    __radd__ = __add__

    def __sub__(self, other: Interval | Number) -> Interval:
        return self + (-_as_interval(other))

    def __rsub__(self, other: Number) -> Interval:
        return _as_interval(other) - self

    def __mul__(self, other: Interval | Number) -> Interval:
        o = _as_interval(other)
        p = o.lo
        if p is not None and p == o.hi:
            # Times a point (every unit conversion, every division by an amount): the
            # ends scale, and swap for a negative factor; zero gives the point zero.
            # The same result as the general product below, at a fraction of its cost.
            if p > 0:
                return Interval(None if self.lo is None else self.lo * p,
                                None if self.hi is None else self.hi * p,
                                self.lo_open, self.hi_open)
            if p < 0:
                return Interval(None if self.hi is None else self.hi * p,
                                None if self.lo is None else self.lo * p,
                                self.hi_open, self.lo_open)
            return Interval(Fraction(0), Fraction(0))
        return self._product(o)

    def _product(self, o: Interval) -> Interval:
        """The product by the four end products, for any two intervals."""
        candidates = []
        for a, aopen in (self._lo_ext(), self._hi_ext()):
            for b, bopen in (o._lo_ext(), o._hi_ext()):
                value = _mul(a, b)
                # A closed zero factor is attained, so the zero product is attained too.
                zero_closed = (a == 0 and not aopen) or (b == 0 and not bopen)
                is_open = (aopen or bopen) and not zero_closed
                candidates.append((value, is_open))
        lo = min(candidates, key=lambda e: (_key(e[0]), e[1]))
        hi = max(candidates, key=lambda e: (_key(e[0]), not e[1]))
        return Interval._from_ext(lo, hi)

    __rmul__ = __mul__

    def reciprocal(self) -> Interval:
        """1/x over the interval; unbounded when zero is inside or on a closed end."""
        if self.is_point and self.lo == 0:
            raise ArithmeticDomainError(
                "division by exactly zero", hint="check the divisor of the expression"
            )
        if 0 in self or (self.lo is not None and self.hi is not None and self.lo < 0 < self.hi):
            return Interval.everything()
        if self.lo is None and self.hi is None:
            return Interval.everything()
        if _sign(self._lo_ext()[0]) >= 0:  # positive side: lo >= 0 (0 only if open)
            new_lo = Fraction(0) if self.hi is None else 1 / self.hi
            new_lo_open = True if self.hi is None else self.hi_open
            if self.lo == 0:
                return Interval(new_lo, None, new_lo_open, True)
            assert self.lo is not None
            return Interval(new_lo, 1 / self.lo, new_lo_open, self.lo_open)
        return -((-self).reciprocal())

    def __truediv__(self, other: Interval | Number) -> Interval:
        return self * _as_interval(other).reciprocal()

    def __rtruediv__(self, other: Number) -> Interval:
        return _as_interval(other) / self

    def __abs__(self) -> Interval:
        if self.lo is not None and (self.lo > 0 or (self.lo == 0)):
            return self
        if self.hi is not None and (self.hi < 0 or self.hi == 0):
            return -self
        # zero is inside: [0, max(|lo|, |hi|)]
        neg = -self
        hi = max(self._hi_ext(), neg._hi_ext(), key=lambda e: (_key(e[0]), not e[1]))
        return Interval._from_ext((Fraction(0), False), hi)

    def minimum(self, other: Interval) -> Interval:
        lo = min(self._lo_ext(), other._lo_ext(), key=lambda e: (_key(e[0]), e[1]))
        hi = min(self._hi_ext(), other._hi_ext(), key=lambda e: (_key(e[0]), not e[1]))
        return Interval._from_ext(lo, hi)

    def maximum(self, other: Interval) -> Interval:
        lo = max(self._lo_ext(), other._lo_ext(), key=lambda e: (_key(e[0]), e[1]))
        hi = max(self._hi_ext(), other._hi_ext(), key=lambda e: (_key(e[0]), not e[1]))
        return Interval._from_ext(lo, hi)

    def scale(self, factor: Number) -> Interval:
        return self * Interval.point(factor)

    # -- three-valued comparison -------------------------------------------
    def lt(self, other: Interval) -> Truth:
        """Is every value of self below every value of other (TRUE), none (FALSE)?"""
        # TRUE when sup(self) < inf(other), or equal with either end excluded.
        if (
            self.hi is not None
            and other.lo is not None
            and (self.hi < other.lo or (self.hi == other.lo and (self.hi_open or other.lo_open)))
        ):
            return Truth.TRUE
        # FALSE when inf(self) >= sup(other): then a >= b for every pair.
        if self.lo is not None and other.hi is not None and self.lo >= other.hi:
            return Truth.FALSE
        return Truth.UNKNOWN

    def le(self, other: Interval) -> Truth:
        if self.hi is not None and other.lo is not None and self.hi <= other.lo:
            return Truth.TRUE
        if (
            self.lo is not None
            and other.hi is not None
            and (self.lo > other.hi or (self.lo == other.hi and (self.lo_open or other.hi_open)))
        ):
            return Truth.FALSE
        return Truth.UNKNOWN

    def gt(self, other: Interval) -> Truth:
        return other.lt(self)

    def ge(self, other: Interval) -> Truth:
        return other.le(self)

    def within(self, target: Interval) -> Truth:
        """TRUE when every value lies in target, FALSE when none does."""
        if target.contains_interval(self):
            return Truth.TRUE
        if self.intersection(target) is None:
            return Truth.FALSE
        return Truth.UNKNOWN

    # -- display ------------------------------------------------------------
    def __repr__(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        lo = "-inf" if self.lo is None else str(self.lo)
        hi = "+inf" if self.hi is None else str(self.hi)
        return f"{left}{lo}, {hi}{right}"


def _as_interval(x: Interval | Number) -> Interval:
    if isinstance(x, Interval):
        return x
    return Interval.point(Fraction(x))

