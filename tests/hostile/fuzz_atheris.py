"""Coverage-guided fuzzing of the claim loader, the quantity grammar and the expressions.

Not part of the test run: atheris is a development tool, not a dependency.

    pip install atheris
    python tests/hostile/fuzz_atheris.py -max_total_time=600 -timeout=10 -rss_limit_mb=2048

Every input goes through one of the paths untrusted text takes (chosen by its first
byte): raw bytes as a claim file, a value inside a claim file of each kind, a
quantity, a date, an expression. Any exception other than FactcheckError is a finding:
libFuzzer stops, prints the traceback and writes the input as ``crash-*``; replay it
with ``python tests/hostile/fuzz_atheris.py crash-<hash>``.
"""

from __future__ import annotations

import json
import sys
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


def _one(data: bytes) -> None:
    if not data:
        return
    mode, rest = data[0] % 6, data[1:]
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
    else:
        if not rest:
            return
        kind, other, slot = _SLOTS[rest[0] % len(_SLOTS)]
        value = rest[1:].decode("utf-8", "replace")
        claim = f"  - id: fuzz-claim\n    kind: {kind}\n{other}    {slot}: {_yaml_string(value)}\n"
        if slot != "quote":
            claim += "    quote: q\n"
        _check_and_render(_HEADER + claim)


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
