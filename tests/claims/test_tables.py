"""tables: CSV files of facts, each row a fact, each problem at its cell."""

from __future__ import annotations

import os

import pytest

from factcheck.claims.load import load_paths
from factcheck.claims.tables import cell_starts, read_table

CLAIMS = """\
sources:
  nbs: {title: NBS, published: 2017-01-20}
  other: {title: Other}
facts:
  yaml.one: {value: 1억 위안, source: nbs}
tables:
  - file: data/facts.csv
    source: nbs
"""


def load(tmp_path, csv_text: str, claims: str = CLAIMS):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "facts.csv").write_text(csv_text, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(claims, encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return load_paths(["c.yaml"])
    finally:
        os.chdir(old)


def problems(catalog):
    return [(p.file, p.line, p.col, p.code, p.message) for p in catalog.problems]


def test_rows_become_facts_with_sources_notes_tags_and_unknowns(tmp_path):
    catalog = load(tmp_path, (
        "name,value,source,note,tag.scope\n"
        "gdp.y2016,74.4万亿元,,GDP of 2016,core\n"
        'gdp.quoted,"1,000억 원",other,"a note, with a comma",\n'
        "\n"
        "gdp.unknown,unknown,,,\n"
    ))
    assert problems(catalog) == []
    fact = catalog.facts["gdp.y2016"]
    assert (fact.fact.source, fact.fact.note, fact.fact.tags) == ("nbs", "GDP of 2016",
                                                                  {"scope": "core"})
    assert (fact.file, fact.line) == (os.path.join("data", "facts.csv"), 2)
    assert str(catalog.facts["gdp.quoted"].quantity.interval) == "[100000000000, 100000000000]"
    assert catalog.facts["gdp.quoted"].fact.source == "other"
    assert list(catalog.unknown) == ["gdp.unknown"]
    assert "yaml.one" in catalog.facts


def test_every_bad_row_is_located_at_its_cell(tmp_path):
    path = os.path.join("data", "facts.csv")
    catalog = load(tmp_path, (
        "name,value,source\n"
        "bad name,1억 위안,\n"
        "ok.twice,1조조 원,\n"
        "yaml.one,2억 위안,\n"
        "ok.nosource,3억 위안,missing\n"
        "ok.novalue,,\n"
        "ok.wide,1,nbs,extra\n"
    ))
    assert problems(catalog) == [
        (path, 2, 1, "facts.bad-name", "fact name 'bad name' is not a dotted name; use "
         "letters, digits and '_' in parts joined by '.', e.g. beijing.core_2020"),
        (path, 3, 10, "facts.bad-value", "fact 'ok.twice': value '1조조 원' is not a quantity "
         "factcheck can read (scale word 조 repeats); write a quantity such as 1000억 원, 약 "
         "16조4,780억 원, 1.5万亿元, 超过1500亿元, CNY 150 billion, $2.5 billion, 37.9%, 100여개 "
         "or 5~10년"),
        (path, 4, 1, "facts.duplicate-name", "fact 'yaml.one' is already defined at "
         "c.yaml:5:3; keep one definition or rename one"),
        (path, 5, 19, "facts.unknown-source", "fact 'ok.nosource' cites source 'missing', "
         "which no loaded file defines; add it under 'sources:' or fix the id"),
        (path, 6, 1, "tables.row", "fact 'ok.novalue' has an empty value cell; write its "
         "value, or 'unknown' when no source gives it"),
        (path, 7, 15, "tables.row", "the row has 4 cells but the header 3; quote cells that "
         "contain commas"),
    ]


def test_a_row_without_source_needs_the_tables_source(tmp_path):
    claims = CLAIMS.replace("    source: nbs\n", "")
    catalog = load(tmp_path, "name,value\nx.y,1억 위안\n", claims)
    assert problems(catalog) == [(os.path.join("data", "facts.csv"), 2, 1, "tables.row",
                                  "fact 'x.y' names no source; fill its source cell or give "
                                  "the table a 'source:' in the claim file")]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("name,amount", "unknown column 'amount'; the columns are name, value, source, note "
         "and tag.KEY (tag.scope gives the tag scope)"),
        ("name,value,name", "column 'name' appears twice in the header"),
        ("label,value", "unknown column 'label'"),
    ],
)
def test_header_problems(tmp_path, header, message):
    catalog = load(tmp_path, header + "\nx.y,1억 위안\n")
    assert any(message in p.message and p.line == 1 for p in catalog.problems), problems(catalog)


@pytest.mark.parametrize(
    ("file", "fragment"),
    [
        ("/etc/passwd", "'/etc/passwd' is absolute"),
        (".secret/facts.csv", "goes through the hidden name '.secret'"),
        ("data/none.csv", "table 'data/none.csv': file not found"),
    ],
)
def test_table_paths_follow_the_claim_file_path_rules(tmp_path, file, fragment):
    catalog = load(tmp_path, "name,value\n", CLAIMS.replace("data/facts.csv", file))
    [problem] = catalog.problems
    assert (problem.file, problem.line, problem.col) == ("c.yaml", 7, 11)
    assert fragment in problem.message


def test_a_link_to_a_hidden_file_is_refused(tmp_path):
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.csv").write_text("name,value\nx.y,1억 위안\n")
    (tmp_path / "data").mkdir()
    os.symlink(tmp_path / ".hidden" / "x.csv", tmp_path / "data" / "link.csv")
    catalog = load(tmp_path, "name,value\n", CLAIMS.replace("facts.csv", "link.csv"))
    [problem] = catalog.problems
    assert problem.code == "io.outside" and "x.y" not in catalog.facts


def test_read_table_and_cell_starts():
    assert cell_starts('a,"b,c",d') == [1, 3, 9]
    rows, found = read_table("")
    assert rows == [] and found[0].code == "tables.header"
    rows, found = read_table("value\n1\n")
    assert rows == [] and "has no 'name' column" in found[-1].message
