"""A fixed, hand-made Report (including hostile strings) that every format snapshot renders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.report.anchoring import anchor_findings
from factcheck.report.coverage import compute_coverage
from factcheck.report.record import Finding, Problem, Report

SNAPSHOTS = Path(__file__).parent / "snapshots"
HOSTILE = "</script><script>alert(1)</script> | `tick` \u202eevil\u202c \x00\x07\x1b[31m"

ARTICLE_TEXT = (
    "상하이는 2020년까지 핵심 산업을 1000억 위안(약 16조4천780억 원) 이상으로 키운다.\n"
    "우한은 핵심 산업을 100억 위안(약 1조6천519억 원)으로\n키운다고 밝혔다.\n"
    "바이두, 알리바바, 텐센트 3곳이 참여한다. 연구 인력은 매년 100명씩 늘린다.\n"
    "시범구 6개를 만든다.\n"
)


def digits_extractor(text: str) -> list[tuple[int, int]]:
    """A stand-in for the quantity grammar: runs of digits with Korean number words."""
    pattern = r"\d[\d,.]*(?:[조억천만]\d*)*(?:\s?(?:위안|원|곳|명|년|개))?"
    return [m.span() for m in re.finditer(pattern, text)]


def _finding(cid: str, line: int, kind: str, quote: str, verdict: str, expect: str,
             message: str, **kw: object) -> Finding:
    return Finding(cid, "claims/sample.yaml", line, 5, kind, quote, verdict, expect, message,
                   article_id="sample-article", **kw)  # type: ignore[arg-type]


def make_report() -> Report:
    findings = [
        _finding("shanghai-core-krw", 12, "convert", "1000억 위안(약 16조4천780억 원)", "holds",
                 "holds", "implied rate 164.78 KRW/CNY is within 1% of the reference 165.12",
                 details={"stated": "약 16조4천780억 원", "computed": "16조5120억 원",
                          "deviation_pct": "-0.21", "sources": ["ecb"]}),
        _finding("wuhan-core-krw", 20, "convert", "100억 위안(약 1조6천519억 원)으로 키운다고",
                 "contradicted", "holds",
                 "implied rate 165.19 KRW/CNY differs from the reference 171.00 by 3.4%",
                 warnings=("the rate of 2017-11-18 (a Saturday) is that of 2017-11-17",),
                 details={"stated": "약 1조6천519억 원", "computed": "1조7100억 원",
                          "difference": "-581억 원", "deviation_pct": "-3.40"},
                 note="Wuhan's figure is converted at a rate far from the ECB's; "
                      "the reviewer asked the desk which rate it used. " + HOSTILE,
                 said="약 1조6천519억 원",
                 data_says="약 1조7,100억 원 at 171 KRW/CNY (ECB, 2017-11-23)",
                 difference="the written figures imply 165.19 KRW/CNY", difference_pct="-3.40%",
                 sources=(("ECB", "ECB reference rates", "https://example.org/ecb"),
                          ("h", HOSTILE, "javascript:alert(1)"))),
        _finding("three-platforms", 28, "count", "바이두, 알리바바, 텐센트 3곳", "contradicted",
                 "contradicted", "3 distinct items, stated 3... (recorded as known)",
                 details={"stated": "3", "computed": "3"}, said="3곳",
                 data_says="3 distinct: 바이두, 알리바바, 텐센트"),
        _finding("staff-growth", 35, "compare", "매년 100명씩", "undetermined", "holds",
                 "100 people a year for 3 years may or may not exceed 250",
                 details={"expr": "wuhan.staff * 3 > 250"}),
        _finding("broken-fact", 41, "compare", "상하이는 2020년까지", "error", "holds",
                 "unknown fact name 'shanghai.core_2021'; did you mean 'shanghai.core_2020'?"),
        Finding("hostile" + HOSTILE, "claims/hostile|`x`.yaml", 3, 1, "compare", HOSTILE,
                "contradicted", "holds", "message with " + HOSTILE + "\nsecond line",
                warnings=(HOSTILE,), details={"note": HOSTILE}, article_id="hostile-article"),
        _finding("missing-quote", 50, "compare", "이 문장은 기사에 없다", "holds", "holds",
                 "holds"),
    ]
    articles = [
        {"id": "sample-article", "title": "AI plans of Chinese cities", "url":
         "https://example.org/news/1", "publisher": "Example News", "published": "2017-11-23",
         "file": "claims/sample.yaml", "text": ARTICLE_TEXT, "text_file": "articles/sample.txt"},
        {"id": "hostile-article", "title": HOSTILE, "url": "javascript:alert(1)",
         "publisher": HOSTILE, "published": "2017-11-23", "file": "claims/hostile|`x`.yaml"},
    ]
    findings, problems = anchor_findings(findings, articles)
    problems = [Problem("claims/bad.yaml", 4, 7, "claims.invalid",
                        "unknown key 'expct'; did you mean 'expect'? " + HOSTILE)] + problems
    rates = [{
        "from": "CNY", "to": "KRW",
        "reference": {"source": "ECB", "date": "2017-11-23", "rate": "165.12"},
        "clusters": [
            {"rate": "164.78", "low": "164.7795", "high": "164.7805",
             "claims": ["shanghai-core-krw"], "deviation_pct": "-0.21",
             "nearest_reference": {"date": "2017-11-22", "rate": "164.80"}},
            {"rate": "165.19", "low": "165.185", "high": "165.195",
             "claims": ["wuhan-core-krw", HOSTILE], "deviation_pct": "0.04",
             "nearest_reference": {"date": "2017-11-20", "rate": "165.20"}},
        ],
        "spread_pct": "0.25",
        "series": [["2017-11-20", "165.20"], ["2017-11-21", "164.95"],
                   ["2017-11-22", "164.80"], ["2017-11-23", "165.12"]],
    }]
    coverage = compute_coverage(articles, findings, extract=digits_extractor)
    return Report(findings=findings, problems=problems, rates=rates, coverage=coverage,
                  articles=articles)


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture
def report_factory():  # type: ignore[no-untyped-def]
    """Builds a fresh Report on each call (nothing shared between renders)."""
    return make_report


def check_snapshot(name: str, text: str) -> None:
    """Compare with the stored snapshot. Only ``python tests/update_snapshots.py`` writes
    snapshots: a test that rewrote what it then compares could not fail."""
    path = SNAPSHOTS / name
    update = "run `python tests/update_snapshots.py` and review the diff"
    assert path.exists(), f"no snapshot {path}; {update}"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{name} differs from its snapshot; if the change is intended, {update}"
    )


@pytest.fixture
def snapshot():  # type: ignore[no-untyped-def]
    return check_snapshot
