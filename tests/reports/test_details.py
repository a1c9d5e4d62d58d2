"""Details held as compact JSON text read back as the dict they were made from."""

from __future__ import annotations

import math
import pickle
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantity.rational import Fraction
from factcheck.report.details import Details, compact, plain
from factcheck.report.record import Finding

# Keys that JSON escapes (quotes, backslashes, controls, non-ASCII) and keys that are
# prefixes or suffixes of one another, as a text search for a key could confuse them.
_KEYS = st.one_of(st.sampled_from(["a", "ab", "b", "a\"", "\"a", "a\\", "\u00e9", "\u5143",
                                   "implied_rate", "", ":", "a:b"]),
                  st.text(max_size=6))
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8),
                     st.sampled_from(["a", "ab", "\"a\":", "{}", "\u5143"]))
_JSON = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)), max_leaves=20)
_DETAILS = st.dictionaries(_KEYS, _JSON, max_size=6)


@given(_DETAILS, _KEYS)
def test_compact_details_read_as_the_dict(details: dict[str, Any], key: str) -> None:
    held = compact(details)
    assert isinstance(held, Details)
    assert held.text.isascii()
    assert plain(held) == details
    assert list(held) == list(details)
    assert len(held) == len(details)
    assert bool(held) == bool(details)
    assert (key in held) == (key in details)
    assert held.get(key, "absent") == details.get(key, "absent")
    assert held == details and held == compact(dict(details))


@given(_DETAILS)
def test_a_finding_holds_its_details_compactly_and_pickles(details: dict[str, Any]) -> None:
    finding = _finding(details)
    assert isinstance(finding.details, Details)
    assert finding.to_json()["details"] == details
    assert pickle.loads(pickle.dumps(finding)) == finding


def test_what_json_cannot_hold_stays_the_dict_it_is() -> None:
    for odd in ({"x": float("nan")}, {"x": Fraction(1, 3)}, {"x": [math.inf]}):
        assert compact(odd) is odd
        assert _finding(odd).details is odd
    assert plain({"x": 1}) == {"x": 1}


def test_what_json_writes_otherwise_reads_back_as_every_report_writes_it() -> None:
    assert plain(compact({1: "one", "t": (1, 2)})) == {"1": "one", "t": [1, 2]}


def test_plain_gives_a_new_dict_each_time() -> None:
    held = compact({"x": [1]})
    first = plain(held)
    first["x"].append(2)
    assert plain(held) == {"x": [1]}


def test_kinds_and_expected_verdicts_are_shared_among_findings() -> None:
    a, b = _finding({}), _finding({})
    assert a.kind is b.kind and a.expect is b.expect


def _finding(details: dict[str, Any]) -> Finding:
    # The strings are built at run time, as the loader builds them: not shared already.
    kind = "".join(["com", "pare"])
    expect = "".join(["ho", "lds"])
    return Finding("c1", "f.yaml", 1, 1, kind, "q", "holds", expect, "m", details=details)
