"""The one path data takes: load files, evaluate each claim by its kind, build the Report.

Loading collects every problem; each claim is evaluated by its kind's module
into an Outcome, which becomes a Finding here (and only here). Rates, quote
anchoring and coverage are added per article afterwards. Formats render the
Report; nothing downstream recomputes.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.errors import FactcheckError, Location
from factcheck.gcpause import paused_gc
from factcheck.kinds import kind_module
from factcheck.kinds.base import Context, Outcome
from factcheck.report.record import TODO, Finding, Problem, Report, rate_block_key

if TYPE_CHECKING:
    from factcheck.claims.load import ArticleBundle, Catalog, LoadedClaim
    from factcheck.kinds.base import Context, Outcome


@dataclass(frozen=True)
class CheckOptions:
    """What a run may override: a rates file, the article text, parallelism, its shard, and the
    folders whose files claim files may name (``read_roots``: empty means the folders
    of the claim paths checked, as :func:`run_check` sets them)."""

    rates_file: str | None = None
    article_file: str | None = None
    jobs: int | None = None
    read_roots: tuple[str, ...] = ()
    # (K, N): this run is shard K of N of a larger one; the report records what it covered.
    shard: tuple[int, int] | None = None
    # The result cache's folder (factcheck.cache); None: every claim is checked.
    cache_dir: str | None = None
    # The report is only rendered as the default text report (width WRAP, not verbose),
    # or only its totals: the result cache may build it of its files' views.
    text_view: bool = False


def run_check(paths: list[str], options: CheckOptions | None = None) -> Report:
    """Check every claim under ``paths`` and return the whole report.

    A rates file in ``options`` is read first, and its error raised, before any work.
    """
    from factcheck.claims.load import expand_paths, load_files
    from factcheck.fileio import read_roots
    from factcheck.report.texts import start_run

    start_run()
    options = options or CheckOptions()
    options = dataclasses.replace(options, read_roots=read_roots(list(paths), options.read_roots))
    if options.rates_file is not None:
        _read_rates_file(options.rates_file)
    with paused_gc():
        files, problems = expand_paths(list(paths))
        if options.cache_dir is not None and not problems:
            from factcheck.cache.check import check_with_cache

            report = check_with_cache(files, options)
            if report is not None:
                return report
        if options.jobs != 1:
            report = _try_parallel(files, problems, options)
            if report is not None:
                return report
        if not problems:
            from factcheck.report.filewise import check_file_by_file

            report = check_file_by_file(files, options)
            if report is not None:
                return report
        catalog = load_files(files, problems, roots=options.read_roots)
        return check_catalog(catalog, options, consume=True)


def record_shard(report: Report, options: CheckOptions, files: list[str],
                 catalog: Catalog) -> None:
    """For a shard run, note in the report its files and the digest of its facts."""
    if options.shard is not None:
        from factcheck.report.shards import shard_record

        report.shard = shard_record(options.shard, files, catalog)


def _read_rates_file(path: str) -> None:
    """Read the run's rates file before any work: a file the user named is checked even
    when no claim needs a rate, and read once (forked workers share the cached table)."""
    from factcheck.rates.select import rates_file_provider

    rates_file_provider(path)


def _try_parallel(files: list[str], problems: list[Problem],
                  options: CheckOptions) -> Report | None:
    """The report from several processes, or None when one process is the way."""
    from factcheck.report import parallel

    jobs = parallel.wanted_jobs(options.jobs, files)
    if jobs < 2 or not parallel.fork_available():
        return None
    return parallel.check_parallel(options, files, problems, jobs)


def check_catalog(catalog: Catalog, options: CheckOptions, *, consume: bool = False) -> Report:
    """The report of every article in ``catalog``; with ``consume``, each article's loaded
    claims are let go once checked (the caller has no further use for them), so that the
    memory they took serves the findings that follow."""
    report = Report(problems=list(catalog.problems))
    articles = catalog.articles
    for n, bundle in enumerate(articles):
        findings, rate_blocks, entry = check_article(bundle, catalog, options)
        report.findings.extend(findings)
        report.rates.extend(rate_blocks)
        report.articles.append(entry)
        if consume:
            articles[n] = None  # type: ignore[call-overload]
    record_shard(report, options, catalog.files, catalog)
    return finish_report(report)


def finish_report(report: Report) -> Report:
    """What needs every article at once: anchoring, coverage, and the final order."""
    _anchor_and_cover(report)
    report.rates.sort(key=rate_block_key)
    report.problems.sort(key=lambda p: (p.file, p.line, p.col, p.code, p.message))
    return report


def make_context(bundle: ArticleBundle, catalog: Catalog, options: CheckOptions) -> Context:
    return Context(
        article=bundle.article,
        article_file=bundle.file,
        facts=catalog.facts,
        sources=catalog.sources,
        rates=_LazyProvider(bundle, options.rates_file, options.read_roots),
        unknown=catalog.unknown,
    )


def check_article(
    bundle: ArticleBundle, catalog: Catalog, options: CheckOptions
) -> tuple[list[Finding], list[dict[str, Any]], dict[str, Any]]:
    """Findings, rate blocks and the report's article entry for one article."""
    context = make_context(bundle, catalog, options)
    findings = [evaluate_claim(loaded, context, bundle.article.id) for loaded in bundle.claims]
    rate_blocks: list[dict[str, Any]] = []
    if any("implied_rate" in f.details and f.verdict != "error" for f in findings):
        rate_blocks, findings = _rates(bundle, context, findings)
    return findings, rate_blocks, _article_entry(bundle, options)


def evaluate_claim(loaded: LoadedClaim, context: Context, article_id: str) -> Finding:
    """Evaluate one claim; a problem with the claim itself becomes an ``error`` finding."""
    claim = loaded.claim
    try:
        if claim.status == TODO:
            outcome = Outcome(verdict="todo", message=_TODO_MESSAGE)
        else:
            outcome = kind_module(claim.kind).evaluate(claim, context)
    except FactcheckError as exc:
        outcome = _error_outcome(exc, loaded)
    except (RecursionError, MemoryError) as exc:
        outcome = _error_outcome(
            FactcheckError(f"claim too complex to evaluate ({type(exc).__name__})",
                           hint="simplify the claim", code="input.limit"),
            loaded,
        )
    return Finding(
        claim_id=claim.id,
        file=loaded.file,
        line=loaded.line,
        col=loaded.col,
        kind=claim.kind,
        quote=claim.quote,
        verdict=outcome.verdict,
        expect=claim.expect,
        message=outcome.message,
        warnings=tuple(outcome.warnings),
        details=outcome.details,
        article_id=article_id,
        note=claim.note or "",
        said=outcome.reading.said,
        data_says=outcome.reading.data_says,
        difference=outcome.reading.difference,
        difference_pct=outcome.reading.difference_pct,
        sources=outcome.reading.sources,
    )


_TODO_MESSAGE = ("to write: drafted with status: todo; complete it and remove the status "
                 "line to have it checked")



def _error_outcome(exc: FactcheckError, loaded: LoadedClaim) -> Outcome:
    """An error finding that says where: the offending field, and the column inside it."""
    field = getattr(exc, "field", None) or _error_field(loaded.kind)
    line, col = loaded.where(field) if field else (loaded.line, loaded.col)
    column = getattr(exc, "column", None)
    if isinstance(column, int) and column > 0 and field == "expr":
        col = col + _quote_offset(loaded.file, line, col) + column - 1
    where = Location(loaded.file, line, col)
    # An error in another file the claim uses (a line of its rates file): both places.
    elsewhere = exc.location if exc.location and exc.location.file != loaded.file else None
    return Outcome(
        verdict="error",
        message=f"{where}: {elsewhere}: {exc.describe()}" if elsewhere else
                f"{where}: {exc.describe()}",
        details={"error": {"code": exc.code, "file": where.file, "line": line, "col": col}},
    )


def _error_field(kind: str) -> str | None:
    """The claim field an error of ``kind`` points at when the error names none."""
    try:
        return str(getattr(kind_module(kind), "ERROR_FIELD", "")) or None
    except KeyError:
        return None


def _quote_offset(path: str, line: int, col: int) -> int:
    """1 when the value at line:col is a quoted scalar (its text starts after the quote)."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for number, text in enumerate(fh, start=1):
                if number == line:
                    return 1 if text[col - 1 : col] in ("'", '"') else 0
    except (OSError, UnicodeDecodeError):
        pass
    return 0


class _LazyProvider:
    """The article's rate provider, chosen and built only when a claim asks for a rate."""

    def __init__(self, bundle: ArticleBundle, override: str | None,
                 roots: tuple[str, ...]) -> None:
        self._bundle = bundle
        self._override = override
        self._roots = roots
        self._provider: Any = None

    def _get(self) -> Any:
        if self._provider is None:
            from factcheck.rates.select import provider_for

            self._provider = provider_for(self._bundle.article, self._bundle.file, self._override,
                                          self._roots or None)
        return self._provider

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)


def _rates(
    bundle: ArticleBundle, context: Context, findings: list[Finding]
) -> tuple[list[dict[str, Any]], list[Finding]]:
    from factcheck.rates.analysis import analyse

    provider = context.rates._get() if isinstance(context.rates, _LazyProvider) else context.rates
    blocks, warnings = analyse(bundle.article, findings, provider)
    for block in blocks:
        block.setdefault("article", bundle.article.id)
    if warnings:
        findings = [
            dataclasses.replace(f, warnings=f.warnings + tuple(warnings[f.claim_id]))
            if f.claim_id in warnings
            else f
            for f in findings
        ]
    return blocks, findings


def _article_entry(bundle: ArticleBundle, options: CheckOptions) -> dict[str, Any]:
    """The report's entry for an article, with its text when it can be read."""
    article = bundle.article
    entry: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published.isoformat(),
        "language": article.language,
        "url": article.url,
        "file": bundle.file,
    }
    attach_text(entry, bundle.file, bundle.line, article.text, options)
    return entry


def attach_text(entry: dict[str, Any], file: str, line: int, written: str | None,
                options: CheckOptions) -> None:
    """Add to an article's entry its text, read now (``written``: its ``text:`` path)."""
    from factcheck.fileio import claim_relative_path
    from factcheck.report.texts import article_text

    text_path = options.article_file or (
        os.path.normpath(os.path.join(os.path.dirname(file), written)) if written else None)
    if text_path:
        entry["text_file"] = _display_path(text_path)
        try:
            if not options.article_file and written:
                claim_relative_path(file, written, options.read_roots or None)
            entry["text"] = article_text(text_path)
        except FactcheckError as exc:
            # A missing article text limits the report (no anchoring, no coverage)
            # but does not make the claims invalid; a text beyond a limit does.
            entry["text_error"] = str(exc)
            if exc.code == "input.limit":
                entry["text_limit"] = Problem(file, line, 1, exc.code, exc.describe())


def _display_path(path: str) -> str:
    rel = os.path.relpath(path)
    return rel if not rel.startswith(".." + os.sep + ".." + os.sep + "..") else path


def _anchor_and_cover(report: Report) -> None:
    report.problems.extend(a.pop("text_limit") for a in report.articles if "text_limit" in a)
    if not any(isinstance(a.get("text"), str) for a in report.articles):
        return
    from factcheck.report.anchoring import anchor_findings
    from factcheck.report.coverage import compute_coverage

    report.findings, problems = anchor_findings(report.findings, report.articles)
    report.problems.extend(problems)
    # A claim still to write covers nothing yet; nor does one whose verdict nobody has
    # reviewed (an error, or a contradiction where the claim expects it to hold).
    report.coverage = compute_coverage(
        report.articles, [f for f in report.findings if f.verdict != TODO
                          and (f.verdict == "holds" or not f.unexpected)],
        problems=report.problems
    )


def problem_from(exc: FactcheckError, file: str) -> Problem:
    loc = exc.location or Location(file)
    return Problem(loc.file, loc.line, loc.col, exc.code, exc.describe())
