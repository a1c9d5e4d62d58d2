"""Quote anchoring: whitespace-insensitive search, exact positions, closest passage on a miss."""

from __future__ import annotations

import pytest
import seedtext
from hypothesis import given
from hypothesis import strategies as st

from factcheck.report.anchoring import NOT_FOUND, ArticleText, anchor_findings
from factcheck.report.record import Finding

SEED = seedtext.SEED
TEXT = "첫 줄입니다.\n둘째 줄에 1000억 위안(약 16조4천780억 원)이\n있고 셋째 줄은 끝.\n"


def test_found_across_spacing_and_line_breaks() -> None:
    art = ArticleText(TEXT)
    a = art.find("1000억위안 (약 16조 4천780억 원)")
    assert a is not None
    assert TEXT[a.start : a.end] == "1000억 위안(약 16조4천780억 원)"
    assert (a.line, a.col) == (2, 7)
    assert (a.end_line, a.end_col) == (2, 7 + len("1000억 위안(약 16조4천780억 원)"))
    b = art.find("원)이 있고")  # the text breaks the line inside the quote
    assert b is not None and (b.line, b.end_line) == (2, 3)
    assert TEXT[b.start : b.end] == "원)이\n있고"


def test_counts_occurrences_and_returns_the_first() -> None:
    a = ArticleText("ab ab ab").find("a b")
    assert a is not None and a.start == 0 and a.occurrences == 3


@pytest.mark.parametrize("quote", ["", "   \n"])
def test_blank_quote_is_not_found(quote: str) -> None:
    assert ArticleText(TEXT).find(quote) is None


def _finding(quote: str, article_id: str = "a") -> Finding:
    return Finding("c1", "claims/a.yaml", 9, 5, "convert", quote, "holds", "holds", "ok",
                   article_id=article_id)


def test_missing_quote_is_a_located_problem_naming_the_closest_passage() -> None:
    articles = [{"id": "a", "text": TEXT, "text_file": "a.txt"}]
    findings, problems = anchor_findings([_finding("1000억 위안(약 16조4천870억 원)")], articles)
    assert findings[0].quote_span is None
    (p,) = problems
    assert (p.file, p.line, p.col, p.code) == ("claims/a.yaml", 9, 5, NOT_FOUND)
    assert "a.txt:2:7" in p.message and "1000억 위안(약 16조4천780억 원)" in p.message


def test_found_quote_gets_its_span_and_no_problem() -> None:
    articles = [{"id": "a", "text": TEXT, "text_file": "a.txt"}]
    findings, problems = anchor_findings([_finding("셋째 줄은")], articles)
    assert problems == [] and findings[0].quote_span == (3, 4, 3, 9)


def test_article_without_text_anchors_nothing() -> None:
    f = _finding("anything")
    assert anchor_findings([f], [{"id": "a", "title": "t"}]) == ([f], [])


@given(st.text(min_size=1, max_size=60), st.data())
def test_any_slice_is_found_whatever_its_spacing(text: str, data: st.DataObject) -> None:
    art = ArticleText(text)
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j]
    respaced = "".join(ch + data.draw(st.sampled_from(["", " ", "\n"])) for ch in quote)
    found = art.find(respaced)
    if not "".join(quote.split()):
        assert found is None
        return
    assert found is not None
    assert "".join(text[found.start : found.end].split()) == "".join(quote.split())
    # the first occurrence: it starts no later than the slice's first visible char
    first_visible = next(k for k in range(i, j) if not text[k].isspace())
    assert found.start <= first_visible


def test_seed_article_conversions_are_anchored() -> None:
    text = seedtext.seed_text()
    art = ArticleText(text)
    for quote in ["1000억 위안(약 16조4천780억 원)", "30억 위안(약 4천950억9천 만 원)",
                  "1만7000여 종의 데이터 목록"]:
        a = art.find(quote)
        assert a is not None, quote
        line = text.split("\n")[a.line - 1]
        assert line[a.col - 1 :].startswith(quote[:3])
