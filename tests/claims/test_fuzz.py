"""A long fuzz session of the YAML reader and the loader; off by default (see the skip reason).

Run it with ``FACTCHECK_FUZZ_SECONDS=600 python -m pytest tests/claims/test_fuzz.py -m slow``.
It repeats the robustness properties of test_robust.py with fresh random seeds until
the time is up; any exception other than FactcheckError is a finding.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims.load import load_paths
from tests.claims import test_robust as robust
from tests.claims.conftest import stub_parse


@pytest.mark.slow
def test_fuzz_the_loader_for_a_while(tmp_path):
    seconds = float(os.environ.get("FACTCHECK_FUZZ_SECONDS", "0") or 0)
    if seconds <= 0:
        pytest.skip("set FACTCHECK_FUZZ_SECONDS=600 to fuzz the loader for ten minutes")
    path = tmp_path / "fuzz.yaml"
    fuzz = settings(max_examples=2_000, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))

    @fuzz
    @given(st.one_of(robust.YAMLISH, robust._structured(), st.text(max_size=400)))
    def texts(text: str) -> None:
        robust._only_our_errors(text)

    @fuzz
    @given(st.binary(max_size=400))
    def blobs(data: bytes) -> None:
        path.write_bytes(data)
        load_paths([str(path)], parse_value=stub_parse)

    end = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < end:
        texts()
        blobs()
        rounds += 1
    print(f"fuzzed for {seconds:.0f} s: {rounds * 4_000} inputs, no finding")
