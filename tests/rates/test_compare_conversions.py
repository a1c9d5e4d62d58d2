"""A compare claim that converts one written amount into another counts as a conversion."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.kinds import KIND_MODULES

CLAIMS = """\
article: {id: a, title: t, published: 2017-11-23}
claims:
  - {id: conv, quote: q, kind: convert, amount: 1000억 위안, stated: 약 16조4천780억 원}
  - {id: cmp, quote: q, kind: compare, expr: "100억 위안 in KRW ≈ 약 1조6천519억 원"}
  - {id: cmp-back, quote: q, kind: compare, expr: "약 1조6천484억 원 == 100억 위안 in KRW"}
  - {id: bound, quote: q, kind: compare, expr: "100억 위안 in KRW > 1조 원"}
  - {id: dated, quote: q, kind: compare,
     expr: "100억 위안 in KRW at 2017-11-01 ≈ 약 1조6천519억 원"}
  - {id: fact, quote: q, kind: compare, expr: "x.amount in KRW ≈ 약 1조6천519억 원"}
  - {id: other-currency, quote: q, kind: compare, expr: "100억 위안 in USD ≈ 약 1조6천519억 원"}
  - {id: todo, quote: q, kind: compare, expr: "100억 위안 in KRW ≈ 약 1조6천 원", status: todo}
facts:
  x.amount: {value: 100억 위안, source: s}
sources:
  s: {title: a source}
"""


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(CLAIMS, "utf-8")
    return path


def _claims_in(blocks: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return sorted(c for b in blocks for cl in b["clusters"] for c in cl["claims"])


def test_rates_counts_written_conversions_of_compare_claims(
        claims: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rates", str(claims)]) == 0
    blocks = json.loads(capsys.readouterr().out)
    # A bound, a dated conversion, a fact, a currency the other side is not in, a claim
    # still to write: none is a conversion the article prints.
    assert _claims_in(blocks) == ["cmp", "cmp-back", "conv"]
    rates = {c: cl["rate"] for cl in blocks[0]["clusters"] for c in cl["claims"]}
    assert (rates["cmp"], rates["cmp-back"]) == (165.19, 164.84)


def test_check_analyses_the_same_conversions(claims: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", "--format", "json", str(claims)])
    report = json.loads(capsys.readouterr().out)
    assert _claims_in(report["rates"]) == ["cmp", "cmp-back", "conv"]
    cmp = next(c for c in report["claims"] if c["id"] == "cmp")
    assert cmp["details"]["implied_rate"]["rate"] == "165.19"
    assert (cmp["details"]["from"], cmp["details"]["to"]) == ("CNY", "KRW")
    warned = next(c for c in report["claims"] if c["id"] == "conv")["warnings"]
    assert any("that the conversion cmp-back uses" in w for w in warned) or any(
        "other conversions" in w for w in warned)


@pytest.mark.parametrize("module", ["factcheck/report/runner.py", "factcheck/formats/markdown.py",
                                    "factcheck/rates/analysis.py", "factcheck/commands/rates.py"])
def test_no_kind_names_outside_the_kinds(module: str) -> None:
    root = Path(__file__).resolve().parents[2]
    tree = ast.parse((root / module).read_text("utf-8"))
    # A branch on a kind compares something with a kind's name ("date" is also a key).
    named = {const.value for node in ast.walk(tree) if isinstance(node, ast.Compare)
             for side in (node.left, *node.comparators) for const in ast.walk(side)
             if isinstance(const, ast.Constant) and const.value in KIND_MODULES}
    assert not named, f"{module} branches on kinds {sorted(named)}: ask the kind's module"
