"""The HTML report as an editor reads it: verdicts in words and symbols, reasons in view."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import seedtext

from factcheck.formats import render
from factcheck.formats.ratechart import LABEL_GAP, spread_labels

from .snapshot_outputs import seed_report


class _Page(HTMLParser):
    """The tags, the html element's attributes and the <details> that start open."""

    def __init__(self) -> None:
        super().__init__()
        self.root: dict[str, str | None] = {}
        self.open_details: list[str] = []
        self.focusable = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "html":
            self.root = a
        if tag == "details" and "open" in a:
            self.open_details.append(str(a.get("id")))
        # A radio group is one tab stop: the checked button.
        if ((tag == "a" and a.get("tabindex") != "-1") or tag == "summary"
                or (tag == "input" and "checked" in a)):
            self.focusable += 1


@pytest.fixture(scope="module")
def seed_html() -> tuple[str, object]:
    report = seed_report(seedtext.seed_path())  # skips, or fails in CI, without the text
    assert any(isinstance(a.get("text"), str) for a in report.articles)
    return render(report, "html"), report


def test_language_skip_link_captions_and_one_headline(seed_html) -> None:  # type: ignore[no-untyped-def]
    html, _ = seed_html
    page = _Page()
    page.feed(html)
    assert page.root.get("lang") == "ko"
    assert '<a class="skip" href="#claims">' in html
    assert html.count("<h1>") == 1 and "<h2>베이징" not in html
    assert "<caption>" in html and 'scope="col"' in html


def test_every_wrong_claim_is_open_and_its_reason_is_beside_the_sentence(seed_html) -> None:  # type: ignore[no-untyped-def]
    html, report = seed_html
    page = _Page()
    page.feed(html)
    wrong = [i for i, f in enumerate(report.findings, 1) if f.verdict == "contradicted"]
    assert sorted(page.open_details) == sorted(f"claim-{i}" for i in wrong)
    article = html[html.index('<div class="article">'):html.index('<fieldset')]
    reasons = re.findall(r'<span class="reason contradicted">✗ CONTRADICTED: (.*?)</span>',
                         article)
    assert len(reasons) == len(wrong)
    assert any("the article says 8조 원; the data says 약 1조6,494억 원" in r for r in reasons)


def test_one_tab_stop_per_claim(seed_html) -> None:  # type: ignore[no-untyped-def]
    html, report = seed_html
    page = _Page()
    page.feed(html)
    # The skip link, the filter, one summary per claim, the coverage table's, and the
    # one that unfolds each rate block's series as a table.
    with_series = sum(1 for block in report.rates if block.get("series"))
    assert with_series > 0
    assert page.focusable == 1 + 1 + len(report.findings) + 1 + with_series


class _Tables(HTMLParser):
    """Each table's caption and header cells, and where a header cell lacks a scope."""

    def __init__(self) -> None:
        super().__init__()
        self.tables = 0
        self.captions = 0
        self.headers = 0
        self.unscoped: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tables += tag == "table"
        self.captions += tag == "caption"
        if tag == "th":
            self.headers += 1
            if a.get("scope") not in ("col", "row"):
                self.unscoped.append(str(self.getpos()))


def test_every_table_has_a_caption_and_scoped_headers(seed_html, report) -> None:  # type: ignore[no-untyped-def]
    for html in (seed_html[0], render(report, "html")):
        tables = _Tables()
        tables.feed(html)
        assert tables.tables >= 2 and tables.captions == tables.tables
        assert tables.headers and not tables.unscoped, tables.unscoped


def test_the_filter_and_print_need_no_script(seed_html) -> None:  # type: ignore[no-untyped-def]
    html, _ = seed_html
    assert "<script" not in html
    assert '#f-contradicted:checked~#claims details:not(.contradicted)' in html
    assert "@media print" in html and 'content:" [" attr(data-verdict) "]"' in html
    assert "prefers-color-scheme:dark" in html


@pytest.mark.parametrize("wanted", [
    [], [(100.0, 1)], [(100.0, 1), (100.2, 2), (100.4, 3)], [(230.0, 1), (231.0, 2)],
    [(50.0, 3), (10.0, 1), (50.0, 2), (52.0, 4), (200.0, 5), (201.0, 6)],
])
def test_chart_labels_never_overlap(wanted: list[tuple[float, int]]) -> None:
    placed = spread_labels(wanted, 40, 200)
    ys = [at for at, _ in placed]
    assert sorted(key for _, key in placed) == sorted(key for _, key in wanted)
    assert all(b - a >= LABEL_GAP - 1e-9 for a, b in zip(ys, ys[1:], strict=False))
    assert all(at <= 200 for at in ys)
