"""Typed test cases from YAML case files: an unknown or missing key is an error, not a skip.

Each case file entry becomes a record (a NamedTuple), so a misspelt key (``mesage:``)
fails loudly instead of being ignored, and a case can only be skipped by a ``skip``
field that carries its reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import pytest
import yaml

Case = TypeVar("Case", bound=NamedTuple)


class CaseFileError(ValueError):
    """A case file entry that does not fit its record."""


def records(path: Path, entries: list[Any], record: type[Case]) -> list[Case]:
    """``entries`` of the case file ``path`` as ``record``s; a bad entry names its place."""
    fields = set(record._fields)
    required = fields - set(record._field_defaults)
    out = []
    for index, raw in enumerate(entries):
        where = f"{path.name}, entry {index + 1}"
        if not isinstance(raw, dict):
            raise CaseFileError(f"{where}: a case is a mapping, not {type(raw).__name__}")
        unknown = sorted(set(raw) - fields)
        if unknown:
            raise CaseFileError(f"{where}: unknown key(s) {unknown}; the keys are "
                                f"{sorted(fields)}")
        missing = sorted(required - set(raw))
        if missing:
            raise CaseFileError(f"{where}: missing key(s) {missing}")
        skip = raw.get("skip")
        if "skip" in fields and skip is not None and (not isinstance(skip, str) or not skip):
            raise CaseFileError(f"{where}: skip must be the reason, as text")
        out.append(record(**raw))
    return out


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def param(case: NamedTuple, case_id: str) -> Any:
    """A pytest param for ``case``, marked skip with its reason when it has one."""
    reason = getattr(case, "skip", None)
    marks = [pytest.mark.skip(reason=reason)] if reason else []
    return pytest.param(case, id=case_id, marks=marks)
