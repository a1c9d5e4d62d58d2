"""SARIF 2.1.0 for GitHub code scanning: a rule per problem kind, a located result per issue."""

from __future__ import annotations

import contextlib
import hashlib
import os
import urllib.parse
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.formats.escape import json_document, visible
from factcheck.formats.json import dumps, write_document

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Problem, Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factcheck/"

# Stable rule ids: code scanning tracks alerts by them, so never rename one.
VERDICT_RULES: dict[str, tuple[str, str, str]] = {
    "factcheck/error": (
        "error",
        "The claim cannot be evaluated",
        "The claim itself is invalid: an unknown fact name, units that do not agree, a "
        "division by zero or a quantity the parser cannot read. Fix the claim as the message "
        "says; the other claims are still checked.",
    ),
    "factcheck/contradicted": (
        "error",
        "The data contradicts the claim",
        "No value that the facts allow makes the article's statement true. Correct the "
        "article, or, if the article is known to be wrong, record that with "
        "`expect: contradicted`.",
    ),
    "factcheck/undetermined": (
        "warning",
        "The data cannot decide the claim",
        "Some values the facts allow make the statement true and others false. Add a more "
        "precise fact or source, or record `expect: undetermined`.",
    ),
    "factcheck/unexpected-holds": (
        "warning",
        "The claim holds although it was expected not to",
        "The claim file says `expect: contradicted` or `expect: undetermined`, but the data "
        "now supports the statement. Update `expect` or the facts.",
    ),
}
# Listed only in a log that has such a claim, so logs without drafts keep their rules.
TODO_RULE = (
    "note",
    "A drafted claim is still to write",
    "The claim is marked `status: todo`: it was drafted and needs a person (the fact to "
    "name, the expected date). Complete it and remove the status line to have it checked.",
)
INPUT_HELP = (
    "A claim, fact or source file that factcheck cannot load. The message names the "
    "offending value and says what to do."
)


def _rule_for(f: Finding) -> str:
    if f.verdict == "error":
        return "factcheck/error"
    if f.verdict == "holds":
        return "factcheck/unexpected-holds"
    return f"factcheck/{f.verdict}"


def _level(f: Finding) -> str:
    if f.verdict == "error":
        return "error"
    if not f.unexpected:  # as expected, or still to write
        return "note"
    return "error" if f.verdict == "contradicted" else "warning"


def _uri(path: str) -> str:
    # Code scanning wants paths relative to the checkout, with forward slashes.
    if os.path.isabs(path):
        with contextlib.suppress(ValueError):  # another drive on Windows: keep it
            path = os.path.relpath(path)
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    # A URI reference (RFC 3986): spaces, |, `, non-ASCII and ':' are percent-encoded
    # (':' too, so that a first segment never reads as a scheme).
    return urllib.parse.quote(path, safe="/-._~!$&'()*+,;=@")


def _region(line: int, col: int) -> dict[str, int]:
    return {"startLine": max(line, 1), "startColumn": max(col, 1)}


def _location(path: str, region: dict[str, int]) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32]


def _finding_result(f: Finding, article_files: dict[str, str]) -> dict[str, Any]:
    text = f"{visible(f.claim_id)}: {visible(f.message)}"
    if f.unexpected:
        text += f" (verdict {f.verdict}, expected {f.expect})"
    text += f" Quote: {visible(f.quote)}"
    result: dict[str, Any] = {
        "ruleId": _rule_for(f),
        "level": _level(f),
        "message": {"text": text},
        "locations": [_location(f.file, _region(f.line, f.col))],
        "partialFingerprints": {"factcheckClaim/v1": _fingerprint(f.file, f.claim_id)},
        "properties": {"claim": visible(f.claim_id), "kind": f.kind, "verdict": f.verdict,
                       "expect": f.expect},
    }
    article_file = article_files.get(f.article_id)
    if f.quote_span and article_file:
        line, col, end_line, end_col = f.quote_span
        region = _region(line, col) | {"endLine": max(end_line, 1), "endColumn": max(end_col, 1)}
        related = _location(article_file, region)
        related["id"] = 1
        related["message"] = {"text": "the quote in the article"}
        result["relatedLocations"] = [related]
    if f.verdict == f.expect and f.verdict != "holds":
        # Known and recorded in the claim file: keep it visible but closed.
        result["suppressions"] = [
            {"kind": "inSource", "justification": f"expect: {f.expect} in the claim file"}
        ]
    return result


def _problem_result(p: Problem) -> dict[str, Any]:
    return {
        "ruleId": f"factcheck/input/{p.code}",
        "level": "error",
        "message": {"text": visible(p.message)},
        "locations": [_location(p.file, _region(p.line, p.col))],
        "partialFingerprints": {
            "factcheckProblem/v1": _fingerprint(p.file, p.code, p.message)
        },
    }


def _rule(rule_id: str, level: str, short: str, help_text: str) -> dict[str, Any]:
    return {
        "id": rule_id,
        "name": "".join(w.capitalize() for w in rule_id.replace("/", " ").replace(".", " ")
                        .replace("-", " ").split()),
        "shortDescription": {"text": short},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["factcheck"]},
    }


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("factcheck")
    except Exception:  # not installed (running from a source tree): still valid SARIF
        return "0"


def render(report: Report, options: RenderOptions) -> str:
    return json_document(dumps(_log(report))) + "\n"


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written a result at a time."""
    log = _log(report)
    if not write_document(log, out, _RESULTS_DEPTH):
        out.write(json_document(dumps(log)) + "\n")


# runs -> [0] -> results -> each result: written one by one.
_RESULTS_DEPTH = 4


def _log(report: Report) -> dict[str, Any]:
    article_files = {
        str(a.get("id", "")): str(a["text_file"]) for a in report.articles if a.get("text_file")
    }
    rules = [_rule(rid, *spec) for rid, spec in VERDICT_RULES.items()]
    if any(f.verdict == "todo" for f in report.findings):
        rules.append(_rule("factcheck/todo", *TODO_RULE))
    for code in sorted({p.code for p in report.problems}):
        rules.append(_rule(f"factcheck/input/{code}", "error", f"Invalid input ({code})",
                           INPUT_HELP))
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [_problem_result(p) for p in report.problems]
    results += [
        _finding_result(f, article_files)
        for f in report.worst_first()
        if f.verdict != "holds" or f.unexpected
    ]
    for r in results:
        r["ruleIndex"] = index[r["ruleId"]]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "informationUri": INFORMATION_URI,
                        "version": _version(),
                        "rules": rules,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return log
