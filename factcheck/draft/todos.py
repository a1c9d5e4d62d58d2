"""Todo claims for what needs a person: the fact behind a figure.

Each quantity no complete claim covers, and each converted amount the article
attributes to a source, becomes a compare claim with the article's side written and
the fact to name.
"""

from __future__ import annotations

import re
from collections import Counter

from factcheck.draft.figures import Figure
from factcheck.draft.model import TODO, Drafted
from factcheck.draft.text import Spans

_ATTRIBUTED = re.compile(
    r"에 따르면|에 의하면|밝혔|전했|발표|according to|said|says|reported|announced|"
    r"据|根据|表示|称|显示|公布", re.IGNORECASE)
_WHY_SOURCE = "a figure the article attributes to a source: name the fact behind it"
_WHY_OTHER = "a quantity no drafted claim checks: write what it claims"


class Todos:
    """Writes todo claims for one text: quotes are clauses, or sentences where a clause repeats."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences, self.clauses = Spans(text), Spans.clauses(text)
        self.repeated = Counter(" ".join(text[a:b].split()) for a, b in self.clauses.all())

    def attributed(self, fig: Figure) -> bool:
        lo, hi = self.sentences.around(fig.start, fig.end)
        return _ATTRIBUTED.search(self.text, lo, hi) is not None

    def claim(self, fig: Figure, literal: str, why: str) -> Drafted:
        lo, hi = self.clauses.around(fig.start, fig.end)
        if self.repeated[" ".join(self.text[lo:hi].split())] > 1:
            lo, hi = self.sentences.around(fig.start, fig.end)
        return Drafted(kind="compare", quote=self.text[lo:hi], start=lo, end=hi,
                       fields=[("expr", f"TODO_fact == {literal}")], comment=why,
                       name=f"todo-{fig.slug()}", status=TODO, covers=[(fig.start, fig.end)])

    def uncovered(self, figures: list[Figure], covered: list[tuple[int, int]]) -> list[Drafted]:
        """A todo claim for every figure outside the spans of ``covered``."""
        spans = sorted(covered)
        out = []
        k = 0
        for fig in figures:
            while k < len(spans) and spans[k][1] <= fig.start:
                k += 1
            if not _inside(fig, spans, k):
                out.append(self.claim(fig, fig.text,
                                      _WHY_SOURCE if self.attributed(fig) else _WHY_OTHER))
        return out

    def sourced(self, amounts: list[tuple[Figure, str]]) -> list[Drafted]:
        """A todo claim for each converted amount (with its literal) in an attributed sentence."""
        return [self.claim(fig, literal, _WHY_SOURCE) for fig, literal in amounts
                if self.attributed(fig)]


def _inside(fig: Figure, spans: list[tuple[int, int]], k: int) -> bool:
    for a, b in spans[k:]:
        if a > fig.start:
            return False
        if fig.end <= b:
            return True
    return False
