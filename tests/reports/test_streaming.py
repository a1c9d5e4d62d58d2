"""A streamed report is the rendered report, byte for byte, written a few claims at a time."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

from factcheck.formats import FORMATS, RenderOptions, render, write
from factcheck.report.record import Report

ROOT = Path(__file__).resolve().parents[2]


class _Counting(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, s: str) -> int:
        self.writes += 1
        return super().write(s)


def _streamed(report: Report, name: str) -> _Counting:
    out = _Counting()
    write(report, name, RenderOptions(), out)
    return out


def test_every_format_writes_what_it_renders(report: Report) -> None:
    for name in FORMATS:
        assert _streamed(report, name).getvalue() == render(report, name, RenderOptions()), name


def test_json_is_written_a_few_claims_at_a_time(report: Report) -> None:
    """Never the whole report at once: a write holds at most a few dozen claims."""
    many = dataclasses.replace(report, findings=report.findings * 40)
    out = _streamed(many, "json")
    assert out.writes >= len(many.findings) // 32 > 3


def test_json_of_unusual_values_falls_back_as_render_does(report: Report) -> None:
    """NaN and a key that is not text leave the fast encoder, in one claim or elsewhere."""
    odd = dataclasses.replace(report.findings[0], details={"x": float("nan"), 1: "one"})
    in_a_claim = dataclasses.replace(report, findings=[odd, *report.findings[1:]])
    in_the_rates = dataclasses.replace(report, rates=[{"from": "A", "to": "B", "x": float("inf")}])
    for case in (in_a_claim, in_the_rates):
        assert _streamed(case, "json").getvalue() == render(case, "json", RenderOptions())


def test_json_escapes_workflow_commands_in_every_claim(report: Report) -> None:
    """``##[`` and line separators are escaped in each written piece, as in the whole."""
    odd = [dataclasses.replace(f, message=f"##[group]{f.message}\u2028##[") for f in
           report.findings]
    case = dataclasses.replace(report, findings=odd)
    streamed = _streamed(case, "json").getvalue()
    assert "##[" not in streamed and "\u2028" not in streamed
    assert streamed == render(case, "json", RenderOptions())


def test_json_of_no_claims(report: Report) -> None:
    empty = dataclasses.replace(report, findings=[])
    assert _streamed(empty, "json").getvalue() == render(empty, "json", RenderOptions())


def test_check_writes_the_rendered_json(tmp_path: Path) -> None:
    from factcheck.report.runner import CheckOptions, run_check

    expected = render(run_check([str(ROOT / "claims")], CheckOptions(jobs=1)), "json",
                      RenderOptions()).encode()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "factcheck", "check", str(ROOT / "claims"), "--format", "json"]
    to_stdout = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False, env=env)
    to_file = subprocess.run([*cmd, "-o", str(tmp_path / "r.json")], cwd=ROOT,
                             capture_output=True, check=False, env=env)
    assert to_stdout.returncode == to_file.returncode == 0, to_file.stderr
    assert to_stdout.stdout == expected
    assert (tmp_path / "r.json").read_bytes() == expected
