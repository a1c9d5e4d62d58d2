"""A smoke run of benchmarks/bench_draft.py: it runs and prints its figures (no timing)."""

from __future__ import annotations

import importlib.util
import os

from tests.seedtext import seed_path

_SCRIPT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))), "benchmarks", "bench_draft.py")


def test_bench_draft_prints_its_figures(capsys):
    spec = importlib.util.spec_from_file_location("factcheck_bench_draft", _SCRIPT)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    seed_path()  # skips with the reason where ../shared is absent; fails in CI
    assert bench.main(["--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "factcheck draft on 000_cc08ff2c2edef71c.txt (2318 characters)" in out
    assert out.count("us per character") == 3 and "growth 16x / 1x" in out
