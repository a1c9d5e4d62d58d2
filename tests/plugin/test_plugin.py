"""The pytest plugin: claims as test items, opt-in, failures located, expected failures xfail."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

SEED_CLAIMS = Path(__file__).resolve().parents[2] / "claims"


def _claim(cid: str, verdict: str, expect: str, line: int) -> dict[str, object]:
    return {"id": cid, "file": "claims/a.yaml", "line": line, "kind": "compare",
            "quote": "1000억 위안", "verdict": verdict, "expect": expect,
            "message": f"computed {cid}", "warnings": [], "details": {}}


def _write_report(pytester: pytest.Pytester, claims: list[dict], problems=()) -> str:  # type: ignore[no-untyped-def]
    data = {"summary": {}, "claims": claims, "rates": [], "problems": list(problems)}
    path = pytester.path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_inert_without_the_option(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_one():\n    assert True\n")
    result = pytester.runpytest()  # the plugin is loaded through its entry point
    result.assert_outcomes(passed=1)
    assert "--claims" in pytester.runpytest("--help").stdout.str()


def test_each_claim_is_an_item_named_by_its_id(pytester: pytest.Pytester) -> None:
    report = _write_report(pytester, [
        _claim("holds-ok", "holds", "holds", 3),
        _claim("wrong-sum", "contradicted", "holds", 12),
        _claim("known-wrong", "contradicted", "contradicted", 20),
        _claim("fixed-now", "holds", "contradicted", 30),
    ])
    result = pytester.runpytest("--claims", report, "-v", "-rxX")
    result.assert_outcomes(passed=1, failed=2, xfailed=1)
    result.stdout.fnmatch_lines([
        "*::holds-ok PASSED*",
        "*::wrong-sum FAILED*",
        "*::known-wrong XFAIL*",
    ])
    # the failure text is the discrepancy with its location, not a traceback
    result.stdout.fnmatch_lines([
        "claims/a.yaml:12:1: wrong-sum: contradicted (expected holds): computed wrong-sum",
        "claims/a.yaml:30:1: fixed-now: holds (expected contradicted): computed fixed-now",
    ])
    assert "Traceback" not in result.stdout.str()
    assert "def runtest" not in result.stdout.str()


def test_ini_option(pytester: pytest.Pytester) -> None:
    _write_report(pytester, [_claim("c1", "holds", "holds", 1)])
    pytester.makeini("[pytest]\nfactcheck_claims = report.json\n")
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*::c1 PASSED*"])


def test_input_problems_fail_with_their_location(pytester: pytest.Pytester) -> None:
    report = _write_report(pytester, [], [{"file": "claims/b.yaml", "line": 4, "col": 7,
                                          "code": "claims.invalid", "message": "unknown key 'x'"}])
    result = pytester.runpytest("--claims", report)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["claims/b.yaml:4:7: unknown key 'x'"])


def test_missing_path_is_reported_not_a_crash(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--claims", "nowhere.json")
    assert result.ret != 0
    result.stderr.fnmatch_lines(["*nowhere.json*"])
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_invalid_json_report_is_a_collection_error(pytester: pytest.Pytester) -> None:
    (pytester.path / "bad.json").write_bytes(b"\xff\xfe")
    result = pytester.runpytest("--claims", "bad.json")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*bad.json*not valid UTF-8*"])


def test_claims_selected_with_k(pytester: pytest.Pytester) -> None:
    report = _write_report(pytester, [_claim("alpha", "holds", "holds", 1),
                                      _claim("beta", "contradicted", "holds", 2)])
    result = pytester.runpytest("--claims", report, "-k", "alpha")
    result.assert_outcomes(passed=1, deselected=1)


def test_real_claims_through_the_runner(pytester: pytest.Pytester) -> None:
    shutil.copytree(SEED_CLAIMS, pytester.path / "claims")
    result = pytester.runpytest("--claims", "claims", "-q")
    # 59 seed claims: the 5 written as expect: contradicted are expected failures.
    result.assert_outcomes(passed=54, xfailed=5)
    assert "Traceback" not in result.stdout.str()


def test_malformed_json_report_says_what_it_is(pytester: pytest.Pytester) -> None:
    (pytester.path / "r.json").write_text('{"claims": [{"id": 1}]}', encoding="utf-8")
    result = pytester.runpytest("--claims", "r.json")
    assert result.ret != 0
    result.stdout.fnmatch_lines(
        ["*r.json: malformed report: report.claims[[]0[]].id must be a string, not a number*"])
    assert "Traceback" not in result.stdout.str()


def test_unreadable_claim_file_is_a_failing_item(pytester: pytest.Pytester) -> None:
    claims = pytester.path / "claims"
    claims.mkdir()
    (claims / "a.yaml").write_text("article: {id: a}\nclaims: []\n", encoding="utf-8")
    (claims / "b.yaml").write_bytes(b"\xff\xfe not utf-8")
    result = pytester.runpytest("--claims", "claims", "-q")
    assert result.ret == 1
    out = result.stdout.str()
    assert "b.yaml" in out and "UTF-8" in out
