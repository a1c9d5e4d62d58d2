"""Pausing the cyclic collector while loading: what was built skips the young collections."""

from __future__ import annotations

import gc

from factcheck.gcpause import paused_gc


def test_objects_built_during_a_pause_leave_the_young_generations() -> None:
    was_enabled = gc.isenabled()
    gc.enable()  # as in a command's process
    try:
        assert gc.get_freeze_count() == 0
        with paused_gc():
            assert not gc.isenabled()
            kept = [[] for _ in range(1000)]
        assert gc.isenabled()
        young = {id(obj) for generation in (0, 1) for obj in gc.get_objects(generation)}
        assert not any(id(item) in young for item in kept)
        assert gc.get_freeze_count() == 0
    finally:
        if not was_enabled:
            gc.disable()


def test_a_pause_inside_a_pause_leaves_the_collector_off() -> None:
    with paused_gc():
        with paused_gc():
            pass
        assert not gc.isenabled()
