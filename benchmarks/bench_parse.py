"""Time factcheck's parse_quantity against cn2an.cn2an(s, "smart") on the same numerals.

Run: python benchmarks/bench_parse.py [--rounds 7] [--repeat 2000]
Prints the median CPU time per call of each over interleaved rounds, and the median
of the rounds' ratios (factcheck / cn2an) with their range; the goal is a ratio <= 1.0.
A benchmark, not a timed test.
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


def interleaved(ours: Callable[[str], object], theirs: Callable[[str], object],
                texts: list[str], repeat: int, rounds: int) -> list[tuple[float, float]]:
    """CPU seconds per call of each, one pair per round, the two timed next to each other.

    The order alternates from round to round (ours first, then theirs first), so that
    a machine speeding up or slowing down favours neither; the ratio to report is the
    median of the rounds' ratios, and their range says how steady the machine was.
    """
    for fn in (ours, theirs):
        for text in texts:  # warm up caches and lazy imports outside the timing
            fn(text)

    def one(fn: Callable[[str], object]) -> float:
        start = time.process_time()
        for _ in range(repeat):
            for text in texts:
                fn(text)
        return (time.process_time() - start) / (repeat * len(texts))

    pairs = []
    for k in range(rounds):
        if k % 2 == 0:
            a = one(ours)
            b = one(theirs)
        else:
            b = one(theirs)
            a = one(ours)
        pairs.append((a, b))
    return pairs


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
    pairs = interleaved(parse_quantity, lambda s: cn2an.cn2an(s, "smart"), NUMERALS,
                        args.repeat, args.rounds)
    ratios = [a / b for a, b in pairs]
    print(f"numerals: {len(NUMERALS)}, rounds: {args.rounds} (interleaved), calls per "
          f"round: {args.repeat * len(NUMERALS)} each; CPU time")
    print(f"factcheck parse_quantity : {statistics.median(a for a, _ in pairs) * 1e6:8.2f} us/call")
    print(f"cn2an.cn2an(s, 'smart')  : {statistics.median(b for _, b in pairs) * 1e6:8.2f} us/call")
    print(f"ratio factcheck/cn2an    : {statistics.median(ratios):8.2f} (median of the rounds; "
          f"{min(ratios):.2f}-{max(ratios):.2f}; goal <= 1.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
