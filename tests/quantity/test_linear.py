"""Extraction does bounded work per character: readings started grow with the text, not faster.

Timing belongs in benchmarks/bench_extract.py; this counts how often the scanner is
asked for a quantity, which is deterministic.
"""

from __future__ import annotations

import pytest

from factcheck.quantity import extraction
from factcheck.quantity.scanner import Scanner

NEWS = (
    "상하이는 2020년까지 1000억 위안(약 16조4천780억 원)을 투자한다. "
    "营收-2.1亿元，增长百分之二十三点五，超过1500亿元。 "
    "The city spent $1.2bn, about twenty-six percent more than the 800-million yuan. "
)


def _readings(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    real = Scanner.quantity

    def counted(self: Scanner, pos: int):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(self, pos)

    monkeypatch.setattr(Scanner, "quantity", counted)
    extraction.extract_quantities(text)
    return calls


def test_a_long_run_of_thousands_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # 1,000,000,... beyond the digit limit: one failed reading, then the run is skipped
    assert _readings("1" + ",000" * 10_000 + " 2 위안", monkeypatch) <= 3


@pytest.mark.parametrize("piece", [NEWS, "1,000,000 " * 3, "3 4 5 6 ", "一二三四五六七八九十"])
def test_readings_grow_linearly(piece: str, monkeypatch: pytest.MonkeyPatch) -> None:
    small = _readings(piece * 50, monkeypatch)
    large = _readings(piece * 400, monkeypatch)
    assert large <= 8 * small + 8
