"""What the command line says when it cannot go on: a missing output folder, --debug."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.cli import main

HOSTILE_DIR = "::warning file=x::owned\x1b[31m"


def test_draft_into_a_missing_folder_names_the_folder_and_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "a.txt"
    text.write_text("상하이는 1000억 위안을 투자한다.\n", "utf-8")
    out = tmp_path / "missing" / "claims.yaml"
    assert main(["draft", str(text), "--published", "2017-11-23", "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (f"factcheck: {out}: cannot write the claim file: the folder "
                   f"'{tmp_path / 'missing'}' does not exist; create it first (mkdir -p "
                   f"{tmp_path / 'missing'}), or give a path in a folder that exists\n")
    assert not (tmp_path / "missing").exists()


def test_output_under_a_file_says_it_is_a_file(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "old.txt").write_text("x", "utf-8")
    claims = tmp_path / "c.yaml"
    claims.write_text("article: {id: a, title: t, published: 2017-11-23}\nclaims: []\n", "utf-8")
    assert main(["check", str(claims), "--output", str(tmp_path / "old.txt" / "r.txt")]) == 2
    assert f"'{tmp_path / 'old.txt'}' is a file, not a folder" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["draft", "check"])
def test_debug_tracebacks_go_through_the_terminal_escape(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    out = tmp_path / HOSTILE_DIR / "r.yaml"
    text = tmp_path / "a.txt"
    text.write_text("상하이는 1000억 위안을 투자한다.\n", "utf-8")
    claims = tmp_path / "c.yaml"
    claims.write_text("article: {id: a, title: t, published: 2017-11-23}\nclaims: []\n", "utf-8")
    argv = (["draft", str(text), "--published", "2017-11-23"] if command == "draft"
            else ["check", str(claims)])
    assert main(["--debug", *argv, "--output", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Traceback (most recent call last):" in err
    assert "ClaimFileError" in err and "does not exist" in err
    assert "\x1b" not in err and "::warning" not in err
    assert not any(line.startswith("::") for line in err.splitlines())
    assert "\\u001b[31m" in err  # shown, not obeyed
