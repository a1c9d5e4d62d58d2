"""Reading numbers from text leaves CPython's shared one-byte objects alone.

quicktions writes a one-character string it parses into the shared ``b"\\x00"``
object; afterwards ``bytes([0])`` reads as that digit in the whole process (and
Ray, which packs its task arguments with msgpack, can no longer read them).
"""

from __future__ import annotations

import fractions
import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantity.rational import (
    Fraction,
    TextSafeFraction,
    as_fraction,
    fraction_from_text,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

_DECIMALS = st.one_of(
    st.sampled_from("0123456789"),
    st.from_regex(r"\A[+-]?[0-9]{1,12}(\.[0-9]{1,12})?\Z"),
    st.builds(lambda a, b: f"{a}/{b}", st.integers(-10**6, 10**6), st.integers(1, 10**6)),
)


@given(_DECIMALS)
def test_text_reads_as_the_stdlib_reads_it(text: str) -> None:
    assert fraction_from_text(text) == fractions.Fraction(text)
    assert fraction_from_text(text).__class__ is Fraction
    assert TextSafeFraction(text) == fractions.Fraction(text)
    assert as_fraction(text) == as_fraction(fractions.Fraction(text)) == fractions.Fraction(text)
    assert bytes([0]) == b"\x00"


def test_a_lone_non_digit_is_still_refused() -> None:
    for text in ("x", ".", "-", " "):
        try:
            fraction_from_text(text)
        except ValueError:
            continue
        raise AssertionError(f"{text!r} was read as a number")


_PROBE = """
import sys
from factcheck.formats import FORMATS, RenderOptions, render
from factcheck.quantity import units
from factcheck.report.runner import CheckOptions, run_check

report = run_check(["claims"], CheckOptions(jobs=1))
for name in sorted(FORMATS):
    render(report, name, RenderOptions())
units.unit("mile")  # pint's full definitions, read from text
print(repr(bytes([0])), repr("\\x00".encode()))
"""


def test_a_whole_check_keeps_the_zero_byte() -> None:
    """The seed claims in every format, and pint's full definitions, in one process."""
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["b'\\x00'", "b'\\x00'"]
