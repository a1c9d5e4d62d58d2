"""The safe YAML reader: plain strings, positions, and every refusal with its location."""

from __future__ import annotations

import pytest

from factcheck import limits
from factcheck.claims.yamlsafe import parse_yaml
from factcheck.errors import ClaimFileError, LimitError


def test_scalars_stay_strings_without_yaml11_typing():
    doc = parse_yaml(
        "a: no\nb: 1.6478e13\nc: 2017-11-23\nd: .nan\ne: .inf\nf: 0x1F\ng: yes\nh: 1_000\n"
    )
    assert doc.data == {
        "a": "no", "b": "1.6478e13", "c": "2017-11-23", "d": ".nan", "e": ".inf",
        "f": "0x1F", "g": "yes", "h": "1_000",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: ~\n", None),
        ("a: null\n", None),
        ("a: NULL\n", None),
        ("a:\n", None),
        ("a: '~'\n", "~"),
        ('a: "null"\n', "null"),
        ("a: ''\n", ""),
    ],
)
def test_only_unquoted_nulls_become_none(text, expected):
    assert parse_yaml(text).data == {"a": expected}


def test_positions_of_keys_and_values_are_one_based():
    doc = parse_yaml("top:\n  - x: 1\n    y: [a, {z: 한글}]\n", "f.yaml")
    assert doc.where(()) == (1, 1)
    assert doc.key_where(("top",)) == (1, 1)
    assert doc.where(("top", 0)) == (2, 5)
    assert doc.key_where(("top", 0, "y")) == (3, 5)
    assert doc.where(("top", 0, "y", 1, "z")) == (3, 16)
    # a missing step falls back to the nearest ancestor that exists
    assert doc.where(("top", 0, "nope")) == (2, 5)
    assert str(doc.location(("top", 0, "x"))) == "f.yaml:2:8"


def test_duplicate_keys_are_all_collected_and_first_value_wins():
    doc = parse_yaml("a: 1\nb: 2\na: 3\nb: 4\n", "d.yaml")
    assert doc.data == {"a": "1", "b": "2"}
    assert [(p.code, p.location.line, p.location.col) for p in doc.problems] == [
        ("yaml.duplicate-key", 3, 1),
        ("yaml.duplicate-key", 4, 1),
    ]
    assert "first at line 1" in doc.problems[0].message


@pytest.mark.parametrize(
    ("text", "code", "line", "col", "needle"),
    [
        ("a: !!python/object/apply:os.system ['ls']\n", "yaml.tag", 1, 4, "python/object"),
        ("a: !foo x\n", "yaml.tag", 1, 4, "!foo"),
        ("a: !!str 3\n", "yaml.tag", 1, 4, "str"),
        ("a:\n  b: &x 1\n", "yaml.alias", 2, 6, "&x"),
        ("a: [1]\nb: *x\n", "yaml.alias", 2, 4, "*x"),
        ("a: [b\n", "yaml.syntax", 2, 1, "YAML syntax error"),
        ("a: b\n c: d\n", "yaml.syntax", 2, 3, "mapping values"),
        ("", "yaml.empty", 1, 1, "empty"),
        ("   \n\n", "yaml.empty", 1, 1, "empty"),
        ("# only a comment\n", "yaml.empty", 1, 1, "no content"),
        ("~\n", "yaml.empty", 1, 1, "no content"),
        ("a: 1\n---\nb: 2\n", "yaml.documents", 2, 1, "more than one"),
        ("? [k]\n: v\n", "yaml.key", 1, 3, "mapping key"),
        ("a:\n  ~: 1\n", "yaml.key", 2, 3, "empty"),
        ("a: b\x01\n", "yaml.syntax", 1, 5, "U+0001"),
        ("한글: 값\x02\n", "yaml.syntax", 1, 6, "U+0002"),
    ],
)
def test_refusals_are_located(text, code, line, col, needle):
    with pytest.raises(ClaimFileError) as info:
        parse_yaml(text, "bad.yaml")
    err = info.value
    assert (err.code, err.location.line, err.location.col) == (code, line, col)
    assert needle in str(err)
    assert str(err).startswith(f"bad.yaml:{line}:{col}: ")


def test_alias_to_an_anchorless_name_is_refused():
    # an alias without an anchor is a YAML error; an anchor is refused before any alias
    with pytest.raises(ClaimFileError) as info:
        parse_yaml("a: &a [1]\nb: *a\n")
    assert info.value.code == "yaml.alias"
    assert info.value.location.line == 1


def test_nesting_beyond_the_limit_is_refused():
    deep = "[" * (limits.MAX_YAML_DEPTH + 1) + "]" * (limits.MAX_YAML_DEPTH + 1)
    with pytest.raises(LimitError) as info:
        parse_yaml(f"a: {deep}\n", "deep.yaml")
    assert info.value.code == "input.limit"
    assert "MAX_YAML_DEPTH" in str(info.value)
    ok = "[" * (limits.MAX_YAML_DEPTH - 1) + "]" * (limits.MAX_YAML_DEPTH - 1)
    assert parse_yaml(f"a: {ok}\n").data is not None


def test_long_scalar_is_refused():
    with pytest.raises(LimitError) as info:
        parse_yaml("a: " + "x" * (limits.MAX_SCALAR_CHARS + 1) + "\n")
    assert "MAX_SCALAR_CHARS" in str(info.value)
    assert parse_yaml("a: " + "x" * limits.MAX_SCALAR_CHARS + "\n").data["a"]


def test_pure_python_parser_gives_the_same_result(monkeypatch):
    import yaml

    from factcheck.claims import yamlsafe

    text = "a: no\nb:\n  - 1\n  - {c: '~', d: ~}\n"
    fast = yamlsafe.parse_yaml_events(text)
    monkeypatch.setattr(yamlsafe, "_loader_class", lambda: yaml.SafeLoader)
    slow = yamlsafe.parse_yaml_events(text)
    assert slow.data == fast.data
    assert slow.where(("b", 1, "d")) == fast.where(("b", 1, "d"))
    with pytest.raises(ClaimFileError) as info:
        yamlsafe.parse_yaml("x: 값\x01\n")
    assert (info.value.location.line, info.value.location.col) == (1, 5)
