"""The README's scale-out recipes (Dask, Ray) run as written, and their merged report is the
report of one run, byte for byte.

Each recipe is taken from the README unchanged, written to a script beside a small
generated archive and run with this Python; its shard reports are merged with
``factcheck merge``. The engines are optional extras (``[dask]``, ``[ray]``): outside
CI a missing one skips its test with the reason; CI installs both, so there a missing
engine fails.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = 1_200  # 120 article files: two shards of 100 files and one of 20 (see the README)


def recipe(engine: str) -> str:
    """The README's Python block that imports ``engine``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    found = [b for b in blocks if re.search(rf"^import {engine}\b|^from {engine}\b", b, re.M)]
    assert len(found) == 1, f"the README has {len(found)} Python blocks importing {engine}"
    return found[0]


def _need(*modules: str) -> None:
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if not missing:
        return
    reason = f"{', '.join(missing)} not installed (pip install -e '.[dask,ray]')"
    if os.environ.get("CI"):
        pytest.fail(f"CI installs the scale-out extras, yet {reason}")
    pytest.skip(reason)


def _env() -> dict[str, str]:
    """This checkout's factcheck, whatever the current folder."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _factcheck(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd,
                          capture_output=True, check=False, timeout=300, env=_env())


def _run_recipe(engine: str, tmp_path: Path, generated_corpus) -> tuple[Path, list[str]]:
    archive = Path(generated_corpus(CLAIMS))
    archive.rename(tmp_path / "archive")
    script = tmp_path / f"{engine}_recipe.py"
    script.write_text(recipe(engine), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True,
                          check=False, timeout=600, env=_env())
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-4000:]
    shards = sorted(glob.glob(str(tmp_path / "reports" / "shard-*.json")))
    assert len(shards) == 2, shards
    return tmp_path, [os.path.relpath(s, tmp_path) for s in shards]


def _same_as_one_run(cwd: Path, shards: list[str]) -> None:
    for fmt in ("json", "text"):
        merged = _factcheck(cwd, "merge", *shards, "--format", fmt)
        one = _factcheck(cwd, "check", "archive", "--format", fmt, "--jobs", "1")
        assert merged.returncode == one.returncode == 0, merged.stderr + one.stderr
        assert merged.stdout == one.stdout, fmt
    # and a shard less is refused, naming it
    partial = _factcheck(cwd, "merge", *shards[1:])
    assert partial.returncode == 2
    assert b"shard 1 of 2 missing" in partial.stderr, partial.stderr


def test_the_dask_recipe_runs_as_written(tmp_path: Path, generated_corpus) -> None:
    _need("dask", "distributed")
    _same_as_one_run(*_run_recipe("dask", tmp_path, generated_corpus))


def test_the_ray_recipe_runs_as_written(tmp_path: Path, generated_corpus) -> None:
    _need("ray")
    _same_as_one_run(*_run_recipe("ray", tmp_path, generated_corpus))
