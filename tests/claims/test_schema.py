"""``factcheck schema``: a deterministic draft 2020-12 schema with one branch per kind."""

from __future__ import annotations

import json

import pytest

from factcheck.claims.schema import DIALECT, claim_file_schema, kind_models, schema_json
from factcheck.cli import main


def test_schema_has_a_branch_for_every_importable_kind():
    from factcheck.kinds import KIND_MODULES

    schema = claim_file_schema()
    assert schema["$schema"] == DIALECT
    items = schema["properties"]["claims"]["items"]
    models, missing = kind_models()
    assert missing == []  # every kind listed in KIND_MODULES imports and has a model
    assert len(models) == len(KIND_MODULES)
    assert sorted(items["discriminator"]["mapping"]) == sorted(KIND_MODULES)
    assert items["discriminator"]["propertyName"] == "kind"
    assert schema["$defs"]["ProbeClaim"]["properties"]["kind"]["const"] == "probe"
    assert schema["additionalProperties"] is False
    assert schema["properties"]["facts"]["additionalProperties"] is False


def test_schema_command_prints_deterministic_json(capsys):
    assert main(["schema"]) == 0
    first = capsys.readouterr().out
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == first == schema_json()
    data = json.loads(first)
    assert list(data) == sorted(data)  # keys sorted at every level, the top one included


def test_schema_output_file_is_written(tmp_path):
    out = tmp_path / "schema.json"
    assert main(["schema", "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["$schema"] == DIALECT


def test_schema_accepts_a_good_file_and_rejects_a_bad_one():
    import jsonschema  # a test dependency (the test extra)

    schema = claim_file_schema()
    good = {
        "article": {"id": "a1", "title": "T", "published": "2017-11-23"},
        "sources": {"src": {"title": "S"}},
        "facts": {"f.one": {"value": "100 CNY", "source": "src"}},
        "claims": [{"id": "c1", "quote": "q", "kind": "probe", "expr": "f.one > 1"}],
    }
    jsonschema.validate(good, schema)
    bad = dict(good, claims=[{"id": "c1", "quote": "q", "kind": "probe", "expresion": "x"}])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(good, facts={"1bad": good["facts"]["f.one"]}), schema)


def test_schema_covers_tables_and_unknown_values():
    schema = claim_file_schema()
    table = schema["$defs"]["Table"]
    assert schema["properties"]["tables"]["items"] == {"$ref": "#/$defs/Table"}
    assert table["required"] == ["file"] and set(table["properties"]) == {"file", "source"}
    assert table["additionalProperties"] is False
    value = schema["$defs"]["Fact"]["properties"]["value"]
    assert {"const": "unknown", "type": "string"} in value["anyOf"]
