"""Fixtures of the cache tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def machine(tmp_path_factory: pytest.TempPathFactory,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A machine of each test's own: its secret and installation memo in a fresh folder."""
    from factcheck.cache import keys, seal

    home = str(tmp_path_factory.mktemp("machine"))
    monkeypatch.setenv("XDG_CACHE_HOME", home)
    seal.secret.cache_clear()
    keys._installation.cache_clear()
    yield home
    seal.secret.cache_clear()
    keys._installation.cache_clear()


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
