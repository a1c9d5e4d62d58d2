"""The installation's built data: read back only as written by this user, for this stamp."""

from __future__ import annotations

import json
import os

import pytest

from factcheck.cache import built, seal

STAMP = "a" * 64
PARTS = {"2017": b"2017-11-23,1.1,2.2\n2017-11-22,1.0,2.0", "2016": b"2016-01-04,9", "e": b""}


def _stored() -> str:
    built.store("data", STAMP, {"header": ["", "KRW"]}, PARTS)
    return built._path("data", STAMP)


def test_what_is_stored_reads_back() -> None:
    _stored()
    found = built.load("data", STAMP, 1 << 20)
    assert found is not None
    assert found.meta == {"header": ["", "KRW"]}
    assert found.names() == ["2017", "2016", "e"]
    assert {name: found.part(name) for name in found.names()} == PARTS
    assert found.part("1999") is None


def test_another_stamp_or_name_is_absent() -> None:
    path = _stored()
    assert built.load("data", "b" * 64, 1 << 20) is None
    assert built.load("other", STAMP, 1 << 20) is None
    # a file named for a stamp holds only that stamp's data
    os.replace(path, built._path("data", "a" * 32 + "b" * 32))
    assert built.load("data", "a" * 32 + "b" * 32, 1 << 20) is None


def test_installations_keep_their_own_files_up_to_a_bound() -> None:
    stamps = [f"{n:032x}" * 2 for n in range(built.KEEP + 3)]
    for n, stamp in enumerate(stamps):
        built.store("data", stamp, n, {})
        os.utime(built._path("data", stamp), ns=(n, n))  # the order they were written in
    built.store("other", STAMP, "x", {})
    kept = [stamp for stamp in stamps if built.load("data", stamp, 1 << 20) is not None]
    assert kept == stamps[-built.KEEP:]
    assert built.load("other", STAMP, 1 << 20) is not None


def test_a_file_in_use_stays_among_the_newest() -> None:
    stamps = [f"{n:032x}" * 2 for n in range(built.KEEP)]
    for n, stamp in enumerate(stamps):
        built.store("data", stamp, n, {})
        os.utime(built._path("data", stamp), ns=(n, n))  # written long ago, oldest first
    assert built.load("data", stamps[0], 1 << 20) is not None  # read back: in use now
    built.store("data", "f" * 64, "new", {})  # one more than KEEP: the oldest goes
    kept = [stamp for stamp in stamps if built.load("data", stamp, 1 << 20) is not None]
    assert kept == [stamps[0], *stamps[2:]]


def test_a_file_larger_than_the_limit_is_absent() -> None:
    path = _stored()
    assert built.load("data", STAMP, os.path.getsize(path) - 1) is None
    assert built.load("data", STAMP, os.path.getsize(path)) is not None


def test_an_index_changed_after_sealing_is_absent() -> None:
    path = _stored()
    with open(path, "rb") as fh:
        data = fh.read()
    changed = data.replace(b'"KRW"', b'"USD"', 1)
    assert changed != data
    with open(path, "wb") as fh:
        fh.write(changed)
    assert built.load("data", STAMP, 1 << 20) is None


def test_data_sealed_with_another_secret_is_absent() -> None:
    _stored()
    key = os.path.join(seal.folder(), "seal.key")
    with open(key, "wb") as fh:
        fh.write(b"\x01" * seal.SECRET_BYTES)
    seal.secret.cache_clear()
    assert built.load("data", STAMP, 1 << 20) is None


def test_a_changed_part_is_refused_and_the_others_still_read() -> None:
    path = _stored()
    with open(path, "rb") as fh:
        data = fh.read()
    with open(path, "wb") as fh:
        fh.write(data.replace(b"2016-01-04,9", b"2016-01-04,8"))
    found = built.load("data", STAMP, 1 << 20)
    assert found is not None
    assert found.part("2016") is None
    assert found.part("2017") == PARTS["2017"]


def test_a_truncated_body_is_refused_part_by_part() -> None:
    path = _stored()
    with open(path, "rb") as fh:
        data = fh.read()
    with open(path, "wb") as fh:
        fh.write(data[:-3])
    found = built.load("data", STAMP, 1 << 20)
    assert found is not None
    assert found.part("2016") is None
    assert found.part("2017") == PARTS["2017"]


def test_a_file_others_may_write_or_a_link_is_absent(tmp_path) -> None:
    path = _stored()
    os.chmod(path, 0o622)
    assert built.load("data", STAMP, 1 << 20) is None
    os.chmod(path, 0o600)
    assert built.load("data", STAMP, 1 << 20) is not None
    moved = str(tmp_path / "elsewhere")
    os.replace(path, moved)
    os.symlink(moved, path)
    assert built.load("data", STAMP, 1 << 20) is None


@pytest.mark.parametrize("index", [
    {"name": "data", "stamp": STAMP, "meta": 1, "parts": [["x", -1, 0, "0" * 64]]},
    {"name": "data", "stamp": STAMP, "meta": 1, "parts": [["x", 0, 0, "0" * 63]]},
    {"name": "data", "stamp": STAMP, "meta": 1, "parts": [["x", 0, 0, "G" * 64]]},
    {"name": "data", "stamp": STAMP, "meta": 1, "parts": [["x", 0, True, "0" * 64]]},
    {"name": "data", "stamp": STAMP, "meta": 1,
     "parts": [["x", 0, 0, "0" * 64], ["x", 0, 0, "0" * 64]]},
    {"name": "data", "stamp": STAMP, "meta": 1, "parts": {"x": [0, 0, "0" * 64]}},
    {"name": "data", "stamp": STAMP, "meta": 1},
    {"name": "data", "stamp": STAMP, "meta": 1, "parts": [], "more": 1},
    ["data", STAMP],
])
def test_a_sealed_index_of_the_wrong_shape_is_absent(index: object) -> None:
    """Sealed by this user's factcheck and still checked: a layout change or a bug must
    not turn into a crash or a read outside the body."""
    key = seal.secret()
    assert key is not None
    line = json.dumps(index).encode("ascii")
    path = built._path("data", STAMP)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(f"{built.LAYOUT} {built._seal(key, line)}\n".encode("ascii") + line + b"\n")
    os.chmod(path, 0o600)
    assert built.load("data", STAMP, 1 << 20) is None


def test_nothing_is_kept_where_the_folder_cannot_be_written(monkeypatch, tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    seal.secret.cache_clear()
    built.store("data", STAMP, {}, PARTS)  # no secret can be made: nothing happens
    assert built.load("data", STAMP, 1 << 20) is None
