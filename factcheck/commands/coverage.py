"""``factcheck coverage``: the article's quantities and whether some claim's quote covers each."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.commands import add_root_argument

    p.add_argument("paths", nargs="*", default=["claims"], metavar="PATH",
                   help="claim files or folders of *.yaml (default: claims/)")
    p.add_argument("--article", metavar="FILE",
                   help="the article text (default: each article's `text` in its claim file)")
    p.add_argument("--format", "-f", choices=["text", "json"], default="text",
                   help="output format (default: text)")
    p.add_argument("--all", "-a", action="store_true",
                   help="list every quantity with the claims that cover it (default: only "
                   "the ones no claim covers; a fully covered article is one line)")
    from factcheck.fileio import add_output_options

    add_output_options(p, "write to FILE atomically")
    add_root_argument(p)


def render_text(coverage: dict[str, Any], every: bool = False) -> str:
    """The summary, then per article its line and the quantities no claim covers (with
    ``every``, all of them and who covers each): folded when the article is complete."""
    from factcheck.formats.escape import terminal
    from factcheck.formats.text import coverage_lines, shorten

    lines = coverage_lines(coverage)[:1]
    for art in coverage.get("articles", []):
        lines.append(
            terminal(f"{art.get('article', '')} ({art.get('file', '')}): "
                     f"{art.get('covered', 0)}/{art.get('quantities', 0)} "
                     f"({art.get('percent', '0')}%)")
        )
        for item in art.get("items", []):
            by = ", ".join(terminal(str(c)) for c in item.get("covered_by", []))
            if by and not every:
                continue
            lines.append(
                f"  {terminal(str(item.get('line')))}:{terminal(str(item.get('col')))}  "
                f"{shorten(str(item.get('text', '')), 40)}"
                f"  {'covered by ' + by if by else 'NOT COVERED'}"
            )
    if not every and any(i.get("covered_by") for a in coverage.get("articles", [])
                         for i in a.get("items", [])):
        lines.append("(covered quantities folded: --all lists them with their claims)")
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from factcheck.errors import ClaimFileError
    from factcheck.fileio import write_output
    from factcheck.report.coverage import compute_coverage
    from factcheck.report.runner import CheckOptions, run_check

    report = run_check(args.paths, CheckOptions(article_file=args.article,
                                                  read_roots=tuple(args.root)))
    coverage = report.coverage
    if coverage is None:
        coverage = compute_coverage(report.articles, report.findings)
    from factcheck.formats.escape import json_document, terminal

    for problem in report.problems:
        print(terminal(str(problem)), file=sys.stderr)
    if coverage is None:
        if report.problems:
            return 2
        raise ClaimFileError(
            "no article text to measure coverage on",
            hint="set `text:` in the article block of the claim file or pass --article FILE",
            code="coverage.no_text",
        )
    if args.format == "json":
        text = json_document(json.dumps(coverage, ensure_ascii=False, indent=2)) + "\n"
    else:
        text = render_text(coverage, args.all)
    write_output(text, args.output, follow_links=args.follow_links)
    return 2 if report.problems else 0
