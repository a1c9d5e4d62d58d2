"""The benchmark scripts keep working: a generated corpus checks cleanly, in parallel too.

No timing assertions here (machines are noisy); benchmarks/run.py measures speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

import generate  # noqa: E402


def _check(folder: str, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", folder, *extra],
        cwd=ROOT, capture_output=True, check=False, timeout=300,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = str(tmp_path_factory.mktemp("corpus"))
    generate.generate(1_000, folder)
    return folder


def test_generated_claims_check_cleanly(corpus: str) -> None:
    done = _check(corpus, "--format", "json", "--jobs", "1")
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout)
    summary = report["summary"]
    assert summary["claims"] == 1_000
    assert summary["error"] == 0
    assert summary["unexpected"] == 0
    assert "problems" not in report
    kinds = {c["kind"] for c in report["claims"]}
    assert kinds == {"compare", "convert", "count", "date"}
    verdicts = {c["verdict"] for c in report["claims"]}
    assert verdicts == {"holds", "contradicted", "undetermined"}
    assert report["rates"], "convert claims must produce rate analysis blocks"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_two_jobs_give_the_same_bytes_as_one(corpus: str, fmt: str) -> None:
    one = _check(corpus, "--format", fmt, "--jobs", "1")
    two = _check(corpus, "--format", fmt, "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    assert one.stdout == two.stdout
    assert len(one.stdout) > 10_000


def test_generation_is_deterministic(tmp_path) -> None:
    a = generate.generate(55, str(tmp_path / "a"))
    b = generate.generate(55, str(tmp_path / "b"))
    assert [os.path.relpath(p, tmp_path / "a") for p in a] == [
        os.path.relpath(p, tmp_path / "b") for p in b]
    for pa, pb in zip(a, b, strict=True):
        with open(pa, "rb") as fa, open(pb, "rb") as fb:
            assert fa.read() == fb.read()
    # 55 claims: 4 fact files and 6 article files, the last with 5 claims
    assert len(a) == 10
    with open(a[-1], encoding="utf-8") as fh:
        assert fh.read().count("\n  - id: ") == 5


def test_generate_refuses_no_claims(tmp_path) -> None:
    with pytest.raises(SystemExit, match="at least 1"):
        generate.generate(0, str(tmp_path))


def test_run_smoke_prints_the_table(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, os.path.join(ROOT, "benchmarks", "run.py"), "--smoke",
         "--workdir", str(tmp_path)],
        cwd=ROOT, capture_output=True, check=False, timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode()
    assert out.startswith("Machine: ")
    for target in ("start-up", "throughput", "peak memory", "growth", "identical", "parsing"):
        assert target in out
    assert "| identical | identical | yes |" in out


def test_run_only_formats_measures_text_beside_the_formats_asked_for(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, os.path.join(ROOT, "benchmarks", "run.py"), "--smoke",
         "--only-formats", "--formats", "junit", "--no-linear", "--workdir", str(tmp_path)],
        cwd=ROOT, capture_output=True, check=False, timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()
    rows = [line for line in done.stdout.decode().splitlines() if line.startswith("| ")][1:]
    assert [row.split(" | ")[0] for row in rows] == [
        "| format text, 100 claims, --jobs 1", "| format junit, 100 claims, --jobs 1",
        "| every generated corpus checks with exit 0 (100 claims)"]
    assert "x the text runs beside it (pairs " in rows[1]
    # text, junit, text: one line on stderr per run
    assert done.stderr.decode().count("run.py: ") == 3
