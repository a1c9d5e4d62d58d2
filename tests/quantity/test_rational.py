"""The exact rational type: quicktions when installed, and the same reports without it."""

from __future__ import annotations

import fractions
import importlib.util
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantity.interval import Interval
from factcheck.quantity.rational import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HAVE_QUICKTIONS = importlib.util.find_spec("quicktions") is not None


def test_the_compiled_type_is_used_when_installed():
    if not HAVE_QUICKTIONS:
        pytest.skip("quicktions is not installed: the stdlib Fraction is in use, as designed")
    import quicktions

    assert Fraction is quicktions.Fraction


@given(st.fractions(), st.fractions())
def test_stdlib_fractions_mix_with_ours(a, b):
    """A caller's stdlib Fraction is the same number to us: equal, same hash, same order."""
    ours_a, ours_b = Fraction(a), Fraction(b)
    assert ours_a == a and hash(ours_a) == hash(a)
    assert (ours_a < ours_b) == (a < b)
    assert fractions.Fraction(str(ours_a + ours_b)) == a + b
    assert a in Interval(ours_a, ours_a)
    lo, hi = min(a, b), max(a, b)
    interval = Interval(lo, hi)  # stdlib bounds are converted on the way in
    assert interval.lo.__class__ is Fraction and interval.hi.__class__ is Fraction


_BLOCKED = (
    "import sys; sys.modules['quicktions'] = None\n"
    "from factcheck.quantity.rational import Fraction\n"
    "import fractions; assert Fraction is fractions.Fraction, Fraction\n"
    "from factcheck.cli import entry\n"
    "sys.argv = ['factcheck'] + sys.argv[1:]\n"
    "entry()\n"
)


def _report(tmp_path, corpus: str, fmt: str, *, blocked: bool) -> tuple[int, bytes]:
    out = tmp_path / f"{fmt}-{'stdlib' if blocked else 'default'}.out"
    args = ["check", corpus, "--format", fmt, "--output", str(out), "--jobs", "1"]
    cmd = [sys.executable, "-c", _BLOCKED, *args] if blocked else \
        [sys.executable, "-m", "factcheck", *args]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, out.read_bytes()


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_reports_are_the_same_bytes_with_the_stdlib_fraction(tmp_path, generated_corpus, fmt):
    corpus = generated_corpus(300)
    for where in (corpus, os.path.join(ROOT, "claims")):
        fast = _report(tmp_path, where, fmt, blocked=False)
        slow = _report(tmp_path, where, fmt, blocked=True)
        assert fast == slow
