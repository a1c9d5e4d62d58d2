"""``factcheck merge``: join the JSON reports of several shards into one report."""

from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.formats import FORMATS

    p.add_argument("reports", nargs="+", metavar="REPORT.json",
                   help="JSON reports written by `factcheck check --format json`")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="json",
                   help="format of the merged report (default: json)")
    from factcheck.fileio import add_output_options

    add_output_options(p, "write the merged report to FILE")
    p.add_argument("--partial", action="store_true",
                   help="merge shard reports even when some shards are missing (named on "
                        "stderr)")


def run(args: argparse.Namespace) -> int:
    from factcheck.fileio import stream_output
    from factcheck.formats import RenderOptions, write
    from factcheck.gcpause import hold_until_exit, paused_gc
    from factcheck.report.merge import merge_files

    # Strict: bounded numbers, every field of its type, located errors (exit 2); shard
    # reports must be one whole set, checked against the same facts. No report is ever
    # whole in memory: each is read claim by claim, and its claims read again as the
    # format lists them.
    with paused_gc():  # entries stay alive to the end: collections would find nothing
        merged, notes = merge_files(args.reports, args.partial)
        hold_until_exit(merged)  # freed with the process, not entry by entry
        try:
            # A failure half-way leaves an output file as it was.
            stream_output(lambda out: write(merged, args.format, RenderOptions(), out),
                          args.output, follow_links=args.follow_links)
        finally:
            merged.sources.close()
    for note in notes:
        print(f"factcheck merge: {note}", file=sys.stderr)
    return merged.exit_code
