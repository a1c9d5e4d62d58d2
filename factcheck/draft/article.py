"""Drafting one article: every finder over its text, todo claims for the rest, ids, the file."""

from __future__ import annotations

import datetime as dt

from factcheck.draft.model import Drafted

_KIND_ORDER = {"convert": 0, "count": 1, "compare": 2, "date": 3}


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
    complete = [(c.start, c.end) for c in claims if not c.status]
    todos = Todos(text)
    claims += todos.uncovered(figures, complete)
    amounts = {c.amount.start: c.amount for c in conversions}
    claims += todos.sourced([(f, context.lit(f).text) for _, f in sorted(amounts.items())])
    claims = _unique(claims)
    claims.sort(key=lambda c: (c.start, _KIND_ORDER.get(c.kind, 9), c.end))
    assign_ids(text, claims, language)
    return claims


def _unique(claims: list[Drafted]) -> list[Drafted]:
    seen: set[tuple[object, ...]] = set()
    out = []
    for c in claims:
        key = (c.kind, c.start, c.end, repr(c.fields))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
