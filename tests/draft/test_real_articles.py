"""Drafting real articles the drafter was not written against: every conversion pair found,
no false pair, and the rate clusters of hand-encoded claims.

Each case keeps only the sentences with the figures (short quotes, with the page they
come from); the hand-encoded claims are what a person writes from those sentences.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from factcheck.claims.load import load_text
from factcheck.draft.article import draft_claims
from factcheck.report.runner import CheckOptions, check_catalog


@dataclass(frozen=True)
class Case:
    source: str
    published: str
    language: str
    text: str
    pairs: list[tuple[str, str]]  # (amount, stated), as a person encodes them


CASES = {
    # A Korean daily's report of Korean firms' US investment plans, as reposted.
    "ko-us-investment-2017": Case(
        "https://82cook.com/entiz/read.php?bn=15&num=2375844&page=37003",
        "2017-06-30", "ko",
        "삼성전자·현대자동차·SK·LG 등 국내 주요 기업들이 앞으로 5년간 "
        "총 352억달러(약 40조3000억원)를 미국에 풀기로 했다. "
        "128억달러(14조6500억원)를 투자하고 LNG(액화천연가스)와 항공기 등을 "
        "224억달러(25조6400억원) 어치 구매할 계획이다.\n",
        [("352억달러", "약 40조3000억원"), ("128억달러", "14조6500억원"),
         ("224억달러", "25조6400억원")],
    ),
    # Yonhap via Newspic: pledged investment in the US after January 2025.
    "ko-us-pledges-2025": Case(
        "https://m.newspic.kr/summary.html?cp=w3Hru72p&nid=2025022609530911509&pn=214",
        "2025-02-26", "ko",
        "도널드 트럼프 미국 대통령이 백악관에 복귀한 이후 글로벌 대기업들이 미국에 투자하기로 "
        "약속한 금액이 1조 달러(약 1천430조원)를 넘는다는 분석이 나왔다.\n"
        "블룸버그통신은 5천억 달러(약 715조원) 투자를 약속한 애플을 비롯해\n",
        [("1조 달러", "약 1천430조원"), ("5천억 달러", "약 715조원")],
    ),
    # Reuters via Devdiscourse: Shenghong's battery plant; the rate note is no conversion.
    "en-shenghong-2023": Case(
        "https://www.devdiscourse.com/article/technology/2337044-chinas-shenghong-holdings-to-"
        "invest-45-bln-in-energy-battery-factory-research-unit",
        "2023-01-31", "en",
        "China's Shenghong Holdings Group signed a contract on Tuesday to invest 30.6 billion yuan "
        "($4.5 billion) in an energy storage battery gigafactory and a new energy battery "
        "research facility in the eastern city of Zhangjiagang.\nadding that the completed "
        "project was expected to generate 56 billion yuan in annual revenue. ($1=6.7536 Chinese "
        "yuan renminbi)\n",
        [("30.6 billion yuan", "$4.5 billion")],
    ),
    # China Daily via Gui'an New Area: Guizhou's green-industry signing.
    "en-guizhou-2018": Case(
        "http://en.gaxq.gov.cn/2018-10/16/c_280039.htm", "2018-10-16", "en",
        "During the ceremony, Guizhou signed 34 projects with a total cost of 13.03 billion yuan "
        "($1.97 billion), nearly half of which is provided by a 5.6-billion-yuan project from "
        "Guian.\n",
        [("13.03 billion yuan", "$1.97 billion")],
    ),
    # APD News (traditional Chinese): Starbucks' Kunshan park.
    "zh-starbucks-2022": Case(
        "https://cht.apdnews.com/tag/a670433/1", "2022-11-17", "zh",
        "在當天的開工儀式上,星巴克宣佈將繼續追加項目總投資至1.56億美元(約合11億元人民幣)。\n",
        [("1.56億美元", "約合11億元人民幣")],
    ),
}


def _drafted_pairs(case: Case) -> list[tuple[str, str]]:
    claims = draft_claims(case.text, dt.date.fromisoformat(case.published), case.language)
    return [(str(dict(c.fields)["amount"]), str(dict(c.fields)["stated"]))
            for c in claims if c.kind == "convert"]


def _clusters(case: Case, pairs: list[tuple[str, str]]) -> list[tuple[object, ...]]:
    """The rate clusters of convert claims for ``pairs``, each named by its pair."""
    lines = [f"article: {{id: a, title: T, published: {case.published}}}", "claims:"]
    for n, (amount, stated) in enumerate(pairs):
        lines.append(f'  - {{id: c{n}, quote: q, kind: convert, amount: "{amount}", '
                     f'stated: "{stated}"}}')
    report = check_catalog(load_text("\n".join(lines) + "\n", "hand.yaml"), CheckOptions())
    assert not report.problems
    return sorted((b["from"], b["to"], cl["rate"],
                   sorted(pairs[int(c[1:])] for c in cl["claims"]))
                  for b in report.rates for cl in b["clusters"])


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_conversion_pair_and_no_false_one(name):
    case = CASES[name]
    assert _drafted_pairs(case) == case.pairs


@pytest.mark.parametrize("name", sorted(CASES))
def test_rate_clusters_equal_those_of_hand_encoded_claims(name):
    case = CASES[name]
    drafted = _clusters(case, _drafted_pairs(case))
    assert drafted and drafted == _clusters(case, case.pairs)


def test_every_quote_is_verbatim_and_every_quantity_is_drafted():
    for case in CASES.values():
        claims = draft_claims(case.text, dt.date.fromisoformat(case.published), case.language)
        assert all(c.quote and c.quote in case.text for c in claims)
        from factcheck.quantity.grammar import extract_quantities

        for q in extract_quantities(case.text):
            assert any(c.start <= q.start and q.end <= c.end for c in claims), (case.source, q)
