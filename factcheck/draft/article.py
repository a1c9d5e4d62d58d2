"""Drafting one article: every finder over its text, todo claims for the rest, ids, the file."""

from __future__ import annotations

import datetime as dt

from factcheck.draft.model import Drafted

_KIND_ORDER = {"convert": 0, "count": 1, "compare": 2, "date": 3}
# The claim model's limit on a quote: a longer sentence is quoted around its figures.
QUOTE_LIMIT = 2000
_CONTEXT = 60


def guess_language(text: str) -> str:
    """ko, zh or en, by which script most letters of the text are in."""
    hangul = han = latin = 0
    for ch in text:
        if "\uac00" <= ch <= "\ud7a3":
            hangul += 1
        elif "\u4e00" <= ch <= "\u9fff":
            han += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if hangul and hangul >= han // 4:
        return "ko"
    return "zh" if han > latin // 3 else "en"


def draft_claims(text: str, published: dt.date, language: str | None = None) -> list[Drafted]:
    """Every claim the drafter can write for ``text``, in article order, with unique ids."""
    from factcheck.draft.arithmetic import Context, find_arithmetic
    from factcheck.draft.conversions import draft_conversions, find_conversions
    from factcheck.draft.dates import find_dates
    from factcheck.draft.figures import Figure
    from factcheck.draft.ids import assign_ids
    from factcheck.draft.lists import find_lists
    from factcheck.draft.todos import Todos
    from factcheck.quantity.grammar import extract_quantities

    language = language or guess_language(text)
    figures = [Figure(e) for e in extract_quantities(text)]
    conversions = find_conversions(text, figures, language)
    claims = draft_conversions(text, conversions)
    claims += find_lists(text, figures, language)
    context = Context(text, figures, {c.amount.start: c.end for c in conversions},
                      {c.stated.start for c in conversions})
    claims += find_arithmetic(context)
    claims += find_dates(text, published, language)
    claims = _fitted(text, claims)  # before coverage: a cut quote covers less
    complete = [(c.start, c.end) for c in claims if not c.status]
    todos = Todos(text)
    claims += todos.uncovered(figures, complete)
    amounts = {c.amount.start: c.amount for c in conversions}
    claims += todos.sourced([(f, context.lit(f).text) for _, f in sorted(amounts.items())])
    claims = _fitted(text, _unique(claims))
    claims.sort(key=lambda c: (c.start, _KIND_ORDER.get(c.kind, 9), c.end))
    assign_ids(text, claims, language)
    return claims


def _fitted(text: str, claims: list[Drafted]) -> list[Drafted]:
    return [c for c in (_fit(text, c) for c in claims) if c is not None]


def _fit(text: str, claim: Drafted) -> Drafted | None:
    """The claim with a quote the claim model accepts: a sentence longer than the limit is
    cut to its figures and some words around them; None if even they are too long."""
    if len(claim.quote) <= QUOTE_LIMIT:
        return claim
    if not claim.covers:
        return None
    lo = max(claim.start, min(a for a, _ in claim.covers) - _CONTEXT)
    hi = min(claim.end, max(b for _, b in claim.covers) + _CONTEXT)
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    while lo < hi and text[lo].isspace():
        lo += 1
    if hi - lo > QUOTE_LIMIT:
        return None
    claim.quote, claim.start, claim.end = text[lo:hi], lo, hi
    return claim


def _unique(claims: list[Drafted]) -> list[Drafted]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for c in claims:
        key = (c.kind, c.start, c.end, repr(c.fields))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
