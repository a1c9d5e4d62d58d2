"""The terminal report: one line per claim, worst first, then rates, coverage and a summary.

Also home of :func:`visible`, which every format uses so that control characters and
bidi overrides from (untrusted) claim files are shown as escapes, never interpreted.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from factcheck.quantity.rational import Fraction

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

# Categories that change how text displays or terminates it: controls, format chars
# (U+202E and friends), separators, surrogates, private use, unassigned.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
_COLORS = {"error": "31;1", "contradicted": "31", "undetermined": "33", "holds": "32"}
_LABELS = {"error": "ERROR", "contradicted": "CONTRADICTED", "undetermined": "UNDETERMINED",
           "holds": "holds", "todo": "to write"}


def _escape_char(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with every invisible or direction-changing character shown as ``\\uXXXX``.

    Tabs become spaces; newlines stay only when ``newlines`` (else they become spaces),
    so one claim stays on one line of a table.
    """
    if text.isprintable():
        # isprintable() is false for every hidden category and for \n \t \r, so the
        # text would come out unchanged: skip the per-character loop (most text).
        return text
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append("\n" if newlines else " ")
        elif ch in "\t\r":
            out.append(" " if ch == "\t" or not newlines else "")
        elif unicodedata.category(ch) in _HIDDEN:
            out.append(_escape_char(ch))
        else:
            out.append(ch)
    return "".join(out)


def shorten(text: str, width: int) -> str:
    """One line, at most ``width`` characters, with an ellipsis when cut."""
    text = " ".join(visible(text).split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


_FRACTION = re.compile(r"^(-?\d+)/(\d+)$")
_LONG = re.compile(r"^(-?)(\d{5,})(\.\d+)?$")


def show_number(text: str, digits: int = 8) -> str:
    """An exact number string as people read it: ``1284550000/77881`` becomes ``16493.6``.

    Only for display: the record keeps the exact value.
    """
    plain = _LONG.match(text)
    if plain:
        return f"{plain.group(1)}{int(plain.group(2)):,}{plain.group(3) or ''}"
    m = _FRACTION.match(text)
    if not m or int(m.group(2)) == 0:
        return text
    value = Fraction(int(m.group(1)), int(m.group(2)))
    whole = abs(value.numerator) // value.denominator
    places = max(digits - len(str(whole)), 0)
    scaled = round(value * 10**places)
    approx = "~" if scaled != value * 10**places else ""
    sign = "-" if scaled < 0 else ""
    head, tail = divmod(abs(scaled), 10**places)
    tail_text = f"{tail:0{places}d}".rstrip("0") if places else ""
    return f"{approx}{sign}{head:,}" + (f".{tail_text}" if tail_text else "")


def show_value(value: Any) -> str:
    """Any JSON-ready detail value as one short readable string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return show_number(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return ", ".join(show_value(v) for v in value)
    if not isinstance(value, dict):
        return str(value)
    if "title" in value and ("id" in value or "url" in value):
        return str(value.get("title"))
    if "name" in value and "value" in value:
        return f"{value['name']} = {value['value']}"
    if "text" in value:
        return str(value["text"])
    if "low" in value and "high" in value and "rate" not in value:
        lo, hi = value.get("low"), value.get("high")
        unit = f" {value['unit']}" if value.get("unit") else ""
        if lo is not None and lo == hi:
            return show_value(lo) + unit
        left = "(" if value.get("low_open") or lo is None else "["
        right = ")" if value.get("high_open") or hi is None else "]"
        lo_t = show_value(lo) if lo is not None else "-inf"
        hi_t = show_value(hi) if hi is not None else "+inf"
        return f"{left}{lo_t}, {hi_t}{right}{unit}"
    if "rate" in value:
        shown = value.get("rate_display", value["rate"])
        when = f" ({value['date']})" if value.get("date") else ""
        return f"{show_value(shown)}{when}"
    if "start" in value and "end" in value:
        return str(value["start"]) if value["start"] == value["end"] else \
            f"{value['start']}..{value['end']}"
    if "absolute" in value:
        rel = value.get("relative_pct")
        return show_value(value["absolute"]) + (f" ({show_value(rel)}%)" if rel else "")
    return ", ".join(f"{k}: {show_value(v)}" for k, v in sorted(value.items()))


def verdict_label(finding: Finding) -> str:
    label = _LABELS.get(finding.verdict, finding.verdict.upper())
    return f"{label} (expected {finding.expect})" if finding.unexpected else label


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report) -> str:
    s = report.summary()
    return (
        f"{s['claims']} claims: {s['holds']} hold, {s['contradicted']} contradicted, "
        f"{s['undetermined']} undetermined, {_plural(s['error'], 'error')}; "
        f"{s['unexpected']} unexpected"
        + (f"; {s['todo']} to write" if s.get("todo") else "")
        + (f"; {_plural(len(report.problems), 'input problem')}" if report.problems else "")
    )


def coverage_lines(coverage: dict[str, Any] | None) -> list[str]:
    if not coverage:
        return []
    lines = [
        f"Coverage: {coverage.get('covered', 0)} of {coverage.get('quantities', 0)} quantities "
        f"in the article text covered by a claim ({coverage.get('percent', '0')}%)"
    ]
    for art in coverage.get("articles", []):
        missing = [i for i in art.get("items", []) if not i.get("covered_by")]
        lines.append(
            f"  {visible(str(art.get('article', '')))}: {art.get('covered', 0)}/"
            f"{art.get('quantities', 0)} ({art.get('percent', '0')}%)"
        )
        for item in missing:
            lines.append(
                f"    not covered: {visible(str(art.get('file', '')))}:{item.get('line')}:"
                f"{item.get('col')}: {shorten(str(item.get('text', '')), 60)}"
            )
    return lines


def rate_lines(rates: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for block in rates:
        ref = block.get("reference") or {}
        lines.append(
            f"Rates {visible(str(block.get('from', '?')))}->{visible(str(block.get('to', '?')))}: "
            f"reference {ref.get('rate', '?')} ({visible(str(ref.get('source', '?')))}, "
            f"{ref.get('date', '?')}); spread {block.get('spread_pct', '?')}%"
        )
        for i, cl in enumerate(block.get("clusters", []), 1):
            near = cl.get("nearest_reference") or {}
            claims = ", ".join(visible(str(c)) for c in cl.get("claims", []))
            lines.append(
                f"  cluster {i}: rate {cl.get('rate', '?')} in [{cl.get('low', '?')}, "
                f"{cl.get('high', '?')}], deviation {cl.get('deviation_pct', '?')}%, "
                f"nearest reference {near.get('date', '?')} ({near.get('rate', '?')}): {claims}"
            )
    return lines


def _paint(text: str, verdict: str, color: bool) -> str:
    if not color:
        return text
    return f"\x1b[{_COLORS.get(verdict, '0')}m{text}\x1b[0m"


WRAP = 100  # fixed, not the terminal's width, so that output is the same everywhere


def _wrapped(text: str, first: str, rest: str | None = None) -> list[str]:
    """The whole message, wrapped at WRAP columns: an editor must see all of it."""
    if _plain(text):
        return _wrap_plain(text, first, rest or first)
    import textwrap

    return textwrap.wrap(
        text, WRAP, initial_indent=first, subsequent_indent=rest or first,
        break_long_words=False, break_on_hyphens=False,
    ) or [first.rstrip()]


# Words separated by single spaces, nothing else that is white: for such text
# textwrap.wrap (no hyphen breaks, no long-word breaks) is plain greedy filling, done
# below several times faster; it is most of the time of a 100,000-claim report.
def _plain(text: str) -> bool:
    # isprintable() is false for every white character but the space, so this is
    # "words separated by single spaces" (for printable text, which visible() makes).
    return (text.isprintable() and "  " not in text and text[:1] != " "
            and text[-1:] != " " and text != "")


def _wrap_plain(text: str, first: str, rest: str) -> list[str]:
    lines: list[str] = []
    indent, start, end = first, 0, len(text)
    while True:
        width = WRAP - len(indent)
        if end - start <= width:
            lines.append(indent + text[start:])
            return lines
        # The last space that keeps the line within the width; none: the first word
        # is longer than a line and stands alone (textwrap does not break words here).
        cut = text.rfind(" ", start, start + width + 1)
        if cut < 0:
            cut = text.find(" ", start)
            if cut < 0:
                lines.append(indent + text[start:])
                return lines
        lines.append(indent + text[start:cut])
        start, indent = cut + 1, rest


def render(report: Report, options: RenderOptions) -> str:
    lines: list[str] = []
    for problem in report.problems:
        lines.append(_paint("PROBLEM", "error", options.color) + " " + visible(str(problem)))
    findings = report.worst_first()
    labels = [verdict_label(f) for f in findings]
    width = max(map(len, labels), default=0)
    for f, label in zip(findings, labels, strict=True):
        unexpected = f.unexpected
        mark = "!" if unexpected else " "
        lines.append(
            f"{mark} {_paint(label.ljust(width), f.verdict, options.color)}  "
            f"{visible(f.claim_id)}  {visible(f.file)}:{f.line}"
        )
        lines.extend(_wrapped(visible(f.message), "      "))
        if options.verbose or unexpected or f.verdict != "holds":
            lines.append(f"      quote: {shorten(visible(f.quote), 120)}")
        for w in f.warnings:
            lines.extend(_wrapped(visible(w), "      warning: ", "        "))
    extra = rate_lines(report.rates) + coverage_lines(report.coverage)
    if extra:
        lines.append("")
        lines.extend(extra)
    lines.append("")
    lines.append(summary_line(report))
    lines.append("")  # the final newline, without copying the whole report once more
    return "\n".join(lines)
