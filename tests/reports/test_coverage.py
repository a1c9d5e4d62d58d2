"""Coverage of the article's quantities by claim quotes, and the ``factcheck coverage`` command."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
import seedtext
from hypothesis import given
from hypothesis import strategies as st

from factcheck.report.coverage import _span, article_coverage, compute_coverage, percent
from factcheck.report.record import Finding

SEED = seedtext.SEED
TEXT = "A 100억 위안 plan.\nB 30억 위안 and 5 cities.\n"


def fake_extract(text: str) -> list[tuple[int, int]]:
    spans = []
    for word in ("100억 위안", "30억 위안", "5 cities"):
        start = text.find(word)
        spans.append((start, start + len(word)))
    return spans


def test_quantities_inside_a_quote_are_covered() -> None:
    cov = article_coverage("a", "a.txt", TEXT, [("c1", "A 100억 위안 plan"), ("c2", "5  cities")],
                           fake_extract)
    assert (cov["quantities"], cov["covered"], cov["percent"]) == (3, 2, "66.7")
    by_text = {i["text"]: i for i in cov["items"]}
    assert by_text["100억 위안"]["covered_by"] == ["c1"]
    assert by_text["30억 위안"]["covered_by"] == []
    assert (by_text["30억 위안"]["line"], by_text["30억 위안"]["col"]) == (2, 3)


def test_partly_quoted_quantity_is_not_covered() -> None:
    cov = article_coverage("a", "a.txt", TEXT, [("c1", "100억")], fake_extract)
    assert cov["covered"] == 0


def test_no_text_no_coverage() -> None:
    assert compute_coverage([{"id": "a"}], []) is None


def test_findings_count_for_their_own_article_only() -> None:
    arts = [{"id": "a", "text": TEXT, "text_file": "a.txt"},
            {"id": "b", "text": TEXT, "text_file": "b.txt"}]
    f = Finding("c1", "x.yaml", 1, 1, "compare", "30억 위안", "holds", "holds", "", article_id="b")
    cov = compute_coverage(arts, [f], fake_extract)
    assert cov is not None
    assert [a["covered"] for a in cov["articles"]] == [0, 1]
    assert (cov["quantities"], cov["covered"], cov["percent"]) == (6, 1, "16.7")


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_percent_is_the_exact_ratio_rounded(part: int, whole: int) -> None:
    part = min(part, whole)
    shown = Fraction(percent(part, whole))
    assert abs(shown - Fraction(100 * part, whole)) <= Fraction(1, 20)


@pytest.mark.parametrize("item", [(3, 7), [3, 7], type("M", (), {"span": (3, 7)})(),
                                  type("M", (), {"start": 3, "end": 7})(),
                                  type("M", (), {"span": lambda self: (3, 7)})()])
def test_extractor_shapes(item: object) -> None:
    assert _span(item) == (3, 7)


def test_seed_article_with_the_real_grammar() -> None:
    text = seedtext.seed_text()
    cov = article_coverage("seed", str(SEED), text, [("c", "1000억 위안(약 16조4천780억 원)")])
    assert cov["quantities"] >= 30
    assert 1 <= cov["covered"] < cov["quantities"]
    assert json.loads(json.dumps(cov)) == cov  # JSON-ready


def test_coverage_command_on_the_seed_claims(capsys: pytest.CaptureFixture[str]) -> None:
    seedtext.seed_path()
    from factcheck.cli import main

    claims = Path(__file__).resolve().parents[2] / "claims"
    code = main(["coverage", str(claims), "--article", str(SEED), "--format", "json"])
    out = capsys.readouterr().out
    assert code in (0, 2)
    data = json.loads(out)
    assert data["quantities"] >= 30 and data["covered"] >= 1


def _stub_runner(monkeypatch: pytest.MonkeyPatch, report: object) -> None:
    """Stand in for the runner, so the command is tested on a known report."""
    import types

    from factcheck.report.runner import CheckOptions

    stub = types.ModuleType("factcheck.report.runner")
    stub.CheckOptions = CheckOptions  # type: ignore[attr-defined]
    stub.run_check = lambda paths, options: report  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "factcheck.report.runner", stub)


def test_coverage_command_text_and_json(monkeypatch: pytest.MonkeyPatch, report,  # type: ignore[no-untyped-def]
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main

    _stub_runner(monkeypatch, report)
    assert main(["coverage", "claims", "--format", "json"]) == 2  # the report has problems
    captured = capsys.readouterr()
    assert json.loads(captured.out) == report.coverage
    assert "quote.not_found" not in captured.out and "not found" in captured.err
    main(["coverage", "claims"])
    out = capsys.readouterr().out
    # Folded: the quantity no claim covers, not the seven that are covered.
    assert "7 of 8 quantities" in out and "NOT COVERED" in out
    assert "covered by staff" not in out and "--all lists them" in out
    main(["coverage", "claims", "--all"])
    out = capsys.readouterr().out
    assert "NOT COVERED" in out and "covered by staff-growth" in out
    assert out.count("\n  ") == 8  # every quantity


def test_coverage_command_without_text_says_what_to_do(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from factcheck.cli import main
    from factcheck.report.record import Report

    _stub_runner(monkeypatch, Report())
    assert main(["coverage", "claims"]) == 2
    assert "--article FILE" in capsys.readouterr().err


def test_only_a_claim_that_holds_or_is_reviewed_covers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from factcheck.report.runner import run_check

    text = "바이두, 알리바바, 텐센트 4곳. 구글, 애플 2곳. 삼성 1곳.\n"
    (tmp_path / "a.txt").write_text(text, "utf-8")
    claims = (
        "article: {id: a, title: t, published: 2017-11-23, text: a.txt}\n"
        "claims:\n"
        # contradicted, and nobody said so: the 4 it checks is not covered
        "  - {id: unreviewed, quote: '바이두, 알리바바, 텐센트 4곳', kind: count,\n"
        "     items: [바이두, 알리바바, 텐센트], stated: 4곳}\n"
        # contradicted as a reviewer expected: covered
        "  - {id: reviewed, quote: '구글, 애플 2곳', kind: count, items: [구글], stated: 2곳,\n"
        "     expect: contradicted}\n"
        "  - {id: holds, quote: '삼성 1곳', kind: count, items: [삼성], stated: 1곳}\n"
    )
    (tmp_path / "c.yaml").write_text(claims, "utf-8")
    report = run_check([str(tmp_path / "c.yaml")])
    assert report.coverage is not None
    items = {i["text"]: i["covered_by"] for i in report.coverage["articles"][0]["items"]}
    assert items == {"4곳": [], "2곳": ["reviewed"], "1곳": ["holds"]}


@pytest.mark.parametrize(("text", "spans"), [
    ("총 1600억 위안을 넘어 섰다", ["1600억 위안"]),
    ("8조 원 이상으로", ["8조 원"]),
    ("500개 이상의 기업", ["500개"]),
    ("5만 명 미만이다", ["5만 명"]),
    ("30% 이상 늘었다", ["30%"]),
    # A qualifier before the number, or none: the span is as found.
    ("약 16조4천780억 원", ["약 16조4천780억 원"]),
    ("超过1600亿元", ["超过1600亿元"]),
    ("100억 위안(약 1조6천519억 원)으로", ["100억 위안", "약 1조6천519억 원"]),
])
def test_spans_are_the_quantity_not_its_grammar(text: str, spans: list[str]) -> None:
    items = article_coverage("a", "a.txt", text, [])["items"]
    assert [i["text"] for i in items] == spans
    assert all(text[i["start"]:i["end"]] == i["text"] for i in items)


def test_a_quote_of_the_bare_quantity_covers_it() -> None:
    items = article_coverage("a", "a.txt", "목표는 1600억 위안을 넘어 섰다",
                             [("c", "1600억 위안")])["items"]
    assert [(i["text"], i["covered_by"]) for i in items] == [("1600억 위안", ["c"])]
