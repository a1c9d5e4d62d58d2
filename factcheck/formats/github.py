"""GitHub Actions workflow commands (::error file=...::message), worst first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from factcheck.formats import joined
from factcheck.formats.escape import workflow_data, workflow_property
from factcheck.formats.text import summary_line

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report


def command(name: str, message: str, **props: object) -> str:
    """One workflow command, one line whatever the input: every payload escaped."""
    parts = ",".join(
        f"{k}={workflow_property(str(v))}" for k, v in props.items() if v not in (None, "")
    )
    head = f"::{name} {parts}" if parts else f"::{name}"
    return f"{head}::{workflow_data(message)}"


def _level(f: Finding) -> str | None:
    if f.verdict == "error" or (f.unexpected and f.verdict == "contradicted"):
        return "error"
    if f.unexpected:
        return "warning"
    return "notice" if f.verdict != "holds" else None


def render(report: Report, options: RenderOptions) -> str:
    return "".join(joined(_lines(report)))


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written a command at a time."""
    out.writelines(joined(_lines(report)))


def _lines(report: Report) -> Iterator[str]:
    for p in report.problems:
        yield command(
            "error", p.message, file=p.file, line=p.line if p.line > 0 else None,
            col=p.col if p.col > 0 else None, title=f"factcheck: {p.code}",
        )
    for f in report.worst_first():
        level = _level(f)
        if level is None:
            continue
        verdict = f.verdict if not f.unexpected else f"{f.verdict}, expected {f.expect}"
        message = f"{f.message}\nquote: {f.quote}"
        yield command(
            level, message, file=f.file, line=f.line, col=max(f.col, 1),
            title=f"{f.claim_id}: {verdict}",
        )
    yield command("notice", summary_line(report), title="factcheck")
    yield ""
