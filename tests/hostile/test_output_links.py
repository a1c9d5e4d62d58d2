"""``--output LINK`` writes where the link leads, as a shell redirect does, and keeps the link."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factcheck import fileio
from factcheck.cli import main
from factcheck.errors import ClaimFileError


def link(at: Path, to: str) -> Path:
    """A symbolic link ``at`` -> ``to`` (skips where links cannot be made)."""
    try:
        os.symlink(to, at)
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"no symbolic links here: {exc}")
    return at


def test_a_link_to_a_file_stays_a_link_and_the_file_gets_the_report(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("the previous report\n", "utf-8")
    target.chmod(0o640)
    at = link(tmp_path / "latest.txt", "report.txt")
    fileio.write_output("the new report\n", str(at))
    assert os.readlink(at) == "report.txt"
    assert target.read_text("utf-8") == "the new report\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the target's mode is kept
    assert sorted(os.listdir(tmp_path)) == ["latest.txt", "report.txt"]


def test_the_temporary_file_is_made_in_the_target_folder(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # os.replace cannot cross file systems: the temporary file must sit by the target.
    (tmp_path / "reports").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "reports" / "report.txt"
    target.write_text("old\n", "utf-8")
    at = link(tmp_path / "links" / "latest.txt", "../reports/report.txt")
    folders: list[str] = []
    real = fileio.tempfile.mkstemp

    def spy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        folders.append(str(kwargs["dir"]))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fileio.tempfile, "mkstemp", spy)
    fileio.write_output("new\n", str(at))
    assert folders == [os.path.realpath(tmp_path / "reports")]
    assert target.read_text("utf-8") == "new\n" and at.is_symlink()
    assert os.listdir(tmp_path / "links") == ["latest.txt"]


def test_a_dangling_link_creates_its_target_and_stays(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    at = link(tmp_path / "latest.json", "out/report.json")
    fileio.write_output("{}\n", str(at))
    assert os.readlink(at) == "out/report.json"
    assert (tmp_path / "out" / "report.json").read_text("utf-8") == "{}\n"
    assert os.listdir(tmp_path / "out") == ["report.json"]


def test_a_chain_of_links_leads_to_the_last_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", "utf-8")
    first = link(tmp_path / "first", "second")
    link(tmp_path / "second", "report.txt")
    fileio.write_output("new\n", str(first))
    assert (os.readlink(first), os.readlink(tmp_path / "second")) == ("second", "report.txt")
    assert target.read_text("utf-8") == "new\n"
    assert sorted(os.listdir(tmp_path)) == ["first", "report.txt", "second"]


def test_a_dangling_link_into_a_missing_folder_is_our_error(tmp_path: Path) -> None:
    at = link(tmp_path / "latest.txt", "no/such/report.txt")
    with pytest.raises(ClaimFileError) as info:
        fileio.write_output("new\n", str(at))
    assert str(info.value).startswith(f"{at}: cannot write the report: No such file or directory")
    assert os.readlink(at) == "no/such/report.txt"
    assert os.listdir(tmp_path) == ["latest.txt"]


def test_a_loop_of_links_is_refused_and_left_alone(tmp_path: Path) -> None:
    a = link(tmp_path / "a", "b")
    link(tmp_path / "b", "a")
    with pytest.raises(ClaimFileError, match="cannot write the report: Too many levels of "
                                             "symbolic links"):
        fileio.write_output("new\n", str(a))
    assert (os.readlink(a), os.readlink(tmp_path / "b")) == ("b", "a")
    assert sorted(os.listdir(tmp_path)) == ["a", "b"]


def test_a_link_to_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    at = link(tmp_path / "latest", "folder")
    with pytest.raises(ClaimFileError, match="cannot write the report: is a folder"):
        fileio.write_output("new\n", str(at))
    assert at.is_symlink() and os.listdir(tmp_path / "folder") == []


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_a_link_to_a_device_writes_to_it_and_never_renames(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary file and a rename for a device")

    at = link(tmp_path / "sink", "/dev/null")
    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(fileio.os, "replace", refuse)
    fileio.write_output("a report nobody keeps\n", str(at))
    assert os.readlink(at) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_check_output_through_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = tmp_path / "a.yaml"
    claims.write_text("article:\n  id: a\n  title: t\n  published: 2017-11-23\nclaims:\n"
                      "  - id: sum\n    quote: q\n    kind: compare\n    expr: 1 + 2 == 3\n",
                      "utf-8")
    target = tmp_path / "report.json"
    target.write_text("the previous report\n", "utf-8")
    at = link(tmp_path / "latest.json", "report.json")
    assert main(["check", str(claims), "--format", "json", "--output", str(at)]) == 0
    assert at.is_symlink() and '"claims"' in target.read_text("utf-8")
    assert capsys.readouterr().out == ""
