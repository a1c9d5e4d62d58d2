"""Checking with several processes: shard the claim files, share the facts, merge in file order.

Checking is independent per article once every process knows every fact and
source. The files are cut into contiguous shards; this process checks the first
and forks one worker per other shard. Each loads its shard (loading is a fifth
of the work), then the few files that define facts or sources, evaluates its own
articles, and a worker sends its results back in batches, which this process
takes in between its own articles, so that no worker waits on a full pipe. The
results are merged in shard order, so the report is the one the single-process
path builds, byte for byte. (Keeping the first shard here, rather than forking a
worker for it too, saves pickling and unpickling a share of the results and a
third process competing for the cores.)

The cross-file rules of loading (duplicate ids, facts citing unknown sources) need
the whole input; the shards are checked against each other, and when any file has
a problem the run falls back to one process, so that problems are reported exactly
as the single-process path reports them. Platforms without ``fork`` use one process.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import traceback
from typing import TYPE_CHECKING, Any

from factcheck.quantity.rational import Fraction

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from factcheck.report.record import Finding, Problem, Report
    from factcheck.report.runner import CheckOptions

# The default (no --jobs) uses several processes only above this much claim text:
# below it, starting processes costs more than it saves (the seed claims take 0.1 s).
AUTO_PARALLEL_BYTES = 1_000_000
# Articles per message from a worker: small enough to overlap the parent's
# unpickling with the workers' checking, large enough to keep messages few.
BATCH_ARTICLES = 250
# The only loading problem a shard may report and still be merged: a fact citing a
# source defined in another shard, which the global fact load then settles.
_CROSS_SHARD = "facts.unknown-source"


def wanted_jobs(requested: int | None, files: list[str]) -> int:
    """How many processes to use: as asked, else the cores when the input is large."""
    if requested is not None and requested < 1:
        from factcheck.errors import FactcheckError

        raise FactcheckError(f"--jobs must be at least 1, got {requested}",
                             hint="give the number of worker processes, e.g. --jobs 2")
    if len(files) < 2:
        return 1
    if requested is not None:
        return max(1, min(requested, len(files)))
    cores = os.cpu_count() or 1
    if cores < 2 or _total_bytes(files) < AUTO_PARALLEL_BYTES:
        return 1
    return min(cores, len(files))


def _total_bytes(files: list[str], stop: int = AUTO_PARALLEL_BYTES) -> int:
    total = 0
    for path in files:
        try:
            total += os.path.getsize(path)
        except OSError:
            continue
        if total >= stop:
            break
    return total


def fork_available() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def shards(files: list[str], count: int, first: Fraction | int = 1) -> list[list[str]]:
    """``files`` cut into ``count`` contiguous runs, each of about equal size in bytes but
    the first, which is ``first`` times the size of each other one.

    Equal shares balance the checking: this process's taking in the workers' results
    costs about what their sending costs them (measured on 100,000 claims). What this
    process does alone once every result is in (anchoring, sorting, rendering) is
    balanced by a smaller ``first`` (see ``own_share``).
    """
    sizes = []
    for path in files:
        try:
            sizes.append(max(os.path.getsize(path), 1))
        except OSError:
            sizes.append(1)
    out: list[list[str]] = [[] for _ in range(count)]
    for path, index in zip(files, shard_of(sizes, count, first), strict=True):
        out[index].append(path)
    return [s for s in out if s]


def shard_of(sizes: list[int], count: int, first: Fraction | int = 1) -> list[int]:
    """The shard of each file (by size, in order), as :func:`shards` cuts them: a file
    goes where its middle falls in the whole input."""
    if count < 2:
        return [0] * len(sizes)
    total = sum(sizes)
    weight = Fraction(first) + count - 1
    # Where each shard ends, as a share of the whole input: exact, so that equal weights
    # cut exactly where an even split does.
    ends = [(Fraction(first) + i) / weight for i in range(count)]
    out = []
    seen = 0
    index = 0
    for size in sizes:
        middle = Fraction(2 * seen + size, 2 * total)
        while index < count - 1 and middle >= ends[index]:
            index += 1
        out.append(index)
        seen += size
    return out


# What this process does alone at the end, after the workers are done (merging their
# results in order, anchoring, sorting, rendering and writing the report), as a share
# of the whole run's checking: measured for the text report (see own_share).
SERIAL_TAIL = Fraction(7, 100)


def own_share(jobs: int) -> Fraction:
    """The first shard's size against each worker's, so that all end together: with
    ``jobs`` processes, a run's work W and this process's tail t*W,
    first*S + t*W = S for each worker's S, where first*S + (jobs-1)*S = W."""
    return max(Fraction(0), (1 - (jobs - 1) * SERIAL_TAIL) / (1 + SERIAL_TAIL))


def check_parallel(options: CheckOptions, files: list[str], expand_problems: list[Problem],
                   jobs: int, *, finish: bool = True) -> Report | None:
    """The report, or None when the input needs the single-process path; without
    ``finish``, its parts in file order, before anchoring, coverage and sorting."""
    import multiprocessing

    from factcheck import limits
    from factcheck.claims.load import load_files
    from factcheck.report.record import Report
    from factcheck.report.runner import check_article, finish_report, record_shard

    # The run limits hold over all files: a run over them is left to the one-process
    # path, which reports the limit where it is reached (a shard alone may be under it).
    if _total_bytes(files, stop=limits.MAX_RUN_BYTES + 1) > limits.MAX_RUN_BYTES:
        return None
    _warm_up()
    context = multiprocessing.get_context("fork")
    own_part, *parts = shards(files, jobs, own_share(jobs))
    conns: list[Connection] = []
    procs = []
    finished = False  # every worker said "done" (or "fallback")
    try:
        for part in parts:
            parent, child = context.Pipe(duplex=True)
            # The child closes its copies of this process's ends (its own and the earlier
            # workers'), so that it sees the pipe break when this process goes away.
            ours = [*conns, parent]
            proc = context.Process(target=_worker, args=(child, part, options, ours),
                                   daemon=True)
            proc.start()
            child.close()
            conns.append(parent)
            procs.append(proc)
        catalog = load_files(own_part, roots=options.read_roots)
        summaries = [_summary(catalog)] + [_receive(conn) for conn in conns]
        fact_files = _fact_files(files, summaries)
        for conn in conns:
            conn.send(fact_files)
        if fact_files is None:
            return None
        shared = load_files(fact_files, roots=options.read_roots)
        if shared.problems:
            return None
        catalog.facts = shared.facts
        catalog.unknown = shared.unknown
        catalog.sources = shared.sources
        catalog.source_locations = shared.source_locations
        inbox = _Inbox(conns)
        report = Report(problems=list(expand_problems))
        articles = catalog.articles
        for n, bundle in enumerate(articles):
            findings, rate_blocks, entry = check_article(bundle, catalog, options)
            report.findings.extend(findings)
            report.rates.extend(rate_blocks)
            report.articles.append(entry)
            articles[n] = None  # type: ignore[call-overload]
            inbox.take_ready()
        inbox.take_all()
        finished = True
        if inbox.fallback:
            return None
    finally:
        for conn in conns:
            conn.close()
        for proc in procs:
            if finished:
                proc.join(timeout=5)
            # On an error here (or Ctrl-C) a worker's results are of no use: stop it now
            # rather than wait for it.
            if proc.is_alive():
                proc.kill()
                proc.join()
    for batch in inbox.batches:
        for findings, rate_blocks, entries in batch:
            report.findings.extend(findings)
            report.rates.extend(rate_blocks)
            report.articles.extend(entries)
    if not finish:
        return report
    record_shard(report, options, files, shared)
    return finish_report(report)


class _Inbox:
    """The workers' batches, taken as they come, kept per worker in arrival order."""

    def __init__(self, conns: list[Connection]) -> None:
        self.conns = conns
        self.batches: list[list[Any]] = [[] for _ in conns]
        self.done: set[int] = set()
        self.fallback = False

    def _take(self, i: int) -> None:
        message = _receive(self.conns[i])
        if message == "done":
            self.done.add(i)
        elif message == "fallback":
            self.fallback = True
            self.done.add(i)
        elif not self.fallback:
            self.batches[i].append(_rebuild(message))

    def take_ready(self) -> None:
        """Whatever has arrived, without waiting (between this process's articles)."""
        for i, conn in enumerate(self.conns):
            while i not in self.done and conn.poll():
                self._take(i)

    def take_all(self) -> None:
        from multiprocessing.connection import wait

        index_of = {id(conn): i for i, conn in enumerate(self.conns)}
        while len(self.done) < len(self.conns):
            waiting = [c for i, c in enumerate(self.conns) if i not in self.done]
            for ready in wait(waiting):
                self._take(index_of[id(ready)])


def _warm_up() -> None:
    """Import what every worker needs before forking, so that it is done once and shared."""
    from factcheck.claims import load  # noqa: F401
    from factcheck.kinds import KIND_MODULES, kind_module
    from factcheck.quantity import grammar  # noqa: F401
    from factcheck.quantity.units import registry

    for kind in KIND_MODULES:
        # A kind that cannot load is reported by the loader, in every process alike.
        with contextlib.suppress(ImportError, AttributeError):
            kind_module(kind)
    registry()


def _receive(conn: Connection) -> Any:
    from factcheck.errors import FactcheckError

    try:
        message = conn.recv()
    except EOFError:
        raise FactcheckError(
            "a worker process ended without an answer (out of memory?)",
            hint="run again with --jobs 1",
        ) from None
    if isinstance(message, tuple) and message and message[0] == "crash":
        # One line, as for an error in this process; the worker's traceback is a note,
        # which Python prints only when the error is raised on (--debug).
        lines = str(message[1]).strip().splitlines() or ["unknown error"]
        error = RuntimeError(f"in a worker process: {lines[-1]}")
        error.add_note(str(message[1]))
        raise error
    return message


def _fact_files(files: list[str], summaries: list[dict[str, Any]]) -> list[str] | None:
    """Every file that defines facts or sources, in file order; None: use one process."""
    from factcheck import limits

    if any(s["blocking"] for s in summaries):
        return None
    if sum(len(s["claims"]) for s in summaries) > limits.MAX_RUN_CLAIMS:
        return None  # over the run limit in all: the one-process path reports it
    for key in ("articles", "claims", "facts", "sources"):
        names: list[str] = [n for s in summaries for n in s[key]]
        if len(names) != len(set(names)):
            return None
    wanted = set().union(*(s["fact_files"] for s in summaries))
    return [f for f in files if f in wanted]


def _worker(conn: Connection, part: list[str], options: CheckOptions,
            parents_ends: list[Connection]) -> None:
    import gc

    for end in parents_ends:
        end.close()
    # As in the parent (factcheck.gcpause.paused_gc), and the worker ends without cleaning up.
    gc.disable()
    try:
        _serve(conn, part, options)
    except BaseException:  # noqa: BLE001 - the parent reports it; a worker must not hang
        with contextlib.suppress(OSError, ValueError):
            conn.send(("crash", traceback.format_exc()))
    finally:
        conn.close()
        # Skip interpreter teardown: the parent has everything it needs.
        os._exit(0)


def _serve(conn: Connection, part: list[str], options: CheckOptions) -> None:
    from factcheck.claims.load import load_files
    from factcheck.report.runner import check_article

    catalog = load_files(part, roots=options.read_roots)
    conn.send(_summary(catalog))
    fact_files = conn.recv()
    if fact_files is None:
        conn.send("fallback")
        return
    shared = load_files(fact_files, roots=options.read_roots)
    if shared.problems:
        conn.send("fallback")
        return
    catalog.facts = shared.facts
    catalog.unknown = shared.unknown
    catalog.sources = shared.sources
    catalog.source_locations = shared.source_locations
    articles = catalog.articles
    for start in range(0, len(articles), BATCH_ARTICLES):
        batch: tuple[list[Any], list[Any], list[Any]] = ([], [], [])
        for n in range(start, min(start + BATCH_ARTICLES, len(articles))):
            findings, rate_blocks, entry = check_article(articles[n], catalog, options)
            batch[0].extend(_flatten(f) for f in findings)
            batch[1].extend(rate_blocks)
            batch[2].append(entry)
            # The article's claims are done with: free them while the others run.
            articles[n] = None  # type: ignore[call-overload]
        conn.send(batch)
    conn.send("done")


def _summary(catalog: Any) -> dict[str, Any]:
    # A fact from a table is kept with its CSV's place; the file to load is the one
    # whose tables: section names that CSV.
    fact_files = {catalog.tables.get(known.file, known.file)
                  for known in (*catalog.facts.values(), *catalog.unknown.values())}
    fact_files.update(loc.file for loc in catalog.source_locations.values())
    fact_files.update(p.file for p in catalog.problems if p.code == _CROSS_SHARD)
    return {
        "blocking": any(p.code != _CROSS_SHARD for p in catalog.problems),
        "articles": [b.article.id for b in catalog.articles],
        "claims": [c.id for b in catalog.articles for c in b.claims],
        "facts": [*catalog.facts, *catalog.unknown],
        "sources": list(catalog.sources),
        "fact_files": fact_files,
    }


_FIELDS: tuple[str, ...] = ()


def _field_names() -> tuple[str, ...]:
    global _FIELDS
    if not _FIELDS:
        from factcheck.report.record import Finding

        _FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
    return _FIELDS


def _flatten(finding: Finding) -> tuple[Any, ...]:
    # A plain tuple pickles and unpickles several times faster than the dataclass.
    return tuple(getattr(finding, name) for name in _field_names())


def _rebuild(message: Any) -> tuple[list[Finding], list[Any], list[Any]]:
    from factcheck.report.record import Finding

    rows, rate_blocks, entries = message
    names = _field_names()
    if hasattr(Finding, "__slots__"):
        return [Finding(*row) for row in rows], rate_blocks, entries
    # The frozen dataclass's __init__ sets each field through object.__setattr__,
    # a tenth of the parent's time at 100,000 claims; filling __dict__ gives the
    # same objects (Finding has no __post_init__) in a fraction of it.
    new = object.__new__
    out = []
    for row in rows:
        finding = new(Finding)
        finding.__dict__.update(zip(names, row, strict=True))
        out.append(finding)
    return out, rate_blocks, entries
