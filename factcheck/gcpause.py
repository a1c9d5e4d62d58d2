"""Pausing the cyclic garbage collector around bulk work that creates no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic collection inside; the collector resumes afterwards if it was on.

    Loading and checking build millions of small objects that stay alive and form
    no cycles: each full collection would rescan a heap that only grows (a third of
    the time at 30,000 claims) and free nothing. Reference counting still frees
    whatever is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
