"""Merge reads each report claim by claim: the same report and the same errors as reading
each report whole, through a window that stays bounded, and refuses a report that
changes before its claims are read again."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import ClaimFileError, FactcheckError, InputErrors
from factcheck.formats import FORMATS, RenderOptions, render, write
from factcheck.report import reportstream, stored
from factcheck.report.merge import merge_files, merge_reports, report_from_json
from factcheck.report.reportschema import load_json, read_report
from factcheck.report.runner import CheckOptions, run_check
from factcheck.report.shards import check_shards

ROOT = Path(__file__).resolve().parents[2]


def _whole(paths: list[str], partial: bool) -> tuple[Any, list[str]]:
    """What merge did when it read every report whole."""
    loaded = [(p, report_from_json(load_json(read_report(p), p), p)) for p in paths]
    notes = check_shards([(p, r.shard) for p, r in loaded], partial)
    return merge_reports(loaded), notes


def _outcome(merge: Any, paths: list[str], formats: tuple[str, ...], partial: bool = False
             ) -> tuple[Any, ...]:
    try:
        report, notes = merge(paths, partial)
        rendered = []
        for name in formats:
            out = io.StringIO()
            write(report, name, RenderOptions(), out)
            rendered.append(out.getvalue())
        return ("merged", report.exit_code, report.summary(), notes, rendered)
    except InputErrors as exc:
        return ("errors", [(p.code, str(p)) for p in exc.problems])
    except FactcheckError as exc:
        return ("error", type(exc).__name__, exc.code, str(exc))


def _same(paths: list[str], formats: tuple[str, ...] = ("json", "text"),
          partial: bool = False) -> tuple[Any, ...]:
    streamed = _outcome(merge_files, paths, formats, partial)
    assert streamed == _outcome(_whole, paths, formats, partial)
    return streamed


@pytest.fixture(scope="module")
def seed_json() -> str:
    """The seed's JSON report cut to a few claims (a small document to mutate)."""
    data = json.loads(render(run_check([str(ROOT / "claims")]), "json"))
    data["claims"] = data["claims"][:6]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="module")
def shard_files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The JSON reports of three shards of a generated corpus, and of one whole run."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    folder = tmp_path_factory.mktemp("shards")
    generate.generate(120, str(folder / "corpus"))
    facts = sorted(str(p) for p in (folder / "corpus" / "facts").glob("*.yaml"))
    articles = sorted(str(p) for p in (folder / "corpus" / "articles").rglob("*.yaml"))
    paths = []
    for k, files in enumerate([articles[:3], articles[3:7], articles[7:]], 1):
        report = run_check(facts + files, CheckOptions(jobs=1, shard=(k, 3)))
        path = folder / f"s{k}.json"
        path.write_text(render(report, "json"), encoding="utf-8")
        paths.append(str(path))
    whole = folder / "whole.json"
    whole.write_text(render(run_check([str(folder / "corpus")], CheckOptions(jobs=1)), "json"),
                     encoding="utf-8")
    return [*paths, str(whole)]


def test_shards_merge_as_when_read_whole_in_every_format(shard_files: list[str]) -> None:
    shards, whole = shard_files[:3], shard_files[3]
    every = ("json", *sorted(set(FORMATS) - {"json"}))
    outcome = _same(shards, every)
    assert outcome[0] == "merged" and outcome[1] == 0
    # ... which is what one run over everything writes
    assert outcome[4][0] == Path(whole).read_text(encoding="utf-8")
    # in any order of the files, and with few files open at once (the text report reads
    # the claims worst first, from every shard in turn)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(stored, "MAX_OPEN", 1)
        assert _same(shards[::-1], every) == outcome


def test_partial_duplicate_and_inconsistent_sets_are_refused_as_before(
        shard_files: list[str]) -> None:
    s1, s2, s3, whole = shard_files
    assert _same([s1, s3])[0] == "error"
    assert _same([s1, s3], partial=True)[3] == ["partial merge: shard 2 of 3 missing"]
    assert _same([s1, s2, s2, s3])[2] == "merge.duplicate"
    assert _same([s1, whole])[2] == "merge.inconsistent"
    assert _same([whole, whole])[2] == "merge.duplicate"  # the same claims twice


@pytest.mark.parametrize("chunk", [1, 3, 64, 4096])
def test_any_window_size_reads_the_same(shard_files: list[str], chunk: int,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.report import reportschema

    expected = _outcome(_whole, shard_files[:3], ("json",))
    monkeypatch.setattr(reportstream, "CHUNK", chunk)

    def whole(path: str) -> str:
        raise AssertionError(f"{path} was read whole")

    monkeypatch.setattr(reportschema, "read_report", whole)  # a valid report is streamed
    assert _outcome(merge_files, shard_files[:3], ("json",)) == expected


def test_the_window_holds_a_claim_or_a_chunk_not_the_report(
        shard_files: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    whole = shard_files[3]
    longest_item = max(len(json.dumps(c, ensure_ascii=False, indent=4))
                       for c in json.loads(Path(whole).read_text(encoding="utf-8"))["claims"])
    widest = 0
    more = reportstream._Window.more

    def measured(self: Any) -> bool:
        nonlocal widest
        result = more(self)
        widest = max(widest, len(self.text))
        return result

    monkeypatch.setattr(reportstream, "CHUNK", 256)
    monkeypatch.setattr(reportstream._Window, "more", measured)
    report, _ = merge_files([whole], False)
    size = len(Path(whole).read_text(encoding="utf-8"))
    assert report.summary()["claims"] == 120
    assert 256 <= widest <= 2 * longest_item + 512 < size // 10, (widest, longest_item, size)


def test_a_report_changed_after_reading_is_refused(tmp_path: Path,
                                                   shard_files: list[str]) -> None:
    path = tmp_path / "r.json"
    text = Path(shard_files[3]).read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    report, _ = merge_files([str(path)], False)
    # the same length, one claim's message changed: still valid JSON, not what was checked
    path.write_text(text.replace('"message": "', '"message": "X', 1).replace(
        '"note": ""', '"note": "', 1), encoding="utf-8")
    assert len(path.read_bytes()) == len(text.encode("utf-8"))
    with pytest.raises(ClaimFileError, match="changed while it was being merged") as caught:
        write(report, "json", RenderOptions(), io.StringIO())
    assert caught.value.code == "merge.changed"
    path.write_text(text[: len(text) // 2], encoding="utf-8")  # cut short
    with pytest.raises(ClaimFileError, match="changed while it was being merged"):
        write(report, "json", RenderOptions(), io.StringIO())


_CHARS = st.sampled_from(list('{}[],:"\\ \n\t0123456789.eE+-tfnul') +
                         ["\ufeff", "\x00", "é", "억", "\U0001f600", "1e999", "NaN", "9" * 41,
                          '"claims": [], ', '"rates": 5, ', '"shard": null, '])


@st.composite
def _mutated(draw: st.DrawFn, text: str) -> bytes:
    data = text.encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["insert", "delete", "replace", "cut", "bytes"]))
        if how == "cut":
            data = data[:at]
        elif how == "bytes":  # not UTF-8, or a character split
            data = data[:at] + draw(st.sampled_from([b"\xff", b"\xe3\x81", b"\xc0\xaf"])) + \
                data[at:]
        else:
            piece = draw(_CHARS).encode("utf-8")
            end = at + (draw(st.integers(1, 8)) if how != "insert" else 0)
            data = data[:at] + (piece if how != "delete" else b"") + data[end:]
    return data


@settings(max_examples=150, suppress_health_check=list(HealthCheck))
@given(data=st.data(), chunk=st.sampled_from([2, 7, 100, 1 << 20]))
def test_a_damaged_report_gives_the_same_error_or_report(seed_json: str, data: st.DataObject,
                                                          chunk: int, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("damaged") / "r.json"
    path.write_bytes(data.draw(_mutated(seed_json)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reportstream, "CHUNK", chunk)
        _same([str(path)])


@pytest.mark.parametrize("edit", [
    lambda t: "\ufeff" + t,  # one byte-order mark: read as utf-8-sig reads it
    lambda t: "\ufeff\ufeff" + t,
    lambda t: t.replace('"claims": [', '"claims": [], "claims": [', 1),  # the last counts
    lambda t: t.replace('"rates": [', '"rates": 1, "rates": [', 1),
    lambda t: t.rstrip() + " x",
    lambda t: t.replace('"line": ', '"line": 1e999 ', 1),
    lambda t: t.replace('"summary": {', '"summary": {"x": ' + "[" * 5000 + "]" * 5000 + ", ", 1),
    lambda t: t.replace("{", "[", 1),
    lambda t: "",
    lambda t: t.replace('"claims": [', '"claims": {', 1),
    lambda t: t.replace('"verdict": "holds"', '"verdict": "pwned"', 1),
])
def test_edge_documents_read_as_when_whole(seed_json: str, tmp_path: Path, edit: Any) -> None:
    path = tmp_path / "r.json"
    path.write_text(edit(seed_json), encoding="utf-8")
    _same([str(path)])


def test_a_report_over_the_size_limit_is_refused_as_before(
        seed_json: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import limits

    path = tmp_path / "r.json"
    path.write_text(seed_json, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_REPORT_BYTES", len(seed_json.encode("utf-8")) - 1)
    assert _same([str(path)])[2] == "input.limit"
    assert _same([str(tmp_path / "missing.json")])[2] == "io.missing"


@pytest.mark.parametrize("chunk", range(1, 24))
def test_a_number_cut_by_the_window_is_read_whole(tmp_path: Path, chunk: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.json"
    for value in ("1e999", "-12345678901234567890123456789012345678901234567890", "true"):
        path.write_text('{"summary": {}, "claims": [], "rates": ' + value + "}",
                        encoding="utf-8")
        monkeypatch.setattr(reportstream, "CHUNK", chunk)
        _same([str(path)])
