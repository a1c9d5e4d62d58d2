"""The compare kind against cases_compare.yaml: one parametrized test per case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import casefile
import pytest

from factcheck import errors
from factcheck.kinds import compare

from .support import context

_FILE = Path(__file__).parent / "cases_compare.yaml"
_DATA = casefile.load(_FILE)


class CompareCase(NamedTuple):
    """One compare case (the keys are described in the header of cases_compare.yaml)."""

    id: str
    expr: str
    verdict: str | None = None
    error: str | None = None
    tolerance: str | None = None
    message: str | None = None
    warning: str | None = None
    no_warning: str | None = None
    skip: str | None = None


# Back to the mapping the test reads, without the keys a case leaves out.
_CASES = [{k: v for k, v in c._asdict().items() if v is not None}
          for c in casefile.records(_FILE, _DATA["cases"], CompareCase)]
assert all(("verdict" in c) != ("error" in c) for c in _CASES), "verdict or error, not both"


@pytest.fixture(scope="module")
def ctx():
    return context(_DATA["facts"], _DATA["sources"])


def _claim(case):
    return compare.Claim(
        id=case["id"], quote="q", kind="compare", expr=case["expr"], tolerance=case.get("tolerance")
    )


def test_case_ids_are_unique():
    ids = [c["id"] for c in _CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", _CASES, ids=[c["id"] for c in _CASES])
def test_case(case, ctx):
    if "skip" in case:
        pytest.skip(case["skip"])
    claim = _claim(case)
    if "error" in case:
        cls = getattr(errors, case["error"])
        with pytest.raises(cls) as info:
            compare.evaluate(claim, ctx)
        assert case.get("message", "") in str(info.value)
        return
    outcome = compare.evaluate(claim, ctx)
    assert outcome.verdict == case["verdict"], outcome.message
    if "message" in case:
        assert case["message"] in outcome.message
    if "warning" in case:
        assert any(case["warning"] in w for w in outcome.warnings), outcome.warnings
    if "no_warning" in case:
        assert not any(case["no_warning"] in w for w in outcome.warnings), outcome.warnings
    # details are a JSON contract: serialisable, no floats anywhere.
    text = json.dumps(outcome.details, ensure_ascii=False, sort_keys=True)
    assert "e+" not in text and "e-" not in text.replace("e-arti", "")
    assert set(outcome.details) >= {
        "expr",
        "left",
        "right",
        "operator",
        "difference",
        "facts",
        "sources",
    }


def test_details_shape(ctx):
    claim = compare.Claim(
        id="x",
        quote="q",
        kind="compare",
        expr="beijing.core_2020 + wuhan.core_2020 > shanghai.core_2020",
    )
    details = compare.evaluate(claim, ctx).details
    assert details["left"] == {
        "low": "60000000000",
        "high": "60000000000",
        "low_open": False,
        "high_open": False,
        "unit": "CNY",
    }
    assert details["right"]["low"] == "100000000000"
    assert details["operator"] == ">"
    assert details["difference"] == {"absolute": "-40000000000", "relative_pct": "-40"}
    assert details["facts"] == [
        {"name": "beijing.core_2020", "value": "500亿元", "source": "city-2017"},
        {"name": "wuhan.core_2020", "value": "100亿元", "source": "city-2017"},
        {"name": "shanghai.core_2020", "value": "1000亿元", "source": "city-2017"},
    ]
    assert details["sources"] == [{"id": "city-2017", "title": "City plans 2017", "url": None}]
    assert details["would_hold_with"] == {
        "replace": "beijing.core_2020",
        "with": "national.core_2020",
    }


def test_unbounded_side_has_no_difference(ctx):
    claim = compare.Claim(
        id="x", quote="q", kind="compare", expr="national.core_2020 > one_trillion"
    )
    outcome = compare.evaluate(claim, ctx)
    assert outcome.details["difference"] is None
    assert outcome.details["left"]["high"] is None


def test_message_shows_both_sides_and_sources(ctx):
    claim = compare.Claim(id="x", quote="q", kind="compare", expr="hundred < hundred_and_two")
    message = compare.evaluate(claim, ctx).message
    assert (
        "hundred = 100 CNY < hundred_and_two = 102 CNY: true for every value the data allows;"
        in message
    )
    assert "difference -2 CNY (~-1.96% relative)" in message
    assert "hundred = 100 [city-2017]" in message


def test_verdict_is_deterministic(ctx):
    claim = _claim(_CASES[0])
    first = compare.evaluate(claim, ctx)
    second = compare.evaluate(claim, ctx)
    assert (first.message, first.warnings, first.details) == (
        second.message,
        second.warnings,
        second.details,
    )


def test_long_contradicted_expression_over_many_facts_stays_fast():
    import time

    from .support import context as make_context

    facts = {f"f{i}": {"interval": str(i + 1), "unit": "CNY"} for i in range(300)}
    ctx = make_context(facts)
    expr = " + ".join(f"f{i % 9}" for i in range(390)) + " < f1"
    claim = compare.Claim(id="x", quote="q", kind="compare", expr=expr)
    started = time.perf_counter()
    outcome = compare.evaluate(claim, ctx)
    assert outcome.verdict == "contradicted"
    assert time.perf_counter() - started < 3
