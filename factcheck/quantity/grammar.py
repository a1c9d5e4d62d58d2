"""The quantity grammar: read quantities as newspapers write them (ko, zh, en).

One scanner serves three entry points: ``parse_quantity`` (one whole string),
``match_quantity`` (the longest quantity at a position, for the expression
language) and ``extract_quantities`` (every quantity in running text). The words
it knows live in ``words.tsv``; numbers are read by ``numerals``.

A quantity is ``[before-qualifier] [unit prefix] amount [range] [unit] [after-qualifier]``.
How qualifiers and precision become intervals (r = resolution, the place value of
the last written digit; p = place value of the last non-zero digit):

=========  ==============================  =================================
qualifier  written                          interval
=========  ==============================  =================================
exact      1000억 위안                      [v, v]
approx     약 / about / 约 / 가량 / 左右    [v - r/2, v + r/2]
at_least   이상 / at least / 以上           [v, +inf)
more_than  초과 / 넘는 / more than / 超过   (v, +inf)
more_than  여 / 多 / 余 / -odd (1만7000여)  (v, v + p)
at_most    이하 / at most / 以下 / 이내     [0, v] (money, counts, areas), else (-inf, v]
less_than  미만 / less than / 不到          [0, v) (money, counts, areas), else (-inf, v)
range      5~10년, 20-30%, 5 to 10, 5至10  [lo, hi]; value = lo
vague      수십억, 数百亿, several million   (10^k, 10^(k+1)); value = 10^k
=========  ==============================  =================================

In running text (extraction), dates are not quantities: ``2020년`` (a four-digit
year), ``14일``, ``7월``, ``2017/11/23``, ``11:12`` and bare year-like numbers
(1900-2100) are skipped. ``parse_quantity("2020년")`` still reads 2020 years,
because the caller asked for a quantity.
"""

from __future__ import annotations

from factcheck.errors import FactcheckError, LimitError, QuantityError
from factcheck.quantity.extraction import Extracted, extract_quantities
from factcheck.quantity.interval import Interval
from factcheck.quantity.numerals import Bad, skip_ws
from factcheck.quantity.quantity import Quantity
from factcheck.quantity.rational import Fraction
from factcheck.quantity.registry import REGISTRY
from factcheck.quantity.scanner import MAX_MAGNITUDE, Scanner, _tables, _unit

__all__ = ["Extracted", "extract_quantities", "match_quantity", "parse_quantity"]

FORMS = (
    "write a quantity such as 1000억 원, 약 16조4,780억 원, 1.5万亿元, 超过1500亿元, "
    "CNY 150 billion, $2.5 billion, 37.9%, 100여개 or 5~10년"
)


# -- public API -------------------------------------------------------------------
def parse_quantity(text: str) -> Quantity:
    """Read one quantity that is the whole of ``text`` (surrounding spaces allowed).

    Raises QuantityError (or LimitError for absurd sizes) quoting the input.
    """
    if not isinstance(text, str):
        raise QuantityError(f"expected text, got {type(text).__name__} {text!r}", hint=FORMS)
    return _parse_text(text)


def parse_quantity_uncached(text: str) -> Quantity:
    """``parse_quantity`` without its cache of repeated texts: what benchmarks time."""
    if not isinstance(text, str):
        raise QuantityError(f"expected text, got {type(text).__name__} {text!r}", hint=FORMS)
    return _parse_text.__wrapped__(text)


# Claims repeat the same written amounts (a fact's value, 100억 위안 in many
# conversions); a Quantity is immutable, so a parsed one can be shared.
@REGISTRY.cached(16384)
def _parse_text(text: str) -> Quantity:
    bare = _bare_number(text)
    return bare if bare is not None else _scan_text(text)


def _scan_text(text: str) -> Quantity:
    """Read ``text`` with the scanner: every form of the grammar, and every error."""
    sc = Scanner(text, "parse")
    start = skip_ws(sc.s, 0)
    stripped = text.strip()
    if start >= sc.n or not stripped:
        raise QuantityError(f"{text!r}: empty text, no quantity", hint=FORMS)
    try:
        found = sc.quantity(start)
    except Bad as exc:
        raise QuantityError(f"{stripped!r}: {exc}", hint=FORMS) from None
    except LimitError as exc:
        raise LimitError(f"{stripped!r}: {exc.message}", hint=exc.hint) from None
    except FactcheckError as exc:
        raise QuantityError(f"{stripped!r}: {exc.message}", hint=FORMS) from None
    if found is None:
        first = sc.s[start]
        if first in sc.t.big:
            raise QuantityError(
                f"{stripped!r}: no number found; scale word {first} needs a number before it "
                f"(1{first})",
                hint=FORMS,
            )
        raise QuantityError(f"{stripped!r}: no number found", hint=FORMS)
    q, end = found
    rest = skip_ws(sc.s, end)
    if rest < sc.n:
        raise QuantityError(
            f"{stripped!r}: cannot read {text[rest:].strip()!r} after {text[start:end].strip()!r}",
            hint=FORMS,
        )
    return q


def _bare_number(text: str) -> Quantity | None:
    """A text that is one number and nothing else (一千五百亿, 16万4780亿, 1.5亿), read
    by the number reader alone: the exact dimensionless quantity the scanner would
    build, without its search for qualifiers, units and ranges around the number.

    None for any other text, and for any number the reader refuses or finds too large:
    the scanner then reads the text, and words its error. The scanner reads such a
    text the same way (``tests/quantity/test_bare.py`` checks it against the scanner).
    """
    t = _tables()
    if not text or text.strip(t.bare):
        return None
    try:
        num = t.reader.number(text, 0)
    except (Bad, FactcheckError):
        return None
    if (num is None or num.end != len(text) or num.odd_inside or num.vague
            or not -MAX_MAGNITUDE <= num.value <= MAX_MAGNITUDE):
        return None  # the scanner reads more than the number, or refuses it
    value = Fraction(num.value)
    return Quantity(Interval(value, value), _unit("dimensionless"), value, "exact", text, None,
                    Fraction(num.res))


def match_quantity(text: str, pos: int = 0) -> tuple[Quantity, int] | None:
    """The longest quantity starting exactly at ``pos`` and its end index, or None.

    Used by the expression language: a ``-`` is never a range here (it is
    subtraction), and no sign is read. Malformed numbers raise QuantityError.
    """
    if pos < 0 or pos >= len(text):
        return None
    # The scanner looks one character back (a word must not start inside another)
    # and never further, so the answer depends only on that character and the rest.
    before, tail = text[pos - 1] if pos else "", text[pos:]
    # Only short tails are kept: a cache of long expressions would hold megabytes.
    found = (_match_tail if len(tail) <= _CACHED_TAIL else _match_tail.__wrapped__)(before, tail)
    if found is None:
        return None
    quantity, length = found
    return quantity, pos + length


_CACHED_TAIL = 120
# Expressions repeat their amounts (``>= 1000억 위안``) across an archive, as fact
# values do; errors are not cached, so each is raised afresh.
@REGISTRY.cached(16384)
def _match_tail(before: str, tail: str) -> tuple[Quantity, int] | None:
    sc = Scanner(before + tail, "match")
    try:
        found = sc.quantity(len(before))
    except Bad as exc:
        raise QuantityError(str(exc), hint=FORMS) from None
    if found is None:
        return None
    quantity, end = found
    return quantity, end - len(before)
