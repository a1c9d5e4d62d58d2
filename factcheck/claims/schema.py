"""The JSON Schema (draft 2020-12) of a whole claim file, built from the pydantic models.

Claims are a discriminated union over the ``Claim`` models of the kinds listed in
``factcheck.kinds.KIND_MODULES`` (keyed by ``kind``), so an editor can complete each
kind's own fields. Kinds whose module cannot be imported are left out and named.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Union

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def kind_models() -> tuple[list[type], list[str]]:
    """The ``Claim`` model of each importable kind, and the kinds that failed to import."""
    from factcheck.kinds import KIND_MODULES, kind_module

    models, missing = [], []
    for kind in KIND_MODULES:
        try:
            models.append(kind_module(kind).Claim)
        except (ImportError, AttributeError):
            missing.append(kind)
    return models, missing


def claim_file_schema() -> dict[str, Any]:
    """The schema as a dict; ``$comment`` names any kind left out."""
    from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter

    from factcheck.claims.model import (
        FACT_PATTERN,
        ID_PATTERN,
        Article,
        ClaimCommon,
        Fact,
        Source,
        Table,
    )

    models, missing = kind_models()
    claim: Any
    if not models:
        claim = ClaimCommon
    elif len(models) == 1:
        claim = models[0]
    else:
        claim = Annotated[Union[tuple(models)], Field(discriminator="kind")]  # noqa: UP007
    source_id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
    fact_name = Annotated[str, StringConstraints(pattern=FACT_PATTERN)]

    class ClaimFile(BaseModel):
        """A claim file: an article and its claims, and/or sources and facts."""

        model_config = ConfigDict(extra="forbid", title="factcheck claim file (format v1)")
        article: Article | None = Field(
            default=None, description="the article; required when the file has claims"
        )
        sources: dict[source_id, Source] = Field(  # type: ignore[valid-type]
            default_factory=dict, description="sources by id, usable from every loaded file"
        )
        facts: dict[fact_name, Fact] = Field(  # type: ignore[valid-type]
            default_factory=dict, description="facts by dotted name, global across files"
        )
        tables: list[Table] = Field(
            default_factory=list,
            description="CSV files of facts (columns name,value[,source,note,tag.KEY]), "
            "each row a fact as if written under facts:",
        )
        claims: list[claim] = Field(  # type: ignore[valid-type]
            default_factory=list, description="the article's checkable statements, in order"
        )

    schema = TypeAdapter(ClaimFile).json_schema(mode="validation")
    schema = _tidy(schema)
    schema = {"$schema": DIALECT, **schema}
    if missing:
        schema["$comment"] = "kinds left out (module not importable): " + ", ".join(missing)
    return schema


def schema_json(schema: dict[str, Any] | None = None) -> str:
    """The schema as deterministic JSON text (sorted keys, indent 2, final newline)."""
    if schema is None:
        schema = claim_file_schema()
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _tidy(schema: dict[str, Any]) -> dict[str, Any]:
    """Readable definition names and closed id/name maps.

    Every kind's model is called ``Claim``, so pydantic names their definitions
    after the module path; ``CompareClaim`` reads better in an editor. Maps whose
    keys have a pattern get ``additionalProperties: false`` so a bad id is flagged.
    """
    items = schema.get("properties", {}).get("claims", {}).get("items", {})
    mapping = items.get("discriminator", {}).get("mapping", {})
    renames = {}
    for kind, ref in mapping.items():
        old = ref.rsplit("/", 1)[-1]
        renames[old] = "".join(part.capitalize() for part in kind.split("_")) + "Claim"
    if renames and len(set(renames.values())) == len(renames):
        text = json.dumps(schema)
        for old, new in renames.items():
            text = text.replace(f'"#/$defs/{old}"', f'"#/$defs/{new}"')
        schema = json.loads(text)
        defs = schema.get("$defs", {})
        for old, new in renames.items():
            if old in defs:
                defs[new] = defs.pop(old)
    for name in ("sources", "facts"):
        prop = schema.get("properties", {}).get(name, {})
        if "patternProperties" in prop:
            prop["additionalProperties"] = False
    return schema
