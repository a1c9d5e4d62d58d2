"""``factcheck merge``: join the JSON reports of several shards into one report."""

from __future__ import annotations

import argparse
import json


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.formats import FORMATS

    p.add_argument("reports", nargs="+", metavar="REPORT.json",
                   help="JSON reports written by `factcheck check --format json`")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="json",
                   help="format of the merged report (default: json)")
    from factcheck.fileio import add_output_options

    add_output_options(p, "write the merged report to FILE")


def run(args: argparse.Namespace) -> int:
    from factcheck.errors import ClaimFileError, Location
    from factcheck.fileio import read_text, write_output
    from factcheck.formats import RenderOptions, render
    from factcheck.report.merge import merge_reports, report_from_json

    loaded = []
    for path in args.reports:
        text = read_text(path)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ClaimFileError(
                f"not valid JSON: {exc.msg}",
                hint="merge the output of `factcheck check --format json`",
                location=Location(path, exc.lineno, exc.colno),
                code="merge.not-json",
            ) from None
        except RecursionError:
            raise ClaimFileError(
                "JSON nested too deeply to read",
                hint="merge the output of `factcheck check --format json`",
                location=Location(path),
                code="merge.not-json",
            ) from None
        loaded.append((path, report_from_json(data, path)))
    from factcheck.errors import FactcheckError

    try:
        merged = merge_reports(loaded)
        text = render(merged, args.format, RenderOptions())
    except FactcheckError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError) as exc:
        # report_from_json checks the top of each report; nested parts (details, rate
        # blocks, coverage) are used as written, so a wrong type there is the input's.
        raise ClaimFileError(
            f"a report holds a value of an unexpected type ({type(exc).__name__}: {exc})",
            hint="merge unmodified output of `factcheck check --format json`",
            code="merge.not-a-report",
        ) from None
    write_output(text, args.output, follow_links=args.follow_links)
    return merged.exit_code
