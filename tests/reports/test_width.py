"""Terminal columns of text: the memo of widths per character gives the widths unicodedata gives."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from factcheck.formats.text import _fill, _fits, fit, width_of, wrap


def columns(ch: str) -> int:
    if unicodedata.east_asian_width(ch) in "WF":
        return 2
    return 0 if unicodedata.combining(ch) else 1


# Korean, CJK, combining marks, full-width forms and ASCII, and anything else.
_CHARS = st.one_of(
    st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF60),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(),
)


@given(st.text(_CHARS, max_size=40), st.text(_CHARS, max_size=40))
def test_width_is_the_sum_of_each_characters_columns(a: str, b: str) -> None:
    assert width_of(a) == sum(map(columns, a))
    assert width_of(a + b) == width_of(a) + width_of(b)


def test_widths_known_by_hand() -> None:
    assert width_of("") == 0
    assert width_of("abc") == 3
    assert width_of("8조 원") == 6
    assert width_of("e\u0301") == 1  # a combining accent takes no column
    assert width_of("１") == 2  # full-width digit


def _bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


@given(st.text(_CHARS, max_size=60), st.sampled_from([len, width_of, _bytes]),
       st.integers(min_value=-3, max_value=3))
def test_a_line_fits_when_its_columns_do(text: str, near: Any, delta: int) -> None:
    width = max(near(text) + delta, 0)  # at the edges: its characters, columns, bytes
    assert _fits(text, width) == (width_of(text) <= width)
    shown = fit(text, width)
    assert shown == text if width_of(text) <= width else shown.endswith("…")


_SPACED = st.text(st.one_of(_CHARS, st.sampled_from(" \t\n")), max_size=80)


@given(_SPACED, st.integers(min_value=1, max_value=100), st.sampled_from(["", "  ", "    why: "]),
       st.booleans())
def test_wrap_of_a_short_text_is_what_filling_it_gives(text: str, width: int, first: str,
                                                       whole: bool) -> None:
    # wrap settles a text that fits one line without filling it word by word: the same lines
    words = " ".join(text.split())
    assert wrap(text, width, first, "  ", whole=whole) == _fill(words, width, first, "  ", whole)
