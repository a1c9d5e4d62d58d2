"""The word tables of the quantity grammar, read once from ``words.tsv``."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from factcheck.errors import QuantityError
from factcheck.quantity.registry import REGISTRY

_PATH = os.path.join(os.path.dirname(__file__), "words.tsv")
KINDS = (
    "digit", "small", "big", "scale", "suffix", "vague", "vague_en", "unit",
    "prefix", "counter", "before", "after", "odd", "range", "date", "sign", "per", "refuse",
    "refuse_bare",
)
_NUMERIC = {"digit", "small", "big", "scale", "suffix", "vague", "vague_en", "per"}


def is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


@dataclass
class Lexicon:
    """Longest-match lookup of words by their first character."""

    by_first: dict[str, list[tuple[str, object]]] = field(default_factory=dict)
    exact: dict[str, object] = field(default_factory=dict)

    def add(self, word: str, value: object) -> None:
        self.exact[word] = value
        self.by_first.setdefault(word[0], []).append((word, value))
        self.by_first[word[0]].sort(key=lambda wv: -len(wv[0]))

    def match(self, text: str, pos: int, digits_ok: bool = False) -> tuple[str, object] | None:
        """The longest word at ``pos`` of ``text`` (already lower-cased for Latin words).

        A word ending in a Latin letter must not run on into another letter or digit.
        """
        if pos >= len(text):
            return None
        cands = self.by_first.get(text[pos])
        if not cands:
            return None
        for word, value in cands:
            if text.startswith(word, pos):
                end = pos + len(word)
                if is_latin(word[-1]) and end < len(text):
                    nxt = text[end]
                    if is_latin(nxt) or nxt == "_" or (nxt.isdigit() and not digits_ok):
                        continue
                return word, value
        return None


@dataclass
class Words:
    """All tables; Latin words are stored lower-case except the case-sensitive suffixes."""

    tables: dict[str, Lexicon]

    def __getattr__(self, kind: str) -> Lexicon:
        try:
            return self.__dict__["tables"][kind]
        except KeyError:
            raise AttributeError(kind) from None


def parse_words(lines: list[str], source: str = "words.tsv") -> Words:
    """Build the tables from the lines of a words file; bad lines raise QuantityError."""
    tables = {kind: Lexicon() for kind in KINDS}
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or cols[0] not in tables or not cols[1]:
            raise QuantityError(
                f"{source}:{number}: cannot read the line {line!r}",
                hint="write KIND<TAB>WORD<TAB>VALUE with KIND one of " + ", ".join(KINDS),
            )
        kind, word = cols[0], cols[1]
        value: object = cols[2].strip() if len(cols) > 2 else ""
        if kind in _NUMERIC:
            value = int(str(value))
        if kind != "suffix":
            word = word.lower()
        tables[kind].add(word, value)
    return Words(tables)


@REGISTRY.cached(1)
def words() -> Words:
    with open(_PATH, encoding="utf-8") as fh:
        return parse_words(fh.readlines())
