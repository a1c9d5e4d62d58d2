"""Huge and non-finite numbers in rates files and JSON reports: located errors, exit 2.

A rates file or a JSON report may come from anyone. A rate of 5,000 digits, a number
such as ``1e999`` or ``NaN``, a 5,000-digit integer, or a rate written as a string
that exact arithmetic would expand (``"1e999999999"``) must end in a located error
(exit 2), never in an internal error (exit 3), a hang or a report that is not JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

_CLAIMS = """article: {id: a, title: t, published: 2017-11-23}
claims:
  - {id: c1, quote: q, kind: convert, amount: 100억 위안, stated: 약 1조6천519억 원}
"""
_REPORT = {
    "summary": {"claims": 1},
    "claims": [{"id": "c1", "article": "a", "file": "a.yaml", "line": 3, "col": 5,
                "kind": "convert", "quote": "q", "verdict": "holds", "expect": "holds",
                "message": "m", "warnings": [], "details": {}, "quote_span": None}],
    "rates": [{"article": "a", "from": "CNY", "to": "KRW",
               "reference": {"source": "ECB", "date": "2017-11-23", "rate": 164.938},
               "clusters": [{"rate": 165.19, "low": 165.185, "high": 165.195,
                             "claims": ["c1"], "deviation_pct": 0.153,
                             "nearest_reference": {"date": "2017-11-20", "rate": 165.197}}],
               "spread_pct": 0.0, "series": [["2017-11-23", 164.938]]}],
    "coverage": {"quantities": 1, "covered": 1, "percent": "100.0",
                 "articles": [{"article": "a", "file": "a.txt", "quantities": 1, "covered": 1,
                               "percent": "100.0", "items": [{"text": "1", "start": 0, "end": 1,
                                                              "line": 1, "col": 1,
                                                              "covered_by": ["c1"]}]}]},
}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -- rates files ------------------------------------------------------------------------
@pytest.mark.parametrize(("rate", "message"), [
    ("1" * 5000, r"rates.csv:2:1: rate '1{39}…' has 5000 digits, more than the limit of 100"),
    ("0." + "0" * 200 + "1", r"rates.csv:2:1: rate '0\.0{37}…' has 202 digits"),
    ("1" * 45, r"rates.csv:2:1: rate '1{39}…' has 45 significant digits, more than the "
               r"limit of 40"),
    ("1" * 13, r"rates.csv:2:1: rate '1{13}' is outside 10\^-12 to 10\^12"),
    ("0." + "0" * 12 + "1", r"rates.csv:2:1: rate '0\.0{12}1' is outside 10\^-12 to 10\^12"),
])
@pytest.mark.parametrize("command", ["check", "rates"])
def test_a_rate_beyond_the_bounds_is_a_located_error(tmp_path: Path, capsys, rate: str,  # type: ignore[no-untyped-def]
                                                     message: str, command: str) -> None:
    import re

    (tmp_path / "a.yaml").write_text(_CLAIMS, "utf-8")
    (tmp_path / "rates.csv").write_text(f"Date,From,To,Rate\n2017-11-23,CNY,KRW,{rate}\n",
                                        "utf-8")
    status, out, err = _run([command, str(tmp_path / "a.yaml"), "--rates",
                             str(tmp_path / "rates.csv")], capsys)
    assert status == 2, err
    assert re.search(message, err), err
    assert "internal error" not in err


def test_a_huge_rate_in_the_ecb_layout_named_by_a_claim_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.yaml").write_text(_CLAIMS.replace("published: 2017-11-23",
                                                     "published: 2017-11-23, rates: r.csv"),
                                     "utf-8")
    (tmp_path / "r.csv").write_text("Date,CNY,KRW,\n2017-11-23,7.8," + "9" * 5000 + ",\n",
                                    "utf-8")
    status, out, err = _run(["check", str(tmp_path / "a.yaml")], capsys)
    assert status == 2
    flat = " ".join(out.split())  # the text report wraps its lines
    assert "a.yaml:3:" in flat and "r.csv:2:1: rate '9999" in flat  # the claim and the line
    assert "has 5000 digits, more than the limit of 100" in flat


def test_rates_at_the_bounds_are_read_exactly(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.yaml").write_text(_CLAIMS, "utf-8")
    for n, rate in enumerate(("9" * 12 + ".5", "0." + "0" * 11 + "1", "165.19")):
        rates = tmp_path / f"rates{n}.csv"  # one name each: a process reads a file once
        rates.write_text(f"Date,From,To,Rate\n2017-11-23,CNY,KRW,{rate}\n", "utf-8")
        status, out, err = _run(["rates", str(tmp_path / "a.yaml"), "--rates", str(rates)],
                                capsys)
        assert status == 0, err
        shown = json.loads(out)[0]["reference"]["rate"]
        # The block may show the pair either way round: the rate or its inverse.
        assert pytest.approx(float(rate)) in (shown, 1 / shown)


# -- merge --------------------------------------------------------------------------------
def _report_text(tmp_path: Path, text: str) -> str:
    path = tmp_path / "r.json"
    path.write_text(text, "utf-8")
    return str(path)


def _with(path: list[object], value: str) -> str:
    """The sample report as JSON with the value at ``path`` replaced by raw JSON ``value``."""
    data = json.loads(json.dumps(_REPORT))
    inner = data
    for key in path[:-1]:
        inner = inner[key]
    inner[path[-1]] = "\0REPLACE\0"
    return json.dumps(data, indent=2).replace('"\\u0000REPLACE\\u0000"', value)


@pytest.mark.parametrize(("path", "value", "message"), [
    (["claims", 0, "line"], "1e999", r"r\.json:\d+:\d+: the number '1e999' is a number "
                                     r"beyond 1e30"),
    (["claims", 0, "line"], "9" * 5000, r"r\.json:\d+:\d+: the number '9{39}…' is an "
                                        r"integer of 5000 digits"),
    (["coverage", "quantities"], "1e999", r"the number '1e999' is a number beyond 1e30"),
    (["rates", 0, "clusters", 0, "rate"], '"1e400"',
     r"report\.rates\[0\]\.clusters\[0\]\.rate must be a JSON number, not a string"),
    (["rates", 0, "clusters", 0, "low"], '"1e999999999"',
     r"report\.rates\[0\]\.clusters\[0\]\.low must be a JSON number, not a string"),
    (["rates", 0, "spread_pct"], "NaN", r"the number 'NaN' is NaN, which is not a number"),
    (["rates", 0, "clusters", 0, "high"], "-Infinity", r"-Infinity, which is not a number"),
    (["claims", 0, "line"], "3.5", r"report\.claims\[0\]\.line must be a whole number"),
    (["claims", 0, "verdict"], '"::error::x"', r"report\.claims\[0\]\.verdict "
                                               r"':\\u003aerror:\\u003ax' is not one of"),
    (["claims", 0, "id"], '"a\\n::error::x"', r"report\.claims\[0\]\.id 'a\\n:\\u003aerror"),
])
@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_merge_refuses_numbers_and_types_outside_the_contract(tmp_path: Path, capsys, path,  # type: ignore[no-untyped-def]
                                                              value, message, fmt) -> None:
    import re

    report = _report_text(tmp_path, _with(path, value))
    status, out, err = _run(["merge", "--format", fmt, report], capsys)
    assert status == 2, err
    assert re.search(message, err), err
    assert out == ""


def test_merge_of_a_huge_exponent_string_ends_at_once(tmp_path: Path) -> None:
    # Exact arithmetic on "1e999999999" would build a billion-digit integer.
    report = _report_text(tmp_path, _with(["rates", 0, "clusters", 0, "low"], '"1e999999999"'))
    for fmt in ("html", "text", "json"):
        proc = subprocess.run([sys.executable, "-m", "factcheck", "merge", "--format", fmt,
                               report], capture_output=True, text=True, timeout=30,
                              env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        assert proc.returncode == 2, proc.stderr
        assert "must be a JSON number" in proc.stderr


def test_merge_writes_valid_json_and_every_format(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    report = _report_text(tmp_path, json.dumps(_REPORT))
    status, out, err = _run(["merge", report], capsys)
    assert status == 0, err
    merged = json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} in the report"))
    assert merged["rates"] == _REPORT["rates"]
    assert merged["coverage"] == _REPORT["coverage"]
    for fmt in ("text", "markdown", "html", "junit", "sarif", "github", "claimreview"):
        assert _run(["merge", "--format", fmt, report], capsys)[0] == 0


# -- the pytest plugin reading a JSON report ---------------------------------------------
def test_the_plugin_reports_a_huge_line_without_a_traceback(pytester: pytest.Pytester) -> None:
    pytester.makefile(".json", report=_with(["claims", 0, "line"], "1e999"))
    result = pytester.runpytest("--claims", "report.json", "-p", "no:cacheprovider")
    out = result.stdout.str() + result.stderr.str()
    assert result.ret != 0
    assert "Traceback" not in out and "OverflowError" not in out
    result.stdout.fnmatch_lines(["*report.json:*:*: the number '1e999' is a number beyond 1e30*"])


def test_merge_refuses_a_report_over_the_size_limit(tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import limits

    report = _report_text(tmp_path, json.dumps(_REPORT))
    monkeypatch.setattr(limits, "MAX_REPORT_BYTES", 100)
    status, out, err = _run(["merge", report], capsys)
    assert (status, out) == (2, "")
    assert "r.json" in err and "larger than the limit of 100 bytes" in err


def test_merge_refuses_a_device_as_a_report(capsys) -> None:  # type: ignore[no-untyped-def]
    status, out, err = _run(["merge", "/dev/zero"], capsys)
    assert (status, out) == (2, "")
    assert "/dev/zero" in err
