"""Suite-wide test set-up: pytester for the plugin tests (it must be declared at the root),
a guard on CPython's shared one-byte object, and the benchmark corpus writer that several
folders' tests check against."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator

import pytest
from hypothesis import settings

pytest_plugins = ["pytester"]

# No per-example deadline: on a shared, loaded machine the first example (which loads
# pint or the rates) can take longer than any fixed deadline, and a timing is not what
# these properties assert. Speed is measured as ratios in benchmarks/.
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

_GENERATE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                         "benchmarks", "generate.py")


@pytest.fixture(autouse=True)
def _shared_nul_byte_intact() -> Iterator[None]:
    """Fail the test that overwrites CPython's shared ``b"\\x00"`` object.

    quicktions' ``Fraction(text)`` of one-character text writes that character into it
    (see factcheck/quantity/rational.py), and every later test of the process then
    reads NUL bytes as that digit, failing far from the cause.
    """
    yield
    # bytes([0]) is the shared object; a literal b"\x00" in this file is a constant
    # of its own and would not show the damage.
    assert bytes([0])[0] == 0, (
        "this test overwrote the shared one-byte object b'\\x00': read one-character "
        "text with factcheck.quantity.rational.fraction_from_text, not Fraction(text)")


@pytest.fixture
def generated_corpus(tmp_path) -> Callable[[int], str]:
    """``write(N)``: N claims of benchmarks/generate.py's corpus in a new folder of tmp_path."""
    spec = importlib.util.spec_from_file_location("factcheck_bench_generate", _GENERATE)
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)

    def write(claims: int) -> str:
        folder = str(tmp_path / f"corpus-{claims}")
        generate.generate(claims, folder)
        return folder

    return write
