"""Shard reports record what they covered; merge refuses a partial or inconsistent set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.errors import ClaimFileError
from factcheck.formats import RenderOptions, render
from factcheck.report import parallel
from factcheck.report.runner import CheckOptions, run_check
from factcheck.report.shards import check_shards, parse_shard, read_shard

ROOT = Path(__file__).resolve().parents[2]


def _record(number: int, of: int, facts: str = "sha256:aa") -> dict[str, object]:
    return {"number": number, "of": of, "files": [f"a{number}.yaml"], "facts": facts}


def test_a_whole_consistent_set_passes_in_any_order() -> None:
    assert check_shards([("c", _record(3, 3)), ("a", _record(1, 3)), ("b", _record(2, 3))],
                        partial=False) == []


def test_reports_of_whole_runs_are_not_judged() -> None:
    assert check_shards([("a", None), ("b", None)], partial=False) == []


def test_missing_shards_are_named_and_refused_unless_partial() -> None:
    shards = [("a", _record(1, 5)), ("d", _record(4, 5))]
    with pytest.raises(ClaimFileError, match="shards 2, 3, 5 of 5 missing") as caught:
        check_shards(shards, partial=False)
    assert caught.value.code == "merge.partial"
    assert "--partial" in (caught.value.hint or "")
    assert check_shards(shards, partial=True) == ["partial merge: shards 2, 3, 5 of 5 missing"]


def test_one_missing_shard_is_named_alone() -> None:
    with pytest.raises(ClaimFileError, match=r"shard 2 of 2 missing"):
        check_shards([("a", _record(1, 2))], partial=False)


@pytest.mark.parametrize("partial", [False, True])
def test_inconsistent_sets_are_refused_even_when_partial(partial: bool) -> None:
    cases = {
        "other facts": [("a", _record(1, 2)), ("b", _record(2, 2, facts="sha256:bb"))],
        "other count": [("a", _record(1, 2)), ("b", _record(2, 3))],
        "a whole run among shards": [("a", _record(1, 2)), ("b", None)],
    }
    for shards in cases.values():
        with pytest.raises(ClaimFileError) as caught:
            check_shards(shards, partial=partial)
        assert caught.value.code == "merge.inconsistent"
    with pytest.raises(ClaimFileError, match="shard 1 of 2 is in both a and b") as caught:
        check_shards([("a", _record(1, 2)), ("b", _record(1, 2))], partial=partial)
    assert caught.value.code == "merge.duplicate"


@pytest.mark.parametrize("block", [
    [], "1/2", {"number": 1}, {"number": 0, "of": 2, "files": [], "facts": "x"},
    {"number": 3, "of": 2, "files": [], "facts": "x"},
    {"number": True, "of": 2, "files": [], "facts": "x"},
    {"number": 1, "of": 2, "files": [1], "facts": "x"},
    {"number": 1, "of": 2, "files": [], "facts": "x" * 201},
])
def test_a_malformed_shard_block_is_an_input_error(block: object) -> None:
    with pytest.raises(ClaimFileError, match="malformed report") as caught:
        read_shard(block, "r.json")
    assert caught.value.code == "merge.not-a-report"


@pytest.mark.parametrize(("text", "pair"), [("1/1", (1, 1)), ("3/10", (3, 10))])
def test_shard_numbers_read(text: str, pair: tuple[int, int]) -> None:
    assert parse_shard(text) == pair


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", "-1/3", "1/", "/2", "1/2/3"])
def test_bad_shard_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_shard(text)


def _shard_json(paths: list[str], shard: tuple[int, int], jobs: int) -> dict[str, object]:
    report = run_check(paths, CheckOptions(jobs=jobs, shard=shard))
    return json.loads(render(report, "json", RenderOptions()))


def test_a_shard_report_records_its_files_and_facts(generated_corpus) -> None:
    corpus = Path(generated_corpus(40))
    facts = sorted(str(p) for p in (corpus / "facts").glob("*.yaml"))
    articles = sorted(str(p) for p in (corpus / "articles").rglob("*.yaml"))
    first = _shard_json(facts + articles[:2], (1, 2), jobs=1)
    second = _shard_json(facts + articles[2:], (2, 2), jobs=1)
    assert first["shard"]["number"] == 1 and first["shard"]["of"] == 2
    assert first["shard"]["files"] == sorted(facts + articles[:2])
    assert first["shard"]["facts"] == second["shard"]["facts"]
    assert first["shard"]["facts"].startswith("sha256:")
    # another value for one fact (ten times the first amount) is another digest
    text = Path(facts[0]).read_text(encoding="utf-8")
    Path(facts[0]).write_text(text.replace("0亿元", "00亿元", 1), encoding="utf-8")
    again = _shard_json(facts + articles[2:], (2, 2), jobs=1)
    assert "problems" not in again
    assert again["shard"]["facts"] != first["shard"]["facts"]


def test_a_whole_run_records_no_shard(generated_corpus) -> None:
    report = json.loads(render(run_check([generated_corpus(20)], CheckOptions(jobs=1)),
                               "json", RenderOptions()))
    assert "shard" not in report


@pytest.mark.skipif(not parallel.fork_available(), reason="no 'fork' here: --jobs is one process")
def test_parallel_and_single_shard_runs_record_the_same(generated_corpus) -> None:
    corpus = generated_corpus(300)
    assert _shard_json([corpus], (2, 3), jobs=2) == _shard_json([corpus], (2, 3), jobs=1)


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, text=True,
                          capture_output=True, check=False, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_merge_command_refuses_then_accepts_with_partial(tmp_path: Path, generated_corpus) -> None:
    corpus = Path(generated_corpus(30))
    facts = str(corpus / "facts")
    articles = sorted(str(p) for p in (corpus / "articles").rglob("*.yaml"))
    for k, files in enumerate([articles[:1], articles[1:2], articles[2:]], 1):
        done = _cli(tmp_path, "check", facts, *files, "--shard", f"{k}/3", "--format", "json",
                    "-o", f"s{k}.json")
        assert done.returncode == 0, done.stderr
    whole = _cli(tmp_path, "merge", "s1.json", "s2.json", "s3.json")
    one = _cli(tmp_path, "check", str(corpus), "--format", "json", "--jobs", "1")
    assert whole.returncode == 0 and whole.stdout == one.stdout
    refused = _cli(tmp_path, "merge", "s1.json", "s3.json")
    assert refused.returncode == 2 and refused.stdout == ""
    assert "shard 2 of 3 missing" in refused.stderr and "Traceback" not in refused.stderr
    partial = _cli(tmp_path, "merge", "s1.json", "s3.json", "--partial")
    assert partial.returncode == 0, partial.stderr
    assert "partial merge: shard 2 of 3 missing" in partial.stderr
    assert json.loads(partial.stdout)["summary"]["claims"] == 20


def test_check_refuses_a_bad_shard_option(tmp_path: Path) -> None:
    done = _cli(tmp_path, "check", str(ROOT / "claims"), "--shard", "4/3")
    assert done.returncode == 2
    assert "K/N" in done.stderr and "Traceback" not in done.stderr


def test_report_names_in_refusals_are_escaped() -> None:
    hostile = "r\n::error::x.json"
    with pytest.raises(ClaimFileError) as caught:
        check_shards([(hostile, _record(1, 2)), ("b", _record(1, 2))], partial=True)
    assert "\n" not in caught.value.message and "::" not in caught.value.message
