"""A one-process check that loads and checks the claim files one at a time.

Loading every file first held every loaded claim at once (about 2.3 KB a claim),
and the memory they freed as articles were checked did not all serve the findings
that followed: the peak grew by the loaded claims and the findings together. Here
the files that define facts, sources or tables are loaded first (every article
needs them), then each other file is loaded, its article checked and its claims let
go before the next file is read.

The result is the report that loading everything first gives, or None: input with
any problem, and a file that defines something after all (the search for defining
files reads the text, not the YAML), are left to that path, which reports problems
in its order. The report, its findings and its articles are in file order as there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck import limits

if TYPE_CHECKING:
    from factcheck.claims.load import ArticleBundle, Catalog
    from factcheck.report.record import Report
    from factcheck.report.runner import CheckOptions

# A top-level section that every article may need, as block YAML writes it.
_DEFINES = re.compile(rb"^(?:facts|sources|tables)[ \t]*:", re.MULTILINE)


def check_file_by_file(files: list[str], options: CheckOptions) -> Report | None:
    """The report of ``files`` (found without problems), or None to load them all first."""
    from factcheck.claims.load import open_load
    from factcheck.report.record import Report
    from factcheck.report.runner import check_article, finish_report, record_shard

    defining = {path for path in files if _may_define(path)}
    load = open_load(files, roots=options.read_roots)
    catalog = load.catalog
    for path in files:
        if path in defining:
            load.load_file(path)
    load.finish()
    if catalog.problems:
        return None
    held: dict[str, list[ArticleBundle]] = {}
    for bundle in catalog.articles:
        held.setdefault(bundle.file, []).append(bundle)
    catalog.articles.clear()
    defined = _defined(catalog)
    report = Report()
    for path in files:
        if path in defining:
            bundles = held.pop(path, [])
        else:
            load.load_file(path)
            if catalog.problems or _defined(catalog) != defined:
                return None
            bundles = catalog.articles[:]
            catalog.articles.clear()
        for bundle in bundles:
            findings, rate_blocks, entry = check_article(bundle, catalog, options)
            report.findings.extend(findings)
            report.rates.extend(rate_blocks)
            report.articles.append(entry)
        del bundles  # this file's claims are let go before the next file is read
    record_shard(report, options, catalog.files, catalog)
    return finish_report(report)


def _may_define(path: str) -> bool:
    """Whether the file may define facts, sources or tables (unreadable ones: yes, so
    that loading them first reports their problem before any claim is checked)."""
    try:
        with open(path, "rb") as fh:
            return _DEFINES.search(fh.read(limits.MAX_FILE_BYTES + 1)) is not None
    except OSError:
        return True


def _defined(catalog: Catalog) -> tuple[int, ...]:
    """How much the files loaded so far define, which a file checked alone must not change."""
    return (len(catalog.facts), len(catalog.unknown), len(catalog.sources),
            len(catalog.source_locations), len(catalog.tables))
