"""The text report: what needs attention first, one screen for the seed, wrapped by columns."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.formats import RenderOptions, render
from factcheck.formats.text import width_of, wrap
from factcheck.report.runner import run_check


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return run_check(["claims"])


@pytest.mark.parametrize("width", [100, 80, 60])
def test_the_seed_fits_one_screen_and_the_width(seed, width: int) -> None:  # type: ignore[no-untyped-def]
    lines = render(seed, "text", RenderOptions(width=width)).splitlines()
    wide = [line for line in lines if width_of(line) > width]
    assert not wide, wide
    if width == 100:
        before = lines.index("The other 47 claims:")
        assert before < 60, before
    # Worst first: the contradicted blocks come before the undetermined ones.
    heads = [line for line in lines if line.startswith(("  CONTRADICTED", "  UNDETERMINED"))]
    assert [h.split()[0] for h in heads] == ["CONTRADICTED"] * 5 + ["UNDETERMINED"] * 7
    totals = " ".join(lines[lines.index(next(x for x in lines if x.startswith("59 claims"))):])
    assert " ".join(totals.split()) == ("59 claims: 0 unexpected, 5 contradicted, "
                                        "7 undetermined, 47 hold (24 with warnings)")


def test_each_block_starts_with_the_note_and_marks_the_figure(seed) -> None:  # type: ignore[no-untyped-def]
    lines = render(seed, "text", RenderOptions(width=100)).splitlines()
    at = next(i for i, line in enumerate(lines) if "wuhan-8-jo-won-ai-industry" in line)
    assert lines[at + 1].startswith("    note: The sentence is about the cities' AI industry")
    quote = next(line for line in lines[at:] if line.startswith("    | 16조와"))
    carets = lines[lines.index(quote) + 1]
    # The carets stand under 8조 원, counted in columns (Korean syllables take two).
    start = width_of(quote[: quote.index("8조 원")])
    assert carets[start:].startswith("^" * width_of("8조 원"))
    assert carets[start - 1] == " "


def test_verbose_shows_every_claim_and_quiet_only_the_totals(seed) -> None:  # type: ignore[no-untyped-def]
    full = render(seed, "text", RenderOptions(verbose=True, width=100))
    assert all(f"  {f.claim_id}  " in full for f in seed.findings)
    assert "sources: " in full and "warning: " in full
    quiet = render(seed, "text", RenderOptions(quiet=True)).splitlines()
    assert quiet == ["59 claims: 0 unexpected, 5 contradicted, 7 undetermined, "
                     "47 hold (24 with warnings)"]


def test_stderr_and_stdout_totals_agree(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = subprocess.run([sys.executable, "-m", "factcheck", "check", "claims", "-q"],
                         capture_output=True, text=True, check=False)
    as_json = subprocess.run([sys.executable, "-m", "factcheck", "check", "claims",
                              "-f", "json", "-o", str(tmp_path / "r.json")],
                             capture_output=True, text=True, check=False)
    assert out.returncode == as_json.returncode == 0
    assert as_json.stderr.splitlines()[0] == "factcheck: " + out.stdout.strip()


_WORDS = st.lists(st.one_of(
    st.from_regex(r"[0-9]{1,12}(\.[0-9]{1,4})?", fullmatch=True),
    st.text(st.sampled_from("가나다中文abc,.!"), min_size=1, max_size=30),
), min_size=1, max_size=40)


@given(_WORDS, st.integers(min_value=20, max_value=120))
def test_wrapping_keeps_the_width_and_every_number_whole(words: list[str], width: int) -> None:
    lines = wrap(" ".join(words), width, "    ", "      ")
    assert all(width_of(line) <= width for line in lines), lines
    pieces = " ".join(line.strip() for line in lines).split()
    for word in words:
        if word[0].isdigit() and width_of(word) <= width - 6:
            assert word in pieces, (word, lines)
