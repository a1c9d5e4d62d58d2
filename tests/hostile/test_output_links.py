"""``--output`` refuses a symbolic link unless ``--follow-links``; then it writes where the
link leads, as a shell redirect does, and keeps the link."""

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
    fileio.write_output("the new report\n", str(at), follow_links=True)
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
    fileio.write_output("new\n", str(at), follow_links=True)
    assert folders == [os.path.realpath(tmp_path / "reports")]
    assert target.read_text("utf-8") == "new\n" and at.is_symlink()
    assert os.listdir(tmp_path / "links") == ["latest.txt"]


def test_a_dangling_link_creates_its_target_and_stays(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    at = link(tmp_path / "latest.json", "out/report.json")
    fileio.write_output("{}\n", str(at), follow_links=True)
    assert os.readlink(at) == "out/report.json"
    assert (tmp_path / "out" / "report.json").read_text("utf-8") == "{}\n"
    assert os.listdir(tmp_path / "out") == ["report.json"]


def test_a_chain_of_links_leads_to_the_last_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", "utf-8")
    first = link(tmp_path / "first", "second")
    link(tmp_path / "second", "report.txt")
    fileio.write_output("new\n", str(first), follow_links=True)
    assert (os.readlink(first), os.readlink(tmp_path / "second")) == ("second", "report.txt")
    assert target.read_text("utf-8") == "new\n"
    assert sorted(os.listdir(tmp_path)) == ["first", "report.txt", "second"]


def test_a_dangling_link_into_a_missing_folder_is_our_error(tmp_path: Path) -> None:
    at = link(tmp_path / "latest.txt", "no/such/report.txt")
    with pytest.raises(ClaimFileError) as info:
        fileio.write_output("new\n", str(at), follow_links=True)
    assert str(info.value).startswith(
        f"{at}: cannot write the report: the folder '{tmp_path / 'no/such'}' does not exist; "
        f"create it first (mkdir -p {tmp_path / 'no/such'})")
    assert os.readlink(at) == "no/such/report.txt"
    assert os.listdir(tmp_path) == ["latest.txt"]


def test_a_loop_of_links_is_refused_and_left_alone(tmp_path: Path) -> None:
    a = link(tmp_path / "a", "b")
    link(tmp_path / "b", "a")
    with pytest.raises(ClaimFileError, match="cannot write the report: Too many levels of "
                                             "symbolic links"):
        fileio.write_output("new\n", str(a), follow_links=True)
    assert (os.readlink(a), os.readlink(tmp_path / "b")) == ("b", "a")
    assert sorted(os.listdir(tmp_path)) == ["a", "b"]


def test_a_link_to_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    at = link(tmp_path / "latest", "folder")
    with pytest.raises(ClaimFileError, match="cannot write the report: is a folder"):
        fileio.write_output("new\n", str(at), follow_links=True)
    assert at.is_symlink() and os.listdir(tmp_path / "folder") == []


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_a_link_to_a_device_writes_to_it_and_never_renames(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary file and a rename for a device")

    at = link(tmp_path / "sink", "/dev/null")
    monkeypatch.setattr(fileio.tempfile, "mkstemp", refuse)
    monkeypatch.setattr(fileio.os, "replace", refuse)
    fileio.write_output("a report nobody keeps\n", str(at), follow_links=True)
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
    assert main(["check", str(claims), "--format", "json", "--output", str(at),
                 "--follow-links"]) == 0
    assert at.is_symlink() and '"claims"' in target.read_text("utf-8")
    assert capsys.readouterr().out == ""


# -- without --follow-links, a link is refused ----------------------------------------
_CLAIMS = ("article:\n  id: a\n  title: t\n  published: 2017-11-23\nclaims:\n"
           "  - id: sum\n    quote: q\n    kind: compare\n    expr: 1 + 2 == 3\n")


@pytest.mark.parametrize("command", [
    ["check", "{claims}", "--format", "sarif"], ["check", "{claims}", "--format", "html"],
    ["coverage", "{claims}", "--article", "{claims}"], ["schema"],
    ["extract", "{claims}"], ["draft", "{claims}", "--published", "2017-11-23", "--force"],
])
def test_a_committed_link_is_not_written_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str],
                                                 command: list[str]) -> None:
    # A pull request commits factcheck.sarif as a link to a file outside the checkout.
    checkout, outside = tmp_path / "checkout", tmp_path / "home"
    checkout.mkdir()
    outside.mkdir()
    secret = outside / ".bashrc"
    secret.write_text("the user's own file\n", "utf-8")
    (checkout / "a.yaml").write_text(_CLAIMS, "utf-8")
    link(checkout / "factcheck.out", str(secret))
    monkeypatch.chdir(checkout)
    argv = [a.replace("{claims}", "a.yaml") for a in command]
    assert main([*argv, "--output", "factcheck.out"]) == 2
    err = capsys.readouterr().err
    assert "factcheck.out: 'factcheck.out' is a symbolic link (to " in err
    assert "--follow-links" in err
    assert secret.read_text("utf-8") == "the user's own file\n"
    assert os.listdir(outside) == [".bashrc"]
    assert sorted(os.listdir(checkout)) == ["a.yaml", "factcheck.out"]


def test_a_committed_folder_link_is_not_written_through(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    checkout, outside = tmp_path / "checkout", tmp_path / "elsewhere"
    checkout.mkdir()
    outside.mkdir()
    (checkout / "a.yaml").write_text(_CLAIMS, "utf-8")
    link(checkout / "reports", str(outside))
    monkeypatch.chdir(checkout)
    assert main(["check", "a.yaml", "--output", "reports/factcheck.html"]) == 2
    assert "'reports' is a symbolic link" in capsys.readouterr().err
    assert os.listdir(outside) == []


def test_a_link_above_the_working_folder_is_the_system_s(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # /tmp is a link on some systems: folders above the working folder are not checked.
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "work").mkdir()
    link(tmp_path / "alias", "real")
    monkeypatch.chdir(tmp_path / "alias" / "work")
    fileio.write_output("report\n", str(tmp_path / "alias" / "work" / "out.txt"))
    assert (tmp_path / "real" / "work" / "out.txt").read_text("utf-8") == "report\n"


def test_a_link_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", "utf-8")
    at = link(tmp_path / "latest.txt", "report.txt")
    with pytest.raises(ClaimFileError, match="is a symbolic link") as info:
        fileio.write_output("new\n", str(at))
    assert info.value.code == "io.output-link"
    assert target.read_text("utf-8") == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["latest.txt", "report.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_a_link_to_a_terminal_or_pipe_is_written_to(tmp_path: Path) -> None:
    # /dev/stdout is such a link; a character device is written to, never replaced.
    at = link(tmp_path / "sink", "/dev/null")
    fileio.write_output("a report nobody keeps\n", str(at))
    assert os.readlink(at) == "/dev/null"


def test_new_does_not_edit_a_claim_file_through_a_link(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "elsewhere.yaml"
    target.write_text(_CLAIMS, "utf-8")
    at = link(tmp_path / "a.yaml", str(target))
    assert main(["new", str(at), "--quote", "100억 위안(약 1조6천억 원)"]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert target.read_text("utf-8") == _CLAIMS
