"""Reading the number part of a quantity: digits, Korean/Chinese groups, English scales.

Korean and Chinese count in groups of four digits closed by a group word
(만/万 = 10^4, 억/亿 = 10^8, 조/兆 = 10^12, 경 = 10^16, 해 = 10^20). Inside a group,
digits mix with the place words 천/백/십 (千/百/十): ``4천950억`` is 4950 x 10^8.
Group words must decrease (``16조4천780억``); a repeated one is an error
(``1조조``). Only after 만/万 may a larger group word follow, multiplying everything
before it: ``1.5万亿`` = 1.5 x 10^12, ``16万4780亿`` = 164780 x 10^8.

Besides the value we keep the *resolution*: the place value of the last written
digit, zeros included (``1000억`` -> 10^8, ``4천950억9천 만`` -> 10^7, ``천억`` ->
10^11, ``1.6조`` -> 10^11). Qualifiers turn it into the interval the text allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.errors import LimitError
from factcheck.quantity.rational import Fraction

MAX_DIGITS = 40  # significant digits in one written number
# All digits, leading zeros included: int() refuses strings over 4,300 digits, and
# 0.000...1 with thousands of zeros is no newspaper figure either.
MAX_WRITTEN_DIGITS = 100
MAX_EXPONENT = 30  # |e| in 1.5e12; magnitudes beyond 10**30 are refused too
WS = frozenset(" \t\u00a0\u2009\u202f\u3000")
GROUP_SPACES = frozenset(" \u00a0\u2009\u202f")  # between digit groups: 1 234 567
MAN = 10_000
POINT = frozenset("点點")
COPULA = frozenset("다며고라지면었므니")  # endings of the Korean copula 이다
ZERO = frozenset("零〇0")
# Korean words that begin with a group word: 3조각 is three pieces, 1만큼 "as much as 1"
NOT_GROUPS = frozenset({"조각", "만큼"})
# units that begin with a place word: 100千瓦 is 100 kilowatts, 5千克 five kilograms
NOT_PLACES = frozenset({"千瓦", "千克", "千米"})  # the decimal point of Chinese numerals


def _cjk(word: str) -> bool:
    """A Chinese (not Hangul) place or group word: only those shorten a last digit."""
    return bool(word) and "\u4e00" <= word[0] <= "\u9fff"


class Bad(Exception):
    """A malformed number; the caller turns it into a QuantityError or skips it (up to
    ``end`` when given: no reading may start inside a refused one)."""

    def __init__(self, message: str, end: int | None = None) -> None:
        super().__init__(message)
        self.end = end


@dataclass(slots=True)
class Num:
    """A number as read: exact value, resolution, and facts about how it was written."""

    value: Fraction | int
    res: Fraction | int
    end: int
    ascii: bool = False  # some ASCII digits were written
    nchars: int = 0  # numeral characters (digits, place and group words)
    top: int = 1  # scale of the first group (억 in 10억), 1 without group words
    scaled: bool = False  # a group or scale word was written
    plain: bool = False  # only ASCII digits: no comma, point, group or scale word
    odd_inside: bool = False  # 여/多 between the digits and the group word (1000多亿)
    vague: bool = False


def skip_ws(s: str, i: int) -> int:
    """The first index at or after ``i`` that is not a space (most calls find none)."""
    n = len(s)
    if i >= n or s[i] not in WS:
        return i
    i += 1
    while i < n and s[i] in WS:
        i += 1
    return i


def read_digits(s: str, i: int) -> tuple[Fraction | int, Fraction | int, int, bool, bool]:
    """ASCII digits at ``i`` with optional thousands commas, decimals and exponent.

    Returns (value, resolution, end, has_point_or_comma, is_decimal).
    """
    n = len(s)
    j = i
    while j < n and "0" <= s[j] <= "9":
        j += 1
    groups = [s[i:j]]
    marked = False
    # thousands commas: exactly three digits after each comma (joined once: linear)
    while j < n and s[j] == "," and three_digits(s, j + 1):
        groups.append(s[j + 1 : j + 4])
        j += 4
        marked = True
    if not marked and j - i <= 3 and j + 1 < n and s[j] in GROUP_SPACES:
        j, marked = _spaced_groups(s, i, j, groups)
    digits = "".join(groups)
    frac = ""
    if j + 1 < n and s[j] == "." and "0" <= s[j + 1] <= "9":
        k = j + 1
        while k < n and "0" <= s[k] <= "9":
            k += 1
        frac = s[j + 1 : k]
        j = k
        marked = True
        if j + 1 < n and s[j] == "." and "0" <= s[j + 1] <= "9":
            raise Bad(f"{s[i:j + 2]!r} has two decimal points")
    elif j + 2 < n and s[j] == "." and s[j + 1] == "." and "0" <= s[j + 2] <= "9":
        raise Bad(f"{s[i:j + 3]!r} has two decimal points in a row")
    significant = (digits + frac).lstrip("0")
    if len(digits) + len(frac) > MAX_WRITTEN_DIGITS and len(significant) <= MAX_DIGITS:
        written = s[i:j] if j - i <= 40 else s[i : i + 39] + "…"
        raise LimitError(
            f"{written!r} has {len(digits) + len(frac)} digits, more than the limit of "
            f"{MAX_WRITTEN_DIGITS}",
            hint="shorten the number (no newspaper figure needs that many digits)",
        )
    if len(significant) > MAX_DIGITS:
        raise LimitError(
            f"{s[i:j]!r} has {len(significant)} significant digits, more than the limit of "
            f"{MAX_DIGITS}",
            hint="shorten the number (no newspaper figure needs that many digits)",
        )
    exponent = 0
    if j + 1 < n and s[j] in "eE":
        k = j + 1
        if k < n and s[k] in "+-":
            k += 1
        m = k
        while m < n and "0" <= s[m] <= "9":
            m += 1
        if m > k and not (m < n and (s[m].isalpha() and s[m].isascii())):
            text = s[k:m].lstrip("0")
            if len(text) > 3 or int(text or "0") > MAX_EXPONENT:
                raise LimitError(
                    f"{s[i:m]!r}: the exponent is beyond the limit of 10**{MAX_EXPONENT}",
                    hint=f"write numbers of magnitude at most 10**{MAX_EXPONENT}",
                )
            exponent = int(s[j + 1 : m])
            j = m
            marked = True
    if frac or exponent:
        value = Fraction(int(digits + frac)) / 10 ** len(frac)
        res = Fraction(1, 10 ** len(frac))
        if exponent:
            scale = Fraction(10) ** exponent
            value *= scale
            res *= scale
        return value, res, j, marked, True
    return int(digits), 1, j, marked, False


def _spaced_groups(s: str, i: int, j: int, groups: list[str]) -> tuple[int, bool]:
    """Groups of three digits after ``s[i:j]``, each after the same space: (end, marked).

    A thin or no-break space only separates groups (``40\u202f000``). An ordinary space
    does where nothing else is likely: two groups or more (``1 234 567``), or one that
    starts with 0 (``40 000``). ``12 500`` could be one number or two, and ``1 234,5``
    (a decimal comma) 1234.5 or two numbers: both are refused, not guessed.
    """
    sep = s[j]
    k = j
    spaced = []
    while k < len(s) and s[k] == sep and three_digits(s, k + 1):
        spaced.append(s[k + 1 : k + 4])
        k += 4
    if not spaced:
        return j, False
    if sep == " " and len(spaced) == 1 and spaced[0][0] != "0":
        raise Bad(f"{s[i:k]!r} is one number or two: write {s[i:j]},{spaced[0]} or "
                  f"separate them")
    if k + 1 < len(s) and s[k] == "," and "0" <= s[k + 1] <= "9":
        raise Bad(f"{s[i:k + 2]!r}: a comma after digit groups written with spaces may be a "
                  "decimal comma; write the number with a decimal point")
    groups.extend(spaced)
    return k, True


def three_digits(s: str, i: int) -> bool:
    """Exactly three ASCII digits at ``i``, not followed by a fourth."""
    chunk = s[i : i + 3]
    if len(chunk) != 3 or not all("0" <= c <= "9" for c in chunk):
        return False
    return not (i + 3 < len(s) and "0" <= s[i + 3] <= "9")


class NumberReader:
    """Reads numbers with the digit, place and group words of a words table."""

    def __init__(self, digit: dict[str, int], small: dict[str, int], big: dict[str, int],
                 odd: frozenset[str]) -> None:
        self.digit = digit
        self.small = small
        self.big = big
        self.odd = odd  # single-character odd markers that may stand before a group word

    def section(self, s: str, pos: int) -> tuple[Fraction | int, Fraction | int, int, bool, int,
                                                 bool, bool] | None:
        """One group's number: ``4천950``, ``1,000``, ``1.6``, ``一千五百``.

        Returns (value, resolution, end, ascii, nchars, is_decimal, marked).
        """
        n = len(s)
        small, digit = self.small, self.digit
        total: Fraction | int = 0
        res: Fraction | int = 0
        last_small = MAN
        last_word = ""
        gap = False  # a 零 was written: no shortened last digit after it
        i = pos
        ascii_ = False
        marked = False
        is_dec = False
        nchars = 0
        while i < n:
            ch = s[i]
            if ch in WS and last_small < MAN and s[i - 1] == last_word:
                # 7천 5백만, 4천 4백만: a spaced place of the same group
                k = skip_ws(s, i)
                nxt2 = s[k + 1] if k + 1 < n else ""
                if (("0" <= s[k:k + 1] <= "9" or s[k:k + 1] in digit) and nxt2 in small
                        and small[nxt2] < last_small):
                    i = k
                    continue
                break
            if "0" <= ch <= "9":
                val, r, j, mk, dec = read_digits(s, i)
                ascii_ = True
                sm = small.get(s[j]) if j < n and s[j : j + 2] not in NOT_PLACES else None
                if sm is not None:
                    if mk or j - i != 1:
                        raise Bad(f"{s[i:j + 1]!r}: write one digit 1-9 before {s[j]}")
                    if sm >= last_small:
                        raise Bad(f"{s[pos:j + 1]!r}: place word {s[j]} cannot follow {last_word}")
                    total += val * sm
                    res, last_small, last_word = sm, sm, s[j]
                    nchars += 2
                    i = j + 1
                    marked = True
                    continue
                if last_small < MAN and val >= last_small:
                    raise Bad(f"{s[pos:j]!r}: the digits after {last_word} are too many")
                if (not gap and not dec and j - i == 1 and res >= 100 and _cjk(last_word)
                        and s[i - 1] == last_word):
                    val, r = val * (res // 10), res // 10  # 5千2 = 5200, as 五千二
                total += val
                res = r
                nchars += j - i
                marked = marked or mk
                is_dec = dec
                i = j
                break
            d = digit.get(ch)
            if d is not None:
                nxt = s[i + 1] if i + 1 < n else ""
                if ch == "이" and nxt and nxt in COPULA:
                    break  # 백칠십이다 is "it is 170": 이 is the copula, not a 2
                if d == 0 and (nxt in digit or nxt in small or "0" <= nxt <= "9"):
                    # 零 keeps a place empty: 一百零五, 一万零五百, 一千零十二
                    i += 1
                    nchars += 1
                    gap = True
                    continue
                sm = small.get(nxt) if s[i + 1 : i + 3] not in NOT_PLACES else None
                if sm is not None:
                    if sm >= last_small:
                        raise Bad(f"{s[pos:i + 2]!r}: place word {nxt} cannot follow {last_word}")
                    total += d * sm
                    res, last_small, last_word = sm, sm, nxt
                    nchars += 2
                    i += 2
                    continue
                if not gap and res >= 100 and _cjk(last_word) and i > pos and s[i - 1] == last_word:
                    # the shortened last digit: 五千二 = 5200, 百三 = 130 (Korean 천삼 is 1003)
                    total += d * (res // 10)
                    res = res // 10
                else:
                    total += d
                    res = 1
                nchars += 1
                i += 1
                break
            sm = small.get(ch) if s[i : i + 2] not in NOT_PLACES else None
            if sm is not None:
                if sm >= last_small:
                    raise Bad(f"{s[pos:i + 1]!r}: place word {ch} cannot follow {last_word}")
                total += sm  # 천억, 十五: the digit 1 is implied
                res, last_small, last_word = sm, sm, ch
                nchars += 1
                i += 1
                continue
            break
        if i == pos or (nchars == 0):
            return None
        if not ascii_ and i + 1 < n and s[i] in POINT and s[i + 1] in digit:
            # 十五点七, 零点五, 两千三点一: decimals written with 点
            k = i + 1
            frac = ""
            while k < n and s[k] in digit and len(frac) < MAX_DIGITS:
                frac += str(digit[s[k]])
                k += 1
            total = total + Fraction(int(frac), 10 ** len(frac))
            res = Fraction(1, 10 ** len(frac))
            nchars += 1 + len(frac)
            i = k
            is_dec = True
        return total, res, i, ascii_, nchars, is_dec, marked

    def number(self, s: str, pos: int) -> Num | None:
        """A whole number: groups closed by group words, in decreasing order."""
        n = len(s)
        big = self.big
        sec = self.section(s, pos)
        if sec is None:
            after = s[pos + 1] if pos + 1 < n else ""
            if pos < n and big.get(s[pos]) == MAN and not (
                after in self.digit or after in self.small or after in big or after.isdigit()
            ):  # 만 원, 万元: one myriad (万一 is "in case", no number)
                sec = (1, 1, pos, False, 0, False, False)
            else:
                return None
        total: Fraction | int = 0
        res: Fraction | int = 1
        last = 0  # the last group word applied (0: none yet)
        last_word = ""
        only_man = True
        out = Num(0, 1, pos)
        first = True
        end = pos
        sec_start_after_ws = False
        while True:
            val, r, j, asc, nch, dec, mk = sec
            out.ascii = out.ascii or asc
            out.nchars += nch
            k = j
            odd_here = False
            if k < n and s[k] in self.odd:
                k2 = skip_ws(s, k + 1)
                if k2 < n and s[k2] in big:
                    odd_here, k = True, k2
            k3 = skip_ws(s, k)
            g = big.get(s[k3]) if k3 < n else None
            if g is not None and s[k3 : k3 + 2] in NOT_GROUPS:
                g = None
            if g is None:
                if last:
                    if dec and asc:  # (一万零十二点一五 is 10012.15: 点 ends the number)
                        raise Bad(f"{s[pos:j]!r}: a decimal number must carry its group word")
                    if val >= last:
                        raise Bad(f"{s[pos:j]!r}: the digits after {last_word} are too many")
                total += val
                res = r
                end = j
                out.plain = first and asc and not mk
                break
            # a group word closes this section
            word = s[k3]
            if not last:
                total = val * g
                out.top = g
            elif g < last:
                total += val * g
            elif only_man and last == MAN and g > MAN:
                total = (total + val) * g
            elif g == last:
                raise Bad(f"scale word {word} repeats")
            else:
                raise Bad(f"scale word {word} cannot follow {last_word}")
            res = r * g
            only_man = only_man and g == MAN
            last, last_word = g, word
            out.nchars += 1
            out.scaled = True
            end = k3 + 1
            # compound group words: 万亿
            while end < n and s[end] in big:
                g2 = big[s[end]]
                if only_man and last == MAN and g2 > MAN:
                    total *= g2
                    res *= g2
                    last, last_word, only_man = g2, s[end], False
                    out.top = out.top * g2
                    out.nchars += 1
                    end += 1
                elif g2 == last:
                    raise Bad(f"scale word {s[end]} repeats")
                else:
                    raise Bad(f"scale word {s[end]} cannot follow {last_word}")
            if odd_here:
                out.odd_inside = True
                break
            if dec:
                break  # 1.6조: nothing may follow a decimal group
            first = False
            nxt = skip_ws(s, end)
            sec_start_after_ws = nxt != end
            sec = self.section(s, nxt)
            if sec is None:
                break
            if (not sec_start_after_ws and sec[2] - nxt == 1 and _cjk(last_word)
                    and s[nxt] not in ZERO
                    and not (sec[2] < n and (s[sec[2]] in big or s[sec[2]] in self.odd))):
                # the shortened last digit after a group word: 一万三 = 13000, 7万5 = 75000
                unit = last // 10
                sec = (sec[0] * unit, unit, *sec[2:])
            if sec_start_after_ws:
                # 12조 3456억: after a space, only a group closed by a group word belongs here
                k = skip_ws(s, sec[2])
                if not (k < n and s[k] in big) and not (
                    s[sec[2] - 1] in self.small and not sec[5] and sec[0] < last
                ):  # 9만 4천 달러: a group of places written after a space is one amount
                    break
        out.value = total
        out.res = res
        out.end = end
        return out
