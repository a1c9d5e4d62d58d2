"""One module per CLI command: HELP, add_arguments(parser), run(args) -> int."""

from __future__ import annotations

import argparse


def add_root_argument(p: argparse.ArgumentParser) -> None:
    """``--root DIR``, for every command that reads claim files."""
    p.add_argument("--root", action="append", default=[], metavar="DIR",
                   help="a folder whose files claim files may name (text:, rates:), besides "
                   "the folders of the claim paths; repeatable")
