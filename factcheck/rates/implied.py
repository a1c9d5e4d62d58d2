"""The exchange rate a written conversion implies, as an exact interval.

A conversion such as ``1000억 위안(약 16조4천780억 원)`` converts the *stated
numbers*, so each side contributes the precision of its written number, not the
set of values its qualifier allows: ``약 16조4천780억`` is 16조4780억 ± 0.5억
(half its resolution), a number written without 약 is exactly itself, and so is
one with an at-least/more-than/at-most/less-than qualifier (``1000억 위안 이상``
still converts the number 1000억; using [1000억, +inf) would make the rate
meaningless). A range converts its whole interval; a vague amount (수십억) cannot
imply a rate. The implied rate is stated / amount, in units of ``to`` per ``from``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.errors import QuantityError, UnitError
from factcheck.quantity import units
from factcheck.quantity.interval import Interval, Truth
from factcheck.quantity.rational import Fraction, fraction_from_text

if TYPE_CHECKING:
    from factcheck.kinds.base import Verdict
    from factcheck.quantity.quantity import Quantity

_POINT_QUALIFIERS = {"exact", "at_least", "more_than", "at_most", "less_than"}
_RATE = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*([A-Za-z]{3})\s*/\s*([A-Za-z]{3})\s*$")


@dataclass(frozen=True, slots=True)
class ImpliedRate:
    """One conversion's implied rate: ``to`` units per ``from`` unit lie in ``interval``.

    ``written`` is the rate the written figures themselves give (stated / amount, as
    printed: 13억 위안 for 1.8억 달러 is 7.2222...), None when a side is a range.
    """

    claim_id: str
    from_code: str
    to_code: str
    interval: Interval
    written: Fraction | None = None

    @property
    def shown(self) -> Fraction:
        """The rate a reader computes from the article: the written one, else the middle."""
        if self.written is not None:
            return self.written
        mid = self.interval.midpoint
        assert mid is not None, "implied rates are bounded"
        return mid

    def inverted(self) -> ImpliedRate:
        return ImpliedRate(self.claim_id, self.to_code, self.from_code, self.interval.reciprocal(),
                           None if not self.written else 1 / self.written)


def precision_interval(q: Quantity) -> Interval:
    """The values the written number itself stands for (see the module docstring)."""
    if q.qualifier == "vague":
        raise QuantityError(
            f"{q.text or q.describe()!r} is vague and cannot imply an exchange rate",
            hint="write the amount as a number, or drop this conversion claim",
        )
    if q.qualifier == "range" or q.value is None:
        if not q.interval.is_bounded:
            raise QuantityError(
                f"{q.text or q.describe()!r} is unbounded and cannot imply an exchange rate",
                hint="write the amount as a number",
            )
        return q.interval
    if q.qualifier == "approx" and q.resolution:
        half = Fraction(q.resolution) / 2
        return Interval.closed(q.value - half, q.value + half)
    if q.qualifier in _POINT_QUALIFIERS or q.qualifier == "approx":
        return Interval.point(q.value)
    raise QuantityError(f"unknown qualifier {q.qualifier!r} on {q.text!r}")


def currency_of(q: Quantity, role: str) -> str:
    """The ISO code of a money quantity; a clear error for anything else."""
    code = units.currency_code(q.unit)
    if code is None:
        raise UnitError(
            f"the {role} {q.text or q.describe()!r} is in {q.unit_name}, not a currency",
            hint="write an amount of money such as '1000억 위안' or '16조4780억 원'",
        )
    return code


def implied_rate(claim_id: str, amount: Quantity, stated: Quantity) -> ImpliedRate:
    """stated / amount from the precision intervals, exact."""
    from_code = currency_of(amount, "amount")
    to_code = currency_of(stated, "stated amount")
    if from_code == to_code:
        raise UnitError(
            f"amount {amount.text!r} and stated {stated.text!r} are both in {from_code}",
            hint="a conversion claim needs two currencies",
        )
    low = precision_interval(amount)
    if low.lo is None or low.lo <= 0:
        raise QuantityError(
            f"the amount {amount.text!r} must be positive to imply a rate",
            hint="convert a positive amount",
        )
    top, bottom = _written(stated), _written(amount)
    written = top / bottom if top is not None and bottom else None
    return ImpliedRate(claim_id, from_code, to_code, precision_interval(stated) / low, written)


def _written(q: Quantity) -> Fraction | None:
    """The number as printed (None for a range, which prints two)."""
    return None if q.qualifier == "range" else q.value


def parse_rate(text: str, from_code: str, to_code: str) -> Fraction:
    """A rate written in a claim (``164.84 KRW/CNY``), as ``to`` per ``from``."""
    m = _RATE.match(text)
    if not m:
        raise QuantityError(
            f"rate {text!r} is not a number with a currency pair",
            hint=f"write it like '164.84 {to_code}/{from_code}'",
        )
    value = fraction_from_text(m.group(1).replace(",", ""))
    num, den = m.group(2).upper(), m.group(3).upper()
    if value == 0:
        raise QuantityError(f"rate {text!r} is zero", hint="write a positive rate")
    if (num, den) == (to_code, from_code):
        return value
    if (num, den) == (from_code, to_code):
        return 1 / value
    raise UnitError(
        f"rate {text!r} is in {num}/{den}, but the claim converts {from_code} to {to_code}",
        hint=f"write it like '164.84 {to_code}/{from_code}'",
    )


def band(reference: Fraction, tolerance: Fraction) -> Interval:
    """The rates within ``tolerance`` of ``reference``: reference * [1 - tol, 1 + tol]."""
    return Interval.closed(reference * (1 - tolerance), reference * (1 + tolerance))


def verdict(implied: Interval, reference: Fraction, tolerance: Fraction) -> Verdict:
    """holds when every implied rate is within tolerance, contradicted when none is."""
    truth = implied.within(band(reference, tolerance))
    if truth is Truth.TRUE:
        return "holds"
    return "contradicted" if truth is Truth.FALSE else "undetermined"


def deviation(rate: Fraction, reference: Fraction) -> Fraction:
    """Relative deviation of a rate from the reference (0.01 = 1%)."""
    return (rate - reference) / reference


def implied_json(conversion: ImpliedRate) -> dict[str, object]:
    """A conversion's implied rate for a finding's ``details`` (exact decimal strings):
    the rate its written figures give, and the interval they stand for."""
    from factcheck.quantity.decimals import exact_string

    iv = conversion.interval
    assert iv.lo is not None and iv.hi is not None
    return {
        "rate": exact_string(conversion.shown),
        "low": exact_string(iv.lo),
        "high": exact_string(iv.hi),
        "low_open": iv.lo_open,
        "high_open": iv.hi_open,
    }
