"""Finding every quantity in running text, skipping dates and words that look like numerals."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.errors import FactcheckError, LimitError, QuantityError
from factcheck.quantity.english import WORDS as ENGLISH_WORDS
from factcheck.quantity.numerals import GROUP_SPACES, WS, Bad, three_digits
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.scanner import Scanner, is_hangul
from factcheck.quantity.words import is_latin


@dataclass(frozen=True, slots=True)
class Extracted:
    """A quantity found in text, with its character span ``text[start:end]``."""

    quantity: Quantity
    start: int
    end: int
    text: str


def _date_end(s: str, i: int) -> int:
    """End of a date or time written with digits at ``i`` (2017/11/23, 2017.11.23, 11:12), or i."""
    n = len(s)
    j = i
    while j < n and s[j].isdigit() and s[j].isascii():
        j += 1
    if j == i or j >= n:
        return i
    sep = s[j]
    if sep == ":" and j - i <= 2 and s[j + 1 : j + 3].isdigit() and len(s[j + 1 : j + 3]) == 2:
        k = j + 3
        while k < n and (s[k].isdigit() or (s[k] == ":" and k + 1 < n and s[k + 1].isdigit())):
            k += 1
        return k
    if sep in "/.-" and j - i <= 4:
        k = j + 1
        m = k
        while m < n and s[m].isdigit():
            m += 1
        if 1 <= m - k <= 2 and m < n and s[m] == sep:
            e = m + 1
            while e < n and s[e].isdigit():
                e += 1
            if 1 <= e - m - 1 <= 4:
                return e
    return i


def _is_date(sc: Scanner, q: Quantity, start: int, end: int) -> bool:
    """14일, 7월, 2020년, bare 2017: calendar references, not quantities."""
    s = sc.s
    text = s[start:end]
    stripped = text.strip()
    if q.qualifier not in ("exact", "range"):
        return False
    if stripped.isdigit():
        nxt = s[end] if end < sc.n else ""
        if nxt and sc.t.date.match(s, end) is not None:
            return True
        return len(stripped) == 4 and 1900 <= int(stripped) <= 2100
    if q.qualifier == "range" and q.unit_name in ("dimensionless", "year"):
        parts = [p for p in "".join(c if c.isdigit() else " " for c in stripped).split()]
        if len(parts) == 2 and all(len(p) == 4 and 1000 <= int(p) <= 2999 for p in parts):
            return True
    if q.unit_name == "year" and q.qualifier == "exact":
        digits = stripped.rstrip("년年 \u00a0")
        return len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2999
    return False


# Text that holds digits but no quantity: web addresses (percent-encoding such as
# %28 is no percent) and telephone numbers (+1-222-2222, 010-1234-5678).
_NOT_QUANTITIES = re.compile(
    r"(?:https?://|www\.)[!#-;=?-~]+"
    r"|\+\d{1,3}(?:[- ]\d{2,5}){2,}(?:[-/]\d{2,5})*"
    r"|(?<![\d.,-])\d{2,4}-\d{3,4}-\d{4}(?![\d-])",
    re.IGNORECASE,
)
_PARTICLES = frozenset("은는이가을를의과와도에만으로")
_HANGUL_WORDS = ("천사", "백조", "이천", "사천", "구천", "일조", "백일", "십일", "천만에", "오십보")
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟貳陸")
_ORDINAL = frozenset({"st", "nd", "rd", "th"})


def extract_quantities(text: str, *, limit: int | None = None) -> list[Extracted]:
    """Every quantity in ``text``, in order, with non-overlapping character spans;
    a LimitError as soon as there are more than ``limit``."""
    if not isinstance(text, str):
        raise QuantityError(f"expected text, got {type(text).__name__} {text!r:.40}",
                            hint="pass the text of an article as a str")
    sc = Scanner(text, "extract")
    s, n, starts = sc.s, sc.n, sc.t.starts
    out: list[Extracted] = []
    skips = [(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(s)]
    skips.append((n + 1, n + 1))
    k = 0  # the next skipped span
    i = 0
    while i < n:
        ch = s[i]
        if ch not in starts:
            i += 1
            continue
        while skips[k][1] <= i:
            k += 1
        if skips[k][0] <= i:
            i = skips[k][1]
            continue
        prev = s[i - 1] if i > 0 else ""
        if is_hangul(ch) and is_hangul(prev):
            i += 1  # 에서만 is not 만
            continue
        if sc.t.reader.digit.get(prev, 0) and not is_hangul(prev):
            i += 1  # 二三十: "twenty or thirty", no one number
            continue
        if is_latin(ch) and not is_latin(prev) and _after_number_word(s, i):
            i += 1  # six million and two thirds: no reading starts inside a refused one
            continue
        if ch.isdigit():
            if prev and (prev.isdigit() or is_latin(prev) or prev in "._"
                         or (prev == "-" and i > 1 and is_latin(s[i - 2]))):
                i += 1
                continue
            d = _date_end(s, i)
            if d > i:
                i = d
                continue
        try:
            found = sc.quantity(i)
        except (Bad, FactcheckError) as exc:
            # a malformed number: skip all of its digits, so that a long run such
            # as 1,000,000,... is read once, not once from every comma; a refused
            # reading that says where it ends is skipped whole
            i = _run_end(s, i) if ch.isdigit() else i + 1
            if isinstance(exc, Bad) and exc.end is not None:
                i = max(i, exc.end)
            continue
        if found is None:
            i += 1
            continue
        q, end = found
        if (end < n and sc.t.reader.digit.get(s[end], 0) and sc.t.reader.digit.get(s[end - 1], 0)
                and not is_hangul(s[end])):
            i = end + 1  # 百分之二三十: "twenty or thirty", no one number
            continue
        if end < n and is_latin(s[end]) and s[end - 1].isdigit():
            # 180ml, 5m: a unit we do not know; a bare 180 would be a wrong reading
            while end < n and (is_latin(s[end]) or s[end].isdigit()):
                end += 1
            i = end
            continue
        if s[end - 1].isdigit() and s[end:end + 2].lower() in _ORDINAL and not (
            end + 2 < n and is_latin(s[end + 2])
        ):
            i = end + 2  # 4th, 21st: an ordinal, not an amount
            continue
        num_native = not any(c.isdigit() for c in s[i:end]) and q.qualifier != "vague"
        if num_native and not _native_ok(sc, q, i, end):
            i += 1
            continue
        if _is_date(sc, q, i, end):
            i = end
            while i < n and sc.t.date.match(s, i) is not None:
                i += 1
            continue
        while end > i and s[end - 1] in WS:
            end -= 1
        out.append(Extracted(q, i, end, text[i:end]))
        if limit is not None and len(out) > limit:
            raise LimitError(f"the text holds more than {limit:,} quantities "
                             "(MAX_TEXT_QUANTITIES)", hint="give the text of one article")
        i = end
    return out


def _word_before(s: str, i: int) -> tuple[str, int]:
    """The word (letters or digits) that ends before ``i``, spaces and one hyphen between."""
    j = i
    while j > 0 and s[j - 1] in WS:
        j -= 1
    if j > 0 and s[j - 1] == "-":
        j -= 1
    k = j
    while k > 0 and (is_latin(s[k - 1]) or s[k - 1].isdigit()):
        k -= 1
    return s[k:j].lower(), k


def _after_number_word(s: str, i: int) -> bool:
    """An English word at ``i`` follows a number word (``hundred thirty``) or ``and`` after a
    number (``million and two``): it is part of that number, not one of its own."""
    j = i
    while j < len(s) and is_latin(s[j]):
        j += 1
    if s[i:j].lower() not in ENGLISH_WORDS and s[i:j].lower() not in ("a", "an"):
        return False  # less than 10 after 40 and: a qualifier starts here
    word, k = _word_before(s, i)
    if word in ("a", "an"):
        word, k = _word_before(s, k)  # 3 and a half
    elif word in ENGLISH_WORDS:
        return True
    if word != "and":
        return False
    word, _ = _word_before(s, k)
    return word in ENGLISH_WORDS or (word.isdigit() and word.isascii())


def _run_end(s: str, i: int) -> int:
    """The end of the run of digits, commas, points and spaced digit groups at ``i``."""
    n = len(s)
    while i < n and (s[i].isdigit() or s[i] in ",." or (
            s[i] in GROUP_SPACES and i > 0 and s[i - 1].isdigit() and three_digits(s, i + 1))):
        i += 1
    return i


def _native_ok(sc: Scanner, q: Quantity, start: int, end: int) -> bool:
    """Numerals written in Hangul or Hanzi only count with a unit or a group word.

    Syllables such as 이, 사, 구, 조 are also ordinary words, so a lone one is not a number.
    """
    s = sc.s
    prev = s[start - 1] if start > 0 else ""
    if is_hangul(s[start]) and is_hangul(prev):
        return False
    if is_latin(s[start]):
        # English words: a lone "one" or "half" (one of them, the first half) is no amount
        words = s[start:end].lower().split()
        alone = len(words) == 1 or (len(words) == 2 and words[0] in sc.t.sign.exact)
        plain = q.unit_name == "dimensionless" and q.qualifier == "exact"
        return not (alone and plain and words[-1] in ("one", "half"))
    digit = sc.t.reader.digit
    numerals = sum(1 for c in s[start:end] if c in digit or c in sc.t.small or c in sc.t.big)
    if not is_hangul(s[start]) and not is_hangul(s[end - 1]):
        # Chinese numerals: 十五, 二百五, 三家, 两个国家; not 千万 ("by all means") or a
        # lone 一 (一起, 统一), which are words first
        if q.unit_name != "dimensionless" or q.qualifier != "exact":
            # a lone financial numeral is a word first: 登陆部队 is no six units
            return numerals >= 2 or not any(c in _FINANCIAL for c in s[start:end])
        return numerals >= 2 and any(digit.get(c, 0) > 0 for c in s[start:end])
    text = s[start:end]
    if numerals == 0:  # native numerals: 스물여섯 명, 세 개, 두 차례, 열여섯 (살)
        if q.unit_name != "dimensionless":
            return True
        nxt = s[end] if end < sc.n else ""
        word = text.strip()
        return len(word) >= 2 and word != "하나" and (not is_hangul(nxt) or nxt in _PARTICLES)
    if "분의" in text and numerals >= 2:
        return True  # 삼분의 이: a fraction is no ordinary word
    if q.unit_name in ("percent", "percentage_point") and numerals >= 1:
        return True  # 십 퍼센트, 백퍼센트
    if numerals < 2:
        return False
    if q.unit_name != "dimensionless" or q.qualifier != "exact":
        return True
    if numerals >= 3 and any(c in sc.t.big for c in text):
        return True
    # 십육, 일백십육, 이백은: a place word (십 백 천) and a particle or nothing after;
    # 천사 (angel), 백조 (swan), 이천 (a city), 구조 (structure) are words first
    nxt = s[end] if end < sc.n else ""
    return (
        any(c in sc.t.small for c in text)
        and (not is_hangul(nxt) or nxt in _PARTICLES)
        and not any(text.startswith(w) for w in _HANGUL_WORDS)
    )
