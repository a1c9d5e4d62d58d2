"""``factcheck schema``: print the JSON Schema of the claim-file format."""

from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.fileio import add_output_options

    add_output_options(p, "write the schema to FILE atomically instead of stdout")


def run(args: argparse.Namespace) -> int:
    from factcheck.claims.schema import claim_file_schema, schema_json
    from factcheck.fileio import write_output

    schema = claim_file_schema()
    write_output(schema_json(schema), args.output, follow_links=args.follow_links)
    comment = schema.get("$comment")
    if comment:
        print(f"factcheck: warning: {comment}", file=sys.stderr)
    return 0
