"""The seed article's claims: every verdict as reviewed by hand, every quote verbatim."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import seedtext
import yaml

REPO = Path(__file__).resolve().parents[2]
CLAIM_FILE = REPO / "claims" / "zdnet-2017-11-23-china-ai.yaml"
FACT_FILE = REPO / "claims" / "facts" / "china-ai-2017.yaml"
# CI checks the shared folder out beside the repository, as the claim file's
# `article.text` path expects.
SEED = seedtext.SEED

# The two headline statements and the known discrepancies, pinned here so that
# a change of `expect` in the claim file alone cannot hide a changed verdict.
KEY_VERDICTS = {
    "three-cities-exceed-1600-eok-yuan": "holds",
    "zgc-alone-half-of-1-jo-yuan": "holds",
    "zgc-alone-half-of-national-target": "holds",
    "most-platform-list-has-four-companies": "contradicted",
    "most-four-platforms": "holds",
    "zgc-released-on-october-18": "contradicted",
    "shanghai-released-on-the-14th": "holds",
    "wuhan-released-on-the-18th": "holds",
    "national-plan-in-july": "holds",
    "subhead-guangzhou-1-jo-fund": "contradicted",
    "wuhan-8-jo-won-ai-industry": "contradicted",
    "wuhan-8-jo-won-related-industries": "holds",
    "article-two-won-figures-for-100-eok-yuan": "contradicted",
    "cities-outpace-national-plan": "undetermined",
    "shanghai-biggest-pie": "undetermined",
    "national-related-industries-1-jo-yuan": "undetermined",
    "wuhan-100-plus-ai-companies-already": "undetermined",
    "shanghai-1000-eok-yuan-in-won": "holds",
    "shanghai-core-industry-as-written": "undetermined",
    "wuhan-adds-100-rd-staff-every-year": "undetermined",
    "guangzhou-park-3000-mu-is-200-ha": "holds",
}


def _yaml(path: Path) -> dict[str, Any]:
    # BaseLoader keeps every scalar a string, as factcheck's own loader does.
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def claim_doc() -> dict[str, Any]:
    return _yaml(CLAIM_FILE)


@pytest.fixture(scope="module")
def fact_doc() -> dict[str, Any]:
    return _yaml(FACT_FILE)


def _check_json() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "claims", "--format", "json", "--jobs", "1"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def run() -> subprocess.CompletedProcess[str]:
    return _check_json()


@pytest.fixture(scope="module")
def report(run: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert run.stdout, f"no report on stdout; stderr was:\n{run.stderr}"
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def by_id(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {claim["id"]: claim for claim in report["claims"]}


# -- the report -------------------------------------------------------------------
def test_check_exits_zero_without_traceback(run: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in run.stderr
    assert run.returncode == 0, run.stderr


def test_at_least_25_claims(report: dict[str, Any]) -> None:
    assert report["summary"]["claims"] >= 25
    assert len(report["claims"]) == report["summary"]["claims"]


def test_report_has_every_claim_of_the_file(
    report: dict[str, Any], claim_doc: dict[str, Any]
) -> None:
    ids = [claim["id"] for claim in claim_doc["claims"]]
    assert len(ids) == len(set(ids)), "claim ids must be unique"
    assert sorted(c["id"] for c in report["claims"]) == sorted(ids)


def test_no_error_verdicts(report: dict[str, Any]) -> None:
    errors = [c["id"] for c in report["claims"] if c["verdict"] == "error"]
    assert errors == []
    assert report["summary"]["error"] == 0


def test_every_verdict_equals_expect(report: dict[str, Any]) -> None:
    unexpected = {
        c["id"]: (c["verdict"], c["expect"], c["message"])
        for c in report["claims"]
        if c["verdict"] != c["expect"]
    }
    assert unexpected == {}
    assert report["summary"]["unexpected"] == 0


def test_summary_counts_add_up(report: dict[str, Any]) -> None:
    summary = report["summary"]
    counted = {
        v: sum(c["verdict"] == v for c in report["claims"])
        for v in ("holds", "contradicted", "undetermined", "error")
    }
    assert {v: summary[v] for v in counted} == counted


def test_the_report_shows_discrepancies(report: dict[str, Any]) -> None:
    # A green run must still show the article's errors and the undecidable statements.
    assert report["summary"]["contradicted"] >= 5
    assert report["summary"]["undetermined"] >= 4


def test_every_kind_is_used(report: dict[str, Any]) -> None:
    assert {c["kind"] for c in report["claims"]} == {"compare", "convert", "count", "date"}


@pytest.mark.parametrize("claim_id,verdict", sorted(KEY_VERDICTS.items()))
def test_key_verdict(by_id: dict[str, dict[str, Any]], claim_id: str, verdict: str) -> None:
    assert claim_id in by_id, f"claim {claim_id} is missing from the report"
    claim = by_id[claim_id]
    assert (claim["verdict"], claim["expect"]) == (verdict, verdict), claim["message"]


def test_three_cities_warns_about_mixed_scopes(by_id: dict[str, dict[str, Any]]) -> None:
    # Shanghai's figure is its key industry, the others' are core: the sum mixes them.
    warnings = by_id["three-cities-exceed-1600-eok-yuan"]["warnings"]
    assert any("scope" in w and "key" in w for w in warnings), warnings


def test_duplicate_platform_is_named(by_id: dict[str, dict[str, Any]]) -> None:
    claim = by_id["most-platform-list-has-four-companies"]
    assert "알리바바" in claim["message"] + " ".join(claim["warnings"])


def test_report_is_deterministic(run: subprocess.CompletedProcess[str]) -> None:
    assert _check_json().stdout == run.stdout


# -- the claim files themselves -----------------------------------------------------
def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_quotes_are_verbatim(claim_doc: dict[str, Any]) -> None:
    article = _squash(seedtext.seed_text())
    missing = [c["id"] for c in claim_doc["claims"] if _squash(c["quote"]) not in article]
    assert missing == []


def test_article_text_path_points_at_the_seed(claim_doc: dict[str, Any]) -> None:
    text = claim_doc["article"]["text"]
    assert (CLAIM_FILE.parent / text).resolve() == SEED.resolve()


def test_every_fact_is_used_by_a_claim(claim_doc: dict[str, Any], fact_doc: dict[str, Any]) -> None:
    exprs = " ".join(c.get("expr", "") for c in claim_doc["claims"])
    used = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+", exprs))
    assert sorted(set(fact_doc["facts"]) - used) == []


def test_every_source_is_cited_and_described(
    claim_doc: dict[str, Any], fact_doc: dict[str, Any]
) -> None:
    sources = fact_doc["sources"]
    cited = {fact["source"] for fact in fact_doc["facts"].values()}
    assert sorted(cited - set(sources)) == []
    # A source behind no fact (a date, say) must at least be named by a claim.
    claims_text = CLAIM_FILE.read_text(encoding="utf-8")
    assert sorted(s for s in set(sources) - cited if s not in claims_text) == []
    for source_id, source in sources.items():
        assert source.get("title") and source.get("publisher"), source_id
        # Where the address or date was not recorded, the note must say so.
        if not (source.get("url") and source.get("published")):
            assert "not recorded" in source.get("note", ""), source_id
