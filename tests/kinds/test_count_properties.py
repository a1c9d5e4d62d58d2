"""Properties of the count kind: order of items never matters; duplicates are named."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.model import Article
from factcheck.kinds import count
from factcheck.kinds.base import Context

CONTEXT = Context(Article(id="a", title="t", published=dt.date(2017, 11, 23)), "a.yaml", {}, {})
# A few spellings of few names, so lists often repeat an item in another form.
NAMES = st.sampled_from(
    ["바이두", "알리바바", "텐센트", "Alibaba", "alibaba", " ALIBABA", "ＡＢＣ", "abc",
     "알리\u200b바바", "ali\u00adbaba", "\ufeffabc", "a\u2060bc"]
)
_PLAIN = {"바이두", "알리바바", "텐센트", "Alibaba", "alibaba", " ALIBABA", "abc"}


def _claim(items: list[str], stated: int, distinct: bool) -> count.Claim:
    return count.Claim.model_validate(
        dict(id="c", quote="q", kind="count", items=items, stated=stated, distinct=distinct)
    )


@given(
    st.lists(NAMES, min_size=1, max_size=8).flatmap(
        lambda xs: st.tuples(st.just(xs), st.permutations(xs))
    ),
    st.integers(0, 9),
    st.booleans(),
)
def test_verdict_is_invariant_under_permutation(
    lists: tuple[list[str], list[str]], stated: int, distinct: bool
) -> None:
    items, shuffled = lists
    a = count.evaluate(_claim(items, stated, distinct), CONTEXT)
    b = count.evaluate(_claim(list(shuffled), stated, distinct), CONTEXT)
    assert a.verdict == b.verdict
    assert a.details["distinct"] == b.details["distinct"]
    assert sorted(d["times"] for d in a.details["duplicates"]) == sorted(
        d["times"] for d in b.details["duplicates"]
    )


@given(st.lists(NAMES, min_size=1, max_size=8), st.integers(0, 9))
def test_holds_exactly_when_the_distinct_number_is_stated(items: list[str], stated: int) -> None:
    outcome = count.evaluate(_claim(items, stated, True), CONTEXT)
    distinct = len({count.normalise(i) for i in items})
    assert outcome.details["distinct"] == distinct
    assert (outcome.verdict == "holds") == (distinct == stated)
    # every repeated item is named in a warning, and only those
    repeats = [w for w in outcome.warnings if " is listed " in w]
    assert len(repeats) == len(items) - distinct - sum(
        d["times"] - 2 for d in outcome.details["duplicates"]
    )
    # and every item read as other than itself (up to case and spacing), and only those
    readings = [w for w in outcome.warnings if " is read as " in w]
    assert len(readings) == sum(1 for i in items if i not in _PLAIN)


@given(st.lists(NAMES, min_size=1, max_size=8))
def test_listing_an_item_again_never_changes_the_distinct_count(items: list[str]) -> None:
    once = count.evaluate(_claim(items, 0, True), CONTEXT)
    twice = count.evaluate(_claim(items + items, 0, True), CONTEXT)
    assert once.details["distinct"] == twice.details["distinct"]
    assert twice.warnings  # every item is now a duplicate


def _key_by_category(item: str) -> str:
    """The comparison key as defined: every format character (Cf) dropped, one by one."""
    import unicodedata

    text = unicodedata.normalize("NFKC", item)
    text = count._INVISIBLE.sub("", "".join(c for c in text if unicodedata.category(c) != "Cf"))
    return " ".join(unicodedata.normalize("NFKC", text.casefold()).split())


@given(st.text(st.one_of(
    st.characters(categories=["Cf", "Zs", "Cc", "Mn", "Lo"]),
    st.sampled_from(["a", "Ａ", "알", "\u200b", "\u00ad", "\ufeff", "\u034f", "\u3164", " "]),
), max_size=12))
def test_the_key_drops_format_characters_as_the_definition_does(item: str) -> None:
    # The key skips the per-character scan for printable text, which holds no Cf.
    assert count.normalise(item) == _key_by_category(item)
