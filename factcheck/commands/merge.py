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
    from factcheck.formats import RenderOptions, render, write
    from factcheck.report.merge import merge_reports, report_from_json
    from factcheck.report.reportschema import load_json, read_report
    from factcheck.report.shards import check_shards

    loaded = []
    for path in args.reports:
        # Strict: bounded numbers, every field of its type, located errors (exit 2).
        loaded.append((path, report_from_json(load_json(read_report(path), path), path)))
    # Shard reports must be one whole set, checked against the same facts.
    notes = check_shards([(path, report.shard) for path, report in loaded], args.partial)
    merged = merge_reports(loaded)
    if args.output in (None, "-"):
        text = render(merged, args.format, RenderOptions())
        stream_output(lambda out: out.write(text), args.output)
    else:  # claim by claim where the format can; a failure half-way leaves the file as it was
        stream_output(lambda out: write(merged, args.format, RenderOptions(), out), args.output,
                      follow_links=args.follow_links)
    for note in notes:
        print(f"factcheck merge: {note}", file=sys.stderr)
    return merged.exit_code
