"""The place a resolution stands for: k exactly when the resolution is 10**k."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantity.format import _power_of_ten
from factcheck.quantity.rational import Fraction

POWERS = {Fraction(10) ** e: e for e in range(-60, 61)}
# Powers of ten, their neighbours by a digit, and any positive, zero or negative ratio.
VALUES = st.one_of(
    st.sampled_from(sorted(POWERS)),
    st.builds(lambda k, m: Fraction(10) ** k * m, st.integers(-40, 40),
              st.sampled_from([Fraction(m) for m in (2, 3, 11, 101, 110)]
                              + [Fraction(1, m) for m in (2, 3, 11, 101)])),
    st.builds(Fraction, st.integers(-10**6, 10**6), st.integers(1, 10**6)),
)


@given(VALUES)
def test_k_exactly_for_ten_to_the_k(r: Fraction) -> None:
    assert _power_of_ten(r) == POWERS.get(r)


def test_edges() -> None:
    assert _power_of_ten(None) is None
    assert _power_of_ten(Fraction(0)) is None
    assert _power_of_ten(Fraction(-10)) is None
    assert _power_of_ten(Fraction(1)) == 0
    assert _power_of_ten(Fraction(1, 10)) == -1
    for almost in (Fraction(11), Fraction(101), Fraction(2, 10), Fraction(1, 20), Fraction(1, 11),
                   Fraction(20), Fraction(1000, 3)):
        assert _power_of_ten(almost) is None
