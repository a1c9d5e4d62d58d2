"""The command line: parse arguments, run one command, print, exit. Nothing heavy here.

Each command lives in ``factcheck.commands.<name>`` with ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``; a module is imported only when
its command runs, so start-up stays fast. Exit status: 0 as expected, 1 a
discrepancy, 2 invalid input, 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NoReturn

COMMANDS: dict[str, str] = {
    "check": "check every claim and print the discrepancy report",
    "parse": "parse quantities as written and print them as JSON lines",
    "extract": "list every quantity in a text file",
    "schema": "print the JSON Schema of the claim-file format",
    "rate": "print the reference exchange rate for a pair and a date",
    "rates": "print the analysis of the exchange rates that articles imply",
    "coverage": "list the article's quantities and whether some claim covers them",
    "new": "add a claim to a claim file, pre-filled from its quote",
    "draft": "draft a claim file from an article's text",
    "merge": "merge JSON reports from several runs into one",
}


class _Parser(argparse.ArgumentParser):
    """argparse whose usage errors quote arguments through the terminal escape: a path
    expanded from a pull request's file names may hold ``::`` or ``##[``."""

    def error(self, message: str) -> NoReturn:
        from factcheck.formats.escape import terminal_lines

        self.print_usage(sys.stderr)
        self.exit(2, terminal_lines(f"{self.prog}: error: {message}") + "\n")


def _build_parser(argv: list[str], *, every: bool = False
                  ) -> tuple[argparse.ArgumentParser, str | None]:
    """The parser for ``argv`` and the command it names (None: no command)."""
    parser = _Parser(
        prog="factcheck",
        description="Claims as code for the numbers in the news.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    # Only the chosen command's module is imported; the others get a bare help line,
    # and no parser at all when the command comes first: their parsers serve only the
    # top-level help and the error of an unknown command, which cannot arise then
    # (making the nine took about 2 ms of every start). ``every`` builds them all.
    chosen = next((a for a in argv if a in COMMANDS), None)
    alone = not every and bool(argv) and argv[0] == chosen
    for name, summary in COMMANDS.items():
        if alone and name != chosen:
            continue
        p = sub.add_parser(name, help=summary, description=summary)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="show tracebacks of errors")
        if name == chosen:
            _module(name).add_arguments(p)
    return parser, chosen


def _numbers_are_not_options(argv: list[str]) -> list[str]:
    """``factcheck parse -3.9%``: a leading ``-`` of a number starts the texts, not an option."""
    start = argv.index("parse") + 1
    for k in range(start, len(argv)):
        arg = argv[k]
        if arg == "--":
            break
        if len(arg) > 1 and arg[0] == "-" and (arg[1].isdigit() or arg[1] == "."):
            return [*argv[:k], "--", *argv[k:]]
    return argv


def _module(name: str):  # type: ignore[no-untyped-def]
    return importlib.import_module(f"factcheck.commands.{name}")


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, chosen = _build_parser(args_list)
    if chosen == "parse":
        args_list = _numbers_are_not_options(args_list)
    args = parser.parse_args(args_list)
    if args.version:
        from importlib.metadata import version

        print(f"factcheck {version('factcheck')}")
        return 0
    if not args.command:
        parser.print_help(sys.stderr)
        return 2
    from factcheck import limits
    from factcheck.errors import FactcheckError
    from factcheck.quantity.units import lean_pint

    if limits.ENV_PROBLEMS:
        from factcheck.formats.escape import terminal

        for problem in limits.ENV_PROBLEMS:
            print(f"factcheck: {terminal(problem)}", file=sys.stderr)
        return 2
    lean_pint()
    try:
        return int(_module(args.command).run(args))
    except FactcheckError as exc:
        if args.debug:
            return _traceback(exc, 2)
        from factcheck.formats.escape import terminal_lines

        print(terminal_lines(f"factcheck: {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug of ours: say so in one line, never a traceback
        if args.debug:
            return _traceback(exc, 3)
        from factcheck.formats.escape import terminal

        print(
            terminal(f"factcheck: internal error: {type(exc).__name__}: {exc} "
                     "(this is a bug; rerun with --debug for the traceback)"),
            file=sys.stderr,
        )
        return 3


def _traceback(exc: BaseException, code: int) -> int:
    """The traceback of ``exc`` on stderr, each line through the terminal escape (it quotes
    claim text and paths, which must not drive the terminal or a CI runner); ``code``."""
    import traceback

    from factcheck.formats.escape import terminal

    for chunk in traceback.format_exception(exc):
        for line in chunk.rstrip("\n").split("\n"):
            # Python's own headings stand alone on their line: their colon forms no "::".
            print(line if line in _HEADINGS else terminal(line), file=sys.stderr)
    return code


_HEADINGS = frozenset({
    "Traceback (most recent call last):",
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
})


def entry() -> None:
    import gc

    # A command is one short process holding everything it builds until it ends:
    # the cyclic collector would only rescan that (the loader and the runner pause
    # it anyway). Callers of main() in a longer process keep their collector.
    gc.disable()
    from factcheck import gcpause

    # Like mypy, end the process without freeing what the command built object by
    # object (a few tenths of a second for an archive); main() itself stays clean
    # for callers in a longer process.
    gcpause.end_without_freeing()
    gcpause.exit_command(main())


if __name__ == "__main__":
    entry()
