"""``factcheck new``: textual append that keeps everything else, shape recognition, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.yamlsafe import parse_yaml
from factcheck.cli import main
from factcheck.commands.new import draft, slug

BASE = """\
# yaml-language-server: $schema=../schema.json
article:
  id: a1          # keep me
  title: T
  published: 2017-11-23
claims:
  # the first claim
  - id: one
    quote: "x"
    kind: compare
    expr: 1 > 0

# facts come after the claims
facts:
  x.y: {value: "1", source: s}
"""


def _new(path: Path, *args: str) -> int:
    return main(["new", str(path), *args])


def test_round_trip_keeps_comments_and_order(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert _new(path, "--quote", "1000억 위안(약 16조4천780억 원)", "--id", "sh-conv") == 0
    new = path.read_text(encoding="utf-8")
    head, tail = BASE.split("\n\n# facts")
    head, tail = head + "\n", "\n# facts" + tail
    # everything else is byte for byte the same; the claim sits at the end of the block
    assert new.startswith(head) and new.endswith(tail)
    added = new[len(head) : len(new) - len(tail)]
    assert added and all(line.startswith("  ") for line in added.splitlines())
    data = parse_yaml(new, str(path)).data
    assert [c["id"] for c in data["claims"]] == ["one", "sh-conv"]
    claim = data["claims"][1]
    assert claim["kind"] == "convert"
    assert (claim["amount"], claim["stated"]) == ("1000억 위안", "약 16조4천780억 원")
    assert "# TODO expect:" in new
    assert list(data) == ["article", "claims", "facts"]


def test_new_claim_validates_against_its_kind_model(tmp_path: Path) -> None:
    from factcheck.kinds import kind_module

    path = tmp_path / "a.yaml"
    path.write_text(BASE, encoding="utf-8")
    for quote in ["1000억 위안(약 16조4천780억 원)", "바이두, 알리바바, 텐센트 3곳"]:
        assert _new(path, "--quote", quote) == 0
    claims = parse_yaml(path.read_text(encoding="utf-8"), str(path)).data["claims"]
    for c in claims[1:]:
        kind_module(c["kind"]).Claim.model_validate(c)


def test_duplicate_id_is_refused_and_file_untouched(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert _new(path, "--quote", "y", "--id", "one") == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == BASE


def test_claims_key_created_when_missing(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("article:\n  id: a1\n  title: T\n  published: 2017-11-23", encoding="utf-8")
    assert _new(path, "--quote", "지난 14일", "--id", "d1") == 0
    data = parse_yaml(path.read_text(encoding="utf-8"), str(path)).data
    assert data["claims"][0]["kind"] == "date" and data["claims"][0]["stated"] == "지난 14일"
    assert data["article"]["published"] == "2017-11-23"


@pytest.mark.parametrize(
    "block", ["claims: []\n", "claims:\n- id: one\n  quote: x\n  kind: date\n"]
)
def test_empty_flow_list_and_unindented_items(tmp_path: Path, block: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("article: {id: a}\n" + block + "sources: {}\n", encoding="utf-8")
    assert _new(path, "--quote", "q", "--id", "two") == 0
    data = parse_yaml(path.read_text(encoding="utf-8"), str(path)).data
    assert data["claims"][-1]["id"] == "two" and data["sources"] == {}


def test_flow_list_with_items_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    original = "claims: [{id: one, quote: x, kind: date}]\n"
    path.write_text(original, encoding="utf-8")
    assert _new(path, "--quote", "q", "--id", "two") == 2
    assert path.read_text(encoding="utf-8") == original


def test_broken_yaml_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    original = "claims:\n  - id: [unclosed\n"
    path.write_text(original, encoding="utf-8")
    assert _new(path, "--quote", "q", "--id", "two") == 2
    assert path.read_text(encoding="utf-8") == original


def test_dry_run_prints_and_writes_nothing(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert _new(path, "--quote", "1600억 위안을 넘어선다", "--dry-run") == 0
    out = capsys.readouterr().out
    assert "kind: compare" in out and 'expr: "TODO_fact > 1600억 위안"' in out
    assert path.read_text(encoding="utf-8") == BASE


def test_hostile_quote_stays_a_string(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(BASE, encoding="utf-8")
    quote = 'x" ]\n- !!python/object: {}\n# \u202e "'
    assert _new(path, "--quote", quote, "--id", "h1") == 0
    data = parse_yaml(path.read_text(encoding="utf-8"), str(path)).data
    assert data["claims"][-1]["quote"] == quote


@pytest.mark.parametrize(("quote", "kind", "fields"), [
    ("1000억 위안(약 16조4천780억 원)", "convert",
     {"amount": "1000억 위안", "stated": "약 16조4천780억 원"}),
    ("$2.5 billion (about 2조8천억 원)", "convert",
     {"amount": "$2.5 billion", "stated": "about 2조8천억 원"}),
    ("바이두, 알리바바, 텐센트 3곳", "count",
     {"items": ["바이두", "알리바바", "텐센트"], "stated": "3곳"}),
    ("1600억 위안을 넘어선다", "compare", {"expr": "TODO_fact > 1600억 위안", "status": "todo"}),
    ("500개 이상으로 늘리고", "compare", {"expr": "TODO_fact >= 500개", "status": "todo"}),
    ("지난 14일", "date", {"stated": "지난 14일", "status": "todo"}),
    ("超过1500亿元", "compare", {"expr": "TODO_fact > 1500亿元", "status": "todo"}),
    ("more than 150 billion yuan", "compare",
     {"expr": "TODO_fact > 150 billion yuan", "status": "todo"}),
    ("바이두가 참여한다", "compare", {"expr": "TODO_fact > TODO_quantity", "status": "todo"}),
])
def test_shapes(quote: str, kind: str, fields: dict[str, object]) -> None:
    d = draft(quote)
    assert d.kind == kind
    assert dict(d.fields) == fields


def test_slug_is_ascii_and_unique() -> None:
    assert slug("1000억 위안(약 16조4천780억 원)", "convert", set()) == "convert-1000-16-4-780"
    assert slug("지난", "date", {"date"}) == "date-2"


def test_added_claim_is_checked_with_the_seed_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "claims").glob("*.yaml"))
    assert files, "the repository's claims/ holds the seed claim files"
    shutil.copytree(root / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    target = Path("claims") / files[0].name
    before = target.read_text(encoding="utf-8")
    quote = "1000억 위안(약 16조4천780억 원)"
    assert _new(target, "--quote", quote, "--id", "added-by-new") == 0
    after = target.read_text(encoding="utf-8")
    assert len(after) > len(before)
    from factcheck.report.runner import run_check

    report = run_check(["claims"])
    added = [f for f in report.findings if f.claim_id == "added-by-new"]
    assert len(added) == 1 and added[0].kind == "convert"
    assert added[0].verdict in ("holds", "contradicted", "undetermined")
    assert not [p for p in report.problems if "added-by-new" in p.message]


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(codec="utf-8"), min_size=1, max_size=30).filter(str.strip))
def test_any_quote_round_trips_exactly(quote: str) -> None:
    from factcheck.commands.new import insert

    new = insert(BASE, "q1", quote, draft(quote))
    assert parse_yaml(new, "a.yaml").data["claims"][-1]["quote"] == quote
    assert new.startswith(BASE.split("\n\n# facts")[0])
