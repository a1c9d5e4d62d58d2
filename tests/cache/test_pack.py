"""A run that adds a few entries to a large pack appends their lines; the pack is written
afresh once an eighth of it would be lines no run reads, or when it is not the file read."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck.cache import store

SECRET = b"s" * 32


def key(n: int) -> str:
    return f"{n:064x}"


def run(folder: Path, read: range, written: dict[int, bytes]) -> dict[int, bytes | None]:
    """One run: what it reads of the entries ``read`` (their heads), then ``written`` kept."""
    pack = store.Store(str(folder), "setting", SECRET)
    heads = {n: pack.read(key(n)) for n in read}
    for n, head in written.items():
        pack.write(key(n), head, b"rest of " + head)
    pack.save()
    return heads


def path(folder: Path) -> Path:
    return folder / store.LAYOUT / "setting.pack"


def test_entries_added_are_appended_and_read_back(tmp_path: Path) -> None:
    run(tmp_path, range(0), {n: b'{"n":%d}' % n for n in range(20)})
    first = path(tmp_path).read_bytes()
    assert len(first.splitlines()) == 20
    run(tmp_path, range(20), {20: b'{"n":20}', 3: b'{"n":"3 again"}'})
    after = path(tmp_path).read_bytes()
    assert after.startswith(first) and len(after.splitlines()) == 22
    heads = run(tmp_path, range(21), {})
    assert heads[3] == b'{"n":"3 again"}', "a later line of a key stands for it"
    assert heads[20] == b'{"n":20}'
    assert all(heads[n] == b'{"n":%d}' % n for n in range(21) if n != 3)
    assert path(tmp_path).read_bytes() == after, "a run that adds nothing writes nothing"


def test_a_pack_without_its_last_newline_gets_its_lines_on_lines_of_their_own(
        tmp_path: Path) -> None:
    run(tmp_path, range(0), {n: b'{"n":%d}' % n for n in range(20)})
    path(tmp_path).write_bytes(path(tmp_path).read_bytes().rstrip(b"\n"))
    run(tmp_path, range(20), {20: b'{"n":20}'})
    heads = run(tmp_path, range(21), {})
    assert all(heads[n] == b'{"n":%d}' % n for n in range(21))


def test_past_an_eighth_of_lines_no_run_reads_the_pack_is_written_afresh(
        tmp_path: Path) -> None:
    run(tmp_path, range(0), {n: b'{"n":%d}' % n for n in range(20)})
    run(tmp_path, range(18), {20: b'{"n":20}'})  # two of twenty-one left unread: appended
    assert len(path(tmp_path).read_bytes().splitlines()) == 21
    run(tmp_path, range(16), {21: b'{"n":21}'})  # five of twenty-two: written afresh
    assert len(path(tmp_path).read_bytes().splitlines()) == 17
    heads = run(tmp_path, range(22), {})
    assert [n for n, head in heads.items() if head is not None] == [*range(16), 21]


def test_lines_that_do_not_verify_count_as_unread(tmp_path: Path) -> None:
    run(tmp_path, range(0), {n: b'{"n":%d}' % n for n in range(20)})
    data = path(tmp_path).read_bytes()
    path(tmp_path).write_bytes(data.replace(b'{"n":1', b'{"n":9'))  # 1 and 10-19
    run(tmp_path, range(20), {})
    assert path(tmp_path).read_bytes().count(b"\n") == 9, "written afresh, intact lines only"


def test_a_pack_replaced_since_it_was_read_is_not_appended_to(tmp_path: Path) -> None:
    run(tmp_path, range(0), {n: b'{"n":%d}' % n for n in range(20)})
    first = path(tmp_path).read_bytes()
    pack = store.Store(str(tmp_path), "setting", SECRET)
    assert all(pack.read(key(n)) is not None for n in range(20))
    # Another run wrote the pack meanwhile: the same size, other bytes.
    other = tmp_path / "other.pack"
    other.write_bytes(b"\n".join(reversed(first.splitlines())) + b"\n")
    os.replace(other, path(tmp_path))
    pack.write(key(20), b'{"n":20}', b"rest of {\"n\":20}")
    pack.save()
    assert path(tmp_path).read_bytes().startswith(first), "this run's pack, written afresh"


def test_a_pack_that_became_a_link_is_not_appended_through(tmp_path: Path) -> None:
    run(tmp_path, range(0), {n: b'{"n":%d}' % n for n in range(20)})
    pack = store.Store(str(tmp_path), "setting", SECRET)
    assert pack.read(key(0)) is not None
    target = tmp_path / "target"
    target.write_bytes(path(tmp_path).read_bytes())
    before = target.read_bytes()
    path(tmp_path).unlink()
    path(tmp_path).symlink_to(target)
    pack.write(key(20), b'{"n":20}', b"rest")
    pack.save()
    assert target.read_bytes() == before
    assert not path(tmp_path).is_symlink()
