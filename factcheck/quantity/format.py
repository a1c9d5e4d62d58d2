"""Writing quantities back as newspapers do, in Korean, Chinese or English.

``format_quantity(q, "ko")`` gives ``약 16조4,780억 원``; ``"zh"`` gives
``约16万4780亿韩元``; ``"en"`` gives ``about KRW 16.4780 trillion``, with ISO codes
before the number. ``parse_quantity`` reads the text back to the same value, unit,
qualifier, interval and resolution: the last written digit sits at the place of the
resolution (``1.6조 원`` stays ``1.6조 원``, ``천억`` is ``1천억``, ``1000억`` in English
``100.0 billion``), in the nearest notation that can end there (README, "Writing a
quantity back"). A quantity with no resolution (computed, or ``Quantity.exact``) is
written as short as its exact value allows (``1.5万亿元``). Ranges whose ends are open
(ranges of vague amounts) cannot be written back.
"""

from __future__ import annotations

from factcheck.errors import FactcheckError, QuantityError
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.rational import Fraction
from factcheck.quantity.scanner import last_nonzero_place

LANGUAGES = ("ko", "zh", "en")

_KO_GROUPS = ((10**20, "해"), (10**16, "경"), (10**12, "조"), (10**8, "억"), (10**4, "만"))
_ZH_GROUPS = ((10**12, "万亿"), (10**8, "亿"), (10**4, "万"))
_EN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))

# unit -> (word, attached to the number?); symbols every language reads after a number
_SYMBOLS = {
    "kilometer**2": (" km²", True), "meter**2": (" m²", True), "kilometer": (" km", True),
    "kilogram": (" kg", True), "kilowatt": (" kW", True), "megawatt": (" MW", True),
    "gigawatt": (" GW", True), "terawatt_hour": (" TWh", True),
}
_KO_UNITS = {
    "KRW": ("원", False), "CNY": ("위안", False), "USD": ("달러", False), "JPY": ("엔", False),
    "EUR": ("유로", False), "GBP": ("파운드", False), "mu": ("묘", True),
    "percent": ("%", True), "percentage_point": ("%p", True), "year": ("년", True),
    "month": ("개월", True), "hectare": ("헥타르", True), "metric_ton": ("톤", False),
    "pyeong": ("평", True), **_SYMBOLS,
}
_ZH_UNITS = {
    "KRW": ("韩元", True), "CNY": ("元", True), "USD": ("美元", True), "JPY": ("日元", True),
    "EUR": ("欧元", True), "GBP": ("英镑", True), "mu": ("亩", True), "percent": ("%", True),
    **_SYMBOLS,
    "year": ("年", True), "month": ("个月", True), "hectare": ("公顷", True),
    "percentage_point": ("个百分点", True), "metric_ton": ("吨", True),
    "kilometer**2": ("平方公里", True), "meter**2": ("平方米", True), "kilogram": ("公斤", True),
}
_EN_UNITS = {
    "mu": (" mu", True), "percent": ("%", True), "percentage_point": (" percentage points", True),
    "year": (" years", True), "month": (" months", True), "hectare": (" hectares", True),
    "count": (" items", True), "metric_ton": (" tonnes", True), "pyeong": (" pyeong", True),
    **_SYMBOLS,
}


def _power_of_ten(r: Fraction | None) -> int | None:
    """k when r == 10**k exactly, else None (read off the digits of r in lowest terms)."""
    if r is None or r <= 0:
        return None
    x = Fraction(r)
    if x.denominator == 1:
        digits, sign = str(x.numerator), 1
    elif x.numerator == 1:
        digits, sign = str(x.denominator), -1
    else:
        return None
    if digits[0] != "1" or digits.count("0") != len(digits) - 1:
        return None
    return sign * (len(digits) - 1)


def _decimal(x: Fraction, places: int | None = None, commas: bool = True) -> str:
    """``x`` as a decimal: with exactly ``places`` decimals, or as many as it needs."""
    sign = "-" if x < 0 else ""
    x = abs(x)
    if places is None:
        places = 0
        while (x * 10**places).denominator != 1:
            places += 1
            if places > 30:
                raise QuantityError(f"{x} has no finite decimal expansion")
    scaled = x * 10**places
    if scaled.denominator != 1:
        raise QuantityError(f"{x} does not fit {places} decimal places")
    whole, frac = divmod(scaled.numerator, 10**places)
    text = sign + (f"{whole:,}" if commas else str(whole))
    if places:
        text += "." + str(frac).rjust(places, "0")
    return text


def _terminates(x: Fraction) -> bool:
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


# -- numbers ----------------------------------------------------------------------
def _groups(v: int, groups: tuple[tuple[int, str], ...], commas: bool) -> str:
    """A non-negative integer in myriad groups: 16조4,780억 (ko) or 16万4780亿 (zh)."""
    if v == 0:
        return "0"
    if groups is _ZH_GROUPS:
        # Chinese writes 16万4780亿 for 16万亿4780亿: the 万 of 万亿 stands alone.
        a, rest = divmod(v, 10**12)
        b, rest = divmod(rest, 10**8)
        c, d = divmod(rest, 10**4)
        head = (f"{a}万{b}亿" if b else f"{a}万亿") if a else (f"{b}亿" if b else "")
        # 零 marks a skipped place (5亿零6): 5亿6 would read as the shortened 5.6亿
        mid = ("零" if head and c < 1000 else "") + f"{c}万" if c else ""
        tail = ("零" if (head or mid) and d < 1000 else "") + str(d) if d else ""
        return head + mid + tail
    out = []
    rest = v
    for size, word in groups:
        block, rest = divmod(rest, size)
        if block:
            out.append((f"{block:,}" if commas else str(block)) + word)
    if rest:
        out.append(f"{rest:,}" if commas else str(rest))
    return "".join(out)


def _scientific(v: Fraction, k: int) -> str:
    """``v`` (a multiple of 10**k) as ``1.6e12``: the last mantissa digit sits at 10**k."""
    sign = "-" if v < 0 else ""
    m = abs(v) / Fraction(10) ** k
    assert m.denominator == 1
    digits = str(m.numerator)
    mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return f"{sign}{mantissa}e{k + len(digits) - 1}"


def _grouped_with_resolution(v: Fraction, k: int, lang: str) -> str:
    """``v`` (a multiple of 10**k) in myriad groups, its last digit at 10**k.

    At a group's own place the digits end in the group word (16조4,780억, 16조0억);
    inside a group the number is a decimal of the group above (1.6조, 4,950.9억) or,
    below it, digits with place words (1천억, 1천2백억, 3千); scientific notation
    where the place words would end on a zero (0.150조 for 1,500억 at 10^9) and
    scientific notation past the largest group (1e16 in Chinese).
    """
    groups = _KO_GROUPS if lang == "ko" else _ZH_GROUPS
    commas = lang == "ko"
    sign = "-" if v < 0 else ""
    av = abs(v)
    if k < 0:
        return sign + _decimal(av, -k, commas)
    n = av.numerator  # a multiple of 10**k >= 1: a whole number
    sizes = [1] + [g for g, _ in reversed(groups)]
    words = {1: "", **dict(groups)}
    group = max(s for s in sizes if s <= 10**k)
    place = k - (len(str(group)) - 1)  # 0-3 inside the group; 4 or more past the top
    upper = next((s for s in sizes if s > group), None)
    block = n // group if upper is None else n // group % 10**4
    if place == 0:
        if block:
            return sign + _groups(n, groups, commas)
        if group == 1:  # 160,000: a group word would end the number at 10^4
            return sign + (f"{n:,}" if commas else str(n))
        return sign + _head(n - n % (group * 10**4), group, lang) + "0" + words[group]
    if upper is not None and av >= upper:
        low = Fraction(n % (upper * 10**4) if sizes[-1] > upper else n, upper)
        head = _head(n - n % (upper * 10**4), upper, lang) if sizes[-1] > upper else ""
        return sign + head + _decimal(low, 4 - place, commas) + words[upper]
    if 0 < block < 10**4 and block // 10**place % 10:
        places = ("천", "백", "십", "") if lang == "ko" else ("千", "百", "十", "")
        digits = str(block).rjust(4, "0")
        text = "".join(d + w for d, w in zip(digits, places, strict=True) if d != "0")
        return sign + text + words[group]
    if upper is not None and n:  # 0.150조: the place words would end on a zero digit
        return sign + _decimal(Fraction(n, upper), 4 - place, commas) + words[upper]
    return _scientific(v, k)


def _head(high: int, size: int, lang: str) -> str:
    """The groups above ``size`` of a number whose lower part ``size`` writes on."""
    if not high:
        return ""
    if lang == "zh" and size == 10**8:
        return f"{high // 10**12}万"  # 1万2.5亿 = 1.00025万亿: 万 of 万亿 stands alone
    return _groups(high, _KO_GROUPS if lang == "ko" else _ZH_GROUPS, lang == "ko")


def _fraction(v: Fraction, lang: str) -> str:
    """``v`` as an exact fraction (resolution 0): 3/4, 4分之3, 4분의 3."""
    sign = "-" if v < 0 else ""
    num, den = abs(v.numerator), v.denominator
    if den == 1:
        return f"{sign}{num}/1"
    return sign + {"zh": f"{den}分之{num}", "ko": f"{den}분의 {num}"}.get(lang, f"{num}/{den}")


def _exact_number(v: Fraction, lang: str) -> str:
    if not _terminates(v):
        # a fraction with no decimal expansion, as each language writes one: 3分之1, 3분의 1, 1/3
        return _fraction(v, lang)
    if v.denominator != 1:
        return _decimal(v, None, lang != "zh")
    n = v.numerator
    sign = "-" if n < 0 else ""
    n = abs(n)
    if lang == "ko":
        return sign + _groups(n, _KO_GROUPS, True)
    if lang == "zh":
        for size, word in _ZH_GROUPS:
            if n >= size:
                x = Fraction(n, size)
                if _terminates(x) and len(_decimal(x, None, False).partition(".")[2]) <= 4:
                    return sign + _decimal(x, None, False) + word
                break
        return sign + _groups(n, _ZH_GROUPS, False)
    for size, word in _EN_SCALES[:3]:
        if n >= size:
            x = Fraction(n, size)
            if len(_decimal(x, None).partition(".")[2]) <= 3:
                return f"{sign}{_decimal(x, None)} {word}"
            break
    return sign + f"{n:,}"


_EN_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _en_words(v: Fraction, k: int) -> str | None:
    """200 (resolution 100) as ``two hundred``, 250 (10) as ``two hundred fifty``; else None.

    Only where the words end at the resolution's place: ``ten`` and ``two hundred ten``
    read as exact to the unit, so they are not written for a resolution of 10.
    """
    if k not in (1, 2) or v <= 0 or v >= 1000 or v.denominator != 1:
        return None
    hundreds, tens = divmod(v.numerator // 10, 10)
    if k == 2 and not tens and hundreds:
        return f"{_EN_ONES[hundreds]} hundred"
    if k == 1 and tens >= 2:
        head = f"{_EN_ONES[hundreds]} hundred " if hundreds else ""
        return head + _EN_TENS[tens]
    return None


def _en_with_resolution(v: Fraction, k: int) -> str:
    r = Fraction(10) ** k
    av = abs(v)
    sizes = [1] + [s for s, _ in reversed(_EN_SCALES)]
    fitting = [s for s in sizes if s >= r]
    within = [s for s in fitting if s <= av]
    words = dict(_EN_SCALES)
    sign = "-" if v < 0 else ""
    texts = []
    for size in within:
        places = max(0, len(str(size)) - 1 - k)
        text = sign + _decimal(av / size, places)
        texts.append(f"{text} {words[size]}" if size > 1 else text)
    if texts:
        return min(reversed(texts), key=len)  # the shortest; on a tie the larger scale
    spelled = _en_words(v, k)
    if spelled is not None:
        return spelled
    if fitting and (av * 10 >= fitting[0] or fitting[0] == 1):  # 0.1 trillion, 0.5
        size = fitting[0]
        text = sign + _decimal(av / size, len(str(size)) - 1 - k)
        return f"{text} {words[size]}" if size > 1 else text
    return _scientific(v, k)


def _number(v: Fraction, r: Fraction | None, lang: str) -> str:
    """``v`` written with its last digit at the resolution ``r``.

    ``r`` None (a value nobody wrote) gives the shortest exact form; 0 an exact
    fraction; a power of ten that divides ``v`` the digits down to that place. Any
    other resolution cannot be written as a last digit, so the value is written exactly.
    """
    if r is None:
        return _exact_number(v, lang)
    if r == 0:
        return _fraction(v, lang)
    k = _power_of_ten(r)
    if k is None or (v / Fraction(10) ** k).denominator != 1:
        return _exact_number(v, lang)
    if lang == "en":
        return _en_with_resolution(v, k)
    return _grouped_with_resolution(v, k, lang)


def _vague(v: Fraction, lang: str) -> str | None:
    k = _power_of_ten(v)
    if k is None or k < 1:
        return None
    if lang == "ko":
        group = {0: "", 4: "만", 8: "억", 12: "조", 16: "경"}.get(k - k % 4)
        return None if group is None else "수" + ("", "십", "백", "천")[k % 4] + group
    if lang == "zh":
        group = {0: "", 4: "万", 8: "亿", 12: "万亿"}.get(k - k % 4)
        return None if group is None else "数" + ("", "十", "百", "千")[k % 4] + group
    scale = {0: "", 3: "thousand", 6: "million", 9: "billion", 12: "trillion"}.get(k - k % 3)
    if scale is None:
        return None
    if k % 3 == 0:
        return f"several {scale}"
    head = "tens of" if k % 3 == 1 else "hundreds of"
    return f"{head} {scale}s" if scale else head


# -- units --------------------------------------------------------------------------
def _unit_parts(q: Quantity, lang: str) -> tuple[str, str]:
    """(prefix, suffix) around the number for the unit of ``q``."""
    name = q.unit_name
    if name == "dimensionless":
        return "", ""
    if lang == "en":
        if "/" not in name and len(name) == 3 and name.isupper():
            return f"{name} ", ""
        word, _ = _EN_UNITS.get(name, (f" {name}", True))
        return "", word
    table = _KO_UNITS if lang == "ko" else _ZH_UNITS
    if name == "count":
        counter = q.counter or ("개" if lang == "ko" else "个")
        if lang == "zh" and not ("\u4e00" <= counter[0] <= "\u9fff"):
            counter = "个"
        if lang == "ko" and not ("\uac00" <= counter[0] <= "\ud7a3"):
            counter = "개"
        return "", counter
    if name in table:
        word, attached = table[name]
        return "", word if attached else " " + word
    return "", " " + name


# -- quantities -----------------------------------------------------------------------
def format_quantity(q: Quantity, language: str = "ko") -> str:
    """``q`` written as a newspaper in ``language`` (ko, zh or en) would write it."""
    if language not in LANGUAGES:
        raise QuantityError(
            f"unknown language {language!r}", hint="use one of " + ", ".join(LANGUAGES)
        )
    lang = language
    iv = q.interval
    qualifier = q.qualifier
    value = q.value
    if value is None:  # a computed quantity: describe its interval
        if iv.is_point:
            assert iv.lo is not None  # is_point means lo == hi and lo is not None
            value, qualifier = iv.lo, "exact"
        elif iv.lo is not None and iv.hi is not None:
            value, qualifier = iv.lo, "range"
        elif iv.lo is not None:
            value, qualifier = iv.lo, "more_than" if iv.lo_open else "at_least"
        elif iv.hi is not None:
            value, qualifier = iv.hi, "less_than" if iv.hi_open else "at_most"
        else:
            return {"ko": "모든 값", "zh": "任意值", "en": "any value"}[lang]
    v = Fraction(value)
    pre, suf = _unit_parts(q, lang)
    if not _terminates(v) and q.value is None:  # a computed ratio: its decimals, rounded
        approx = {"ko": "약 ", "zh": "约", "en": "about "}[lang]
        return approx + pre + _decimal(Fraction(round(v * 10**9), 10**9), 9, lang != "zh") + suf

    def num(x: Fraction) -> str:
        return _number(Fraction(x), q.resolution, lang)

    if qualifier == "vague":
        text = _vague(v, lang)
        if text is not None:
            if lang == "en" and pre:
                return f"{pre}{text}{suf}"
            return f"{text}{suf}"
        qualifier = "range"
    if qualifier == "range" and iv.lo is not None and iv.hi is not None:
        lo, hi = num(iv.lo), num(iv.hi)
        sep = {"ko": "~", "zh": "至", "en": " to "}[lang]
        if lang != "en" and suf and not _has_group(lo) and _has_group(hi):
            return f"{lo}{suf}{sep}{hi}{suf}"  # 5원~10억 원, never 5~10억 (5억~10억)
        text = f"{pre}{lo}{sep}{hi}{suf}"
        if _reads_back(text, q):
            return text
        # the reader shared the high end's scale word with the low end (5 to 1 billion)
        return f"{pre}{_own_scale(hi, lo, iv.lo, q.resolution, lang)}{sep}{hi}{suf}"
    bounded_odd = qualifier == "more_than" and iv.hi is not None
    if bounded_odd:
        if lang == "en":
            return f"{pre}{num(v)}-odd{suf}"
        body = num(v)
        marker = "여" if lang == "ko" else "多"
        return f"{body}{marker}{suf}"
    if qualifier == "less_than" and iv.lo is not None and iv.lo == v - last_nonzero_place(
        v, Fraction(1) if q.resolution is None else Fraction(q.resolution)
    ):
        qualifier = "nearly"  # [v - p, v): "a little less than"
    written = num(v)
    if lang == "en" and suf == "%" and written[:1].isalpha():
        suf = " percent"  # ninety percent, not ninety%
    if lang == "zh" and suf == "%" and len(written) == 2 and written[1] == "十":
        written, suf = written[0], "成"  # 9成: ninety percent to the nearest ten
    body = pre + written + suf
    forms = {
        "ko": {"approx": "약 {}", "nearly": "거의 {}", "at_least": "{} 이상",
               "more_than": "{} 초과",
               "at_most": "{} 이하", "less_than": "{} 미만"},
        "zh": {"approx": "约{}", "nearly": "将近{}", "at_least": "{}以上", "more_than": "超过{}",
               "at_most": "{}以下", "less_than": "不到{}"},
        "en": {"approx": "about {}", "nearly": "nearly {}", "at_least": "at least {}",
               "more_than": "more than {}",
               "at_most": "at most {}", "less_than": "less than {}"},
    }[lang]
    return forms.get(qualifier, "{}").format(body)


def _reads_back(text: str, q: Quantity) -> bool:
    """Whether the reader takes ``text`` for the range ``q``: a low end without a scale
    word may borrow the high end's (5~10억), and whether it does depends on the ends."""
    from factcheck.quantity.grammar import parse_quantity

    try:
        back = parse_quantity(text)
    except FactcheckError:
        return False
    return back.interval == q.interval and q.resolution in (None, back.resolution)


def _own_scale(hi: str, lo: str, value: Fraction, r: Fraction | None, lang: str) -> str:
    """The low end of a range, given a scale word of its own when the high end has one.

    A range may share the high end's scale word with a low end that has none (5~10억 is
    5억~10억, 5 to 10 billion five billion), so a low end of 5 before 1만1 is written
    0.0005만 (0.005 thousand): a low end with its own word shares nothing.
    """
    table = {"en": _EN_SCALES, "ko": _KO_GROUPS, "zh": _ZH_GROUPS}[lang]
    scales = [w for _, w in _EN_SCALES + _KO_GROUPS + _ZH_GROUPS]
    if not any(w in hi for w in scales) or any(w in lo for w in scales) or r == 0:
        return lo
    k = _power_of_ten(r)
    # the smallest scale word that can still end at the resolution: 0.01 million for 1e4
    fitting = [(s, w) for s, w in table if k is None or s >= Fraction(10) ** k]
    if not fitting:
        return lo
    size, word = min(fitting)
    x = Fraction(value) / size
    if k is None and not _terminates(x):
        return lo
    places = None if k is None else len(str(size)) - 1 - k
    return _decimal(x, places, lang != "zh") + (f" {word}" if lang == "en" else word)


def _has_group(text: str) -> bool:
    return any(w in text for _, w in _KO_GROUPS + _ZH_GROUPS)
