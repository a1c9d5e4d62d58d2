"""The loader's field specs agree with the pydantic models they restate.

A spec may pass an entry to its model (answer None) whenever it likes, but when it
accepts one, the model must accept it too and give the same values: otherwise a
claim file would mean one thing to the loader and another to the schema.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import PydanticUndefined

from factcheck.claims.fields import (
    _LENGTHS,
    ARTICLE,
    FACT,
    REQUIRED,
    SOURCE,
    TABLE,
    ClaimRecord,
    Record,
    Spec,
)
from factcheck.claims.load import load_paths
from factcheck.kinds import kind_module

KINDS = ("compare", "convert", "count", "date")
CLAIM = {"id": "c-1", "quote": "q"}
BASES: dict[str, tuple[Spec, dict[str, Any]]] = {
    "article": (ARTICLE, {"id": "a1", "title": "T", "published": "2017-11-23"}),
    "source": (SOURCE, {"title": "T", "published": "2017-07-20"}),
    "fact": (FACT, {"value": "1억 위안", "source": "s", "tags": {"scope": "core"}}),
    "table": (TABLE, {"file": "data/x.csv"}),
    "compare": (kind_module("compare").FIELDS, {**CLAIM, "kind": "compare", "expr": "a > 1"}),
    "convert": (kind_module("convert").FIELDS,
                {**CLAIM, "kind": "convert", "amount": "1억 위안", "stated": "165억 원"}),
    "count": (kind_module("count").FIELDS,
              {**CLAIM, "kind": "count", "items": ["a", "b"], "stated": "2"}),
    "date": (kind_module("date").FIELDS,
             {**CLAIM, "kind": "date", "stated": "지난 14일", "expected": "2017-11-14"}),
}

# Values at the edges of every rule the models state: lengths around each bound,
# patterns, dates (impossible, other forms), booleans and counts as written, paths,
# tolerances, the literals and near misses.
EDGES = [
    "", " ", "x", "a1", "a-1.b_c", "-a", "a\n", "a b", "홍길동", "unknown", "Unknown",
    "true", "false", "True", "yes", "no", "1", "0", "-3", " 3 ", "+4", "03", "4대", "٣",
    "2017-11-23", "2017-02-30", "2017-11", "20171123", "2017-11-23T00:00:00", "2017-13-45",
    "0001-01-01", "9999-12-31", "2017-09-20/2017-09-30", "1%", "0.02", "0", "1.5억 위안",
    "ko", "ko-KR", "KO", "k", "kore", "../x.txt", "/etc/passwd", ".git/config", "a/.env",
    "~x", "C:\\x", "a\0b", "todo", "ready", "holds", "contradicted", "undetermined",
    "compare", "convert", "count", "date", "a.b", "a..b", "_a.b1",
    *("a" * n for n in (99, 100, 101, 199, 200, 201, 499, 500, 501, 999, 1000, 1001,
                        1999, 2000, 2001)),
]
SCALARS = st.one_of(st.sampled_from(EDGES), st.text(max_size=4), st.none())
VALUES = st.one_of(
    SCALARS,
    st.lists(SCALARS, max_size=3),
    st.dictionaries(st.sampled_from(["scope", "k", ""]), SCALARS, max_size=2),
)
DELETE = object()


def _model_values(instance: Any) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in type(instance).model_fields}


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize("name", sorted(BASES))
def test_spec_names_the_models_fields_and_defaults(name: str) -> None:
    spec, _ = BASES[name]
    model = spec.model()
    assert list(spec.fields) == list(model.model_fields), "same fields, same order"
    for field, (_, default) in spec.fields.items():
        info = model.model_fields[field]
        if info.is_required():
            assert default is REQUIRED, field
        elif info.default_factory is not None:
            assert _same(default, info.default_factory()), field
        else:
            assert info.default is not PydanticUndefined
            assert _same(default, info.default), field


@pytest.mark.parametrize("name", sorted(BASES))
def test_spec_reads_its_base_example(name: str) -> None:
    spec, base = BASES[name]
    record = spec.read(dict(base))
    assert isinstance(record, Record)
    assert _same(vars(record), _model_values(spec.model().model_validate(base)))


def _check(name: str, raw: dict[str, Any]) -> bool:
    """Whether the spec accepted ``raw``; fails the test if the model disagrees."""
    spec, _ = BASES[name]
    record = spec.read(raw)
    if record is None:
        return False
    try:
        instance = spec.model().model_validate(raw)
    except ValidationError as exc:  # the failure this test exists to find
        pytest.fail(f"{name}: the spec accepted {raw!r}, the model refuses it: {exc}")
    assert _same(vars(record), _model_values(instance)), (raw, vars(record))
    return True


def _changed(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    raw = dict(base)
    for key, value in changes.items():
        if value is DELETE:
            raw.pop(key, None)
        else:
            raw[key] = value
    return raw


ODD = [None, DELETE, ["a"], [], {"scope": "core"}, {"scope": None}, ["a", ""], ["a" * 501]]


@pytest.mark.parametrize("name", sorted(BASES))
def test_every_edge_in_every_field(name: str) -> None:
    spec, base = BASES[name]
    accepted = 0
    for field in [*spec.fields, "extra"]:
        for value in [*EDGES, *ODD]:
            accepted += _check(name, _changed(base, {field: value}))
    assert accepted > len(spec.fields)  # the specs do read most valid entries


@settings(max_examples=300)
@given(name=st.sampled_from(sorted(BASES)), data=st.data())
def test_what_a_spec_accepts_its_model_accepts_with_the_same_values(
        name: str, data: st.DataObject) -> None:
    spec, base = BASES[name]
    keys = st.sampled_from([*spec.fields, "extra"])
    changes = data.draw(st.dictionaries(keys, st.one_of(VALUES, st.just(DELETE)), max_size=4))
    _check(name, _changed(base, changes))


def test_records_are_read_only_and_compare_by_value() -> None:
    a = FACT.read({"value": "1억 위안", "source": "s"})
    b = FACT.read({"value": "1억 위안", "source": "s"})
    assert a == b and a is not b and a.tags == {} and a.tags is not b.tags
    assert repr(a) == "Fact(value='1억 위안', source='s', tags={}, note=None)"
    with pytest.raises(AttributeError):
        a.value = "2"


def test_the_seed_claims_are_read_by_the_specs_without_the_models() -> None:
    root = os.path.join(os.path.dirname(__file__), "..", "..", "claims")
    catalog = load_paths([root])
    assert catalog.ok, catalog.problems[:3]
    claims = [loaded.claim for _, loaded in catalog.claims()]
    assert len(claims) > 50
    assert all(type(claim) is ClaimRecord for claim in claims)
    assert all(isinstance(bundle.article.published, dt.date) for bundle in catalog.articles)


def _bounds(spec: Spec) -> list[str]:
    """Texts one code point either side of, and at, every length bound the spec checks."""
    lengths = {n for low, high in _LENGTHS.values() for n in (low - 1, low, low + 1, high - 1,
                                                               high, high + 1) if n < 10_000}
    return ["a" * n for n in sorted(lengths) if n >= 0]


def _copied(value: Any) -> Any:
    """``value`` with every text a new object (as a YAML reader gives it), not a constant."""
    if isinstance(value, str):
        return (value + ".")[:-1]
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, dict):
        return {_copied(key): _copied(item) for key, item in value.items()}
    return value


def _entries(spec: Spec) -> st.SearchStrategy[dict[str, Any]]:
    """Entries with any of the spec's keys (and an unknown one) in any order, any values."""
    keys = st.lists(st.sampled_from([*spec.fields, "extra"]), unique=True, max_size=12)
    values = st.one_of(VALUES, st.sampled_from(_bounds(spec)))
    return keys.flatmap(lambda names: st.fixed_dictionaries({name: values for name in names}))


@settings(max_examples=600)
@given(name=st.sampled_from(sorted(BASES)), data=st.data())
def test_read_by_plan_is_read_field_by_field(name: str, data: st.DataObject) -> None:
    spec, base = BASES[name]
    changes = st.dictionaries(st.sampled_from([*spec.fields, "extra"]),
                              st.one_of(VALUES, st.sampled_from(_bounds(spec))), max_size=3)
    _agree(spec, data.draw(st.one_of(_entries(spec), changes.map(lambda c: {**base, **c}))))


def _agree(spec: Spec, raw: dict[str, Any]) -> bool:
    """Whether ``read`` accepted ``raw``; fails unless ``read_each`` gives the same."""
    raw = _copied(raw)
    fast, each = spec.read(raw), spec.read_each(raw)
    assert (fast is None) == (each is None), (raw, fast, each)
    if fast is None:
        return False
    assert type(fast) is type(each)
    assert list(vars(fast)) == list(vars(each))
    for field, value in vars(each).items():
        # the same values, and texts the same objects (a word's one shared copy)
        got = vars(fast)[field]
        assert _same(got, value), (field, got, value)
        assert not isinstance(value, str) or got is value, field
        # and mappings and lists of its own: neither the entry's nor a default shared
        if isinstance(got, (dict, list)):
            assert got is not raw.get(field) and got is not spec._defaults[field], field
    return True


@pytest.mark.parametrize("name", sorted(BASES))
def test_read_by_plan_at_every_edge_of_every_field(name: str) -> None:
    spec, base = BASES[name]
    accepted = 0
    for field in [*spec.fields, "extra"]:
        for value in [*EDGES, *ODD, *_bounds(spec)]:
            raw = _changed(base, {field: value})
            accepted += _agree(spec, raw) + _agree(spec, dict(reversed(raw.items())))
    assert accepted > len(spec.fields)


@pytest.mark.parametrize("name", sorted(BASES))
def test_the_plans_of_a_spec_are_bounded(name: str) -> None:
    spec, base = BASES[name]
    fresh = Spec(spec._model, spec.record, spec.fields, spec.check)
    for i in range(200):
        raw = {**base, f"extra{i}": "x"} if i % 2 else dict(reversed([*base.items(), ("x", i)]))
        assert fresh.read(raw) is None
    valid = fresh.read(dict(reversed(base.items())))
    assert valid is not None and vars(valid) == vars(spec.read_each(base))
    assert len(fresh._plans) <= 64
