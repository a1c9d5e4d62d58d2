"""A text that is a number alone is read by the number reader straight: the same
quantity, or the same error, as the scanner gives for it."""

from __future__ import annotations

from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.quantity.grammar import _bare_number, _parse_text, _scan_text
from factcheck.quantity.scanner import _tables

BARE = _tables().bare
# Numerals as written: sections of up to four digits in one of the scripts, each
# closed by a smaller group word than the one before, maybe with decimals.
SCRIPTS = [
    ("零一二三四五六七八九", "十百千", "万亿兆"),
    ("零壹贰叁肆伍陆柒捌玖", "拾佰仟", "萬億兆"),
    ("영일이삼사오육칠팔구", "십백천", "만억조"),
]


@st.composite
def section(draw, script: int, ascii_digits: bool) -> str:  # type: ignore[no-untyped-def]
    n = draw(st.integers(min_value=0, max_value=9999))
    if ascii_digits:
        return f"{n:,}" if draw(st.booleans()) else str(n)
    digits, places, _ = SCRIPTS[script]
    out, gap = "", False
    for place, p in ((1000, 2), (100, 1), (10, 0), (1, -1)):
        d = n // place % 10
        if d == 0:
            gap = bool(out)
            continue
        if gap and draw(st.booleans()):
            out += digits[0]
        gap = False
        one = "" if d == 1 and p >= 0 and draw(st.booleans()) else digits[d]
        out += one + (places[p] if p >= 0 else "")
    return out or digits[0]


@st.composite
def written(draw) -> str:  # type: ignore[no-untyped-def]
    script = draw(st.integers(min_value=0, max_value=len(SCRIPTS) - 1))
    groups = SCRIPTS[script][2]
    count = draw(st.integers(min_value=1, max_value=3))
    chosen = sorted(draw(st.sets(st.sampled_from(range(3)), min_size=count, max_size=count)),
                    reverse=True)
    text = ""
    for g in chosen:
        text += draw(section(script, draw(st.booleans()))) + groups[g]
    if draw(st.booleans()):
        text += draw(section(script, draw(st.booleans())))
    elif draw(st.booleans()):  # 1.5亿, 十五点七万: decimals close the number
        digits = "0123456789" if draw(st.booleans()) else SCRIPTS[script][0]
        point = "." if digits[0] == "0" else draw(st.sampled_from("点點"))
        whole = draw(section(script, digits[0] == "0"))
        text = whole + point + draw(st.text(alphabet=digits, min_size=1, max_size=3))
        text += groups[chosen[0]] if draw(st.booleans()) else ""
    return text


# Pieces of numerals and characters next to them that the bare path must leave to the
# scanner: vague and odd marks, native Korean numerals, fractions, signs, spaces,
# units, qualifiers, scale letters, exponents, fullwidth digits.
PIECES = [*"0123456789", "000", ",000", ".5", ".", ",", *"一二三两零十百千万亿兆点일삼천만억조"]
BESIDE = [*"多余几数수여흔分之-+ %~e元원개k", "약", "以上", "이상", "１", "\u3000", "亿元",
          "분의", "百分之", "billion"]
numeral = written()
near_numeral = st.one_of(
    st.tuples(written(), st.sampled_from(BESIDE), st.sampled_from(["", *PIECES])).map("".join),
    st.tuples(st.sampled_from(BESIDE), written()).map("".join),
    st.lists(st.sampled_from(PIECES + BESIDE), min_size=1, max_size=8).map("".join),
)
bare_chars = st.text(alphabet=BARE, max_size=12)

SETTINGS = settings(max_examples=600, deadline=None)


def outcome(read, text: str) -> tuple[object, ...]:  # type: ignore[no-untyped-def]
    """What a reading gives: every field of the quantity with its types, or the error."""
    try:
        q = read(text)
    except FactcheckError as exc:
        return ("error", type(exc), exc.message, exc.hint, exc.code)
    return ("quantity", q.interval, type(q.interval.lo), q.unit, q.value, type(q.value),
            q.resolution, type(q.resolution), q.qualifier, q.text, q.counter)


@SETTINGS
@given(st.one_of(numeral, near_numeral, bare_chars))
def test_parse_reads_as_the_scanner_does(text: str) -> None:
    # where the bare path reads the text, parse returns its reading
    assert outcome(_parse_text.__wrapped__, text) == outcome(_scan_text, text)


def test_the_strategies_reach_bare_readings_of_every_shape() -> None:
    strategy = numeral
    shapes = {
        "a group word after a place word": lambda t: "千" in t and "亿" in t,
        "a decimal before a group word": lambda t: "." in t and t[-1] in "万亿",
        "decimals written with 点": lambda t: "点" in t,
        "a zero that keeps a place empty": lambda t: "零" in t,
        "thousands commas": lambda t: "," in t,
        "Korean places and groups": lambda t: "천" in t and "억" in t,
        "ASCII digits before a group word": lambda t: t[0].isdigit() and t[-1] in "万亿",
    }
    for name, shape in shapes.items():
        found = find(strategy, lambda t, shape=shape: shape(t) and _bare_number(t) is not None,
                     settings=settings(max_examples=2000, database=None, phases=[Phase.generate]))
        assert shape(found), name


def test_benchmark_numerals_take_the_bare_path() -> None:
    for text in ["一千五百亿", "两千亿", "一百零五", "九千九百九十九万", "16万4780亿",
                 "三亿五千万", "1.5亿", "一千五百万亿", "100"]:
        assert _bare_number(text) is not None, text


def test_numbers_with_anything_more_are_left_to_the_scanner() -> None:
    for text in ["1000여억", "1000多亿", "数百亿", "二十几万", "일흔", "三分之一", "-5",
                 " 100", "100 ", "１００", "1e5", "1조조", "1.5.3", "1" + "0" * 31, ",5", ""]:
        assert _bare_number(text) is None, text
