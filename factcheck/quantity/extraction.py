"""Finding every quantity in running text, skipping dates and words that look like numerals."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.errors import FactcheckError
from factcheck.quantity.numerals import WS, Bad
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


def extract_quantities(text: str) -> list[Extracted]:
    """Every quantity in ``text``, in order, with non-overlapping character spans."""
    sc = Scanner(text, "extract")
    s, n, starts = sc.s, sc.n, sc.t.starts
    out: list[Extracted] = []
    i = 0
    while i < n:
        ch = s[i]
        if ch not in starts:
            i += 1
            continue
        prev = s[i - 1] if i > 0 else ""
        if is_hangul(ch) and is_hangul(prev):
            i += 1  # 에서만 is not 만
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
        except (Bad, FactcheckError):
            i += 1
            continue
        if found is None:
            i += 1
            continue
        q, end = found
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
        i = end
    return out


def _native_ok(sc: Scanner, q: Quantity, start: int, end: int) -> bool:
    """Numerals written in Hangul or Hanzi only count with a unit or a group word.

    Syllables such as 이, 사, 구, 조 are also ordinary words, so a lone one is not a number.
    """
    s = sc.s
    prev = s[start - 1] if start > 0 else ""
    if is_hangul(s[start]) and is_hangul(prev):
        return False
    numerals = sum(
        1 for c in s[start:end] if c in sc.t.reader.digit or c in sc.t.small or c in sc.t.big
    )
    if numerals < 2:
        return False
    if q.unit_name != "dimensionless" or q.qualifier != "exact":
        return True
    return numerals >= 3 and any(c in sc.t.big for c in s[start:end])
