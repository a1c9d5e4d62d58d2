"""The pytest plugin skips a claim still to write, with its reason."""

from __future__ import annotations

import json

import pytest


def test_a_todo_claim_is_skipped_as_to_write(pytester: pytest.Pytester) -> None:
    claim = {"id": "firms", "file": "claims/a.yaml", "line": 4, "kind": "compare",
             "quote": "500개 이상", "verdict": "todo", "expect": "holds",
             "message": "to write", "warnings": [], "details": {}}
    path = pytester.path / "report.json"
    path.write_text(json.dumps({"summary": {}, "claims": [claim], "rates": []}),
                    encoding="utf-8")
    result = pytester.runpytest("--claims", str(path), "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*to write: firms is marked status: todo*"])
