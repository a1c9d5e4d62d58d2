"""A cache entry is never trusted: corrupt, truncated, oversized, tampered, misplaced or odd
entries are ignored and recomputed; links in the cache's path are refused or not followed."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.cache import store
from factcheck.cli import main
from tests.cache import corpus


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", "claims", "-f", "json", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def entries(root: Path) -> list[Path]:
    return sorted((root / ".factcheck_cache" / store.LAYOUT).glob("*/*.json"))


def reseal(payload: bytes) -> bytes:
    """An entry whose digest matches its (changed) payload: only the checks of content stop it."""
    return hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def edit_findings(path: Path, change: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    data = json.loads(path.read_bytes().split(b"\n", 1)[1])
    change(data)
    path.write_bytes(reseal(json.dumps(data, ensure_ascii=False).encode()))


def _with_findings(path: Path) -> Path:
    return next(p for p in entries(path) if b'"findings":[[' in p.read_bytes())


def _set_row(index: int, value: object) -> Callable[[dict], None]:  # type: ignore[type-arg]
    def change(data: dict) -> None:  # type: ignore[type-arg]
        for row in data["findings"][:1]:  # entries of fact files have none
            row[index] = value
    return change


TAMPERED: list[tuple[str, Callable[[Path], None]]] = [
    ("a flipped byte", lambda p: p.write_bytes(p.read_bytes().replace(b"holds", b"h0lds", 1))),
    ("truncated", lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2])),
    ("empty", lambda p: p.write_bytes(b"")),
    ("not JSON, resealed", lambda p: p.write_bytes(reseal(b"\x80\x04K\x01."))),  # a pickle
    ("a verdict no check gives", lambda p: edit_findings(p, _set_row(6, "pwned"))),
    ("a line that is text", lambda p: edit_findings(p, _set_row(2, "12"))),
    ("a line that is true", lambda p: edit_findings(p, _set_row(2, True))),
    ("details as a list", lambda p: edit_findings(p, _set_row(10, []))),
    ("a short row", lambda p: edit_findings(p, lambda d: [r.pop() for r in d["findings"][:1]])),
    ("a huge number", lambda p: edit_findings(p, _set_row(2, 10**50))),
    ("another file's entry", lambda p: edit_findings(p, lambda d: d.update(file="other.yaml"))),
    ("another content's entry", lambda p: edit_findings(p, lambda d: d.update(sha256="0" * 64))),
    ("a rate that is text",
     lambda p: edit_findings(p, lambda d: [b["reference"].update(rate="1e999999")
                                           for b in d["rates"] if b.get("reference")])),
    ("a summary with a number", lambda p: edit_findings(p, lambda d: d["summary"].update(
        claims=[1]))),
]


@pytest.mark.parametrize(("name", "tamper"), TAMPERED, ids=[t[0] for t in TAMPERED])
def test_a_bad_entry_is_ignored_and_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], name: str,
                                               tamper: Callable[[Path], None]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    clean = check(capsys)
    for path in entries(tmp_path):
        if name != "a rate that is text" or b'"reference":{' in path.read_bytes():
            tamper(path)
    assert check(capsys) == clean
    # ... and stored again, intact: the next run takes it from the cache.
    assert check(capsys) == clean
    for path in entries(tmp_path):
        head, payload = path.read_bytes().split(b"\n", 1)
        assert hashlib.sha256(payload).hexdigest().encode() == head


def test_tampering_that_the_checks_let_through_would_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The control of the tests above: a well-formed resealed entry is taken as it is, so
    they pass because each check refused the entry, not because entries are never read."""
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    clean = check(capsys)
    edit_findings(_with_findings(tmp_path), _set_row(8, "a message from the cache"))
    assert "a message from the cache" in check(capsys)[1]
    assert "a message from the cache" not in clean[1]


def test_an_oversized_entry_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    clean = check(capsys)
    edit_findings(_with_findings(tmp_path), _set_row(8, "x" * 5000))
    monkeypatch.setattr(store, "MAX_ENTRY_BYTES", 4000)
    assert check(capsys) == clean


@pytest.mark.parametrize("odd", ["a link to /dev/zero", "a pipe", "a folder"])
def test_an_entry_that_is_not_a_regular_file_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        odd: str) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    clean = check(capsys)
    for path in entries(tmp_path):
        path.unlink()
        if odd == "a pipe":
            os.mkfifo(path)
        elif odd == "a folder":
            path.mkdir()
        else:
            path.symlink_to("/dev/zero")
    assert check(capsys) == clean  # neither hangs nor reads without end


def test_a_cache_folder_that_is_a_link_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / ".factcheck_cache").symlink_to(tmp_path / "elsewhere")
    code, out, err = check(capsys)
    assert code == 2 and out == ""
    assert err.startswith("factcheck: .factcheck_cache: '.factcheck_cache' is a symbolic link")
    assert "the cache is not written through it" in err and "--follow-links" in err
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert check(capsys, "--follow-links") == check(capsys, "--no-cache")
    assert (tmp_path / "elsewhere/CACHEDIR.TAG").is_file()


def test_a_link_planted_inside_the_cache_is_not_written_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    clean = check(capsys)
    layout = tmp_path / ".factcheck_cache" / store.LAYOUT
    (tmp_path / "target").mkdir()
    for folder in layout.iterdir():
        for entry in folder.iterdir():
            entry.unlink()
        folder.rmdir()
        folder.symlink_to(tmp_path / "target")
    assert check(capsys) == clean
    assert list((tmp_path / "target").iterdir()) == []


def test_the_cache_stays_under_its_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    check(capsys)
    used = {p.name for p in entries(tmp_path)}
    corpus.replace(tmp_path / "claims/facts.yaml", "500亿元", "650亿元")  # every key changes
    size = sum(p.stat().st_size for p in entries(tmp_path))
    monkeypatch.setattr(store, "MAX_CACHE_BYTES", size + 100)
    check(capsys)
    left = {p.name for p in entries(tmp_path)}
    assert sum(p.stat().st_size for p in entries(tmp_path)) <= size + 100
    assert left and len(left & used) < len(used), "older entries were removed first"
