"""The reader's registry: it owns every cache, bounds each, resets them together, and
running text never makes it load pint's full definitions."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck import extract_quantities, parse_quantity
from factcheck.quantity.registry import REGISTRY, Registry

NO_UNITS = "In 2019 some 1.2 and 3,400, then 2.33 k and 5 M and 1.2b, 180ml, 五千二 and 3/4."
OUR_UNITS = (
    "190平方公里 24,703 m2 30평 5 acres 2.5万吨 5 t 3 kg 100千瓦 5 MW 2 GW 3 TWh "
    "29km 5 ha 3000亩 12个百分点 20% 3 years 5억 원 $1.2bn 7.7萬億港元 216 projects"
)

# A fresh process: what a library user's first call sees. Each line prints what the
# registry says after one step.
_SCRIPT = f"""
from factcheck import extract_quantities, parse_quantity
from factcheck.quantity.registry import REGISTRY
extract_quantities({NO_UNITS!r})
print("no-units", REGISTRY.full_loaded)
extract_quantities({OUR_UNITS!r})
print("our-units", REGISTRY.full_loaded)
parse_quantity("3 mile")
print("mile", REGISTRY.full_loaded)
REGISTRY.reset()
print("reset", REGISTRY.full_loaded, REGISTRY.pint is None,
      sum(held for held, _ in REGISTRY.sizes().values()))
extract_quantities({OUR_UNITS!r})
print("again", REGISTRY.full_loaded)
print("mile-again", parse_quantity("3 mile").to("km").interval.lo > 4)
"""


def test_running_text_never_loads_pint_in_full() -> None:
    """Extraction reads only units of units.txt; asking for a mile loads pint in full,
    and reset() returns to the registry of units.txt alone."""
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True,
                         check=True)
    assert out.stdout.splitlines() == [
        "no-units False",
        "our-units False",
        "mile True",
        "reset False True 0",
        "again False",
        "mile-again True",
    ]


def test_every_cache_is_bounded_and_cleared_together() -> None:
    extract_quantities(OUR_UNITS)
    parse_quantity("1000억 원")
    sizes = REGISTRY.sizes()
    assert sizes["factcheck.quantity.grammar._parse_text"][0] >= 1
    assert sizes["factcheck.quantity.scanner._unit"][0] >= 1
    assert all(isinstance(bound, int) and 1 <= bound <= 16384 for _, bound in sizes.values())
    assert all(held <= bound for held, bound in sizes.values())
    REGISTRY.clear()
    assert {held for held, _ in REGISTRY.sizes().values()} == {0}
    assert parse_quantity("1000억 원").interval.lo == 10**11  # rebuilt on demand


def test_the_caches_of_every_layer_are_owned() -> None:
    from factcheck.expr import display  # noqa: F401
    from factcheck.quantity import readable  # noqa: F401
    from factcheck.report import anchoring  # noqa: F401

    names = set(REGISTRY.sizes())
    for name in (
        "factcheck.quantity.units._cached_unit",
        "factcheck.quantity.scanner._pint_name",
        "factcheck.quantity.grammar._match_tail",
        "factcheck.quantity.words.words",
        "factcheck.expr.display._format_interval",
        "factcheck.quantity.readable._readable",
        "factcheck.quantity.readable._readable_value",
        "factcheck.report.anchoring._prepared",
    ):
        assert name in names


def test_an_lru_keeps_at_most_its_bound() -> None:
    reg = Registry()
    calls: list[int] = []

    @reg.cached(2)
    def square(x: int) -> int:
        calls.append(x)
        return x * x

    for x in (1, 2, 1, 3, 1, 2):
        square(x)
    assert calls == [1, 2, 3, 2]  # 2 was the least recently used when 3 came
    assert reg.sizes() == {f"{__name__}.test_an_lru_keeps_at_most_its_bound.<locals>.square":
                           (2, 2)}
    reg.reset()
    assert list(reg.sizes().values()) == [(0, 2)]


def test_a_unit_is_checked_once_and_a_refusal_every_time() -> None:
    from factcheck.errors import UnitError
    from factcheck.quantity import units

    REGISTRY.clear()
    assert units.unit("KRW") is units.unit("KRW")
    assert REGISTRY.sizes()["factcheck.quantity.units._checked_unit"][0] == 1
    for _ in range(2):  # refused each time, never remembered as a unit
        with pytest.raises(UnitError, match="cannot read the unit"):
            units.unit("KRW**10")
    assert REGISTRY.sizes()["factcheck.quantity.units._checked_unit"][0] == 1
