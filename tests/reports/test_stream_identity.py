"""Every format written as a stream is the report rendered whole, and --jobs changes no byte."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.formats import FORMATS, RenderOptions, render, write
from factcheck.report import parallel
from factcheck.report.runner import CheckOptions, run_check

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

needs_fork = pytest.mark.skipif(
    not parallel.fork_available(), reason="no 'fork' start method here: --jobs uses one process"
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A generated corpus of many files: rate blocks per article, every verdict."""
    folder = tmp_path_factory.mktemp("generated") / "claims"
    generate.generate(400, str(folder))
    return str(folder)


def _corpora(generated: str) -> list[tuple[list[str], tuple[str, ...]]]:
    """(claim paths, read roots): the seed with its text when beside the checkout (quotes
    anchored, coverage measured), the language example, and the generated corpus."""
    out: list[tuple[list[str], tuple[str, ...]]] = [
        ([str(ROOT / "tests" / "language" / "example")], ()),
        ([generated], ()),
    ]
    roots = (str(SHARED),) if SHARED.is_dir() else ()
    out.append(([str(ROOT / "claims")], roots))
    return out


def _streamed(report: object, name: str) -> str:
    out = io.StringIO()
    write(report, name, RenderOptions(), out)  # type: ignore[arg-type]
    return out.getvalue()


@needs_fork
def test_every_format_streams_the_whole_report_at_any_jobs(generated: str) -> None:
    for paths, roots in _corpora(generated):
        whole = run_check(paths, CheckOptions(jobs=1, read_roots=roots))
        forked = run_check(paths, CheckOptions(jobs=2, read_roots=roots))
        assert whole.findings, paths
        for name in FORMATS:
            expected = render(whole, name, RenderOptions())
            assert _streamed(whole, name) == expected, (paths, name)
            assert _streamed(forked, name) == expected, (paths, name)


@needs_fork
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_check_writes_each_format_as_rendered(generated: str, name: str,
                                              tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    expected = render(run_check([generated], CheckOptions(jobs=1)), name,
                      RenderOptions()).encode()
    for jobs in ("1", "2"):
        out = tmp_path / f"report-{jobs}.{name}"
        code = main(["check", generated, "--format", name, "--jobs", jobs, "--output", str(out),
                     "--color", "never"])
        capsys.readouterr()
        assert code == 0, (name, jobs)
        assert out.read_bytes() == expected, (name, jobs)
    assert os.path.getsize(out) > 0


_TEXT = st.text(st.sampled_from("a가:#[<>&\"'\n\t\u2028\u202e\x00") | st.characters(), max_size=12)


@given(_TEXT, st.booleans())
def test_html_escape_skips_only_text_without_special_characters(text: str,
                                                                 newlines: bool) -> None:
    import html as std_html

    from factcheck.formats import escape

    expected = escape._break_commands(
        std_html.escape(escape.visible(text, newlines=newlines), quote=True), "&#58;", "&#35;")
    assert escape.html(text, newlines=newlines) == expected


@given(st.lists(st.tuples(_TEXT, _TEXT, st.integers(-3, 10**12), st.lists(_TEXT, max_size=2),
                          st.dictionaries(_TEXT, _TEXT | st.none() | st.integers(), max_size=3),
                          st.none() | st.tuples(*[st.integers(0, 9)] * 4)),
                max_size=4))
def test_json_claims_are_laid_out_as_the_generic_encoder_does(rows: list[tuple]) -> None:
    from factcheck.report.record import Finding, Report

    findings = [Finding(cid, "f.yaml", line, 1, "compare", quote, "holds", "holds", quote,
                        warnings=tuple(warnings), details=details, quote_span=span,
                        sources=((cid, quote, ""),))
                for cid, quote, line, warnings, details, span in rows]
    report = Report(findings=findings)
    assert _streamed(report, "json") == render(report, "json", RenderOptions())


def test_json_of_a_key_that_is_not_text_outside_the_claims_falls_back_as_render_does(
        generated: str) -> None:
    import dataclasses

    report = run_check([generated], CheckOptions(jobs=1))
    for odd in ({"rates": [{1: "one"}]}, {"coverage": {"x": [float("nan")]}}):
        case = dataclasses.replace(report, **odd)  # type: ignore[arg-type]
        assert _streamed(case, "json") == render(case, "json", RenderOptions())


@given(st.text(st.sampled_from("#[a\x85\u2028\u2029\n가")) | st.text())
def test_json_document_leaves_only_text_without_unsafe_sequences_as_is(text: str) -> None:
    from factcheck.formats import escape

    assert escape.json_document(text) == escape._JSON_UNSAFE.sub(escape._json_escape, text)
