"""The plain-YAML reader either declines a text or gives exactly what PyYAML's event walk gives."""

from __future__ import annotations

import glob
import os
import random
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import limits
from factcheck.claims.yamlplain import read_plain
from factcheck.claims.yamlsafe import Document, parse_yaml, parse_yaml_events
from factcheck.errors import ClaimFileError, LimitError

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _tree(doc: Document, node: Any, path: tuple[Any, ...] = ()) -> list[Any]:
    """Every value of ``doc`` with its path, and every position table reachable from the root."""
    out: list[Any] = []
    todo = [(path, node)]
    while todo:
        here, value = todo.pop()
        if isinstance(value, dict):
            out.append((here, "mapping", doc._pos.get(id(value))))
            todo.extend((here + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            out.append((here, "list", doc._pos.get(id(value))))
            todo.extend((here + (i,), item) for i, item in enumerate(value))
        else:
            out.append((here, type(value).__name__, value))
    return out


def _view(doc: Document) -> tuple[Any, ...]:
    return (doc.file, doc.data, doc._root, _tree(doc, doc.data),
            [(p.message, p.hint, p.location, p.code) for p in doc.problems])


def same_as_pyyaml(text: str) -> bool:
    """Check the reader against the event walk on ``text``; True when it read the text."""
    fast = read_plain(text, "f.yaml")
    if fast is None:
        return False
    try:
        slow = parse_yaml_events(text, "f.yaml")
    except (ClaimFileError, LimitError) as err:
        raise AssertionError(f"read {text!r}, which PyYAML refuses: {err}") from None
    assert _view(fast) == _view(slow), text
    lean_as_full(text, fast)
    return True


def lean_as_full(text: str, full: Document) -> None:
    """A lean reading of ``text`` answers every question about places as ``full`` does."""
    lean = read_plain(text, "f.yaml", lean=True)
    if lean is None:
        # only a key written twice in a mapping inside a list makes a lean reading decline
        assert full.problems, f"declined leanly what is read fully: {text!r}"
        return
    paths = [path for path, _, _ in _tree(full, full.data)]
    assert [(lean.where(p), lean.key_where(p)) for p in paths] == \
        [(full.where(p), full.key_where(p)) for p in paths], text
    assert _view(lean) == _view(full), text  # every table there, once a question filled them


# -- generated documents in and around the subset -----------------------------------

WORDS = [
    "a", "id", "x y", "한글 값", "超过1500亿元", "😀", "null", "Null", "NULL", "~", "true", "yes",
    "no", "on", "0o17", "017", "0x1F", "1e3", "1.6478e13", ".nan", ".inf", "1_000", "-5", "-x",
    "?x", ":x", "a:b", "a #b", "a#b", "x: y", "#c", "it's", "[a]", "{a}", "&a", "*a", "!t", "!!str",
    "|", ">", "%d", "@x", "`x", "---", "...", "-", "", " ", "a ", "\t", "a\\b", "\\n", '"q"',
    "'q'", "a,b", "2017-11-23", "12:30", "a: ", "- a", "=", "<<", "k\u3000v", "\u00a0",
]
_SPECIAL = ["\t", "\r\n", "\r", "\ufeff", " ", "#", ":", "- ", '"', "'", "\x85", "\u2028",
            "\x00", "\x7f", "{", "[", ",", "\n", "\n  ", "&", "*", "!", "|", ">", "\\"]


def _token(rng: random.Random, word: str) -> str:
    style = rng.random()
    if style < 0.6:
        return word
    if style < 0.8:
        return "'" + word.replace("'", "''") + "'"
    return '"' + word + '"'


def _node(rng: random.Random, depth: int) -> Any:
    pick = rng.random()
    if depth >= 4 or pick < 0.45:
        return ("scalar", _token(rng, rng.choice(WORDS)))
    if pick < 0.55:
        return ("flow-list", [_token(rng, rng.choice(WORDS)) for _ in range(rng.randrange(4))])
    if pick < 0.62:
        return ("flow-map", [(_token(rng, rng.choice(WORDS)), _token(rng, rng.choice(WORDS)))
                             for _ in range(rng.randrange(3))])
    if pick < 0.82:
        return ("map", [(_token(rng, rng.choice(WORDS[:12]) if rng.random() < 0.8
                                else rng.choice(WORDS)), _node(rng, depth + 1))
                        for _ in range(rng.randrange(1, 4))])
    return ("list", [_node(rng, depth + 1) for _ in range(rng.randrange(1, 4))])


def _inline(node: Any) -> str | None:
    kind, body = node
    if kind == "scalar":
        return str(body)
    if kind == "flow-list":
        return "[" + ", ".join(body) + "]"
    if kind == "flow-map":
        return "{" + ", ".join(f"{k}: {v}" for k, v in body) + "}"
    return None


def _after(rng: random.Random) -> str:
    """What may end a line: nothing, spaces, a comment."""
    pick = rng.random()
    return "" if pick < 0.7 else "  " if pick < 0.8 else rng.choice([" # c", "  #: -x", " #"])


def _block(rng: random.Random, node: Any, indent: int, out: list[str], step: int) -> None:
    kind, body = node
    for entry in body:
        pad = " " * indent
        if rng.random() < 0.05:
            out.append(rng.choice(["", "  ", "# note", pad + "# - x: y"]))
        if kind == "map":
            key, value = entry
            inline = _inline(value)
            if inline is not None:
                out.append(f"{pad}{key}:{' ' * rng.choice([1, 1, 2])}{inline}{_after(rng)}")
            else:
                out.append(f"{pad}{key}:{_after(rng)}")
                inner = indent + (0 if value[0] == "list" and rng.random() < 0.1 else step)
                _block(rng, value, inner, out, step)
            continue
        inline = _inline(entry)
        if inline is not None:
            out.append(f"{pad}- {inline}{_after(rng)}")
        elif entry[0] == "map" and rng.random() < 0.8:
            lines: list[str] = []
            _block(rng, entry, indent + 2, lines, step)
            out.append(pad + "- " + lines[0][indent + 2:])
            out.extend(lines[1:])
        else:
            out.append(f"{pad}-{_after(rng)}")
            _block(rng, entry, indent + step, out, step)


def document(rng: random.Random) -> str:
    root = _node(rng, 0)
    if root[0] not in ("map", "list"):
        root = ("map", [("a", root)])
    lines: list[str] = []
    if rng.random() < 0.2:
        lines.append("# a comment first")
    _block(rng, root, rng.choice([0, 0, 0, 2]), lines, rng.choice([1, 2, 2, 4]))
    text = "\n".join(lines) + rng.choice(["\n", "\n", "", "\n\n", "\n# end\n"])
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(_SPECIAL) + text[at + rng.choice([0, 0, 1]):]
    return text


@settings(max_examples=600)
@given(st.randoms(use_true_random=False))
def test_reader_declines_or_agrees_with_pyyaml(rng: random.Random) -> None:
    same_as_pyyaml(document(rng))


def test_generated_documents_are_often_read() -> None:
    """The generator above reaches the subset: else the differential test proves nothing."""
    rng = random.Random(14)
    read = sum(same_as_pyyaml(document(rng)) for _ in range(400))
    assert read >= 100, read


# -- hand-picked edges ----------------------------------------------------------------

READ = [
    "a: 1\n",
    "a: 1",
    "a:\n",
    "a:",
    "a: ~\nb: null\nc: NULL\nd: Null\ne:\nf: ''\ng: \"\"\nh: '~'\n",
    "a: no\nb: yes\nc: 0o17\nd: 1e3\ne: 2017-11-23\nf: .nan\ng: 12:30\n",
    "a: x #c\nb: x#c\nc: 'x' # c\nd: \"x\"   \n# last\n",
    "  a: 1\n  b: 2\n",
    "a: 1\nb: 2\na: 3\nb:\n  c: 1\na:\n",
    "k:\n  - x\n  - y: 1\n    z: [a, b c, ~]\n  - {p: q, r: ~}\n  - []\n  - {}\n",
    "- a\n- b: 1\n-   c: 2\n    d: 3\n",
    "a:  two spaces\nb: it's\n",
    "한글: 값 😀\nx: \"超过 1500亿元\"\n",
    "a: -5\n-x: 1\n?x: 2\n:x: 3\nb: a:b\n",
    "a: {x: 1, x: 2}\n",
    "a:\n# between\n\n  b: 1\n",
    "a: [a, b,c]\nb: [ x ]\n",
    # a key written twice whose value repeats a key too: the outer one is reported first
    "id: []\nid: {id: null, id: a}\n",
    "a:\n  b: 1\n  b: {c: 1, c: 2}\n",
]

DECLINED = [
    "a: |\n  x\n", "a: >-\n  x\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "--- \na: 1\n",
    "%YAML 1.1\n---\na: 1\n", "a:\t1\n", "a: 1\r\n", "\ufeffa: 1\n", "a: \"x\\ny\"\n",
    "a: x\n  y\n", "a:\n- x\n", "-\n  a: 1\n", "- - x\n", "\"a\": 1\n", "a: [b, [c]]\n",
    "a: ['x']\n", "a: {b: c: d}\n", "a: 'it''s'\n", "~: 1\n", "null: 1\n", "a: 1\n b: 2\n",
    "a:\n    b: 1\n  c: 2\n", "x\n", "", "# only a comment\n", "a: b: c\n", "a: x\n---\n",
    "a: \"x\n", "a: [x,]\n", "a: [x\n", "a: {x}\n", "a: x\x85y\n", "a: 1\nb: 2 # c\n  c\n",
]


@pytest.mark.parametrize("text", READ)
def test_reads_the_subset_as_pyyaml_does(text: str) -> None:
    assert same_as_pyyaml(text)


@pytest.mark.parametrize("text", DECLINED)
def test_declines_what_lies_outside(text: str) -> None:
    assert read_plain(text) is None


def test_positions_of_a_claim_file() -> None:
    text = ("article:\n  id: a1\nclaims:\n  - id: c1\n    items: [한글, b]\n"
            "    tags: {x: y}\n    empty:\n")
    doc = read_plain(text, "c.yaml")
    assert doc is not None
    assert doc.key_where(("claims",)) == (3, 1)
    assert doc.where(("claims", 0)) == (4, 5)
    assert doc.where(("claims", 0, "items", 1)) == (5, 17)
    assert doc.where(("claims", 0, "tags", "x")) == (6, 15)
    assert doc.where(("claims", 0, "empty")) == (7, 11)
    assert same_as_pyyaml(text)


def test_limits_are_left_to_the_event_walk() -> None:
    deep = "".join(" " * i + f"k{i}:\n" for i in range(limits.MAX_YAML_DEPTH + 2))
    assert read_plain(deep + " " * 40 + "v: 1\n") is None
    long = "a: " + "x" * (limits.MAX_SCALAR_CHARS + 1) + "\n"
    assert read_plain(long) is None
    with pytest.raises(LimitError):
        parse_yaml(long)
    # lines over 1,000 characters are left to the walk, which knows the key limit
    assert read_plain("a: " + "x" * 997 + "\n") is not None
    assert read_plain("a: " + "x" * 998 + "\n") is None
    assert read_plain("k" * 1001 + ": x\n") is None


def test_hostile_lines_take_linear_work() -> None:
    """Long lines and deep indentation that would make a backtracking pattern explode."""
    n = 200_000
    for text in ("a: " + "x " * n + ":\n", "a: " + "x" + " " * n + "#\n",
                 "- " * n + "x\n", "a: " + ":x" * n + "\n", "a: [" + "x, " * n + "\n",
                 "k: v\n" + " " * n + "x\n", "a: '" + "''" * n + "\n", ("a:\n" * (n // 10))):
        big = read_plain(text)
        if big is not None:
            assert same_as_pyyaml(text)


# -- real files -----------------------------------------------------------------------

def _claim_files() -> list[str]:
    return sorted(glob.glob(os.path.join(ROOT, "claims", "**", "*.yaml"), recursive=True)
                  + glob.glob(os.path.join(ROOT, "tests", "**", "*.yaml"), recursive=True))


def test_every_yaml_file_of_the_repository() -> None:
    files = _claim_files()
    assert files
    for path in files:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
        try:
            same_as_pyyaml(text)
        except AssertionError as err:
            raise AssertionError(f"{path}: {err}") from None


def test_every_file_of_a_generated_corpus_is_read(tmp_path) -> None:
    sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(os.path.join(ROOT, "benchmarks"))
    generate.generate(300, str(tmp_path))
    files = sorted(glob.glob(str(tmp_path / "**" / "*.yaml"), recursive=True))
    assert len(files) > 30
    for path in files:
        with open(path, encoding="utf-8") as fh:
            assert same_as_pyyaml(fh.read()), path


def test_a_lower_scalar_limit_is_left_to_the_event_walk(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_SCALAR_CHARS", 20)
    text = "a: " + "x" * 21 + "\n" + "b: " + "y" * 200 + "\n"
    assert read_plain(text) is None
    with pytest.raises(LimitError):
        parse_yaml(text)
    assert read_plain("a: " + "x" * 17 + "\n") is not None
