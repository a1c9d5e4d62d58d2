"""The article's own arithmetic in each recognised form, and its verdict as drafted."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.load import load_text
from factcheck.draft.article import draft_claims
from factcheck.report.runner import CheckOptions, check_catalog

DAY = dt.date(2020, 1, 2)

FORMS = [
    # sums
    ("A와 B의 매출 300억 원과 200억 원을 합산하면 500억 원이다.",
     "300억 원 + 200억 원 == 500억 원", "holds"),
    ("Revenue totalled 8 billion yuan, of which 3 billion yuan and 4 billion yuan came from "
     "exports.", "3 billion yuan + 4 billion yuan == 8 billion yuan", "contradicted"),
    ("两地投资30亿元和20亿元，合计50亿元。", "30亿元 + 20亿元 == 50亿元", "holds"),
    # halves and fractions
    ("The city spent $2 billion, half of the $4 billion budget.",
     "$2 billion / $4 billion == 50%", "holds"),
    ("중관춘에서만 5000억 위안을 넘어서겠다는 목표로 1조 위안의 절반을 차지한다.",
     "5000억 위안을 넘어 / 1조 위안 >= 50%", "holds"),
    ("去年营收1000亿元，其中三分之一即333亿元来自海外。", "333亿元 / 1000亿元 ≈ 1/3", "holds"),
    # shares
    ("수출은 500억 달러로 전체 1000억 달러의 40%를 차지했다.",
     "500억 달러 / 1000억 달러 == 40%", "contradicted"),
    ("Exports were $50 billion, or 50% of the $100 billion total.",
     "$50 billion / $100 billion == 50%", "holds"),
    ("出口500亿美元，占总额1000亿美元的50%。", "500亿美元 / 1000亿美元 == 50%", "holds"),
    # multiples
    ("투자액은 30억 달러로 지난해 10억 달러의 3배다.", "30억 달러 / 10억 달러 == 3", "holds"),
    ("The plant cost $3 billion, three times the $1 billion of the old one.",
     "$3 billion / $1 billion == 3", "holds"),
    ("今年投资60亿元，是去年20亿元的3倍。", "60亿元 / 20亿元 == 3", "holds"),
    # changes
    ("매출은 100억 원에서 120억 원으로 20% 증가했다.",
     "(120억 원 - 100억 원) / 100억 원 == 20%", "holds"),
    ("매출은 100억 원에서 90억 원으로 20% 감소했다.",
     "(100억 원 - 90억 원) / 100억 원 == 20%", "contradicted"),
    ("营收从100亿元增至120亿元，增长20%。", "(120亿元 - 100亿元) / 100亿元 == 20%", "holds"),
]


def _checked(text: str) -> list[tuple[str, str]]:
    """(expr, verdict) of the complete compare claims drafted from ``text``."""
    from factcheck.draft.yamlout import Header, render

    claims = draft_claims(text, DAY)
    for n, c in enumerate(claims):
        c.claim_id = f"c{n}"
    yaml = render(Header("a", "T", DAY, None, None, "t"), claims)
    report = check_catalog(load_text(yaml, "a.yaml"), CheckOptions())
    assert not report.problems
    return [(f.details["expr"], f.verdict) for f in report.findings
            if f.kind == "compare" and f.verdict != "todo"]


@pytest.mark.parametrize(("text", "expr", "verdict"), FORMS)
def test_each_form_is_drafted_and_checked(text, expr, verdict):
    assert _checked(text) == [(expr, verdict)]


def test_no_arithmetic_where_the_text_states_none():
    assert _checked("상하이는 1000억 위안, 베이징은 500억 위안을 목표로 한다.") == []
    assert _checked("Sales were 3 billion yuan in 2019 and 4 billion yuan in 2020.") == []


@settings(max_examples=40, deadline=None)
@given(a=st.integers(0, 10**6), b=st.integers(0, 10**6), off=st.sampled_from([0, 0, 1, -1, 7]))
def test_a_drafted_sum_holds_exactly_when_the_parts_add_up(a, b, off):
    total = a + b + off
    if total < 0:
        return
    text = f"두 도시의 예산 {a}억 원과 {b}억 원을 합산하면 {total}억 원이다."
    [(expr, verdict)] = _checked(text)
    assert expr == f"{a}억 원 + {b}억 원 == {total}억 원"
    assert verdict == ("holds" if off == 0 else "contradicted")
