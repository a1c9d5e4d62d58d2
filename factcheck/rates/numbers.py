"""Exact numbers as strings and as rounded JSON numbers, deterministically."""

from __future__ import annotations

import decimal

from factcheck.quantity.rational import Fraction

# Plenty of digits so that rounding the quotient once more is never off.
_WIDE = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN)


def _plain(d: decimal.Decimal) -> str:
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _rounding(digits: int) -> decimal.Context:
    """Half-even to ``digits`` significant digits; one context per precision, made once
    (a rate block and a convert claim ask for several numbers each; the flags a context
    collects change no result)."""
    ctx = _ROUNDING.get(digits)
    if ctx is None:
        ctx = _ROUNDING[digits] = decimal.Context(prec=digits, rounding=decimal.ROUND_HALF_EVEN)
    return ctx


_ROUNDING: dict[int, decimal.Context] = {}


def _decimal(x: Fraction) -> decimal.Decimal:
    return _WIDE.divide(decimal.Decimal(x.numerator), decimal.Decimal(x.denominator))


def significant(x: Fraction, digits: int = 6) -> float:
    """``x`` rounded half-even to ``digits`` significant digits, as a JSON number."""
    x = x if x.__class__ is Fraction else Fraction(x)  # no copy: hot at archive scale
    if x == 0:
        return 0.0
    ctx = _rounding(digits)
    return float(ctx.plus(_decimal(x)))


def places(x: Fraction, digits: int = 3) -> float:
    """``x`` rounded half-even to ``digits`` decimal places, as a JSON number."""
    q = _decimal(Fraction(x)).quantize(decimal.Decimal(1).scaleb(-digits), context=_WIDE)
    return float(q) + 0.0  # + 0.0 turns -0.0 into 0.0


def fixed(x: Fraction, digits: int = 6) -> str:
    """``x`` rounded half-even to ``digits`` decimal places, as a plain decimal string."""
    q = _decimal(Fraction(x)).quantize(decimal.Decimal(1).scaleb(-digits), context=_WIDE)
    return _plain(q)


def display(x: Fraction, digits: int = 6) -> str:
    """A short human form: ``significant`` digits, no exponent, no trailing zeros."""
    x = x if x.__class__ is Fraction else Fraction(x)  # no copy: hot at archive scale
    if x == 0:
        return "0"
    ctx = _rounding(digits)
    return _plain(ctx.plus(_decimal(x)))


def percent(x: Fraction, digits: int = 3) -> str:
    """A ratio as a percentage for messages: ``Fraction(1, 100)`` -> ``1%``."""
    q = _decimal(Fraction(x) * 100).quantize(decimal.Decimal(1).scaleb(-digits), context=_WIDE)
    return _plain(q) + "%"


def report_number(x: object) -> str:
    """A number from a report's rate block as people read it: ``200.0`` is ``200``."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


def report_percent(x: object, *, signed: bool = True) -> str:
    """A percentage from a report's rate block at the one precision of every report
    (``-0.096`` is ``-0.10%``; a spread, not ``signed``, has no sign); ``?`` when it is
    no number."""
    from factcheck.quantity.rational import fraction_from_text
    from factcheck.quantity.readable import percent_text

    try:
        shown = percent_text(fraction_from_text(str(x)))
    except (ValueError, ZeroDivisionError):
        return "?"
    return shown if signed else shown.lstrip("+")
