"""The scanner on arbitrary text: parse raises only our errors; extract gives clean spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.quantity.grammar import extract_quantities, match_quantity, parse_quantity

# Text made mostly of the characters the grammar cares about, plus anything at all.
ALPHABET = list("0123456789.,~-%$€ 억조만천백십수여약이상초과미만원위안개")
ALPHABET += list("亿万千百十元多约以上超过数")
ALPHABET += ["billion ", "about ", " yuan", "KRW", "/", "\n", "e"]
grammarish = st.lists(st.sampled_from(ALPHABET), max_size=12).map("".join)
anything = st.one_of(st.text(max_size=40), grammarish)

SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(anything)
def test_parse_either_reads_or_raises_our_error(text: str) -> None:
    try:
        q = parse_quantity(text)
    except FactcheckError:
        return
    assert q.text == text.strip()


@SETTINGS
@given(anything, st.integers(min_value=0, max_value=45))
def test_match_either_reads_or_raises_our_error(text: str, pos: int) -> None:
    try:
        found = match_quantity(text, pos)
    except FactcheckError:
        return
    if found is not None:
        assert pos < found[1] <= len(text)


@SETTINGS
@given(st.lists(anything, max_size=4).map(" ".join))
def test_extract_spans_are_ordered_in_bounds_and_disjoint(text: str) -> None:
    found = extract_quantities(text)
    end = 0
    for e in found:
        assert end <= e.start < e.end <= len(text)
        assert text[e.start : e.end] == e.text
        end = e.end


def test_extract_skips_malformed_numbers_and_keeps_going() -> None:
    texts = [e.text for e in extract_quantities("1조조 원, 그리고 500억 위안")]
    assert texts[-1] == "500억 위안"


def test_extract_ignores_hangul_words_that_look_like_numerals() -> None:
    text = "이는 사원과 구원의 조성 계획이며, 조만간 만든다. 계약 5건."
    assert [e.text for e in extract_quantities(text)] == ["5건"]


def test_extract_english_and_chinese() -> None:
    text = "Shanghai targets more than CNY 100 billion; 超过1500亿元, 数百亿元 and 3000亩."
    assert [e.text for e in extract_quantities(text)] == [
        "more than CNY 100 billion", "超过1500亿元", "数百亿元", "3000亩",
    ]
