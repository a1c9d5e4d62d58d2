"""The readings report (tests/reports/readings): every kind, verdict and reading, in every
format and text mode, compared with snapshots a person reviewed; never rewritten here."""

from __future__ import annotations

import json

import pytest

from factcheck.kinds import KIND_MODULES

from .snapshot_outputs import READINGS_VARIANTS, readings_output, readings_report

HOSTILE = ("::warning", "##[error]", "<script>", "@everyone", "[link](https://evil.example)")


@pytest.fixture(scope="module")
def reports():  # type: ignore[no-untyped-def]
    return readings_report(), readings_report()


def test_the_readings_cover_every_reading(reports) -> None:  # type: ignore[no-untyped-def]
    report, _ = reports
    by_id = {f.claim_id: f for f in report.findings}
    assert {f.kind for f in report.findings} == set(KIND_MODULES)
    assert {f.verdict for f in report.findings} == {"holds", "contradicted", "undetermined",
                                                    "error", "todo"}
    assert sum(f.unexpected for f in report.findings) == 3
    # Joined claims and a claim over an unknown fact read like any other.
    for joined in ("sum-or", "sum-and"):
        assert by_id[joined].details["logic"] in ("and", "or")
        assert by_id[joined].said and by_id[joined].data_says
    assert by_id["sum-and"].difference and by_id["sum-and"].difference_pct == "-80.00%"
    assert by_id["rama-target"].details["unknown"] == "rama.target"
    assert by_id["rama-target"].data_says == "unknown: no source gives rama.target"
    # Warnings of each origin: a rate off the main one (against a single claim), mixed
    # tags, an open bound, a source published after the article, a repeated item.
    warned = " ".join(w for f in report.findings for w in f.warnings)
    for words in ("that the conversion gasang-in-won uses", "different 'scope' tags",
                  "an open bound", "appeared 2 days after the article", "listed twice"):
        assert words in warned
    assert all(f.note for f in report.findings if f.claim_id in ("dara-in-won", "platforms"))
    assert any(url.startswith("https://") for f in report.findings for _, _, url in f.sources)
    assert "::error::" in by_id["hostile-note"].note and "\x1b[" in by_id["hostile-note"].note
    assert all(h in by_id["hostile-note"].quote for h in HOSTILE)
    assert any(h in title for f in report.findings for _, title, _ in f.sources
               for h in HOSTILE)
    assert report.rates and report.coverage is not None
    assert report.coverage["covered"] < report.coverage["quantities"]


@pytest.mark.parametrize("variant", sorted(READINGS_VARIANTS))
def test_readings_snapshot_and_determinism(variant: str, reports, snapshot) -> None:  # type: ignore[no-untyped-def]
    first, second = reports
    assert readings_output(variant, first) == readings_output(variant, second)
    snapshot(*readings_output(variant, first))


@pytest.mark.parametrize("variant", sorted(READINGS_VARIANTS))
def test_no_hostile_string_reaches_a_report_raw(variant: str, reports) -> None:  # type: ignore[no-untyped-def]
    name, text = readings_output(variant, reports[0])
    lines = text.splitlines()
    if name.startswith("readings.github"):
        # Our own commands start lines; none comes from the input.
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    else:
        assert not any(line.lstrip().startswith("::") for line in lines)
    assert "##[" not in text and "\x1b" not in text
    if not name.endswith(".json"):  # JSON is read by programs: it keeps the text as it is
        assert "\u202e" not in text
    if name.endswith((".md", ".html")):
        assert "<script>" not in text and "<img" not in text
        assert 'href="javascript:' not in text
    if name.endswith(".md"):  # in HTML these are plain text
        assert "@everyone" not in text and "@channel" not in text
        assert "](https://evil.example)" not in text and "](javascript:" not in text


def test_the_json_snapshot_keeps_the_contract(reports) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(readings_output("json", reports[0])[1])
    keys = {"note", "said", "data_says", "difference", "difference_pct", "sources"}
    assert all(keys <= set(claim) for claim in data["claims"])
