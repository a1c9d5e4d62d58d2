"""Stable, readable claim ids from the numbers, units and nearest words of each claim.

Made unique in the file by a counter in article order, so an edit of the article
changes few ids.
"""

from __future__ import annotations

import re

from factcheck.draft.model import Drafted

_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z]+")
_STOP = {"the", "and", "for", "with", "that", "this", "from", "into", "about", "over", "than",
         "was", "were", "are", "has", "have", "had", "its", "their", "which", "will", "would"}


def assign_ids(text: str, claims: list[Drafted], language: str | None = None) -> None:
    """Give each claim (in article order) an id from its name and, in an English article,
    the nearest word before it (in Korean or Chinese, Latin words are abbreviations such as
    LNG or SK, which say little about the figure)."""
    taken: dict[str, int] = {}
    for claim in claims:
        word = _word_before(text, claim) if language == "en" else ""
        base = clean(f"{claim.name}-{word}" if word else claim.name)
        n = taken.get(base, 0) + 1
        taken[base] = n
        claim.claim_id = base if n == 1 else f"{base}-{n}"


def _word_before(text: str, claim: Drafted) -> str:
    """The last English word before the claim's first quantity (raised, budget): for ids."""
    at = claim.covers[0][0] if claim.covers else claim.start
    window = text[max(0, at - 60):at]
    window = window[max(window.rfind(". "), window.rfind("\n")) + 1:]  # this sentence only
    words = [w.lower() for w in _ASCII_WORD.findall(window)]
    words = [w for w in words if w not in _STOP and len(w) > 2]
    return words[-1] if words else ""


def clean(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()
    return (slug or "claim")[:120]
