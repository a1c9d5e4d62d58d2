"""The claim kinds, listed in one place: adding a kind adds its module here.

Each kind module defines ``KIND`` (its name), ``Claim`` (a pydantic model extending
``factcheck.claims.model.ClaimCommon`` with ``kind: Literal[KIND]``) and
``evaluate(claim, context) -> Outcome``. Modules are imported only when used.
"""

from __future__ import annotations

import importlib
from types import ModuleType

KIND_MODULES: dict[str, str] = {
    "compare": "factcheck.kinds.compare",
    "convert": "factcheck.kinds.convert",
    "count": "factcheck.kinds.count",
    "date": "factcheck.kinds.date",
}


def kind_module(kind: str) -> ModuleType:
    """The module implementing ``kind`` (KeyError for an unknown kind)."""
    return importlib.import_module(KIND_MODULES[kind])
