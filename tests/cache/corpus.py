"""A small claims folder that uses every kind of dependency a cached result has."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "claims/facts.yaml": """\
sources:
  plan: {title: A regional plan, published: 2017-07-20}
  later: {title: A plan published later, published: 2018-01-05}
facts:
  city.core_2020: {value: 500亿元, source: plan}
  city.firms: {value: 300家, source: plan}
  city.core_2021: {value: 550亿元, source: later}
tables:
  - file: data/towns.csv
    source: plan
""",
    "claims/data/towns.csv": "name,value\ntown.core_2020,120亿元\n",
    "claims/a1.yaml": """\
article:
  id: a1
  title: City plans
  published: 2017-11-23
  language: ko
  text: a1.txt
claims:
  - id: a1-city
    quote: "핵심 산업을 500억 위안으로"
    kind: compare
    expr: "city.core_2020 >= 400억 위안"
  - id: a1-town
    quote: "읍은 120억 위안"
    kind: compare
    expr: "town.core_2020 > 100억 위안"
  - id: a1-firms
    quote: "바이두, 알리바바, 텐센트 3곳"
    kind: count
    items: [바이두, 알리바바, 텐센트]
    stated: 3곳
  - id: a1-date
    quote: "지난 14일"
    kind: date
    stated: 지난 14일
    expected: 2017-11-14
  - id: a1-won
    quote: "100억 위안(약 1조6519억 원)"
    kind: convert
    amount: 100억 위안
    stated: 약 1조6519억 원
""",
    "claims/a1.txt": ("시는 핵심 산업을 500억 위안으로 키운다. 읍은 120억 위안을 목표로 한다.\n"
                      "바이두, 알리바바, 텐센트 3곳이 참여한다고 지난 14일 밝혔다.\n"
                      "100억 위안(약 1조6519억 원) 규모다.\n"),
    "claims/a2.yaml": """\
article:
  id: a2
  title: Town plans
  published: 2017-11-23
  rates: rates.csv
claims:
  - id: a2-won
    quote: "100억 위안(약 1조6484억 원)"
    kind: convert
    amount: 100억 위안
    stated: 약 1조6484억 원
  - id: a2-won-again
    quote: "10억 위안(약 1648억 원)"
    kind: convert
    amount: 10억 위안
    stated: 약 1648억 원
""",
    "claims/rates.csv": "Date,From,To,Rate\n2017-11-22,CNY,KRW,164.84\n",
    "claims/a3.yaml": """\
article:
  id: a3
  title: Plans compared
  published: 2017-11-23
claims:
  - id: a3-exceeds
    quote: "600억 위안을 넘는다"
    kind: compare
    expr: "city.core_2020 > 600억 위안"
    expect: contradicted
  - id: a3-sum
    quote: "합쳐 620억 위안"
    kind: compare
    expr: "city.core_2020 + town.core_2020 == 620억 위안"
  - id: a3-unknown
    quote: "모른다"
    kind: compare
    expr: "nowhere.core_2020 > 1억 위안"
  - id: a3-later
    quote: "이듬해 550억 위안"
    kind: compare
    expr: "city.core_2021 == 550억 위안"
""",
}


def write(root: Path) -> Path:
    """The corpus under ``root``; returns its claims folder."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "claims"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
