"""The hostile-input suite: each entry of cases.yaml run as a real `factcheck` process.

A claim file may come from anyone, so each run must end in time with the stated exit
status and a located message, print no traceback, execute nothing and write nothing
outside its temporary directory. The entries and their fields are described in the
header of cases.yaml.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time
import xml.dom.minidom
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

import casefile
import pytest

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
REPO = HERE.parents[1]
_HOSTILE = os.path.join("tests", "hostile") + os.sep


class HostileCase(NamedTuple):
    """One entry of cases.yaml (its header describes the fields); any other key is an error."""

    name: str
    exit: int
    message: str
    case: str | None = None
    generate: str | None = None
    argv: list[str] | None = None
    forbid: str | None = None
    valid: str | None = None
    existing: dict[str, str] | None = None
    creates: list[str] | None = None
    timeout: float | None = None
    requires: str | None = None


# Typed, then back to the mapping the test reads, without the fields an entry leaves out.
ENTRIES: list[dict[str, Any]] = [
    {k: v for k, v in case._asdict().items() if v is not None}
    for case in casefile.records(HERE / "cases.yaml", casefile.load(HERE / "cases.yaml"),
                                 HostileCase)
]

# Caches that Python and the test tools write themselves, not the command under test.
_IGNORED_DIRS = {".git", "__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache",
                 ".ruff_cache", ".venv", "node_modules"}

_HEADER = """article:
  id: hostile
  title: Hostile input
  published: 2017-11-23
claims:
"""
_FACTS = """article:
  id: hostile
  title: Hostile input
  published: 2017-11-23
sources:
  src:
    title: A source
facts:
  a.x:
    value: 100억 위안
    source: src
  b.y:
    value: 1000 KRW
    source: src
claims:
  - id: c1
    quote: q
"""


# -- generated cases: inputs too large to commit ------------------------------------
def _too_large(tmp: Path) -> Path:
    path = tmp / "05-too-large.yaml"
    padding = "# " + "x" * 1021 + "\n"  # 1 KiB a line
    path.write_text(_HEADER + padding * 2049, "utf-8")
    return path


def _too_many_claims(tmp: Path) -> Path:
    path = tmp / "06-too-many-claims.yaml"
    claims = "".join(f"  - {{id: c{i}, quote: q, kind: compare, expr: 1 > 0}}\n"
                     for i in range(10_001))
    path.write_text(_HEADER + claims, "utf-8")
    return path


def _long_expression(tmp: Path) -> Path:
    path = tmp / "08-long-expression.yaml"
    expr = " + ".join(["a.x"] * 600) + " > 1 CNY"
    path.write_text(_FACTS + f"    kind: compare\n    expr: {expr}\n", "utf-8")
    return path


def _long_value(tmp: Path) -> Path:
    path = tmp / "51-long-value.yaml"
    path.write_text(_FACTS + f"    note: {'n' * 10_001}\n    kind: compare\n"
                    "    expr: a.x > 1 CNY\n", "utf-8")
    return path


def _ten_thousand_digits(tmp: Path) -> Path:
    # 10,000 digits: "0." and 9,998 zeros and a 1, as a convert's stated amount.
    path = tmp / "52-ten-thousand-digits.yaml"
    number = "0." + "0" * 9_998 + "1"
    claim = f"    kind: convert\n    amount: 100억 위안\n    stated: {number} 원\n"
    path.write_text(_FACTS + claim, "utf-8")
    return path


def _five_thousand_digits() -> str:
    # Over Python's 4,300-digit limit for int(str), under every factcheck text limit.
    return "0." + "0" * 5_000 + "1 원 그리고 2 위안\n"


def _digits_text(tmp: Path) -> Path:
    path = tmp / "53-digits.txt"
    path.write_text(_five_thousand_digits(), "utf-8")
    return path


def _comma_run(tmp: Path) -> Path:
    # 48 KB of one long 1,000,000,... number: every comma starts no new reading of it.
    path = tmp / "67-comma-run.txt"
    path.write_text("1" + ",000" * 12_000 + " 2 위안\n", "utf-8")
    return path


def _with_text(tmp: Path, stem: str, text: str, claims: str) -> Path:
    """A claim file ``stem.yaml`` whose article text is ``text``, written beside it."""
    number = stem.split("-", 1)[0]
    (tmp / f"{number}-article.txt").write_text(text, "utf-8")
    path = tmp / f"{stem}.yaml"
    header = _HEADER.replace("claims:\n", f"  text: {number}-article.txt\nclaims:\n")
    path.write_text(header + claims, "utf-8")
    return path


def _article_digits(tmp: Path) -> Path:
    claim = "  - id: c1\n    quote: 2 위안\n    kind: count\n    items: [a]\n    stated: 1\n"
    return _with_text(tmp, "54-article-digits", _five_thousand_digits(), claim)


def _newline_file_name(tmp: Path) -> Path:
    path = tmp / "x\n::error::INJ.yaml"
    path.write_text("article: [1\n", "utf-8")
    return path


def _long_quotes(tmp: Path) -> Path:
    # Quotes of the longest allowed length that are nowhere in a text of that length:
    # the search for the closest passage must stay cheap.
    words = "가나다라마바사아자차카타파하"
    # The same syllables in another order: everything is partly alike, nothing matches.
    claims = "".join(
        f"  - id: c{i}\n    quote: {(words * 200)[i:i + 2000]}\n    kind: count\n"
        "    items: [a]\n    stated: 1\n"
        for i in range(5)
    )
    return _with_text(tmp, "63-long-quotes", (words[::-1] + " ") * 150, claims)


def _symlinks(tmp: Path) -> Path:
    # A pull request can add symbolic links: to a file elsewhere, to a device.
    folder = tmp / "64-links"
    folder.mkdir()
    secret = tmp / "secret.txt"
    secret.write_text("root:x:0:0:the first line of a private file\n", "utf-8")
    try:
        (folder / "p.yaml").symlink_to(secret)
        if os.path.exists("/dev/zero"):
            (folder / "z.yaml").symlink_to("/dev/zero")
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"cannot make symbolic links here: {exc}")
    return folder


def _deep_json(tmp: Path) -> Path:
    path = tmp / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    return path


def _big_article_html(tmp: Path) -> Path:
    # A 1 MiB article and 1,000 claims, each anchored to a sentence of its own: the
    # HTML report must mark them in one pass over the text, not one pass per claim.
    filler = "가" * 340  # 1 KiB of UTF-8 a sentence, with the sentence itself
    text = "\n".join(f"문장 {i}번의 기업은 {i + 1}곳이다. {filler}" for i in range(1000))
    claims = "".join(
        f"  - {{id: c{i}, quote: '문장 {i}번의 기업은 {i + 1}곳', kind: count, items: [a], "
        "stated: 1}\n"
        for i in range(1000)
    )
    return _with_text(tmp, "65-big-article", text, claims)


GENERATORS = {
    "big_article_html": _big_article_html,
    "symlinks": _symlinks,
    "long_quotes": _long_quotes,
    "newline_file_name": _newline_file_name,
    "deep_json": _deep_json,
    "too_large": _too_large,
    "too_many_claims": _too_many_claims,
    "long_expression": _long_expression,
    "long_value": _long_value,
    "ten_thousand_digits": _ten_thousand_digits,
    "digits_text": _digits_text,
    "article_digits": _article_digits,
    "comma_run": _comma_run,
}


# -- snapshots ------------------------------------------------------------------------
def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root``: relative path -> (size, mtime in ns)."""
    found: dict[str, tuple[int, int]] = {}
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in _IGNORED_DIRS and not d.endswith(".egg-info")]
        for name in files:
            full = os.path.join(dirpath, name)
            try:
                st = os.lstat(full)
            except FileNotFoundError:  # removed meanwhile by someone else
                continue
            found[os.path.relpath(full, root)] = (st.st_size, st.st_mtime_ns)
    return found


# -- what stdout must parse as -----------------------------------------------------------
_RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A link within the page (the report's own anchors) is no way out of it.
        if tag != "a" or not str(dict(attrs).get("href") or "").startswith("#"):
            self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").lower():
                self.bad.append(f"<{tag} {name}={value!r}>")


def _check_valid(kind: str, out: str) -> None:
    if kind == "json":
        json.loads(out)
        return
    if kind == "xml":
        xml.dom.minidom.parseString(out.encode("utf-8"))
        assert not _RAW_CONTROLS.search(out), "raw control characters in the XML report"
        return
    assert not _RAW_CONTROLS.search(out), f"raw control characters in the {kind} report"
    if kind == "html":
        parser = _Tags()
        parser.feed(out)
        assert not parser.bad, parser.bad
        unsafe = {"script", "img", "iframe", "a", "b", "object", "embed"}
        assert not parser.tags & unsafe, parser.tags
        return
    if kind == "markdown":
        assert "<script" not in out and "<img" not in out
        header_cells = None
        for line in out.splitlines():
            if not line.startswith("|"):
                header_cells = None
                continue
            # Every row of a table has as many unescaped '|' as its header row.
            cells = len(re.split(r"(?<!\\)\|", line))
            header_cells = header_cells or cells
            assert cells == header_cells, f"a table row whose cells were split: {line!r}"
        return
    raise AssertionError(f"unknown 'valid' kind {kind!r} in cases.yaml")


# -- the test ------------------------------------------------------------------------------
def _limit_memory() -> None:
    # A regression (reading /dev/zero whole, say) must fail here, not swap the machine.
    import resource

    limit = 4 * 1024**3
    # macOS refuses RLIMIT_AS; the timeout still holds there.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _argv(entry: dict[str, Any], case: str, tmp: Path) -> list[str]:
    argv = entry.get("argv", ["check", "{case}"])
    return [str(a).replace("{case}", case).replace("{tmp}", str(tmp)) for a in argv]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["name"] for e in ENTRIES])
def test_hostile_input(entry: dict[str, Any], tmp_path: Path) -> None:
    if "requires" in entry and not os.path.exists(entry["requires"]):
        pytest.skip(f"{entry['requires']} does not exist on this system")
    home, tmpdir = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmpdir.mkdir()
    if "generate" in entry:
        case = str(GENERATORS[entry["generate"]](tmp_path))
    else:
        case = str(CASES / entry["case"]) if "case" in entry else ""
    for name, content in entry.get("existing", {}).items():
        (tmp_path / name).write_text(content, "utf-8")
    before_tmp = _tree(tmp_path)
    before_repo = _tree(REPO)
    env = {
        **os.environ,
        "HOME": str(home),
        "TMPDIR": str(tmpdir),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "PYTHONDONTWRITEBYTECODE": "1",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    env.pop("FORCE_COLOR", None)
    timeout = float(entry.get("timeout", 10))
    started = time.monotonic()
    window = [time.time_ns()]
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", *_argv(entry, case, tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        # A hard stop well past the case's time, so that a hang cannot stall the suite;
        # the case's own time is asserted below, where a slow run fails with its time.
        timeout=3 * timeout,
        preexec_fn=_limit_memory if os.name == "posix" else None,
    )
    elapsed = time.monotonic() - started
    window.append(time.time_ns())
    out = proc.stdout + "\n" + proc.stderr
    flat = re.sub(r"\s+", " ", out)

    assert "Traceback" not in out, out
    assert "internal error" not in out, out
    assert proc.returncode == entry["exit"], out
    assert re.search(entry["message"], flat), f"{entry['message']!r} not in:\n{out}"
    if "forbid" in entry:
        assert not re.search(entry["forbid"], out, re.MULTILINE), out
    if "valid" in entry:
        _check_valid(entry["valid"], proc.stdout)
    assert elapsed < timeout, f"took {elapsed:.1f} s, more than the case's {timeout:g} s"

    after_tmp = _tree(tmp_path)
    allowed = set(entry.get("creates", []))
    created = {p for p in set(after_tmp) - set(before_tmp)
               if p not in allowed and not p.startswith(("home" + os.sep, "tmp" + os.sep,
                                                         ".factcheck_cache" + os.sep))}
    assert not created, f"files created in the working folder: {sorted(created)}"
    for name in entry.get("existing", {}):
        if name not in allowed:
            assert after_tmp.get(name) == before_tmp[name], f"{name} was changed"
    for name in allowed:
        assert (tmp_path / name).is_file(), f"{name} was not written"
    leftovers = [p for p in after_tmp if os.path.basename(p).startswith(".factcheck-")]
    assert not leftovers, f"temporary files left behind: {leftovers}"
    # The command was given absolute paths and ran elsewhere, so a file that appears in
    # the repository during the run, or any change to this suite's folder, is a finding.
    # (Edits to existing files elsewhere are left out: people work here meanwhile.)
    after_repo = _tree(REPO)
    changed = {p for p, (_, mtime) in after_repo.items()
               if (p not in before_repo and window[0] <= mtime <= window[1])
               or (p.startswith(_HOSTILE) and before_repo.get(p) != after_repo[p])}
    changed |= {p for p in before_repo if p.startswith(_HOSTILE) and p not in after_repo}
    assert not changed, f"files written in the repository: {sorted(changed)}"


def test_there_are_enough_cases() -> None:
    files = {e["case"] for e in ENTRIES if "case" in e} | {e["generate"] for e in ENTRIES
                                                           if "generate" in e}
    assert len(files) >= 30
    on_disk = {p.name for p in CASES.iterdir()}
    assert {e["case"] for e in ENTRIES if "case" in e} <= on_disk
    assert on_disk <= {e["case"] for e in ENTRIES if "case" in e}, "a case file without an entry"


def test_names_are_unique() -> None:
    names = [e["name"] for e in ENTRIES]
    assert len(names) == len(set(names))
