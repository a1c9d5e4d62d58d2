"""Fixtures of the cache tests."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every list of files the loader is given, from here on."""
    from factcheck.claims import load

    seen: list[list[str]] = []
    real = load.load_files

    def spy(files: list[str], *args: Any, **kwargs: Any) -> Any:
        seen.append(list(files))
        return real(files, *args, **kwargs)

    monkeypatch.setattr(load, "load_files", spy)
    return seen
