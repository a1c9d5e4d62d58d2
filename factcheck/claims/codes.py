"""Stable codes of input problems found while loading claim files, with one line of help.

A code is a dotted name used in every report format (and as a SARIF rule id); once
published it never changes meaning. Add new codes here, never rename old ones.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    "io.missing": "A path given on the command line does not exist.",
    "io.unreadable": "A claim file cannot be read (permissions, device error).",
    "io.directory": "A path expected to be a file is a directory.",
    "io.encoding": "A claim file is not valid UTF-8; the message gives the byte offset.",
    "io.no-files": "A folder given on the command line holds no *.yaml or *.yml file.",
    "io.outside": "A file in a folder is a symbolic link to a file outside that folder.",
    "io.not-regular": "An article text or rates file path names a device, pipe or socket.",
    "io.output": "The report cannot be written to the --output path (no such folder...).",
    "io.output-link": "The --output path (or a folder of it in the working folder) is a "
                      "symbolic link; give --follow-links if it is yours.",
    "input.limit": "The input exceeds a documented safety limit (see factcheck.limits).",
    "yaml.empty": "The file is empty or holds only comments.",
    "yaml.syntax": "The file is not valid YAML; the message is the YAML parser's.",
    "yaml.tag": "An explicit YAML tag (!!python/..., !foo, even !!str): never constructed.",
    "yaml.alias": "A YAML anchor (&a) or alias (*a): refused so nothing can be expanded.",
    "yaml.duplicate-key": "The same key twice in one mapping; the message names both lines.",
    "yaml.key": "A mapping key that is empty, a list or a mapping instead of text.",
    "yaml.documents": "More than one YAML document (---) in one file.",
    "file.not-mapping": "The top level of the file is not a mapping of sections.",
    "file.unknown-section": "A top-level key other than article, sources, facts, claims.",
    "file.no-article": "The file has claims but no article section.",
    "article.schema": "The article section does not fit the format (missing, wrong type...).",
    "article.duplicate-id": "Two articles with the same id; the message names both places.",
    "sources.schema": "A source does not fit the format, or the section is not a mapping.",
    "sources.duplicate-id": "Two sources with the same id; the message names both places.",
    "facts.schema": "A fact does not fit the format, or the section is not a mapping.",
    "facts.bad-name": "A fact name that is not a dotted name (letters, digits, _ and dots).",
    "facts.duplicate-name": "Two facts with the same name; the message names both places.",
    "facts.unknown-source": "A fact cites a source id that no loaded file defines.",
    "facts.bad-value": "A fact value that the quantity grammar cannot read.",
    "claims.schema": "A claim does not fit its kind's fields (unknown field, wrong type...).",
    "claims.not-list": "The claims section is not a list of claims.",
    "claims.kind": "A claim whose kind is missing or not one of the known kinds.",
    "claims.duplicate-id": "Two claims with the same id; the message names both places.",
}


def help_text(code: str) -> str:
    """The one-line help of ``code`` (a generic line for codes of other modules)."""
    return CODES.get(code, "An input problem; see the message.")
