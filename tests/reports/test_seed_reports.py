"""Every format on the real seed claims: deterministic, structurally valid, and snapshotted."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import seedtext

from factcheck.formats import FORMATS, RenderOptions, render

ROOT = Path(__file__).resolve().parents[2]
EXT = {"text": "txt", "json": "json", "markdown": "md", "html": "html", "junit": "xml",
       "sarif": "sarif", "github": "txt", "claimreview": "jsonld"}


@pytest.fixture(scope="module")
def seed_reports():  # type: ignore[no-untyped-def]
    # The snapshots hold the anchored quotes and the coverage of the seed text.
    article = str(seedtext.seed_path())
    from factcheck.report.runner import CheckOptions, run_check

    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)  # paths in reports are relative to where factcheck runs
    try:
        first = run_check(["claims"], CheckOptions(article_file=article))
        second = run_check(["claims"], CheckOptions(article_file=article))
        yield first, second
    finally:
        mp.undo()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_seed_snapshot_and_determinism(name: str, seed_reports, snapshot) -> None:  # type: ignore[no-untyped-def]
    first, second = seed_reports
    options = RenderOptions(author="factcheck")
    out = render(first, name, options)
    assert out == render(second, name, options), f"{name} differs between two runs"
    if name == "html":
        out = _without_article_text(out)
    snapshot(f"seed.{name}.{EXT[name]}", out)


def _without_article_text(html_out: str) -> str:
    """The HTML with the marked-up article replaced by its digest.

    The article text is not ours to copy into the repository; the digest still
    catches any change in how it is marked up.
    """
    start = html_out.find('<div class="article">')
    if start < 0:
        return html_out
    end = html_out.index("</div>", start) + len("</div>")
    digest = hashlib.sha256(html_out[start:end].encode("utf-8")).hexdigest()
    return f"{html_out[:start]}<!-- article text: sha256 {digest} -->{html_out[end:]}"


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
