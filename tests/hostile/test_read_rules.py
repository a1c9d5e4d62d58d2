"""What a claim file may name and how deep a claim tree may go, run as real processes.

A claim file comes from anyone: the files it names (``text:``, ``rates:``) must be
regular files inside the folders of the claim paths or a ``--root``, never in the
system trees, and nothing of a refused file may reach the output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

CANARY = "canary-6f1d0b"
_ARTICLE = """article:
  id: a
  title: t
  published: 2017-11-23
{extra}claims:
  - {{id: c1, quote: "{quote}", kind: count, items: [a], stated: 1}}
"""


def run(args: list[str], cwd: Path, *, module: str = "factcheck",
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTCHECK_CANARY": CANARY, "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8",
                          errors="backslashreplace", timeout=timeout)


def claim_file(folder: Path, *, extra: str = "", quote: str = "q") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "a.yaml"
    path.write_text(_ARTICLE.format(extra=extra, quote=quote), "utf-8")
    return path


def test_the_process_environment_is_never_read(tmp_path: Path) -> None:
    up = "../" * 40
    claim_file(tmp_path / "claims", extra=f"  text: {up}proc/self/environ\n",
               quote="FACTCHECK_CANARY=canary-000000")
    for extra in ([], ["--root", "/"]):
        proc = run(["check", *extra, "claims"], tmp_path)
        out = proc.stdout + proc.stderr
        assert CANARY not in out, out
        assert "closest passage" not in out, out
        assert "leads into the system folder '/proc', which claim files may not read" in out
        assert "Traceback" not in out and proc.returncode == 0, out


def test_a_rates_file_in_a_system_tree_is_an_error(tmp_path: Path) -> None:
    claim_file(tmp_path / "claims", extra=f"  rates: {'../' * 40}proc/self/environ\n")
    text = (tmp_path / "claims" / "a.yaml").read_text("utf-8")
    (tmp_path / "claims" / "a.yaml").write_text(text + (
        "  - {id: c2, quote: q, kind: convert, amount: 100억 위안, stated: 약 1조6천억 원}\n"),
        "utf-8")
    proc = run(["check", "claims"], tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    assert "leads into the system folder '/proc'" in out, out
    assert CANARY not in out and "Traceback" not in out, out


def test_a_text_outside_the_claim_folders_needs_a_root(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("the words q and more\n", "utf-8")
    claim_file(tmp_path / "claims", extra="  text: ../texts/a.txt\n", quote="not there")
    refused = run(["check", "claims"], tmp_path)
    assert refused.returncode == 0, refused.stderr
    assert ("claims/a.yaml: '../texts/a.txt' leads outside the folders of the claim files "
            "('claims'); move the file beside the claim files, or name its folder with "
            "--root DIR") in refused.stderr
    assert "the words" not in refused.stdout + refused.stderr
    allowed = run(["check", "--root", "texts", "claims"], tmp_path)
    assert allowed.returncode == 2, allowed.stderr  # the quote is now sought, and missing
    assert "quote of claim 'c1' not found in the article text" in allowed.stdout


def test_a_link_inside_the_tree_to_a_file_outside_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(f"token={CANARY}\n", "utf-8")
    claim_file(tmp_path / "claims", extra="  text: story.txt\n", quote="token=other")
    try:
        (tmp_path / "claims" / "story.txt").symlink_to(tmp_path / "secret.txt")
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"cannot make symbolic links here: {exc}")
    proc = run(["check", "claims"], tmp_path)
    out = proc.stdout + proc.stderr
    assert "'story.txt' leads outside the folders of the claim files" in out, out
    assert CANARY not in out


def test_ids_and_names_with_a_final_newline_are_refused(tmp_path: Path) -> None:
    claim_file(tmp_path / "claims", extra=(
        'sources:\n  "src\\n":\n    title: s\nfacts:\n  "a.x\\n":\n    value: 5\n'
        '    source: "src\\n"\n'))
    proc = run(["check", "claims"], tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert ("claims/a.yaml:6:3: source id 'src\\n' is not valid; use letters, digits, '_', "
            "'.' and '-'") in proc.stdout
    assert "claims/a.yaml:9:3: fact name 'a.x\\n' is not a dotted name" in proc.stdout


def _deep_tree(root: Path, depth: int) -> None:
    # os.makedirs recurses once per level; a loop does not.
    here = root / "claims"
    here.mkdir()
    fd = os.open(here, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out = os.open("a.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, _ARTICLE.format(extra="", quote="q").encode())
        os.close(out)
    finally:
        os.close(fd)


def _remove_deep_tree(root: Path, depth: int) -> None:
    # shutil.rmtree (and so pytest's clean-up of old temporary folders) recurses too.
    folders = [root / "claims" / os.path.join(*["d"] * n) for n in range(depth, 0, -1)]
    for folder in folders:
        if folder.is_dir():
            for name in os.listdir(folder):
                if not (folder / name).is_dir():
                    (folder / name).unlink()
            folder.rmdir()


@pytest.fixture
def deep_tree():  # type: ignore[no-untyped-def]
    # Outside pytest's numbered temporary folders, whose clean-up would recurse into it.
    root = Path(tempfile.mkdtemp(prefix="factcheck-deep-"))
    try:
        _deep_tree(root, 1200)
        yield root
    finally:
        _remove_deep_tree(root, 1200)
        shutil.rmtree(root)


def test_a_claim_tree_1200_folders_deep_is_reported_not_crashed_on(deep_tree: Path) -> None:
    tmp_path = deep_tree
    message = "folders nested more than 100 deep (MAX_TREE_DEPTH); its claim files are not read"
    check = run(["check", "claims"], tmp_path)
    assert check.returncode == 2 and message in check.stdout, check.stdout + check.stderr
    plugin = run(["-p", "no:cacheprovider", "-q", "--claims", "claims"], tmp_path,
                 module="pytest")
    out = plugin.stdout + plugin.stderr
    assert "INTERNALERROR" not in out, out[-3000:]
    assert message in out, out[-3000:]
    assert plugin.returncode == pytest.ExitCode.USAGE_ERROR, out[-3000:]
