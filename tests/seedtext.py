"""The seed article's text, which lives beside the repository (../shared), not in it.

A fresh clone without ../shared skips the tests that need it, saying why; CI sets
FACTCHECK_REQUIRE_SEED=1, under which a missing text is a failure, not a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seeds" / "000_cc08ff2c2edef71c.txt"


def seed_path() -> Path:
    """The seed text's path; skips (or, in CI, fails) the calling test when it is absent."""
    if not SEED.is_file():
        reason = (f"the seed article text is not at {SEED} (the shared/ folder beside the "
                  "repository); tests of the seed text need it")
        if os.environ.get("FACTCHECK_REQUIRE_SEED") == "1":
            pytest.fail(reason + ", and FACTCHECK_REQUIRE_SEED=1 says it must be there")
        pytest.skip(reason)
    return SEED


def seed_text() -> str:
    return seed_path().read_text(encoding="utf-8")
