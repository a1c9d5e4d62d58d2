"""Fixtures for the loader tests: a test-only claim kind and a tiny fact-value parser."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from factcheck.errors import QuantityError
from factcheck.quantity.quantity import Quantity

_VALUE = re.compile(r"^(\d+) (CNY|KRW)$")


def stub_parse(text: str) -> Quantity:
    """Reads only '<digits> CNY|KRW', so the loader tests do not depend on the grammar."""
    m = _VALUE.match(text)
    if m is None:
        raise QuantityError(f"cannot read {text!r}", hint="write '<digits> CNY'")
    return Quantity.exact(Fraction(int(m.group(1))), m.group(2))


@pytest.fixture(autouse=True)
def probe_kind(monkeypatch: pytest.MonkeyPatch) -> str:
    """Adds the test-only kind 'probe' (tests/claims/probe_kind.py) to the kind list."""
    from factcheck.kinds import KIND_MODULES

    monkeypatch.setitem(KIND_MODULES, "probe", "tests.claims.probe_kind")
    return "probe"


@pytest.fixture
def write(tmp_path):
    """write(name, text) -> path of a new file under tmp_path."""

    def _write(name: str, text: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    return _write
