"""``factcheck new`` drafts its quote as ``factcheck draft`` does: each former mistake pinned."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck.claims.yamlsafe import parse_yaml
from factcheck.cli import main
from factcheck.commands.new import draft, drafts

DAY = dt.date(2017, 11, 23)


def _fields(quote: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(passage, d.kind, dict(d.fields)) for passage, d in drafts(quote, published=DAY)]


def test_the_qualifier_of_the_amount_is_kept():
    assert _fields("약 500억 달러(약 57조 원)를") == [
        ("약 500억 달러(약 57조 원)", "convert",
         {"amount": "약 500억 달러", "stated": "약 57조 원"})]


def test_every_conversion_of_the_quote_is_drafted_with_its_own_passage():
    quote = ("100억 위안(약 1조6천519억 원)으로 끌어올리고 연관 산업 규모는 "
             "500억 위안(약 8조2천595억 원) 이상으로")
    assert _fields(quote) == [
        ("100억 위안(약 1조6천519억 원)", "convert",
         {"amount": "100억 위안", "stated": "약 1조6천519억 원"}),
        ("500억 위안(약 8조2천595억 원)", "convert",
         {"amount": "500억 위안", "stated": "약 8조2천595억 원"}),
    ]


def test_english_and_chinese_conversions_are_conversions():
    assert _fields("565.8 billion yuan (US$84.3 billion)") == [
        ("565.8 billion yuan (US$84.3 billion)", "convert",
         {"amount": "565.8 billion yuan", "stated": "US$84.3 billion"})]
    assert _fields("投资15亿美元（约合人民币103亿元）") == [
        ("15亿美元（约合人民币103亿元）", "convert",
         {"amount": "15亿美元", "stated": "约合人民币103亿元"})]


def test_dates_are_read_whole():
    assert _fields("지난해 9월 발표한") == [
        ("지난해 9월", "date", {"stated": "지난해 9월", "status": "todo"})]
    assert _fields("The company said on Thursday") == [
        ("on Thursday", "date", {"stated": "on Thursday", "status": "todo"})]


def test_a_day_of_the_month_is_a_date_never_a_comparison():
    assert _fields("신화통신이 1일 보도했다") == [
        ("1일", "date", {"stated": "1일", "status": "todo"})]
    kinds = [d.kind for _, d in drafts("3일간 열린 회의에서 넘어섰다", published=DAY)]
    assert kinds == ["compare"]
    assert dict(draft("3일간 열린 회의에서 넘어섰다", published=DAY).fields)["expr"] == (
        "TODO_fact > TODO_quantity")


def test_counts_in_english():
    assert _fields("the three cities: Beijing, Shanghai and Wuhan") == [
        ("three cities: Beijing, Shanghai and Wuhan", "count",
         {"items": ["Beijing", "Shanghai", "Wuhan"], "stated": "3"})]


def test_new_adds_every_conversion_of_a_quote(tmp_path: Path):
    path = tmp_path / "a.yaml"
    path.write_text("article: {id: a, title: T, published: 2017-11-23}\nclaims:\n",
                    encoding="utf-8")
    quote = "1000만 위안(약 16억5천40만 원) 이상, 1억 위안(약 165억1천200만 원)을"
    assert main(["new", str(path), "--quote", quote, "--id", "wuhan"]) == 0
    claims = parse_yaml(path.read_text(encoding="utf-8"), str(path)).data["claims"]
    assert [(c["id"], c["quote"], c["amount"]) for c in claims] == [
        ("wuhan", "1000만 위안(약 16억5천40만 원)", "1000만 위안"),
        ("wuhan-2", "1억 위안(약 165억1천200만 원)", "1억 위안"),
    ]
    assert main(["check", str(path)]) == 0
