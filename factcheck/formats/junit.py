"""JUnit XML for CI test tabs: one testcase per claim, a failure for each unexpected verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    s = report.summary()
    failures = sum(1 for f in report.findings if f.unexpected and f.verdict != "error")
    errors = sum(1 for f in report.findings if f.verdict == "error") + len(report.problems)
    skipped = sum(
        1 for f in report.findings
        if not f.unexpected and f.verdict in ("undetermined", "todo")
    )
    tests = s["claims"] + len(report.problems)
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    out.append(
        f"<testsuites name=\"factcheck\" tests=\"{tests}\" failures=\"{failures}\" "
        f"errors=\"{errors}\" skipped=\"{skipped}\">"
    )
    out.append(
        f"  <testsuite name=\"factcheck\" tests=\"{tests}\" failures=\"{failures}\" "
        f"errors=\"{errors}\" skipped=\"{skipped}\">"
    )
    out.append(f"    <properties><property name=\"summary\" value={_attr(summary_line(report))}/>"
               "</properties>")
    for p in report.problems:
        out.append(
            f"    <testcase classname=\"factcheck.input\" name={_attr(p.code)} "
            f"file={_attr(p.file)} line=\"{max(p.line, 0)}\">"
        )
        out.append(f"      <error type={_attr(p.code)} message={_attr(p.message)}>"
                   f"{_text(str(p))}</error>")
        out.append("    </testcase>")
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
            out.append(head + ">")
            out.append(f"      <error type=\"error\" message={_attr(f.message)}>"
                       f"{_text(body)}</error>")
            out.append("    </testcase>")
        elif f.unexpected:
            out.append(head + ">")
            out.append(
                f"      <failure type={_attr(f.verdict)} "
                f"message={_attr(f'{f.verdict}, expected {f.expect}: {f.message}')}>"
                f"{_text(body)}</failure>"
            )
            out.append("    </testcase>")
        elif f.verdict in ("undetermined", "todo"):
            out.append(head + ">")
            said = "to write" if f.verdict == "todo" else "undetermined (as expected)"
            reason = _attr(f"{said}: {f.message}")
            out.append(f"      <skipped message={reason}/>")
            out.append("    </testcase>")
        else:
            out.append(head + ">")
            out.append(f"      <system-out>{_text(terminal(f.message))}</system-out>")
            out.append("    </testcase>")
    out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
