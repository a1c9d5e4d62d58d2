"""A cache entry is read only once its seal verifies: corrupt, truncated, oversized, tampered,
misplaced or odd entries are ignored and recomputed; links in the cache's path are refused
or not followed."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.cache import entry, seal, store
from factcheck.cli import main
from tests.cache import corpus


def check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", "claims", "-f", "json", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def pack(root: Path) -> Path:
    """The one pack a run over the corpus writes."""
    (found,) = (root / ".factcheck_cache" / store.LAYOUT).glob("*.pack")
    return found


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The corpus written in the working folder and checked once: the report every
    tampered run must give again (and the run that fills the cache)."""
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    return check(capsys)


def lines(root: Path) -> list[bytes]:
    return pack(root).read_bytes().splitlines()


HEAD = 64 + 1 + 64 + 1 + 64 + 1  # a line's key and seals, before its head


def reseal(key: bytes, head: bytes, rest: bytes) -> bytes:
    """An entry sealed with this machine's secret, as someone who can read the secret would
    write it: only the checks of content stop it."""
    secret = seal.secret()
    assert secret is not None
    sealed = seal.seal(secret, head)
    return b" ".join([key, sealed, seal.seal(secret, sealed, rest), head + b"\x1e" + rest])


Edit = Callable[[dict], None]  # type: ignore[type-arg]


def edit(change: Edit, only: bytes = b"") -> Callable[[bytes], bytes]:
    """A tampering of each line (holding ``only``): its JSON changed, its seals renewed.
    The data is the head's with the rest's findings and rates, and the findings' details
    (which follow the rest's JSON, each after U+001F) as ``details``: a list of their
    texts."""
    def tamper(line: bytes) -> bytes:
        if only not in line:
            return line
        head, rest = line[HEAD:].split(b"\x1e", 1)
        body, *texts = rest.split(b"\x1f")
        data = json.loads(head)
        data.update(json.loads(body))
        data["details"] = [t.decode() for t in texts]
        change(data)
        texts = [t.encode() for t in data.pop("details")]
        results = {"findings": data.pop("findings"), "rates": data.pop("rates")}
        changed = (_dumps(data), b"\x1f".join([_dumps(results), *texts]))
        return line if changed == (head, rest) else reseal(line[:64], *changed)
    return tamper


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def tamper_pack(root: Path, tamper: Callable[[bytes], bytes]) -> None:
    pack(root).write_bytes(b"\n".join(tamper(line) for line in lines(root)) + b"\n")


def _set_row(name: str, value: object) -> Edit:
    """The field ``name`` of an entry's first finding set to ``value``."""
    def change(data: dict) -> None:  # type: ignore[type-arg]
        for row in data["findings"][:1]:  # entries of fact files have none
            row[entry._ROW.index(name)] = value
    return change


def _set_details(value: str) -> Edit:
    def change(data: dict) -> None:  # type: ignore[type-arg]
        data["details"][:1] = [value]
    return change


# Entries resealed with this machine's secret stand for a bug of ours, not an attack: only
# this code, under this user's secret, seals an entry, so what a sealed entry holds is read
# as written, after the checks of its identity and of the shape the report needs (rows,
# verdicts, places, details) that these cases exercise.
TAMPERED: list[tuple[str, Callable[[bytes], bytes]]] = [
    ("a flipped byte", lambda line: line.replace(b"holds", b"h0lds", 1)),
    ("truncated", lambda line: line[: len(line) // 2]),
    ("empty", lambda line: b""),
    ("a key alone", lambda line: line[:64]),
    ("not JSON, resealed", lambda line: reseal(line[:64], b"\x80\x04K\x01.", b"")),  # a pickle
    ("results not JSON, resealed",
     lambda line: reseal(line[:64], line[HEAD:].split(b"\x1e")[0], b"\x80\x04K\x01.")),
    ("a verdict no check gives", edit(_set_row("verdict", "pwned"))),
    ("a line that is text", edit(_set_row("line", "12"))),
    ("a line that is true", edit(_set_row("line", True))),
    ("a line past any file", edit(_set_row("line", 10**50))),
    ("details as a list", edit(_set_details("[]"))),
    ("details cut short", edit(_set_details('{"a":'))),
    ("details missing", edit(lambda d: d["details"].__delitem__(slice(-1, None)))),
    ("a short row", edit(lambda d: [r.pop() for r in d["findings"][:1]])),
    ("another file's entry", edit(lambda d: d.update(file="other.yaml"))),
    ("another content's entry", edit(lambda d: d.update(sha256="0" * 64))),
    ("a rate block with a key of its own", edit(lambda d: [b.update(x=1) for b in d["rates"]])),
    ("a summary with a number", edit(lambda d: d["summary"].update(claims=[1]))),
    ("NaN", lambda line: line.replace(b'"rate":', b'"rate":NaN,"x":', 1)),
]


@pytest.mark.parametrize(("name", "tamper"), TAMPERED, ids=[t[0] for t in TAMPERED])
def test_a_bad_entry_is_ignored_and_recomputed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str], name: str,
                                               tamper: Callable[[bytes], bytes],
                                               clean: tuple[int, str, str]) -> None:
    before = pack(tmp_path).read_bytes()
    tamper_pack(tmp_path, tamper)
    assert pack(tmp_path).read_bytes() != before, "the tampering changed nothing"
    assert check(capsys) == clean
    # ... and stored again, intact: the next run takes it from the cache.
    assert pack(tmp_path).read_bytes() == before
    assert check(capsys) == clean


def _set_view(change: Edit) -> Edit:
    """``change`` applied to each view (entries of fact files have none)."""
    def apply(data: dict) -> None:  # type: ignore[type-arg]
        if data["view"] is not None:
            change(data["view"])
    return apply


# Tamperings of the view, resealed: the shape the text report needs is checked.
VIEW_TAMPERED: list[tuple[str, Callable[[bytes], bytes]]] = [
    ("a count that is text", edit(_set_view(lambda v: v["counts"].update(holds="1")))),
    ("a count of a verdict no check gives", edit(_set_view(lambda v: v["counts"].update(x=0)))),
    ("a count below zero", edit(_set_view(lambda v: v["counts"].update(error=-1)))),
    ("more unexpected than claims", edit(_set_view(lambda v: v.update(unexpected=99)))),
    ("an error message lost", edit(_set_view(lambda v: v["errors"].append("x")))),
    ("a claim's line lost", edit(_set_view(lambda v: v["text"]["rest"].pop()))),
    ("a block of another shape", edit(_set_view(lambda v: [b.pop() for b in v["text"]["blocks"]]))),
    ("a block's verdict no check gives",
     edit(_set_view(lambda v: [b.__setitem__(0, "pwned") for b in v["text"]["blocks"]]))),
    ("a block's line that is a number",
     edit(_set_view(lambda v: [b[4].append(1) for b in v["text"]["blocks"]]))),
    ("a rate block's lines that are not text",
     edit(_set_view(lambda v: [b.__setitem__(3, "x") for b in v["text"]["rates"]]))),
    ("a view with a key of its own", edit(_set_view(lambda v: v.update(x=1)))),
    ("no view for an article", edit(lambda d: d.update(view=None))),
]


@pytest.fixture
def clean_views(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> tuple[tuple[int, str, str], ...]:
    """The corpus without article texts, its default text report (the run that fills the
    cache, whose later runs build the report of the entries' heads) and its JSON report."""
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    corpus.replace(tmp_path / "claims/a1.yaml", "  text: a1.txt\n", "")
    return check(capsys, "-f", "text"), check(capsys, "--no-cache")


@pytest.mark.parametrize(("name", "tamper"), TAMPERED + VIEW_TAMPERED,
                         ids=[t[0] for t in TAMPERED + VIEW_TAMPERED])
def test_a_bad_entry_is_ignored_by_a_report_of_views_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        name: str, tamper: Callable[[bytes], bytes],
        clean_views: tuple[tuple[int, str, str], ...]) -> None:
    text, whole = clean_views
    before = pack(tmp_path).read_bytes()
    tamper_pack(tmp_path, tamper)
    assert pack(tmp_path).read_bytes() != before, "the tampering changed nothing"
    assert check(capsys, "-f", "text") == text
    # A run that needs the results reads the rest too: a bad one is checked again.
    assert check(capsys) == whole
    assert pack(tmp_path).read_bytes() == before
    assert check(capsys, "-f", "text") == text


def test_a_rest_belongs_to_its_head_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        loads: list[list[str]], clean_views: tuple[tuple[int, str, str], ...]) -> None:
    """Each entry's rest, with its seal, moved to another entry's line: both are sealed
    under this machine's secret, but a rest's seal covers the seal of its own head."""
    text, whole = clean_views
    entries = [line for line in lines(tmp_path) if b'"article":{' in line]
    assert len(entries) == 3
    moved = {line: line[:130] + other[130:HEAD] + line[HEAD:].split(b"\x1e")[0] + b"\x1e"
             + other[HEAD:].split(b"\x1e", 1)[1]
             for line, other in zip(entries, entries[1:] + entries[:1], strict=True)}
    tamper_pack(tmp_path, lambda line: moved.get(line, line))
    assert check(capsys, "-f", "text") == text
    loads.clear()
    assert check(capsys) == whole
    assert sorted(f for files in loads for f in files if "/a" in f) == [
        "claims/a1.yaml", "claims/a2.yaml", "claims/a3.yaml"]


def test_a_view_that_the_checks_let_through_would_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        clean_views: tuple[tuple[int, str, str], ...]) -> None:
    """The control of the tests above: a well-formed resealed view is shown as it is."""
    tamper_pack(tmp_path, edit(_set_view(
        lambda v: v["text"]["rest"].__setitem__(0, "a line from the cache"))))
    assert "a line from the cache" in check(capsys, "-f", "text")[1]
    assert "a line from the cache" not in clean_views[0][1]


def test_tampering_that_the_checks_let_through_would_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        clean: tuple[int, str, str]) -> None:
    """The control of the tests above: a well-formed resealed entry is taken as it is, so
    they pass because each check refused the entry, not because entries are never read."""
    tamper_pack(tmp_path, edit(_set_row("message", "a message from the cache"),
                               b'"findings":[['))
    assert "a message from the cache" in check(capsys)[1]
    assert "a message from the cache" not in clean[1]


def test_a_truncated_pack_keeps_its_intact_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        loads: list[list[str]],
        clean: tuple[int, str, str]) -> None:
    data = pack(tmp_path).read_bytes()
    pack(tmp_path).write_bytes(data[: data.rindex(b"\n", 0, len(data) - 1) + 40])
    loads.clear()
    assert check(capsys) == clean
    assert len(loads[0]) == 1, "only the file whose entry was cut is loaded again"


def test_a_pack_without_its_last_newline_is_read_and_written_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        loads: list[list[str]],
        clean: tuple[int, str, str]) -> None:
    data = pack(tmp_path).read_bytes()
    pack(tmp_path).write_bytes(data.rstrip(b"\n"))
    loads.clear()
    assert check(capsys) == clean
    assert loads == [], "every entry was read"
    corpus.replace(tmp_path / "claims/a3.yaml", "600억", "700억")  # the pack is written again
    changed = check(capsys)
    assert changed != clean
    loads.clear()
    assert check(capsys) == changed
    assert loads == [], "every entry of the pack written was read"


def test_an_oversized_entry_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str],
                                        clean: tuple[int, str, str]) -> None:
    tamper_pack(tmp_path, edit(_set_row("message", "x" * 5000), b'"findings":[['))
    monkeypatch.setattr(store, "MAX_ENTRY_BYTES", 4000)
    assert check(capsys) == clean


def test_an_oversized_pack_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str],
                                       loads: list[list[str]],
                                       clean: tuple[int, str, str]) -> None:
    monkeypatch.setattr(store, "MAX_CACHE_BYTES", pack(tmp_path).stat().st_size - 1)
    loads.clear()
    assert check(capsys) == clean
    assert loads, "nothing was taken from the pack"


@pytest.mark.parametrize("odd", ["a link to /dev/zero", "a pipe", "a folder"])
def test_a_pack_that_is_not_a_regular_file_is_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        odd: str,
        clean: tuple[int, str, str]) -> None:
    path = pack(tmp_path)
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
        capsys: pytest.CaptureFixture[str],
        clean: tuple[int, str, str]) -> None:
    layout = tmp_path / ".factcheck_cache" / store.LAYOUT
    (tmp_path / "target").mkdir()
    pack(tmp_path).unlink()
    layout.rmdir()
    layout.symlink_to(tmp_path / "target")
    assert check(capsys) == clean
    assert list((tmp_path / "target").iterdir()) == []


def test_the_cache_stays_under_its_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    check(capsys)
    first = pack(tmp_path)
    size = first.stat().st_size
    (tmp_path / "bank.csv").write_text(corpus.FILES["claims/rates.csv"], encoding="utf-8")
    check(capsys, "--rates", "bank.csv")  # another setting: a pack of its own
    packs = sorted((tmp_path / ".factcheck_cache" / store.LAYOUT).glob("*.pack"))
    assert len(packs) == 2
    monkeypatch.setattr(store, "MAX_CACHE_BYTES", size + 10)
    corpus.replace(tmp_path / "claims/a3.yaml", "600억", "700억")
    check(capsys)  # writes its pack again, and removes the other setting's
    assert sorted((tmp_path / ".factcheck_cache" / store.LAYOUT).glob("*.pack")) == [first]


# -- entries written elsewhere: a pull request's cache folder ---------------------------
def test_entries_sealed_on_another_machine_are_checked_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        loads: list[list[str]],
        clean: tuple[int, str, str]) -> None:
    """A pack whose entries say what their author wants, sealed with the author's own
    secret (a cache folder committed in a pull request), is not taken on this machine."""
    cold = loads[:]
    tamper_pack(tmp_path, edit(_set_row("message", "a message from the cache"),
                               b'"findings":[['))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "this-machine"))
    seal.secret.cache_clear()
    loads.clear()
    assert check(capsys) == clean
    assert loads == cold, "every file was loaded again, as in a cold run"


def test_entries_sealed_with_a_plain_digest_are_checked_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        clean: tuple[int, str, str]) -> None:
    """Anyone can compute a sha256; a seal needs the secret."""

    def forged(line: bytes) -> bytes:
        payload = line[HEAD:].replace(b"holds", b"contradicted")
        head, rest = payload.split(b"\x1e", 1)
        return b" ".join([line[:64], hashlib.sha256(head).hexdigest().encode(),
                          hashlib.sha256(rest).hexdigest().encode(), payload])

    tamper_pack(tmp_path, forged)
    assert check(capsys) == clean


@pytest.mark.parametrize("place", ["a file", "a world-readable secret", "a link"])
def test_without_a_private_secret_the_cache_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        place: str) -> None:
    monkeypatch.chdir(tmp_path)
    corpus.write(tmp_path)
    clean = check(capsys, "--no-cache")
    home = tmp_path / "home"
    home.mkdir()
    if place == "a file":
        (home / "factcheck").write_text("not a folder")
    else:
        (home / "factcheck").mkdir()
        key = home / "factcheck" / "seal.key"
        if place == "a link":
            (tmp_path / "elsewhere").write_bytes(b"k" * seal.SECRET_BYTES)
            (tmp_path / "elsewhere").chmod(0o600)
            key.symlink_to(tmp_path / "elsewhere")
        else:
            key.write_bytes(b"k" * seal.SECRET_BYTES)
            key.chmod(0o644)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    seal.secret.cache_clear()
    assert seal.secret() is None
    assert check(capsys) == clean
    assert not (tmp_path / ".factcheck_cache").exists(), "nothing was written"


def test_the_installation_memo_is_used_only_while_it_is_intact(machine: str) -> None:
    from factcheck.cache import keys

    first = keys._installation()
    memo = Path(machine) / "factcheck" / "installation.json"
    stamp = json.loads(memo.read_text())["stamp"]
    assert first == keys._contents(keys._own_files(), keys._ecb_path())
    for bad in ("", "{", json.dumps({"stamp": stamp, "digest": "0" * 63}),
                json.dumps({"stamp": stamp, "digest": "0" * 64, "x": 1})):
        memo.write_text(bad)
        keys._installation.cache_clear()
        assert keys._installation() == first, bad
    # A memo whose stamp no longer matches the files is worked out again.
    memo.write_text(json.dumps({"stamp": "1" * 64, "digest": "0" * 64}))
    keys._installation.cache_clear()
    assert keys._installation() == first
    # ... and one that matches is taken as it is (this is what saves the hashing).
    memo.write_text(json.dumps({"stamp": stamp, "digest": "2" * 64}))
    keys._installation.cache_clear()
    assert keys._installation() == "2" * 64
