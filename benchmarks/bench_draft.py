"""Time ``factcheck draft`` on the seed article, and its growth with the length of the text.

Run: python benchmarks/bench_draft.py [--rounds 7] [--text FILE --published DATE]
Prints the median wall time of the whole command on the seed (goal: under 0.5 s) and
the drafting cost per character of the text repeated 1, 4 and 16 times, in process
(goal: the 16x cost per character at most 1.3 times the 1x one, i.e. linear).
A benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(os.path.dirname(ROOT), "shared", "seeds", "000_cc08ff2c2edef71c.txt")
COPIES = (1, 4, 16)


def command_seconds(text_file: str, published: str, rounds: int) -> float:
    """Median wall time of ``factcheck draft TEXT --published DATE -o FILE --force``."""
    samples = []
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "draft.yaml")
        argv = [sys.executable, "-m", "factcheck", "draft", text_file, "--published",
                published, "-o", out, "--force"]
        subprocess.run(argv, check=True, capture_output=True)  # warm the file cache
        for _ in range(rounds):
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def per_character(text: str, published: dt.date, copies: int, rounds: int) -> float:
    """Median seconds per character of drafting ``text`` repeated ``copies`` times."""
    from factcheck.draft.article import draft_claims

    long_text = "\n\n".join([text.strip()] * copies) + "\n"
    draft_claims(long_text, published)  # warm lazy imports and caches
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        draft_claims(long_text, published)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) / len(long_text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--text", default=SEED, help="the article (default: the seed)")
    parser.add_argument("--published", default="2017-11-23")
    args = parser.parse_args(argv)
    if not os.path.exists(args.text):
        print(f"no article at {args.text} (the shared/ folder beside the repository)",
              file=sys.stderr)
        return 2
    with open(args.text, encoding="utf-8") as fh:
        text = fh.read()
    day = dt.date.fromisoformat(args.published)
    wall = command_seconds(args.text, args.published, args.rounds)
    costs = {n: per_character(text, day, n, args.rounds) for n in COPIES}
    growth = costs[COPIES[-1]] / costs[1]
    print(f"factcheck draft on {os.path.basename(args.text)} ({len(text)} characters): "
          f"{wall:.3f} s (goal < 0.5 s: {'met' if wall < 0.5 else 'missed'})")
    for n in COPIES:
        print(f"  drafting {n:>2}x the text: {costs[n] * 1e6:.2f} us per character")
    print(f"growth {COPIES[-1]}x / 1x: {growth:.2f} (goal <= 1.3: "
          f"{'met' if growth <= 1.3 else 'missed'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
