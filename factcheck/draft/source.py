"""The article a draft is made from: its text (HTML reduced to its body text), id, title, path."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from factcheck.errors import ClaimFileError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Source:
    """An article read for drafting: ``text_file`` is where its plain text is (or will be)."""

    path: str
    text: str
    text_file: str
    is_html: bool


def read_source(path: str, claim_file: str | None) -> Source:
    """Read ``path``; for HTML, the text goes beside the claim file (or the page) as .txt."""
    from factcheck import limits
    from factcheck.draft.text import html_text
    from factcheck.fileio import read_text

    raw = read_text(path, limit=limits.MAX_TEXT_BYTES)
    if not path.lower().endswith(HTML_SUFFIXES):
        return Source(path, raw, path, False)
    base = claim_file if claim_file not in (None, "-") else path
    assert base is not None
    text_file = os.path.splitext(base)[0] + ".txt"
    return Source(path, html_text(raw), text_file, True)


def article_id(path: str) -> str:
    stem = os.path.splitext(os.path.basename(path))[0]
    slug = re.sub(r"[^A-Za-z0-9_.\-]+", "-", stem).strip("-._")
    return slug[:200] or "article"


def default_title(text: str, path: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:200]
    return os.path.basename(path)


def text_path_for(claim_file: str | None, text_file: str) -> str:
    """``text_file`` as the claim file names it: relative to the claim file's folder."""
    folder = os.path.dirname(os.path.abspath(claim_file)) if claim_file not in (None, "-") \
        else os.getcwd()
    relative = os.path.relpath(os.path.abspath(text_file), folder).replace(os.sep, "/")
    # The claim models' path rule is asked only of a path that could break it (a hidden
    # part, an absolute path): importing the models costs a fifth of the command's time.
    parts = relative.split("/")
    if not (os.path.isabs(relative) or any(p.startswith(".") and p not in (".", "..")
                                            for p in parts)):
        return relative
    from factcheck.claims.fields import path_problem

    problem = path_problem(relative)
    if problem:
        raise ClaimFileError(
            f"the claim file could not name the article text {text_file!r}: {problem}",
            hint="put the article text and the claim file in ordinary (not hidden) folders",
            code="draft.text_path",
        )
    return relative


def parse_published(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ClaimFileError(
            f"--published {value!r} is not a date", hint="write it as YYYY-MM-DD, e.g. 2017-11-23",
            code="draft.published",
        ) from None
