"""Lists the article gives with a count, drafted as count claims.

``바이두, 알리바바, 텐센트, 알리바바를 4대 플랫폼``, ``three cities: Beijing, Shanghai and
Wuhan``, ``百度、阿里巴巴、腾讯等3家``.
"""

from __future__ import annotations

import re

from factcheck.draft.figures import Figure
from factcheck.draft.model import Drafted

_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twelve": 12, "both": 2}
_ITEM_KO_ZH = r"[^\s,，、·()（）\d\"'“”‘’]{1,20}"
# Korean and Chinese: items joined by commas (the last one may carry a particle), then
# the count within a few characters: 4대, 3곳, 3家, 三家.
_LIST_CJK = re.compile(
    rf"(?P<items>{_ITEM_KO_ZH}(?:\s*[,，、]\s*{_ITEM_KO_ZH}){{1,30}}"
    rf"(?:\s*(?:와|과|및|和|与|及)\s*{_ITEM_KO_ZH})?)"
    r"(?P<tail>(?:를|을|와|과|등|等|의|이|가|는|은)?\s*(?:등|等)?\s*)$"
)
_PARTICLE = re.compile(r"(?:를|을|와|과|및|등|等)$")
_LEAD_ZH = re.compile(r"宣布|包括|依托|其中|分别是|即|认定|确定|选定|为|是|将|由|以|和|与|及")
_NAME_EN = r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}"
# English: "three cities: A, B and C" / "the three cities of A, B and C".
_LIST_EN = re.compile(
    rf"\b(?P<n>\d+|{'|'.join(_WORDS)})\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s*(?::|—|-|,\s*namely|of)\s*"
    rf"(?P<items>{_NAME_EN}(?:\s*,\s*{_NAME_EN})*,?\s+and\s+{_NAME_EN})",
    re.IGNORECASE,
)


def _split(items: str) -> list[str]:
    parts = re.split(r"\s*(?:[,，、]|\band\b|와|과|및|和|与|及)\s*", items)
    return [p.strip() for p in parts if p.strip()]


def find_lists(text: str, figures: list[Figure], language: str) -> list[Drafted]:
    out = []
    for fig in figures:
        if not fig.is_count or fig.qualifier not in ("exact", "at_least", "more_than"):
            continue
        window = text[max(0, fig.start - 200):fig.start]
        m = _LIST_CJK.search(window)
        if m is None:
            continue
        items = [_PARTICLE.sub("", i) for i in _split(m["items"])]
        if items:  # Chinese runs words together: 科技部宣布百度 is 百度 after the verb
            items[0] = _LEAD_ZH.split(items[0])[-1]
        items = [i for i in items if i]
        if len(items) < 2:
            continue
        start = fig.start - len(window) + m.start("items")
        end = fig.end + _noun_end(text, fig.end)
        out.append(_count(text, start, end, items, fig.text, fig, fig.slug()))
    for m in _LIST_EN.finditer(text):
        n = m["n"].lower()
        stated = str(_WORDS[n]) if n in _WORDS else n
        items = _split(m["items"])
        out.append(_count(text, m.start(), m.end(), items, stated, None,
                          f"{stated}-{m['noun'].split()[-1].lower()}"))
    return out


def _noun_end(text: str, end: int) -> int:
    """The noun after a count (4대 플랫폼 기업), so the quote reads as a phrase."""
    m = re.match(r"\s*[^\s,.。，、]{1,10}", text[end:end + 12])
    return m.end() if m else 0


def _count(text: str, start: int, end: int, items: list[str], stated: str,
           fig: Figure | None, name: str) -> Drafted:
    distinct = len({" ".join(i.casefold().split()) for i in items})
    twice = "" if distinct == len(items) else f" ({distinct} distinct)"
    return Drafted(
        kind="count",
        quote=text[start:end],
        start=start,
        end=end,
        fields=[("items", items), ("stated", stated)],
        comment=f"a list of {len(items)} items{twice} with the stated count {stated}",
        name=f"list-{name}",
        covers=[] if fig is None else [(fig.start, fig.end)],
    )
