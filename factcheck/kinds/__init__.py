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


_LOADED: dict[str, ModuleType] = {}


def kind_module(kind: str) -> ModuleType:
    """The module implementing ``kind`` (KeyError for an unknown kind).

    Called once per claim: after a kind's first import it is a dictionary look-up,
    not a pass through the import machinery.
    """
    name = KIND_MODULES[kind]
    module = _LOADED.get(name)
    if module is None:
        module = _LOADED[name] = importlib.import_module(name)
    return module
