"""The reader's one registry: pint's unit registry and every cache built on it.

pint keeps its caches on its registry; factcheck does the same. ``REGISTRY`` owns
pint's registry (built from ``units.txt`` at first use, see ``units.registry``),
records whether pint's full definitions were loaded, and owns the caches of the
unit lookup, the scanner, ``parse_quantity``, ``match_quantity``, the interval
display and the article text index.

Every cache is bounded: each is a ``functools.lru_cache`` with a ``maxsize``, so the
least recently used entry goes first once it is full (``sizes()`` lists each bound).
The word tables take no argument and hold one entry. ``reset()`` empties all of
them together.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, Generic, ParamSpec, Protocol, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")


class Cached(Protocol, Generic[P, R]):
    """A function with its LRU cache (``functools.lru_cache``'s wrapper, typed)."""

    __wrapped__: Callable[P, R]

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    def cache_clear(self) -> None: ...

    def cache_info(self) -> Any: ...


class Registry:
    """pint's registry, whether its full definitions are loaded, and the bounded caches."""

    def __init__(self) -> None:
        self.pint: Any = None  # pint.UnitRegistry, built by units.registry()
        self.full_loaded = False  # pint's default_en.txt loaded on top of units.txt
        self.lock = threading.Lock()
        self._caches: dict[str, Any] = {}

    def cached(self, maxsize: int) -> Callable[[Callable[P, R]], Cached[P, R]]:
        """Decorate a function with an LRU cache of at most ``maxsize`` entries, owned here."""
        if maxsize < 1:
            raise ValueError(f"a cache needs maxsize >= 1, got {maxsize}")

        def wrap(fn: Callable[P, R]) -> Cached[P, R]:
            cache = functools.lru_cache(maxsize=maxsize)(fn)
            self._caches[f"{fn.__module__}.{fn.__qualname__}"] = cache
            return cast("Cached[P, R]", cache)

        return wrap

    def sizes(self) -> dict[str, tuple[int, int]]:
        """Each cache's name with its (entries held, bound)."""
        out = {}
        for name, cache in sorted(self._caches.items()):
            info = cache.cache_info()
            out[name] = (info.currsize, info.maxsize)
        return out

    def clear(self) -> None:
        """Empty every cache; pint's registry stays as it is."""
        for cache in self._caches.values():
            cache.cache_clear()

    def reset(self) -> None:
        """Empty every cache, and forget pint's registry when its full definitions were
        loaded (pint cannot unload them): the next unit comes from ``units.txt`` alone.

        Units made before a reset that dropped the registry belong to the old one and
        must not be mixed with units made after it.
        """
        with self.lock:
            self.clear()
            if self.full_loaded:
                self.pint = None
                self.full_loaded = False


REGISTRY = Registry()
