"""``factcheck check``: check every claim and print the discrepancy report."""

from __future__ import annotations

import argparse
import os
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.commands import add_root_argument
    from factcheck.commands.draft import add_source_arguments
    from factcheck.fileio import add_output_options
    from factcheck.formats import FORMATS

    p.add_argument("paths", nargs="*", default=["claims"], metavar="PATH",
                   help="claim files or folders of *.yaml (default: claims/)")
    add_source_arguments(p, required=False)
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="text",
                   help="report format (default: text)")
    add_output_options(p, "write the report to FILE atomically instead of stdout")
    p.add_argument("--rates", metavar="FILE",
                   help="a rates file (ECB CSV layout) to use instead of the ECB data")
    p.add_argument("--article", metavar="FILE",
                   help="the article text, for quote anchoring and coverage")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes (default: the number of cores when the claim "
                        "files exceed 1 MB, else 1)")
    p.add_argument("--shard", type=_shard, default=None, metavar="K/N",
                   help="this run is shard K of N of a larger run: the JSON report records "
                        "its files and facts, for `factcheck merge` to check the set")
    p.add_argument("--author", default="factcheck",
                   help="the reviewing organisation named in ClaimReview output")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 while any claim is still to write (status: todo)")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour in the text report (auto: on a terminal, unless NO_COLOR)")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--verbose", "-v", action="store_true",
                       help="text report: every claim in full, not only what needs attention")
    shown.add_argument("--quiet", "-q", action="store_true",
                       help="text report: the totals line alone")
    p.add_argument("--link-base", default="", metavar="URL",
                   help="Markdown: link each claim to its line under URL (the repository's "
                        "blob address, e.g. https://github.com/ORG/REPO/blob/SHA)")
    p.add_argument("--width", type=int, default=None, metavar="COLUMNS",
                   help="text report width (default: the terminal's, 100 when not a terminal)")
    add_root_argument(p)
    cache = p.add_mutually_exclusive_group()
    cache.add_argument("--cache-dir", metavar="DIR", default=None,
                       help="the result cache's folder (default: $FACTCHECK_CACHE_DIR, else "
                            ".factcheck_cache in the working folder)")
    cache.add_argument("--no-cache", action="store_true",
                       help="check every claim, neither reading nor writing the result cache "
                            "(or set FACTCHECK_NO_CACHE)")


def cache_folder(args: argparse.Namespace) -> str | None:
    """The result cache's folder for this run, or None without a cache (--no-cache, or
    FACTCHECK_NO_CACHE set); a folder that is a symbolic link is refused (unless
    --follow-links), as --output is."""
    if args.no_cache or os.environ.get("FACTCHECK_NO_CACHE"):
        return None
    folder = args.cache_dir or os.environ.get("FACTCHECK_CACHE_DIR") or ".factcheck_cache"
    from factcheck.cache.store import refuse_link

    refuse_link(folder, args.follow_links)
    return folder


def text_width(asked: int | None, output: str | None) -> int:
    """The text report's width: as asked, else the terminal's, else 100 (files, pipes)."""
    if asked is not None:
        return max(asked, 40)
    from factcheck.formats.text import WRAP

    if output in (None, "-") and sys.stdout.isatty():
        import shutil

        return max(shutil.get_terminal_size((WRAP, 24)).columns, 40)
    return WRAP


def _shard(text: str) -> tuple[int, int]:
    from factcheck.report.shards import parse_shard

    try:
        return parse_shard(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def use_color(choice: str, output: str | None) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or output not in (None, "-"):
        return False
    return sys.stdout.isatty()


def run(args: argparse.Namespace) -> int:
    from factcheck.fileio import stream_output
    from factcheck.formats import RenderOptions, write
    from factcheck.formats.escape import terminal
    from factcheck.gcpause import hold_until_exit, paused_gc
    from factcheck.report.runner import CheckOptions, run_check

    if args.output not in (None, "-") and not args.follow_links:
        from factcheck.fileio import refuse_links

        # Before any work: a refused run neither checks nor writes its cache.
        refuse_links(args.output)
    from factcheck.formats.text import WRAP

    width = text_width(args.width, args.output)
    options = CheckOptions(rates_file=args.rates, article_file=args.article, jobs=args.jobs,
                           read_roots=tuple(args.root), shard=args.shard,
                           cache_dir=cache_folder(args),
                           text_view=args.format == "text" and not args.verbose
                           and (args.quiet or width == WRAP))
    from factcheck.commands.draft import hint_published

    hint_published(args)
    # Rendering too: with every finding alive, collections would double its time.
    with paused_gc():
        if args.published is not None:
            from factcheck.draft.inmemory import drafted_catalog
            from factcheck.report.runner import check_catalog

            report = check_catalog(
                drafted_catalog(args.paths, args.published, args.language), options)
        else:
            report = run_check(args.paths, options)
        hold_until_exit(report)  # freed with the process, not object by object
        # What is said after the report is read off the findings now, one pass each while
        # they are fresh: after a large report is written they are cold (a pass over
        # 100,000 findings then took a tenth of a second against a hundredth).
        from factcheck.formats.text import summary_line

        say_totals = args.format != "text" and (args.output or not sys.stdout.isatty())
        totals = summary_line(report) if say_totals else ""
        error_messages = report.error_messages()
        exit_code = report.exit_code
        todo_left = bool(args.strict and exit_code == 0 and report.summary().get("todo"))
        render_options = RenderOptions(
            color=use_color(args.color, args.output), author=args.author,
            verbose=args.verbose, quiet=args.quiet, width=width,
            link_base=args.link_base)
        # Written as the format renders it: JSON claim by claim, never one whole string.
        stream_output(lambda out: write(report, args.format, render_options, out), args.output,
                      follow_links=args.follow_links)
    if say_totals:
        # The very words of the text report's totals line, so the two never disagree.
        print(f"factcheck: {totals}", file=sys.stderr)
    if args.format != "text" or args.output:
        # The text report on stdout already shows these; other formats need them on stderr.
        for problem in report.problems:
            print(terminal(str(problem)), file=sys.stderr)
        for message in error_messages:
            print(terminal(message), file=sys.stderr)
    for article in report.articles:
        if "text_error" in article:
            print(terminal(f"factcheck: note: article text not read, so quotes are not anchored "
                           f"and coverage is not measured: {article['text_error']}"),
                  file=sys.stderr)
    if todo_left:
        print("factcheck: --strict: some claims are still to write (status: todo)",
              file=sys.stderr)
        return 1
    return exit_code
