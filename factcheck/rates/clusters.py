"""Grouping implied rates into clusters that one single rate can explain.

The sweep: sort the intervals by lower bound (closed before open, then upper
bound, then claim id, so the result never depends on input order), keep the
running intersection of the current cluster, and start a new cluster when the
next interval misses it. Every cluster therefore has a common point (its
intersection), and if one rate explains a whole set, the running intersection
always holds that rate, so the set is never split. The number of clusters is
the least number of rates that explain all conversions: a new cluster starts with
an interval lying wholly above the lowest upper bound of the previous cluster, so
the members with the lowest upper bound of each cluster are pairwise disjoint and
need a rate each.

A cluster's rate is one its members' written figures give (stated / amount as
printed, e.g. 164.84), preferring one inside the common interval and the most
common among them; only a cluster without any written rate (ranges) shows the
middle of its interval.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from factcheck.quantity.interval import Interval
from factcheck.quantity.rational import Fraction


@dataclass(frozen=True, slots=True)
class Cluster:
    """Claims whose intervals share ``common`` (so one rate explains them all).

    Its ``rate`` and ``claims`` are worked out once, when it is made: sorting, choosing
    the main cluster and writing the report each ask for them again."""

    common: Interval
    members: tuple[tuple[str, Interval], ...]
    written: tuple[Fraction, ...] = ()  # the members' written rates, where they have one
    rate: Fraction = field(init=False, repr=False, compare=False)
    claims: list[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rate", _rate(self.common, self.written))
        object.__setattr__(self, "claims", sorted(claim for claim, _ in self.members))


def _rate(common: Interval, written: tuple[Fraction, ...]) -> Fraction:
    """One rate the written figures give, inside ``common`` if any is and the most common
    of those; the middle of ``common`` when no member has a written rate."""
    mid = common.midpoint
    assert mid is not None
    if not written:
        return mid
    inside = [w for w in written if w in common] or list(written)
    counts = Counter(inside)
    return min(counts, key=lambda w: (-counts[w], abs(w - mid), w))


def _order(item: tuple[str, Interval]) -> tuple[object, ...]:
    claim, iv = item
    assert iv.lo is not None and iv.hi is not None, "implied rates are bounded"
    return (iv.lo, iv.lo_open, iv.hi, iv.hi_open, claim)


def cluster(items: Iterable[tuple[str, Interval]],
            written: Mapping[str, Fraction] | None = None) -> list[Cluster]:
    """Clusters by the sweep above, ordered by rate (lowest first); ``written`` gives
    the claims' written rates by claim id."""
    out: list[Cluster] = []
    common: Interval | None = None
    members: list[tuple[str, Interval]] = []
    given = written or {}

    def close(common: Interval, members: list[tuple[str, Interval]]) -> None:
        rates = tuple(given[c] for c, _ in members if given.get(c) is not None)
        out.append(Cluster(common, tuple(members), rates))

    for claim, iv in sorted(items, key=_order):
        joined = None if common is None else common.intersection(iv)
        if joined is None:
            if common is not None:
                close(common, members)
            common, members = iv, [(claim, iv)]
        else:
            common = joined
            members.append((claim, iv))
    if common is not None:
        close(common, members)
    return sorted(out, key=lambda c: (c.rate, c.claims))


def main_cluster(clusters: list[Cluster], reference: Fraction | None) -> Cluster | None:
    """The largest cluster; ties go to the one closest to the reference, then the lowest."""
    if not clusters:
        return None

    def key(c: Cluster) -> tuple[object, ...]:
        distance = abs(c.rate - reference) if reference is not None else Fraction(0)
        return (-len(c.members), distance, c.rate)

    return min(clusters, key=key)
