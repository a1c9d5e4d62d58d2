"""Write N synthetic but valid claims (compare, convert, count, date) for the benchmarks.

Usage: ``python benchmarks/generate.py --claims 100000 --out /tmp/corpus``

The corpus looks like a newsroom archive: a few shared fact files under
``facts/`` and one claim file of ten claims per article under ``articles/``. Every
claim's ``expect`` is what its construction makes true, so ``factcheck check`` on
the corpus exits 0; a wrong generator or a wrong evaluator shows up as a failure.
Output depends only on N: article i is generated from its own seed, so a smaller
corpus is a prefix of a larger one (the growth benchmark compares like with like).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
from collections.abc import Callable
from fractions import Fraction

CLAIMS_PER_FILE = 10
FACT_FILES = 4
REGIONS_PER_FILE = 40
ARTICLES_PER_FOLDER = 1000

# Each article's ten claims, in this order: a realistic newsroom mix.
MIX = ("compare", "compare", "compare", "compare", "convert", "convert",
       "count", "count", "date", "date")

_COMPANIES = ("바이두", "알리바바", "텐센트", "아이플라이텍", "화웨이", "샤오미", "센스타임",
              "메그비", "DJI", "바이트댄스", "징둥", "넷이즈", "레노버", "ZTE", "하이크비전")
_CURRENCIES = (("CNY", "위안"), ("USD", "달러"), ("EUR", "유로"))


def region(file_no: int, j: int) -> str:
    return f"r{file_no}_{j:03d}"


def fact_value(file_no: int, j: int) -> tuple[int, bool, int, int]:
    """(core in 亿元, whether it is a floor, firms, share in tenths of a percent)."""
    rng = random.Random(f"fact:{file_no}:{j}")
    return (rng.randrange(10, 2000) * 10, rng.random() < 0.3, rng.randrange(20, 900),
            rng.randrange(5, 400))


def fact_file(file_no: int) -> str:
    lines = [
        f"# Synthetic official figures, set {file_no} (benchmarks/generate.py).",
        "sources:",
        f"  plan-{file_no}:",
        f"    title: Synthetic regional AI plans, set {file_no}",
        "    publisher: benchmarks",
        "    published: 2017-07-20",
        "facts:",
    ]
    for j in range(REGIONS_PER_FILE):
        core, floor, firms, share = fact_value(file_no, j)
        name = region(file_no, j)
        lines += [
            f"  {name}.core_2020:",
            f"    value: {'超过' if floor else ''}{core}亿元",
            f"    source: plan-{file_no}",
            "    tags: {scope: core}",
            f"  {name}.firms_2020:",
            f"    value: {firms}家",
            f"    source: plan-{file_no}",
            f"  {name}.share_2020:",
            f"    value: {share // 10}.{share % 10}%",
            f"    source: plan-{file_no}",
        ]
    return "\n".join(lines) + "\n"


def won(amount: Fraction) -> str:
    """An amount of won as Korean articles write it, to the nearest 억: 1조6519억 원."""
    eok = int(amount / 10**8 + Fraction(1, 2))
    jo, rest = divmod(eok, 10_000)
    if not jo:
        return f"{rest}억 원"
    if rest:
        return f"{jo}조{rest}억 원"
    # A whole number of 조 keeps its 억 digits: "2조 원" would be read to the nearest 조.
    return f"{eok:,}억 원"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Article:
    """One article's claim file, built claim by claim from the article's own seed."""

    def __init__(self, number: int, rate: Callable[[str, str, dt.date], Fraction]) -> None:
        self.n = number
        self.rng = random.Random(f"article:{number}")
        self.rate = rate
        start = dt.date(2015, 1, 5)
        self.published = start + dt.timedelta(days=self.rng.randrange(0, 5 * 365))
        self.claims: list[list[str]] = []

    def _region(self) -> tuple[int, int]:
        return self.rng.randrange(FACT_FILES), self.rng.randrange(REGIONS_PER_FILE)

    def add(self, cid: str, quote: str, kind: str, fields: list[str], expect: str) -> None:
        self.claims.append([f"  - id: {cid}", f"    quote: {_quote(quote)}", f"    kind: {kind}",
                            *(f"    {f}" for f in fields), f"    expect: {expect}"])

    def compare(self, cid: str) -> None:
        f, j = self._region()
        name = region(f, j)
        core, floor, firms, share = fact_value(f, j)
        form = self.rng.randrange(5)
        if form == 0:  # the figure itself, in won-article units (억 위안)
            if floor:
                expr, expect = f"{name}.core_2020 > {core}억 위안", "holds"
            else:
                expr, expect = f"{name}.core_2020 == {core}억 위안", "holds"
        elif form == 1:  # an overstatement
            expr = f"{name}.core_2020 >= {core * 3}억 위안"
            expect = "undetermined" if floor else "contradicted"
        elif form == 2:  # a sum over two regions
            f2, j2 = self._region()
            other = region(f2, j2)
            core2 = fact_value(f2, j2)[0]
            total = core + core2 if (f, j) != (f2, j2) else core * 2
            expr = f"{name}.core_2020 + {other}.core_2020 >= {total * 9 // 10}억 위안"
            expect = "holds"
        elif form == 3:  # a count of companies
            lo = firms - firms % 10
            expr, expect = f"{name}.firms_2020 >= {lo}개", "holds"
        else:  # the largest of three
            regions = [self._region() for _ in range(3)]
            names = ", ".join(f"{region(a, b)}.core_2020" for a, b in regions)
            low = min(fact_value(a, b)[0] for a, b in regions)
            expr, expect = f"max({names}) >= {low}억 위안", "holds"
        del share
        self.add(cid, f"{name} AI 산업 규모", "compare", [f"expr: {_quote(expr)}"], expect)

    def convert(self, cid: str) -> None:
        code, word = _CURRENCIES[self.rng.randrange(len(_CURRENCIES))]
        eok = self.rng.randrange(1, 200) * 10
        exact = Fraction(eok * 10**8) * self.rate(code, "KRW", self.published)
        wrong = self.rng.random() < 0.1
        stated = won(exact * Fraction(23, 20) if wrong else exact)
        self.add(cid, f"{eok}억 {word}(약 {stated})", "convert",
                 [f"amount: {eok}억 {word}", f"stated: 약 {stated}"],
                 "contradicted" if wrong else "holds")

    def count(self, cid: str) -> None:
        size = self.rng.randrange(2, 6)
        items = self.rng.sample(_COMPANIES, size)
        if self.rng.random() < 0.15:  # a name listed twice, as in the seed article
            items.append(items[0])
            stated, expect = f"{len(items)}대", "contradicted"
        else:
            stated, expect = self.rng.choice((f"{size}개", f"{size}곳", str(size))), "holds"
        self.add(cid, "·".join(items) + f" 등 {stated}", "count",
                 [f"items: [{', '.join(items)}]", f"stated: {stated}"], expect)

    def date(self, cid: str) -> None:
        p = self.published
        if p.day > 1 and self.rng.random() < 0.7:
            day = self.rng.randrange(1, p.day)
            stated, expected = f"지난 {day}일", p.replace(day=day).isoformat()
        else:
            last = p.replace(day=1) - dt.timedelta(days=1)
            day = self.rng.randrange(1, last.day + 1)
            stated, expected = f"지난달 {day}일", last.replace(day=day).isoformat()
        self.add(cid, f"{stated} 발표", "date", [f"stated: {stated}", f"expected: {expected}"],
                 "holds")

    def text(self, count: int) -> str:
        ident = f"a{self.n:06d}"
        for k in range(count):
            getattr(self, MIX[k % len(MIX)])(f"{ident}-{k}")
        head = [
            "article:",
            f"  id: {ident}",
            f"  title: 합성 기사 {self.n}",
            "  publisher: benchmarks",
            f"  published: {self.published.isoformat()}",
            "  language: ko",
            "claims:",
        ]
        return "\n".join(head + [line for claim in self.claims for line in claim]) + "\n"


def _ecb_rate(code: str, to: str, day: dt.date) -> Fraction:
    from factcheck.rates.reference import ecb_provider

    return ecb_provider().rate(code, to, day).rate


def generate(claims: int, out: str) -> list[str]:
    """Write the corpus into ``out``; return the paths written, fact files first."""
    if claims < 1:
        raise SystemExit(f"generate.py: --claims must be at least 1, got {claims}")
    written = []
    os.makedirs(os.path.join(out, "facts"), exist_ok=True)
    for f in range(FACT_FILES):
        written.append(_write(os.path.join(out, "facts", f"plans-{f}.yaml"), fact_file(f)))
    for n in range((claims + CLAIMS_PER_FILE - 1) // CLAIMS_PER_FILE):
        count = min(CLAIMS_PER_FILE, claims - n * CLAIMS_PER_FILE)
        folder = os.path.join(out, "articles", f"{n // ARTICLES_PER_FOLDER:03d}")
        path = os.path.join(folder, f"a{n:06d}.yaml")
        if n % ARTICLES_PER_FOLDER == 0:
            os.makedirs(folder, exist_ok=True)
        written.append(_write(path, _Article(n, _ecb_rate).text(count)))
    return written


def _write(path: str, text: str) -> str:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, required=True, metavar="N",
                        help="how many claims to write (10 per article file)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    args = parser.parse_args(argv)
    paths = generate(args.claims, args.out)
    print(f"generate.py: {args.claims} claims in {len(paths)} files under {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
