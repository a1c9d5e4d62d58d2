"""A file's digest is sha256 of its bytes up to the limit, and a marker past it or for what
is not a regular file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cache.keys import file_digest


@settings(max_examples=60)
@given(st.binary(max_size=300), st.integers(min_value=-3, max_value=3))
def test_the_digest_of_a_file_is_its_bytes_up_to_the_limit(data: bytes, delta: int) -> None:
    import tempfile

    limit = max(len(data) + delta, 0)  # at the edge: one byte under, at, over the limit
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "f")
        Path(path).write_bytes(data)
        expected = (hashlib.sha256(data).hexdigest() if len(data) <= limit
                    else f"too-large:{len(data)}")
        assert file_digest(path, limit) == expected


def test_what_is_not_a_regular_file_has_a_marker(tmp_path: Path) -> None:
    assert file_digest(str(tmp_path), 100) == "not-regular"
    assert file_digest(str(tmp_path / "absent"), 100).startswith("unreadable:")
