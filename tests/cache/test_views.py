"""A report built of files' views renders the text report the findings render, and reads
back the very findings and rate blocks when asked for them."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cache.entry import file_view
from factcheck.cache.report import Part, ViewReport
from factcheck.errors import FactcheckError
from factcheck.formats import RenderOptions, render
from factcheck.report.record import Finding, Report

VERDICTS = ["holds", "contradicted", "undetermined", "error", "todo"]


@st.composite
def files(draw: st.DrawFn) -> list[tuple[str, list[Finding], list[dict[str, Any]]]]:
    """Files in report order (not in the order of their names or articles), each with its
    findings (unique claim ids, lines that tie across files) and rate blocks (several per
    article, pairs that tie across articles)."""
    names = draw(st.lists(st.sampled_from(["b.yaml", "a.yaml", "c/z.yaml", "c/a.yaml"]),
                          min_size=1, max_size=4, unique=True))
    articles = draw(st.permutations(["n2", "n10", "m", "x"]))
    out = []
    for n, name in enumerate(names):
        findings = []
        for k in range(draw(st.integers(0, 6))):
            verdict, expect = draw(st.sampled_from(VERDICTS)), draw(st.sampled_from(VERDICTS))
            findings.append(Finding(
                f"{articles[n]}-{k}", name, draw(st.integers(1, 4)), 5, "compare",
                draw(st.sampled_from(["300억 위안", "q: a 600억 위안 " * 8])), verdict, expect,
                draw(st.sampled_from(["why", "a long reason " * 12])),
                warnings=tuple(draw(st.lists(st.sampled_from(["w1", "w2"]), max_size=2))),
                article_id=articles[n], note=draw(st.sampled_from(["", "a note " * 40])),
                said=draw(st.sampled_from(["", "600억 위안"])), data_says="500억 위안"))
        pairs = draw(st.lists(st.sampled_from([("CNY", "KRW"), ("USD", "KRW"), ("EUR", "CNY")]),
                              max_size=3, unique=True))
        rates = [{"article": articles[n], "from": source, "to": target,
                  "reference": {"source": "ECB x", "date": "2017-11-23", "rate": 164.9},
                  "clusters": [{"rate": 165.19, "low": 165.185, "high": 165.195,
                                "claims": [f"{articles[n]}-0"], "deviation_pct": 0.15,
                                "nearest_reference": {"date": "2017-11-20", "rate": 165.2}}],
                  "spread_pct": 0.0} for source, target in pairs]
        out.append((name, findings, rates))
    return out


def reports(drawn: list[tuple[str, list[Finding], list[dict[str, Any]]]]) -> tuple[Report,
                                                                                   ViewReport]:
    """The report built of the findings (as finish_report orders it), and of the views."""
    findings = [f for _, found, _ in drawn for f in found]
    rates = [b for _, _, blocks in drawn for b in blocks]
    rates.sort(key=lambda b: (str(b.get("article", "")), b["from"], b["to"]))
    parts = [Part(name, file_view(found, blocks), (found, blocks))
             for name, found, blocks in drawn]
    return Report(findings=findings, rates=rates), ViewReport(parts, [])


@settings(max_examples=60, deadline=None)
@given(files(), st.booleans(), st.booleans())
def test_views_render_the_text_report_of_the_findings(
        drawn: list[tuple[str, list[Finding], list[dict[str, Any]]]], color: bool,
        quiet: bool) -> None:
    plain, views = reports(drawn)
    options = RenderOptions(color=color, quiet=quiet)
    assert views.file_views() is not None
    assert render(views, "text", options) == render(plain, "text", options)
    assert (views.summary(), views.exit_code, views.error_messages(), views.warned_holds()) \
        == (plain.summary(), plain.exit_code, plain.error_messages(), plain.warned_holds())
    # ... and what other formats need is read back from the parts, as the findings are.
    assert (views.findings, views.rates) == (plain.findings, plain.rates)
    assert render(views, "json") == render(plain, "json")


@settings(max_examples=10, deadline=None)
@given(files())
def test_a_width_the_views_do_not_hold_renders_the_findings(
        drawn: list[tuple[str, list[Finding], list[dict[str, Any]]]]) -> None:
    plain, views = reports(drawn)
    for options in (RenderOptions(width=72), RenderOptions(verbose=True)):
        assert render(views, "text", options) == render(plain, "text", options)


def test_results_that_cannot_be_read_back_are_an_error_not_a_report() -> None:
    finding = Finding("a-1", "a.yaml", 3, 5, "compare", "q", "holds", "holds", "why")
    view = file_view([finding], [])
    report = ViewReport([Part("a.yaml", view, None, lambda: None)], [])
    assert report.summary()["holds"] == 1  # the view alone serves the counts
    with pytest.raises(FactcheckError, match="a.yaml changed during the run") as caught:
        _ = report.findings
    assert caught.value.code == "cache.changed"
