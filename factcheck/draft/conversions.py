"""Conversions as the article writes them: an amount and its equivalent in parentheses.

``1000억 위안(약 16조4천780억 원)``, ``565.8 billion yuan (US$84.3 billion)``,
``15亿美元（约合人民币103亿元）``, ``16조 원(1000억 위안)``: the amount outside the
parentheses is converted, the one inside is stated; several equivalents in one pair
of parentheses (``(약 1조 원, 9억 달러)``) give one claim each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.draft.figures import Figure
from factcheck.draft.model import Drafted

# What may stand between an amount and its equivalent: an opening parenthesis and
# words that say "about" or name the currency, which the grammar does not take itself.
_OPEN = re.compile(
    r"\s*[(（]\s*(?P<words>(?:한화|원화|우리\s*돈(?:으로)?|약|대략|about|around|approximately|"
    r"approx\.|roughly|some|nearly|or|equivalent\s+to|约合|約合|约|約|折合|合|相当于|相當於|"
    r"大约|大約)\s*)*$",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"^\s*(?:[,，/、;；]|or|또는|및)\s*(?:약|about|约合?|대략)?\s*$",
                      re.IGNORECASE)
# A currency word the grammar leaves after the amount (11億元人民幣), then the parenthesis.
_CLOSE = re.compile(r"^\s*(?:人民币|人民幣|美元|韩元|韓元|日元)?\s*[)）]")
_APPROX_WORDS = re.compile(r"약|대략|about|around|approx|roughly|some|nearly|约|約|折合|合|相当于|"
                           r"相當於",
                           re.IGNORECASE)
_APPROX_PREFIX = {"ko": "약 ", "zh": "约 ", "en": "about "}


@dataclass(frozen=True)
class Conversion:
    """One written conversion: the amount, the stated equivalent, the passage."""

    amount: Figure
    stated: Figure
    stated_text: str
    start: int
    end: int  # after the closing parenthesis


def find_conversions(text: str, figures: list[Figure], language: str) -> list[Conversion]:
    """Every conversion in ``text``, in order; ``figures`` are its quantities in order."""
    out: list[Conversion] = []
    money = [f for f in figures if f.is_money]
    for k, amount in enumerate(money):
        if k + 1 >= len(money):
            break
        nxt = money[k + 1]
        opening = _OPEN.match(text, amount.end, nxt.start)
        if opening is None or opening.end() != nxt.start:
            continue
        inside = [nxt]
        for later in money[k + 2:]:
            if not _BETWEEN.match(text[inside[-1].end:later.start]):
                break
            inside.append(later)
        close = _CLOSE.match(text[inside[-1].end:inside[-1].end + 8])
        if close is None:
            continue
        end = inside[-1].end + close.end()
        before = amount.end
        for stated in inside:
            words, before = text[before:stated.start], stated.end  # this one's own words
            if stated.unit == amount.unit:
                continue
            out.append(Conversion(amount, stated, _stated_text(stated, words, language),
                                  amount.start, end))
    return out


def _stated_text(stated: Figure, words: str, language: str) -> str:
    """The stated amount with an "about" the grammar left outside it (约合人民币103亿元)."""
    if stated.qualifier == "exact" and _APPROX_WORDS.search(words.split("(")[-1].split("（")[-1]):
        return _APPROX_PREFIX.get(language, "about ") + stated.text
    return stated.text


def draft_conversions(text: str, conversions: list[Conversion]) -> list[Drafted]:
    out = []
    for c in conversions:
        quote = text[c.start:c.end]
        out.append(Drafted(
            kind="convert",
            quote=quote,
            start=c.start,
            end=c.end,
            fields=[("amount", c.amount.text), ("stated", c.stated_text)],
            comment=f"conversion as written: {c.amount.text} -> {c.stated_text}",
            name=f"{c.amount.slug()}-in-{c.stated.unit.lower()}",
            covers=[(c.amount.start, c.amount.end), (c.stated.start, c.stated.end)],
        ))
    return out
