"""kind_module imports a kind once; later calls are a look-up, not the import machinery."""

from __future__ import annotations

import importlib

from factcheck.kinds import KIND_MODULES, kind_module


def test_second_call_does_not_import(monkeypatch) -> None:
    first = {kind: kind_module(kind) for kind in KIND_MODULES}
    real = importlib.import_module
    calls: list[str] = []

    def counting(name: str, package: str | None = None):  # type: ignore[no-untyped-def]
        calls.append(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", counting)
    again = {kind: kind_module(kind) for kind in KIND_MODULES}
    assert again == first
    assert calls == []
    assert {kind: m.__name__ for kind, m in again.items()} == KIND_MODULES
