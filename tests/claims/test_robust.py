"""Hostile input to the loader: random text and bytes, bombs and deep nesting end cleanly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims.load import Catalog, load_paths, load_text
from factcheck.claims.yamlsafe import parse_yaml
from factcheck.errors import FactcheckError
from tests.claims.conftest import stub_parse

# Pieces of claim files and of YAML syntax, so random documents reach deep into the
# loader instead of failing at the first character.
_WORDS = st.sampled_from([
    "article", "sources", "facts", "claims", "id", "quote", "kind", "probe", "expr",
    "stated", "expected", "published", "title", "value", "source", "tags", "2017-11-23",
    "2017-13-45", "-3", "no", "~", "null", ".nan", "1e999", "1 CNY", "&a", "*a", "!!str",
    "!!python/object/apply:os.system", "<<", "?", "-", ":", "[", "]", "{", "}", ",", "'",
    '"', "|", ">", "#", "---", "...", "%YAML 1.1", "\t", "\u202e", "한글", "\x00",
])
_PIECES = st.one_of(_WORDS, st.text(max_size=5), st.sampled_from(["\n", "  ", ": ", "- "]))
YAMLISH = st.lists(_PIECES, max_size=60).map("".join)


def _structured() -> st.SearchStrategy[str]:
    scalar = st.one_of(_WORDS, st.text(max_size=8))
    tree = st.recursive(
        scalar,
        lambda inner: st.one_of(st.lists(inner, max_size=4),
                                st.dictionaries(_WORDS, inner, max_size=4)),
        max_leaves=25,
    )
    return st.dictionaries(st.sampled_from(["article", "sources", "facts", "claims", "x"]),
                           tree, max_size=4).map(_dump)


def _dump(data: object) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True)


def _only_our_errors(text: str) -> None:
    try:
        catalog = load_text(text, "fuzz.yaml", parse_value=stub_parse)
    except FactcheckError:
        return
    assert isinstance(catalog, Catalog)
    for p in catalog.problems:
        assert p.code and p.message
        assert p.file == "fuzz.yaml"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_random_yamlish_text_gives_a_catalog_or_our_error(text):
    _only_our_errors(text)


@settings(max_examples=200, deadline=None)
@given(_structured())
def test_random_yaml_documents_give_a_catalog_or_our_error(text):
    _only_our_errors(text)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_random_bytes_in_a_file_give_problems_not_exceptions(tmp_path, data):
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    catalog = load_paths([str(path)], parse_value=stub_parse)
    assert isinstance(catalog, Catalog)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_parse_yaml_raises_only_our_error(text):
    try:
        doc = parse_yaml(text)
    except FactcheckError as err:
        assert err.location is not None
        return
    assert doc.data is not None


BILLION_LAUGHS = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n"
    for i in range(8)
) + "claims: *i\n"


def test_billion_laughs_is_refused_at_once():
    # Refused at the first anchor, before any alias is followed: nothing is expanded.
    catalog = load_text(BILLION_LAUGHS, "lol.yaml", parse_value=stub_parse)
    assert [(p.code, p.line, p.col) for p in catalog.problems] == [("yaml.alias", 1, 4)]
    assert catalog.articles == []


def test_deep_nesting_bomb_is_refused_quickly():
    # One depth-limit problem: the walk stops at the limit instead of descending 100,000 levels.
    text = "a: " + "[" * 100_000 + "]" * 100_000 + "\n"
    catalog = load_text(text, "deep.yaml", parse_value=stub_parse)
    assert [p.code for p in catalog.problems] == ["input.limit"]
