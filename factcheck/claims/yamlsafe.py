"""Safe YAML for untrusted claim files: plain data (dict, list, str, None) plus positions.

We read the parser's event stream ourselves instead of using any YAML constructor,
so nothing is ever constructed from a tag. Refused outright: explicit tags (even
``!!str``), anchors and aliases (a billion-laughs file stops at its first anchor,
before anything is expanded), non-scalar or null mapping keys, several documents in
one file, and nesting or values beyond :mod:`factcheck.limits`. Duplicate keys are
collected as problems (the first value wins) so that one run reports all of them.

Every scalar stays the string it was written as (no YAML 1.1 typing: ``no``,
``1.6478e13``, ``2017-11-23`` and ``.nan`` stay strings); only an unquoted empty
value, ``~`` or ``null`` becomes None. Positions are 1-based (line, column).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from factcheck import limits
from factcheck.errors import ClaimFileError, LimitError, Location

Path = tuple[str | int, ...]
NULLS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass
class Document:
    """A parsed file: its data, where each key and value was written, and soft problems.

    Positions live in a side table keyed by the identity of each dict and list of
    ``data`` (so the data stays plain); ``where`` and ``key_where`` look them up by
    path, e.g. ``("claims", 3, "expr")``.
    """

    file: str
    data: Any
    problems: list[ClaimFileError] = field(default_factory=list)
    # id(dict) -> {key: (key_line, key_col, value_line, value_col)}; id(list) -> [(line, col)]
    _pos: dict[int, Any] = field(default_factory=dict, repr=False)
    _root: tuple[int, int] = (1, 1)
    # Set when the plain reader left the tables of mappings inside lists out (``lean``):
    # the first question about one of them fills ``_pos`` from a second reading.
    _lean: Lean | None = field(default=None, repr=False)

    def _table(self, node: Any) -> Any:
        """The position table of ``node`` (None for a scalar), filled in if it was left out."""
        table = self._pos.get(id(node))
        if table is None and self._lean is not None and node.__class__ in (dict, list):
            self._fill()
            table = self._pos.get(id(node))
        return table

    def _fill(self) -> None:
        """Every table a lean reading left out, from the text read again with them all."""
        lean, self._lean = self._lean, None
        assert lean is not None
        full = lean.document()
        pending = [(self.data, full.data)]
        while pending:
            mine, theirs = pending.pop()
            table = full._pos.get(id(theirs))
            if table is not None:
                self._pos[id(mine)] = table
            if mine.__class__ is dict:
                pending.extend((mine[key], theirs[key]) for key in mine
                               if mine[key].__class__ in (dict, list))
            elif mine.__class__ is list:
                pending.extend((a, b) for a, b in zip(mine, theirs, strict=True)
                               if a.__class__ in (dict, list))

    def positions(self, container: dict[str, Any] | list[Any]) -> Any:
        """The position table of one dict or list of ``data`` (see the field comment).

        For a dict: {key: (key line, key col, value line, value col)}; for a list:
        [(line, col), ...]. Cheaper than ``where`` when walking many entries.
        """
        table = self._table(container)
        if table is None:
            return {} if isinstance(container, dict) else []
        return table

    def where(self, path: Path) -> tuple[int, int]:
        """(line, col) of the value at ``path``, or of its nearest existing ancestor."""
        node, pos = self.data, self._root
        for step in path:
            table = self._table(node)
            if isinstance(node, dict) and table is not None and step in table:
                pos = table[step][2:]
                node = node[step]
            elif isinstance(node, list) and table is not None and isinstance(step, int) \
                    and 0 <= step < len(node):
                pos = table[step]
                node = node[step]
            else:
                break
        return pos

    def key_where(self, path: Path) -> tuple[int, int]:
        """(line, col) of the key that ends ``path`` (of the value for list items)."""
        if not path:
            return self._root
        parent = self.where(path[:-1])
        node = self.get(path[:-1])
        table = self._table(node)
        if isinstance(node, dict) and table is not None and path[-1] in table:
            return table[path[-1]][:2]
        if isinstance(node, list):
            return self.where(path)
        return parent

    def get(self, path: Path) -> Any:
        """The value at ``path`` (None when it does not exist)."""
        node = self.data
        for step in path:
            if not has_step(node, step):
                return None
            node = node[step]
        return node

    def location(self, path: Path = (), *, key: bool = False) -> Location:
        line, col = self.key_where(path) if key else self.where(path)
        return Location(self.file, line, col)


class Lean:
    """A text the plain reader read leanly, to read again with every position table."""

    __slots__ = ("text", "file", "_full")

    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self._full: Document | None = None

    def document(self) -> Document:
        """The text read again with every table (once; the same reader, the same data)."""
        if self._full is None:
            from factcheck.claims.yamlplain import read_plain

            full = read_plain(self.text, self.file)
            assert full is not None, "a text read leanly reads fully"
            self._full = full
        return self._full


def has_step(node: Any, step: Any) -> bool:
    """Whether ``node[step]`` exists in plain YAML data (a dict key or a list index)."""
    if isinstance(node, dict):
        return step in node
    return isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)


def duplicate_key(file: str, key: str, first_line: int,
                  where: tuple[int, int]) -> ClaimFileError:
    """The problem of a key written twice in one mapping (the first value is kept)."""
    return ClaimFileError(
        f"duplicate key {key!r} (first at line {first_line})",
        hint="remove one of them: YAML keeps only one value per key",
        location=Location(file, *where),
        code="yaml.duplicate-key",
    )


def _loader_class() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def _shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def parse_yaml(text: str, file: str = "<string>", *, lean: bool = False) -> Document:
    """Parse one YAML document safely; raise ClaimFileError (located) when refused.

    Files that keep to plain YAML are read by ``yamlplain`` (the same result, in less
    than half the time); the rest, and every refusal, by PyYAML's event stream.
    ``lean``: see ``yamlplain.read_plain`` (the positions are the same, made later).
    """
    global _read_plain
    read_plain = _read_plain
    if read_plain is None and not any(mark in text for mark in _BLOCK_SCALAR_MARKS):
        from factcheck.claims.yamlplain import read_plain

        _read_plain = read_plain
    if read_plain is not None:
        doc = read_plain(text, file, lean=lean)
        if doc is not None:
            return doc
    return parse_yaml_events(text, file)


# The plain reader declines block scalars ('note: >-', '- |'), which claim files use for
# long notes: until a file without one has imported that reader, a text that shows one
# goes to the event walk directly (compiling the reader's patterns is about 8 ms of a
# run's start). Once imported, the reader tries every file: looking for the marks took
# as long as a tenth of reading a plain file. A mark inside a quoted value only sends a
# plain file the longer way, to the same result.
_BLOCK_SCALAR_MARKS = (": >", ": |", "- >", "- |")
_read_plain: Callable[..., Document | None] | None = None


def parse_yaml_events(text: str, file: str = "<string>") -> Document:
    """``parse_yaml`` through PyYAML's event stream alone, for any YAML."""
    import yaml

    if not text.strip():
        raise ClaimFileError(
            "the file is empty",
            hint="write a mapping with 'article', 'sources', 'facts' and/or 'claims'",
            location=Location(file, 1, 1),
            code="yaml.empty",
        )
    loader = None
    try:
        # The pure-Python reader checks characters already in its constructor.
        loader = _loader_class()(text)
        return _build(loader, text, file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        context = f" ({exc.context})" if exc.context and exc.problem else ""
        if "maximum nesting depth" in problem:
            # PyYAML 6.0.4 and later stop deep nesting while scanning, before our own
            # depth check sees the events: report it as the same documented limit.
            raise LimitError(
                f"nesting deeper than the limit of {limits.MAX_YAML_DEPTH} levels "
                "(MAX_YAML_DEPTH)",
                hint="flatten the structure",
                location=Location(file, line, col),
            ) from None
        raise ClaimFileError(
            f"YAML syntax error: {problem}{context}",
            hint="fix the YAML syntax here (check indentation, colons, quotes and brackets)",
            location=Location(file, line, col),
            code="yaml.syntax",
        ) from None
    except yaml.reader.ReaderError as exc:
        line, col = _offset_position(text, exc.position, loader)
        raise ClaimFileError(
            f"character U+{exc.character:04X} is not allowed in YAML ({exc.reason})"
            if isinstance(exc.character, int)
            else f"unreadable YAML: {exc.reason}",
            hint="remove the character or write it as an escape inside double quotes",
            location=Location(file, line, col),
            code="yaml.syntax",
        ) from None
    except yaml.YAMLError as exc:
        raise ClaimFileError(
            f"YAML error: {exc}", location=Location(file), code="yaml.syntax"
        ) from None
    except UnicodeError as exc:
        raise ClaimFileError(
            f"text cannot be encoded as UTF-8: {exc}",
            hint="save the file as UTF-8",
            location=Location(file),
            code="io.encoding",
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


def _offset_position(text: str, position: int, loader: Any) -> tuple[int, int]:
    # libyaml reports a byte offset into the UTF-8 text, the pure-Python reader a
    # character offset; both are turned into 1-based line and column.
    import yaml

    if not isinstance(position, int) or position < 0:
        return (0, 0)
    if isinstance(loader, getattr(yaml, "CSafeLoader", ())):
        prefix = text.encode("utf-8", "replace")[:position].decode("utf-8", "replace")
    else:
        prefix = text[:position]
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


class _Frame:
    """An open mapping or list while the event stream is read."""

    __slots__ = ("container", "table", "key", "key_pos")

    def __init__(self, container: Any, table: Any) -> None:
        self.container = container
        self.table = table
        self.key: Any = _NO_KEY
        self.key_pos: tuple[int, int] = (0, 0)


_NO_KEY = object()


def _build(loader: Any, text: str, file: str) -> Document:
    """Turn the event stream into plain data, refusing what the module docstring says."""
    import yaml

    doc = Document(file=file, data=None)
    pos = doc._pos
    stack: list[_Frame] = []
    root_set = False
    documents = 0
    max_depth = limits.MAX_YAML_DEPTH
    max_chars = limits.MAX_SCALAR_CHARS
    ScalarEvent = yaml.ScalarEvent
    MappingStartEvent = yaml.MappingStartEvent
    SequenceStartEvent = yaml.SequenceStartEvent
    CollectionEndEvent = yaml.CollectionEndEvent
    DocumentStartEvent = yaml.DocumentStartEvent
    AliasEvent = yaml.AliasEvent

    def refuse(message: str, hint: str, code: str, line: int, col: int) -> ClaimFileError:
        return ClaimFileError(message, hint=hint, location=Location(file, line, col), code=code)

    def place(value: Any, line: int, col: int) -> None:
        nonlocal root_set
        if not stack:
            doc.data, doc._root, root_set = value, (line, col), True
            return
        frame = stack[-1]
        if frame.table.__class__ is list:
            frame.container.append(value)
            frame.table.append((line, col))
            return
        if frame.key is _NO_KEY:
            # A key: only scalars, and no null key.
            if value is None or value.__class__ is not str:
                raise refuse(
                    "a mapping key must be a plain word or text, not "
                    + ("empty" if value is None else "a mapping or list"),
                    "write the key as text, e.g. 'id:'",
                    "yaml.key",
                    line,
                    col,
                )
            frame.key, frame.key_pos = value, (line, col)
            return
        key = frame.key
        frame.key = _NO_KEY
        if key in frame.table:
            doc.problems.append(duplicate_key(file, key, frame.table[key][0], frame.key_pos))
            return
        frame.container[key] = value
        frame.table[key] = (*frame.key_pos, line, col)

    get_event = loader.get_event
    StreamEndEvent = yaml.StreamEndEvent
    nulls = NULLS
    while True:
        event = get_event()
        cls = event.__class__
        if (cls is ScalarEvent and stack and event.anchor is None and event.tag is None
                and (event.style or event.value not in nulls)):
            # The common case (a text key or value inside a mapping) inlined: a file of
            # 100,000 claims has a million of these.
            frame = stack[-1]
            value = event.value
            if frame.table.__class__ is dict and len(value) <= max_chars:
                mark = event.start_mark
                if frame.key is _NO_KEY:
                    frame.key, frame.key_pos = value, (mark.line + 1, mark.column + 1)
                    continue
                key = frame.key
                if key not in frame.table:
                    frame.key = _NO_KEY
                    frame.container[key] = value
                    frame.table[key] = (*frame.key_pos, mark.line + 1, mark.column + 1)
                    continue
        if event is None or cls is StreamEndEvent:
            break
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        if cls is AliasEvent:
            raise refuse(
                f"alias '*{_shorten(str(event.anchor))}' is not allowed",
                "write the value out in full: anchors and aliases are refused for safety",
                "yaml.alias",
                line,
                col,
            )
        if cls is ScalarEvent or cls is MappingStartEvent or cls is SequenceStartEvent:
            if event.anchor is not None:
                raise refuse(
                    f"anchor '&{_shorten(str(event.anchor))}' is not allowed",
                    "write the value out in full: anchors and aliases are refused for safety",
                    "yaml.alias",
                    line,
                    col,
                )
            if event.tag is not None:
                # Shown as written: the parser expands '!!x' to 'tag:yaml.org,2002:x'.
                written = str(event.tag).replace("tag:yaml.org,2002:", "!!", 1)
                raise refuse(
                    f"tag {_shorten(written, 80)!r} is not allowed",
                    "remove the tag: values are read as text and checked by the claim format",
                    "yaml.tag",
                    line,
                    col,
                )
            if cls is ScalarEvent:
                value = event.value
                if len(value) > max_chars:
                    raise LimitError(
                        f"a value of {len(value)} characters is longer than the limit of "
                        f"{max_chars} (MAX_SCALAR_CHARS)",
                        hint="shorten it",
                        location=Location(file, line, col),
                    )
                if not event.style and value in NULLS:
                    value = None
                place(value, line, col)
                continue
            if len(stack) >= max_depth:
                raise LimitError(
                    f"nesting deeper than the limit of {max_depth} levels (MAX_YAML_DEPTH)",
                    hint="flatten the structure",
                    location=Location(file, line, col),
                )
            if cls is MappingStartEvent:
                container: Any = {}
                table: Any = {}
            else:
                container, table = [], []
            place(container, line, col)
            pos[id(container)] = table
            stack.append(_Frame(container, table))
            continue
        if isinstance(event, CollectionEndEvent):
            stack.pop()
            continue
        if cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise refuse(
                    "more than one YAML document in one file",
                    "remove the '---' line or split the documents into several files",
                    "yaml.documents",
                    line,
                    col,
                )
    if not root_set or doc.data is None:
        raise refuse(
            "the file has no content",
            "write a mapping with 'article', 'sources', 'facts' and/or 'claims'",
            "yaml.empty",
            1,
            1,
        )
    return doc
