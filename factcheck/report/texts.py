"""Article texts for one run: each file read once, whatever names it, and the total bounded."""

from __future__ import annotations

import os

from factcheck import limits
from factcheck.errors import FactcheckError, LimitError, Location

# real path -> the text, or the error reading it gave; emptied at the start of each run
_read: dict[str, str | FactcheckError] = {}
_total = [0]


def start_run() -> None:
    """Forget the texts of an earlier run (a long process may check several times)."""
    _read.clear()
    _total[0] = 0


def article_text(path: str) -> str:
    """The text of ``path``, read at most once per run: forty claim files naming one
    1 MiB article share one string (and so one index for anchoring and coverage)."""
    from factcheck.fileio import read_text

    real = os.path.realpath(path)
    known = _read.get(real)
    if known is None:
        try:
            # The path may come from an untrusted claim file: bounded, and no devices.
            text = read_text(path, limit=limits.MAX_TEXT_BYTES, regular_only=True)
        except FactcheckError as exc:
            known = exc
        else:
            _total[0] += len(text)
            if _total[0] > limits.MAX_RUN_TEXT_CHARS:
                known = LimitError(
                    f"the article texts of this run exceed {limits.MAX_RUN_TEXT_CHARS:,} "
                    "characters in all (MAX_RUN_TEXT_CHARS); this one is not read",
                    hint="check fewer articles per run",
                    location=Location(path),
                )
            else:
                known = text
        _read[real] = known
    if isinstance(known, FactcheckError):
        raise known
    return known
