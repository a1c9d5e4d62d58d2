"""Time factcheck's parse_quantity against cn2an.cn2an(s, "smart") on the same numerals.

Run: python benchmarks/bench_parse.py [--rounds 7] [--repeat 2000]
Prints the median time per call of each and the ratio (factcheck / cn2an);
the goal is a ratio <= 1.0. A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

# Chinese numerals that both parsers read (cn2an reads no units or qualifiers).
NUMERALS = [
    "一千五百亿", "两千亿", "一万亿", "三千", "五百亿", "十五", "一百零五",
    "九千九百九十九万", "1000亿", "1.5亿", "16万4780亿", "三亿五千万", "四千零五十",
    "100亿", "2000万", "5万亿", "一千五百万亿",
]


def _time(fn: Callable[[str], object], texts: list[str], repeat: int, rounds: int) -> float:
    """Median over ``rounds`` of the mean seconds per call."""
    for text in texts:  # warm up caches and lazy imports outside the timing
        fn(text)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            for text in texts:
                fn(text)
        samples.append((time.perf_counter() - start) / (repeat * len(texts)))
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=500)
    args = parser.parse_args(argv)
    try:
        import cn2an
    except ImportError:
        print("cn2an is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    # timed without the cache of repeated texts, which would make repeats free
    from factcheck.quantity.grammar import parse_quantity_uncached as parse_quantity

    for text in NUMERALS:  # both must agree before we time them
        ours = parse_quantity(text).value
        theirs = cn2an.cn2an(text, "smart")
        if ours != theirs:
            print(f"disagree on {text!r}: factcheck {ours}, cn2an {theirs}", file=sys.stderr)
            return 1
    ours_t = _time(parse_quantity, NUMERALS, args.repeat, args.rounds)
    theirs_t = _time(lambda s: cn2an.cn2an(s, "smart"), NUMERALS, args.repeat, args.rounds)
    print(f"numerals: {len(NUMERALS)}, rounds: {args.rounds}, calls per round: "
          f"{args.repeat * len(NUMERALS)}")
    print(f"factcheck parse_quantity : {ours_t * 1e6:8.2f} us/call")
    print(f"cn2an.cn2an(s, 'smart')  : {theirs_t * 1e6:8.2f} us/call")
    print(f"ratio factcheck/cn2an    : {ours_t / theirs_t:8.2f} (goal <= 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
