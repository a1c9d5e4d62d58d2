"""The definitions of ``units.txt`` as pint parses them, kept in a plain form once per installation.

pint's definition parser took about 10 ms of every start to read the same 70 lines.
The first run parses them with pint as before and keeps what pint built, each unit as
its name, symbol, aliases, exact scale and reference (units and exact exponents), in
the installation's built data (:mod:`factcheck.cache.built`), stamped with pint's
version, the content of ``units.txt`` and this code's file version. Later runs give
pint the same definition objects built from that form, through ``registry.define``.
Only what this form can hold exactly is kept: a definition of another kind, or a
number of another type, leaves pint's parser in charge for every run.
"""

from __future__ import annotations

import os
from typing import Any

from factcheck.cache.built import file_stamp, load, store
from factcheck.quantity.rational import Fraction, TextSafeFraction

_NAME = "units"
_FORMAT = "units-1"
_LIMIT = 1024 * 1024
# The number types pint's parser gives with non_int_type=TextSafeFraction, by tag.
_TYPES: dict[str, type] = {"t": TextSafeFraction, "f": Fraction, "i": int}


def _stamp(pint: Any, definitions: str) -> str:
    from factcheck.cache.keys import digest, file_digest

    return digest(_FORMAT, str(pint.__version__), file_digest(definitions, _LIMIT),
                  file_stamp(os.path.abspath(__file__)))


def load_into(registry: Any, pint: Any, definitions: str) -> None:
    """Define the units of the file ``definitions`` in ``registry``: from the kept form
    when there is one for this installation, else with pint's parser (and keep it)."""
    stamp = _stamp(pint, definitions)
    built = load(_NAME, stamp, _LIMIT)
    units = _from_plain(built.meta, pint) if built is not None else None
    if units is not None:
        for definition in units:
            registry.define(definition)
        return
    parsed = registry.load_definitions(definitions)
    plain = to_plain(list(registry._def_parser.iter_parsed_project(parsed)), pint)
    if plain is not None:
        store(_NAME, stamp, plain, {})


_TAGS = {kind: tag for tag, kind in _TYPES.items()}


def _number(value: Any) -> list[Any] | None:
    tag = _TAGS.get(type(value))
    if tag is None:
        return None
    whole = Fraction(value)
    return [tag, whole.numerator, whole.denominator]


def to_plain(definitions: list[Any], pint: Any) -> list[Any] | None:
    """The plain form of pint's parsed definitions, or None when one of them does not fit it."""
    from pint.facets.plain.definitions import ScaleConverter, UnitDefinition

    plain: list[Any] = []
    for d in definitions:
        if (not isinstance(d, UnitDefinition) or type(d.converter) is not ScaleConverter
                or d.reference is None):
            return None
        scale = _number(d.converter.scale)
        reference = [[name, _number(exp)] for name, exp in d.reference.items()]
        if (scale is None or any(exp is None for _, exp in reference)
                or d.reference._non_int_type is not TextSafeFraction):
            return None
        plain.append([d.name, d.defined_symbol, list(d.aliases), scale, reference])
    return plain


def _read_number(item: Any) -> Any:
    if not (isinstance(item, list) and len(item) == 3 and item[0] in _TYPES
            and type(item[1]) is int and type(item[2]) is int and item[2] > 0):
        raise ValueError("not a number of the plain form")
    kind = _TYPES[item[0]]
    if kind is int:
        if item[2] != 1:
            raise ValueError("not an integer")
        return item[1]
    return kind(item[1], item[2])


def _from_plain(plain: Any, pint: Any) -> list[Any] | None:
    """pint's definition objects from the plain form, or None when it is malformed."""
    from pint.converters import Converter
    from pint.facets.plain.definitions import UnitDefinition
    from pint.util import UnitsContainer

    if not isinstance(plain, list):
        return None
    units = []
    try:
        for item in plain:
            name, symbol, aliases, scale, reference = item
            if not (isinstance(name, str) and (symbol is None or isinstance(symbol, str))
                    and isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)
                    and isinstance(reference, list)):
                return None
            exponents = {}
            for unit, exp in reference:
                if not isinstance(unit, str):
                    return None
                exponents[unit] = _read_number(exp)
            units.append(UnitDefinition(
                name, symbol, tuple(aliases), Converter.from_arguments(scale=_read_number(scale)),
                UnitsContainer(exponents, non_int_type=TextSafeFraction)))
    except (ValueError, TypeError, pint.errors.DefinitionError):
        return None
    return units
