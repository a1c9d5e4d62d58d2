"""The plain-YAML reader against PyYAML on documents drawn from a grammar that reaches its edges.

Documents are built as trees (mappings, lists, flow collections, scalars in every
style) and laid out with the choices a line reader must get right: indentation
steps, lists at their key's column, spaces after '-', trailing spaces, comments with
and without a space before them, line breaks of every kind, a byte-order mark,
document markers and directives, keys near libyaml's 1,024-character limit and
nesting near the depth limit. Every document is either declined or read exactly as
the event walk reads it (values, positions, duplicate-key problems).
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import limits
from factcheck.claims.yamlplain import _LINE, _PLAIN, _line, read_plain
from tests.claims.test_yamlplain import same_as_pyyaml

# Characters of scalars: ordinary ones, YAML's indicators, and what a line reader trips on.
_PLAIN_CHARS = st.sampled_from(list("abkxyz019._/<=") + [" ", "  ", "é", "한", "亿", "😀",
                                                          "\u3000", "\u00a0"])
_EDGE_CHARS = st.sampled_from([":", "#", "-", "?", ",", "[", "]", "{", "}", "'", '"', "&", "*",
                               "!", "|", ">", "%", "@", "`", "\\", "~", "\t", "\r", "\x00",
                               "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", ": ",
                               " #", "- "])
_WORDS = st.sampled_from(["null", "Null", "NULL", "~", "yes", "no", "on", "off", "true", "0o17",
                          "017", "0x1F", "1:30", "190:20:30", ".5", "1e3", ".inf", "-.inf",
                          ".nan", "2001-12-14t21:59:43.10-05:00", "2017-11-23", "=", "<<", "-x",
                          "?x", ":x", "a:b", "a#b", "http://x.y/z?q=1#f", "---", "...", "''"])


@st.composite
def _text(draw: st.DrawFn, edges: bool = True) -> str:
    """Scalar text: mostly plain characters, sometimes a YAML word or an edge character."""
    # Hypothesis leans to a choice's first and last options: the rare ones sit between.
    rare = [_WORDS, _EDGE_CHARS] if edges else [_WORDS]
    parts = draw(st.lists(st.one_of(_PLAIN_CHARS, *rare, *[_PLAIN_CHARS] * 6), min_size=1,
                          max_size=5))
    return "".join(parts)


@st.composite
def _long(draw: st.DrawFn) -> str:
    """A key or value whose length sits on a limit: libyaml's 1,024 for keys, ours for values."""
    size = draw(st.sampled_from([999, 1000, 1001, 1023, 1024, 1025,
                                 limits.MAX_SCALAR_CHARS - 1, limits.MAX_SCALAR_CHARS,
                                 limits.MAX_SCALAR_CHARS + 1]))
    return draw(st.sampled_from(["k", "한", "😀"])) * size


def _quoted(text: str, style: str) -> str:
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if style == '"':
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


@st.composite
def _scalar(draw: st.DrawFn, edges: bool) -> str:
    text = draw(st.one_of(_text(), _long(), *[_text()] * 8) if edges else _text(edges=False))
    return _quoted(text, draw(st.sampled_from(["", "'", '"', "", "", ""])))


@st.composite
def _key(draw: st.DrawFn, edges: bool) -> str:
    names = st.sampled_from(["id", "a", "b", "claims", "x y", "<<", "=", "한"])
    text = draw(st.one_of(names, _text(), _long(), *[names] * 6) if edges else names)
    return _quoted(text, draw(st.sampled_from(["", "'", '"', "", "", "", ""])))


@st.composite
def _flow(draw: st.DrawFn, edges: bool) -> str:
    words = st.one_of(_text(edges=False), _WORDS, _key(edges))
    if draw(st.booleans()):
        items = draw(st.lists(words, max_size=4))
        return "[" + draw(st.sampled_from([", ", ",", " , "])).join(items) + "]"
    pairs = draw(st.lists(st.tuples(_key(edges), words), max_size=3))
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def _tree(edges: bool) -> st.SearchStrategy[Any]:
    leaf = st.one_of(_scalar(edges), _flow(edges)).map(lambda text: ("inline", text))
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(st.tuples(_key(edges), inner), min_size=1, max_size=4)
            .map(lambda v: ("map", v)),
            st.lists(inner, min_size=1, max_size=4).map(lambda v: ("list", v))),
        max_leaves=12)


@st.composite
def _deep(draw: st.DrawFn) -> Any:
    """A chain of mappings and lists nested to around the depth limit, ending in a leaf."""
    node: Any = ("inline", draw(st.one_of(_scalar(False), _flow(False))))
    for _ in range(draw(st.integers(limits.MAX_YAML_DEPTH - 4, limits.MAX_YAML_DEPTH + 1))):
        node = ("map", [("k", node)]) if draw(st.booleans()) else ("list", [node])
    return node


class _Layout:
    """The layout choices of one document."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.step = draw(st.sampled_from([1, 2, 2, 3, 4]))
        self.dash = draw(st.sampled_from(["- ", "- ", "-  ", "-   "]))

    def after(self) -> str:
        """What ends a line: nothing, spaces, a comment with or without a space before it."""
        return self.draw(st.sampled_from(["", "", "", " ", "  ", " # c", "#c", "  #: - x",
                                          " #", "\t# c"]))

    def between(self) -> list[str]:
        """Lines that hold nothing: blank, spaces, comments at any column."""
        return self.draw(st.lists(st.sampled_from(["", "  ", "# note", "   # - x: y", "#"]),
                                  max_size=1))


def _lay(layout: _Layout, node: Any, indent: int, out: list[str]) -> None:
    kind, body = node
    pad = " " * indent
    for entry in body:
        out.extend(layout.between())
        if kind == "map":
            key, value = entry
            if value[0] == "inline":
                gap = layout.draw(st.sampled_from([" ", " ", "  "]))
                out.append(f"{pad}{key}:{gap}{value[1]}{layout.after()}")
                continue
            out.append(f"{pad}{key}:{layout.after()}")
            # a list may sit at its key's column (YAML allows it; the reader declines it)
            same = value[0] == "list" and layout.draw(st.integers(0, 9)) == 0
            _lay(layout, value, indent + (0 if same else layout.step), out)
            continue
        if entry[0] == "inline":
            out.append(f"{pad}{layout.dash}{entry[1]}{layout.after()}")
        elif entry[0] == "map" and layout.draw(st.booleans()):
            inner: list[str] = []
            _lay(layout, entry, indent + len(layout.dash), inner)
            # the entry's first line (a key such as '#' makes it look like a comment)
            written = [line for line in inner if line.strip()]
            first = inner.index(next((line for line in written
                                      if not line.lstrip().startswith("#")), written[0]))
            out.extend(inner[:first])
            out.append(pad + layout.dash + inner[first][indent + len(layout.dash):])
            out.extend(inner[first + 1:])
        else:
            out.append(f"{pad}-{layout.after()}")
            _lay(layout, entry, indent + layout.step, out)


@st.composite
def documents(draw: st.DrawFn, edges: bool = True, deep: bool = False) -> str:
    """A document of the grammar; without ``edges``, one that keeps to the subset more often
    (one kind of line break, no markers, no long or edge-character scalars)."""
    root = draw(_deep() if deep else _tree(edges))
    if root[0] == "inline":
        root = ("map", [("a", root)])
    layout = _Layout(draw)
    lines: list[str] = []
    _lay(layout, root, draw(st.sampled_from([0, 0, 0, 1, 2])), lines)
    if not edges:
        return "\n".join(lines) + "\n"
    newline = draw(st.sampled_from(["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", *["\n"] * 8]))
    text = newline.join(lines) + draw(st.sampled_from(["", newline, newline * 2,
                                                       newline + "# end" + newline]))
    head = draw(st.sampled_from(["", "\ufeff", "---\n", "--- \n", "%YAML 1.1\n---\n",
                                "# c\n", *[""] * 8]))
    tail = draw(st.sampled_from(["", "...\n", "---\n", "\n...\n", *[""] * 8]))
    return head + text + tail


_SETTINGS = settings(max_examples=120, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                            HealthCheck.filter_too_much])


@_SETTINGS
@given(documents())
def test_grammar_documents_are_declined_or_read_as_pyyaml_reads_them(text: str) -> None:
    same_as_pyyaml(text)


@settings(_SETTINGS, max_examples=200)
@given(documents(edges=False))
def test_documents_near_the_subset_are_declined_or_read_as_pyyaml_reads_them(
        text: str) -> None:
    same_as_pyyaml(text)


@settings(_SETTINGS, max_examples=80)
@given(documents(deep=True))
def test_nesting_around_the_depth_limit_is_declined_or_read_as_pyyaml_reads_it(
        text: str) -> None:
    same_as_pyyaml(text)


def test_the_grammar_reaches_the_subset() -> None:
    """A differential test proves nothing when every document is declined: count the reads."""
    read: list[bool] = []

    @settings(_SETTINGS, max_examples=120, derandomize=True, database=None)
    @given(documents(edges=False))
    def draw(text: str) -> None:
        read.append(read_plain(text) is not None)

    draw()
    assert sum(read) >= 15, (sum(read), len(read))


def test_a_flow_key_past_libyamls_limit_is_declined() -> None:
    """libyaml refuses a flow mapping's key over 1,024 characters; the reader read it."""
    for prefix in ("a: {", "a: {x: y, ", "- {"):
        same_as_pyyaml(prefix + "k" * 1000 + ": 1}\n")
        assert read_plain(prefix + "k" * 1001 + ": 1}\n") is None
        assert read_plain(prefix + "k" * 1025 + ": 1}\n") is None


_KEYS = st.sampled_from(["a", "id", "a_1", "_", "A9", "a.b", "a-b", "a b", "a:b", "é", "1a",
                         "null", "nullx", "x~", "a#", "a\t", ""])
_AFTER = st.sampled_from([": ", ":  ", ":", ":\n", ": x\n", ":x\n", "::", ": #c\n", ":#\n",
                          " : x\n", ":\t", ":\r\n", ": 'q'\n"])


@st.composite
def _key_lines(draw: st.DrawFn) -> str:
    """Lines whose key is, or nearly is, a word: each way a key's end can be written."""
    lines = draw(st.lists(st.tuples(st.sampled_from(["", "  ", "- ", "  - "]), _KEYS, _AFTER),
                          min_size=1, max_size=4))
    return "".join(lead + key + after for lead, key, after in lines)


@settings(_SETTINGS, max_examples=300)
@given(st.one_of(_key_lines(), documents(), documents(edges=False)))
def test_a_word_key_is_split_off_as_a_plain_key_is(text: str) -> None:
    """The line pattern tries a word key first: it must cut every line as _PLAIN alone does."""
    assert _LINE.findall(text) == _line(_PLAIN).findall(text)
