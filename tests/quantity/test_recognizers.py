"""The reader against Microsoft Recognizers-Text's specs (../shared/external/recognizers).

The scorer and the cases live outside this repository and are read from there; the
test fails when the reader finds fewer results, agrees on fewer values or reports
more false positives than the figures the README states.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCORER = SHARED / "external" / "recognizers" / "run.py"
FOUND, VALUES_PERCENT, FALSE_POSITIVES = 1280, 97, 10


def test_recognizers_suite_scores_at_least_the_stated_figures() -> None:
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent: clone the shared folder beside this repository")
    out = subprocess.run([sys.executable, str(SCORER)], capture_output=True, text=True,
                         check=True, timeout=300).stdout
    m = re.search(r"recognizers: found (\d+)/(\d+), values (\d+)/(\d+), false positives (\d+)", out)
    assert m, out[-500:]
    found, total, values, judged, fps = map(int, m.groups())
    assert total == 1745
    assert found >= FOUND
    assert values * 100 >= VALUES_PERCENT * judged
    assert fps <= FALSE_POSITIVES
