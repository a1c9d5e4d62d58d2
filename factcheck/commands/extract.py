"""``factcheck extract FILE``: list every quantity in a text file, as a table or JSON."""

from __future__ import annotations

import argparse

HELP = "list every quantity in a text file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a UTF-8 text file, such as a news article")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="output format (default: table)")
    from factcheck.fileio import add_output_options

    add_output_options(parser, "write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    from factcheck.fileio import read_text, write_output
    from factcheck.quantity.grammar import extract_quantities

    text = read_text(args.file)
    rows = [_row(text, e) for e in extract_quantities(text)]
    out = _json(rows) if args.format == "json" else _table(rows)
    write_output(out, args.output, follow_links=args.follow_links)
    return 0


def _row(text: str, e) -> dict:  # type: ignore[no-untyped-def]
    from factcheck.quantity.jsonview import quantity_json

    line = text.count("\n", 0, e.start) + 1
    col = e.start - (text.rfind("\n", 0, e.start) + 1) + 1
    record = {"line": line, "column": col, "start": e.start, "end": e.end}
    record.update(quantity_json(e.quantity, e.text))
    if e.quantity.counter:
        record["counter"] = e.quantity.counter
    return record


def _json(rows: list[dict]) -> str:
    import json

    from factcheck.formats.escape import json_document

    return json_document(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n"


def _table(rows: list[dict]) -> str:
    from factcheck.formats.escape import terminal

    header = ("line:col", "text", "value", "unit", "qualifier", "interval")
    body = [
        (
            f"{r['line']}:{r['column']}",
            terminal(r["text"]),
            r["exact"],
            r["unit"] + (f" ({r['counter']})" if r.get("counter") else ""),
            r["qualifier"],
            _bounds(r),
        )
        for r in rows
    ]
    widths = [max([_width(h)] + [_width(row[i]) for row in body]) for i, h in enumerate(header)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip()
             for row in [header, *body]]
    lines.append(f"{len(rows)} quantities")
    return "\n".join(lines) + "\n"


def _bounds(r: dict) -> str:
    lo = "-inf" if r["low"] is None else _num(r["low"])
    hi = "+inf" if r["high"] is None else _num(r["high"])
    return f"{'(' if r['low_open'] else '['}{lo}, {hi}{')' if r['high_open'] else ']'}"


def _num(x: float | int) -> str:
    return str(x) if isinstance(x, int) else repr(x)


def _width(text: str) -> int:
    """Display width: Hangul and Hanzi take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
