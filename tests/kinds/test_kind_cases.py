"""Runs the YAML case files of the date, count and convert kinds, one test per case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from factcheck.claims.model import Article, Source
from factcheck.errors import FactcheckError
from factcheck.kinds import kind_module
from factcheck.kinds.base import Context

HERE = Path(__file__).parent
CASE_FILES = ("cases_date.yaml", "cases_count.yaml", "cases_convert.yaml")


def _cases() -> list[Any]:
    params = []
    for name in CASE_FILES:
        data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
        for case in data["cases"]:
            context = {**data["context"], **case.get("context", {})}
            params.append(
                pytest.param(
                    data["kind"], context, case, id=f"{data['kind']}-{case['claim']['id']}"
                )
            )
    return params


def _context(spec: dict[str, Any]) -> Context:
    article = Article(
        id="case-article",
        title="case article",
        published=spec["published"],
        language=spec.get("language"),
        tolerance=spec.get("tolerance"),
    )
    sources = {k: Source.model_validate(v) for k, v in spec.get("sources", {}).items()}
    return Context(article, "cases.yaml", {}, sources)


def _grammar_available() -> bool:
    """Whether parse_quantity (engineer A's grammar) exists and reads a plain count."""
    try:
        from factcheck.quantity.grammar import parse_quantity

        return parse_quantity("4개").interval.lo == 4
    except Exception:  # noqa: BLE001 - any failure means: not usable yet, so skip
        return False


@pytest.mark.parametrize(("kind", "context", "case"), _cases())
def test_case(kind: str, context: dict[str, Any], case: dict[str, Any]) -> None:
    if case.get("needs") == "grammar" and not _grammar_available():
        pytest.skip("factcheck.quantity.grammar.parse_quantity cannot read '4개' yet")
    module = kind_module(kind)
    claim_data = {"kind": kind, **case["claim"]}
    if "invalid" in case:
        with pytest.raises(ValidationError, match=_fragment(case["invalid"])):
            module.Claim.model_validate(claim_data)
        return
    claim = module.Claim.model_validate(claim_data)
    ctx = _context(context)
    if "error" in case:
        with pytest.raises(FactcheckError, match=_fragment(case["error"])):
            module.evaluate(claim, ctx)
        return
    outcome = module.evaluate(claim, ctx)
    assert outcome.verdict == case["verdict"], outcome.message
    assert case["message"] in outcome.message
    if "warning" in case:
        assert any(case["warning"] in w for w in outcome.warnings), outcome.warnings
    else:
        assert not [w for w in outcome.warnings if "after the article" in w]
    _assert_json_ready(outcome.details)


def _fragment(text: str) -> str:
    import re

    return re.escape(text)


def _assert_json_ready(value: Any) -> None:
    """details must hold only JSON types, so every report format can render them.

    Exact numbers are strings; a float is allowed only as a ``*_display`` value,
    a rounded number meant for people next to its exact string.
    """
    if isinstance(value, dict):
        assert all(isinstance(k, str) for k in value)
        for k, v in value.items():
            if k.endswith("_display") and isinstance(v, float):
                continue
            _assert_json_ready(v)
    elif isinstance(value, list):
        for v in value:
            _assert_json_ready(v)
    else:
        assert value is None or isinstance(value, (str, int, bool)), value
        assert not isinstance(value, (dt.date, float))
