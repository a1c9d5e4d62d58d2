"""``factcheck draft TEXT --published DATE``: write a claim file drafted from an article."""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import TYPE_CHECKING

from factcheck.errors import ClaimFileError

if TYPE_CHECKING:
    from factcheck.draft.source import Source

HELP = "draft a claim file from an article's text"


def add_arguments(p: argparse.ArgumentParser) -> None:
    from factcheck.fileio import add_output_options

    add_source_arguments(p, required=True)
    p.add_argument("--id", dest="article_id", help="the article id (default: from the file name)")
    p.add_argument("--title", help="the article title (default: the text's first line)")
    add_output_options(p, "write the claim file to FILE atomically (default: stdout)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")


def add_source_arguments(p: argparse.ArgumentParser, *, required: bool) -> None:
    if required:
        p.add_argument("text", metavar="TEXT", help="the article: plain text (UTF-8) or .html")
    p.add_argument("--published", required=required, metavar="YYYY-MM-DD",
                   help="the article's publication date" + (
                       "" if required else "; given, each PATH is an article text to draft"))
    p.add_argument("--language", choices=["ko", "zh", "en"],
                   help="the article's language (default: guessed from its script)")


def hint_published(args: argparse.Namespace) -> None:
    """Say how to check an article text given as a PATH without --published."""
    if args.published is not None or not any(
            p.lower().endswith((".txt", "htm", "html")) for p in args.paths):
        return  # no path can be an article text (every suffix below ends so): skip the import
    from factcheck.draft.source import HTML_SUFFIXES

    texts = [p for p in args.paths if p.lower().endswith((".txt", *HTML_SUFFIXES))]
    if texts and args.published is None:
        from factcheck.formats.escape import terminal

        print(terminal(f"factcheck: note: {texts[0]} looks like an article text; to draft and "
                       "check it with no claim file, give --published YYYY-MM-DD"),
              file=sys.stderr)


def draft_file(text_path: str, published: str, *, language: str | None = None,
               claim_file: str | None = None, article_id: str | None = None,
               title: str | None = None, in_memory: bool = False,
               source: Source | None = None) -> tuple[str, str, int, int]:
    """The drafted claim file's text, the article text file, and the claim counts
    (``source``: the article already read, else it is read from ``text_path``)."""
    from factcheck.draft.article import draft_claims, guess_language
    from factcheck.draft.source import (
        article_id as default_id,
    )
    from factcheck.draft.source import (
        default_title,
        parse_published,
        read_source,
        text_path_for,
    )
    from factcheck.draft.yamlout import Header, render

    day = parse_published(published)
    source = source or read_source(text_path, claim_file)
    language = language or guess_language(source.text)
    claims = draft_claims(source.text, day, language)
    header = Header(
        article_id=article_id or default_id(text_path),
        title=title or default_title(source.text, text_path),
        published=day,
        language=language,
        # Drafted in memory, an HTML page's text is never written: no file to name.
        text_path=None if in_memory and source.is_html else text_path_for(
            claim_file, source.text_file),
        source_name=os.path.basename(text_path),
    )
    todo = sum(1 for c in claims if c.status)
    return render(header, claims), source.text_file, len(claims), todo


def run(args: argparse.Namespace) -> int:
    from factcheck.draft.source import read_source
    from factcheck.fileio import require_folder, write_output

    output = args.output if args.output not in (None, "-") else None
    if output:
        require_folder(output, "the claim file")
    if args.article_id is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,199}",
                                                        args.article_id):
        raise ClaimFileError(
            f"--id {args.article_id!r} is not a valid article id", code="draft.bad_id",
            hint="use ASCII letters, digits, '.', '_' and '-', starting with a letter or digit")
    source = read_source(args.text, output)
    targets = [output] if output else []
    if source.is_html:
        targets.append(source.text_file)
    for target in targets:
        if os.path.exists(target) and not args.force:
            raise ClaimFileError(f"{target!r} exists", code="draft.exists",
                                 hint="choose another --output, or give --force to replace it")
    text, text_file, count, todo = draft_file(
        args.text, args.published, language=args.language, claim_file=output,
        article_id=args.article_id, title=args.title, source=source)
    if source.is_html:
        write_output(source.text, text_file, follow_links=args.follow_links,
                     what="the article text")
    write_output(text, output, follow_links=args.follow_links, what="the claim file")
    where = output or "stdout"
    from factcheck.formats.escape import terminal

    print(terminal(f"factcheck: drafted {count} claims ({todo} to write) from {args.text} "
                   f"to {where}"), file=sys.stderr)
    return 0
