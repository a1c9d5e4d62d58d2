"""Loading claim files: a valid catalog, and every broken case with its exact code and place."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from factcheck import limits
from factcheck.claims.load import expand_paths, load_paths, load_text
from tests.claims.conftest import stub_parse

VALID = """\
article:
  id: a1
  title: T
  published: 2017-11-23
sources:
  src: {title: S, published: 2017-07-20}
facts:
  f.one: {value: 100 CNY, source: src, tags: {scope: core}}
claims:
  - id: c1
    quote: q
    kind: probe
    expr: f.one > 1
  - {id: c2, quote: "no", kind: probe, expr: x, stated: 3, expected: 2017-11-14}
"""


def problems(text: str, file: str = "t.yaml") -> list[tuple[str, int, int]]:
    catalog = load_text(text, file, parse_value=stub_parse)
    return [(p.code, p.line, p.col) for p in catalog.problems]


def test_valid_file_loads_with_positions():
    catalog = load_text(VALID, "v.yaml", parse_value=stub_parse)
    assert catalog.problems == []
    [bundle] = catalog.articles
    assert bundle.article.published == dt.date(2017, 11, 23)
    assert [c.id for c in bundle.claims] == ["c1", "c2"]
    c1, c2 = bundle.claims
    assert (c1.file, c1.line, c1.col) == ("v.yaml", 10, 5)
    assert c1.where("expr") == (13, 11)
    assert str(c1.location("expr")) == "v.yaml:13:11"
    assert c2.claim.quote == "no"  # YAML 1.1 would have made this False
    assert c2.claim.stated == 3 and c2.claim.expected == dt.date(2017, 11, 14)
    fact = catalog.facts["f.one"]
    assert (fact.file, fact.line, fact.fact.tags) == ("v.yaml", 8, {"scope": "core"})
    assert fact.quantity.unit_name == "CNY"
    assert str(catalog.source_locations["src"]) == "v.yaml:6:3"
    assert catalog.ok


def _with(claim: str) -> str:
    return "article: {id: a, title: T, published: 2017-11-23}\nclaims:\n" + claim


BROKEN = [
    # (case id, text, expected problems as (code, line, col), a phrase of the first message)
    ("not-mapping", "- a\n- b\n", [("file.not-mapping", 1, 1)], "not a mapping"),
    ("scalar-top", "hello\n", [("file.not-mapping", 1, 1)], "'hello'"),
    ("empty", "", [("yaml.empty", 1, 1)], "empty"),
    ("syntax", "article: [\n", [("yaml.syntax", 2, 1)], "YAML syntax error"),
    ("tag", "article: !!python/object/apply:os.system [ls]\n", [("yaml.tag", 1, 10)], "tag"),
    ("anchor", "sources:\n  s: &s {title: S}\n", [("yaml.alias", 2, 6)], "anchor"),
    ("dup-key", "sources:\n  s: {title: S}\n  s: {title: T}\n",
     [("yaml.duplicate-key", 3, 3)], "first at line 2"),
    ("unknown-section", "artcle: {}\n", [("file.unknown-section", 1, 1)],
     "did you mean 'article'"),
    ("no-article", "claims:\n  - {id: c, quote: q, kind: probe, expr: x}\n",
     [("file.no-article", 1, 1)], "add an 'article:'"),
    ("article-not-mapping", "article: yes\n", [("article.schema", 1, 10)], "'yes'"),
    ("bad-date", "article: {id: a, title: T, published: 2017-13-45}\n",
     [("article.schema", 1, 39)], "'2017-13-45' is not a date; write YYYY-MM-DD"),
    ("article-missing", "article: {id: a, title: T}\n",
     [("article.schema", 1, 10)], "missing the required field 'published'"),
    ("article-typo", "article: {id: a, title: T, published: 2017-11-23, titel: x}\n",
     [("article.schema", 1, 51)], "unknown field 'titel' in article; did you mean 'title'?"),
    ("bad-article-id", "article: {id: 'a b', title: T, published: 2017-11-23}\n",
     [("article.schema", 1, 15)], "'a b' is not valid"),
    ("sources-list", "sources: [a]\n", [("sources.schema", 1, 10)], "not a mapping"),
    ("source-no-title", "sources:\n  s: {url: x}\n", [("sources.schema", 2, 6)],
     "missing the required field 'title'"),
    ("source-bad-id", "sources:\n  'a b': {title: S}\n", [("sources.schema", 2, 3)],
     "source id 'a b'"),
    ("fact-bad-name", "facts:\n  1bad: {value: 1 CNY, source: s}\n", [("facts.bad-name", 2, 3)],
     "not a dotted name"),
    ("fact-not-mapping", "facts:\n  f: 1 CNY\n", [("facts.schema", 2, 6)], "not a mapping"),
    ("fact-unknown-source",
     "sources: {src: {title: S}}\nfacts:\n  f: {value: 1 CNY, source: scr}\n",
     [("facts.unknown-source", 3, 29)], "did you mean 'src'?"),
    ("fact-bad-value", "sources: {s: {title: S}}\nfacts:\n  f:\n    value: lots\n    source: s\n",
     [("facts.bad-value", 4, 12)], "value 'lots' is not a quantity"),
    ("fact-value-list", "sources: {s: {title: S}}\nfacts:\n  f: {value: [1], source: s}\n",
     [("facts.schema", 3, 14)], "a list is not text"),
    ("claims-not-list", _with("  c: 1\n"), [("claims.not-list", 3, 3)], "not a list"),
    ("claim-not-mapping", _with("  - just text\n"), [("claims.schema", 3, 5)], "not a mapping"),
    ("no-kind", _with("  - {id: c, quote: q, expr: x}\n"), [("claims.kind", 3, 5)],
     "has no 'kind'"),
    ("unknown-kind", _with("  - {id: c, quote: q, kind: prboe, expr: x}\n"),
     [("claims.kind", 3, 29)], "did you mean 'probe'?"),
    ("kind-list", _with("  - {id: c, quote: q, kind: [probe]}\n"), [("claims.kind", 3, 29)],
     "kind a list"),
    ("claim-typo",
     _with("  - id: x\n    quote: q\n    kind: probe\n    expr: a\n    expresion: b\n"),
     [("claims.schema", 7, 5)], "unknown field 'expresion' in claim 'x'; did you mean 'expr'?"),
    ("claim-missing", _with("  - id: x\n    quote: q\n    kind: probe\n"),
     [("claims.schema", 3, 5)], "claim 'x' is missing the required field 'expr'"),
    ("negative", _with("  - {id: x, quote: q, kind: probe, expr: a, stated: -3}\n"),
     [("claims.schema", 3, 53)], "stated: '-3' must be >= 0"),
    ("not-int", _with("  - {id: x, quote: q, kind: probe, expr: a, stated: three}\n"),
     [("claims.schema", 3, 53)], "'three' is not a whole number"),
    ("bad-expect", _with("  - {id: x, quote: q, kind: probe, expr: a, expect: hold}\n"),
     [("claims.schema", 3, 53)], "did you mean 'holds'?"),
    ("empty-quote", _with("  - {id: x, quote: '', kind: probe, expr: a}\n"),
     [("claims.schema", 3, 20)], "quote: must not be empty"),
    ("impossible-date",
     _with("  - {id: x, quote: q, kind: probe, expr: a, expected: 2017-02-30}\n"),
     [("claims.schema", 3, 55)], "'2017-02-30' is not a date"),
    ("dup-claim", _with("  - {id: x, quote: q, kind: probe, expr: a}\n"
                        "  - {id: x, quote: q, kind: probe, expr: b}\n"),
     [("claims.duplicate-id", 4, 10)], "already used at t.yaml:3:5"),
    ("tags-list", _with("  - {id: x, quote: q, kind: probe, expr: a, tags: [a]}\n"),
     [("claims.schema", 3, 51)], "tags: a list is not a mapping"),
    ("control-char", "article: {id: a, title: \"T\u202e\", published: 2017-11-23}\nx: \x07\n",
     [("yaml.syntax", 2, 4)], "U+0007"),
]


@pytest.mark.parametrize(("text", "expected", "phrase"),
                         [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_broken_file_gives_exact_problem(text, expected, phrase):
    catalog = load_text(text, "t.yaml", parse_value=stub_parse)
    assert [(p.code, p.line, p.col) for p in catalog.problems] == expected
    first = catalog.problems[0]
    assert phrase in first.message
    assert str(first).startswith(f"t.yaml:{first.line}:{first.col}: ")


def test_every_problem_of_a_file_is_reported_in_one_run():
    text = _with(
        "  - {id: a1, quote: q, kind: probe, expr: a, stated: -1}\n"
        "  - {id: a2, quote: q, kind: nope}\n"
        "  - {id: a3, quote: q, kind: probe}\n"
        "  - {id: a4, quote: q, kind: probe, expr: ok}\n"
    ) + "extra: 1\n"
    catalog = load_text(text, "t.yaml", parse_value=stub_parse)
    assert [(p.code, p.line) for p in catalog.problems] == [
        ("claims.schema", 3), ("claims.kind", 4), ("claims.schema", 5),
        ("file.unknown-section", 7),
    ]
    assert [c.id for _, c in catalog.claims()] == ["a4"]


def test_duplicates_across_files_name_both_places(write):
    one = write("d/a.yaml", VALID)
    two = write("d/b.yaml", VALID.replace("c2", "c3"))
    catalog = load_paths([os.path.dirname(one)], parse_value=stub_parse)
    got = {(p.code, p.file, p.line) for p in catalog.problems}
    assert got == {
        ("article.duplicate-id", two, 2),
        ("sources.duplicate-id", two, 6),
        ("facts.duplicate-name", two, 8),
        ("claims.duplicate-id", two, 10),
    }
    for p in catalog.problems:
        assert f"{one}:" in p.message, p.message
    assert len(catalog.articles) == 1


def test_fact_may_cite_a_source_from_another_file(write):
    write("c/sources.yaml", "sources:\n  src: {title: S}\n")
    write("c/facts.yml", "facts:\n  f.x: {value: 5 KRW, source: src}\n")
    write("c/.hidden/x.yaml", "bad: 1\n")  # hidden folders (.git) are not searched
    catalog = load_paths([os.path.dirname(write("c/README.md", "not yaml"))],
                         parse_value=stub_parse)
    assert catalog.problems == []
    assert list(catalog.facts) == ["f.x"]
    assert [os.path.basename(f) for f in catalog.files] == ["facts.yml", "sources.yaml"]


def test_paths_missing_empty_and_repeated(write, tmp_path):
    f = write("one.yaml", VALID)
    (tmp_path / "empty").mkdir()
    files, probs = expand_paths([f, f, str(tmp_path / "empty"), str(tmp_path / "nope")])
    assert files == [f]
    assert [(p.code, p.file) for p in probs] == [
        ("io.no-files", str(tmp_path / "empty")),
        ("io.missing", str(tmp_path / "nope")),
    ]


def test_unreadable_files_are_problems_not_exceptions(write):
    bad = write("bad.yaml", b"article: \xff\xfe\n")
    big = write("big.yaml", "a: " + "x" * 10 + "\n")
    catalog = load_paths([bad, big], parse_value=stub_parse)
    assert [(p.code, p.line, p.col) for p in catalog.problems][0] == ("io.encoding", 1, 10)
    assert "byte offset 9" in catalog.problems[0].message


def test_file_size_limit(write, monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 100)
    big = write("big.yaml", "a: " + "x" * 200 + "\n")
    catalog = load_paths([big], parse_value=stub_parse)
    assert [p.code for p in catalog.problems] == ["input.limit"]
    assert "MAX_FILE_BYTES" in catalog.problems[0].message


def test_claims_per_file_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CLAIMS_PER_FILE", 2)
    text = _with("".join(f"  - {{id: c{i}, quote: q, kind: probe, expr: a}}\n" for i in range(3)))
    catalog = load_text(text, "t.yaml", parse_value=stub_parse)
    assert [(p.code, p.line) for p in catalog.problems] == [("input.limit", 2)]
    assert "MAX_CLAIMS_PER_FILE" in catalog.problems[0].message


def test_a_kind_whose_module_fails_is_a_problem(monkeypatch):
    from factcheck.kinds import KIND_MODULES

    monkeypatch.setitem(KIND_MODULES, "ghost", "tests.claims.no_such_module")
    catalog = load_text(_with("  - {id: c, quote: q, kind: ghost}\n"), "t.yaml",
                        parse_value=stub_parse)
    assert [(p.code, p.line, p.col) for p in catalog.problems] == [("claims.kind", 3, 29)]
    assert "cannot be used" in catalog.problems[0].message


def test_problem_order_is_deterministic(write):
    a = write("o/a.yaml", "x: 1\nsources: [1]\n")
    b = write("o/b.yaml", "y: 1\n")
    first = load_paths([os.path.dirname(a)], parse_value=stub_parse).problems
    second = load_paths([b, a], parse_value=stub_parse).problems
    assert [p.file for p in first] == [a, a, b]
    assert [p.file for p in second] == [b, a, a]


def test_real_quantity_grammar_reads_fact_values():
    text = ("sources: {s: {title: S}}\nfacts:\n  a: {value: 1500억 위안, source: s}\n"
            "  b: {value: '1e999999 위안', source: s}\n")
    catalog = load_text(text, "t.yaml")
    assert "a" in catalog.facts
    assert [(p.code, p.line) for p in catalog.problems] == [("facts.bad-value", 4)]


def test_every_code_the_loader_can_emit_is_documented():
    import pathlib
    import re

    from factcheck.claims.codes import CODES, help_text

    root = pathlib.Path(__file__).resolve().parents[2] / "factcheck"
    sources = [root / "claims" / "load.py", root / "claims" / "yamlsafe.py", root / "fileio.py"]
    used = set()
    for src in sources:
        used |= set(re.findall(r'"((?:io|yaml|file|article|sources|facts|claims|input)'
                               r'\.[a-z-]+)"', src.read_text(encoding="utf-8")))
    used |= {case[2][0][0] for case in BROKEN}
    assert used - set(CODES) == set()
    assert len(used) > 20
    assert all(help_text(code).endswith(".") for code in CODES)


def test_a_lean_reading_places_every_field_of_every_claim_as_a_full_one(tmp_path,
                                                                       monkeypatch) -> None:
    """Claims read leanly find their fields' places when asked: the same as a full reading."""
    import glob
    import sys

    from factcheck.claims import load as load_module
    from factcheck.claims import yamlsafe

    bench = os.path.join(os.path.dirname(__file__), "..", "..", "benchmarks")
    sys.path.insert(0, bench)
    try:
        import generate
    finally:
        sys.path.remove(bench)
    generate.generate(200, str(tmp_path))
    (tmp_path / "odd.yaml").write_text(
        "article: {id: odd, title: T, published: 2017-11-23}\nclaims:\n"
        "  - id: odd-1\n    quote: q\n    kind: compare\n    expr: a.b > 1\n"
        "    note:\n    tags:\n      scope: core\n"
        "  - {id: odd-2, quote: q, kind: compare, expr: a.b > 2}\n", encoding="utf-8")
    files = sorted(glob.glob(str(tmp_path / "**" / "*.yaml"), recursive=True))
    lean = load_module.load_files(files)
    full_parse = yamlsafe.parse_yaml
    monkeypatch.setattr(load_module, "parse_yaml",
                        lambda text, file, lean=False: full_parse(text, file))
    full = load_module.load_files(files)
    assert lean.problems == full.problems
    pairs = list(zip(lean.claims(), full.claims(), strict=True))
    assert len(pairs) > 200 and any(isinstance(a.fields, tuple) for (_, a), _ in pairs)
    names = ["id", "quote", "kind", "expr", "amount", "stated", "items", "expected", "expect",
             "note", "tags", "missing"]
    for (_, a), (_, b) in pairs:
        assert (a.id, a.line, a.col) == (b.id, b.line, b.col)
        assert [a.where(n) for n in names] == [b.where(n) for n in names], a.id
