"""The one exact rational type of factcheck: quicktions' compiled Fraction, else the stdlib's.

``quicktions.Fraction`` is the standard library's ``fractions.Fraction`` compiled
with Cython: the same values, the same normalisation and the same hashes, at a
tenth of the cost per operation. Every number a claim is checked with passes
through it many times, so it set the pace of whole runs. Both types compare and
hash alike, so a stdlib Fraction given by a caller (or a test) still works; where
a value enters our arithmetic (``Interval``, the unit registry) it is converted.
Without quicktions (a platform with no wheel), the stdlib type is used and every
report is byte for byte the same, only slower.

Text is read with ``fraction_from_text``, never ``Fraction(text)``: quicktions
(1.16 to 1.24 at least) parses a one-character string by writing that character
into CPython's shared one-byte object ``b"\\x00"``, after which every ``b"\\x00"``
of the process (``"\\x00".encode()``, msgpack's packing of 0, which breaks Ray's
task arguments) reads as that digit. ``TextSafeFraction`` is the same type for
pint, which builds its numbers from text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fractions import Fraction
else:
    try:
        from quicktions import Fraction
    except ImportError:  # pragma: no cover - exercised by tests/quantity/test_rational.py
        from fractions import Fraction

__all__ = ["Fraction", "TextSafeFraction", "as_fraction", "fraction_from_text"]


def fraction_from_text(text: str) -> Fraction:
    """``Fraction(text)`` for a decimal or ``a/b`` string, safe for one-character text."""
    if len(text) == 1:
        return Fraction(int(text))  # a lone digit; anything else is a ValueError, as before
    return Fraction(text)


def as_fraction(value: Any) -> Fraction:
    """``Fraction(value)`` for a number or a text (as a JSON report holds either)."""
    return fraction_from_text(value) if value.__class__ is str else Fraction(value)


class TextSafeFraction(Fraction):
    """The rational type for pint's ``non_int_type``: reads text with ``fraction_from_text``.

    Arithmetic on it gives plain ``Fraction`` values; pint converts what it keeps.
    """

    __slots__ = ()

    def __new__(cls, numerator: Any = 0, denominator: Any = None) -> TextSafeFraction:
        if numerator.__class__ is str and len(numerator) == 1:
            numerator = int(numerator)
        return super().__new__(cls, numerator, denominator)
