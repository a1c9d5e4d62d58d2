"""Native Korean numerals: ``스물여섯``, ``열여섯``, ``세`` (in ``세 개``), ``두`` (in ``두 차례``).

Korean counts small things with its own numerals (Sino-Korean 이십육 is read by
``numerals``). ``read_native(s, pos)`` reads an optional tens word and an optional
units word, written together, and returns a ``Num`` or None. Most of these words are
also ordinary words (한 in 한국, 세 in 세계, 네 "yes"), so extraction keeps one only
before a counter, or a word of two syllables or more before a particle.
"""

from __future__ import annotations

from factcheck.quantity.numerals import Num

TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
        "일흔": 70, "여든": 80, "아흔": 90}
UNITS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4,
         "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
FIRSTS = frozenset(w[0] for w in (*TENS, *UNITS))


def _longest(table: dict[str, int], s: str, i: int) -> tuple[int, int] | None:
    for length in (2, 1):
        word = s[i : i + length]
        if len(word) == length and word in table:
            return table[word], i + length
    return None


def read_native(s: str, pos: int) -> Num | None:
    """A native Korean numeral at ``pos`` of ``s``, or None."""
    value = 0
    i = pos
    tens = _longest(TENS, s, i)
    if tens is not None:
        value, i = tens
    units = _longest(UNITS, s, i)
    if units is not None:
        value, i = value + units[0], units[1]
    if i == pos:
        return None
    return Num(value, 1, i, nchars=i - pos)
