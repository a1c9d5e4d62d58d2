"""Loading claim files: paths in, a Catalog of validated articles, claims, facts, sources out.

Loading never stops at the first problem: every file is read, every section and
claim validated, and each problem becomes a located, actionable
:class:`factcheck.report.record.Problem` (codes in :mod:`factcheck.claims.codes`).
Cross-file checks (duplicate ids and names, unknown sources) run once everything is
read. Invalid entries are left out of the catalog; the problems say why.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factcheck import limits
from factcheck.claims.fields import (
    ARTICLE,
    FACT,
    FACT_PATTERN,
    ID_PATTERN,
    SOURCE,
    TABLE,
    UNKNOWN,
    ModelOnly,
    Spec,
)
from factcheck.claims.yamlsafe import Document, Lean, Path, has_step, parse_yaml
from factcheck.errors import FactcheckError, Location
from factcheck.gcpause import paused_gc
from factcheck.report.record import Problem

if TYPE_CHECKING:
    from pydantic import ValidationError

    from factcheck.claims.model import Article, Fact, Source, Table
    from factcheck.claims.tables import Row
    from factcheck.kinds.base import KnownFact, UnknownFact
    from factcheck.quantity.quantity import Quantity

SECTIONS = ("article", "sources", "facts", "tables", "claims")
# fullmatch: "$" in a Python pattern also matches before a final newline ("src\n").
_ID_RE = re.compile(ID_PATTERN)
_FACT_RE = re.compile(FACT_PATTERN)


@dataclass(slots=True)
class LoadedClaim:
    """A validated claim (its kind's model) and where it was written."""

    claim: Any
    file: str
    line: int
    col: int
    # field -> (key line, key col, value line, value col), from the YAML reader; or, from
    # a lean reading, (its Lean, the claim's index), to find them when first asked
    fields: dict[str, tuple[int, int, int, int]] | tuple[Lean, int] = field(
        default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        return str(self.claim.id)

    @property
    def kind(self) -> str:
        return str(self.claim.kind)

    def where(self, name: str) -> tuple[int, int]:
        """(line, col) of the value of field ``name`` (the claim's start if absent)."""
        fields = self.fields
        if isinstance(fields, tuple):
            lean, index = fields
            full = lean.document()
            fields = self.fields = full.positions(full.data["claims"][index])
        pos = fields.get(name)
        return (pos[2], pos[3]) if pos else (self.line, self.col)

    def location(self, name: str | None = None) -> Location:
        line, col = self.where(name) if name else (self.line, self.col)
        return Location(self.file, line, col)


@dataclass
class ArticleBundle:
    """One article, the file it came from, and its valid claims in file order."""

    article: Article
    file: str
    line: int
    claims: list[LoadedClaim] = field(default_factory=list)

    def resolve(self, relative: str) -> str:
        """A path written in this file (article.text, article.rates), made usable."""
        return os.path.normpath(os.path.join(os.path.dirname(self.file), relative))


@dataclass
class Catalog:
    """Everything loaded from the given paths, and every problem found on the way."""

    articles: list[ArticleBundle] = field(default_factory=list)
    facts: dict[str, KnownFact] = field(default_factory=dict)
    unknown: dict[str, UnknownFact] = field(default_factory=dict)  # value: unknown
    tables: dict[str, str] = field(default_factory=dict)  # CSV path -> the file naming it
    sources: dict[str, Source] = field(default_factory=dict)
    source_locations: dict[str, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def claims(self) -> Iterator[tuple[ArticleBundle, LoadedClaim]]:
        for bundle in self.articles:
            for claim in bundle.claims:
                yield bundle, claim

    @property
    def ok(self) -> bool:
        return not self.problems


ValueParser = Callable[[str], "Quantity"]


def _default_parser() -> ValueParser:
    from factcheck.quantity.grammar import parse_quantity

    return parse_quantity


def load_paths(paths: list[str], *, parse_value: ValueParser | None = None,
               roots: tuple[str, ...] = ()) -> Catalog:
    """Load every claim file under ``paths``; problems are collected, never raised.

    ``parse_value`` reads a fact's value (default: the quantity grammar's
    ``parse_quantity``); it must raise a FactcheckError for text it cannot read.
    ``roots`` are the folders whose files claim files may name (``fileio.read_roots``;
    empty: each claim file's own folder).
    """
    files, problems = expand_paths(paths)
    return load_files(files, problems, parse_value=parse_value, roots=roots)


def load_files(files: list[str], problems: list[Problem] | None = None, *,
               parse_value: ValueParser | None = None,
               roots: tuple[str, ...] = ()) -> Catalog:
    """Load files already found by ``expand_paths`` (with its ``problems``), in order.

    Tables named by the files are read from inside ``roots``, as article texts are.
    """
    loader = _Loader(parse_value, roots)
    loader.catalog.problems.extend(problems or ())
    loader.catalog.files = list(files)
    with paused_gc():
        for path in files:
            loader.load_file(path)
        loader.finish()
    return loader.catalog


def open_load(files: list[str], *, roots: tuple[str, ...] = ()) -> _Loader:
    """A load of ``files`` driven a file at a time: ``load_file`` each, in any order, then
    ``finish``; its ``catalog`` holds what is loaded so far (``load_files`` in steps)."""
    loader = _Loader(None, roots)
    loader.catalog.files = list(files)
    return loader


def load_text(text: str, file: str = "<string>", *,
              parse_value: ValueParser | None = None) -> Catalog:
    """Load one claim file given as text (for tests and editors)."""
    loader = _Loader(parse_value)
    loader.catalog.files = [file]
    loader.load_document(text, file)
    loader.finish()
    return loader.catalog


def expand_paths(paths: list[str]) -> tuple[list[str], list[Problem]]:
    """Files to load: each file as given, each folder's *.yaml and *.yml, sorted.

    Hidden folders (.git) are skipped and symbolic links to folders are not
    followed, so a link loop cannot make the walk endless.
    """
    files: list[str] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(path: str, real: str) -> None:
        if real not in seen:
            seen.add(real)
            files.append(path)

    for path in paths:
        if os.path.isdir(path):
            found: list[tuple[str, str | None]] = []
            inside = os.path.realpath(path)
            too_deep: list[str] = []
            _walk(path, inside, found, too_deep)
            problems.extend(Problem(
                folder, 0, 0, "input.limit",
                f"folders nested more than {limits.MAX_TREE_DEPTH} deep (MAX_TREE_DEPTH); "
                "its claim files are not read: move them higher up",
            ) for folder in sorted(too_deep))
            if not found:
                problems.append(Problem(
                    path, 0, 0, "io.no-files",
                    "no *.yaml or *.yml file in this folder; give a claim file or a folder "
                    "that holds some",
                ))
            for f, real in sorted(found):
                if real is not None:  # a regular file, not a link: known to be inside
                    add(f, real)
                    continue
                # A pull request can add a symbolic link; one to /dev/stdin would wait
                # for ever, one to a file elsewhere would show its first line in a message.
                target = os.path.realpath(f)
                try:
                    outside = os.path.commonpath([inside, target]) != inside
                except ValueError:  # on another drive
                    outside = True
                if outside:
                    problems.append(Problem(
                        f, 0, 0, "io.outside",
                        "is a symbolic link to a file outside the folder; copy the file "
                        "into the folder or give its path explicitly",
                    ))
                elif not os.path.isfile(f):
                    problems.append(Problem(
                        f, 0, 0, "io.not-regular",
                        "is not a regular file (a device, pipe or socket); remove it",
                    ))
                else:
                    add(f, target)
        elif os.path.exists(path):
            add(path, os.path.realpath(path))
        else:
            problems.append(Problem(
                path, 0, 0, "io.missing", "no such file or folder; check the path"
            ))
    return files, problems


def _walk(folder: str, real: str, found: list[tuple[str, str | None]],
          too_deep: list[str]) -> None:
    """Claim files under ``folder`` (whose real path is ``real``) as (path, real path).

    The real path is None for anything but a regular file reached without links,
    which the caller checks one by one; for the rest one directory listing says
    all (an archive has ten thousand files, and a realpath per file was a tenth of
    a parallel run). Links to folders are not followed; hidden folders are skipped.
    A stack, not recursion: a pull request can add a tree a thousand folders deep.
    Folders below ``limits.MAX_TREE_DEPTH`` are not entered but listed in ``too_deep``
    (test runners that collect a folder at a time recurse once per level).
    """
    todo = [(folder, real, 0)]
    while todo:
        here, here_real, depth = todo.pop()
        if depth > limits.MAX_TREE_DEPTH:
            too_deep.append(here)
            continue
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if entry.is_symlink():
                try:
                    to_folder = entry.is_dir()
                except OSError:  # a loop of links, say: reported as a file, as os.walk did
                    to_folder = False
                if not to_folder and name.endswith((".yaml", ".yml")):
                    found.append((entry.path, None))
                continue
            try:
                folder_here = entry.is_dir(follow_symlinks=False)
                regular = not folder_here and entry.is_file(follow_symlinks=False)
            except OSError:
                folder_here = regular = False
            if folder_here:
                if not name.startswith("."):
                    todo.append((entry.path, os.path.join(here_real, name), depth + 1))
            elif name.endswith((".yaml", ".yml")):
                found.append((entry.path, os.path.join(here_real, name) if regular else None))


def did_you_mean(word: Any, choices: Any) -> str:
    """'; did you mean 'x'?' when some choice is close to ``word``, else ''."""
    if not isinstance(word, str):
        return ""
    import difflib  # only for this message: its import is a cost of every start

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def quote(value: Any, width: int = 60) -> str:
    """A value from a claim file, quoted for a message (escapes control characters)."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    if len(text) > width:
        text = text[: width - 1] + "…"
    return repr(text)


def _bad_name(name: Any) -> str:
    return (f"fact name {quote(name)} is not a dotted name; use letters, digits and '_' in "
            "parts joined by '.', e.g. beijing.core_2020")


def _problem(err: FactcheckError, file: str) -> Problem:
    loc = err.location or Location(file)
    return Problem(loc.file, loc.line, loc.col, err.code, err.describe())


class _Loader:
    """The state of one load: the catalog so far and what the cross-file checks need."""

    def __init__(self, parse_value: ValueParser | None, roots: tuple[str, ...] = ()) -> None:
        self._roots = roots
        self.catalog = Catalog()
        self._parse_value = parse_value
        self._article_ids: dict[str, Location] = {}
        # id -> where its claim starts, as (file, line, col): never the loaded claim, which
        # a one-process check drops once its file is checked, with its file's text
        self._claim_ids: dict[str, tuple[str, int, int]] = {}
        self._fact_places: dict[str, Location] = {}
        self._fact_sources: list[tuple[str, str, Location]] = []
        self._claim_specs: dict[str, Spec | None] = {}
        self._kind_failures: dict[str, str] = {}
        # Totals over the files of this load: past a run limit the rest is not read.
        self._run_bytes = 0
        self._run_claims = 0
        self._stopped = False

    # -- reporting ------------------------------------------------------------
    def report(self, file: str, where: tuple[int, int], code: str, message: str) -> None:
        self.catalog.problems.append(Problem(file, where[0], where[1], code, message))

    def _stop(self, file: str, where: tuple[int, int], why: str) -> None:
        """One problem for a run limit; this file's claims and the later files are not read."""
        self.report(file, where, "input.limit",
                    f"{why}; this file's claims and the files after it are not read, so "
                    "the facts, sources and tables they define are unknown to the claims "
                    "read before it: check fewer files per run")
        self._stopped = True

    # -- files ----------------------------------------------------------------
    def load_file(self, path: str) -> None:
        from factcheck.fileio import read_text

        if self._stopped:
            return
        with contextlib.suppress(OSError):  # read_text says what is wrong with it
            self._run_bytes += os.stat(path).st_size
        if self._run_bytes > limits.MAX_RUN_BYTES:
            self._stop(path, (0, 0), f"the claim files of this run exceed "
                       f"{limits.MAX_RUN_BYTES:,} bytes in all (MAX_RUN_BYTES)")
            return
        try:
            text = read_text(path, limit=limits.MAX_FILE_BYTES)
        except FactcheckError as err:
            if err.code == "input.limit":
                err.message += " (MAX_FILE_BYTES)"
            self.catalog.problems.append(_problem(err, path))
            return
        self.load_document(text, path)

    def load_document(self, text: str, file: str) -> None:
        try:
            doc = parse_yaml(text, file, lean=True)
        except FactcheckError as err:
            self.catalog.problems.append(_problem(err, file))
            return
        if doc.problems:
            self.catalog.problems.extend(_problem(p, file) for p in doc.problems)
        data = doc.data
        if not isinstance(data, dict):
            self.report(file, doc.where(()), "file.not-mapping",
                        f"the top level is {quote(data)}, not a mapping; write sections "
                        "'article:', 'sources:', 'facts:' and/or 'claims:' at the top level")
            return
        for key in data:
            if key not in SECTIONS:
                self.report(file, doc.key_where((key,)), "file.unknown-section",
                            f"unknown section {quote(key)}{did_you_mean(key, SECTIONS)} "
                            f"(the sections are {', '.join(SECTIONS)})")
        bundle = self._article(doc) if "article" in data else None
        if "sources" in data:
            self._sources(doc)
        if "facts" in data:
            self._facts(doc)
        if "tables" in data:
            self._tables(doc)
        if "claims" in data:
            claims = self._claims(doc)
            if "article" not in data and (claims or data["claims"]):
                self.report(file, doc.key_where(("claims",)), "file.no-article",
                            "claims need an article: add an 'article:' section with id, "
                            "title and published to this file")
            if bundle is not None:
                bundle.claims = claims
        if bundle is not None:
            self.catalog.articles.append(bundle)

    # -- sections -------------------------------------------------------------
    def _article(self, doc: Document) -> ArticleBundle | None:
        raw = doc.data["article"]
        if not isinstance(raw, dict):
            self.report(doc.file, doc.where(("article",)), "article.schema",
                        f"article is {quote(raw)}, not a mapping; write its fields "
                        "(id, title, published, ...) indented under 'article:'")
            return None
        model = self._validate(ARTICLE, raw, doc, ("article",), "article", "article.schema")
        if model is None:
            return None
        # Where the id's value and the 'article' key are written: read from the position
        # tables when both are there (once per file), else as ``where`` finds them.
        top, fields = doc.positions(doc.data), doc.positions(raw)
        if "article" in top and "id" in fields:
            loc = Location(doc.file, fields["id"][2], fields["id"][3])
            line = top["article"][0] or top["article"][2]
        else:
            loc = doc.location(("article", "id"))
            line = doc.key_where(("article",))[0] or doc.where(("article",))[0]
        first = self._article_ids.get(model.id)
        if first is not None:
            self.report(doc.file, (loc.line, loc.col), "article.duplicate-id",
                        f"article id {model.id!r} is already used at {first}; "
                        "give each article its own id")
            return None
        self._article_ids[model.id] = loc
        return ArticleBundle(model, doc.file, line)

    def _mapping_section(self, doc: Document, name: str, code: str) -> dict[str, Any]:
        raw = doc.data[name]
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.report(doc.file, doc.where((name,)), code,
                        f"{name} is {quote(raw)}, not a mapping; write one entry per "
                        f"line as 'name:' with its fields indented below")
            return {}
        return raw

    def _sources(self, doc: Document) -> None:
        catalog = self.catalog
        for sid, raw in self._mapping_section(doc, "sources", "sources.schema").items():
            path = ("sources", sid)
            if not _ID_RE.fullmatch(sid):
                self.report(doc.file, doc.key_where(path), "sources.schema",
                            f"source id {quote(sid)} is not valid; use letters, digits, "
                            "'_', '.' and '-', starting with a letter or digit")
                continue
            model = self._entry(SOURCE, raw, doc, path, f"source {sid!r}", "sources.schema",
                                "give it fields such as title, publisher, published, url")
            if model is None:
                continue
            loc = doc.location(path, key=True)
            if self._duplicate(catalog.source_locations, sid, loc, "sources.duplicate-id",
                               "source id"):
                continue
            catalog.sources[sid] = model

    def _facts(self, doc: Document) -> None:
        for name, raw in self._mapping_section(doc, "facts", "facts.schema").items():
            path = ("facts", name)
            if not _FACT_RE.fullmatch(name):
                self.report(doc.file, doc.key_where(path), "facts.bad-name", _bad_name(name))
                continue
            model = self._entry(FACT, raw, doc, path, f"fact {name!r}", "facts.schema",
                                "write 'value:' and 'source:' indented under its name")
            if model is None:
                continue
            self._add_fact(name, model, doc.location(path, key=True),
                           doc.location(path + ("source",)), doc.location(path + ("value",)))

    def _add_fact(self, name: str, model: Fact, loc: Location, source_loc: Location,
                  value_loc: Location) -> None:
        """A fact from a facts: section or a table row, once its model is valid."""
        if self._duplicate(self._fact_places, name, loc, "facts.duplicate-name", "fact"):
            return
        self._fact_sources.append((name, model.source, source_loc))
        if model.value == UNKNOWN:
            from factcheck.kinds.base import UnknownFact

            self.catalog.unknown[name] = UnknownFact(name, model, loc.file, loc.line)
            return
        quantity = self._parse(model.value, value_loc, name)
        if quantity is not None:
            from factcheck.kinds.base import KnownFact

            self.catalog.facts[name] = KnownFact(name, model, quantity, loc.file, loc.line)

    def _parse(self, value: str, where: Location, name: str) -> Quantity | None:
        if self._parse_value is None:
            self._parse_value = _default_parser()
        try:
            return self._parse_value(value)
        except FactcheckError as err:
            why = err.message.removeprefix(f"{quote(value)}: ")
            todo = err.hint or ("write a number with its unit as the article does, e.g. "
                                "1500억 위안, 超过1500亿元, 1.5T yuan, 12.6%")
            self.report(where.file, (where.line, where.col), "facts.bad-value",
                        f"fact {name!r}: value {quote(value)} is not a quantity factcheck "
                        f"can read ({why}); {todo}")
            return None

    def _duplicate(self, places: dict[str, Location], key: str, loc: Location, code: str,
                   what: str) -> bool:
        """Report ``key`` defined a second time (naming both places), else remember it."""
        first = places.get(key)
        if first is not None:
            self.report(loc.file, (loc.line, loc.col), code,
                        f"{what} {key!r} is already defined at {first}; "
                        "keep one definition or rename one")
            return True
        places[key] = loc
        return False

    def _tables(self, doc: Document) -> None:
        raw = doc.data["tables"]
        if raw is None:
            return
        if not isinstance(raw, list):
            self.report(doc.file, doc.where(("tables",)), "tables.schema",
                        f"tables is {quote(raw)}, not a list; write one '- file: data/x.csv' "
                        "per table")
            return
        for i, item in enumerate(raw):
            path: Path = ("tables", i)
            model = self._entry(TABLE, item, doc, path, f"table #{i + 1}", "tables.schema",
                                "write '- file: data/x.csv' with an optional 'source:'")
            if model is not None:
                self._table(doc, path, model)

    def _table(self, doc: Document, path: Path, table: Table) -> None:
        """Every row of one table as a fact; problems at the row's cells."""
        from factcheck.claims.tables import read_table
        from factcheck.fileio import claim_relative_path, read_text

        try:
            csv_path = claim_relative_path(doc.file, table.file, self._roots or None)
            text = read_text(csv_path, limit=limits.MAX_FILE_BYTES, regular_only=True)
        except FactcheckError as err:
            self.report(doc.file, doc.where(path + ("file",)), err.code,
                        f"table {quote(table.file)}: {err.describe()}")
            return
        self.catalog.tables[csv_path] = doc.file
        rows, problems = read_table(text)
        for problem in problems:
            self.report(csv_path, (problem.line, problem.col), problem.code, problem.message)
        for row in rows:
            self._row(doc, path, table, csv_path, row)

    def _row(self, doc: Document, path: Path, table: Table, csv_path: str, row: Row) -> None:
        name, value = row.cells.get("name"), row.cells.get("value")
        if name is None:
            self.report(csv_path, (row.line, 1), "tables.row",
                        "the row has no name; write the fact's dotted name in the name column")
            return
        at = (name.line, name.col)
        source = row.cells.get("source")
        source_id = source.text if source else table.source
        problem = None
        if not _FACT_RE.fullmatch(name.text):
            problem = ("facts.bad-name", _bad_name(name.text))
        elif value is None:
            problem = ("tables.row", f"fact {name.text!r} has an empty value cell; write its "
                       "value, or 'unknown' when no source gives it")
        elif source_id is None:
            problem = ("tables.row", f"fact {name.text!r} names no source; fill its source "
                       "cell or give the table a 'source:' in the claim file")
        if problem is not None:
            self.report(csv_path, at, *problem)
            return
        assert value is not None and source_id is not None  # each would be a problem
        note = row.cells.get("note")
        fields = {"value": value.text, "source": source_id,
                  "tags": {key: cell.text for key, cell in row.tags.items()},
                  "note": note.text if note else None}
        model = FACT.read(fields)
        if model is None:
            from pydantic import ValidationError

            try:
                model = FACT.model()(**fields)
            except ValidationError as exc:
                for error in exc.errors(include_url=False):
                    self.report(csv_path, (value.line, value.col), "facts.schema",
                                f"fact {name.text!r}: {quote(value.text)}: "
                                f"{error.get('msg', '')}")
                return
        source_loc = (Location(csv_path, source.line, source.col) if source
                      else doc.location(path + ("source",)))
        self._add_fact(name.text, model, Location(csv_path, *at), source_loc,
                       Location(csv_path, value.line, value.col))

    def _claims(self, doc: Document) -> list[LoadedClaim]:
        raw = doc.data["claims"]
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.report(doc.file, doc.where(("claims",)), "claims.not-list",
                        f"claims is {quote(raw)}, not a list; start each claim with '- id: ...'")
            return []
        if len(raw) > limits.MAX_CLAIMS_PER_FILE:
            self.report(doc.file, doc.key_where(("claims",)), "input.limit",
                        f"{len(raw)} claims in one file is more than the limit of "
                        f"{limits.MAX_CLAIMS_PER_FILE} (MAX_CLAIMS_PER_FILE); split the file")
            return []
        self._run_claims += len(raw)
        if self._run_claims > limits.MAX_RUN_CLAIMS:
            self._stop(doc.file, doc.key_where(("claims",)), f"the claim files of this run "
                       f"hold more than {limits.MAX_RUN_CLAIMS:,} claims (MAX_RUN_CLAIMS)")
            return []
        claim_pos = doc.positions(raw)
        out: list[LoadedClaim] = []
        # The loop runs once per claim: lookups are bound once, and the messages and
        # locations that only a problem needs are made when one is reported.
        file, positions, claim_ids, specs = doc.file, doc._pos, self._claim_ids, self._claim_specs
        # A lean reading (see yamlplain) has no table for each claim: a loaded claim
        # holds what finds its table when a problem needs a place in it.
        lean = doc._lean
        for i, item in enumerate(raw):
            line, col = claim_pos[i] if i < len(claim_pos) else doc.where(("claims", i))
            if item.__class__ is not dict:
                self.report(file, (line, col), "claims.schema",
                            f"claim #{i + 1} is {quote(item)}, not a mapping; write its "
                            "fields (id, quote, kind, ...) after '- '")
                continue
            cid = item.get("id")
            if cid.__class__ is str:
                # Checked before validation so that a duplicate is named even when
                # one of the two claims is invalid for another reason.
                first = claim_ids.get(cid)
                if first is not None:
                    place = Location(*first)
                    self.report(file, doc.where(("claims", i, "id")), "claims.duplicate-id",
                                f"claim id {cid!r} is already used at {place}; "
                                "claim ids must be unique across all files")
                    continue
            kind = item.get("kind")
            spec = specs.get(kind) if kind.__class__ is str else None
            if spec is not None:
                record = spec.read(item)
                if record is not None:
                    loaded = LoadedClaim(record, file, line, col,
                                         positions.get(id(item)) or lean and (lean, i) or {})
                    out.append(loaded)
                    if cid.__class__ is str:
                        claim_ids[cid] = (file, line, col)
                    continue
            if cid.__class__ is str:
                claim_ids[cid] = (file, line, col)
            if spec is None and kind.__class__ is str and kind not in specs:
                spec = self._claim_spec(kind)
            path: Path = ("claims", i)
            what = f"claim {cid!r}" if isinstance(cid, str) else f"claim #{i + 1}"
            if spec is None:
                from factcheck.kinds import KIND_MODULES

                kinds = ", ".join(KIND_MODULES)
                if "kind" not in item:
                    where, msg = (line, col), f"{what} has no 'kind'; add 'kind:' with one of "
                    msg += kinds
                else:
                    where = doc.where(path + ("kind",))
                    reason = self._kind_failures.get(kind) if isinstance(kind, str) else None
                    msg = (f"{what}: kind {quote(kind)} "
                           + (f"cannot be used ({reason})" if reason else "is not known")
                           + did_you_mean(kind, KIND_MODULES) + f"; the kinds are {kinds}")
                self.report(doc.file, where, "claims.kind", msg)
                continue
            model = self._validate(spec, item, doc, path, what, "claims.schema")
            if model is None:
                continue
            out.append(LoadedClaim(model, file, line, col,
                                   positions.get(id(item)) or lean and (lean, i) or {}))
        return out

    def _claim_spec(self, kind: str) -> Spec | None:
        if kind in self._claim_specs:
            return self._claim_specs[kind]
        from factcheck.kinds import KIND_MODULES, kind_module

        spec = None
        if kind in KIND_MODULES:
            try:
                module = kind_module(kind)
                spec = getattr(module, "FIELDS", None) or ModelOnly(module.Claim)
            except (ImportError, AttributeError) as exc:
                # A kind listed but not installed is our problem, but one bad kind
                # must not hide the problems of every other claim.
                self._kind_failures[kind] = f"its module failed to load: {exc}"
        self._claim_specs[kind] = spec
        return spec

    # -- validation -----------------------------------------------------------
    def _entry(self, spec: Spec, raw: Any, doc: Document, path: Path,
               what: str, code: str, fix: str) -> Any:
        """One entry of a section: a mapping, validated; None (reported) otherwise."""
        if not isinstance(raw, dict):
            self.report(doc.file, doc.where(path), code,
                        f"{what} is {quote(raw)}, not a mapping; {fix}")
            return None
        return self._validate(spec, raw, doc, path, what, code)

    def _validate(self, spec: Spec, raw: dict[str, Any], doc: Document,
                  base: Path, what: str, code: str) -> Any:
        """The entry's record when plainly valid; else the model's instance, or its
        problems reported (see ``factcheck.claims.fields``)."""
        record = spec.read(raw)
        if record is not None:
            return record
        from pydantic import ValidationError

        model_cls = spec.model()
        try:
            return model_cls.model_validate(raw)
        except ValidationError as exc:
            for where, message in translate(exc, model_cls, doc, base, what):
                self.report(doc.file, where, code, message)
        except FactcheckError as err:
            self.report(doc.file, doc.where(base), code, f"{what}: {err.describe()}")
        return None

    # -- cross-file -----------------------------------------------------------
    def finish(self) -> None:
        catalog = self.catalog
        known = catalog.sources
        for name, source, loc in self._fact_sources:
            if source not in known:
                catalog.problems.append(Problem(
                    loc.file, loc.line, loc.col, "facts.unknown-source",
                    f"fact {name!r} cites source {source!r}, which no loaded file defines"
                    f"{did_you_mean(source, known)}; add it under 'sources:' or fix the id",
                ))
                catalog.facts.pop(name, None)
                catalog.unknown.pop(name, None)
        order = {f: i for i, f in enumerate(catalog.files)}
        catalog.problems.sort(
            key=lambda p: (order.get(p.file, len(order)), p.file, p.line, p.col, p.code,
                           p.message)
        )


# -- pydantic errors into located, actionable messages ---------------------------------

_TYPE_NAMES = {
    "string_type": "text",
    "dict_type": "a mapping (key: value lines)",
    "list_type": "a list",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "decimal_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
}


def _data_path(raw: Any, loc: tuple[Any, ...]) -> tuple[Path, tuple[Any, ...]]:
    """Split a pydantic ``loc`` into the part that exists in the data and the rest.

    Union members and validator names appear in ``loc`` but not in the data; they are
    skipped, so the position is always that of something the user wrote.
    """
    node, path, rest = raw, [], []
    for step in loc:
        if has_step(node, step):
            path.append(step)
            node = node[step]
        else:
            rest.append(step)
    return tuple(path), tuple(rest)


def _fields_of(model_cls: Any, path: Path) -> list[str]:
    """Field names allowed at ``path`` inside the model (top level or a nested model)."""
    current = model_cls
    for step in path:
        info = getattr(current, "model_fields", {}).get(step) if current is not None else None
        ann = getattr(info, "annotation", None)
        current = ann if isinstance(ann, type) and hasattr(ann, "model_fields") else None
    return sorted(getattr(current, "model_fields", {}) or {})


def translate(exc: ValidationError, model_cls: Any, doc: Document, base: Path,
              what: str) -> list[tuple[tuple[int, int], str]]:
    """Every error of ``exc`` as ((line, col), message) against the YAML document."""
    raw = doc.get(base)
    merged: dict[tuple[Path, str], list[str]] = {}
    places: dict[tuple[Path, str], tuple[int, int]] = {}
    for err in exc.errors(include_url=False):
        loc = tuple(err.get("loc", ()))
        kind = err.get("type", "")
        path, rest = _data_path(raw, loc)
        label = ".".join(str(s) for s in path) or what
        ctx = err.get("ctx") or {}
        value = err.get("input")
        if kind == "extra_forbidden":
            name = path[-1] if path else (rest[-1] if rest else "?")
            allowed = _fields_of(model_cls, path[:-1])
            hint = did_you_mean(name, allowed) or (
                f"; the fields are {', '.join(allowed)}" if allowed else "")
            where = doc.key_where(base + path)
            message = f"unknown field {quote(name)} in {what}{hint}"
        elif kind == "missing":
            name = rest[-1] if rest else "?"
            where = doc.where(base + path)
            inside = f" in {label}" if path else ""
            message = f"{what} is missing the required field {name!r}{inside}; add '{name}: ...'"
        else:
            where = doc.where(base + path)
            message = f"{what}: {label}: " + _explain(kind, value, ctx, err.get("msg", ""))
        if kind == "extra_forbidden":
            key = (path, "extra")
        elif kind == "missing":
            key = (path, f"missing {rest}")
        else:
            key = (path, "value")
        places.setdefault(key, where)
        if message not in merged.setdefault(key, []):
            merged[key].append(message)
    out: list[tuple[tuple[int, int], str]] = []
    for key, messages in merged.items():
        if len(messages) > 1 and key[1] == "value":
            # A union field: every alternative failed, so say what each expected.
            head = messages[0].rsplit(": ", 1)[0]
            alternatives = [m[len(head) + 2:] if m.startswith(head) else m for m in messages]
            messages = [f"{head}: " + "; or ".join(alternatives)]
        out.extend((places[key], m) for m in messages)
    return out


def _explain(kind: str, value: Any, ctx: dict[str, Any], msg: str) -> str:
    """One pydantic error type as 'the value, what is wrong, what to do'."""
    shown = quote(value)
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{shown} is not a date; write YYYY-MM-DD (e.g. 2017-11-23)"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        op, bound = {"greater_than_equal": (">=", "ge"), "greater_than": (">", "gt"),
                     "less_than_equal": ("<=", "le"), "less_than": ("<", "lt")}[kind]
        return f"{shown} must be {op} {ctx.get(bound)}"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return (f"{shown} is not one of {', '.join(choices)}"
                + did_you_mean(value, choices))
    if kind == "enum":
        return f"{shown} is not one of {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        return (f"{shown} is not valid; use letters, digits, '_', '.' and '-', "
                "starting with a letter or digit")
    if kind == "string_too_short":
        return "must not be empty; write a value"
    if kind == "string_too_long":
        return f"{shown} is longer than {ctx.get('max_length')} characters; shorten it"
    if kind in ("too_short", "too_long"):
        return f"{msg}; got {shown}"
    if kind in _TYPE_NAMES:
        if value is None:
            return f"is empty; write {_TYPE_NAMES[kind]}"
        return f"{shown} is not {_TYPE_NAMES[kind]}"
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        text = error.describe() if isinstance(error, FactcheckError) else (
            str(error) if error is not None else msg).removeprefix("Value error, ")
        # The kind's own message often quotes the value already; do not say it twice.
        return text if isinstance(value, str) and value and value in text else f"{shown}: {text}"
    return f"{shown}: {msg}"
