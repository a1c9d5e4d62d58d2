"""Clusters of implied rates: the seed article, and the sweep's guarantees."""

from __future__ import annotations

import itertools
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.quantity.interval import Interval
from factcheck.rates.clusters import cluster, main_cluster
from factcheck.rates.implied import implied_rate

from .helpers import SEED, approx_krw, cny


def seed_items() -> list[tuple[str, Interval]]:
    return [
        (claim, implied_rate(claim, cny(yuan), approx_krw(won, res)).interval)
        for claim, yuan, won, res, _ in SEED
    ]


def test_seed_article_clusters() -> None:
    clusters = cluster(seed_items())
    assert [c.claims for c in clusters] == [
        ["c1000"],
        ["c100b", "c1500", "c1jo", "c500b"],
        ["c30"],
        ["c1000man"],
        ["c1eok"],
        ["c100a", "c500a"],
    ]
    assert clusters[1].common == Interval.closed(Fraction("164.83995"), Fraction("164.84005"))
    assert clusters[1].rate == Fraction("164.84")
    assert clusters[-1].common == Interval.closed(Fraction("165.189"), Fraction("165.191"))
    assert main_cluster(clusters, Fraction("164.94")) is clusters[1]


def test_main_cluster_ties_go_to_the_reference() -> None:
    clusters = cluster([("a", Interval.point(100)), ("b", Interval.point(110))])
    assert main_cluster(clusters, Fraction(108)).claims == ["b"]
    assert main_cluster(clusters, Fraction(101)).claims == ["a"]
    assert main_cluster([], None) is None


def test_touching_open_ends_do_not_join() -> None:
    clusters = cluster([("a", Interval(1, 2, False, True)), ("b", Interval.closed(2, 3))])
    assert len(clusters) == 2
    assert len(cluster([("a", Interval.closed(1, 2)), ("b", Interval.closed(2, 3))])) == 1


@st.composite
def intervals(draw: st.DrawFn) -> list[tuple[str, Interval]]:
    n = draw(st.integers(min_value=1, max_value=7))
    out = []
    for i in range(n):
        lo = draw(st.integers(min_value=0, max_value=20))
        width = draw(st.integers(min_value=0, max_value=6))
        out.append((f"k{i}", Interval.closed(lo, lo + width)))
    return out


def _explained(ivs: list[Interval]) -> bool:
    common = ivs[0]
    for iv in ivs[1:]:
        joined = common.intersection(iv)
        if joined is None:
            return False
        common = joined
    return True


def _fewest_rates(ivs: list[Interval]) -> int:
    # Brute force: the fewest points stabbing every closed interval; upper ends suffice.
    candidates = sorted({iv.hi for iv in ivs})
    for k in range(1, len(ivs) + 1):
        for points in itertools.combinations(candidates, k):
            if all(any(p in iv for p in points) for iv in ivs):
                return k
    raise AssertionError("unreachable")


@settings(max_examples=300)
@given(items=intervals(), seed=st.randoms())
def test_sweep_properties(items: list[tuple[str, Interval]], seed: object) -> None:
    clusters = cluster(items)
    # Every conversion lands in exactly one cluster.
    assert sorted(c for cl in clusters for c in cl.claims) == sorted(c for c, _ in items)
    # Never joins conversions that no single rate explains.
    for cl in clusters:
        assert _explained([iv for _, iv in cl.members])
        assert all(iv.contains_interval(cl.common) for _, iv in cl.members)
    # Never splits conversions that one rate explains.
    if _explained([iv for _, iv in items]):
        assert len(clusters) == 1
    # Uses no more clusters than the fewest rates that explain everything.
    assert len(clusters) == _fewest_rates([iv for _, iv in items])
    # Does not depend on the order of the input.
    shuffled = list(items)
    seed.shuffle(shuffled)  # type: ignore[attr-defined]
    assert [c.claims for c in cluster(shuffled)] == [c.claims for c in clusters]


def test_a_cluster_rate_is_a_written_one() -> None:
    # Both intervals share [1.05, 1.1]; neither printed rate lies in it, so the rate
    # is the printed one nearer the common middle, not the middle itself.
    items = [("a", Interval.closed(Fraction("0.9"), Fraction("1.1"))),
             ("b", Interval.closed(Fraction("1.05"), Fraction("1.35")))]
    (only,) = cluster(items, {"a": Fraction(1), "b": Fraction("1.2")})
    assert only.common == Interval.closed(Fraction("1.05"), Fraction("1.1"))
    assert only.rate == Fraction(1)  # 0.075 from the middle 1.075; 1.2 is 0.125 away
    # The rate most members print wins; one inside the common part beats one outside.
    three = [*items, ("c", Interval.closed(Fraction("1.0"), Fraction("1.2")))]
    assert cluster(three, {"a": Fraction(1), "b": Fraction("1.2"),
                           "c": Fraction("1.2")})[0].rate == Fraction("1.2")
    assert cluster(three, {"a": Fraction(1), "b": Fraction("1.2"),
                           "c": Fraction("1.08")})[0].rate == Fraction("1.08")
    # Without printed rates (ranges), the middle of the common part.
    assert cluster(items)[0].rate == Fraction("1.075")


@settings(max_examples=300)
@given(items=intervals(), data=st.data())
def test_a_cluster_rate_is_printed_by_a_member(items: list[tuple[str, Interval]],
                                              data: st.DataObject) -> None:
    # Each member prints a rate inside its interval: an end (touching a neighbour's end
    # reaches the shared-endpoint edge), or a point between, in halves.
    written: dict[str, Fraction] = {}
    for claim, iv in items:
        assert iv.lo is not None and iv.hi is not None
        steps = int((iv.hi - iv.lo) * 2)
        written[claim] = iv.lo + Fraction(data.draw(st.integers(0, steps)), 2)
    clusters = cluster(items, written)
    for cl in clusters:
        printed = [written[c] for c in cl.claims]
        assert cl.rate in printed
        if any(w in cl.common for w in printed):
            assert cl.rate in cl.common
    # The sweep is the same with or without printed rates; only the rate shown differs.
    assert sorted(c.claims for c in clusters) == sorted(c.claims for c in cluster(items))
