"""The Markdown report as a pull-request comment: headline, what needs attention, the rest."""

from __future__ import annotations

from factcheck.formats import RenderOptions, render
from factcheck.report.record import Report
from factcheck.report.runner import run_check

BASE = "https://github.com/example/news/blob/0123abc"


def test_the_seed_comment_leads_with_what_is_wrong_and_stays_small() -> None:
    out = render(run_check(["claims"]), "markdown", RenderOptions(link_base=BASE))
    assert len(out.encode("utf-8")) < 20_000
    lines = out.splitlines()
    assert lines[0] == "## ✅ factcheck passes"
    attention = lines.index("### Needs attention")
    folded = next(i for i, line in enumerate(lines) if line.startswith("<details>"))
    items = [line for line in lines[attention:folded] if line.startswith("- ")]
    assert len(items) == 5 and all(line.startswith("- ❌ contradicted") for line in items)
    wuhan = next(line for line in items if "wuhan-8-jo-won-ai-industry" in line)
    assert f"({BASE}/claims/zdnet-2017-11-23-china-ai.yaml#L61)" in wuhan
    assert "the article says **8조 원**; the data says **약 1조6,494억 원**" in wuhan
    assert "Reviewer's note: The sentence is about" in lines[lines.index(wuhan) + 1]


def test_an_unexpected_verdict_fails_the_headline_and_leads(report: Report) -> None:
    out = render(report, "markdown", RenderOptions(link_base="javascript:alert(1)//"))
    assert out.startswith("## 🚨 factcheck fails\n\n4 verdicts differ")
    first = next(line for line in out.splitlines() if line.startswith("- "))
    assert first.startswith("- **AI plans")  # the article list, then the items
    items = [line for line in out.splitlines() if line.startswith("- 🚨")]
    assert len(items) == 4
    # A link base that is not an http(s) address makes no link at all.
    assert "](javascript" not in out
