"""User rates files: a central bank's or a bank's posted rates instead of the ECB's.

Two CSV layouts, told apart by the header (UTF-8, ``#`` lines are comments):

* per euro, as the ECB publishes them: ``Date,USD,JPY,KRW,...`` then one row per
  day, each cell the units of that currency one euro buys (``N/A`` or empty when
  there is none); cross rates go through EUR exactly as for the ECB data;
* direct pairs: ``Date,From,To,Rate`` then rows such as ``2017-11-23,CNY,KRW,164.84``
  meaning one CNY bought 164.84 KRW that day. The inverse pair is answered with
  1/Rate; no other cross rates are derived, so list every pair you need.

Dates are ISO (``2017-11-23``); rates are plain decimals, written exactly.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.errors import FactcheckError, InputErrors, Location, RateError
from factcheck.quantity.numerals import MAX_DIGITS, MAX_WRITTEN_DIGITS
from factcheck.quantity.rational import Fraction, fraction_from_text
from factcheck.rates.reference import PerEuroTable, RateProvider

_CODE = re.compile(r"^[A-Z]{3}$")
_DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_MISSING = {"", "N/A", "NA", "-"}


class PairTable:
    """Direct pairs by day; the inverse pair is 1/rate."""

    def __init__(self, rates: dict[tuple[str, str, str], Fraction]) -> None:
        self._rates = rates
        self._codes = frozenset(c for _, f, t in rates for c in (f, t))

    def currencies(self) -> frozenset[str]:
        return self._codes

    def lookup(self, from_code: str, to_code: str, day: str) -> Fraction | None:
        direct = self._rates.get((day, from_code, to_code))
        if direct is not None:
            return direct
        inverse = self._rates.get((day, to_code, from_code))
        return None if inverse is None else 1 / inverse

    def coverage(self, code: str) -> tuple[str, str] | None:
        days = sorted({d for d, f, t in self._rates if code in (f, t)})
        return (days[0], days[-1]) if days else None


def load_rates_file(path: str, display: str | None = None) -> RateProvider:
    """Read a rates file in either layout; every bad line is reported, located."""
    from factcheck import limits
    from factcheck.fileio import read_text

    name = display or path
    try:
        # The path may come from an untrusted claim file: bounded, and no devices.
        text = read_text(path, limit=limits.MAX_TEXT_BYTES, regular_only=True)
    except FactcheckError as exc:
        raise RateError(f"rates file {name!r}: {exc.message}", hint=exc.hint,
                        code=exc.code) from None
    except OSError as exc:
        raise RateError(
            f"cannot read rates file {path!r}: {exc.strerror or exc}",
            hint="check the path (article 'rates:' paths are relative to the claim file)",
            code="rates.file",
        ) from exc
    lines = [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        raise RateError(
            f"rates file {name!r} is empty",
            hint="start it with a header 'Date,From,To,Rate' or 'Date,USD,JPY,...'",
            code="rates.file",
        )
    header_line, header = lines[0]
    cells = [c.strip() for c in header.split(",")]
    while cells and not cells[-1]:
        cells.pop()  # the ECB writes a trailing comma
    problems: list[FactcheckError] = []
    if [c.lower() for c in cells] == ["date", "from", "to", "rate"]:
        table: PerEuroTable | PairTable = _pairs(name, lines[1:], problems)
    elif cells and cells[0].lower() == "date" and len(cells) > 1:
        table = _per_euro(name, header_line, cells, lines[1:], problems)
    else:
        raise RateError(
            f"rates file header {header.strip()!r} is neither layout",
            hint="use 'Date,From,To,Rate' (direct pairs) or 'Date,USD,JPY,...' (units per EUR)",
            code="rates.file",
        ).at(Location(name, header_line, 1))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputErrors(problems)
    return RateProvider(table, name)


def _bad(name: str, line: int, message: str, hint: str) -> FactcheckError:
    return RateError(message, hint=hint, code="rates.file").at(Location(name, line, 1))


def _date(name: str, line: int, cell: str, problems: list[FactcheckError]) -> str | None:
    try:
        return dt.date.fromisoformat(cell).isoformat()
    except ValueError:
        problems.append(_bad(name, line, f"date {cell!r} is not an ISO date", "write 2017-11-23"))
        return None


def _rate(name: str, line: int, cell: str, problems: list[FactcheckError]) -> Fraction | None:
    """A rate cell read exactly, within the bounds of a written number (or a located error)."""
    if not _DECIMAL.match(cell) or not cell.replace(".", "").strip("0"):
        problems.append(
            _bad(name, line, f"rate {_shown(cell)!r} is not a positive decimal",
                 "write it as 164.84")
        )
        return None
    digits = cell.replace(".", "")
    significant = digits.lstrip("0")
    whole = len(cell.split(".")[0].lstrip("0"))
    problem = None
    if len(digits) > MAX_WRITTEN_DIGITS:
        problem = f"has {len(digits)} digits, more than the limit of {MAX_WRITTEN_DIGITS}"
    elif len(significant) > MAX_DIGITS:
        problem = (f"has {len(significant)} significant digits, more than the limit of "
                   f"{MAX_DIGITS}")
    elif whole > MAX_RATE_EXPONENT or len(digits) - len(significant) > MAX_RATE_EXPONENT:
        problem = f"is outside 10^-{MAX_RATE_EXPONENT} to 10^{MAX_RATE_EXPONENT}"
    if problem is not None:
        problems.append(_bad(name, line, f"rate {_shown(cell)!r} {problem}",
                             "write the rate as a decimal such as 164.84"))
        return None
    return fraction_from_text(cell)


# No exchange rate is anywhere near 10**12 or 10**-12 units of one currency per unit of
# another; the bound keeps every later step (inverse, cross rate, display) small.
MAX_RATE_EXPONENT = 12


def _shown(cell: str) -> str:
    """A cell short enough to quote in a message."""
    return cell if len(cell) <= 40 else cell[:39] + "…"


def _pairs(
    name: str, lines: list[tuple[int, str]], problems: list[FactcheckError]
) -> PairTable:
    rates: dict[tuple[str, str, str], Fraction] = {}
    for number, line in lines:
        cells = [c.strip() for c in line.split(",")]
        while len(cells) > 4 and not cells[-1]:
            cells.pop()
        if len(cells) != 4:
            problems.append(
                _bad(name, number, f"line {line.strip()!r} has {len(cells)} fields, not 4",
                     "write Date,From,To,Rate")
            )
            continue
        day = _date(name, number, cells[0], problems)
        codes = [c.upper() for c in cells[1:3]]
        for code in codes:
            if not _CODE.match(code):
                problems.append(_bad(name, number, f"currency {code!r} is not an ISO code",
                                     "write three letters such as KRW"))
        value = _rate(name, number, cells[3], problems)
        if day is None or value is None or not all(_CODE.match(c) for c in codes):
            continue
        key = (day, codes[0], codes[1])
        if key in rates and rates[key] != value:
            problems.append(_bad(name, number, f"a second {codes[0]}->{codes[1]} rate for {day}",
                                 "keep one rate per pair and day"))
        rates[key] = value
    return PairTable(rates)


def _per_euro(
    name: str,
    header_line: int,
    header: list[str],
    lines: list[tuple[int, str]],
    problems: list[FactcheckError],
) -> PerEuroTable:
    codes = [c.upper() for c in header[1:]]
    for code in codes:
        if not _CODE.match(code):
            problems.append(_bad(name, header_line, f"column {code!r} is not an ISO code",
                                 "name each column by a currency such as USD"))
    rows: dict[str, list[str] | str] = {}  # PerEuroTable also takes unsplit rows
    for number, line in lines:
        cells = [c.strip() for c in line.split(",")]
        while len(cells) > len(header) and not cells[-1]:
            cells.pop()
        if len(cells) != len(header):
            problems.append(_bad(name, number, f"row has {len(cells)} fields, the header "
                                 f"{len(header)}", "give one cell per column (N/A if none)"))
            continue
        day = _date(name, number, cells[0], problems)
        for cell in cells[1:]:
            if cell.upper() not in _MISSING:
                _rate(name, number, cell, problems)
        if day is not None:
            if day in rows:
                problems.append(_bad(name, number, f"a second row for {day}",
                                     "keep one row per day"))
            rows[day] = [day] + cells[1:]
    return PerEuroTable([""] + codes, rows)
