"""``factcheck parse TEXT...``: read quantities as written and print them as JSON lines."""

from __future__ import annotations

import argparse
import sys

HELP = "parse quantities as written and print them as JSON lines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "texts", nargs="+", metavar="TEXT",
        help="a quantity as written, e.g. '약 16조4천780억 원' or 'CNY 150 billion'",
    )


def run(args: argparse.Namespace) -> int:
    """Print every good TEXT as a JSON line, report every bad one; 2 if any was bad."""
    import json

    from factcheck.errors import FactcheckError
    from factcheck.formats.escape import json_document, terminal
    from factcheck.quantity.grammar import parse_quantity
    from factcheck.quantity.jsonview import quantity_json

    bad = 0
    for text in args.texts:
        try:
            q = parse_quantity(text)
        except FactcheckError as exc:
            print(terminal(f"factcheck parse: {exc}"), file=sys.stderr)
            bad += 1
            continue
        print(json_document(json.dumps(quantity_json(q, text), ensure_ascii=False)))
    return 2 if bad else 0
