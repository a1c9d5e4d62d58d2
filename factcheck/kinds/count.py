"""The ``count`` kind: does the number of items the article lists match the count it states?

Items are compared after Unicode NFKC, removing invisible characters, case folding and
whitespace normalisation, so ``Alibaba`` and ``alibaba `` are one item listed twice
(an item read as other than itself is named in a warning). The stated count is an
integer or a written count (``4대``, ``5개 이상``, ``4家``) read by the quantity
grammar into an interval; the claim holds when the number of distinct items (all
items with ``distinct: false``) lies in it, and is contradicted otherwise.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from factcheck.claims.fields import NO, REQUIRED, claim_spec, flag, text, texts
from factcheck.errors import ClaimFileError
from factcheck.kinds import lazy_model
from factcheck.kinds.base import Context, Outcome, Reading, Verdict
from factcheck.quantity import units
from factcheck.quantity.grammar import parse_quantity
from factcheck.quantity.interval import Interval
from factcheck.quantity.rational import Fraction

if TYPE_CHECKING:
    from factcheck.kinds.models.count import Claim
    from factcheck.quantity.interval import Interval

KIND = "count"
ERROR_FIELD = "stated"  # where an error that names no field points
MAX_ITEMS = 1000  # a list in one article; more is a mistake or an attack
_INTEGER = re.compile(r"^\s*[+-]?[0-9]{1,100}\s*$")


def whole_number(value: Any) -> Any:
    """The stated count as the model reads it: text of digits is the integer (YAML gives
    every scalar as text: "3" is 3); a negative count or a boolean is a ValueError."""
    if isinstance(value, bool):
        raise ValueError(f"a count must be a number or a written count, not {value!r}")
    if isinstance(value, str) and _INTEGER.match(value):
        value = int(value)
    if isinstance(value, int) and value < 0:
        raise ValueError(f"a count cannot be negative: {value}; write 0 or more")
    return value


def _stated_count(value: Any) -> Any:
    if value.__class__ is not str:
        return NO
    try:
        value = whole_number(value)
    except ValueError:
        return NO
    return value if value.__class__ is int or 1 <= len(value) <= 100 else NO


# The model's rules (factcheck.kinds.models.count) for reading valid claims without it.
FIELDS = claim_spec(KIND, {
    "items": (texts(text(1, 500), 1, MAX_ITEMS), REQUIRED),
    "stated": (_stated_count, REQUIRED),
    "distinct": (flag, True),
})
__getattr__ = lazy_model(KIND)


# Invisible code points that are not format characters (Cf): the combining grapheme
# joiner, the Hangul fillers and the variation selectors.
_INVISIBLE = re.compile("[\u034f\u115f\u1160\u3164\uffa0\ufe00-\ufe0f]")


def normalise(item: str) -> str:
    """The comparison key of an item: NFKC, without format characters (category Cf: a
    zero-width space, soft hyphen, word joiner or BOM) or other invisible ones,
    case-folded, single spaces. Without that, ``알리바바`` and ``알리바바`` with a
    zero-width space would count as two companies."""
    text = unicodedata.normalize("NFKC", item)
    if not text.isprintable():  # printable text has no format character (Cf) to drop
        text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _INVISIBLE.sub("", text)
    return " ".join(unicodedata.normalize("NFKC", text.casefold()).split())


def _read_as(position: int, item: str, key: str) -> str | None:
    """A warning when the item was read as something other than itself up to case and
    spacing: invisible characters removed, or compatibility forms (ＡＢＣ) unified."""
    if " ".join(item.casefold().split()) == key:
        return None
    return f"item {position} {item!r} is read as {key!r}"


def evaluate(claim: Claim, context: Context) -> Outcome:
    spellings: dict[str, list[str]] = {}
    readings: list[str] = []
    for position, item in enumerate(claim.items, start=1):
        key = normalise(item)
        if not key:
            raise ClaimFileError(
                f"item {position} of the list is blank ({item!r})",
                hint="remove it or write the item's name",
            )
        spellings.setdefault(key, []).append(item)
        reading = _read_as(position, item, key)
        if reading is not None:
            readings.append(reading)
    distinct = len(spellings)
    counted = distinct if claim.distinct else len(claim.items)
    interval, stated_text, qualifier = _stated(claim.stated)
    verdict: Verdict = "holds" if Fraction(counted) in interval else "contradicted"

    duplicates = [(names[0], names) for names in spellings.values() if len(names) > 1]
    warnings = [_listed(first, names) for first, names in duplicates] + readings
    what = "distinct items" if claim.distinct else "items"
    listed = f"{len(claim.items)} items listed, {distinct} distinct"
    if duplicates:
        listed += f" ({'; '.join(warnings)})"
    message = (
        f"{listed}; stated {stated_text!r} means {_whole_numbers(interval)}; "
        f"counted {counted} {what}"
    )
    details = {
        "items": list(claim.items),
        "listed": len(claim.items),
        "distinct": distinct,
        "counted": counted,
        "duplicates": [{"item": first, "times": len(names)} for first, names in duplicates],
        "stated": {"text": stated_text, "qualifier": qualifier, **_interval_json(interval)},
    }
    return Outcome(verdict, message, warnings, details,
                   _reading(claim, stated_text, counted, interval, spellings))


def _reading(claim: Claim, stated_text: str, counted: int, interval: Interval,
             spellings: dict[str, list[str]]) -> Reading:
    """The count as written, the items counted, and how far apart the two are."""
    if claim.distinct:
        names = [variants[0] for variants in spellings.values()]
        data = f"{counted} distinct: {', '.join(names)}"
    else:
        data = f"{counted} listed: {', '.join(claim.items)}"
    gap = ""
    bounds = _whole_bounds(interval)
    if bounds is not None and counted < bounds[0]:
        gap = f"{bounds[0] - counted} fewer"
    elif bounds is not None and bounds[1] is not None and counted > bounds[1]:
        gap = f"{counted - bounds[1]} more"
    return Reading(said=stated_text, data_says=data, difference=gap)


def _listed(first: str, names: list[str]) -> str:
    times = "twice" if len(names) == 2 else f"{len(names)} times"
    variants = sorted(set(names))
    spelled = f" (as {', '.join(repr(n) for n in variants)})" if len(variants) > 1 else ""
    return f"{first!r} is listed {times}{spelled}"


def _stated(stated: int | str) -> tuple[Interval, str, str]:
    """The interval of counts the stated value allows, its text and its qualifier."""
    if isinstance(stated, int):
        return Interval.point(stated), str(stated), "exact"

    quantity = parse_quantity(stated)
    if quantity.unit not in (units.unit("count"), units.dimensionless()):
        raise ClaimFileError(
            f"stated count {stated!r} is in {quantity.unit_name}, not a number of things",
            hint="write a count such as 4, 4대, 5개 이상 or 4家",
        )
    interval = quantity.interval
    if interval.hi is not None and interval.hi < 0:
        raise ClaimFileError(f"stated count {stated!r} is negative", hint="a count is 0 or more")
    if _whole_bounds(interval) is None:
        raise ClaimFileError(
            f"stated count {stated!r} allows no whole number ({interval!r})",
            hint="a count is a whole number such as 4 or 5개 이상",
        )
    return interval, stated, quantity.qualifier


def _whole_bounds(interval: Interval) -> tuple[int, int | None] | None:
    """The least and greatest whole count the interval allows (None: unbounded above)."""
    lo = 0
    if interval.lo is not None and interval.lo >= 0:
        lo = math.floor(interval.lo) + 1 if interval.lo_open else math.ceil(interval.lo)
    hi: int | None = None
    if interval.hi is not None:
        hi = math.ceil(interval.hi) - 1 if interval.hi_open else math.floor(interval.hi)
        if hi < lo:
            return None
    return lo, hi


def _whole_numbers(interval: Interval) -> str:
    bounds = _whole_bounds(interval)
    if bounds is None:
        return "no whole number"
    lo, hi = bounds
    if hi is None:
        return f"{lo} or more"
    if lo == hi:
        return f"exactly {lo}"
    if lo == 0:
        return f"at most {hi}"
    return f"{lo} to {hi}"


def _number(x: Fraction | None) -> str | None:
    if x is None:
        return None
    if x.denominator == 1:
        return str(x.numerator)
    return f"{x.numerator}/{x.denominator}"


def _interval_json(interval: Interval) -> dict[str, Any]:
    return {
        "low": _number(interval.lo),
        "high": _number(interval.hi),
        "low_open": interval.lo_open,
        "high_open": interval.hi_open,
    }
