"""``factcheck parse`` and ``factcheck extract``: exact output contracts and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main


def test_parse_prints_one_json_line_per_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "약 16조4천780억 원", "37.9%", "100여개"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first = json.loads(lines[0])
    assert list(first) == [
        "text", "value", "unit", "qualifier", "low", "high", "low_open", "high_open", "exact",
    ]
    assert first == {
        "text": "약 16조4천780억 원", "value": 16478000000000, "unit": "KRW",
        "qualifier": "approx", "low": 16477950000000, "high": 16478050000000,
        "low_open": False, "high_open": False, "exact": "16478000000000",
    }
    assert first["value"] == 1.6478e13
    percent = json.loads(lines[1])
    assert (percent["value"], percent["unit"], percent["exact"]) == (37.9, "percent", "37.9")
    odd = json.loads(lines[2])
    assert (odd["low"], odd["high"], odd["low_open"], odd["high_open"]) == (100, 200, True, True)
    assert odd["unit"] == "count" and odd["qualifier"] == "more_than"


def test_parse_unbounded_is_null(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "500억 위안 이상"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["high"] is None and record["high_open"] is True


def test_parse_bad_inputs_exit_2_with_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["parse", "banana", "1000억 위안", "1조조 원", "1..2억 원", "억억억", ""])
    out, err = capsys.readouterr()
    assert code == 2
    assert [json.loads(line)["unit"] for line in out.splitlines()] == ["CNY"]
    errors = err.splitlines()
    assert len(errors) == 5
    for bad, line in zip(["banana", "1조조 원", "1..2억 원", "억억억", ""], errors, strict=True):
        assert repr(bad) in line
    assert "Traceback" not in err


def test_exact_string_for_fractions() -> None:
    from fractions import Fraction

    from factcheck.quantity.decimals import exact_string

    assert exact_string(Fraction(2000, 3)) == "2000/3"
    assert exact_string(Fraction("-0.05")) == "-0.05"
    assert exact_string(Fraction(16478 * 10**9)) == "16478000000000"


def test_extract_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("상하이는 지난 14일\n규모를 1000억 위안(약 16조4천780억 원) 이상으로\n",
                       encoding="utf-8")
    assert main(["extract", str(article), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["line"], r["column"], r["text"]) for r in rows] == [
        (2, 5, "1000억 위안"), (2, 14, "약 16조4천780억 원"),
    ]
    assert rows[1]["low"] == 16477950000000
    assert main(["extract", str(article)]) == 0
    table = capsys.readouterr().out
    assert "2:14" in table and "approx" in table and table.endswith("2 quantities\n")


def test_extract_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "file not found" in capsys.readouterr().err
