"""Coverage-guided fuzzing of the claim loader, the quantity grammar and the expressions.

Not part of the test run: atheris is a development tool, not a dependency.

    pip install atheris
    python tests/hostile/fuzz_atheris.py -max_total_time=600 -timeout=10 -rss_limit_mb=2048 \
        -max_len=4096 -dict=tests/hostile/fuzz.dict CORPUS_DIR

CORPUS_DIR is a folder of your choice (libFuzzer keeps the inputs it found there); an
empty one works, a few claim files prefixed with the byte 0x00 start it faster.

Every input goes through one of the paths untrusted text takes (chosen by its first
byte): raw bytes as a claim file; a value in any field of a claim of each kind, or the
publication date, through evaluation and every report format; a quantity; an article
text; an expression; a JSON report given to merge. Any exception other than
FactcheckError is a finding: libFuzzer stops, prints the traceback and writes the
input as ``crash-*``; replay it with ``python tests/hostile/fuzz_atheris.py crash-<hash>``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import xml.dom.minidom
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

# Instrument only our own code: pint and pydantic would slow every run for no coverage
# that matters here.
with atheris.instrument_imports(include=["factcheck"]):
    from factcheck.claims.load import load_text
    from factcheck.errors import FactcheckError
    from factcheck.expr.syntax import parse_comparison
    from factcheck.formats import RenderOptions, render
    from factcheck.kinds import compare
    from factcheck.quantity.grammar import extract_quantities, parse_quantity
    from factcheck.report.runner import CheckOptions, check_catalog

_HEADER = """article:
  id: fuzz
  title: Fuzz
  published: 2017-11-23
sources:
  src:
    title: A source
facts:
  a.x:
    value: 100억 위안
    source: src
  b.y:
    value: 超过500亿元
    source: src
  c.z:
    value: 4家
    source: src
claims:
"""

# Where a fuzzed value goes: (kind, the claim's other lines, the fuzzed field).
_SLOTS = [
    ("compare", "", "expr"),
    ("compare", "    expr: a.x * 2 == 200억 위안\n", "tolerance"),
    ("convert", "    amount: 100억 위안\n", "stated"),
    ("convert", "    stated: 약 1조6천484억 원\n", "amount"),
    ("convert", "    amount: 100억 위안\n    stated: 약 1조6천484억 원\n", "rate"),
    ("count", "    items: [a, b, c]\n", "stated"),
    ("date", "    expected: 2017-11-14\n", "stated"),
    ("date", "    stated: 지난 14일\n", "expected"),
    ("compare", "    expr: a.x > 1\n", "quote"),
    ("date", "    stated: 지난달 18일\n    expected: 2017-10-18\n", "published"),
    ("convert", "    amount: 100억 위안\n    stated: 약 1조6천484억 원\n", "published"),
]

_CTX = None


def _context():  # type: ignore[no-untyped-def]
    global _CTX
    if _CTX is None:
        from factcheck.report.runner import make_context

        catalog = load_text(_HEADER, "ctx.yaml")
        _CTX = make_context(catalog.articles[0], catalog, CheckOptions())
    return _CTX


def _yaml_string(text: str) -> str:
    # JSON strings are YAML double-quoted strings: the fuzzed text arrives intact.
    return json.dumps(text, ensure_ascii=False)


def _check_and_render(text: str) -> None:
    catalog = load_text(text, "fuzz.yaml")
    report = check_catalog(catalog, CheckOptions(jobs=1))
    json.loads(render(report, "json"))
    json.loads(render(report, "sarif"))
    xml.dom.minidom.parseString(render(report, "junit"))
    render(report, "html")
    render(report, "markdown")
    render(report, "text", RenderOptions(color=True))


_WORKDIR = None


def _article_text(text: str) -> None:
    # An article text (anchoring and coverage read it), quoted in part by a claim.
    global _WORKDIR
    if _WORKDIR is None:
        _WORKDIR = tempfile.mkdtemp(prefix="factcheck-fuzz-")
    Path(_WORKDIR, "article.txt").write_text(text, "utf-8", errors="surrogatepass")
    quote = text[len(text) // 3 : len(text) // 3 + 40].strip() or "q"
    claims = _HEADER.replace("  published: 2017-11-23\n",
                             "  published: 2017-11-23\n  text: article.txt\n")
    claims += (f"  - id: c1\n    quote: {_yaml_string(quote)}\n    kind: count\n"
               "    items: [a]\n    stated: 1\n")
    path = Path(_WORKDIR, "claims.yaml")
    path.write_text(claims, "utf-8")
    from factcheck.claims.load import load_paths

    report = check_catalog(load_paths([str(path)]), CheckOptions(jobs=1))
    for name in ("json", "html", "markdown", "text"):
        render(report, name)


def _merge(raw: bytes) -> None:
    # A JSON report as `factcheck merge` reads it.
    from factcheck.report.merge import merge_reports, report_from_json

    try:
        data = json.loads(raw.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        return
    merged = merge_reports([("r.json", report_from_json(data, "r.json"))])
    for name in ("json", "html", "markdown", "text", "sarif", "junit", "github"):
        render(merged, name)


def _one(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] % 8, data[1:]
    text = rest.decode("utf-8", "replace")
    if mode == 0:
        # A whole claim file as written (BOM and bad bytes as fileio reads them).
        try:
            text = rest.decode("utf-8-sig")
        except UnicodeDecodeError:
            return
        _check_and_render(text)
    elif mode == 1:
        parse_quantity(text)
    elif mode == 2:
        extract_quantities(text)
    elif mode == 3:
        tree = parse_comparison(text, _context().facts)
        assert tree is not None
        claim = compare.Claim(id="f", quote="q", kind="compare", expr=text or " ")
        compare.evaluate(claim, _context())
    elif mode == 6:
        _article_text(text)
    elif mode == 7:
        _merge(rest)
    else:
        if not rest:
            return
        kind, other, slot = _SLOTS[rest[0] % len(_SLOTS)]
        value = rest[1:].decode("utf-8", "replace")
        header = _HEADER
        claim = f"  - id: fuzz-claim\n    kind: {kind}\n{other}    quote: q\n"
        if slot == "published":
            header = header.replace("2017-11-23", _yaml_string(value), 1)
        elif slot == "quote":
            claim = claim.replace("quote: q", f"quote: {_yaml_string(value)}")
        else:
            claim += f"    {slot}: {_yaml_string(value)}\n"
        _check_and_render(header + claim)


def test_one_input(data: bytes) -> None:
    try:
        _one(data)
    except FactcheckError as exc:
        assert str(exc), "every error has a message"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
