"""``factcheck rates [PATH...]``: the exchange rates the articles imply, analysed."""

from __future__ import annotations

import argparse

HELP = "print the analysis of the exchange rates that articles imply"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.commands import add_root_argument
    from factcheck.commands.draft import add_source_arguments

    p.add_argument("paths", nargs="*", default=["claims"], metavar="PATH",
                   help="claim files or folders of *.yaml (default: claims/)")
    add_source_arguments(p, required=False)
    p.add_argument("--format", "-f", choices=["json", "text"], default="json",
                   help="json (default) or a text table")
    p.add_argument("--rates", metavar="FILE",
                   help="a rates file (Date,From,To,Rate or the ECB layout) instead of the "
                   "ECB data and of the articles' own rates files")
    add_root_argument(p)


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from factcheck.claims.load import load_paths
    from factcheck.errors import FactcheckError, InputErrors, Location
    from factcheck.fileio import read_roots
    from factcheck.formats.escape import json_document, terminal
    from factcheck.kinds import kind_module
    from factcheck.rates import provider_for
    from factcheck.rates.analysis import analyse_rates

    if args.rates is not None:
        # Named on the command line: checked once, before anything else, as check does.
        from factcheck.rates.select import rates_file_provider

        rates_file_provider(args.rates)
    if args.published is not None:
        from factcheck.draft.inmemory import drafted_catalog

        catalog = drafted_catalog(list(args.paths), args.published, args.language)
    else:
        from factcheck.commands.draft import hint_published

        hint_published(args)
        catalog = load_paths(list(args.paths), roots=read_roots(list(args.paths), args.root))
    roots = read_roots(list(args.paths), args.root)
    problems = [str(p) for p in catalog.problems]
    blocks = []
    for bundle in catalog.articles:
        conversions = []
        for loaded in bundle.claims:
            # A kind that can write a conversion says so with ``implied(claim)``: an
            # ImpliedRate, or None when this claim converts nothing.
            implied = getattr(kind_module(loaded.kind), "implied", None)
            if implied is None or loaded.claim.status == "todo":
                continue
            try:
                found = implied(loaded.claim)
            except FactcheckError as exc:
                problems.append(str(exc.at(loaded.location(getattr(exc, "field", None)))))
                continue
            if found is not None:
                conversions.append(found)
        if not conversions:
            continue
        try:
            provider = provider_for(bundle.article, bundle.file, args.rates, roots)
        except InputErrors as exc:
            problems.extend(str(p) for p in exc.problems)
            continue
        except FactcheckError as exc:
            problems.append(str(exc.at(Location(bundle.file, bundle.line, 1))))
            continue
        blocks.extend(analyse_rates(bundle.article, conversions, provider))
    if args.format == "text":
        from factcheck.rates.table import rates_table

        sys.stdout.write(rates_table(blocks))
    else:
        print(json_document(json.dumps(blocks, ensure_ascii=False, indent=2)))
    for line in problems:
        print(terminal(line), file=sys.stderr)
    return 2 if problems else 0

