"""The claim-file format's field rules without pydantic: patterns, path and tolerance checks, specs.

The pydantic models (``factcheck.claims.model`` and each kind's ``Claim``) define the
format: they give the JSON Schema and every error message. Importing and building
them was a fifth of a small run's start-up, though, and most entries are valid. So
the loader first reads an entry against a :class:`Spec` that states the same rules;
a valid entry becomes a :class:`Record` with the attributes the model's instance
would have, and anything unusual (a wrong type, a bound crossed, an unknown key,
a form the models accept that the spec does not know) makes the spec answer None,
and the model decides and explains. A test checks every spec against its model.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from typing import Any

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
FACT_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
UNKNOWN = "unknown"
VERDICTS = ("holds", "contradicted", "undetermined")
STATUSES = ("todo", "ready")


def checked_tolerance(value: str | None) -> str | None:
    """A tolerance field's text, refused while loading when it is a bare nonzero number."""
    from factcheck.quantity.tolerance import bare_number_problem

    problem = None if value is None else bare_number_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def checked_path(value: str | None) -> str | None:
    """Claim files are untrusted: they may name files beside them, not secrets.

    An absolute path (/etc/passwd) or a hidden component (.git/config, ~/.ssh)
    is refused here; the reader refuses a link that resolves into one.
    """
    if value is None:
        return value
    problem = path_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def path_problem(path: str) -> str | None:
    """Why a path named in a claim file may not be read, or None when it may."""
    import ntpath
    import posixpath

    if "\0" in path or not path.strip():
        return "write a path to a file"
    if posixpath.isabs(path) or ntpath.isabs(path) or path.startswith("~"):
        return f"{path!r} is absolute; write a path relative to the claim file"
    for part in path.replace("\\", "/").split("/"):
        if part.startswith(".") and part not in (".", ".."):
            return (f"{path!r} goes through the hidden name {part!r}; claim files may not "
                    "name hidden files or folders (.git, .ssh, .env)")
    return None


# -- specs -------------------------------------------------------------------------

NO: Any = object()  # what a reader returns for a value it does not accept as valid
REQUIRED: Any = object()  # the default of a field that must be written
Reader = Callable[[Any], Any]


class Record:
    """A valid entry: the attributes its model's instance would have, read-only."""

    model: str = "Record"  # the model's name, for repr

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self.model} is read-only")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((self.model, *self.__dict__.items()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{key}={value!r}" for key, value in self.__dict__.items())
        return f"{self.model}({inner})"


class Spec:
    """The fields of one model: a reader and a default for each; see the module docstring."""

    def __init__(self, model: str, record: type[Record], fields: dict[str, tuple[Reader, Any]],
                 check: Callable[[dict[str, Any]], bool] | None = None) -> None:
        self._model = model  # "module:Class" of the pydantic model
        self.record = record
        self.fields = fields
        self.check = check  # a rule over several fields (the model's own validator)
        # What ``read`` needs, worked out once: the reader of each field, the fields
        # that must be written, the defaults in field order (a record's attributes keep
        # that order), and the fields whose default is a new empty dict each time.
        self._readers = {name: reader for name, (reader, _) in fields.items()}
        self._required = tuple(name for name, (_, default) in fields.items()
                               if default is REQUIRED)
        self._defaults = {name: default for name, (_, default) in fields.items()}
        self._fresh = tuple(name for name, (_, default) in fields.items()
                            if default.__class__ is dict)
        # The plan of each set of written keys seen (in their order): see ``read``.
        self._plans: dict[tuple[Any, ...], _Plan | None] = {}

    def model(self) -> Any:
        """The pydantic model these rules restate (imported now, if not yet)."""
        import importlib

        module, _, name = self._model.partition(":")
        return getattr(importlib.import_module(module), name)

    def read(self, raw: Any) -> Any:
        """The record of ``raw`` (a mapping from YAML) when plainly valid, else None.

        The same answer as ``read_each``, with less work per entry: the entries of one
        file, and of every file, are written with the same few sets of keys, so what
        each key needs (nothing unknown, nothing required missing, a length to check,
        one of some words, or a reader to call) is worked out once per set of keys.
        """
        if raw.__class__ is not dict:
            return None
        keys = tuple(raw)
        plan = self._plans.get(keys, _UNPLANNED)
        if plan is _UNPLANNED:
            if len(self._plans) >= _MAX_PLANS:
                return self.read_each(raw)  # a hostile variety of keys: no more plans
            plan = self._plans[keys] = self._plan(keys)
        if plan is None:
            return None
        lengths, words, calls, fresh = plan
        for name, low, high in lengths:
            value = raw[name]
            if value.__class__ is not str or not low <= len(value) <= high:
                return None
        values = self._defaults.copy()
        values.update(raw)  # every key is a field: the fields' order stays
        for name, allowed in words:
            value = raw[name]
            word = allowed.get(value) if value.__class__ is str else None
            if word is None:
                return None
            values[name] = word
        for name, reader in calls:
            value = reader(raw[name])
            if value is NO:
                return None
            values[name] = value
        for name in fresh:
            values[name] = {}
        return self._record(values)

    def _record(self, values: dict[str, Any]) -> Any:
        """The record of an entry's field values, once the rule over several fields holds."""
        if self.check is not None and not self.check(values):
            return None
        record = self.record.__new__(self.record)
        object.__setattr__(record, "__dict__", values)
        return record

    def _plan(self, keys: tuple[Any, ...]) -> _Plan | None:
        """What ``read`` does for entries written with ``keys``; None: the model decides."""
        readers = self._readers
        if any(key not in readers for key in keys) or any(
                name not in keys for name in self._required):
            return None  # an unknown field, or a required one missing
        lengths = tuple((key, *_LENGTHS[readers[key]]) for key in keys
                        if readers[key] in _LENGTHS)
        words = tuple((key, _WORDS[readers[key]]) for key in keys if readers[key] in _WORDS)
        calls = tuple((key, readers[key]) for key in keys
                      if readers[key] not in _LENGTHS and readers[key] not in _WORDS)
        fresh = tuple(name for name in self._fresh if name not in keys)
        return lengths, words, calls, fresh

    def read_each(self, raw: Any) -> Any:
        """``read`` field by field, with each field's reader: the rules stated plainly."""
        if raw.__class__ is not dict:
            return None
        # (Comparing key views was slower than these loops over a few names.)
        for name in self._required:
            if name not in raw:
                return None
        readers = self._readers
        values = self._defaults.copy()
        for name, item in raw.items():
            reader = readers.get(name)
            if reader is None:
                return None  # an unknown field: the model names it
            value = reader(item)
            if value is NO:
                return None
            values[name] = value
        for name in self._fresh:
            if name not in raw:
                values[name] = {}
        return self._record(values)


# A plan: the (field, lowest, highest length) of text fields, the (field, its words)
# of Literal fields, the (field, reader) of the rest, and the fields given a new {}.
_Plan = tuple[tuple[tuple[str, int, int], ...], tuple[tuple[str, dict[str, str]], ...],
              tuple[tuple[str, Reader], ...], tuple[str, ...]]
_UNPLANNED: Any = object()
_MAX_PLANS = 64  # sets of keys per spec; entries with yet others are read field by field
# Readers that check only a text's length, and readers of one of some words, with what
# they check: ``Spec.read`` checks those itself instead of calling them.
_LENGTHS: dict[Reader, tuple[int, int]] = {}
_WORDS: dict[Reader, dict[str, str]] = {}


class ModelOnly(Spec):
    """A kind module without ``FIELDS``: its model reads every claim."""

    def __init__(self, model: Any) -> None:
        super().__init__("", Record, {})
        self._class = model

    def read(self, raw: Any) -> Any:
        return None

    def model(self) -> Any:
        return self._class


def text(min_length: int = 0, max_length: int | None = None, pattern: str | None = None,
         check: Callable[[str], Any] | None = None) -> Reader:
    """A str field's reader: its length in code points, its pattern, its validator."""
    match = re.compile(pattern).fullmatch if pattern else None
    top = max_length if max_length is not None else sys.maxsize

    def read(value: Any) -> Any:
        if value.__class__ is not str or not min_length <= len(value) <= top or (
                match is not None and match(value) is None):
            return NO
        if check is not None:
            try:
                check(value)
            except ValueError:
                return NO
        return value

    def read_length(value: Any) -> Any:
        # the usual field: only a length to check
        return value if value.__class__ is str and min_length <= len(value) <= top else NO

    if match is not None or check is not None:
        return read
    _LENGTHS[read_length] = (min_length, top)
    return read_length


def optional(reader: Reader) -> Reader:
    """``X | None``: an empty value stays None, anything else is read by ``reader``."""

    def read(value: Any) -> Any:
        return None if value is None else reader(value)

    return read


def choice(*allowed: str) -> Reader:
    """A ``Literal`` field: one of the given words exactly.

    The value is the word's one shared copy: a loaded claim keeps it, and every
    claim's ``kind`` and ``expect`` would otherwise be a string of its own.
    """
    words = {word: word for word in allowed}

    def read(value: Any) -> Any:
        return words.get(value, NO) if value.__class__ is str else NO

    _WORDS[read] = words
    return read


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day(value: Any) -> Any:
    """A ``datetime.date`` field written YYYY-MM-DD (other forms go to the model)."""
    if value.__class__ is not str or _DAY.fullmatch(value) is None:
        return NO
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return NO


def words(value: Any) -> Any:
    """A ``dict[str, str]`` field (tags): a mapping of text to text, copied."""
    if value.__class__ is not dict:
        return NO
    for key, item in value.items():
        if key.__class__ is not str or item.__class__ is not str:
            return NO
    return dict(value)


def flag(value: Any) -> Any:
    """A ``bool`` field written true or false (other spellings go to the model)."""
    if value == "true":
        return True
    if value == "false":
        return False
    return NO


def texts(item: Reader, min_length: int, max_length: int) -> Reader:
    """A ``list[str]`` field: its length, and each item read by ``item``."""

    def read(value: Any) -> Any:
        if value.__class__ is not list or not min_length <= len(value) <= max_length:
            return NO
        for element in value:
            if item(element) is NO:
                return NO
        return list(value)

    return read


class ArticleRecord(Record):
    model = "Article"


class SourceRecord(Record):
    model = "Source"


class FactRecord(Record):
    model = "Fact"


class TableRecord(Record):
    model = "Table"


class ClaimRecord(Record):
    model = "Claim"


def _optional_text(**limits: Any) -> tuple[Reader, Any]:
    return optional(text(**limits)), None


ARTICLE = Spec("factcheck.claims.model:Article", ArticleRecord, {
    "id": (text(max_length=200, pattern=ID_PATTERN), REQUIRED),
    "title": (text(1, 2000), REQUIRED),
    "publisher": _optional_text(),
    "published": (day, REQUIRED),
    "language": _optional_text(pattern=LANGUAGE_PATTERN),
    "url": _optional_text(),
    "text": _optional_text(check=checked_path),
    "tolerance": _optional_text(check=checked_tolerance),
    "rates": _optional_text(check=checked_path),
})

SOURCE = Spec("factcheck.claims.model:Source", SourceRecord, {
    "title": (text(1, 2000), REQUIRED),
    "publisher": _optional_text(),
    "published": (optional(day), None),
    "url": _optional_text(),
    "note": _optional_text(),
})

FACT = Spec("factcheck.claims.model:Fact", FactRecord, {
    "value": (text(1, 200), REQUIRED),
    "source": (text(), REQUIRED),
    "tags": (words, {}),
    "note": _optional_text(),
})

TABLE = Spec("factcheck.claims.model:Table", TableRecord, {
    "file": (text(1, 1000, check=checked_path), REQUIRED),
    "source": _optional_text(),
})


def claim_spec(kind: str, own: dict[str, tuple[Reader, Any]],
               check: Callable[[dict[str, Any]], bool] | None = None) -> Spec:
    """The spec of one kind's claims: the common fields, then the kind's own."""
    common: dict[str, tuple[Reader, Any]] = {
        "id": (text(max_length=200, pattern=ID_PATTERN), REQUIRED),
        "quote": (text(1, 2000), REQUIRED),
        "kind": (choice(kind), REQUIRED),
        "expect": (choice(*VERDICTS), "holds"),
        "status": (choice(*STATUSES), "ready"),
        "note": _optional_text(),
        "tags": (words, {}),
    }
    return Spec(f"factcheck.kinds.models.{kind}:Claim", ClaimRecord, {**common, **own}, check)


def optional_tolerance(max_length: int) -> tuple[Reader, Any]:
    """A claim's ``tolerance`` field: the one grammar's load-time check, as the model has."""
    return _optional_text(max_length=max_length, check=checked_tolerance)
