"""Bad inputs: each raises the project's own error with a message that says what is wrong."""

from __future__ import annotations

import pytest

from factcheck.errors import FactcheckError, LimitError, QuantityError
from factcheck.quantity.grammar import match_quantity, parse_quantity

BAD = [
    ("banana", QuantityError, "'banana': no number found"),
    ("1조조 원", QuantityError, "scale word 조 repeats"),
    ("1..2억 원", QuantityError, "two decimal points"),
    ("1.2.3억", QuantityError, "two decimal points"),
    ("억억억", QuantityError, "'억억억': no number found"),
    ("", QuantityError, "empty text"),
    ("   ", QuantityError, "empty text"),
    ("1e999999 위안", LimitError, "exponent is beyond the limit"),
    ("1" * 41, LimitError, "more than the limit of 40"),
    ("10000000000000000000000000000000 원", LimitError, "beyond the limit of 10**30"),
    (".nan", QuantityError, "no number found"),
    ("inf", QuantityError, "no number found"),
    ("NaN", QuantityError, "no number found"),
    ("5 bananas", QuantityError, "unknown unit 'bananas'"),
    ("1000억 원 원", QuantityError, "cannot read '원' after '1000억 원'"),
    ("1억2조", QuantityError, "scale word 조 cannot follow 억"),
    ("15백", QuantityError, "write one digit 1-9 before 백"),
    ("4천9500", QuantityError, "the digits after 천 are too many"),
    ("1만17000", QuantityError, "the digits after 만 are too many"),
    ("백천", QuantityError, "place word 천 cannot follow 백"),
    ("10~5년", QuantityError, "the range goes from 10 down to 5"),
    ("$5 원", QuantityError, "names two units, USD and KRW"),
    ("약 수십억 원", QuantityError, "a range or vague amount cannot take a qualifier"),
    ("약 5~10년", QuantityError, "a range or vague amount cannot take a qualifier"),
    ("100여개 이하", QuantityError, "contradicts"),
    ("0원 미만", QuantityError, "nothing is less than 0"),
    ("1.5조 3000억", QuantityError, "cannot read '3000억'"),
    ("약", QuantityError, "no number found"),
]


@pytest.mark.parametrize(("text", "error", "fragment"), BAD, ids=[b[0] or "<empty>" for b in BAD])
def test_bad_input(text: str, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error) as info:
        parse_quantity(text)
    message = str(info.value)
    assert fragment in message
    assert "\n" not in message
    assert isinstance(info.value, FactcheckError)


@pytest.mark.parametrize("text", ["banana", "1조조 원", ""])
def test_message_quotes_the_input_and_shows_accepted_forms(text: str) -> None:
    with pytest.raises(QuantityError) as info:
        parse_quantity(text)
    assert repr(text) in str(info.value)
    assert "1000억 원" in info.value.hint


def test_non_text_is_refused() -> None:
    with pytest.raises(QuantityError, match="expected text"):
        parse_quantity(5)  # type: ignore[arg-type]


# -- match_quantity: the expression language's literal reader --------------------------
@pytest.mark.parametrize(
    ("text", "pos", "literal", "value"),
    [
        ("1600억 위안 * 164.84 KRW/CNY", 0, "1600억 위안", 160_000_000_000),
        ("1600억 위안 * 164.84 KRW/CNY", 11, "164.84 KRW/CNY", None),
        ("1T yuan + 5", 0, "1T yuan", 10**12),
        ("50% of x", 0, "50%", 50),
        ("1/2", 0, "1", 1),
        ("1600억-1000억", 0, "1600억", 160_000_000_000),
        ("x = 5 km", 4, "5 km", 5),
    ],
)
def test_match_quantity(text: str, pos: int, literal: str, value: int | None) -> None:
    found = match_quantity(text, pos)
    assert found is not None
    q, end = found
    assert text[pos:end] == literal
    if value is not None:
        assert q.value == value


def test_match_quantity_rate_unit() -> None:
    found = match_quantity("164.84 KRW/CNY", 0)
    assert found is not None
    assert found[0].unit_name == "KRW/CNY"


@pytest.mark.parametrize(("text", "pos"), [("x + 1", 0), ("abc", 1), ("", 0), ("5", 3)])
def test_match_quantity_none(text: str, pos: int) -> None:
    assert match_quantity(text, pos) is None


def test_match_quantity_malformed_raises() -> None:
    with pytest.raises(QuantityError, match="repeats"):
        match_quantity("1조조", 0)
