"""Our SARIF passes Microsoft's SARIF Multitool validator with the GitHub rules.

The validator is a .NET program shipped on npm (@microsoft/sarif-multitool-linux);
.ci/run installs it. Elsewhere the test is skipped, saying how to run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
DEFAULT = ROOT / ".ci" / "sarif" / "node_modules" / "@microsoft" / "sarif-multitool-linux"


def _multitool() -> Path:
    path = Path(os.environ.get("FACTCHECK_SARIF_MULTITOOL", DEFAULT / "Sarif.Multitool"))
    if not path.is_file():
        reason = (f"SARIF Multitool not found at {path}: run "
                  "`npm install --prefix .ci/sarif @microsoft/sarif-multitool-linux@5.7.0` "
                  "or set FACTCHECK_SARIF_MULTITOOL to its Sarif.Multitool binary")
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must validate the SARIF, not skip it)")
        pytest.skip(reason)
    return path


def _validate(tool: Path, sarif: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / (sarif.stem + ".validation.sarif")
    done = subprocess.run(
        [str(tool), "validate", "--rule-kind", "Gh;Sarif", "--output", str(out), str(sarif)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.is_file(), f"the validator wrote no log: {done.stdout}\n{done.stderr}"
    log = json.loads(out.read_text(encoding="utf-8"))
    return [r for r in log["runs"][0].get("results", []) if r.get("level") in ("error", "warning")]


@pytest.mark.parametrize("name", ["sample.sarif.sarif", "seed.sarif.sarif"])
def test_snapshot_sarif_is_valid_for_github(name, tmp_path):
    tool = _multitool()
    assert _validate(tool, SNAPSHOTS / name, tmp_path) == []


def test_validator_does_find_problems(tmp_path):
    """The check can fail: a result without a location breaks GitHub's rules."""
    tool = _multitool()
    data = json.loads((SNAPSHOTS / "seed.sarif.sarif").read_text(encoding="utf-8"))
    data["runs"][0]["results"][0].pop("locations")
    broken = tmp_path / "broken.sarif"
    broken.write_text(json.dumps(data), encoding="utf-8")
    found = {r["ruleId"] for r in _validate(tool, broken, tmp_path)}
    assert any(rule.startswith("GH") for rule in found), found


def test_fresh_seed_report_is_valid(tmp_path):
    tool = _multitool()
    out = tmp_path / "seed.sarif"
    subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(ROOT / "claims"), "--format", "sarif",
         "--output", str(out)],
        cwd=ROOT, capture_output=True, timeout=120,
    )
    assert out.is_file()
    assert _validate(tool, out, tmp_path) == []
