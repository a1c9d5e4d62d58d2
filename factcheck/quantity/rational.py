"""The one exact rational type of factcheck: quicktions' compiled Fraction, else the stdlib's.

``quicktions.Fraction`` is the standard library's ``fractions.Fraction`` compiled
with Cython: the same values, the same normalisation and the same hashes, at a
tenth of the cost per operation. Every number a claim is checked with passes
through it many times, so it set the pace of whole runs. Both types compare and
hash alike, so a stdlib Fraction given by a caller (or a test) still works; where
a value enters our arithmetic (``Interval``, the unit registry) it is converted.
Without quicktions (a platform with no wheel), the stdlib type is used and every
report is byte for byte the same, only slower.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fractions import Fraction
else:
    try:
        from quicktions import Fraction
    except ImportError:  # pragma: no cover - exercised by tests/quantity/test_rational.py
        from fractions import Fraction

__all__ = ["Fraction"]
