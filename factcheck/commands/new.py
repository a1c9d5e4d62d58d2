"""``factcheck new``: add a claim to a claim file, pre-filled from the shape of its quote.

The file is edited as text, never re-serialised: the new item goes at the end of the
``claims:`` block with the block's own indentation, so comments, order and
formatting stay. The result must parse before it replaces the file (atomically).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field

from factcheck.draft.yamlout import scalar
from factcheck.errors import ClaimFileError, Location

KINDS = ("compare", "convert", "count", "date")
_COMPARE = re.compile(
    r"넘|이상|초과|미만|이하|웃돌|exceed|more than|over|at least|less than|under|"
    r"超过|以上|以下|不到|多于"
)
_AT_MOST_WORDS = ("미만", "이하", "less than", "under", "以下", "不到")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_EXPECT = "expect: holds | contradicted | undetermined (default holds)"


@dataclass
class Draft:
    """The claim to add: fields to write (in order) and TODO lines for the person."""

    kind: str
    fields: list[tuple[str, object]] = field(default_factory=list)
    todos: list[str] = field(default_factory=list)


def drafts(quote: str, kind: str | None = None,
           published: dt.date | None = None) -> list[tuple[str, Draft]]:
    """Every claim the quote holds, each with its own passage of the quote, drafted as
    ``factcheck draft`` drafts an article (qualifiers kept, every conversion, dates)."""
    from factcheck.draft.article import draft_claims

    found = [c for c in draft_claims(quote, published or dt.date.today())
             if not (c.status and c.kind == "compare") and kind in (None, c.kind)]
    out = [(c.quote, _from_drafted(c.kind, c.fields, c.status)) for c in found]
    return out or [(quote, _fallback(quote, kind))]


def draft(quote: str, kind: str | None = None, published: dt.date | None = None) -> Draft:
    """The first claim of the quote (or of ``kind``), pre-filled from what can be read."""
    return drafts(quote, kind, published)[0][1]


def _from_drafted(kind: str, fields: list[tuple[str, object]], status: str | None) -> Draft:
    d = Draft(kind, list(fields), [_EXPECT])
    if kind == "convert":
        d.todos.append("rate: a rate to use instead of the reference (optional)")
    if kind == "date":
        d.todos.append("expected: the date it means (YYYY-MM-DD) or a source id; "
                       "then remove the status line")
    if status:
        d.fields.append(("status", status))
    return d


def _fallback(quote: str, kind: str | None) -> Draft:
    """What to pre-fill when the drafter finds no claim of the kind: a comparison with
    the fact to name, or the fields of ``kind`` to write."""
    d = Draft(kind or "compare", [], [_EXPECT])
    if d.kind == "convert":
        d.todos += ["amount: the amount as written, e.g. 1000억 위안",
                    "stated: its conversion as written, e.g. 약 16조4천780억 원",
                    "rate: a rate to use instead of the reference (optional)"]
    elif d.kind == "count":
        d.todos += ["items: [the names the article lists]", "stated: the count it gives"]
    elif d.kind == "date":
        d.todos += ["stated: the date as written, e.g. 지난 14일",
                    "expected: the date it means (YYYY-MM-DD) or a source id"]
    else:
        d.fields += [("expr", _comparison(quote)), ("status", "todo")]
        d.todos.append("expr: replace TODO_fact with the facts behind the claim; "
                       "then remove the status line")
    return d


def _comparison(quote: str) -> str:
    """``TODO_fact > 1600억 위안``: the quantity nearest the comparison word, without its
    qualifier (the operator says it); dates are not quantities, so never compared."""
    from factcheck.draft.figures import Figure
    from factcheck.quantity.grammar import extract_quantities

    word = _COMPARE.search(quote)
    figures = [Figure(e) for e in extract_quantities(quote)]
    at = word.start() if word else len(quote)
    before = [f for f in figures if f.start < at]
    near = before[-1] if before else (figures[0] if figures else None)
    op = ">"
    if word and word.group(0) in _AT_MOST_WORDS:
        op = "<=" if word.group(0) == "이하" else "<"
    elif word and word.group(0) in ("이상", "at least", "以上"):
        op = ">="
    elif near is not None and near.qualifier in ("at_least", "at_most", "less_than"):
        op = {"at_least": ">=", "at_most": "<=", "less_than": "<"}[near.qualifier]
    return f"TODO_fact {op} {near.bare if near else 'TODO_quantity'}"


def slug(quote: str, kind: str, taken: set[str]) -> str:
    """An id from the ASCII words and numbers of the quote, unique among ``taken``."""
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", quote)][:5]
    base = "-".join([kind, *words])[:60].rstrip("-")
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def snippet(claim_id: str, quote: str, d: Draft, indent: str) -> str:
    inner = indent + "  "
    lines = [f"{indent}- id: {scalar(claim_id)}", f"{inner}quote: {scalar(quote)}",
             f"{inner}kind: {d.kind}"]
    lines += [f"{inner}{k}: {scalar(v)}" for k, v in d.fields]
    lines += [f"{inner}# TODO {t}" for t in d.todos]
    return "\n".join(lines) + "\n"


_TOP_KEY = re.compile(r"^(?P<key>[^\s#\-][^:#]*?)\s*:(?:\s|$)")


def insert(text: str, claim_id: str, quote: str, d: Draft) -> str:
    """``text`` with the claim appended to its ``claims:`` block (created if missing)."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    start = next((i for i, ln in enumerate(lines)
                  if (m := _TOP_KEY.match(ln)) and m["key"].strip("'\"") == "claims"), None)
    if start is None:
        sep = "" if not lines or lines[-1].strip() == "" else "\n"
        return "".join(lines) + sep + "claims:\n" + snippet(claim_id, quote, d, "  ")
    head = lines[start]
    after_colon = head.split(":", 1)[1].split("#", 1)[0].strip()
    if after_colon == "[]":
        lines[start] = head.replace("[]", "", 1).rstrip() + "\n"
    elif after_colon:
        raise ClaimFileError(
            "the claims: list is written inline (flow style), which factcheck new cannot "
            "extend without reformatting it",
            hint="write it as a block list (one '- id: ...' item per claim) and try again",
            location=Location("", start + 1, 1), code="new.flow_style",
        )
    end, indent = start + 1, None
    for i in range(start + 1, len(lines)):
        ln = lines[i]
        if not ln.strip() or (ln.startswith("#")):
            continue  # blank lines and top-level comments may belong to what follows
        if ln.lstrip().startswith("#"):
            end = i + 1  # an indented comment is part of the block
            continue
        if ln[0] not in " \t-":
            break  # the next top-level key
        if indent is None and ln.lstrip().startswith("-"):
            indent = ln[: len(ln) - len(ln.lstrip())]
        end = i + 1
    new = snippet(claim_id, quote, d, indent if indent is not None else "  ")
    return "".join(lines[:end]) + new + "".join(lines[end:])


def _claim_ids(text: str, path: str) -> set[str]:
    data = _parse(text, path)
    claims = data.get("claims") if isinstance(data, dict) else None
    return {str(c["id"]) for c in claims or [] if isinstance(c, dict) and "id" in c}


def _parse(text: str, path: str) -> object:
    from factcheck.claims.yamlsafe import parse_yaml

    return parse_yaml(text, path).data


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="the claim file to add to (edited in place)")
    p.add_argument("--quote", required=True, help="the article's words, verbatim")
    p.add_argument("--id", dest="claim_id", help="the claim id (default: derived from the quote)")
    p.add_argument("--kind", choices=KINDS, help="the claim kind (default: from the quote)")
    p.add_argument("--dry-run", action="store_true",
                   help="print the new claim instead of adding it")


def _published(text: str, path: str) -> dt.date | None:
    """The file's article.published, against which the quote's dates are recognised."""
    data = _parse(text, path)
    article = data.get("article") if isinstance(data, dict) else None
    value = article.get("published") if isinstance(article, dict) else None
    text = value.isoformat()[:10] if isinstance(value, dt.date) else str(value)
    with contextlib.suppress(ValueError):  # 2017-02-30: the loader will say so
        return dt.date.fromisoformat(text) if _ISO_DAY.fullmatch(text) else None
    return None


def _ids(args: argparse.Namespace, found: list[tuple[str, Draft]], taken: set[str]) -> list[str]:
    ids: list[str] = []
    for n, (passage, d) in enumerate(found, start=1):
        if args.claim_id:
            claim_id = args.claim_id if n == 1 else f"{args.claim_id}-{n}"
        else:
            claim_id = slug(passage, d.kind, taken | set(ids))
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", claim_id):
            raise ClaimFileError(
                f"the id {claim_id!r} is not valid",
                hint="use ASCII letters, digits, '.', '_' and '-', starting with a letter or digit",
                code="new.bad_id",
            )
        if claim_id in taken:
            raise ClaimFileError(
                f"a claim with id {claim_id!r} already exists in this file",
                hint="choose another --id", location=Location(args.file),
                code="new.duplicate_id",
            )
        ids.append(claim_id)
    return ids


def run(args: argparse.Namespace) -> int:
    from factcheck.fileio import read_text, write_output

    if not args.quote.strip():
        raise ClaimFileError("--quote is empty", hint="give the article's words verbatim")
    text = read_text(args.file)
    taken = _claim_ids(text, args.file)
    found = drafts(args.quote, args.kind, _published(text, args.file))
    ids = _ids(args, found, taken)
    if args.dry_run:
        write_output("".join(snippet(i, q, d, "  ") for i, (q, d) in zip(ids, found, strict=True)),
                     None)
        return 0
    new_text = text
    for claim_id, (passage, d) in zip(ids, found, strict=True):
        try:
            new_text = insert(new_text, claim_id, passage, d)
        except ClaimFileError as exc:
            if exc.location is not None and not exc.location.file:
                exc.location = Location(args.file, exc.location.line, exc.location.col)
            raise
    if not set(ids) <= _claim_ids(new_text, args.file):
        raise ClaimFileError(
            "the new claim could not be placed in the claims: list; the file is unchanged",
            hint="check the indentation of the claims: block", location=Location(args.file),
            code="new.insert_failed",
        )
    write_output(new_text, args.file)
    for claim_id, (_, d) in zip(ids, found, strict=True):
        print(f"factcheck: added claim {claim_id!r} ({d.kind}) to {args.file}")
    return 0
