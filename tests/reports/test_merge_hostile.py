"""Shard reports are hostile input: merge locates a refused number exactly, refuses a string no
report can hold, and digests the claims it reads again with a salt no one outside knows."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import ClaimFileError
from factcheck.formats import FORMATS
from factcheck.report import reportstream
from factcheck.report.merge import merge_files
from factcheck.report.reportschema import load_json

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed's JSON report cut to a few claims."""
    from factcheck.formats import render
    from factcheck.report.runner import run_check

    data = json.loads(render(run_check([str(ROOT / "claims")]), "json"))
    data["claims"] = data["claims"][:4]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("text, where", [
    ('{"quote": "NaN here",\n "x": NaN}', (2, 7)),
    ('{"a": "1e999",\n "b": 1e999}', (2, 7)),
    ('{"k1e999": 1,\n "b": -1e999}', (2, 7)),
    ('{"a": "-Infinity",\n  "b": [1, -Infinity]}', (2, 12)),
    ('{"a": 11e999,\n "b": 1e999}', (1, 7)),
])
def test_a_refused_number_is_located_where_it_is_not_where_its_text_first_is(
        text: str, where: tuple[int, int]) -> None:
    with pytest.raises(ClaimFileError) as caught:
        load_json(text, "r.json")
    assert caught.value.code == "merge.bad-number"
    assert (caught.value.location.line, caught.value.location.col) == where


def _with_quote(report_text: str, written: str) -> str:
    """The report with its second claim's quote written as ``written`` (JSON string text)."""
    data = json.loads(report_text)
    data["claims"][1]["quote"] = "@quote@"
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text.replace('"@quote@"', '"' + written + '"')


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_unpaired_surrogate_is_refused_in_every_format(
        report_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    path = tmp_path / "r.json"
    text = _with_quote(report_text, "a\\ud800b")
    path.write_text(text, encoding="utf-8")
    line = text[:text.index("\\ud800")].count("\n") + 1
    code = main(["merge", str(path), "--format", fmt, "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"r.json:{line}:" in err and "unpaired UTF-16 surrogate" in err
    assert "Traceback" not in err and "internal error" not in err


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 64, 1 << 20])
def test_a_surrogate_escape_cut_by_the_window_is_seen(
        report_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    path = tmp_path / "r.json"
    monkeypatch.setattr(reportstream, "CHUNK", chunk)
    for pad in range(8):  # the escape at every place across a read's seam
        path.write_text(_with_quote(report_text, "x" * pad + "\\uDFFF"), encoding="utf-8")
        with pytest.raises(ClaimFileError, match="unpaired UTF-16 surrogate"):
            merge_files([str(path)], False)
    for pad in range(12):  # the window alone, read in steps of 1, 1, 2, 4, ... bytes
        window = reportstream._Window(io.BytesIO(b'"' + b"x" * pad + b'\\uDFFF"'), 1 << 20)
        with pytest.raises(reportstream.Unusual, match="surrogate"):
            while window.more():
                pass
    # a pair written as two escapes is one character: read, and the same as when unescaped
    path.write_text(_with_quote(report_text, "\\ud83d\\ude00"), encoding="utf-8")
    merged, _ = merge_files([str(path)], False)
    assert [f.quote for f in merged.findings][1] == "\U0001f600"


def test_the_digest_of_a_claim_is_salted_in_every_process() -> None:
    """With PYTHONHASHSEED set, hash() of bytes is the same in every process: one who knows
    the seed could make two claims of one digest, and swap them between the two reads."""
    code = ("from factcheck.report.reportstream import digest; "
            "print(digest(b'{\"id\": \"c1\"}'))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": "0", "PATH": ""}, check=True,
                           cwd=ROOT).stdout for _ in range(2)}
    assert len(runs) == 2, runs
