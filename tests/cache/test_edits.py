"""Any sequence of edits to the corpus: the report with the cache is the report without it."""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from tests.cache import corpus

# (file, text in it, replacements): each edit sets one of these places to one of its values.
PLACES = [
    ("claims/facts.yaml", "city.core_2020: {value: ",
     ["500亿元", "650亿元", "超过600亿元", "unknown"]),
    ("claims/data/towns.csv", "town.core_2020,", ["120亿元", "90亿元", "unknown"]),
    ("claims/a3.yaml", "city.core_2020 > ", ["600억 위안", "400억 위안", "5억 달러"]),
    ("claims/a1.txt", "읍은 ", ["120억", "130억"]),
    ("claims/rates.csv", "CNY,KRW,", ["164.84", "170.02", "abc"]),
    ("claims/a2.yaml", "stated: ", ["약 1조6484억 원", "약 1조7000억 원"]),
    # An article with its text or without any (the text report is then built of views).
    ("claims/a1.yaml", "  language: ko\n  ", ["text: a1.txt", "url: https://example.org/a1"]),
]


def set_value(root: Path, place: int, value: str) -> None:
    name, before, values = PLACES[place]
    path = root / name
    text = path.read_text(encoding="utf-8")
    start = text.index(before) + len(before)
    old = next(v for v in values if text.startswith(v, start))
    path.write_text(text[:start] + value + text[start + len(old):], encoding="utf-8")


def check(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "claims", "--color", "never", *argv])
    return code, out.getvalue(), err.getvalue()


EDITS = st.lists(st.integers(0, len(PLACES) - 1).flatmap(
    lambda i: st.tuples(st.just(i), st.sampled_from(PLACES[i][2]))), min_size=1, max_size=4)


@settings(max_examples=12, deadline=None)
@given(EDITS, st.sampled_from([("text", "-v"), ("text", "--width=100"), ("json", "-v")]))
def test_edits_in_any_order_give_the_reports_of_a_run_without_the_cache(
        edits: list[tuple[int, str]], shown: tuple[str, str]) -> None:
    fmt, option = shown
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        root = Path(folder)
        corpus.write(root)
        assert check("-f", fmt, option) == check("-f", fmt, option, "--no-cache")
        for place, value in edits:
            set_value(root, place, value)
            assert check("-f", fmt, option) == check("-f", fmt, option, "--no-cache"), \
                (place, value)
