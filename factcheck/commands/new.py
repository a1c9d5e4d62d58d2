"""``factcheck new``: add a claim to a claim file, pre-filled from the shape of its quote.

The file is edited as text, never re-serialised: the new item goes at the end of the
``claims:`` block with the block's own indentation, so comments, order and
formatting stay. The result must parse before it replaces the file (atomically).
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field

from factcheck.draft.yamlout import scalar
from factcheck.errors import ClaimFileError, Location

KINDS = ("compare", "convert", "count", "date")
_NUM = r"\d[\d,.]*(?:\s?[조억천백십만万亿千百]\s?\d*[\d,.]*)*"
# An amount, then a parenthesised amount: 1000억 위안(약 16조4천780억 원), $2 bn (about ...).
_CONVERT = re.compile(
    rf"(?P<amount>(?:[$€£¥]|RMB\s?|USD\s?|人民币)?{_NUM}\s?[^\s\d(（),，]*)\s*[(（]\s*"
    rf"(?P<stated>[^()（）]*\d[^()（）]*?)\s*[)）]"
)
_COMPARE = re.compile(
    r"넘|이상|초과|미만|이하|웃돌|exceed|more than|over|at least|less than|under|"
    r"超过|以上|以下|不到|多于"
)
_COUNT = re.compile(
    # Each repetition starts at a separator, so the items split only one way (the
    # former \s* on both sides of it backtracked exponentially on long lists).
    r"(?P<items>[^\s,，、\d][^,，、\d]*(?:[,，、][^,，、\d]+)+?)\s*(?:등\s*)?"
    r"(?P<n>\d+)\s*(?P<counter>개사|개|곳|명|종|대|家|个|companies|firms|cities)"
)
_DATE = re.compile(
    r"(?:지난|올해|작년|내년|이번)\s*(?:달\s*)?\d*\s*(?:월\s*)?\d*\s*일?|"
    r"(?:last|next|this)\s+(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|(?:上|本|下)月\s*\d*日?|(?:去|今|明)年"
)
_PARTICLE = re.compile(r"(?:를|을|와|과|및|이|가|는|은|and)$")


@dataclass
class Draft:
    """The claim to add: fields to write (in order) and TODO lines for the person."""

    kind: str
    fields: list[tuple[str, object]] = field(default_factory=list)
    todos: list[str] = field(default_factory=list)


def _quantity_before(text: str) -> str | None:
    found = re.findall(rf"(?:약\s?|about\s|约)?{_NUM}\s?[^\s\d,，]*", text)
    return _PARTICLE.sub("", found[-1].strip()) if found else None


def draft(quote: str, kind: str | None = None) -> Draft:
    """Recognise the quote's shape (or use ``kind``) and pre-fill what can be read."""
    conv, count, date = _CONVERT.search(quote), _COUNT.search(quote), _DATE.search(quote)
    compare = _COMPARE.search(quote)
    if kind is None:
        kind = ("convert" if conv else "count" if count else "compare" if compare
                else "date" if date else "compare")
    d = Draft(kind)
    if kind == "convert":
        if conv:
            d.fields += [("amount", conv["amount"].strip()), ("stated", conv["stated"].strip())]
        else:
            d.todos += ["amount: the amount as written, e.g. 1000억 위안",
                        "stated: its conversion as written, e.g. 약 16조4천780억 원"]
        d.todos.append("rate: a rate to use instead of the reference (optional)")
    elif kind == "count":
        if count:
            items = [_PARTICLE.sub("", s.strip()).strip()
                     for s in re.split(r"[,，、]", count["items"])]
            d.fields += [("items", [i for i in items if i]), ("stated", int(count["n"]))]
        else:
            d.todos += ["items: [the names the article lists]", "stated: the count it gives"]
    elif kind == "date":
        if date:
            d.fields.append(("stated", date.group(0).strip()))
        else:
            d.todos.append("stated: the date as written, e.g. 지난 14일")
        d.todos.append("expected: the date it means (YYYY-MM-DD) or a source id")
    else:
        near = _quantity_before(quote[: compare.start()] if compare else quote)
        if near is None and compare:  # Chinese and English put the number after: 超过1500亿元
            after = re.findall(rf"{_NUM}\s?[^\s\d,，]*", quote[compare.end() :])
            near = _PARTICLE.sub("", after[0].strip()) if after else None
        op = ">" if compare is None or compare.group(0) not in (
            "미만", "이하", "less than", "under", "以下", "不到") else "<"
        if compare and compare.group(0) in ("이상", "at least", "以上"):
            op = ">="
        if compare and compare.group(0) == "이하":
            op = "<="
        rhs = near or "TODO_quantity"
        d.fields.append(("expr", f"TODO_fact {op} {rhs}"))
        d.todos.append("expr: replace TODO_fact with the facts behind the claim")
    d.todos.insert(0, "expect: holds | contradicted | undetermined (default holds)")
    return d


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


def run(args: argparse.Namespace) -> int:
    from factcheck.fileio import read_text, write_output

    if not args.quote.strip():
        raise ClaimFileError("--quote is empty", hint="give the article's words verbatim")
    text = read_text(args.file)
    taken = _claim_ids(text, args.file)
    d = draft(args.quote, args.kind)
    claim_id = args.claim_id or slug(args.quote, d.kind, taken)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", claim_id):
        raise ClaimFileError(
            f"the id {claim_id!r} is not valid",
            hint="use ASCII letters, digits, '.', '_' and '-', starting with a letter or digit",
            code="new.bad_id",
        )
    if claim_id in taken:
        raise ClaimFileError(
            f"a claim with id {claim_id!r} already exists in this file",
            hint="choose another --id", location=Location(args.file), code="new.duplicate_id",
        )
    if args.dry_run:
        write_output(snippet(claim_id, args.quote, d, "  "), None)
        return 0
    try:
        new_text = insert(text, claim_id, args.quote, d)
    except ClaimFileError as exc:
        if exc.location is not None and not exc.location.file:
            exc.location = Location(args.file, exc.location.line, exc.location.col)
        raise
    if claim_id not in _claim_ids(new_text, args.file):
        raise ClaimFileError(
            "the new claim could not be placed in the claims: list; the file is unchanged",
            hint="check the indentation of the claims: block", location=Location(args.file),
            code="new.insert_failed",
        )
    write_output(new_text, args.file)
    print(f"factcheck: added claim {claim_id!r} ({d.kind}) to {args.file}")
    return 0
