"""Memory management for bulk work: pause the cyclic collector, and skip freeing at exit."""

from __future__ import annotations

import contextlib
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
            _to_oldest_generation()
            gc.enable()


def _to_oldest_generation() -> None:
    """Move every tracked object to the oldest generation, in constant time.

    What was built during a pause sits in the youngest generation: the first young
    collection after it would scan all of it (a tenth of loading 20,000 claims) and
    the next one again, only to find it alive. Freezing and unfreezing moves it to
    the oldest generation, which only full collections scan. Skipped when objects
    are frozen already, since unfreezing would hand those back too.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


# Objects held until the process ends, when the process is a command (cli.entry sets
# this): a report of 100,000 claims took a fifth of a second to free object by
# object just before the process exited anyway. In a longer-lived caller of main()
# (tests, editors) nothing is held.
_KEPT: list[object] | None = None


def end_without_freeing() -> None:
    """This process is a command that ends with ``exit_command``: hold from now on."""
    global _KEPT
    _KEPT = []


def hold_until_exit(obj: object) -> None:
    """Keep ``obj`` alive until a command's process ends (see ``cli.entry``)."""
    if _KEPT is not None:
        _KEPT.append(obj)


def exit_command(code: int) -> None:
    """End a command's process now: flush the output, skip tearing down the heap.

    Output the command left in a buffer is written here; if that fails (a full disk,
    a closed descriptor), the run fails as Python's own exit would have made it
    fail, with one line on stderr. A reader that went away (a closed pipe, as with
    ``| head``) is not a failure.
    """
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started without that descriptor: nothing was written there
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            continue
        except (OSError, ValueError) as exc:
            if stream is sys.stdout and code in (0, 1):
                code = 2
                with contextlib.suppress(OSError, ValueError, AttributeError):
                    sys.stderr.write(f"factcheck: cannot write the output: {exc}\n")
                    sys.stderr.flush()
    os._exit(code)
