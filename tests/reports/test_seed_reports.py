"""Every format on the real seed claims: deterministic, structurally valid, and snapshotted."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import seedtext

from factcheck.formats import FORMATS, render

from .snapshot_outputs import seed_output, seed_report


@pytest.fixture(scope="module")
def seed_reports():  # type: ignore[no-untyped-def]
    # The snapshots hold the anchored quotes and the coverage of the seed text.
    seed = seedtext.seed_path()
    return seed_report(seed), seed_report(seed)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_seed_snapshot_and_determinism(name: str, seed_reports, snapshot) -> None:  # type: ignore[no-untyped-def]
    first, second = seed_reports
    assert seed_output(name, first) == seed_output(name, second), f"{name} differs between runs"
    snapshot(*seed_output(name, first))


def test_seed_junit_and_sarif_are_valid(seed_reports) -> None:  # type: ignore[no-untyped-def]
    report, _ = seed_reports
    root = ET.fromstring(render(report, "junit").encode("utf-8"))
    assert len(root.iter("testcase").__next__().attrib) >= 3
    assert sum(1 for _ in root.iter("testcase")) == len(report.findings) + len(report.problems)
    log = json.loads(render(report, "sarif"))
    assert log["version"] == "2.1.0"
    for result in log["runs"][0]["results"]:
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert len(report.findings) >= 25
