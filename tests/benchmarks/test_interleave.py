"""The benchmark's run order cancels a drifting machine: ratios come out as if it were steady."""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

import interleave  # noqa: E402
from interleave import MERGE, TEXT, Sample, Step  # noqa: E402

N, HUGE = 100, 300
FORMATS = ["text", "json", "markdown", "html"]


def _measure(steps: list[Step], cost: dict[str, float], growth: dict[str, float],
             drift: float) -> list[Sample]:
    """What each run would measure on a machine whose slowness grows linearly with the
    work done so far (``drift`` per second of work; negative: it speeds up)."""
    samples, clock = [], 0.0
    for step in steps:
        work = cost[step.name] * (step.claims / N) * (growth[step.name] if step.claims != N
                                                       else 1.0)
        middle = clock + work / 2
        clock += work
        samples.append(Sample(cpu=work * (1 + drift * middle), peak=step.claims / 10))
    return samples


_cost = st.floats(min_value=1.0, max_value=30.0)
_ratio = st.floats(min_value=0.5, max_value=2.0)


@given(text=_cost, ratios=st.lists(_ratio, min_size=3, max_size=3),
       growths=st.lists(_ratio, min_size=5, max_size=5),
       drift=st.floats(min_value=-0.001, max_value=0.001) | st.just(0.0), linear=st.booleans())
def test_a_linear_drift_cancels_in_every_ratio(text, ratios, growths, drift, linear):
    cost = {TEXT: text, MERGE: text / 2} | {f: text * r for f, r in zip(FORMATS[1:], ratios,
                                                                          strict=True)}
    growth = dict(zip([*FORMATS, MERGE], growths, strict=True))
    huge = HUGE if linear else None
    steps = interleave.schedule(FORMATS, N, huge, merge=True)
    got = interleave.figures(steps, _measure(steps, cost, growth, drift), N, huge)
    assert list(got) == [*FORMATS, MERGE]
    for fmt, ratio in zip(FORMATS[1:], ratios, strict=True):
        assert got[fmt].to_text == pytest.approx(ratio, rel=1e-9)
        # the pairs straddle the figure: one pair's drift is the other's, reversed
        pairs = got[fmt].to_text_pairs
        assert min(pairs) <= got[fmt].to_text * (1 + 1e-9)
        assert max(pairs) >= got[fmt].to_text * (1 - 1e-9)
    assert got[TEXT].to_text is None and got[MERGE].to_text is None
    for name in [*FORMATS, MERGE]:
        if linear:
            assert got[name].growth == pytest.approx(growth[name], rel=1e-9)
            assert len(got[name].growth_pairs) == 2
        else:
            assert got[name].growth is None and got[name].growth_pairs == []


def test_a_steady_machine_gives_pairs_that_agree():
    cost = {TEXT: 10.0, "json": 11.0, "markdown": 9.0, "html": 12.0, MERGE: 5.0}
    growth = dict.fromkeys(cost, 1.05)
    steps = interleave.schedule(FORMATS, N, HUGE, merge=True)
    got = interleave.figures(steps, _measure(steps, cost, growth, 0.0), N, HUGE)
    assert got["html"].to_text_pairs == pytest.approx([1.2, 1.2])
    assert got["json"].growth_pairs == pytest.approx([1.05, 1.05])
    assert interleave.spread(got["html"].to_text_pairs) == "1.20-1.20x"
    assert got[TEXT].runs == [10.0] * 5  # 2 around its own 3N run, 1 after each format


def test_every_format_sits_between_text_runs_and_its_big_run_between_its_own():
    steps = interleave.schedule(["text", "json", "sarif"], N, HUGE, merge=True)
    assert [(s.name, s.claims) for s in steps] == [
        ("text", N), ("text", HUGE), ("text", N),
        ("json", N), ("json", HUGE), ("json", N), ("text", N),
        ("sarif", N), ("sarif", HUGE), ("sarif", N), ("text", N),
        ("merge", N), ("merge", HUGE), ("merge", N)]
    short = interleave.schedule(["text", "json", "sarif"], N, None, merge=False)
    assert [s.name for s in short] == ["text", "json", "text", "sarif", "text"]


def test_text_is_required_and_every_run_measured():
    with pytest.raises(ValueError, match="do not include 'text'"):
        interleave.schedule(["json"], N, HUGE, merge=False)
    steps = interleave.schedule(["text"], N, None, merge=False)
    with pytest.raises(ValueError, match="1 runs scheduled but 0 measured"):
        interleave.figures(steps, [], N, None)
