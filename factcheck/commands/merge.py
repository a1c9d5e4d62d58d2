"""``factcheck merge``: join the JSON reports of several shards into one report."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.formats import FORMATS

    p.add_argument("reports", nargs="+", metavar="REPORT.json",
                   help="JSON reports written by `factcheck check --format json`")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="json",
                   help="format of the merged report (default: json)")
    from factcheck.fileio import add_output_options

    add_output_options(p, "write the merged report to FILE")


def run(args: argparse.Namespace) -> int:
    from factcheck.fileio import read_text, write_output
    from factcheck.formats import RenderOptions, render
    from factcheck.report.merge import merge_reports, report_from_json
    from factcheck.report.reportschema import load_json

    loaded = []
    for path in args.reports:
        # Strict: bounded numbers, every field of its type, located errors (exit 2).
        loaded.append((path, report_from_json(load_json(read_text(path), path), path)))
    merged = merge_reports(loaded)
    write_output(render(merged, args.format, RenderOptions()), args.output,
                 follow_links=args.follow_links)
    return merged.exit_code
