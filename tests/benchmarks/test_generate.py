"""The corpus generator writes won amounts that read back to the nearest 억, whole 조 too."""

from __future__ import annotations

import os
import sys
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from factcheck import parse_quantity

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

import generate  # noqa: E402

EOK = 10**8

# Amounts near whole 조 (where rounding to 억 can carry into 조) as well as anywhere.
_NEAR_JO = st.builds(lambda jo, off: Fraction(jo * 10**12) + Fraction(off, 100) * EOK,
                     st.integers(1, 40), st.integers(-100, 100))
_ANY = st.fractions(min_value=Fraction(EOK, 2), max_value=Fraction(50 * 10**12))


@given(st.one_of(_NEAR_JO, _ANY))
def test_won_reads_back_within_half_an_eok(amount: Fraction) -> None:
    written = "약 " + generate.won(amount)
    q = parse_quantity(written)
    assert q.unit_name == "KRW"
    # "약" widens by half the last written digit's place: that place must be 1억.
    lo, hi = q.interval.lo, q.interval.hi
    assert lo is not None and hi is not None
    assert hi - lo == EOK, written
    assert lo <= amount <= hi, written


def test_whole_jo_keeps_its_eok_digits() -> None:
    assert generate.won(Fraction(2 * 10**12) - Fraction(EOK, 3)) == "20,000억 원"
    assert generate.won(Fraction(16_519 * EOK)) == "1조6519억 원"
    assert generate.won(Fraction(1_700 * EOK)) == "1700억 원"
