"""The article's quantities as the drafter uses them: unit, bare literal, later qualifier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from factcheck.quantity.rational import Fraction

if TYPE_CHECKING:
    from factcheck.quantity.extraction import Extracted

# A qualifier the extractor leaves in the text after a conversion in parentheses:
# 1000억 위안(약 16조4천780억 원) 이상; 500억 위안(...)을 넘어서면서.
_AFTER = re.compile(
    r"\s*(?:(?P<at_least>이상|以上|or more)|(?P<at_most>이하|以下|or less)|"
    r"(?P<more_than>초과|[을를이가]?\s*(?:넘[어는게기]|웃돌)|多)|(?P<less_than>미만))"
)
_SUFFIX = {"at_least": " 이상", "at_most": " 이하", "more_than": " 초과", "less_than": " 미만"}
# Qualifier words the grammar puts around a number, stripped to get the bare literal.
_LEADING = re.compile(
    r"^(?:약|대략|최소|최대|about|around|roughly|approximately|nearly|almost|over|more than|"
    r"less than|under|at least|at most|up to|some|"
    r"约|大约|超过|逾|将近|接近|不到|不足|至少|最多)\s*",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"\s*(?:이상|이하|초과|미만|가량|정도|여|以上|以下|左右|多|余|[을를이가]?\s*(?:넘[어는게기]\S*)|"
    r"or more|or less|-odd)$"
)
# Compact id numbers: 1000억 is 100bn, 1만7000 is 17k; below 10,000 the number as is.
_SCALES = ((10**12, 10**12, "tn"), (10**9, 10**9, "bn"), (10**6, 10**6, "m"), (10**4, 10**3, "k"))
CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Figure:
    """An extracted quantity of the article, with what the drafter asks of it."""

    item: Extracted

    @property
    def start(self) -> int:
        return self.item.start

    @property
    def end(self) -> int:
        return self.item.end

    @property
    def text(self) -> str:
        return self.item.text

    @property
    def unit(self) -> str:
        return str(self.item.quantity.unit_name)

    @property
    def qualifier(self) -> str:
        return str(self.item.quantity.qualifier)

    @property
    def is_money(self) -> bool:
        return bool(CURRENCY.match(self.unit))

    @property
    def is_count(self) -> bool:
        return self.unit == "count"

    @cached_property
    def bare(self) -> str:
        """The literal without its qualifier words (``1600억 위안을 넘어`` -> ``1600억 위안``)."""
        text = _TRAILING.sub("", _LEADING.sub("", self.text))
        return text or self.text

    def literal(self, after: str = "") -> str:
        """The literal with its qualifier, including one written after a conversion."""
        if self.qualifier != "exact":
            return self.text
        found = _AFTER.match(after)
        if found and found.lastgroup:
            return self.text + _SUFFIX[found.lastgroup]
        return self.text

    def slug(self) -> str:
        """The number and unit as an id part: 100bn-cny, 500-count, 37-9-pct."""
        value = self.item.quantity.value
        number = number_slug(value) if value is not None else "n"
        return f"{number}-{unit_slug(self.unit)}".strip("-")


def number_slug(value: Fraction | int) -> str:
    value = Fraction(value)
    sign = "minus-" if value < 0 else ""
    value = abs(value)
    suffix = ""
    for threshold, scale, name in _SCALES:
        if value >= threshold:
            value, suffix = value / scale, name
            break
    whole = int(value)
    rest = value - whole
    decimals = ""
    if rest:
        digits = int(rest * 1000)
        decimals = "-" + f"{digits:03d}".rstrip("0") if digits else ""
    return f"{sign}{whole}{decimals}{suffix}"


def unit_slug(unit: str) -> str:
    if CURRENCY.match(unit):
        return unit.lower()
    named = {"percent": "pct", "dimensionless": "", "count": "", "year": "years"}
    if unit in named:
        return named[unit]
    return re.sub(r"[^a-z0-9]+", "-", unit.lower()).strip("-")
