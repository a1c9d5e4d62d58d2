"""A finding's details held as compact JSON text, read back only by what needs them.

A kind's details are a nested dict of about fifty small objects (1.6 KB a claim);
the same data as compact ASCII JSON text is about 0.5 KB, and a report holds every
finding to the end. Only the JSON report, the result cache and the rate analysis
read details, so they are kept as text and decoded when read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from json.encoder import encode_basestring_ascii
from typing import Any

# ensure_ascii keeps the text one byte a character (a Chinese fact value would make
# the whole text two or four); NaN and infinities are left to the dict, as they are
# to the report's standard encoder.
_encode = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode
_decode = json.JSONDecoder().decode


class Details(Mapping[str, Any]):
    """Read-only details as compact JSON text; each read decodes the text afresh."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def to_dict(self) -> dict[str, Any]:
        """A new dict of the details (the caller may keep or change it)."""
        value: dict[str, Any] = _decode(self.text)
        return value

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    def get(self, key: str, default: Any = None) -> Any:
        if not self._may_hold(key):
            return default
        return self.to_dict().get(key, default)

    def __contains__(self, key: object) -> bool:
        return self._may_hold(key) and key in self.to_dict()

    def _may_hold(self, key: object) -> bool:
        # A key absent from the text is absent from the details: the common question
        # ("implied_rate" in details, asked of every finding) decodes nothing.
        return key.__class__ is str and encode_basestring_ascii(key) + ":" in self.text

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __len__(self) -> int:
        return len(self.to_dict())

    def __bool__(self) -> bool:
        return self.text != "{}"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Details):
            return self.text == other.text
        if isinstance(other, Mapping):
            return self.to_dict() == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Details({self.to_dict()!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Details, (self.text,))


def compact(details: Mapping[str, Any]) -> Mapping[str, Any]:
    """``details`` as :class:`Details` when plain JSON holds it, else as it is.

    Values JSON cannot write (NaN, a Fraction) leave the dict as it is. JSON writes
    a tuple as a list and a number key as a string, as every report format does.
    """
    if details.__class__ is not dict:
        return details
    try:
        return Details(_encode(details))
    except (TypeError, ValueError, RecursionError):
        return details


def plain(details: Mapping[str, Any]) -> dict[str, Any]:
    """Details as a dict: decoded from their text, or the dict they are."""
    if details.__class__ is Details:
        return details.to_dict()  # type: ignore[attr-defined, no-any-return]
    return details if isinstance(details, dict) else dict(details)
