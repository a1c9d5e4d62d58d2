"""Run orders whose ratios cancel the machine's drift, and the ratios taken from them.

On a shared virtual machine the CPU speed drifts by up to 15% from one minute to the
next, so a format run a few minutes after text, or a run at 3N claims minutes after the
one at N, measures the minute as much as the code. Here every comparison is between
runs that sit next to each other, placed symmetrically in time:

    T  T3  T  |  F1  F1_3  F1  T  |  F2  F2_3  F2  T  |  ...  |  M  M3  M

(T: text at N claims, T3 at 3N; Fi another format; M ``merge`` of the JSON report).
A format's N-runs sit between two text runs, its 3N run between its own two N-runs,
and every group is centred on the same moment, so a drift that is linear over a group
cancels exactly: the format is compared with the mean of its text neighbours, the 3N
run with the mean of the N-runs on either side. Text runs are shared by neighbouring
formats, which costs one text run per format. Without the 3N runs the order is
``T F1 T F2 T ...``. Each comparison also yields one ratio per adjacent pair, whose
range is printed as the spread.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

TEXT = "text"
MERGE = "merge"


@dataclass(frozen=True)
class Step:
    """One run: a format (or ``merge``) at a number of claims."""

    name: str
    claims: int


@dataclass(frozen=True)
class Sample:
    """What one run measured: CPU seconds (user + system) and peak resident MB."""

    cpu: float
    peak: float


@dataclass(frozen=True)
class Figures:
    """One row's figures, each with the ratios of the adjacent pairs it came from."""

    cpu: float  # mean CPU seconds of its runs at N claims (text: their median)
    peak: float  # the larger peak of its runs at N claims
    runs: list[float]  # CPU seconds of each run at N claims, in order
    to_text: float | None  # CPU against the text runs beside it (None: text, merge)
    to_text_pairs: list[float]
    growth: float | None  # CPU per claim at 3N / at N (None: no 3N run)
    growth_pairs: list[float]
    peak_huge: float | None


def schedule(names: list[str], n: int, huge: int | None, merge: bool) -> list[Step]:
    """The order of runs: text first, every other format between text runs, then merge.

    ``huge`` is the larger size (3N), or None to measure at N only; ``merge`` appends
    the runs of ``merge`` on the JSON reports (which the json runs have written by then).
    """
    if TEXT not in names:
        raise ValueError(f"the formats {names!r} do not include {TEXT!r}, their yardstick")

    def group(name: str) -> list[Step]:
        if huge is None:
            return [Step(name, n)]
        return [Step(name, n), Step(name, huge), Step(name, n)]

    steps = group(TEXT)
    for name in names:
        if name != TEXT:
            steps += group(name) + [Step(TEXT, n)]
    if merge:
        steps += group(MERGE)
    return steps


def _text_beside(steps: list[Step], at: int, way: int, n: int) -> int:
    i = at + way
    while not (steps[i].name == TEXT and steps[i].claims == n):
        i += way
    return i


def _beside_huge(steps: list[Step], name: str, n: int, huge: int) -> list[tuple[int, int]]:
    """(run at ``huge``, run of the same name at ``n`` right before or after it) pairs."""
    pairs = []
    for i, step in enumerate(steps):
        if step == Step(name, huge):
            pairs += [(i, j) for j in (i - 1, i + 1)
                      if 0 <= j < len(steps) and steps[j] == Step(name, n)]
    return pairs


def figures(steps: list[Step], samples: list[Sample], n: int,
            huge: int | None) -> dict[str, Figures]:
    """Every name's figures from the runs of ``schedule`` and what each measured."""
    if len(steps) != len(samples):
        raise ValueError(f"{len(steps)} runs scheduled but {len(samples)} measured")
    names = list(dict.fromkeys(step.name for step in steps))
    out = {}
    for name in names:
        at_n = [i for i, s in enumerate(steps) if s == Step(name, n)]
        runs = [samples[i].cpu for i in at_n]
        to_text, to_text_pairs = None, []
        if name not in (TEXT, MERGE):
            left = _text_beside(steps, at_n[0], -1, n)
            right = _text_beside(steps, at_n[-1], +1, n)
            to_text_pairs = [samples[at_n[0]].cpu / samples[left].cpu,
                             samples[at_n[-1]].cpu / samples[right].cpu]
            to_text = statistics.fmean(runs) / statistics.fmean(
                [samples[left].cpu, samples[right].cpu])
        growth, growth_pairs, peak_huge = None, [], None
        beside = _beside_huge(steps, name, n, huge) if huge is not None else []
        if beside and huge is not None:
            big = sorted({i for i, _ in beside})
            small = sorted({j for _, j in beside})
            growth = (statistics.fmean(samples[i].cpu for i in big) / huge) / (
                statistics.fmean(samples[j].cpu for j in small) / n)
            growth_pairs = [(samples[i].cpu / huge) / (samples[j].cpu / n) for i, j in beside]
            peak_huge = max(samples[i].peak for i in big)
        out[name] = Figures(
            cpu=statistics.median(runs) if name == TEXT else statistics.fmean(runs),
            peak=max(samples[i].peak for i in at_n), runs=runs, to_text=to_text,
            to_text_pairs=to_text_pairs, growth=growth, growth_pairs=growth_pairs,
            peak_huge=peak_huge)
    return out


def spread(pairs: list[float]) -> str:
    """The range of the pair ratios, as printed beside a figure."""
    return f"{min(pairs):.2f}-{max(pairs):.2f}x"
