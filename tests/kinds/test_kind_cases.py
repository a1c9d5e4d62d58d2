"""Runs the YAML case files of the date, count and convert kinds, one test per case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

import casefile
import pytest
from pydantic import ValidationError

from factcheck.claims.model import Article, Source
from factcheck.errors import FactcheckError
from factcheck.kinds import kind_module
from factcheck.kinds.base import Context

HERE = Path(__file__).parent
CASE_FILES = ("cases_date.yaml", "cases_count.yaml", "cases_convert.yaml")


class KindCase(NamedTuple):
    """One entry of a kind's case file (the keys are described in cases_date.yaml)."""

    claim: dict[str, Any]
    verdict: str | None = None
    message: str | None = None
    warning: str | None = None
    error: str | None = None
    invalid: str | None = None
    context: dict[str, Any] = {}
    skip: str | None = None


def _cases() -> list[Any]:
    params = []
    for name in CASE_FILES:
        data = casefile.load(HERE / name)
        assert set(data) == {"kind", "context", "cases"}, f"{name}: {sorted(data)}"
        for case in casefile.records(HERE / name, data["cases"], KindCase):
            outcomes = [case.verdict is not None, case.error is not None,
                        case.invalid is not None]
            assert sum(outcomes) == 1, f"{name} {case.claim.get('id')}: one of verdict, " \
                "error, invalid"
            assert (case.verdict is None) == (case.message is None), case.claim.get("id")
            context = {**data["context"], **case.context}
            params.append(casefile.param((data["kind"], context, case),
                                         f"{data['kind']}-{case.claim['id']}"))
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


@pytest.mark.parametrize("params", _cases())
def test_case(params: tuple[str, dict[str, Any], KindCase]) -> None:
    kind, context, case = params
    module = kind_module(kind)
    claim_data = {"kind": kind, **case.claim}
    if case.invalid is not None:
        with pytest.raises(ValidationError, match=_fragment(case.invalid)):
            module.Claim.model_validate(claim_data)
        return
    claim = module.Claim.model_validate(claim_data)
    ctx = _context(context)
    if case.error is not None:
        with pytest.raises(FactcheckError, match=_fragment(case.error)):
            module.evaluate(claim, ctx)
        return
    outcome = module.evaluate(claim, ctx)
    assert outcome.verdict == case.verdict, outcome.message
    assert case.message is not None and case.message in outcome.message
    if case.warning is not None:
        assert any(case.warning in w for w in outcome.warnings), outcome.warnings
    else:
        assert not [w for w in outcome.warnings if "after the article" in w]
    _assert_json_ready(outcome.details)


def test_a_misspelt_key_is_an_error_not_a_silent_pass(tmp_path: Path) -> None:
    with pytest.raises(casefile.CaseFileError, match=r"unknown key\(s\) \['mesage'\]"):
        casefile.records(tmp_path / "x.yaml", [{"claim": {}, "mesage": "m"}], KindCase)
    with pytest.raises(casefile.CaseFileError, match="skip must be the reason"):
        casefile.records(tmp_path / "x.yaml", [{"claim": {}, "skip": True}], KindCase)


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
