"""Writing drafted claims as a claim file: every string a JSON (YAML double-quoted) scalar."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass

from factcheck.draft.model import Drafted
from factcheck.formats.escape import json_document


def scalar(value: object) -> str:
    """``value`` as a YAML scalar that reads back as exactly ``value`` and interprets nothing."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    # A JSON string is a YAML double-quoted scalar: nothing in it is interpreted.
    # Characters YAML may not carry raw (DEL, C1 controls, line separators) and
    # invisible ones (bidi overrides) are written as escapes; the value is the same.
    # '##[' is written '#\u0023[' (see escape.json_document): the same value, inert in a log.
    text = json_document(json.dumps(str(value), ensure_ascii=False))
    return "".join(_escape_yaml(ch) for ch in text)


def _escape_yaml(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\t" or (0x20 <= code < 0x7F):
        return ch
    if code < 0xA0 or code in (0x2028, 0x2029, 0xFEFF) or unicodedata.category(ch) in (
        "Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"
    ):
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return ch


def comment(text: str) -> str:
    """One comment line: the text on one line, with nothing that could end the comment."""
    shown = scalar(" ".join(text.split()))[1:-1]
    return shown.replace('\\"', '"')


@dataclass(frozen=True)
class Header:
    """The article block of a drafted file."""

    article_id: str
    title: str
    published: dt.date
    language: str | None
    text_path: str | None  # None: no text file to name (an HTML page drafted in memory)
    source_name: str


def render(header: Header, claims: list[Drafted]) -> str:
    todo = sum(1 for c in claims if c.status)
    lines = [
        f"# Drafted by factcheck draft from {comment(header.source_name)}: {len(claims)} claims,",
        f"# {todo} of them marked 'status: todo' for a person to complete. Review every claim,",
        "# then run factcheck check.",
        "article:",
        f"  id: {scalar(header.article_id)}",
        f"  title: {scalar(header.title)}",
        f"  published: {header.published.isoformat()}",
    ]
    if header.language:
        lines.append(f"  language: {scalar(header.language)}")
    if header.text_path is not None:
        lines.append(f"  text: {scalar(header.text_path)}")
    lines.append("claims:" if claims else "claims: []")
    for c in claims:
        lines.append(f"  # {comment(c.comment)}")
        lines.append(f"  - id: {scalar(c.claim_id)}")
        lines.append(f"    quote: {scalar(c.quote)}")
        lines.append(f"    kind: {c.kind}")
        lines += [f"    {key}: {scalar(value)}" for key, value in c.fields]
        if c.status:
            lines.append(f"    status: {c.status}")
    return "\n".join(lines) + "\n"
