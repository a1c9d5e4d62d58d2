"""The ECB table's rows by year, kept once per installation: a run reads only the years it asks.

Inflating the 1.9 MB of the ECB zip and splitting its 7,000 rows took about 15 ms of
every start, for the few days an article asks about. The rows, exactly as
``split_ecb_csv`` gives them, are kept grouped by the first four characters of their
day (the year) in the installation's built data (:mod:`factcheck.cache.built`),
stamped with the zip's and this code's file versions; a run reads the header and,
when a day is first asked for, that day's year. A year that fails its check sends
the run back to the zip, so every answer comes from the same rows either way, and
keeps the rows again for the next runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from factcheck.cache.built import Built, file_stamp, load, store

_NAME = "ecb-rates"
_FORMAT = "ecb-years-1"
_LIMIT = 64 * 1024 * 1024
Rows = dict[str, list[str] | str]


def _stamp(zip_path: str) -> str:
    from factcheck.cache.keys import digest

    here = os.path.abspath(__file__)
    reference = os.path.join(os.path.dirname(here), "reference.py")
    return digest(_FORMAT, file_stamp(zip_path), file_stamp(here), file_stamp(reference))


def _year(day: str) -> str:
    return day[:4]


class YearRows:
    """The table's rows (day -> row), a year read from the built data when first needed;
    ``reread`` gives every row from the zip, when a year's bytes fail their check."""

    def __init__(self, built: Built, reread: Callable[[], Rows]) -> None:
        self._built = built
        self._stored = frozenset(built.names())
        self._order = built.names()
        self._years: dict[str, Rows] = {}
        self._reread = reread

    def _rows(self, year: str) -> Rows:
        rows = self._years.get(year)
        if rows is not None:
            return rows
        if year not in self._stored:
            rows = self._years[year] = {}
            return rows
        data = self._built.part(year)
        if data is None:
            self._from_zip()
            return self._years.setdefault(year, {})
        rows = self._years[year] = {}
        for line in data.decode("utf-8").split("\n"):
            day = line.partition(",")[0].strip()
            if day:
                rows[day] = line
        return rows

    def _from_zip(self) -> None:
        self._years = _by_year(self._reread())
        self._stored = frozenset(self._years)
        self._order = list(self._years)

    def get(self, day: str) -> list[str] | str | None:
        return self._rows(_year(day)).get(day)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, str) and day in self._rows(_year(day))

    def __setitem__(self, day: str, row: list[str] | str) -> None:
        self._rows(_year(day))[day] = row

    def __iter__(self) -> Iterator[str]:
        for year in list(self._order):
            yield from list(self._rows(year))


def _by_year(rows: Rows) -> dict[str, Rows]:
    years: dict[str, Rows] = {}
    for day, row in rows.items():
        years.setdefault(_year(day), {})[day] = row
    return years


def cached(zip_path: str) -> tuple[list[str], YearRows] | None:
    """The header and rows of the zip at ``zip_path`` as built before, or None."""
    built = load(_NAME, _stamp(zip_path), _LIMIT)
    if built is None:
        return None
    header = built.meta
    if not (isinstance(header, list) and header and header[0] == ""
            and all(isinstance(code, str) for code in header)):
        return None

    def reread() -> Rows:
        from factcheck.rates.reference import inflate_ecb

        header_again, rows = inflate_ecb(zip_path)
        keep(zip_path, header_again, rows)  # else every later run would reread the zip
        return rows

    return header, YearRows(built, reread)


def keep(zip_path: str, header: list[str], rows: Rows) -> None:
    """Keep the rows just read from the zip at ``zip_path``, for the next runs."""
    parts = {}
    for year, in_year in _by_year(rows).items():
        lines = [row if isinstance(row, str) else ",".join(row) for row in in_year.values()]
        parts[year] = "\n".join(lines).encode("utf-8")
    store(_NAME, _stamp(zip_path), header, parts)
