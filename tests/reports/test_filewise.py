"""A one-process check loads and checks a file at a time, and reports what loading all
first reports: the same findings, problems, rates and articles, in the same order."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.claims import load
from factcheck.claims.load import expand_paths, load_files
from factcheck.formats import RenderOptions, render
from factcheck.report import filewise, runner
from factcheck.report.record import Report
from factcheck.report.runner import CheckOptions, check_catalog, run_check

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("filewise") / "claims"
    generate.generate(60, str(folder))
    return folder


def _all_first(path: Path) -> Report:
    """The report of loading every file first, then checking every article."""
    files, problems = expand_paths([str(path)])
    options = CheckOptions(jobs=1, read_roots=(str(path),))
    return check_catalog(load_files(files, problems, roots=options.read_roots), options)


def _same(path: Path) -> str:
    """Assert run_check's report of ``path`` is the one of loading all first; the JSON."""
    expected = render(_all_first(path), "json", RenderOptions())
    got = render(run_check([str(path)], CheckOptions(jobs=1)), "json", RenderOptions())
    assert got == expected
    return got


def _article_files(folder: Path) -> list[Path]:
    return sorted((folder / "articles").rglob("*.yaml"))


def test_each_file_is_checked_before_the_next_is_loaded(corpus: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_open, real_check = load.open_load, runner.check_article

    def open_load(files: list[str], **kwargs: Any) -> Any:
        loader = real_open(files, **kwargs)
        real_file = loader.load_file

        def load_file(path: str) -> None:
            events.append("load " + Path(path).name)
            real_file(path)

        loader.load_file = load_file  # type: ignore[method-assign]
        return loader

    def check_article(bundle: Any, *args: Any) -> Any:
        events.append("check " + Path(bundle.file).name)
        return real_check(bundle, *args)

    expected = _all_first(corpus)
    monkeypatch.setattr(load, "open_load", open_load)
    monkeypatch.setattr(runner, "check_article", check_article)
    assert run_check([str(corpus)], CheckOptions(jobs=1)) == expected
    names = [p.name for p in _article_files(corpus)]
    assert len(names) == 6
    facts = [e for e in events if e.startswith("load plans-")]
    # The fact files first, then each article file loaded and at once checked.
    assert len(facts) == 4 and events[:4] == facts
    assert events[4:] == [x for n in names for x in ("load " + n, "check " + n)]


def test_a_checked_files_claims_are_let_go_before_the_next_is_loaded(
        corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Anything the loader keeps for the whole run (ids seen, places) must not hold on
    # to the loaded claims: the run's peak memory would grow by every claim it loaded.
    alive: list[int] = []
    real_open = load.open_load

    def open_load(files: list[str], **kwargs: Any) -> Any:
        loader = real_open(files, **kwargs)
        real_file = loader.load_file

        def load_file(path: str) -> None:
            if "/articles/" in path.replace(os.sep, "/"):
                gc.collect()
                alive.append(sum(1 for o in gc.get_objects()
                                 if o.__class__ is load.LoadedClaim))
            real_file(path)

        loader.load_file = load_file  # type: ignore[method-assign]
        return loader

    monkeypatch.setattr(load, "open_load", open_load)
    assert run_check([str(corpus)], CheckOptions(jobs=1)).findings
    # At most one file's claims (the file just checked) are still alive at each load.
    most = max(len(list(load_files([str(f)]).claims())) for f in _article_files(corpus))
    assert len(alive) == 6 and max(alive) <= most, (alive, most)


def test_the_seed_reports_as_when_loading_all_first() -> None:
    _same(ROOT / "claims")


def test_a_corpus_reports_as_when_loading_all_first(corpus: Path) -> None:
    assert '"verdict": "contradicted"' in _same(corpus)


def test_an_article_file_that_defines_facts_is_loaded_first_and_checked_in_its_place(
        corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(corpus, folder)
    middle = _article_files(folder)[3]
    extra = "\nfacts:\n  extra.count:\n    value: 7\n    source: plan-0\n"
    middle.write_text(middle.read_text(encoding="utf-8") + extra, encoding="utf-8")
    _same(folder)


@pytest.mark.parametrize("section", ['"facts":\n  extra.count: {value: 7, source: plan-0}\n',
                                     "{sources: {extra: {title: t}}}\n"])
def test_a_definition_the_text_search_misses_is_found_when_loaded(
        corpus: Path, tmp_path: Path, section: str, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(corpus, folder)
    (folder / "articles" / "zz-defines.yaml").write_text(section, encoding="utf-8")
    assert not filewise._may_define(str(folder / "articles" / "zz-defines.yaml"))
    declined: list[bool] = []
    real = filewise.check_file_by_file

    def spy(files: list[str], options: CheckOptions) -> Report | None:
        report = real(files, options)
        declined.append(report is None)
        return report

    monkeypatch.setattr(filewise, "check_file_by_file", spy)
    _same(folder)
    assert declined == [True]


def test_input_with_problems_reports_as_when_loading_all_first(corpus: Path,
                                                                tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(corpus, folder)
    first, last = _article_files(folder)[0], _article_files(folder)[-1]
    # A claim id used twice across files, and an unknown field: problems of both kinds.
    last.write_text(last.read_text(encoding="utf-8") + first.read_text(encoding="utf-8")
                    .split("claims:\n", 1)[1], encoding="utf-8")
    report = _all_first(folder)
    assert report.problems
    _same(folder)
