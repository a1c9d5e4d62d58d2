"""English number words: ``twenty-six``, ``three thousand``, ``two thirds``, ``half a million``.

``read_words(low, pos)`` reads a cardinal written in words from the lower-cased text
``low`` at ``pos`` (the start of a word) and returns a ``Num`` or None. Fractions are
exact (``one third`` is 1/3); ``and a half`` adds a half (``five and a half million``).
The resolution is the place value of the last word (``twenty`` 10, ``three thousand``
1000); a fraction has none (0), it is exact.
"""

from __future__ import annotations

from factcheck.quantity.numerals import WS, Num
from factcheck.quantity.rational import Fraction

_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]
UNITS = {w: v for v, w in enumerate(_ONES)} | {"nought": 0, "naught": 0}
TENS = {w: 10 * (k + 2) for k, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ORDINALS = ("", "", "half", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth")
DENOMINATORS = {w: d for d, w in enumerate(_ORDINALS) if w} | {
    "quarter": 4, "hundredth": 100, "thousandth": 1000, "millionth": 10**6,
    "billionth": 10**9, "trillionth": 10**12,
}
DENOMINATORS |= {w + "s": d for w, d in DENOMINATORS.items()} | {"halves": 2}
# Ordinals that are no denominator here: after a number they make it an ordinal
# (twenty-first) or a fraction we do not read (a thirtieth), never a bare cardinal.
_ORDINAL_STEMS = (
    "first", "second", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
    "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
)
ORDINALS = frozenset(DENOMINATORS) | frozenset(_ORDINAL_STEMS) | {
    w + "s" for w in _ORDINAL_STEMS}
WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"hundred", "dozen", "half"}
# A dozen as written after a number (five dozen, five dozens, 5 doz., five dzs) and
# after "a" or "half a" (a dozen, half a doz); the digits' forms are words.tsv's scales.
DOZENS = frozenset({"dozen", "dozens", "doz", "dozs", "dz", "dzs"})
A_DOZEN = frozenset({"dozen", "doz", "dz"})


def _word(low: str, i: int) -> tuple[str, int, int] | None:
    """The next word after spaces or one hyphen: (word, start, end)."""
    n = len(low)
    j = i
    while j < n and low[j] in WS:
        j += 1
    if j < n and low[j] == "-":
        j += 1
        while j < n and low[j] in WS:
            j += 1
    k = j
    while k < n and "a" <= low[k] <= "z":
        k += 1
    if k == j or (k < n and low[k].isdigit()):
        return None
    return low[j:k], j, k


class _Reader:
    """One reading of a cardinal in words; ``end`` is after its last number word."""

    def __init__(self, low: str, pos: int) -> None:
        self.low = low
        self.end = pos
        self.total = 0  # groups closed by thousand, million, ...
        self.group = 0  # below a thousand
        self.res = 1
        self.last = ""  # kind of the last word: unit, teen, tens, hundred, scale
        self.last_scale = 10**15
        self.words = 0
        self.big = False  # a hundred or a scale word was read
        self.at_and: int | None = None  # the value before the last "and" (one hundred and three)
        self.and_after = ""  # the kind of word before that "and": hundred or scale

    def cardinal(self, article: bool) -> None:
        """Read whole-number words from ``end``; ``article``: an ``a`` was written."""
        low = self.low
        i = self.end
        while True:
            tok = _word(low, i)
            if tok is None:
                return
            w, _, k = tok
            if w == "and" and self.last in ("hundred", "scale"):
                nxt = _word(low, k)
                if nxt is None or (nxt[0] not in UNITS and nxt[0] not in TENS):
                    return
                self.at_and, self.and_after = self.value, self.last
                i = k
                continue
            if w in UNITS:
                v = UNITS[w]
                if self.last in ("unit", "teen") or (self.last == "tens" and not 0 < v < 10):
                    return
                if article or (v == 0 and self.last):
                    return
                self.group += v
                self.res, self.last = 1, ("teen" if v >= 10 else "unit")
            elif w in TENS:
                if self.last in ("unit", "teen", "tens") or article:
                    return
                self.group += TENS[w]
                self.res, self.last = 10, "tens"
            elif w == "hundred":
                if self.group >= 100 or self.last == "hundred":
                    return
                self.group = (self.group or 1) * 100
                self.res, self.last, self.big = 100, "hundred", True
            elif w in SCALES:
                scale = SCALES[w]
                if scale >= self.last_scale or not (self.last or article):
                    return
                self.total += (self.group or 1) * scale
                self.group = 0
                self.res, self.last, self.last_scale = scale, "scale", scale
                self.big = True
            else:
                return
            article = False
            self.words += 1
            self.end = i = k

    @property
    def value(self) -> int:
        return self.total + self.group


def read_words(low: str, pos: int) -> Num | None:
    """A number written in English words at ``pos`` of the lower-cased ``low``, or None."""
    tok = _word(low, pos)
    if tok is None or tok[1] != pos:
        return None
    first, _, after = tok
    r = _Reader(low, pos)
    if first == "half":
        return _half(low, after)
    if first in ("a", "an"):
        nxt = _word(low, after)
        if nxt is None:
            return None
        if nxt[0] in DENOMINATORS:  # a third, a quarter
            return Num(Fraction(1, DENOMINATORS[nxt[0]]), 0, nxt[2], nchars=2, scaled=True)
        if nxt[0] in A_DOZEN:
            return Num(12, 1, nxt[2], nchars=2, scaled=True)
        if nxt[0] != "hundred" and nxt[0] not in SCALES:
            return None
        r.end = after
        r.cardinal(article=True)
    elif first in WORDS:
        r.cardinal(article=False)
    else:
        return None
    if not r.words:
        return None
    value: Fraction | int = r.value
    res: Fraction | int = r.res
    end = r.end
    tok = _word(low, end)
    if tok is not None and tok[0] in DOZENS and r.last in ("unit", "teen", "tens"):
        if r.at_and is not None:
            return None  # three hundred and two dozen: 324 or 3624?
        return Num(value * 12, 12, tok[2], nchars=r.words + 1, scaled=True)
    hyphen = end < len(low) and low[end] == "-"
    if tok is not None and tok[0] in ORDINALS and not (tok[0] in ("second", "seconds")
                                                       and not hyphen):
        return _over(r, tok[0], tok[2], hyphen)
    point = _point(low, end) if r.last in ("unit", "teen", "tens", "hundred", "scale") else None
    if point is not None:  # two hundred point zero three
        digits, end = point
        return Num(value + Fraction(int(digits), 10 ** len(digits)), Fraction(1, 10 ** len(digits)),
                   end, nchars=r.words + 1 + len(digits))
    if _and_ordinal(low, end):
        return None  # two hundred thirty two and a thirtieth: not 232
    mixed = _and_fraction(low, end)
    if mixed is not None:
        part, end = mixed
        tok = _word(low, end)
        if tok is not None and tok[0] in SCALES and SCALES[tok[0]] < r.last_scale:
            # five and a half million; one billion and a half million
            scale = SCALES[tok[0]]
            value = value + part * scale if r.last == "scale" else (value + part) * scale
            end = tok[2]
        elif r.last == "scale":
            value = value + part * r.last_scale  # one million and a half
            scale = r.last_scale
        else:
            value = value + part
            scale = 1
        # five and a half million is 5.5 million: rounded to a tenth of a million, as the
        # digits would be; a third has no last digit, and a half year is exact
        res = scaled_resolution(part, scale) if scale > 1 else 0
    top = r.last_scale if r.last_scale < 10**15 else 1
    return Num(value, res, end, nchars=r.words, top=top, scaled=top > 1)


def _over(r: _Reader, word: str, end: int, hyphen: bool) -> Num | None:
    """A cardinal followed by an ordinal: a fraction (two thirds, one hundred and three
    quarters = 100 3/4, two hundred and fifty-four hundredths = 200.54), or None where
    no reading is safe (twenty-first is an ordinal; one hundred thirty fifths is 130/5
    or 100/35; six million and two thirds is 6,000,000 2/3 or 6 2/3 million)."""
    den = DENOMINATORS.get(word)
    if den is None or r.last not in ("unit", "teen"):
        return None  # twenty fifths: 20/5, or fifths of the twenty-fifth kind?
    whole = 0
    numerator = r.value
    if r.at_and is not None:
        whole, numerator = r.at_and, r.value - r.at_and
        if r.and_after != "hundred" or numerator >= den:
            return None  # one hundred and thirty-two fifths: 100 32/5 or 132/5?
    elif r.big:
        return None
    plural = word.endswith("s") or word == "halves"
    if (numerator == 1) == plural:
        return None  # one thirds, two third: not a fraction
    return Num(whole + Fraction(numerator, den), 0, end, nchars=r.words + 1, scaled=True)


def _and_ordinal(low: str, i: int) -> bool:
    """``and a thirtieth``, ``and five ninetieths``: a fraction this reader does not know."""
    tok = _word(low, i)
    if tok is None or tok[0] != "and":
        return False
    num = _word(low, tok[2])
    if num is None or not (num[0] in ("a", "an") or num[0] in UNITS or num[0] in TENS):
        return False
    den = _word(low, num[2])
    return den is not None and den[0] in ORDINALS and den[0] not in DENOMINATORS


def _point(low: str, i: int) -> tuple[str, int] | None:
    """``point five``, ``point zero three``, ``point seventy-one``: (digits, end)."""
    tok = _word(low, i)
    if tok is None or tok[0] != "point":
        return None
    digits = ""
    end = tok[2]
    while len(digits) < 20:
        tok = _word(low, end)
        if tok is None or (tok[0] not in UNITS and tok[0] not in TENS):
            break
        value = UNITS.get(tok[0], TENS.get(tok[0], 0))
        nxt = _word(low, tok[2]) if tok[0] in TENS else None
        if nxt is not None and nxt[0] in UNITS and 0 < UNITS[nxt[0]] < 10:
            value, tok = value + UNITS[nxt[0]], nxt  # point seventy-one
        digits += str(value)
        end = tok[2]
    return (digits, end) if digits else None


def _and_fraction(low: str, i: int) -> tuple[Fraction, int] | None:
    """``and a half``, ``and three quarters`` after a whole number: (fraction, end)."""
    tok = _word(low, i)
    if tok is None or tok[0] != "and":
        return None
    num = _word(low, tok[2])
    if num is None:
        return None
    count = 1 if num[0] in ("a", "one") else UNITS.get(num[0], 0)
    den = _word(low, num[2])
    if not count or den is None or den[0] not in DENOMINATORS:
        return None
    return Fraction(count, DENOMINATORS[den[0]]), den[2]


def scaled_resolution(part: Fraction, scale: int) -> Fraction:
    """The place of the last digit of ``part`` of a scale written in decimals (a half
    million is 0.5 million: 10^5; three quarters, 0.75: 10^4); 0 (exact) for a part with
    no last digit (a third)."""
    den, places = part.denominator, 0
    while den % 10 == 0:
        den //= 10
        places += 1
    while den % 2 == 0 or den % 5 == 0:
        den //= 2 if den % 2 == 0 else 5
        places += 1  # one more place for each 2 or 5 beyond the pairs
    if den != 1:
        return Fraction(0)
    return Fraction(scale, 10**places)


def _half(low: str, i: int) -> Num | None:
    """``half a million``, ``half million``, ``half a dozen``, or a lone ``half``."""
    tok = _word(low, i)
    j = i
    if tok is not None and tok[0] in ("a", "an"):
        tok = _word(low, tok[2])
    if tok is not None and tok[0] in SCALES:  # half a million: 0.5 million
        scale = SCALES[tok[0]]
        return Num(Fraction(scale, 2), scaled_resolution(Fraction(1, 2), scale), tok[2],
                   nchars=2, scaled=True)
    if tok is not None and tok[0] in A_DOZEN:
        return Num(6, 0, tok[2], nchars=2, scaled=True)
    return Num(Fraction(1, 2), 0, j, nchars=1, scaled=False)
