"""Written dates (지난 14일, 上个月18日, last Tuesday) resolved against a publication date."""

from __future__ import annotations

from factcheck.dates.relative import resolve_date
from factcheck.dates.span import DateSpan

__all__ = ["DateSpan", "resolve_date"]
