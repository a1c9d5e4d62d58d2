"""The claim kinds, listed in one place: adding a kind adds its module here.

Each kind module defines ``KIND`` (its name), ``FIELDS`` (the spec its valid claims
are read with, ``factcheck.claims.fields``), ``Claim`` (its pydantic model extending
``factcheck.claims.model.ClaimCommon`` with ``kind: Literal[KIND]``, kept in
``factcheck.kinds.models.<kind>`` and imported when first named) and
``evaluate(claim, context) -> Outcome``. Modules are imported only when used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

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


def lazy_model(kind: str) -> Callable[[str], Any]:
    """A kind module's ``__getattr__``: its ``Claim`` model, imported when first named.

    Reading valid claims needs only the kind's ``FIELDS``; pydantic and the models are
    imported for the schema and for claims that are not plainly valid.
    """

    def __getattr__(name: str) -> Any:
        if name == "Claim":
            return importlib.import_module(f"factcheck.kinds.models.{kind}").Claim
        raise AttributeError(f"module {KIND_MODULES.get(kind, kind)!r} has no attribute {name!r}")

    return __getattr__
