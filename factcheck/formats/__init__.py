"""Report formats, listed in one place; each renders the one Report record, nothing else.

Each module defines ``render(report: Report, options: RenderOptions) -> str``, and
may define ``write(report, options, out)`` that writes the same text piece by piece
(a report of many claims is then never one string in memory). Formats never compute
verdicts, rates or coverage: they only lay out what the report already holds.
Modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from factcheck.report.record import Report

FORMATS: dict[str, str] = {
    "text": "factcheck.formats.text",
    "json": "factcheck.formats.json",
    "markdown": "factcheck.formats.markdown",
    "html": "factcheck.formats.html",
    "junit": "factcheck.formats.junit",
    "sarif": "factcheck.formats.sarif",
    "github": "factcheck.formats.github",
    "claimreview": "factcheck.formats.claimreview",
}


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour for terminals, the ClaimReview author, and so on."""

    color: bool = False
    author: str = "factcheck"
    verbose: bool = False
    quiet: bool = False  # the text report's totals line alone
    width: int = 100  # the text report's width in terminal columns
    link_base: str = ""  # Markdown: the repository's blob address, for links to claim lines


def render(report: Report, name: str, options: RenderOptions | None = None) -> str:
    module = importlib.import_module(FORMATS[name])
    return str(module.render(report, options or RenderOptions()))


def write(report: Report, name: str, options: RenderOptions, out: TextIO) -> None:
    """Write what ``render`` returns to ``out``: streamed where the format can."""
    module = importlib.import_module(FORMATS[name])
    streamed = getattr(module, "write", None)
    if streamed is None:
        out.write(str(module.render(report, options)))
    else:
        streamed(report, options, out)


def joined(lines: Iterable[str]) -> Iterator[str]:
    """``"\\n".join(lines)`` as pieces, a line at a time: what a format that renders by
    joining lines writes when it streams (the same bytes, never the whole text)."""
    separator = ""
    for line in lines:
        yield separator
        yield line
        separator = "\n"
