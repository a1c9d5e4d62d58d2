"""Compact JSON text laid out without decoding it is what the decoder and the indenting
encoder make of it, or is refused (None) and left to them."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.formats.jsontext import layout
from factcheck.report.details import Details, compact

# Characters that escapes, the split at quotes and the key check could get wrong.
_TRICKY = st.sampled_from(['"', "\\", "\\u00e9", "/", "\x00", "\x1f", "\x7f", "\x85", "\xe9",
                           "\u2028", "\ud800", "\U0001f600", "억", "%s", "%", "\0", ":", ",",
                           "{", "}", "[", "]", "1", "-0", "true", "null", " ", ""])
_TEXT = st.lists(_TRICKY | st.text(max_size=3), max_size=4).map("".join)
_NUMBERS = (st.integers() | st.integers(-10**30, 10**30)
            | st.floats(allow_nan=False, allow_infinity=False)
            | st.sampled_from([0, -0.0, 0.0, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, 10**20]))
_KEYS = _TEXT | st.sampled_from(["1", "true", "null", "1.5", "a"]) | st.integers(-2, 2) \
    | st.booleans() | st.none() | st.sampled_from([1.5, -0.0])
_VALUES = st.recursive(
    st.none() | st.booleans() | _NUMBERS | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=14,
)
_NEWLINES = st.sampled_from(["\n", "\n  ", "\n      "])


def _standard(text: str, newline: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2).replace("\n", newline)


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=5), _NEWLINES)
def test_details_text_is_laid_out_as_decoded_and_encoded(value: dict[str, Any],
                                                         newline: str) -> None:
    details = compact(value)
    assert details.__class__ is Details  # no NaN: plain JSON keeps every such value
    text = details.text  # type: ignore[attr-defined]
    laid = layout(text, newline)
    if laid is None:
        # Refused only where it may leave an escape to the decoder, or a key is
        # repeated (the decoder keeps one).
        decoded = json.loads(text)
        assert "\\" in text or json.dumps(decoded, separators=(",", ":")) != text
    else:
        assert laid == _standard(text, newline)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([1, 22, -3, 0.5, 168.844, 1e22, 1e-7, 10**20, -0.0, True, None]),
                min_size=1, max_size=6))
def test_numbers_of_one_shape_are_put_back_each_time(numbers: list[Any]) -> None:
    """Values of one structure share a layout, numbers masked: each gets its own back."""
    for n in numbers:
        text = json.dumps({"a": [n, {"b": n}], "c": "x"}, separators=(",", ":"))
        assert layout(text, "\n") == _standard(text, "\n")


# Text that is not always JSON, or not as the compact encoder writes it.
_JSONISH = st.lists(st.sampled_from(['{', '}', '[', ']', ':', ',', '"', '"a"', '"1"', '"\\u4e00"',
                                     '"\\u0041"', '"\\/"', '"\\\\"', '"\\"', '"\\ud83d\\ude00"',
                                     '"\\u4E00"', "\\U0001f600", "1", "-0", "01", "1.0", "1E5",
                                     "1e999", "-", ".5", "true", "tru", "null", " ", "\t", "\x00",
                                     "\x7f", "é"]), max_size=14).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_JSONISH | st.text(max_size=12), _NEWLINES)
def test_any_text_is_laid_out_as_decoded_or_refused(text: str, newline: str) -> None:
    try:
        expected: str | None = _standard(text, newline)
    except (ValueError, RecursionError):
        expected = None  # the decoder refuses it: so must the layout
    laid = layout(text, newline)
    assert laid is None or laid == expected


def test_the_common_details_take_the_fast_way() -> None:
    text = compact({"expr": "a >= 3270억 위안", "left": {"low": "1", "high": None, "open": True},
                    "facts": [{"name": "a", "value": "超过1090亿元"}], "n": [5, 1.5, -2]}).text
    assert layout(text, "\n    ") == _standard(text, "\n    ")
    assert layout('{"a":1,"a":2}', "\n") is None  # the decoder keeps one


_ROWS = st.lists(st.lists(_NUMBERS | _TEXT | st.none() | st.booleans(), max_size=3)
                 .map(tuple) | st.lists(_NUMBERS | _TEXT, max_size=2), max_size=4)


@settings(max_examples=1500, deadline=None)
@given(_ROWS | _VALUES | st.dictionaries(_KEYS, _NUMBERS | _TEXT | st.none(), max_size=4)
       | st.lists(st.floats() | _TEXT, max_size=4), _NEWLINES)
def test_flat_values_are_laid_out_as_the_standard_encoder_does(value: Any, newline: str) -> None:
    from factcheck.formats.json import _flat

    if value.__class__ not in (dict, list, tuple):
        return  # a single value is not a container: nothing to lay out
    laid = _flat(value, newline)
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
    assert laid is None or laid == expected


def test_a_rate_series_takes_the_flat_way() -> None:
    from factcheck.formats.json import _flat

    series = (("2017-08-24", 169.289), ("2017-08-25", 168.844), ("2017-08-28", float("nan")))
    for value in (series, {"date": "2017-08-25", "rate": 168.844}, ["a000000-5", 1]):
        assert _flat(value, "\n  ") == json.dumps(value, ensure_ascii=False, indent=2
                                                  ).replace("\n", "\n  ")


_DAYS = st.sampled_from(["2017-08-24", "2017-08-25", "", "\"", "a,b", "[x]", "억"]) | _TEXT
_RATES = st.sampled_from([168.844, 0.0, -0.0, 1.0, float("nan"), float("inf"), 1e22, 2]) \
    | st.floats() | st.integers(-3, 3) | st.booleans()


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.tuples(_DAYS, _RATES) | st.lists(_RATES, max_size=2), min_size=1,
                max_size=5), _NEWLINES)
def test_dated_rows_are_laid_out_as_the_standard_encoder_does(rows: list[Any],
                                                              newline: str) -> None:
    """Rows kept by their value are written as their own types: 1.0 and 1, 0.0 and -0.0
    and True are equal as values, not as text."""
    from factcheck.formats.json import _flat

    expected = json.dumps(rows, ensure_ascii=False, indent=2).replace("\n", newline)
    assert _flat(rows, newline) in (None, expected)
    assert _flat(list(reversed(rows)), newline) in (
        None, json.dumps(list(reversed(rows)), ensure_ascii=False, indent=2
                         ).replace("\n", newline))


def test_equal_rows_of_other_types_keep_their_own_text() -> None:
    from factcheck.formats.json import _flat

    for rows in ([("d", 1.0)], [("d", 1)], [("d", True)], [("d", 0.0)], [("d", -0.0)],
                 [("d", 0.0), ("d", -0.0)], [("d", 1.0)]):
        assert _flat(rows, "\n") == json.dumps(rows, ensure_ascii=False, indent=2)
