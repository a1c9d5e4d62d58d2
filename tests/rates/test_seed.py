"""The seed article's conversions through the real loader and grammar (claims/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

CLAIMS = Path(__file__).resolve().parents[2] / "claims"


def test_seed_rate_analysis(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["rates", str(CLAIMS)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    blocks = json.loads(captured.out)
    cny_krw = [b for b in blocks if (b["from"], b["to"]) == ("CNY", "KRW")]
    assert len(cny_krw) == 1
    clusters = cny_krw[0]["clusters"]
    assert [c["rate"] for c in clusters] == [164.78, 164.84, 165.03, 165.04, 165.12, 165.19]
    # The main cluster, 164.84 KRW/CNY, holds the most conversions.
    assert max(clusters, key=lambda c: len(c["claims"]))["rate"] == 164.84
    assert cny_krw[0]["reference"]["date"] == "2017-11-23"
    assert all(c["nearest_reference"] for c in clusters)
