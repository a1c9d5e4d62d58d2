"""The words table: its header documents every kind, and bad lines are refused with a location."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import QuantityError
from factcheck.quantity import words as words_module
from factcheck.quantity.words import KINDS, parse_words

WORDS = Path(words_module.__file__).with_name("words.tsv")


def test_header_documents_every_kind() -> None:
    header = [line for line in WORDS.read_text(encoding="utf-8").splitlines()
              if line.startswith("#")]
    for kind in KINDS:
        assert any(line.startswith(f"# {kind} ") for line in header), kind


def test_every_kind_has_words() -> None:
    w = words_module.words()
    for kind in KINDS:
        assert getattr(w, kind).exact, kind


@pytest.mark.parametrize("line", ["nonsense\t억\t1", "big", "unit\t\tKRW"])
def test_bad_line_is_refused_with_its_number(line: str) -> None:
    with pytest.raises(QuantityError, match=r"words\.tsv:2: cannot read the line"):
        parse_words(["# comment\n", line + "\n"])


def test_longest_word_wins_and_latin_words_need_a_boundary() -> None:
    w = parse_words(["unit\t%\tpercent\n", "unit\t%p\tpercentage_point\n", "unit\tmu\tmu\n"])
    assert w.unit.match("%p", 0) == ("%p", "percentage_point")
    assert w.unit.match("music", 0) is None
    assert w.unit.match("mu.", 0) == ("mu", "mu")
