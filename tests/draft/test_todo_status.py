"""Claims marked status: todo: listed as to write, never checked, never a discrepancy."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main
from factcheck.formats import FORMATS, RenderOptions, render
from factcheck.report.runner import CheckOptions, run_check

ARTICLE = "상하이는 지난 14일 1000억 위안(약 16조4천780억 원)을 발표했다. 기업 500개 이상.\n"
CLAIMS = """\
article: {id: a, title: T, published: 2017-11-23, text: a.txt}
claims:
  - {id: conv, quote: "1000억 위안(약 16조4천780억 원)", kind: convert,
     amount: 1000억 위안, stated: 약 16조4천780억 원}
  - {id: when, quote: "지난 14일", kind: date, stated: 지난 14일, status: todo}
  - {id: firms, quote: "기업 500개 이상", kind: compare, expr: "TODO_fact >= 500개", status: todo}
"""


@pytest.fixture
def claims(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "a.yaml"
    path.write_text(CLAIMS, encoding="utf-8")
    return path


def test_todo_claims_are_listed_not_checked_and_cover_nothing(claims):
    report = run_check([str(claims)], CheckOptions(jobs=1))
    assert not report.problems
    verdicts = {f.claim_id: f.verdict for f in report.findings}
    assert verdicts == {"conv": "holds", "when": "todo", "firms": "todo"}
    assert report.exit_code == 0
    data = report.to_json()
    assert data["summary"]["todo"] == 2 and data["summary"]["unexpected"] == 0
    items = data["coverage"]["articles"][0]["items"]
    assert {i["text"]: i["covered_by"] for i in items} == {
        "1000억 위안": ["conv"], "약 16조4천780억 원": ["conv"], "500개": []}


def test_every_format_renders_a_todo_claim(claims):
    report = run_check([str(claims)], CheckOptions(jobs=1))
    for name in sorted(FORMATS):
        out = render(report, name, RenderOptions())
        if name != "claimreview":  # a claim still to write cannot be rated
            assert "firms" in out, name
    assert "to write" in render(report, "text", RenderOptions())
    assert '"verdict": "todo"' in render(report, "json", RenderOptions())
    markdown = render(report, "markdown", RenderOptions())
    assert "## To write (2)" in markdown and "Every claim holds as expected." in markdown


def test_strict_fails_while_claims_are_to_write(claims, capsys):
    assert main(["check", str(claims)]) == 0
    assert main(["check", "--strict", str(claims)]) == 1
    assert "still to write" in capsys.readouterr().err


def test_a_date_claim_needs_expected_unless_todo(tmp_path, capsys):
    path = tmp_path / "b.yaml"
    path.write_text("article: {id: b, title: T, published: 2017-11-23}\nclaims:\n"
                    "  - {id: d, quote: q, kind: date, stated: 지난 14일}\n", encoding="utf-8")
    assert main(["check", str(path), "--format", "json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert "status: todo" in out["problems"][0]["message"]
