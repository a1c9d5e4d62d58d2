"""pint's definitions of units.txt kept once per installation: the same registry, built faster."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pint
import pytest

from factcheck.quantity import unitdefs, units
from factcheck.quantity.rational import Fraction, TextSafeFraction
from factcheck.quantity.registry import REGISTRY


def _fresh() -> Any:
    return pint.UnitRegistry(None, non_int_type=TextSafeFraction, cache_folder=None,
                             on_redefinition="ignore", autoconvert_offset_to_baseunit=False)


def _typed(value: Any) -> tuple[type, Any]:
    return type(value), value


def _described(reg: Any) -> dict[str, Any]:
    """Everything the registry holds about each unit, with the exact type of every number."""
    out: dict[str, Any] = {}
    for name, d in reg._units.items():
        out[name] = (
            d.name, d.defined_symbol, d.aliases, d.is_base, type(d.converter),
            _typed(d.converter.scale), d.reference._non_int_type,
            [(k, _typed(v)) for k, v in d.reference.items()],
        )
    return out


def _parsed() -> tuple[Any, list[Any]]:
    reg = _fresh()
    project = reg.load_definitions(units._DEFINITIONS)
    return reg, list(reg._def_parser.iter_parsed_project(project))


def test_the_kept_form_gives_the_registry_pints_parser_gives() -> None:
    parsed, definitions = _parsed()
    plain = unitdefs.to_plain(definitions, pint)
    assert plain is not None and len(plain) == len(definitions) > 50
    rebuilt = unitdefs._from_plain(plain, pint)
    assert rebuilt is not None
    kept = _fresh()
    for d in rebuilt:
        kept.define(d)
    assert _described(kept) == _described(parsed)
    assert kept._units_casei == parsed._units_casei
    assert kept._base_units == parsed._base_units
    assert set(kept._dimensions) == set(parsed._dimensions)
    for name in parsed._units:
        (fa, ua), (fb, ub) = parsed.get_root_units(name), kept.get_root_units(name)
        assert _typed(fa) == _typed(fb), name
        assert [(k, _typed(v)) for k, v in ua._units.items()] == [
            (k, _typed(v)) for k, v in ub._units.items()], name


def test_the_form_is_plain_json_with_exact_numbers() -> None:
    _, definitions = _parsed()
    plain = unitdefs.to_plain(definitions, pint)
    by_name = {item[0]: item for item in plain or []}
    assert by_name["mu"] == ["mu", "亩", [], ["f", 1, 15], [["hectare", ["t", 1, 1]]]]
    assert by_name["acre"][3] == ["f", 316160658, 78125]  # 4046.8564224, exactly


@pytest.fixture
def own_registry() -> Iterator[None]:
    """units.registry() builds a registry of its own here; the suite's comes back after."""
    kept, full = REGISTRY.pint, REGISTRY.full_loaded
    REGISTRY.pint, REGISTRY.full_loaded = None, False
    REGISTRY.clear()
    yield
    REGISTRY.pint, REGISTRY.full_loaded = kept, full
    REGISTRY.clear()


def test_the_second_start_does_not_run_pints_parser(own_registry, monkeypatch) -> None:
    first = units.registry()
    REGISTRY.pint = None

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("pint's parser ran although the kept form was there")

    monkeypatch.setattr(pint.UnitRegistry, "load_definitions", refuse)
    second = units.registry()
    assert second is not first
    assert _described(second) == _described(first)
    assert units.conversion_factor(units.unit("mu"), units.unit("m**2")) == Fraction(2000, 3)


def test_a_change_of_units_txt_is_parsed_again(own_registry, monkeypatch, tmp_path) -> None:
    units.registry()
    REGISTRY.pint = None
    changed = tmp_path / "units.txt"
    with open(units._DEFINITIONS, encoding="utf-8") as fh:
        changed.write_text(fh.read() + "li = 500 * meter = 里\n", encoding="utf-8")
    monkeypatch.setattr(units, "_DEFINITIONS", str(changed))
    assert units.registry().get_root_units("li")[0] == 500


def test_definitions_the_form_cannot_hold_stay_with_pints_parser() -> None:
    reg = _fresh()
    project = reg._def_parser.parse_string(
        "kelvin = [temperature] = K\ndegC = kelvin; offset: 273.15")
    assert unitdefs.to_plain(list(reg._def_parser.iter_parsed_project(project)), pint) is None


@pytest.mark.parametrize("plain", [
    None, {}, [["meter"]], [["meter", "m", [], ["t", 1, 1], [["[length]", ["x", 1, 1]]]]],
    [["meter", "m", [], ["t", 1, 0], [["[length]", ["t", 1, 1]]]]],
    [["meter", "m", [], ["i", 1, 2], [["[length]", ["t", 1, 1]]]]],
    [["meter", "m", [3], ["t", 1, 1], [["[length]", ["t", 1, 1]]]]],
    [["meter", 5, [], ["t", 1, 1], [["[length]", ["t", 1, 1]]]]],
    [["1meter", None, [], ["t", 1, 1], [["[length]", ["t", 1, 1]]]]],
    [["meter", None, [], ["t", 2, 1], [["[length]", ["t", 1, 1]], ["second", ["t", 1, 1]]]]],
])
def test_a_malformed_form_is_not_used(plain: Any) -> None:
    assert unitdefs._from_plain(plain, pint) is None
