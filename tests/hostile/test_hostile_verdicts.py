"""Input that would flip a verdict: invisible characters in list items, offset units."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.claims.model import Article
from factcheck.kinds import count
from factcheck.kinds.base import Context

# Characters that render as nothing: zero-width space, soft hyphen, word joiner, BOM.
INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\ufeff"]
SEED_ITEMS = ["바이두", "알리바바", "텐센트", "알리바바"]


def _context() -> Context:
    article = Article(id="a", title="t", published="2017-11-23")  # type: ignore[arg-type]
    return Context(article, "a.yaml", {}, {})


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_does_not_make_a_repeated_item_distinct(mark: str) -> None:
    items = [*SEED_ITEMS[:3], "알리" + mark + "바바"]
    claim = count.Claim(id="c", quote="q", kind="count", items=items, stated="4대")
    outcome = count.evaluate(claim, _context())
    assert outcome.verdict == "contradicted", outcome.message
    assert "counted 3 distinct items" in outcome.message
    shown = repr("알리" + mark + "바바")
    assert f"item 4 {shown} is read as '알리바바'" in " ".join(outcome.warnings), outcome.warnings


def test_plain_items_differing_in_case_and_spacing_only_raise_no_reading_warning() -> None:
    claim = count.Claim(id="c", quote="q", kind="count", items=["Alibaba", " alibaba ", "ＡＢＣ"],
                        stated=2)
    outcome = count.evaluate(claim, _context())
    assert outcome.verdict == "holds"
    reading = [w for w in outcome.warnings if "is read as" in w]
    assert reading == ["item 3 'ＡＢＣ' is read as 'abc'"]


def _run(tmp_path: Path, claims: str, *more: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "a.yaml").write_text(
        "article: {id: a, title: t, published: 2017-11-23}\nclaims:\n" + claims, "utf-8")
    return subprocess.run([sys.executable, "-m", "factcheck", "check", "a.yaml", *more],
                          cwd=tmp_path,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_the_seed_contradiction_survives_a_zero_width_space(tmp_path: Path) -> None:
    proc = _run(tmp_path, (
        "  - {id: four, quote: q, kind: count, stated: 4대, expect: contradicted,\n"
        '     items: [바이두, 알리바바, 텐센트, "알리바바\\u200b"]}\n'), "-v")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "item 4 '알리바바\\u200b' is read as '알리바바'" in proc.stdout


@pytest.mark.parametrize(("low", "high"), [("-10 degC", "10 degF"), ("10 degF", "300 kelvin"),
                                          ("5 degC", "10 degC")])
def test_offset_units_are_refused_with_a_location(tmp_path: Path, low: str, high: str) -> None:
    # -10 degC (263.15 K) is not less than 10 degF (260.93 K); converted by scale only,
    # it was -18 degF < 10 degF and held.
    (tmp_path / "f.yaml").write_text(
        f"sources: {{s: {{title: s}}}}\nfacts:\n  t.low: {{value: {low}, source: s}}\n"
        f"  t.high: {{value: {high}, source: s}}\n", "utf-8")
    proc = _run(tmp_path, "  - {id: t, quote: q, kind: compare, expr: t.low < t.high}\n",
                "f.yaml")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    offset = next(v for v in (low, high) if "deg" in v)
    line = 3 if offset == low else 4
    assert re.search(rf"f\.yaml:{line}:\d+: fact 't\.\w+': value '{offset}' is not a quantity "
                     r"factcheck can read \(the unit 'deg[CF]' has an offset zero", out), out
    assert "  holds  " not in out and "Traceback" not in out
