"""The table of written forms (forms.tsv) read by parse_quantity, each hand-checked."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.quantity.grammar import parse_quantity
from factcheck.quantity.interval import Interval

TABLE = Path(__file__).with_name("forms.tsv")


def _bound(text: str) -> Fraction | None:
    return None if text in ("-inf", "+inf") else Fraction(text)


def _interval(text: str) -> Interval:
    lo, hi = (part.strip() for part in text[1:-1].split(","))
    return Interval(_bound(lo), _bound(hi), text[0] == "(", text[-1] == ")")


def _rows() -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            fields = line.split("\t")
            assert len(fields) == 6, f"forms.tsv:{number}: expected 6 TAB-separated columns"
            text, value, unit, qualifier, interval, resolution = fields
            rows.append((text, value, unit, qualifier, interval, resolution))
    return rows


ROWS = _rows()


def test_the_table_is_large_enough() -> None:
    assert len(ROWS) >= 150
    assert len({r[0] for r in ROWS}) == len(ROWS), "duplicate written forms in forms.tsv"


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "interval", "resolution"), ROWS,
                         ids=[r[0] for r in ROWS])
def test_written_form(
    text: str, value: str, unit: str, qualifier: str, interval: str, resolution: str
) -> None:
    q = parse_quantity(text)
    assert q.value == Fraction(value)
    assert q.unit_name == unit
    assert q.qualifier == qualifier
    assert q.interval == _interval(interval)
    assert q.resolution == Fraction(resolution)
    assert q.text == text.strip()
