"""No line factcheck prints can carry a GitHub Actions workflow command that came from input.

The runner obeys a line that starts with '::' once leading whitespace is stripped, and
its older parser '##[' anywhere in a line. Any string in any field, through every
format, every command (check, merge, rates, coverage, new, parse, extract, the pytest
plugin) and stderr, must not yield such a line; only the github format writes commands,
and each of its lines must be one command it means to write. Each channel's escaping
function is checked on its own too (factcheck/formats/escape.py).
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
import xml.dom.minidom
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.formats import FORMATS, RenderOptions, escape, render
from factcheck.report.record import Finding, Problem, Report

# Pieces an attacker would combine, and what GitHub would render as links or mentions.
_PIECES = [
    "::", "##[", "\n", "\r", "\r\n", ":", "#", "[", "]", "(", ")", "error", "warning ",
    "stop-commands", "::error file=README.md,line=1::pwned", "##[warning]Approved",
    " ", "  ", "\t", "\u3000", "\u00a0", "<img src=x onerror=alert(1)>", "@octocat",
    "https://evil.example/x.png", "www.example.com", "](https://e.x)",
    "![i](https://e.x/i.png)", "<https://e.x>", "a@b.co", "#12", "%", "%0A", ",", "=",
    "\u2028", "\u2029", "\x85", "\x0b", "\x1b[31m", "\u202e", "|", "`", "*", "_", "&",
    "&lt;", "&#58;", "\\", "'", '"', "1", "억", "위안", "a.x", ">",
]
HOSTILE = st.one_of(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14).map("".join),
    st.text(min_size=1, max_size=40),
)
PROPS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

# A line of the github format that is a command the format meant: a level, properties
# whose values hold no raw ':' or ',', then the message.
_OWN_COMMAND = re.compile(
    r"::(error|warning|notice)( (file|line|col|title)=[^:,]*(,(file|line|col|title)=[^:,]*)*)?"
    r"::.*"
)


def command_lines(out: str, *, own_commands: bool = False) -> list[str]:
    """Every line of ``out`` that a runner would take as a command it was not meant to."""
    bad = []
    for line in out.splitlines():  # splits on every separator any reader might honour
        if "##[" in line or line.lstrip().startswith("::") and not (
            own_commands and _OWN_COMMAND.fullmatch(line)
        ):
            bad.append(line)
    return bad


# -- each channel's function on its own ------------------------------------------------
@PROPS
@given(HOSTILE)
def test_terminal_text_is_one_inert_line(text: str) -> None:
    out = escape.terminal(text)
    assert len(out.splitlines()) <= 1
    assert "::" not in out and "##[" not in out
    assert not command_lines(out)


@PROPS
@given(st.lists(HOSTILE, min_size=1, max_size=4))
def test_terminal_lines_keep_the_lines_and_nothing_else(parts: list[str]) -> None:
    out = escape.terminal_lines("\n".join(parts))
    assert out.count("\n") == sum(p.count("\n") for p in parts) + len(parts) - 1
    assert not command_lines(out)


@PROPS
@given(HOSTILE)
def test_workflow_payloads_stay_on_their_line(text: str) -> None:
    data, prop = escape.workflow_data(text), escape.workflow_property(text)
    assert len(data.splitlines()) <= 1 and len(prop.splitlines()) <= 1
    assert "##[" not in data and "##[" not in prop
    assert ":" not in prop and "," not in prop
    line = f"::error title={prop}::{data}"
    assert not command_lines(line, own_commands=True)


@PROPS
@given(HOSTILE)
def test_markdown_text_is_inert(text: str) -> None:
    out = escape.markdown(text)
    assert len(out.splitlines()) == 1
    assert "::" not in out and "##[" not in out
    # No raw HTML, no link or image syntax, no autolink, no mention or e-mail.
    assert not re.search(r"[<>]", out)
    assert not re.search(r"(?<!\\)[\[\]()!`*_|]", out)
    plain = re.sub(r"&#\d+;", "\u00a4", out)  # the breaks factcheck writes, as one sign
    assert not re.search(r"(?i)://|www\.|@\w|#\d", plain)


@PROPS
@given(HOSTILE)
def test_html_text_means_the_visible_text(text: str) -> None:
    for newlines in (False, True):
        out = escape.html(text, newlines=newlines)
        assert not re.search(r"[<>\"']", out)
        assert html.unescape(out) == escape.visible(text, newlines=newlines)
        assert not command_lines(out)


@PROPS
@given(HOSTILE)
def test_xml_text_and_attribute_mean_the_visible_text(text: str) -> None:
    doc = f'<a b="{escape.xml(text)}">{escape.xml(text, newlines=True)}</a>'
    assert not command_lines(doc)
    element = xml.dom.minidom.parseString(doc.encode("utf-8")).documentElement
    assert element.getAttribute("b") == escape.visible(text)
    content = "".join(node.data for node in element.childNodes)
    assert content == escape.visible(text, newlines=True)


def test_xml_refuses_exactly_what_xml_1_0_forbids() -> None:
    every = "".join(map(chr, range(0x110000)))
    allowed = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
    forbidden = allowed.sub("", every)
    assert len(forbidden) == 2079  # 29 C0 controls, 2048 surrogates, U+FFFE and U+FFFF
    assert escape._XML_ILLEGAL.findall(every) == list(forbidden)


@PROPS
@given(st.recursive(st.none() | st.integers() | HOSTILE,
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(HOSTILE, inner, max_size=3), max_leaves=8))
def test_json_and_json_ld_documents_decode_the_same_and_are_inert(data: object) -> None:
    for indent in (None, 2):
        encoded = json.dumps(data, ensure_ascii=False, indent=indent)
        out = escape.json_document(encoded)
        assert json.loads(out) == data
        assert not command_lines(out)
        # JSON-LD goes inside <script type="application/ld+json">: nothing may close it.
        out = escape.json_ld_document(encoded)
        assert json.loads(out) == data
        assert not command_lines(out)
        assert not set(out) & set("<>&"), out



# -- every format ---------------------------------------------------------------------
def hostile_report(s: str) -> Report:
    """A report with ``s`` in every string field the JSON contract has."""
    finding = Finding(
        claim_id=s, file=s, line=3, col=1, kind=s, quote=s, verdict="contradicted",
        expect="holds", message=s, warnings=(s, s), details={s: s, "expr": s, "stated": "left",
                                                             "left": {"text": s}, "sources": [s]},
        article_id=s, quote_span=(1, 1, 1, 3), note=s, said=s, data_says=s, difference=s,
        difference_pct=s, sources=((s, s, s), ("src", s, "https://evil.example/@x")),
    )
    errored = Finding(s, s, 4, 1, "convert", s, "error", "holds", s,
                      details={"amount": s, "stated": s, "implied_rate": s, "reference": {s: s}},
                      note=s, said=s, data_says=s)
    expected = Finding("c2", s, 5, 1, "count", s, "holds", "holds", s, warnings=(s,), note=s,
                       said=s, data_says=s, sources=((s, s, s),))
    rates = [{"article": s, "from": s, "to": s,
              "reference": {"source": s, "date": s, "rate": 164.9},
              "clusters": [{"rate": 164.8, "low": 164.7, "high": 164.9, "claims": [s],
                            "deviation_pct": -0.1,
                            "nearest_reference": {"date": s, "rate": 164.6}}],
              "spread_pct": 0.2, "series": [[s, s]]}]
    coverage = {"quantities": 1, "covered": 0, "percent": s,
                "articles": [{"article": s, "file": s, "quantities": 1, "covered": 0,
                              "percent": s, "items": [{"text": s, "line": 1, "col": 1,
                                                       "covered_by": [s]}]}]}
    articles = [{"id": s, "title": s, "publisher": s, "published": s, "url": s,
                 "text": s + "\n" + s, "text_error": s}]
    return Report(findings=[finding, errored, expected], problems=[Problem(s, 1, 1, s, s)],
                  rates=rates, coverage=coverage, articles=articles)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(HOSTILE)
def test_no_format_prints_a_command_from_input(s: str) -> None:
    report = hostile_report(s)
    for options in (RenderOptions(author=s), RenderOptions(author=s, verbose=True, width=40),
                    RenderOptions(color=True, quiet=True),
                    RenderOptions(link_base="https://github.com/o/r/blob/main")):
        for name in FORMATS:
            out = render(report, name, options)
            assert not command_lines(out, own_commands=name == "github"), (name, options)
            if name == "claimreview":  # published inside <script type="application/ld+json">
                assert not set(out) & set("<>&"), options


# -- every command, run as from the shell ---------------------------------------------
_CLAIMS = """article:
  id: inj
  title: {s}
  publisher: {s}
  published: 2017-11-23
  text: article.txt
sources:
  src:
    title: {s}
    url: {s}
facts:
  a.x:
    value: 100억 위안
    source: src
    tags: {{scope: {s}}}
  b.y:
    value: {s}
    source: src
claims:
  - {{id: c1, quote: {s}, kind: compare, expr: a.x > 1 위안, note: {s}}}
  - {{id: c2, quote: 100억 위안, kind: compare, expr: "a.x > {e}"}}
  - {{id: c3, quote: 100억 위안, kind: convert, amount: 100억 위안, stated: {s}}}
  - {{id: c4, quote: 100억 위안, kind: count, items: [{s}, {s}], stated: {s}}}
  - {{id: c5, quote: 100억 위안, kind: date, stated: {s}, expected: {s}}}
  - {{id: c6, quote: 100억 위안, kind: compare, expr: a.x > 1 위안, {s}: 1}}
  - {{id: c7, quote: 100억 위안, kind: convert, amount: 100억 위안, stated: 약 1조6천억 원}}
"""


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    from factcheck.cli import main

    main(argv)
    captured = capsys.readouterr()
    return captured.out + "\n" + captured.err


def _write_case(folder: Path, s: str) -> None:
    quoted = json.dumps(s)  # a JSON string is a YAML double-quoted scalar
    (folder / "article.txt").write_text(
        f"{s}\n상하이는 100억 위안을 쓴다.\n{s}\n100억 위안(약 1조6천억 원)\n", "utf-8")
    (folder / "claims.yaml").write_text(
        _CLAIMS.format(s=quoted, e=json.dumps(s)[1:-1]), "utf-8")


def _commands(folder: Path) -> list[tuple[list[str], bool]]:
    claims, report = str(folder / "claims.yaml"), str(folder / "report.json")
    runs: list[tuple[list[str], bool]] = [
        (["check", "--format", name, claims], name == "github") for name in sorted(FORMATS)
    ]
    runs += [(["check", "--format", "text", "--output", report, claims], False)]
    runs += [(["rates", claims], False), (["rates", "--format", "text", claims], False),
             (["coverage", claims], False), (["coverage", "--format", "json", claims], False),
             (["extract", str(folder / "article.txt")], False),
             (["extract", "--format", "json", str(folder / "article.txt")], False),
             (["draft", str(folder / "article.txt"), "--published", "2017-11-23"], False),
             (["check", str(folder / "article.txt"), "--published", "2017-11-23"], False)]
    return runs


def _every_command(s: str, capsys: pytest.CaptureFixture[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_case(folder, s)
        for argv, github in _commands(folder):
            out = _run(argv, capsys)
            assert not command_lines(out, own_commands=github), argv
        _run(["check", "--format", "json", "--output", str(folder / "r.json"),
              str(folder / "claims.yaml")], capsys)
        for name in sorted(FORMATS):
            out = _run(["merge", "--format", name, str(folder / "r.json")], capsys)
            assert not command_lines(out, own_commands=name == "github"), name
        out = _run(["new", str(folder / "claims.yaml"), f"--quote={s}", "--dry-run"], capsys)
        assert not command_lines(out), "new --dry-run"
        out = _run(["parse", "--", s, "1억 " + s], capsys)
        assert not command_lines(out), "parse"


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(s=HOSTILE)
def test_no_command_prints_a_command_from_input(s: str, capsys) -> None:  # type: ignore[no-untyped-def]
    _every_command(s, capsys)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(s=HOSTILE)
def test_no_command_prints_a_command_from_input_at_length(s: str, capsys) -> None:  # type: ignore[no-untyped-def]
    if not os.environ.get("FACTCHECK_SLOW"):
        pytest.skip("set FACTCHECK_SLOW=1 for 300 hostile strings through every command")
    _every_command(s, capsys)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(s=HOSTILE)
def test_merge_of_a_hostile_report_prints_no_command(s: str, capsys) -> None:  # type: ignore[no-untyped-def]
    data = hostile_report(s).to_json()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "r.json")
        Path(path).write_text(json.dumps(data), "utf-8")
        for name in sorted(FORMATS):
            out = _run(["merge", "--format", name, path], capsys)
            assert not command_lines(out, own_commands=name == "github"), name


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(HOSTILE)
def test_the_plugin_text_of_a_discrepancy_prints_no_command(s: str) -> None:
    from factcheck.pytest_plugin import discrepancy_text

    finding = hostile_report(s).findings[0]
    assert not command_lines(discrepancy_text(finding))


# -- the cases the review found, one each -----------------------------------------------
def test_a_text_file_name_with_a_command_stays_inert(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    name = "x\n::error file=README.md,line=1::pwned.txt"
    (tmp_path / name).write_text("상하이는 100억 위안을 쓴다.\n", "utf-8")
    (tmp_path / "c.yaml").write_text(
        "article: {id: a, title: t, published: 2017-11-23, text: " + json.dumps(name) + "}\n"
        "claims:\n  - {id: c1, quote: 우한은 200억, kind: count, items: [a], stated: 1}\n",
        "utf-8")
    for fmt in ("json", "text", "github"):
        out = _run(["check", "--format", fmt, str(tmp_path / "c.yaml")], capsys)
        assert "quote of claim 'c1' not found" in out
        assert not command_lines(out, own_commands=fmt == "github"), out


def test_claim_values_quoted_in_messages_stay_inert(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "c.yaml").write_text(
        "article: {id: a, title: t, published: 2017-11-23}\n"
        "sources: {s: {title: t}}\nfacts: {a.x: {value: 1 위안, source: s}}\n"
        "claims:\n"
        "  - {id: c1, quote: q, kind: compare, expr: a.x > 1 위안, "
        "\"##[warning]Approved by maintainers\": 1}\n"
        "  - {id: c2, quote: q, kind: compare, expr: \"a.x > ##[stop-commands]tok\"}\n",
        "utf-8")
    for fmt in sorted(FORMATS):
        out = _run(["check", "--format", fmt, str(tmp_path / "c.yaml")], capsys)
        assert "stop-commands" in out and "Approved" in out
        assert not command_lines(out, own_commands=fmt == "github"), (fmt, out)


def test_a_wrapped_line_never_starts_with_a_command(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The expression is quoted in the message; every offset of the command against the
    # 100-column wrap of the text report (several used to start a continuation line).
    monkeypatch.chdir(tmp_path)
    for k in range(40):
        expr = "a.x > max(" + "1 위안, " * (k // 4) + "x" * (k % 4) + " ::error::pwned)"
        Path("c.yaml").write_text(
            "article: {id: a, title: t, published: 2017-11-23}\n"
            "sources: {s: {title: t}}\nfacts: {a.x: {value: 1 위안, source: s}}\n"
            f"claims:\n  - {{id: c1, quote: q, kind: compare, expr: {json.dumps(expr)}}}\n",
            "utf-8")
        out = _run(["check", "c.yaml"], capsys)
        assert "pwned" in out
        assert not command_lines(out), out


def test_markdown_neither_links_nor_notifies(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bait = ("<img src=https://evil.example/t.png> [click](https://evil.example) "
            "https://evil.example/x www.evil.example <https://evil.example> @octocat #1")
    (tmp_path / "c.yaml").write_text(
        "article: {id: a, title: t, published: 2017-11-23}\n"
        f"claims:\n  - {{id: c1, quote: {json.dumps(bait)}, kind: count, items: [a], "
        "stated: 2}\n", "utf-8")
    out = _run(["check", "--format", "markdown", str(tmp_path / "c.yaml")], capsys)
    assert "octocat" in out and "evil" in out
    for sign in ("<img", "](", "https://", "www.evil", "<https", "@octocat", "#1"):
        assert sign not in out, sign


def test_a_new_claim_drafted_from_a_hostile_quote_is_inert(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    claims = tmp_path / "c.yaml"
    claims.write_text("article: {id: a, title: t, published: 2017-11-23}\nclaims: []\n", "utf-8")
    for quote in ("x ##[warning]y\n::error::z", "바이두, ##[x], ::error::z 3곳"):
        out = _run(["new", str(claims), "--quote", quote, "--dry-run"], capsys)
        assert "error" in out
        assert not command_lines(out), out
    _run(["new", str(claims), "--quote", "바이두, ##[x], ::error::z 3곳"], capsys)
    assert "##[" not in claims.read_text("utf-8")
    from factcheck.claims.load import load_paths

    loaded = load_paths([str(claims)])
    assert not loaded.problems
    assert loaded.articles[0].claims[0].claim.quote == "바이두, ##[x], ::error::z 3곳"


def test_the_plugin_shows_a_hostile_quote_inert(pytester: pytest.Pytester) -> None:
    report = hostile_report("x\n::error file=a,line=1::pwned ##[warning]w").to_json()
    report["claims"] = report["claims"][:1]
    report["claims"][0]["id"] = "c1"
    report.pop("problems")
    pytester.makefile(".json", report=json.dumps(report))
    result = pytester.runpytest("--claims", "report.json", "-p", "no:cacheprovider")
    out = result.stdout.str() + result.stderr.str()
    assert "pwned" in out
    assert not command_lines(out), out


@pytest.mark.parametrize(("name", "verbose"), [("::error::pwned.yaml", "-v"),
                                              ("##[warning]pwned.yaml", "-q")])
def test_the_plugin_refuses_a_claim_file_named_as_a_command(pytester: pytest.Pytester, name: str,
                                                            verbose: str) -> None:
    # pytest prints each collected file's path (-v: each item's) at the start of a line.
    (pytester.path / name).write_text(
        "article: {id: a, title: t, published: 2017-11-23}\nclaims:\n"
        "  - {id: c1, quote: q, kind: count, items: [a], stated: 2}\n", "utf-8")
    result = pytester.runpytest("--claims", ".", verbose, "-p", "no:cacheprovider")
    out = result.stdout.str() + result.stderr.str()
    assert not command_lines(out), out
    assert result.ret != 0
    assert "claim file names that a CI log would read as commands" in out


@pytest.mark.parametrize("argv", [
    ["check", "--no-such-option=\n::error::x"],
    ["check", "--format", "##[warning]x"],
    ["merge", "--no-such-option=\r::stop-commands::tok"],
])
def test_usage_errors_quote_arguments_inertly(argv: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    from factcheck.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(argv)
    captured = capsys.readouterr()
    assert exit_.value.code == 2
    assert "error:" in captured.err
    assert command_lines(captured.out + captured.err) == []
