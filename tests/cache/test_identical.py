"""Reports are the same bytes with and without the cache, as the corpus changes in every way
a result depends on, in every format and with one or two processes; and only what changed
is loaded again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck.cache import keys, store
from factcheck.cli import main
from factcheck.formats import FORMATS
from tests.cache import corpus


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", "claims", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def bump_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "99.0" if name == "factcheck" else real(name))
    keys._installation.cache_clear()


# (name, change, files the cached run must load: None means not checked)
SCENARIOS: list[tuple[str, Callable[[Path, pytest.MonkeyPatch], Any], list[str] | None]] = [
    ("cold", lambda root, mp: None, None),
    ("warm", lambda root, mp: None, []),
    ("a claim file changed",
     lambda root, mp: corpus.replace(root / "claims/a3.yaml", "600억", "700억"),
     ["claims/a3.yaml", "claims/facts.yaml"]),
    ("a fact other files use changed",
     lambda root, mp: corpus.replace(root / "claims/facts.yaml", "500亿元", "650亿元"), None),
    ("a table changed",
     lambda root, mp: corpus.replace(root / "claims/data/towns.csv", "120亿元", "90亿元"), None),
    ("an article text changed",
     lambda root, mp: corpus.replace(root / "claims/a1.txt", "읍은 120억", "읍은 130억"), []),
    # Without article texts, the default text report is built of the entries' views.
    ("an article's text named no more",
     lambda root, mp: corpus.replace(root / "claims/a1.yaml", "  text: a1.txt\n", ""),
     ["claims/a1.yaml", "claims/facts.yaml"]),
    ("a claim file changed, no article text",
     lambda root, mp: corpus.replace(root / "claims/a3.yaml", "700억", "800억"),
     ["claims/a3.yaml", "claims/facts.yaml"]),
    ("an article's rates file changed",
     lambda root, mp: corpus.replace(root / "claims/rates.csv", "164.84", "170.02"),
     ["claims/a2.yaml", "claims/facts.yaml"]),
    ("factcheck's version bumped", lambda root, mp: bump_version(mp), None),
    ("a file added",
     lambda root, mp: (root / "claims/a4.yaml").write_text(
         corpus.FILES["claims/a3.yaml"].replace("a3", "a4"), encoding="utf-8"),
     ["claims/a4.yaml", "claims/facts.yaml"]),
    ("a file removed", lambda root, mp: (root / "claims/a2.yaml").unlink(), []),
    ("an article's text named again",
     lambda root, mp: corpus.replace(root / "claims/a1.yaml", "  language: ko\n",
                                     "  language: ko\n  text: a1.txt\n"),
     ["claims/a1.yaml", "claims/facts.yaml"]),
    ("a claim id defined twice (the ordinary path reports it)",
     lambda root, mp: (root / "claims/a5.yaml").write_text(
         corpus.FILES["claims/a3.yaml"].replace("id: a3\n", "id: a5\n"), encoding="utf-8"),
     None),
]


# Every format in full, and the text report as a run shows it by default: the one a
# report built of the entries' views gives (in colour too), its totals alone, and at
# another width (which the views do not hold).
VARIANTS = [(fmt, ("-v",)) for fmt in sorted(FORMATS)] + [
    ("text", ()), ("text", ("-q",)), ("text", ("--color", "always")), ("text", ("--width", "72"))]


def test_every_report_is_identical_with_and_without_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        loads: list[list[str]]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    corpus.write(tmp_path)
    keys._installation.cache_clear()
    monkeypatch.setattr(keys, "_installation", keys._installation)  # cleared again at the end
    for name, change, expected_loads in SCENARIOS:
        change(tmp_path, monkeypatch)
        for n, (fmt, shown) in enumerate(VARIANTS):
            for jobs in ("1", "2") if fmt in ("text", "json") else ("1",):
                loads.clear()
                # A cache per --jobs: the first run of each sees every change.
                cached = run(capsys, "-f", fmt, *shown, "-j", jobs,
                             "--cache-dir", f"cache-{jobs}")
                if n == 0 and jobs == "1" and expected_loads is not None:
                    loaded = sorted(f for files in loads for f in files)
                    assert loaded == sorted(expected_loads), name
                plain = run(capsys, "-f", fmt, *shown, "-j", jobs, "--no-cache")
                assert cached == plain, f"{name}: {fmt} {shown}, --jobs {jobs}"
                assert cached[1], f"{name}: {fmt}: empty report"
    keys._installation.cache_clear()


def test_a_warm_run_reads_no_claim_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str],
                                        loads: list[list[str]]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    first = run(capsys, "-f", "json")
    assert loads, "the cold run loads the files"
    loads.clear()
    assert run(capsys, "-f", "json") == first
    assert loads == []
    assert sorted(p.name for p in (tmp_path / ".factcheck_cache").iterdir()) == [
        ".gitignore", "CACHEDIR.TAG", store.LAYOUT]
    assert (tmp_path / ".factcheck_cache/CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    assert (tmp_path / ".factcheck_cache/.gitignore").read_text().splitlines()[-1] == "*"


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    run(capsys, "--no-cache")
    assert not (tmp_path / ".factcheck_cache").exists()


def test_the_cache_folder_comes_from_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "elsewhere"))
    run(capsys)
    assert (tmp_path / "elsewhere/CACHEDIR.TAG").is_file()
    assert not (tmp_path / ".factcheck_cache").exists()
