"""The scanner behind the quantity grammar: one quantity at a position of a text.

See ``factcheck.quantity.grammar`` for the grammar and the meaning of qualifiers.
``Scanner(text, mode).quantity(pos)`` returns the longest quantity at ``pos`` and
its end, None when no quantity starts there, or raises ``Bad`` for a malformed
number. ``mode`` is ``parse`` (a whole string: any pint unit after the number),
``match`` (an expression literal: no sign, ``-`` is not a range) or ``extract``
(running text: only units from words.tsv, conflicting qualifiers left unread).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from factcheck import limits
from factcheck.errors import FactcheckError, LimitError, UnitError
from factcheck.quantity.english import WORDS as ENGLISH_WORDS
from factcheck.quantity.english import read_words, scaled_resolution
from factcheck.quantity.interval import Interval
from factcheck.quantity.korean import FIRSTS as NATIVE_FIRSTS
from factcheck.quantity.korean import read_native
from factcheck.quantity.numerals import POINT, WS, Bad, Num, NumberReader, skip_ws
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.rational import Fraction
from factcheck.quantity.registry import REGISTRY
from factcheck.quantity.units import currency_codes, unit
from factcheck.quantity.words import Lexicon, Words, is_latin, words

MAX_MAGNITUDE = limits.MAX_NUMBER_MAGNITUDE  # documented in factcheck/limits.py
# Fullwidth digits and signs become ASCII one character for one, so spans stay valid.
_NORMALIZE = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "．": ".",
        "％": "%",
        "～": "~",
        "／": "/",
        "\u2212": "-",
        "\uff0d": "-",
        "＄": "$",
        **{chr(0xFF21 + k): chr(0x41 + k) for k in range(26)},
        **{chr(0xFF41 + k): chr(0x61 + k) for k in range(26)},
    }
)
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
_SYMBOLS = frozenset("<>=≤≥!")
# words that end a noun phrase: 5 of the people, 3 and 4 cities are no counted people
_NOT_ADJECTIVES = frozenset({
    "of", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with", "than", "the",
    "a", "an", "per", "as", "is", "are", "was", "were", "be",
})
_CLOSERS = ("사이", "까지", "之间", "之間", "间", "間")  # words that close a range
_STEMS = frozenset("크작많적높낮같")  # Korean comparison verbs whose ending follows
# 近 is "nearly" (近3000万元), except in words that end with it (最近3天 "the last 3 days",
# 附近) and before a duration (近3年 is "the last three years", not "nearly three")
_NEAR = "近"
_NOT_NEAR_AFTER = frozenset("最附靠临臨邻鄰贴貼亲親就")
_LOWER_BOUNDS = ("at_least", "more_than")
_UPPER_BOUNDS = ("at_most", "less_than")
# words that join a lower and an upper bound: 大于10且小于20, more than 5 but less than 9;
# not a comma: in "more than 20 people, fewer than 50 were hurt" the bounds are two facts
_JOINERS = ("并且", "並且", "且", "而", "but", "and")
# currencies written in whole units and cents (3 dollars 50 cents), and their cent words
_CENTS = ("cents", "cent")
_NO_CENTS = frozenset({"JPY", "KRW"})
_NONNEG = frozenset({
    "count", "mu", "year", "month", "hectare", "kilometer", "kilometer**2", "meter**2",
    "pyeong", "acre", "metric_ton", "kilogram",
})

if TYPE_CHECKING:
    # typeshed's abs() of ``Fraction | int`` is the vague protocol ``numbers._RealLike``;
    # the builtin itself is used at run time (no extra call on the hot path).
    def _abs(x: Fraction | int, /) -> Fraction | int: ...
else:
    _abs = abs

def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _is_cjk(ch: str) -> bool:
    """A Chinese character or a Hangul syllable."""
    return "\u4e00" <= ch <= "\u9fff" or is_hangul(ch)


class _Tables:
    """The word tables in the shapes the scanner wants.

    Plain instance attributes, set once: the scanner reads them on every character.
    """

    w: Words
    reader: NumberReader
    suffixes: list[tuple[str, object]]
    letter_suffixes: frozenset[str]
    vague_marks: frozenset[str]
    small: dict[str, int]
    big: dict[str, int]
    starts: frozenset[str]
    # the lexicons the scanner matches words with, straight from words.tsv
    before: Lexicon
    prefix: Lexicon
    vague_en: Lexicon
    scale: Lexicon
    unit: Lexicon
    counter: Lexicon
    after: Lexicon
    range: Lexicon
    date: Lexicon
    range_firsts: frozenset[str]
    bare: str
    sign: Lexicon
    per: Lexicon
    refuse: Lexicon
    refuse_bare: Lexicon

    def __init__(self) -> None:
        w = words()
        self.w = w
        self.reader = NumberReader(
            {k: int(str(v)) for k, v in w.digit.exact.items()},
            {k: int(str(v)) for k, v in w.small.exact.items()},
            {k: int(str(v)) for k, v in w.big.exact.items()},
            frozenset(k for k in w.odd.exact if len(k) == 1),
        )
        self.suffixes = sorted(w.suffix.exact.items(), key=lambda kv: -len(kv[0]))
        # letters that scale a number when glued to it, and G (giga): apart from the
        # digits (5 k, 1,674.5 G) they are refused rather than dropped
        self.letter_suffixes = frozenset(
            [word for word in w.suffix.exact if len(word) == 1] + ["G"])
        self.vague_marks = frozenset(w.vague.exact)
        self.small = {k: int(str(v)) for k, v in w.small.exact.items()}
        self.big = self.reader.big
        starts = set("0123456789+-")
        for kind in ("before", "prefix", "vague", "vague_en", "digit", "small", "sign", "per"):
            for word in getattr(w, kind).exact:
                starts.add(word[0])
                starts.add(word[0].upper())
        starts.update(k for k, v in self.big.items() if v == 10_000)
        starts.update(NATIVE_FIRSTS)
        for word in (*ENGLISH_WORDS, "a", "an"):
            starts.update((word[0], word[0].upper()))
        self.starts = frozenset(starts)
        self.before = w.before
        self.prefix = w.prefix
        self.vague_en = w.vague_en
        self.scale = w.scale
        self.unit = w.unit
        self.counter = w.counter
        self.after = w.after
        self.range = w.range
        self.date = w.date
        self.sign = w.sign
        self.per = w.per
        self.refuse = w.refuse
        self.refuse_bare = w.refuse_bare
        self.range_firsts = frozenset(self.range.by_first) | {"-"}
        self.bare = _bare_chars(w, self.reader, self.vague_marks)


def _bare_chars(w: Words, reader: NumberReader, vague_marks: frozenset[str]) -> str:
    """The characters of a text that ``Scanner.quantity`` reads as the number reader's
    number alone, when that number spans the whole text (see ``grammar``'s bare path).

    Digits, place and group words, decimal points and thousands commas, less every
    character that could make the scanner read more than the number: a vague or odd
    mark, the start of a native Korean numeral, a sign, a character the scanner
    normalizes, and the first character of every word read before a number (a
    qualifier, a unit prefix, ``百分之``, a sign or vague English word) that is made of
    these characters alone. After the number the scanner finds nothing to read: the
    bare path is taken only where the number ends the text.
    """
    chars = set("0123456789.,") | set(reader.digit) | set(reader.small) | set(reader.big) | POINT
    chars -= vague_marks | reader.odd | NATIVE_FIRSTS | WS | set("+-")
    chars = {c for c in chars if c.translate(_NORMALIZE) == c.translate(_LOWER) == c}
    for kind in ("before", "prefix", "per", "sign", "vague_en"):
        for word in getattr(w, kind).exact:
            if set(word) <= chars:
                chars.discard(word[0])
    return "".join(sorted(chars))


@REGISTRY.cached(1)
def _tables() -> _Tables:
    return _Tables()


@REGISTRY.cached(1)
def _currency_codes() -> frozenset[str]:
    return currency_codes()


@REGISTRY.cached(1024)
def _unit(name: str) -> Any:
    """The pint unit of a name the scanner read (errors are raised afresh, not kept)."""
    return unit(name)


@REGISTRY.cached(1024)
def _pint_name(word: str) -> str | None:
    """``word`` if pint knows it as a unit, else None (remembered either way)."""
    try:
        _unit(word)
    except FactcheckError:
        return None
    return word


# digits with an exponent (1.5e9): such a number has its own scale
_EXPONENT = re.compile(r"[0-9][eE][+-]?[0-9]")


@dataclass(slots=True)
class _Amount:
    """An amount before its unit: a number (maybe with an English scale) or a vague one."""

    num: Num
    start: int
    neg: bool = False
    scale: int = 1  # English scale word applied
    odd: bool = False


class Scanner:
    """Scans one normalized text; ``mode`` is parse, match or extract."""

    def __init__(self, text: str, mode: str) -> None:
        self.t = _tables()
        self._between = False  # the quantity began with "between": "and" closes a range
        self._code_at = -1  # where a currency code glued to an M (30 MUSD) starts
        self.text = text
        self.s = text.translate(_NORMALIZE)
        self.low = self.s.translate(_LOWER)
        self.n = len(self.s)
        self.mode = mode

    # -- small pieces ---------------------------------------------------------
    def _prev(self, i: int) -> str:
        return self.s[i - 1] if i > 0 else ""

    def _word_start_ok(self, i: int, word: str) -> bool:
        """A Latin or Hangul word must not start in the middle of another word."""
        prev = self._prev(i)
        if not prev:
            return True
        if is_latin(word[0]):
            return not (is_latin(prev) or prev.isdigit())
        if is_hangul(word[0]):
            return not is_hangul(prev)
        return True

    def _before(self, i: int) -> tuple[str, int] | None:
        m = self.t.before.match(self.low, i)
        if m is None or not self._word_start_ok(i, m[0]):
            return None
        if m[0][0] in _SYMBOLS and (self.mode == "match" or self._prev(i) in _SYMBOLS):
            return None  # > and ≤ are operators in an expression; <>30 and =>30 are no bounds
        return str(m[1]), i + len(m[0])

    def _prefix(self, i: int) -> tuple[str, int] | None:
        s = self.s
        m = self.t.prefix.match(self.low, i, digits_ok=True)
        if m is not None and self._word_start_ok(i, m[0]):
            return str(m[1]), i + len(m[0])
        code = s[i : i + 3]
        if len(code) == 3 and code in _currency_codes() and self._word_start_ok(i, code):
            j = i + 3
            if j < self.n and (s[j] in WS or s[j].isdigit()):
                return code, j
        if s[i : i + 1] == "M" and self._word_start_ok(i, "M"):
            code = s[i + 1 : i + 4]  # MAUD 60: millions of a currency
            j = i + 4
            if code in _currency_codes() and j < self.n and s[j] in WS:
                return "M" + code, j
        return None

    # -- the amount -------------------------------------------------------------
    def _vague(self, i: int) -> Num | None:
        """수십억, 数百亿, 수 조: (place, 10 x place)."""
        s, n = self.s, self.n
        if i >= n or s[i] not in self.t.vague_marks:
            return None
        if is_hangul(s[i]) and is_hangul(self._prev(i)):
            return None
        j = skip_ws(s, i + 1)
        place = 1
        seen = False
        if j < n and s[j] in self.t.small:
            place *= self.t.small[s[j]]
            seen = True
            j += 1
        k = skip_ws(s, j) if seen else j
        if k < n and s[k] in self.t.big:
            place *= self.t.big[s[k]]
            j = k + 1
            seen = True
            if j < n and s[j] in self.t.big:  # 数万亿
                place *= self.t.big[s[j]]
                j += 1
        if not seen:
            return None
        group = place // self.t.small.get(s[skip_ws(s, i + 1)], 1)
        return Num(place, place, j, nchars=2, top=group, scaled=group > 1, vague=True)

    def _vague_en(self, i: int) -> Num | None:
        """several million, tens of billions, hundreds of."""
        m = self.t.vague_en.match(self.low, i)
        if m is None or not self._word_start_ok(i, m[0]):
            return None
        place = int(str(m[1]))
        j = i + len(m[0])
        k = skip_ws(self.s, j)
        scaled = False
        while True:
            sm = self.t.scale.match(self.low, k)
            if sm is None:
                break
            place *= int(str(sm[1]))
            j = k + len(sm[0])
            k = skip_ws(self.s, j)
            scaled = True
        if m[0] == "several" and not scaled:
            return None
        return Num(place, place, j, nchars=2, top=place, scaled=True, vague=True)

    def _english_scale(self, num: Num, has_prefix: bool) -> int:
        """160B, €1.2bn, 150 billion, $5m: multiply by an English scale after the digits."""
        s, n, j = self.s, self.n, num.end
        if num.scaled:
            return 1
        k = skip_ws(s, j)
        if (k + 4 <= n and s[k] == "M" and s[k + 1 : k + 4] in _currency_codes()
                and (k + 4 == n or not (is_latin(s[k + 4]) or s[k + 4].isdigit()))):
            num.end = self._code_at = k + 1  # 30 MUSD, twenty MEUR: millions of a currency
            return 1_000_000
        if not num.ascii:
            return 1
        if j + 1 < n and s[j] == "-" and is_latin(s[j + 1]):
            m = self.t.scale.match(self.low, j + 1)
            if m is not None:  # 800-million yuan, 4-billion-dollar
                num.end = j + 1 + len(m[0])
                return int(str(m[1]))
        k = skip_ws(s, j)
        if k >= n or not is_latin(s[k]):
            return 1  # fast path: no English word follows
        for word, value in self.t.suffixes:
            if s.startswith(word, j):
                k = j + len(word)
                if k >= n or not (is_latin(s[k]) or s[k].isdigit()):
                    num.end = k
                    return int(str(value))
        k = skip_ws(s, j)
        for word, value in self.t.suffixes:
            # $1.2 bn, 2 mil people: a suffix of two letters or more may stand apart
            if len(word) > 1 and word.islower() and s.startswith(word, k) and k > j:
                e = k + len(word)
                if e >= n or not (is_latin(s[e]) or s[e].isdigit()):
                    num.end = e
                    return int(str(value))
        if has_prefix and j < n and s[j] == "m" and (j + 1 >= n or not is_latin(s[j + 1])):
            num.end = j + 1
            return 1_000_000
        k = skip_ws(s, j)
        if k > j and k + 1 <= n and s[k] in self.t.letter_suffixes and (
                k + 1 == n or not (is_latin(s[k + 1]) or s[k + 1].isdigit())):
            # 5 k, 1.2 B, 3 M: a scale letter apart from the digits may be a scale, a
            # unit or a label; reading the bare number would be wrong by a thousand
            raise Bad(f"{s[k]!r} after a number: a scale letter apart from the digits is "
                      f"ambiguous; write it attached (5k) or in words (5 thousand)")
        if k == j and k < n and is_latin(s[k]):
            return 1  # 5billion is not English; leave it to the unit reader
        scale = 1
        while True:
            m = self.t.scale.match(self.low, k)
            if m is None:
                break
            scale *= int(str(m[1]))
            num.end = k + len(m[0])
            k = skip_ws(s, num.end)
        return scale

    def _sign(self, i: int) -> tuple[bool, int] | None:
        """A sign before a number: ``-3.9%``, ``负三十二``, ``마이너스 5``, ``minus five``."""
        s, n = self.s, self.n
        if i + 1 < n and s[i] in "+-":
            return (s[i] == "-", i + 1) if s[i + 1].isdigit() else None
        if i >= n or self.low[i] not in self.t.sign.by_first:
            return None
        m = self.t.sign.match(self.low, i)
        if m is None or not self._word_start_ok(i, m[0]):
            return None
        j = i + len(m[0])
        k = skip_ws(s, j)
        if is_latin(m[0][0]) and k == j:
            return None
        return (str(m[1]) == "-", k) if k < n else None

    def _per(self, i: int) -> tuple[int, int] | None:
        """``百分之``, ``百 分 之``, ``千分之``, ``percent of`` at ``i``: (N of "per N", end)."""
        s, n = self.s, self.n
        if i >= n or (s[i] not in "百千万萬" and self.low[i] not in self.t.per.by_first):
            return None
        m = self.t.per.match(self.low, i)
        if m is not None:
            if is_latin(m[0][0]) and not self._word_start_ok(i, m[0]):
                return None
            return int(str(m[1])), skip_ws(s, i + len(m[0]))
        if i >= n or s[i] not in "百千万萬":
            return None
        j = skip_ws(s, i + 1)  # 百 分 之 2: spaced out
        if j < n and s[j] == "分":
            k = skip_ws(s, j + 1)
            if k < n and s[k] == "之":
                return {"百": 100, "千": 1000}.get(s[i], 10000), skip_ws(s, k + 1)
        return None

    def _fraction(self, den: Num) -> Num | None:
        """``三分之一``, ``3분의 1``, ``1/2``: the number read so far is a denominator."""
        s, n = self.s, self.n
        j = den.end
        if self.mode != "match" and den.plain and j + 1 < n and s[j] == "/" and s[j + 1].isdigit():
            k = j + 1
            while k < n and s[k].isdigit():
                k += 1
            if k < n and s[k] in "/.,":
                return None  # a date or a version, not a fraction
            b = int(s[j + 1 : k]) if k - j <= 40 else 0
            if b == 0 or (self.mode == "extract" and not 2 <= b <= 10):
                return None  # in running text 11/23 is a date more often than a fraction
            return Num(Fraction(den.value) / b, 0, k, ascii=True, nchars=den.nchars + k - j)
        j = skip_ws(s, j)
        if j + 1 < n and s[j] == "分":
            k = skip_ws(s, j + 1)
            if k >= n or s[k] != "之":
                return None
            k += 1
        elif s.startswith("분의", j):
            k = j + 2
        else:
            return None
        if den.value == 0:
            return None
        k = skip_ws(s, k)
        sign = self._sign(k)
        neg = False
        if sign is not None:
            neg, k = sign
        num = self.t.reader.number(s, k)
        if num is None:
            return None
        value = Fraction(num.value)
        if s[j] == "분" and num.scaled and num.value == num.top and s[num.end - 1] in self.t.big:
            # 3분의 1조각, 3분의 일만 줘: 1만 or 1조 is no numerator; the group word is a word
            value, num.end = Fraction(1), num.end - 1
        if neg:
            value = -value
        return Num(value / Fraction(den.value), 0, num.end, ascii=den.ascii or num.ascii,
                   nchars=den.nchars + num.nchars + 1)

    def _mixed(self, whole: Num) -> Num | None:
        """A whole and a fraction: ``일과 이분의 일``, ``一又二分之一``, ``two and a third``."""
        s, n = self.s, self.n
        j = whole.end
        k = skip_ws(s, j)
        if k >= n or s[k] not in "과와又aA":
            return None  # the common case: no connector follows
        for word in ("과", "와", "又", "and"):
            if self.low.startswith(word, k) and (word != "and" or k > j):
                break
        else:
            return None
        k = skip_ws(s, k + len(word))
        if k >= n:
            return None
        if word == "and" and whole.ascii and is_latin(s[k]):
            return self._and_part(whole, k)  # 3 and a half
        den = read_words(self.low, k) if is_latin(s[k]) else self.t.reader.number(s, k)
        frac = None if den is None or den.res == 0 else self._fraction(den)
        if frac is None:
            return None
        frac.value = Fraction(whole.value) + frac.value
        frac.nchars += whole.nchars
        return frac

    def _and_part(self, whole: Num, k: int) -> Num | None:
        """``3 and a half``, ``3 and three quarters``, ``3 and a half million``."""
        part = read_words(self.low, k)
        if part is None or part.res != 0 or not 0 < part.value < 1:
            return None
        fraction = part.value
        part.value = Fraction(whole.value) + fraction * (whole.top if whole.scaled else 1)
        part.nchars += whole.nchars  # 3 million and a half is 3.5 million
        if whole.scaled:  # rounded as 3.5 million would be; 3 and a half years is exact
            part.res = scaled_resolution(Fraction(fraction), whole.top)
        k = skip_ws(self.s, part.end)
        scale = self.t.scale.match(self.low, k)
        if scale is not None:
            if whole.scaled:  # 3 million and a half million
                raise Bad(f"{self.s[k : k + len(scale[0])]!r} follows a scaled whole and a "
                          "fraction: write the amount in digits")
            part.end = k + len(scale[0])
            part.res = scaled_resolution(Fraction(fraction), 1)  # 3 and a half million: 3.5 million
            _scale(part, int(str(scale[1])))
        return part

    def _amount(self, i: int, has_prefix: bool, allow_sign: bool) -> _Amount | None:
        s, n = self.s, self.n
        neg = False
        start = i
        if allow_sign:
            sign = self._sign(i)
            if sign is not None:
                neg, i = sign
        num = None if i >= n or "0" <= s[i] <= "9" else (self._vague(i) or self._vague_en(i))
        if num is None and i < n and is_latin(s[i]):
            if not self._word_start_ok(i, s[i]):
                return None
            num = read_words(self.low, i)  # twenty-six, three thousand, two thirds
        if num is None:
            num = self.t.reader.number(s, i)
            if i < n and s[i] in NATIVE_FIRSTS and self.mode != "match":
                native = read_native(s, i)  # 스물여섯, 세 (개), 일흔 (not 일)
                if native is not None and (num is None or native.end > num.end):
                    num = native
            if num is None:
                return None
        amount = _Amount(num, start, neg)
        if not num.vague:
            amount.scale = self._english_scale(num, has_prefix)
            if amount.scale != 1:
                _scale(num, amount.scale)
        if not num.vague:
            frac = self._fraction(num) or self._mixed(num)
            if frac is not None:
                amount.num = num = frac
        if neg:
            num.value = -num.value
        amount.odd = num.odd_inside
        if not amount.odd and not num.vague:
            j = num.end
            if j < n and s[j] in self.t.reader.odd:
                amount.odd = True
                num.end = j + 1
            elif self.low.startswith("-odd", j) and not (j + 4 < n and is_latin(s[j + 4])):
                amount.odd = True
                num.end = j + 4
        return amount

    # -- units ------------------------------------------------------------------
    def _unit_word(self, i: int) -> tuple[str, str | None, int] | None:
        """(unit name, counter word, end) for a unit or counter word at ``i``."""
        s, low, t = self.s, self.low, self.t
        m = t.unit.match(low, i)
        c = t.counter.match(low, i)
        if c is not None and (m is None or len(c[0]) > len(m[0])):
            if is_latin(c[0][0]) and not self._word_start_ok(i, c[0]):
                return None
            if s[i + len(c[0]) : i + len(c[0]) + 1] == "째":
                return None  # 두 번째: an ordinal, not a count
            return "count", s[i : i + len(c[0])], i + len(c[0])
        if m is not None:
            if is_latin(m[0][0]) and not (self._word_start_ok(i, m[0]) or s[i - 1].isdigit()):
                return None  # 29km and 24703m2 carry their unit; 5kmh does not
            return str(m[1]), None, i + len(m[0])
        code = s[i : i + 3]
        if (
            len(code) == 3
            and code in _currency_codes()
            and (i + 3 >= self.n or not is_latin(s[i + 3]))
            and (self._word_start_ok(i, code) or i == self._code_at)
        ):
            return code, None, i + 3
        return None

    def _pint_unit(self, i: int) -> tuple[str, int] | None:
        """Any unit pint knows, such as ``km`` or ``m**2`` (not in extraction)."""
        s, n = self.s, self.n
        if self.mode == "extract" or i >= n or not (is_latin(s[i]) or s[i] in "µ°"):
            return None
        j = i
        while j < n and (s[j].isalnum() or s[j] in "_*/^µ°²³."):
            j += 1
        while j > i and s[j - 1] in "./*^":
            j -= 1
        name = s[i:j]
        if self.mode == "parse":
            rest = skip_ws(s, j)
            if rest < n and self._after(rest, j) is None:
                return None
            try:
                _unit(name)
            except UnitError as exc:
                if exc.code == "quantity.offset-unit":  # known, and refused: say why
                    raise Bad(f"{exc.message}; {exc.hint}") from exc
                raise Bad(f"unknown unit {name!r}") from exc
            return name, j
        if _pint_name(name) is None:
            return None
        return name, j

    def _english_counter(self, i: int) -> tuple[str, str | None, int] | None:
        """``322 major industrial projects``: up to two lower-case words, then a counter."""
        s, n = self.s, self.n
        j = i
        for _ in range(2):
            k = j
            while k < n and "a" <= s[k] <= "z":
                k += 1
            if k == j or k >= n or s[k] != " " or s[j:k] in _NOT_ADJECTIVES:
                return None
            j = k + 1
            c = self.t.counter.match(self.low, j)
            if c is not None and is_latin(c[0][0]) and self._word_start_ok(j, c[0]):
                return "count", s[i : j + len(c[0])], j + len(c[0])
        return None

    def _unit(self, i: int) -> tuple[str, str | None, int] | None:
        """A unit (maybe a rate ``KRW/CNY``, ``원/위안``) after optional spaces."""
        j = skip_ws(self.s, i)
        if j + 1 < self.n and j == i and self.s[j] == "-" and is_latin(self.s[j + 1]):
            j += 1  # 4-billion-dollar: a hyphen joins the unit
        if j >= self.n:
            return None
        u = self._unit_word(j)
        if u is None and is_latin(self.s[j]) and self.mode == "extract":
            u = self._english_counter(j)
        if u is None:
            p = self._pint_unit(j)
            return None if p is None else (p[0], None, p[1])
        name, counter, end = u
        if end < self.n and self.s[end] == "/" and counter is None:
            v = self._unit_word(end + 1)
            if v is not None and v[1] is None:
                return f"{name}/{v[0]}", None, v[2]
        return u

    def _after(self, i: int, end: int) -> tuple[str, int] | None:
        """An after-qualifier at ``i`` (spaces from ``end`` skipped)."""
        m = self.t.after.match(self.low, i)
        if m is None:
            return None
        word = m[0]
        if " " in word and word[0] in "을를이가" and i != end:
            return None  # particles attach to the word before them
        if is_latin(word[0]) and i == end:
            return None
        length = len(word)
        if self.mode == "extract":
            # 이상으로 / 이상의 carry a particle; the quantity's span ends at 이상.
            for k in range(length - 1, 0, -1):
                core = self.t.after.match(word[:k], 0)
                if core is not None and len(core[0]) == k:
                    length = k
                    break
        end = i + length
        if " " in word and word[-1] in _STEMS:
            while end < self.n and is_hangul(self.s[end]):
                end += 1  # 보다 크다, 보다 작거나 같은: the verb's ending belongs to it
        return str(m[1]), end

    # -- one quantity -------------------------------------------------------------
    def quantity(self, pos: int) -> tuple[Quantity, int] | None:
        """The longest quantity starting at ``pos``; Bad for a malformed number."""
        s = self.s
        i = pos
        qual = None
        pre = None
        pre_unit = None
        pre_scale = 1
        near = False
        self._between = False
        self._code_at = -1
        if not ("0" <= s[i] <= "9"):  # fast path: digits start no qualifier or prefix
            before = self._before(i)
            if before is not None and s[i] == _NEAR and before[1] == i + 1:
                near = True
                if self._prev(i) in _NOT_NEAR_AFTER:
                    return None
            if before is not None:
                qual, i = before[0], skip_ws(s, before[1])
                if qual == "between":  # between 20 and 30: a range, no qualifier
                    qual, self._between = None, True
            pre = self._prefix(i)
            if pre is not None:
                pre_unit, i = pre[0], skip_ws(s, pre[1])
                if len(pre_unit) == 4:  # MAUD: millions of AUD
                    pre_unit, pre_scale = pre_unit[1:], 1_000_000
        allow_sign = self.mode != "match"
        if allow_sign and self.mode == "extract" and i < self.n and s[i] in "+-":
            # a sign, not a range dash or a hyphen: after a space, a bracket or a CJK
            # character (增长-3.9%, 营收-2.1亿元)
            prev = self._prev(i)
            allow_sign = (prev == "" or prev in WS or prev in "([:：，、（" or prev in _SYMBOLS
                          or _is_cjk(prev))
        per_at = self._per(i)
        per = None
        if per_at is not None:  # 百分之二十 = 20%, 千分之五 = 0.5%, percent of 10
            per, i = per_at
        amount_at = i
        left = self._amount(i, pre_unit is not None, allow_sign)
        if left is None:
            return None
        if pre_scale != 1:
            if left.num.scaled:
                return None  # MAUD 60 million: which million is meant?
            _scale(left.num, pre_scale)
        self._refuse(pos, left.num.end, bare=True)
        end = left.num.end
        right = None
        unit: tuple[str, str | None, int] | None = None
        unit1 = self._unit(end)
        rng = self._range(left, pre_unit, unit1)
        if rng is None and self._between:
            return None
        if rng is not None:
            right, unit, end = rng
        elif unit1 is not None:
            unit, end = unit1, unit1[2]
        if unit is None and right is None and left.num.vague and self.low.startswith(" of ", end):
            unit = self._unit(end + 3)  # tens of millions of dollars
            if unit is not None:
                end = unit[2]
        if rng is not None and pre_scale != 1:
            return None  # MAUD 5-10: left unread rather than guessed
        if near and unit is not None and unit[0] in ("year", "month"):
            return None  # 近3年: the number is read from its own position
        unit_name = unit[0] if unit else None
        counter = unit[1] if unit else None
        self._refuse(pos, end, bare=unit is None)
        if unit is not None and right is None and counter is None:
            cents = self._cents(unit_name, left, end)
            if cents is not None:
                left.num.value = left.num.value + cents[0]
                left.num.res = Fraction(1, 100)
                end = cents[1]
        if per is not None or unit_name == "tenth":
            if per is not None:
                if unit_name is not None:
                    return None
                factor = Fraction(100, per)
            elif s[end - 1] == "折" and _abs(left.num.value) >= 10:
                if not 10 < _abs(left.num.value) < 100:
                    return None  # 十折 is no discount
                factor = Fraction(1)  # 75折 is 75 percent, 七折 70
            else:
                factor = Fraction(10)
            for a in (left, right):
                if a is not None:
                    a.num.value = a.num.value * factor
                    a.num.res = a.num.res * factor
            unit_name = "percent"
        yuan = unit is not None and unit_name == "CNY" and s[unit[2] - 1] == "元"
        if pre_unit is not None:
            # 港币5亿元: 元 after a currency is that currency's unit, not the yuan
            if unit_name is not None and unit_name != pre_unit and not yuan:
                raise Bad(f"{s[pos:end]!r} names two units, {pre_unit} and {unit_name}")
            unit_name = pre_unit
        elif yuan and self._prev_word_end(amount_at) in ("币", "幣"):
            # 新台幣100億元: 元 is the unit of a currency factcheck does not know
            raise Bad(f"{s[pos:end]!r}: the currency before the number is not one factcheck "
                      "knows, and 元 alone would read it as the yuan")
        # after-qualifier
        k = skip_ws(s, end)
        after = self._after(k, end)
        odd = left.odd if right is None else right.odd
        about = None
        if after is not None and qual == "approx" and right is None and not left.num.vague \
                and not odd and after[0] in (*_LOWER_BOUNDS, *_UPPER_BOUNDS):
            about, end = after  # about 500 or more: a bound that is itself rounded
            after = None
        if after is not None:
            aq, aend = after
            if right is not None or left.num.vague or qual is not None:
                if self.mode != "extract":
                    raise Bad(f"{s[pos:aend]!r} has two qualifiers")
            elif odd and aq not in ("at_least", "more_than"):
                if self.mode != "extract":
                    raise Bad(f"{s[pos:aend]!r}: {s[k:aend]} contradicts the 'a little more' mark")
            else:
                qual = aq
                end = aend
        if qual is not None and (left.num.vague or right is not None):
            if self.mode == "extract" and right is None:
                return None  # 약 수십억 원: the vague amount is read without 약 (no narrower)
            # 约5至10亿元: refused whole, so that running text does not read the range
            # after the qualifier as exact
            raise Bad(f"{s[pos:end]!r}: a range or vague amount cannot take a qualifier", end)
        q = self._build(left, right, qual, odd, unit_name, counter, pos, end)
        if about is not None:
            q = _rounded_bound(q, about)
        elif (q.qualifier in _LOWER_BOUNDS and q.interval.hi is None and self.mode != "match"
              and q.value is not None):
            both = self._upper_bound(q, pos, end)
            if both is not None:
                return both
        return q, end

    def _prev_word_end(self, i: int) -> str:
        """The character before ``i``, spaces skipped ('' at the start)."""
        j = i - 1
        while j >= 0 and self.s[j] in WS:
            j -= 1
        return self.s[j] if j >= 0 else ""

    def _refuse(self, start: int, j: int, bare: bool) -> None:
        """Bad when a word that no reading is safe with follows: ``5 lakh``, ``3 crore``;
        and, when ``j`` ends the number itself (``bare``), ``五十打``."""
        k = skip_ws(self.s, j)
        if k >= self.n:
            return
        first = self.low[k]
        for table in (self.t.refuse, self.t.refuse_bare) if bare else (self.t.refuse,):
            if first in table.by_first:
                m = table.match(self.low, k)
                if m is not None and not is_latin(self._prev(k)):
                    raise Bad(f"{self.s[start : k + len(m[0])]!r}: {m[1]}")

    def _cents(self, unit_name: str | None, left: _Amount, j: int) -> tuple[Fraction, int] | None:
        """``3 dollars 50 cents``, ``3 dollars and fifty cents``: (cents / 100, end)."""
        num = left.num
        if (unit_name is None or unit_name not in _currency_codes() or unit_name in _NO_CENTS
                or num.vague or left.odd or num.scaled or Fraction(num.value).denominator != 1
                or not is_latin(self.s[j - 1])):
            return None
        s, low = self.s, self.low
        k = skip_ws(s, j)
        if low.startswith("and ", k):
            k = skip_ws(s, k + 4)
        if k >= self.n:
            return None
        if s[k].isdigit():
            e = k
            while e < self.n and s[e].isdigit():
                e += 1
            count, e = (int(s[k:e]) if e - k <= 2 else 0), e
        else:
            words = read_words(low, k) if is_latin(s[k]) else None
            if words is None or words.scaled or Fraction(words.value).denominator != 1:
                return None
            count, e = int(words.value), words.end
        if not 1 <= count <= 99:
            return None
        e = skip_ws(s, e)
        for word in _CENTS:
            end = e + len(word)
            if low.startswith(word, e) and (end >= self.n or not is_latin(s[end])):
                return Fraction(count, 100), end
        return None

    def _upper_bound(self, low: Quantity, pos: int, end: int) -> tuple[Quantity, int] | None:
        """``大于10小于20``, ``10以上20以下``, ``more than 5 but less than 9``: a lower bound
        and then an upper bound of the same unit are one interval with both ends."""
        s = self.s
        k = skip_ws(s, end)
        for word in _JOINERS:
            if self.low.startswith(word, k) and (not is_latin(word[0]) or k > end):
                k = skip_ws(s, k + len(word))
                break
        if k >= self.n:
            return None
        between = self._between
        try:
            found = self.quantity(k)
        except (Bad, FactcheckError):
            found = None  # read on its own, or refused, by the caller's next step
        finally:
            self._between = between
        if found is None:
            return None
        high, hend = found
        hi = high.interval.hi
        lo = low.interval.lo
        r_lo, r_hi = low.resolution, high.resolution
        if (high.qualifier not in _UPPER_BOUNDS or hi is None or lo is None
                or high.unit_name != low.unit_name or r_lo is None or r_hi is None
                or max(r_lo, r_hi) >= 1000 * min(r_lo, r_hi)):
            return None  # 大于10小于20亿: is 10 meant as 10亿? not guessed
        if lo >= hi:
            if self.mode == "extract":
                return None
            raise Bad(f"{s[pos:hend]!r}: the lower bound {lo} is not below the upper {hi}")
        interval = Interval(lo, hi, low.interval.lo_open, high.interval.hi_open)
        q = Quantity(interval, low.unit, low.value, "range", self.text[pos:hend].strip(),
                     low.counter or high.counter, low.resolution)
        return q, hend

    def _range(self, left: _Amount, pre_unit: str | None,
               unit1: tuple[str, str | None, int] | None):  # type: ignore[no-untyped-def]
        """``5~10년``, ``5억 원~10억 원``, ``20-30%``, ``5 to 10``: (right, unit, end)."""
        s, n = self.s, self.n
        j = left.num.end if unit1 is None else unit1[2]
        k = skip_ws(s, j)
        if k >= n or self.low[k] not in self.t.range_firsts:
            return None
        m = self.t.range.match(self.low, k)
        between = False
        if m is not None:
            if is_latin(m[0][0]) and k == j:
                return None
            between = str(m[1]) == "between"
            if between and not (self._between or m[0] in "과와与和及"):
                return None  # and is a range only after between
            k = k + len(m[0])
        elif (
            self.mode != "match" and j < n and s[k] == "-" and k + 1 < n and left.num.ascii
            and (s[k + 1].isdigit() if k == j else s[k + 1] in WS and k > j)
        ):
            k += 1  # 5-10, 5%-10%, 5k-20k, 1,000 - 5,000
        else:
            return None
        k = skip_ws(s, k)
        if pre_unit is not None:
            p = self._prefix(k)
            if p is not None:
                if p[0] != pre_unit:
                    return None
                k = skip_ws(s, p[1])
        try:
            right = self._amount(k, pre_unit is not None, False)
        except (Bad, FactcheckError):
            if self.mode == "extract":
                return None
            raise
        if right is None:
            return None
        end = right.num.end
        unit2 = self._unit(end)
        if unit2 is not None:
            end = unit2[2]
        if unit1 is not None and (unit2 is None or unit2[0] != unit1[0]):
            return None
        closer = skip_ws(s, end)  # 20과 30 사이, 10000与20000之间, 20부터 100까지
        word = next((w for w in _CLOSERS if s.startswith(w, closer)), None)
        if between and not self._between and word is None:
            return None
        if word is not None:
            end = closer + len(word)
        # 5~10억, 수 십~수 백억: the left end borrows the right end's group word
        # (not when it has its own unit: 5 원~10억 원 is five won to a billion won)
        # (nor when it has an exponent: 0e13至1十万亿 is zero to ten trillion)
        ln, rn = left.num, right.num
        borrow = (unit1 is None and not ln.scaled and rn.scaled and rn.top > 1
                  and not _EXPONENT.search(s, left.start, ln.end))
        if borrow and _abs(ln.value) * rn.top <= rn.value:
            ln.value = ln.value * rn.top
            ln.res = ln.res * rn.top
        if self.mode == "extract" and rn.value < ln.value:
            return None  # from 300 to 200 is a change, not a range: two amounts
        return right, unit2 or unit1, end

    # -- building the quantity ------------------------------------------------------
    def _build(self, left: _Amount, right: _Amount | None, qual: str | None, odd: bool,
               unit_name: str | None, counter: str | None, start: int, end: int) -> Quantity:
        text = self.s[start:end]
        num = left.num
        v = Fraction(num.value)
        r = Fraction(num.res)
        nonneg = _nonneg(unit_name)
        if right is not None:
            lo_i = _end_interval(left)
            hi_i = _end_interval(right)
            if lo_i.lo is not None and hi_i.hi is not None and lo_i.lo >= hi_i.hi:
                raise Bad(f"{text!r}: the range goes from {lo_i.lo} down to {hi_i.hi}")
            interval = Interval(lo_i.lo, hi_i.hi, lo_i.lo_open, hi_i.hi_open)
            qualifier = "range"
        elif num.vague:
            interval = Interval(v, 10 * v, True, True) if v > 0 else Interval(10 * v, v, True, True)
            qualifier = "vague"
        elif odd:
            p = last_nonzero_place(v, r)
            if qual in ("at_least", "more_than"):
                interval = Interval(v, None, True, True)
            else:
                interval = Interval(v, v + p, True, True)
            qualifier = "more_than"
        elif qual == "nearly":
            # "a little less than", the mirror of 여/多: 将近30亿 is in [20亿, 30亿).
            p = last_nonzero_place(v, r)
            interval = Interval(v - p, v, False, True)
            qualifier = "less_than"
        else:
            qualifier = qual or "exact"
            floor = Fraction(0) if nonneg and v >= 0 else None
            if qualifier == "exact":
                interval = Interval(v, v)
            elif qualifier == "approx":
                interval = Interval(v - r / 2, v + r / 2)
            elif qualifier == "at_least":
                interval = Interval(v, None)
            elif qualifier == "more_than":
                interval = Interval(v, None, True, True)
            elif qualifier == "at_most":
                interval = Interval(floor, v)
            else:
                if floor is not None and v == 0:
                    raise Bad(f"{text!r}: nothing is less than 0 here")
                interval = Interval(floor, v, False, True)
        big = _abs(num.value) > MAX_MAGNITUDE or (
            right is not None and _abs(right.num.value) > MAX_MAGNITUDE
        )
        if big or ((num.vague or odd) and _abs(num.value) * 10 > MAX_MAGNITUDE):
            raise LimitError(
                f"{text!r}: magnitude beyond the limit of 10**30",
                hint="no newspaper figure is that large; check the number",
            )
        u = _unit(unit_name) if unit_name else _unit("dimensionless")
        return Quantity(interval, u, v, qualifier, self.text[start:end].strip(), counter, r)


def _scale(num: Num, scale: int) -> None:
    """Multiply a number read so far by an English scale or a million prefix."""
    num.value = num.value * scale
    num.res = num.res * scale
    num.top = scale
    num.scaled = True
    num.plain = False


def _nonneg(unit_name: str | None) -> bool:
    """Money, counts, areas and durations cannot be negative: their at_most starts at 0."""
    return unit_name is not None and (
        unit_name in _NONNEG
        or unit_name in _currency_codes()
        or all(part in _currency_codes() for part in unit_name.split("/"))
    )


def _rounded_bound(q: Quantity, bound: str) -> Quantity:
    """``about 500 or more``: the bound itself is rounded, so it reaches r/2 beyond v."""
    v, r = Fraction(q.value or 0), Fraction(q.resolution or 0)
    if bound in _LOWER_BOUNDS:
        return replace(q, interval=Interval(v - r / 2, None), qualifier="at_least")
    floor = Fraction(0) if _nonneg(q.unit_name) and v - r / 2 >= 0 else None
    return replace(q, interval=Interval(floor, v + r / 2), qualifier="at_most")


def _end_interval(a: _Amount) -> Interval:
    v = Fraction(a.num.value)
    if a.num.vague:
        return Interval(v, 10 * v, True, True)
    if a.odd:
        return Interval(v, v + last_nonzero_place(v, Fraction(a.num.res)), True, True)
    return Interval(v, v)


def last_nonzero_place(v: Fraction, r: Fraction) -> Fraction:
    """The place value of the last non-zero digit of ``v`` written down to ``r``."""
    if v == 0 or r <= 0:
        return r if r > 0 else Fraction(1)
    k = abs(v) / r
    p = r
    if k.denominator != 1:
        return r
    m = k.numerator
    while m % 10 == 0:
        m //= 10
        p *= 10
    return p
