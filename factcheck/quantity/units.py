"""The application's one pint registry, built lazily from ``units.txt``.

Units are pint units; magnitudes stay with us as exact intervals. This module
turns unit names into pint units, gives exact conversion factors, and writes units
back as short canonical strings (``KRW``, ``KRW/CNY``, ``meter**2``).
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, cast

from factcheck.errors import UnitError
from factcheck.quantity.rational import Fraction, TextSafeFraction
from factcheck.quantity.registry import REGISTRY

if TYPE_CHECKING:
    import pint

_NAME = r"[^\W\d][\w°]*(?:\s*(?:\*\*|\^)\s*-?[1-9])?"
_UNIT_TEXT = re.compile(rf"{_NAME}(?:\s*[*/]\s*{_NAME})*")
_DEFINITIONS = os.path.join(os.path.dirname(__file__), "units.txt")


# pint imports numpy, scipy, babel and uncertainties when they are installed, for
# arrays and formats factcheck never hands it: a sixth of `factcheck check`'s start-up.
# The command line (a process of our own) asks for pint without them; a library
# user's process keeps pint's usual behaviour.
_OPTIONAL_FOR_PINT = ("numpy", "scipy", "babel", "uncertainties")
_lean = False


def lean_pint() -> None:
    """Import pint, when first needed, without its optional array and locale backends."""
    global _lean
    _lean = True


def _pint() -> Any:
    loaded = sys.modules.get("pint")
    if loaded is not None:
        return loaded
    hidden = [name for name in _OPTIONAL_FOR_PINT if name not in sys.modules] if _lean else []
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` now fails
    try:
        import pint
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return pint


def registry() -> pint.UnitRegistry:
    """The application registry (created at first use, from units.txt only; kept on
    ``REGISTRY.pint``)."""
    if REGISTRY.pint is None:
        with REGISTRY.lock:
            if REGISTRY.pint is None:
                pint = _pint()

                reg = pint.UnitRegistry(
                    None,
                    non_int_type=TextSafeFraction,  # pint reads numbers from text
                    cache_folder=None,
                    on_redefinition="ignore",
                    autoconvert_offset_to_baseunit=False,
                )
                from factcheck.quantity.unitdefs import load_into

                load_into(reg, pint, _DEFINITIONS)  # pint's parser, or what it built before
                REGISTRY.pint = reg
    return REGISTRY.pint


def _load_full() -> None:
    """Extend the registry with pint's default definitions (ours stay first); every
    cache is emptied, since a name unknown before may now be a unit."""
    if REGISTRY.full_loaded:
        return
    pint = _pint()
    reg = registry()
    with REGISTRY.lock:
        if not REGISTRY.full_loaded:
            reg.load_definitions(os.path.join(os.path.dirname(pint.__file__), "default_en.txt"))
            REGISTRY.full_loaded = True
    REGISTRY.clear()


@REGISTRY.cached(4096)
def _cached_unit(expression: str) -> Any:
    return registry().Unit(expression)


def unit(expression: str) -> pint.Unit:
    """Parse a unit expression (``KRW``, ``KRW/CNY``, ``mu``, ``km``) into a pint unit.

    Unknown names make the registry load pint's full definitions once, so that any
    unit pint knows works without slowing down the common case. Cached per expression:
    the same few units are asked for claim after claim, and checking that a unit's zero
    is zero builds a pint quantity (errors are not cached, so they are raised each time).
    """
    return _checked_unit(expression)


@REGISTRY.cached(4096)
def _checked_unit(expression: str) -> pint.Unit:
    pint = _pint()
    text = expression.strip()
    if not text:
        text = "dimensionless"
    # Our own names win: once pint's full definitions are loaded, a symbol such as
    # `pp` (percentage point here, printer's point there) would otherwise change meaning.
    text = own_names().get(text, text)
    if not _UNIT_TEXT.fullmatch(text):
        # pint's parser evaluates expressions (m*10**10**10 never ends): it gets only
        # names joined by * and / with small integer powers
        raise UnitError(
            f"cannot read the unit {expression[:40]!r}",
            hint="write unit names joined by * or /, with powers of at most 9 (m**2, KRW/CNY)",
        )
    try:
        found = _cached_unit(text)
    except (pint.errors.UndefinedUnitError, AttributeError):
        found = None
    except Exception as exc:  # pint raises many types for malformed expressions
        raise UnitError(
            f"cannot read the unit {expression!r}",
            hint="write a unit name pint knows, such as KRW, CNY/USD, mu, km or percent",
        ) from exc
    if found is not None:
        return _multiplicative(found, expression)
    if not REGISTRY.full_loaded:
        _load_full()
        try:
            found = _cached_unit(text)
        except Exception:
            found = None
        if found is not None:
            return _multiplicative(found, expression)
    raise UnitError(
        f"unknown unit {expression!r}",
        hint="use an ISO 4217 currency code (KRW, CNY, USD, ...) or a unit that pint knows",
    )


def _multiplicative(u: Any, expression: str) -> Any:
    """``u``, refused when its zero is not zero (degC, degF): factors convert by scale only,
    so -10 degC would compare with 10 degF as -10 kelvin with 10 * 5/9 kelvin, and
    10 degC + 10 degC is no temperature at all."""
    if registry().Quantity(1, u)._is_multiplicative:
        return u
    raise UnitError(
        f"the unit {expression[:40]!r} has an offset zero (0 degC is 273.15 kelvin), which "
        "factcheck does not convert, add or compare",
        hint="write the temperature in kelvin, or a difference as delta_degC or delta_degF",
        code="quantity.offset-unit",
    )


@REGISTRY.cached(1)
def own_names() -> dict[str, str]:
    """Every name, symbol and alias defined in units.txt, mapped to its unit's name."""
    names: dict[str, str] = {}
    with open(_DEFINITIONS, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if "=" not in line:
                continue
            parts = [part.strip() for part in line.split("=")]
            name, aliases = parts[0], parts[2:]
            for alias in [name, *aliases]:
                if alias and alias != "_":
                    names[alias] = name
    return names


def dimensionless() -> pint.Unit:
    return unit("dimensionless")


# Units are immutable and hash by their (cached) container: the few distinct units
# of a run are compared and formatted millions of times at archive scale.
@REGISTRY.cached(4096)
def same_dimension(a: pint.Unit, b: pint.Unit) -> bool:
    return bool(a.dimensionality == b.dimensionality)


@REGISTRY.cached(4096)
def _factor(a: Any, b: Any) -> Fraction:
    reg = registry()
    fa, ua = reg.get_root_units(a)
    fb, ub = reg.get_root_units(b)
    if ua != ub and a.dimensionality == b.dimensionality:
        # `count = []` is a dimensionless base unit of its own: 500 count is 500.
        ua = _without_dimensionless_bases(reg, ua)
        ub = _without_dimensionless_bases(reg, ub)
    if ua != ub:
        raise UnitError(
            f"cannot convert {format_unit(a)} to {format_unit(b)}: different dimensions",
            hint="compare and add only quantities of the same kind (one currency, area, count)",
        )
    # pint types a factor as any Scalar (complex, numpy); with non_int_type=Fraction it
    # is an int or a Fraction, or a float for a few of pint's own constants (alpha, mu_0).
    return Fraction(cast("float | Fraction", fa)) / Fraction(cast("float | Fraction", fb))


def _without_dimensionless_bases(reg: Any, u: Any) -> Any:
    kept = reg.Unit("dimensionless")
    for name, exp in dict(u._units).items():
        if dict(reg.Unit(name).dimensionality):
            kept = kept * reg.Unit(name) ** exp
    return kept


def conversion_factor(source: pint.Unit, target: pint.Unit) -> Fraction:
    """The exact factor f such that x [source] == x*f [target]."""
    if source is target or source == target:
        return Fraction(1)
    return _factor(source, target)


@REGISTRY.cached(4096)
def format_unit(u: pint.Unit) -> str:
    """A short canonical string: ``KRW``, ``KRW/CNY``, ``meter**2``, ``dimensionless``.

    We format ourselves because pint's formatters do not accept Fraction exponents.
    """
    # pint types exponents as any Scalar; with non_int_type=Fraction they are Fractions.
    items = sorted(cast("dict[str, Fraction | int]", dict(u._units)).items())
    if not items:
        return "dimensionless"
    num = [_power(name, exp) for name, exp in items if exp > 0]
    den = [_power(name, -exp) for name, exp in items if exp < 0]
    top = "*".join(num) if num else "1"
    if not den:
        return top
    if len(den) == 1:
        return f"{top}/{den[0]}"
    return f"{top}/({'*'.join(den)})"


def _power(name: str, exp: Any) -> str:
    exp = Fraction(exp)
    if exp == 1:
        return name
    if exp.denominator == 1:
        return f"{name}**{exp.numerator}"
    return f"{name}**({exp})"


@REGISTRY.cached(4096)
def currency_code(u: pint.Unit) -> str | None:
    """The ISO code when ``u`` is a single currency, else None."""
    items = dict(u._units)
    if len(items) == 1:
        ((name, exp),) = items.items()
        if exp == 1 and str(name).isupper() and len(str(name)) == 3:
            dims = dict(u.dimensionality)
            if any(str(d).startswith("[currency_") for d in dims):
                return str(name)
    return None


def is_currency_code(code: str) -> bool:
    """True when ``code`` names a currency defined in units.txt."""
    return code in currency_codes()


@REGISTRY.cached(1)
def currency_codes() -> frozenset[str]:
    codes = set()
    with open(_DEFINITIONS, encoding="utf-8") as fh:
        for line in fh:
            if "[currency_" in line:
                codes.add(line.split("=", 1)[0].strip())
    return frozenset(codes)
