"""User rates files in both layouts, and their located errors."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest

from factcheck.errors import InputErrors, RateError
from factcheck.rates.ratesfile import load_rates_file

D = dt.date


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "rates.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_direct_pairs_and_their_inverse(tmp_path: Path) -> None:
    path = write(tmp_path, "# posted rates\nDate,From,To,Rate\n2017-11-22,CNY,KRW,164.84\n")
    p = load_rates_file(path)
    r = p.rate("CNY", "KRW", D(2017, 11, 23))
    assert (r.rate, r.date_used, r.source) == (Fraction("164.84"), D(2017, 11, 22), path)
    assert p.rate("KRW", "CNY", D(2017, 11, 22)).rate == 1 / Fraction("164.84")


def test_pairs_are_not_crossed(tmp_path: Path) -> None:
    p = load_rates_file(write(tmp_path, "Date,From,To,Rate\n2017-11-22,CNY,KRW,164.84\n"
                                         "2017-11-22,USD,KRW,1085.4\n"))
    with pytest.raises(RateError, match="no CNY->USD rate"):
        p.rate("CNY", "USD", D(2017, 11, 22))


def test_per_euro_layout_with_trailing_comma(tmp_path: Path) -> None:
    p = load_rates_file(write(tmp_path, "Date,USD,CNY,KRW,\n2017-11-17,1.1795,7.8239,1293.09,\n"
                                         "2017-11-16,1.1771,N/A,1290.00,\n"))
    assert p.rate("CNY", "KRW", D(2017, 11, 17)).rate == Fraction("1293.09") / Fraction("7.8239")
    # CNY is N/A on the 16th, and there is no rate before: the 15th fails.
    with pytest.raises(RateError):
        p.rate("CNY", "KRW", D(2017, 11, 16))
    assert p.rate("EUR", "USD", D(2017, 11, 16)).rate == Fraction("1.1771")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("When,What\n", "header 'When,What' is neither layout"),
        ("Date,From,To,Rate\n2017-11-32,CNY,KRW,1\n", ":2:1: date '2017-11-32' is not an ISO date"),
        ("Date,From,To,Rate\n2017-11-22,CNY,KRW,abc\n", ":2:1: rate 'abc' is not a positive"),
        ("Date,From,To,Rate\n2017-11-22,CNY,KRW,0\n", ":2:1: rate '0' is not a positive"),
        ("Date,From,To,Rate\n2017-11-22,CNY,KRW\n", ":2:1: line '2017-11-22,CNY,KRW' has 3"),
        ("Date,From,To,Rate\n2017-11-22,CN,KRW,1\n", ":2:1: currency 'CN' is not an ISO code"),
        ("Date,USD,KRW\n2017-11-22,1.1\n", ":2:1: row has 2 fields, the header 3"),
        ("Date,USD,Dollar\n", ":1:1: column 'DOLLAR' is not an ISO code"),
    ],
)
def test_bad_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(RateError) as info:
        load_rates_file(write(tmp_path, text))
    assert message in str(info.value)


def test_every_bad_line_is_reported(tmp_path: Path) -> None:
    text = "Date,From,To,Rate\n2017-11-22,CNY,KRW,x\n2017-11-23,CNY,KRW,y\n"
    with pytest.raises(InputErrors) as info:
        load_rates_file(write(tmp_path, text))
    assert [p.location.line for p in info.value.problems] == [2, 3]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="nope.csv") as info:
        load_rates_file(str(tmp_path / "nope.csv"))
    from factcheck.errors import FactcheckError

    assert isinstance(info.value, FactcheckError)
