"""Extraction stays linear: the cost per character of extract_quantities as texts grow.

Run: python benchmarks/bench_extract.py [--base 20000]
For three kinds of text (mixed news sentences in three languages, one long
1,000,000,... number, and number words), times extraction at 1x, 4x and 16x the
base length and prints microseconds per character and the growth (cost per
character at 16x over that at 1x); the goal is a growth <= 1.5. A benchmark, not a
timed test.
"""

from __future__ import annotations

import argparse
import time

NEWS = (
    "상하이는 2020년까지 1000억 위안(약 16조4천780억 원)을 투자한다. "
    "营收-2.1亿元，增长百分之二十三点五，超过1500亿元。 "
    "The city spent $1.2bn, about twenty-six percent more than the 800-million yuan of 2019. "
)


def _texts(size: int) -> dict[str, str]:
    return {
        "news": (NEWS * (size // len(NEWS) + 1))[:size],
        "comma run": "1" + ",000" * (size // 4),
        "number words": ("three thousand and twenty-six, " * (size // 31 + 1))[:size],
    }


def _per_char(text: str) -> float:
    from factcheck.quantity.grammar import extract_quantities

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        extract_quantities(text)
        best = min(best, time.perf_counter() - start)
    return best / len(text) * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=20000)
    args = parser.parse_args(argv)
    from factcheck.quantity.grammar import extract_quantities

    extract_quantities(NEWS)  # build the tables outside the timing
    worst = 0.0
    for kind in _texts(1):
        costs = [_per_char(_texts(args.base * k)[kind]) for k in (1, 4, 16)]
        growth = costs[-1] / costs[0]
        worst = max(worst, growth)
        print(f"{kind:<13} us/char at 1x 4x 16x: "
              + " ".join(f"{c:7.2f}" for c in costs) + f"   growth {growth:.2f}")
    print(f"worst growth: {worst:.2f} (goal <= 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
