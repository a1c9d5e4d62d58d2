"""JUnit XML for CI test tabs: one testcase per claim, a failure for each unexpected verdict."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from factcheck.formats import joined
from factcheck.formats.escape import terminal, xml
from factcheck.formats.text import summary_line

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Report

def _text(value: object) -> str:
    return xml(str(value), newlines=True)


def _attr(value: object) -> str:
    return f'"{xml(str(value))}"'


def render(report: Report, options: RenderOptions) -> str:
    return "".join(joined(_lines(report)))


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written a line at a time."""
    out.writelines(joined(_lines(report)))


def _lines(report: Report) -> Iterator[str]:
    s = report.summary()
    failures = sum(1 for f in report.findings if f.unexpected and f.verdict != "error")
    errors = sum(1 for f in report.findings if f.verdict == "error") + len(report.problems)
    skipped = sum(
        1 for f in report.findings
        if not f.unexpected and f.verdict in ("undetermined", "todo")
    )
    tests = s["claims"] + len(report.problems)
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield (
        f"<testsuites name=\"factcheck\" tests=\"{tests}\" failures=\"{failures}\" "
        f"errors=\"{errors}\" skipped=\"{skipped}\">"
    )
    yield (
        f"  <testsuite name=\"factcheck\" tests=\"{tests}\" failures=\"{failures}\" "
        f"errors=\"{errors}\" skipped=\"{skipped}\">"
    )
    yield (f"    <properties><property name=\"summary\" value={_attr(summary_line(report))}/>"
           "</properties>")
    for p in report.problems:
        yield (
            f"    <testcase classname=\"factcheck.input\" name={_attr(p.code)} "
            f"file={_attr(p.file)} line=\"{max(p.line, 0)}\">"
        )
        yield (f"      <error type={_attr(p.code)} message={_attr(p.message)}>"
               f"{_text(str(p))}</error>")
        yield "    </testcase>"
    for f in report.findings:
        head = (
            f"    <testcase classname={_attr('factcheck.' + f.kind)} name={_attr(f.claim_id)} "
            f"file={_attr(f.file)} line=\"{f.line}\""
        )
        # Newlines inside claim content are shown as \n, so that no line of a JUnit file
        # printed in a CI log can start with text from a claim file (::error:: ...).
        body = (f"{terminal(f.file)}:{f.line}:{max(f.col, 1)}: {terminal(f.message)}"
                f"\nquote: {terminal(f.quote)}")
        if f.warnings:
            body += "".join(f"\nwarning: {terminal(w)}" for w in f.warnings)
        if f.verdict == "error":
            yield head + ">"
            yield (f"      <error type=\"error\" message={_attr(f.message)}>"
                   f"{_text(body)}</error>")
            yield "    </testcase>"
        elif f.unexpected:
            yield head + ">"
            yield (
                f"      <failure type={_attr(f.verdict)} "
                f"message={_attr(f'{f.verdict}, expected {f.expect}: {f.message}')}>"
                f"{_text(body)}</failure>"
            )
            yield "    </testcase>"
        elif f.verdict in ("undetermined", "todo"):
            yield head + ">"
            said = "to write" if f.verdict == "todo" else "undetermined (as expected)"
            reason = _attr(f"{said}: {f.message}")
            yield f"      <skipped message={reason}/>"
            yield "    </testcase>"
        else:
            yield head + ">"
            yield f"      <system-out>{_text(terminal(f.message))}</system-out>"
            yield "    </testcase>"
    yield "  </testsuite>"
    yield "</testsuites>"
    yield ""
