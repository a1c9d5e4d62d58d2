"""Work over a whole run is bounded: article texts read and indexed once, limits across files."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import limits
from factcheck.report import anchoring

_ARTICLE = "article: {{id: {id}, title: t, published: 2017-11-23, text: {text}}}\nclaims:\n"


def run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True,
                          encoding="utf-8", errors="backslashreplace", timeout=timeout)


def test_one_text_named_by_forty_files_is_read_and_indexed_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.report.runner import CheckOptions, run_check

    (tmp_path / "story.txt").write_text("가나다 1원 " * 1000, "utf-8")
    for n in range(40):
        (tmp_path / f"a{n}.yaml").write_text(
            _ARTICLE.format(id=f"a{n}", text="story.txt")
            + f"  - {{id: c{n}, quote: 가나다, kind: count, items: [a], stated: 1}}\n", "utf-8")
    built: list[int] = []
    real = anchoring.ArticleText.__init__

    def counting(self: anchoring.ArticleText, text: str) -> None:
        built.append(len(text))
        real(self, text)

    monkeypatch.setattr(anchoring.ArticleText, "__init__", counting)
    anchoring._prepared.cache_clear()
    report = run_check([str(tmp_path)], CheckOptions(jobs=1))
    assert report.summary()["holds"] == 40 and not report.problems
    assert built == [len("가나다 1원 " * 1000)]  # one index, shared by anchoring and coverage
    texts = [a["text"] for a in report.articles]
    assert all(t is texts[0] for t in texts)  # one string, read once


def test_fifty_claims_quoting_a_in_a_mebibyte_of_a(tmp_path: Path) -> None:
    # Each quote occurs a million times: counting them must be one pass per claim, not a
    # loop of finds (12-16 s before). Measured against a run with one claim, as a ratio.
    (tmp_path / "a.txt").write_text("a" * (1 << 20), "utf-8")

    def timed(claims: int) -> float:
        folder = tmp_path / f"run{claims}"
        folder.mkdir()
        (folder / "a.txt").symlink_to(tmp_path / "a.txt")
        (folder / "a.yaml").write_text(_ARTICLE.format(id="a", text="a.txt") + "".join(
            f"  - {{id: c{i}, quote: a, kind: count, items: [a], stated: 1}}\n"
            for i in range(claims)), "utf-8")
        started = time.perf_counter()
        proc = run(["check", "a.yaml"], folder)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return time.perf_counter() - started

    one, fifty = timed(1), timed(50)
    assert fifty < 3 * one + 2, (one, fifty)


def test_a_text_of_too_many_quantities_is_a_located_limit(tmp_path: Path) -> None:
    count = limits.MAX_TEXT_QUANTITIES + 1
    (tmp_path / "t.txt").write_text("1원 " * count, "utf-8")
    (tmp_path / "a.yaml").write_text(_ARTICLE.format(id="a", text="t.txt")
                                     + "  - {id: c, quote: 1원, kind: count, items: [a], "
                                       "stated: 1}\n", "utf-8")
    proc = run(["check", "a.yaml"], tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    assert (f"a.yaml: coverage of 'a' not measured: the text holds more than "
            f"{limits.MAX_TEXT_QUANTITIES:,} quantities (MAX_TEXT_QUANTITIES)") in out, out
    assert "Traceback" not in out and "MemoryError" not in out


@pytest.mark.slow
def test_a_32_mib_text_of_one_won_ends_in_a_limit_not_a_memory_error(tmp_path: Path) -> None:
    unit = "1원 ".encode()
    (tmp_path / "t.txt").write_bytes(unit * (limits.MAX_TEXT_BYTES // len(unit)))
    (tmp_path / "a.yaml").write_text(_ARTICLE.format(id="a", text="t.txt")
                                     + "  - {id: c, quote: 1원, kind: count, items: [a], "
                                       "stated: 1}\n", "utf-8")
    proc = run(["check", "a.yaml"], tmp_path, timeout=300)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    assert "(MAX_TEXT_QUANTITIES)" in out and "MemoryError" not in out, out


def test_claims_over_many_files_stop_at_the_run_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The limit made small, the same code path: 40 files of 10 claims against a limit of 95.
    from factcheck.claims.load import load_paths

    monkeypatch.setattr(limits, "MAX_RUN_CLAIMS", 95)
    for n in range(40):
        (tmp_path / f"f{n:02}.yaml").write_text(
            _ARTICLE.format(id=f"a{n}", text="x.txt") + "".join(
                f"  - {{id: c{n}-{i}, quote: q, kind: compare, expr: 2 > 1}}\n"
                for i in range(10)), "utf-8")
    catalog = load_paths([str(tmp_path)])
    assert sum(len(b.claims) for b in catalog.articles) == 90
    assert [(os.path.basename(p.file), p.line, p.code) for p in catalog.problems] == [
        ("f09.yaml", 2, "input.limit")]
    assert ("hold more than 95 claims (MAX_RUN_CLAIMS); this file's claims and the files "
            "after it are not read") in catalog.problems[0].message
    # the claims read before it may miss facts defined later: the message says why
    assert "they define are unknown to the claims read before it" in catalog.problems[0].message


def test_claim_file_bytes_over_a_run_stop_at_the_run_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.claims.load import load_paths

    monkeypatch.setattr(limits, "MAX_RUN_BYTES", 1000)
    for n in range(10):
        (tmp_path / f"f{n}.yaml").write_text(f"# {'x' * 200}\nfacts: {{}}\n", "utf-8")
    catalog = load_paths([str(tmp_path)])
    assert [(os.path.basename(p.file), p.code) for p in catalog.problems] == [
        ("f4.yaml", "input.limit")]
    assert "exceed 1,000 bytes in all (MAX_RUN_BYTES)" in catalog.problems[0].message


@pytest.mark.parametrize(("limit", "value", "where"), [
    ("MAX_RUN_CLAIMS", 95, ("f09.yaml", "input.limit")),
    ("MAX_RUN_BYTES", 6000, ("f09.yaml", "input.limit")),
])
def test_run_limits_hold_over_all_shards_of_a_parallel_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int,
        where: tuple[str, str]) -> None:
    # Each of two shards stays under the limit; together they are over it.
    from factcheck.report.parallel import fork_available
    from factcheck.report.runner import CheckOptions, run_check

    if not fork_available():
        pytest.skip("this platform has no fork, so every run is a one-process run")
    monkeypatch.setattr(limits, limit, value)
    for n in range(16):
        (tmp_path / f"f{n:02}.yaml").write_text(
            _ARTICLE.format(id=f"a{n}", text="x.txt") + "".join(
                f"  - {{id: c{n}-{i}, quote: q, kind: compare, expr: 2 > 1}}\n"
                for i in range(10)), "utf-8")
    report = run_check([str(tmp_path)], CheckOptions(jobs=2))
    assert [(os.path.basename(p.file), p.code) for p in report.problems
            if p.code == "input.limit"] == [where]


def _limits_in(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``factcheck.limits`` as a fresh process with ``environment`` sees them."""
    code = ("import sys; from factcheck import cli, limits; "
            "print(limits.MAX_RUN_CLAIMS, limits.MAX_RUN_BYTES, limits.MAX_REPORT_BYTES); "
            "sys.exit(cli.main(['parse', '1']) if limits.ENV_PROBLEMS else 0)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, **environment}, check=False)


def test_the_operator_may_raise_the_run_limits_in_the_environment() -> None:
    done = _limits_in({"FACTCHECK_MAX_RUN_CLAIMS": "400000", "FACTCHECK_MAX_RUN_BYTES": "1",
                       "FACTCHECK_MAX_REPORT_BYTES": "4294967296"})
    assert (done.returncode, done.stdout.split()) == (0, ["400000", "1", "4294967296"])


@pytest.mark.parametrize("value", ["", "abc", "0", "-5", "1e6", "10000000000000", "٣"])
def test_a_run_limit_from_the_environment_must_be_a_whole_number(value: str) -> None:
    done = _limits_in({"FACTCHECK_MAX_RUN_CLAIMS": value})
    assert done.returncode == 2, done
    assert done.stdout.split()[0] == "150000"  # the default stays
    assert "FACTCHECK_MAX_RUN_CLAIMS=" in done.stderr and "Traceback" not in done.stderr
