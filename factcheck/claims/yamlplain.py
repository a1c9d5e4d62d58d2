"""A strict, linear reader for the plain YAML that claim files are written in; it declines the rest.

PyYAML's C parser hands out one Python event object per scalar and collection, and
walking them costs more than reading the text itself. Nearly every claim file keeps
to a small part of YAML: block mappings and lists indented with spaces, plain,
single- and double-quoted scalars on one line, one-line flow lists and mappings of
plain words, and comments. :func:`read_plain` reads exactly that part with compiled
regular expressions (possessive, so no backtracking: bounded work per character)
and returns the same :class:`~factcheck.claims.yamlsafe.Document` as the event walk
in ``yamlsafe``: the same values, positions and duplicate-key problems.

Anything else makes it return None and the caller falls back to the event walk,
which reads or refuses it as before: tabs, carriage returns, a BOM, characters YAML
does not allow, document markers, directives, anchors, aliases, tags, block scalars
(``|``, ``>``), escapes in double quotes, scalars over several lines, quoted keys,
flow collections that nest or hold quotes or colons, a list indented no further than
its key, a ``-`` with nothing after it, a null key, lines over 1,000 characters (or
the scalar limit, if lower), and nesting near the depth limit. When in doubt it
declines: a declined file costs time, a misread one would cost a wrong answer.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from factcheck import limits
from factcheck.claims.yamlsafe import NULLS, Document, Lean, duplicate_key

# Characters outside what this reader takes: besides YAML's forbidden characters,
# the tab, CR, NEL, the line and paragraph separators and the BOM, which YAML reads
# in ways a line-based reader would have to copy rule by rule.
_OUTSIDE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)

# A plain scalar in block context on one line: its first character is no indicator
# ('-', '?' and ':' only when a non-space follows); inside it, ': ' and ' #' end it;
# trailing spaces are not part of it. Every quantifier is possessive.
_FIRST = r"""(?:[^ \n\-?:,\[\]{}#&*!|>'"%@`]|[-?:](?=[^ \n]))"""
_PLAIN = _FIRST + r"(?:[^ \n:]++|:(?=[^ \n])| ++(?:[^ \n:#]|:(?=[^ \n])))*+"

# One line (its newline included), as groups: indent, '- ' (with its spaces), key,
# ':' (with its spaces), and the value: plain, "double-quoted", 'single-quoted',
# [flow] or {flow} (told apart by its first character); or, when the line is none
# of these, the whole line in the last group. A null key ('~:', 'null:'), which the
# walk refuses, makes a line of the last kind. ``key`` is the pattern of a key.
def _line(key: str) -> re.Pattern[str]:
    return re.compile(
        r"^(?:(?!---|\.\.\.)"
        r"( *+)"
        r"(- ++)?+"
        rf"(?:(?!(?:~|null|Null|NULL):)({key})(:(?: ++|(?=\n)|\Z)))?+"
        rf"({_PLAIN}|\"[^\"\\\n]*+\"|'[^'\n]*+'|\[[^\n\]]*+\]|\{{[^\n}}]*+\}})?+"
        r"(?: *+(?<![^ \n])#[^\n]*+| *+)"
        r"(?:\n|\Z)"
        r"|([^\n]++)\n?)",
        re.MULTILINE,
    )


# A key is a plain scalar; nearly every key is a word of letters, digits and '_', and
# that is tried first, with one character class (the same text as _PLAIN takes there,
# in a tenth less time per line than _PLAIN's alternatives at each character; atomic,
# as _PLAIN is possessive).
_WORD_KEY = r"(?>[A-Za-z_][A-Za-z0-9_]*+(?=:(?:[ \n]|\Z))|" + _PLAIN + ")"
_LINE = _line(_WORD_KEY)

# A plain word inside a one-line flow collection: no indicator first, and no ':',
# '#', ',', bracket or brace anywhere.
_FLOW_WORD = r"""[^ ,\[\]{}#&*!|>'"%@`?:\-](?:[^ ,\[\]{}#:]++| ++[^ ,\[\]{}#:])*+"""
_FLOW_ITEM = re.compile(rf"( *+)({_FLOW_WORD}) *+")
_FLOW_PAIR = re.compile(rf"( *+)({_FLOW_WORD}): ++({_FLOW_WORD}) *+")

_NULL_FIRST = "".join(sorted({word[0] for word in NULLS if word}))  # a value is never ""
_MAX_KEY = 1000  # libyaml refuses a key over 1,024 characters
_LONG_LINES: dict[int, re.Pattern[str]] = {}


def _long_line(longest: int) -> re.Pattern[str]:
    """A line of more than ``longest`` characters (tried at line starts only: linear)."""
    pattern = _LONG_LINES.get(longest)
    if pattern is None:
        pattern = _LONG_LINES[longest] = re.compile(f"^[^\n]{{{longest + 1}}}", re.MULTILINE)
    return pattern


class _Decline(Exception):
    """The text leaves the subset: the caller reads it with the event walk."""


def read_plain(text: str, file: str = "<string>", *, lean: bool = False) -> Document | None:
    """The document of ``text`` when it keeps to the subset, else None (see the module).

    ``lean``: mappings that are items of a list (each claim, each table) get no position
    table; the document reads the text again, with every table, when one is asked for
    (``yamlsafe.Lean``). A key written twice in such a mapping makes it decline.
    """
    if _OUTSIDE.search(text) is not None:
        return None
    longest = min(_MAX_KEY, limits.MAX_SCALAR_CHARS)
    if len(text) > longest and _long_line(longest).search(text) is not None:
        return None  # a key or value that may be too long: the walk says which
    try:
        return _read(text, file, lean)
    except _Decline:
        return None


def _read(text: str, file: str, lean: bool) -> Document | None:
    doc = Document(file=file, data=None)
    pos = doc._pos
    problems = doc.problems
    nulls = NULLS
    # Keys are interned: a claim file repeats a few field names thousands of times, and
    # the position tables that outlive the file keep them (one copy each, and lookups
    # by name in the specs then compare by identity).
    intern = sys.intern
    source = Lean(text, file) if lean else None  # what a lean document reads again
    max_depth = limits.MAX_YAML_DEPTH - 2  # one level spare for a flow collection
    # The innermost open block collection (the others are on the stack): its column,
    # the container, its position table, and whether it is a mapping; and a key of it
    # whose value is on the lines below, once 'key:' is read.
    indent_t, is_map = -1, False
    cont: Any = None
    table: Any = None
    stack: list[tuple[int, Any, Any, bool]] = []
    pending: str | None = None
    pending_pos = empty_pos = (0, 0)
    line = 0
    for indent, dash, key, colon, value, other in _LINE.findall(text):
        line += 1
        if not (key or value or dash):
            if other:
                raise _Decline
            continue  # a blank or comment line
        col = len(indent)
        if pending is not None:
            if col > indent_t:
                # The lines below 'key:' hold its value: a list or a mapping.
                if len(stack) >= max_depth:
                    raise _Decline
                new: Any = [] if dash else {}
                new_table: Any = [] if dash else {}
                pos[id(new)] = new_table
                if pending in cont:
                    if table is None:
                        raise _Decline  # a duplicate in a lean mapping: the walk places it
                    problems.append(duplicate_key(file, pending, table[pending][0], pending_pos))
                else:
                    cont[pending] = new
                    if table is not None:
                        table[pending] = (*pending_pos, line, col + 1)
                stack.append((indent_t, cont, table, is_map))
                indent_t, cont, table, is_map = col, new, new_table, not dash
            elif pending in cont:
                if table is None:
                    raise _Decline
                problems.append(duplicate_key(file, pending, table[pending][0], pending_pos))
            else:
                cont[pending] = None
                if table is not None:
                    table[pending] = (*pending_pos, *empty_pos)
            pending = None
        if col != indent_t:
            if indent_t < 0:
                # the first line: the top-level mapping or list starts here
                indent_t, is_map = col, not dash
                cont, table = ({}, {}) if is_map else ([], [])
                pos[id(cont)] = table
                doc.data, doc._root = cont, (line, col + 1)
            while col < indent_t:
                if not stack:
                    raise _Decline  # left of the top level: not one collection
                indent_t, cont, table, is_map = stack.pop()
            if col != indent_t:
                raise _Decline  # between two levels
        if dash:
            if is_map:
                raise _Decline  # '- ' where a key belongs
            col += len(dash)
            if not key:
                if not value:
                    raise _Decline  # '-' and nothing after it
                cont.append(_value(value, line, col, doc))
                table.append((line, col + 1))
                continue
            # '- key: ...' starts a mapping inside the list
            if len(stack) >= max_depth:
                raise _Decline
            new = {}
            if source is None:
                new_table = pos[id(new)] = {}
            else:
                new_table = None
                doc._lean = source
            cont.append(new)
            table.append((line, col + 1))
            stack.append((indent_t, cont, table, is_map))
            indent_t, cont, table, is_map = col, new, new_table, True
        elif not key or not is_map:
            raise _Decline  # a value where a key belongs, or a key inside a list
        key = intern(key)
        if not value:
            pending, pending_pos, empty_pos = key, (line, col + 1), (line, col + len(key) + 2)
            continue
        # A key written twice is reported before any problem inside its value (a flow
        # mapping's own duplicates), in the order the event walk meets them.
        again = key in cont
        if again:
            if table is None:
                raise _Decline
            problems.append(duplicate_key(file, key, table[key][0], (line, col + 1)))
        first = value[0]
        if first == '"' or first == "'":
            data: Any = value[1:-1]
        elif first == "[" or first == "{":
            data = _flow(value, line, col + len(key) + len(colon), doc, table is not None)
        else:
            # (the first character first: most values start as no null does, and then
            # need no hash)
            data = None if first in _NULL_FIRST and value in nulls else value
        if not again:
            cont[key] = data
            if table is not None:  # (a lean mapping's columns are not worked out)
                table[key] = (line, col + 1, line, col + len(key) + len(colon) + 1)
    if pending is not None:
        if pending in cont:
            if table is None:
                raise _Decline
            problems.append(duplicate_key(file, pending, table[pending][0], pending_pos))
        else:
            cont[pending] = None
            if table is not None:
                table[pending] = (*pending_pos, *empty_pos)
    if doc.data is None:
        return None
    return doc


def _value(value: str, line: int, col: int, doc: Document) -> Any:
    """The value written as ``value`` at 0-based column ``col``: text, None or a flow."""
    first = value[0]
    if first == '"' or first == "'":
        return value[1:-1]
    if first == "[" or first == "{":
        return _flow(value, line, col, doc)
    return None if value in NULLS else value


def _flow(flow: str, line: int, col: int, doc: Document, placed: bool = True) -> Any:
    """A one-line flow list or mapping of plain words, starting at 0-based ``col``;
    without its position table unless ``placed`` (inside a lean mapping)."""
    nulls = NULLS
    inner = flow[1:-1]
    is_map = flow[0] == "{"
    container: Any = {} if is_map else []
    table: Any = None
    if placed:
        table = doc._pos[id(container)] = {} if is_map else []
    if not inner.strip(" "):
        return container
    at = col + 1  # 0-based column of the current part
    for part in inner.split(","):
        if is_map:
            match = _FLOW_PAIR.fullmatch(part)
            if match is None:
                raise _Decline
            lead, key, value = match.groups()
            key = sys.intern(key)
            if key in nulls:
                raise _Decline
            if key in container:
                if table is None:
                    raise _Decline  # a duplicate in a lean mapping: the walk places it
                key_pos = (line, at + len(lead) + 1)
                doc.problems.append(duplicate_key(doc.file, key, table[key][0], key_pos))
            else:
                container[key] = None if value in nulls else value
                if table is not None:
                    table[key] = (line, at + len(lead) + 1, line, at + match.start(3) + 1)
        else:
            match = _FLOW_ITEM.fullmatch(part)
            if match is None:
                raise _Decline
            lead, value = match.groups()
            container.append(None if value in nulls else value)
            if table is not None:
                table.append((line, at + len(lead) + 1))
        at += len(part) + 1
    return container
