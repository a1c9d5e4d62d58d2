"""Many claims in few files load completely (their speed is measured in benchmarks/run.py)."""

from __future__ import annotations

import os

import pytest

from factcheck.claims.load import load_paths
from tests.claims.conftest import stub_parse


def _write_files(tmp_path, files: int, claims: int) -> str:
    for f in range(files):
        lines = [f"article: {{id: art{f}, title: T, published: 2017-11-23}}", "claims:"]
        lines.extend(
            f"  - id: c{f}-{i}\n    quote: 세 도시의 합계는 1600억 위안을 넘는다\n"
            f"    kind: probe\n    expr: a.b + c.d > 1600억 위안\n    expect: holds"
            for i in range(claims)
        )
        (tmp_path / f"f{f}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(tmp_path)


def test_twenty_thousand_claims_in_two_files_load_completely(tmp_path):
    folder = _write_files(tmp_path, 2, 10_000)
    catalog = load_paths([folder], parse_value=stub_parse)
    assert catalog.problems == []
    assert sum(len(b.claims) for b in catalog.articles) == 20_000


@pytest.mark.slow
def test_hundred_thousand_claims_in_ten_files(tmp_path):
    if not os.environ.get("FACTCHECK_SLOW"):
        pytest.skip("set FACTCHECK_SLOW=1 to run the 100,000-claim load (about 3 s)")
    folder = _write_files(tmp_path, 10, 10_000)
    catalog = load_paths([folder], parse_value=stub_parse)
    assert catalog.problems == []
    assert sum(len(b.claims) for b in catalog.articles) == 100_000
