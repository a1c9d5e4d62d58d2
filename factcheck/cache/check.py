"""A check that takes the results of unchanged claim files from the cache.

Each claim file's results depend on its content and path, on every file that
defines facts or sources (and their tables), on its article's rates file, and on
the environment (:mod:`factcheck.cache.keys`). A run reads every file's digest,
takes the entries that still match, loads only the files that changed or whose
facts changed, plus the fact files when anything must be checked, and builds the
report in file order exactly as the one-process path does: article texts are read
in that order, and anchoring, coverage and the final sort run over the whole report.

Input with any problem (a file that does not load cleanly, ids defined twice, a
run over its limits) is left to the ordinary path, which reports it; nothing of
such a run is cached.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from factcheck.cache.entry import Entry, decode, decode_rest, encode, file_view, static_article
from factcheck.cache.keys import digest, environment, file_digest
from factcheck.cache.store import Store

if TYPE_CHECKING:
    from factcheck.claims.load import ArticleBundle, Catalog
    from factcheck.report.record import Report
    from factcheck.report.runner import CheckOptions

# The only loading problem a part of the files may show and still be checked here: a
# fact citing a source defined in a file not loaded with it (the fact files' load settles it).
_CROSS_FILE = "facts.unknown-source"


def check_with_cache(files: list[str], options: CheckOptions) -> Report | None:
    """The report, with unchanged files' results from the cache; None: use the ordinary path."""
    from factcheck import limits
    from factcheck.cache.seal import secret

    assert options.cache_dir is not None
    key = secret()
    if key is None:
        return None  # no private place for the secret: entries could not be trusted
    env = environment(options)
    store = Store(options.cache_dir, env, key)
    digests: dict[str, str] = {}
    total = 0
    for path in files:
        digests[path] = file_digest(path, limits.MAX_FILE_BYTES)
        if len(digests[path]) != 64:
            return None  # unreadable, not a regular file, too large: the loader says which
        total += os.path.getsize(path)
    if total > limits.MAX_RUN_BYTES:
        return None
    keys = {path: digest(env, path, digests[path]) for path in files}
    known: dict[str, Entry] = {}
    for path in files:
        payload = store.read(keys[path])
        entry = decode(payload, keys[path], path, digests[path]) if payload else None
        if entry is not None:
            known[path] = entry
        elif payload is not None:
            store.refuse(keys[path])
    # Whether the report can be built of the files' views (their entries' heads), or
    # needs every entry whole: the views are the default text report's, and quote
    # anchoring and coverage need the findings of every file with an article text.
    views = options.text_view and options.article_file is None \
        and all(entry.text is None for entry in known.values())
    if not views:
        for path in [p for p in files if p in known and not _whole(store, keys[p], known[p], p)]:
            del known[path]
    summaries = {path: entry.summary for path, entry in known.items()}
    loaded: dict[str, ArticleBundle | None] = {}
    catalogs: list[Catalog] = []
    if not _load([p for p in files if p not in known], options, summaries, loaded, catalogs):
        return None
    if views and any(b is not None and b.article.text is not None for b in loaded.values()):
        views = False
        if not all(_whole(store, keys[p], known[p], p) for p in files if p in known):
            return None  # an entry whose head read but whose rest did not: check it all
    if not _consistent(files, summaries):
        return None
    fact_files = [p for p in files if summaries[p]["fact_file"]]
    facts = _facts_key(fact_files, digests, summaries)
    stale = [p for p in files if p in known and not _fresh(p, known[p], facts, options)]
    if not _load(stale, options, summaries, loaded, catalogs):
        return None
    checked = _check_parallel(files, loaded, fact_files, options)
    if checked is False:
        return None
    shared = None
    if (checked is None and any(loaded.values())) or options.shard is not None:
        shared = _facts_catalog(fact_files, catalogs, options)
        if shared is None:
            return None

    def save(path: str, entry: Entry | None) -> None:
        if entry is not None:
            entry.summary, entry.facts = summaries[path], facts
            payload = encode(keys[path], path, digests[path], entry)
            if payload is not None:
                store.write(keys[path], *payload)

    def rest(path: str) -> Callable[[], tuple[list[Any], list[dict[str, Any]]] | None]:
        def read() -> tuple[list[Any], list[dict[str, Any]]] | None:
            entry = known[path]
            if not _whole(store, keys[path], entry, path):
                return None
            return entry.findings, entry.rates
        return read

    report = _assemble(files, known, loaded, shared, options, save, checked,
                       rest if views else None)
    store.save()
    return report


def _whole(store: Store, key: str, entry: Entry, path: str) -> bool:
    """Whether ``entry`` holds its findings and rates, read from its rest if need be."""
    if entry.whole:
        return True
    rest = store.read_rest(key)
    if rest is not None and not decode_rest(entry, rest, path):
        store.refuse(key)
        return False
    return rest is not None


def _load(files: list[str], options: CheckOptions, summaries: dict[str, dict[str, Any]],
          loaded: dict[str, ArticleBundle | None], catalogs: list[Catalog]) -> bool:
    """Load ``files`` (their summaries and bundles, and the catalog of what they define);
    False when any does not load cleanly."""
    if not files:
        return True
    from factcheck.claims.load import load_files

    catalog = load_files(files, roots=options.read_roots)
    if any(p.code != _CROSS_FILE for p in catalog.problems):
        return False
    found = _summaries(catalog, files)
    if found is None:
        return False
    summaries.update(found)
    loaded.update(dict.fromkeys(files))
    loaded.update((bundle.file, bundle) for bundle in catalog.articles)
    catalog.articles = []  # held in ``loaded`` alone, each let go once checked
    catalogs.append(catalog)
    return len(loaded) == len(set(loaded))


def _facts_catalog(fact_files: list[str], catalogs: list[Catalog],
                   options: CheckOptions) -> Catalog | None:
    """What the fact files define, for checking: the catalog of the one load of this run
    when it loaded them all cleanly (a cold run loads every file at once), else a load of
    the fact files; None when they do not load cleanly."""
    if options.shard is None and len(catalogs) == 1 and not catalogs[0].problems \
            and set(fact_files) <= set(catalogs[0].files):
        return catalogs[0]
    from factcheck.claims.load import load_files

    shared = load_files(fact_files, roots=options.read_roots)
    return None if shared.problems else shared


def _summaries(catalog: Catalog, files: list[str]) -> dict[str, dict[str, Any]] | None:
    """What each file defines: ids, facts, sources, tables (as parallel.py's shards say)."""
    out: dict[str, dict[str, Any]] = {
        path: {"fact_file": False, "tables": [], "articles": [], "claims": [], "facts": [],
               "sources": []} for path in files}
    flagged = {p.file for p in catalog.problems}
    try:
        for bundle in catalog.articles:
            out[bundle.file]["articles"].append(bundle.article.id)
            out[bundle.file]["claims"].extend(c.id for c in bundle.claims)
        for fact in (catalog.facts, catalog.unknown):
            for name, known in fact.items():
                out[catalog.tables.get(known.file, known.file)]["facts"].append(name)
        for name, where in catalog.source_locations.items():
            out[where.file]["sources"].append(name)
        for table, owner in catalog.tables.items():
            out[owner]["tables"].append(table)
        for path in flagged:
            out[path]["fact_file"] = True
    except KeyError:  # a place outside the files loaded: left to the ordinary path
        return None
    for summary in out.values():
        summary["fact_file"] = bool(summary["fact_file"] or summary["facts"]
                                    or summary["sources"] or summary["tables"])
    return out


def _consistent(files: list[str], summaries: dict[str, dict[str, Any]]) -> bool:
    """No id or name defined twice across files, and the run within its claim limit."""
    from factcheck import limits

    for name in ("articles", "claims", "facts", "sources"):
        seen = [n for path in files for n in summaries[path][name]]
        if len(seen) != len(set(seen)):
            return False
    return sum(len(summaries[p]["claims"]) for p in files) <= limits.MAX_RUN_CLAIMS


def _facts_key(fact_files: list[str], digests: dict[str, str],
               summaries: dict[str, dict[str, Any]]) -> str:
    """Every file defining facts or sources, in order, with its content and its tables'."""
    from factcheck import limits

    parts = []
    for path in fact_files:
        parts += [path, digests[path]]
        for table in summaries[path]["tables"]:
            parts += [table, file_digest(table, limits.MAX_FILE_BYTES)]
    return digest(*parts)


def _fresh(path: str, entry: Entry, facts: str, options: CheckOptions) -> bool:
    """The entry's results still hold: the same facts, the same rates file."""
    if entry.facts != facts:
        return False
    return all(_rates_dependency(path, written, options) == [written, sha]
               for written, sha in entry.deps)


def _rates_dependency(path: str, written: str, options: CheckOptions) -> list[str] | None:
    """[the article's ``rates:`` as written, the digest of the file it names], or None
    when the path does not resolve (such results are not cached)."""
    from factcheck import limits
    from factcheck.errors import FactcheckError
    from factcheck.fileio import claim_relative_path

    try:
        real = claim_relative_path(path, written, options.read_roots or None)
    except FactcheckError:
        return None
    return [written, file_digest(real, limits.MAX_TEXT_BYTES)]


def _assemble(files: list[str], known: dict[str, Entry],
              loaded: dict[str, ArticleBundle | None], shared: Catalog | None,
              options: CheckOptions, save: Callable[[str, Entry | None], None],
              checked: dict[str, _Results] | None,
              rest: Callable[[str], Callable[[], Any]] | None) -> Report:
    """The report in file order (as the one-process path builds it); new entries stored.
    The files to check are checked here, unless ``checked`` holds their results. With
    ``rest`` (which gives how to read a file's results from its entry), the report is
    built of the files' views, and reads the results only if asked for them."""
    from factcheck.cache.report import Part, ViewReport
    from factcheck.report.record import Report
    from factcheck.report.runner import attach_text, check_article, finish_report, record_shard

    parts: list[Part] = []
    articles: list[dict[str, Any]] = []
    for path in files:
        if path in loaded:
            bundle = loaded[path]
            entry: Entry | None = Entry(summary={})
            if bundle is not None:
                if checked is not None:
                    findings, rates, article = checked[path]
                else:
                    assert shared is not None
                    findings, rates, article = check_article(bundle, shared, options)
                entry = _new_entry(bundle, findings, rates, article, options)
                loaded[path] = None  # its claims let go, as the one-process path does
                view = entry.view if entry is not None and entry.view is not None else \
                    file_view(findings, rates) if rest is not None else {}
                parts.append(Part(path, view, (findings, rates)))
                articles.append(article)
            save(path, entry)
            continue
        cached = known[path]
        if cached.view is not None:  # a file of facts alone has no results
            parts.append(Part(path, cached.view, (cached.findings, cached.rates)
                              if cached.whole else None,
                              rest(path) if rest is not None else None))
        if cached.article is not None:
            article = dict(cached.article)
            attach_text(article, path, cached.line, cached.text, options)
            articles.append(article)
    if rest is not None:
        report: Report = ViewReport(parts, articles)
    else:
        report = Report(findings=[f for part in parts for f in part.whole()[0]],
                        rates=[b for part in parts for b in part.whole()[1]], articles=articles)
    if shared is not None:
        record_shard(report, options, files, shared)
    return report if rest is not None else finish_report(report)


_Results = tuple[list[Any], list[dict[str, Any]], dict[str, Any]]


def _check_parallel(files: list[str], loaded: dict[str, ArticleBundle | None],
                    fact_files: list[str],
                    options: CheckOptions) -> dict[str, _Results] | None | Literal[False]:
    """The results of the files to check, by file, from several processes (as --jobs
    asks, or by default for much claim text); None: check them here; False: the
    ordinary path must check the whole run (what parallel.py declines)."""
    from factcheck.report import parallel

    todo = [p for p in files if loaded.get(p) is not None]
    jobs = parallel.wanted_jobs(options.jobs, todo)
    if jobs < 2 or not parallel.fork_available():
        return None
    wanted = set(todo) | set(fact_files)
    part = parallel.check_parallel(options, [p for p in files if p in wanted], [], jobs,
                                   finish=False)
    if part is None:
        return False
    out: dict[str, _Results] = {}
    file_of = {}
    for article in part.articles:
        out[article["file"]] = ([], [], article)
        file_of[article["id"]] = article["file"]
    try:
        for finding in part.findings:
            out[finding.file][0].append(finding)
        for block in part.rates:
            out[file_of[block["article"]]][1].append(block)
    except KeyError:  # a result of no article checked: the ordinary path decides
        return False
    return out if set(todo) <= set(out) else False


def _new_entry(bundle: ArticleBundle, findings: list[Any], rates: list[dict[str, Any]],
               article: dict[str, Any], options: CheckOptions) -> Entry | None:
    """What to store for a file just checked; None when its results cannot be cached."""
    deps = []
    if options.rates_file is None and bundle.article.rates:
        dep = _rates_dependency(bundle.file, bundle.article.rates, options)
        if dep is None:
            return None
        deps.append(dep)
    static = static_article(article)
    if static is None:
        return None
    return Entry(summary={}, deps=deps, article=static, text=bundle.article.text,
                 line=bundle.line, findings=list(findings), rates=rates,
                 view=file_view(findings, rates))
