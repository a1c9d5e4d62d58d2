"""What each report snapshot holds, computed from the current code: the snapshot tests
compare with it and ``python tests/update_snapshots.py`` writes it."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from factcheck.formats import FORMATS, RenderOptions, render

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).parent / "snapshots"
# The hand-made sample report in every format but JSON (its contract has its own tests).
SAMPLE_FORMATS = ["text", "markdown", "html", "junit", "sarif", "github", "claimreview"]
EXT = {"text": "txt", "json": "json", "markdown": "md", "html": "html", "junit": "xml",
       "sarif": "sarif", "github": "txt", "claimreview": "jsonld"}


def sample_output(name: str, report: Any) -> tuple[str, str]:
    """(snapshot file name, text) of the sample report in format ``name``."""
    return f"sample.{name}.{EXT[name]}", render(report, name,
                                                RenderOptions(author="Example Fact Desk"))


def seed_report(seed_text: Path) -> Any:
    """The report of the repository's seed claims, run from the repository's root."""
    import os

    from factcheck.report.runner import CheckOptions, run_check

    here = os.getcwd()
    os.chdir(ROOT)  # paths in reports are relative to where factcheck runs
    try:
        return run_check(["claims"], CheckOptions(article_file=str(seed_text)))
    finally:
        os.chdir(here)


def seed_output(name: str, report: Any) -> tuple[str, str]:
    """(snapshot file name, text) of the seed report in format ``name``."""
    out = render(report, name, RenderOptions(author="factcheck"))
    if name == "html":
        out = _without_article_text(out)
    return f"seed.{name}.{EXT[name]}", out


def _without_article_text(html_out: str) -> str:
    """The HTML with the marked-up article replaced by its digest.

    The article text is not ours to copy into the repository; the digest still
    catches any change in how it is marked up.
    """
    start = html_out.find('<div class="article">')
    if start < 0:
        return html_out
    end = html_out.index("</div>", start) + len("</div>")
    digest = hashlib.sha256(html_out[start:end].encode("utf-8")).hexdigest()
    return f"{html_out[:start]}<!-- article text: sha256 {digest} -->{html_out[end:]}"


# The readings report (tests/reports/readings: made-up claims over a made-up article,
# every kind, verdict and reading) in every format, the text report in its three modes.
READINGS = ROOT / "tests" / "reports" / "readings"
READINGS_VARIANTS: dict[str, tuple[str, RenderOptions]] = {
    **{name: (name, RenderOptions(author="Example Fact Desk")) for name in sorted(FORMATS)},
    "text-v": ("text", RenderOptions(verbose=True)),
    "text-q": ("text", RenderOptions(quiet=True)),
}


def readings_report() -> Any:
    """The report of the readings claims, run from the repository's root, with no cache."""
    import os

    from factcheck.report.runner import CheckOptions, run_check

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return run_check([str(READINGS.relative_to(ROOT))], CheckOptions(jobs=1))
    finally:
        os.chdir(here)


def readings_output(variant: str, report: Any) -> tuple[str, str]:
    """(snapshot file name, text) of the readings report in ``variant``."""
    name, options = READINGS_VARIANTS[variant]
    return f"readings.{variant}.{EXT[name]}", render(report, name, options)


def all_outputs(sample: Any, seed_text: Path) -> dict[str, str]:
    """Every snapshot: file name -> text."""
    outputs = dict(sample_output(name, sample) for name in SAMPLE_FORMATS)
    report = seed_report(seed_text)
    outputs.update(seed_output(name, report) for name in sorted(FORMATS))
    readings = readings_report()
    outputs.update(readings_output(variant, readings) for variant in READINGS_VARIANTS)
    return outputs
