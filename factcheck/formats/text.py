"""The terminal report: one line per claim, worst first, then rates, coverage and a summary.

Every piece of text from input goes through :func:`factcheck.formats.escape.terminal`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from factcheck.formats.escape import terminal
from factcheck.quantity.rational import Fraction

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

_COLORS = {"error": "31;1", "contradicted": "31", "undetermined": "33", "holds": "32"}
_LABELS = {"error": "ERROR", "contradicted": "CONTRADICTED", "undetermined": "UNDETERMINED",
           "holds": "holds", "todo": "to write"}


def _t(value: object) -> str:
    """Any value from the report (a merged one is input too) as terminal-safe text."""
    return terminal(str(value))


def shorten(text: str, width: int) -> str:
    """One line, at most ``width`` characters, with an ellipsis when cut."""
    text = " ".join(terminal(text).split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


_FRACTION = re.compile(r"^(-?\d+)/(\d+)$")
_LONG = re.compile(r"^(-?)(\d{5,})(\.\d+)?$")
_MAX_SHOWN_DIGITS = 200


def show_number(text: str, digits: int = 8) -> str:
    """An exact number string as people read it: ``1284550000/77881`` becomes ``16493.6``.

    Only for display: the record keeps the exact value.
    """
    if len(text) > _MAX_SHOWN_DIGITS:
        return text  # not a number factcheck writes (a merged report is input): as is
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
        f"Coverage: {_t(coverage.get('covered', 0))} of {_t(coverage.get('quantities', 0))} "
        f"quantities in the article text covered by a claim "
        f"({_t(coverage.get('percent', '0'))}%)"
    ]
    for art in coverage.get("articles", []):
        missing = [i for i in art.get("items", []) if not i.get("covered_by")]
        lines.append(
            f"  {_t(art.get('article', ''))}: {_t(art.get('covered', 0))}/"
            f"{_t(art.get('quantities', 0))} ({_t(art.get('percent', '0'))}%)"
        )
        for item in missing:
            lines.append(
                f"    not covered: {_t(art.get('file', ''))}:{_t(item.get('line'))}:"
                f"{_t(item.get('col'))}: {shorten(str(item.get('text', '')), 60)}"
            )
    return lines


def rate_lines(rates: list[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for block in rates:
        ref = block.get("reference") or {}
        lines.append(
            f"Rates {_t(block.get('from', '?'))}->{_t(block.get('to', '?'))}: "
            f"reference {_t(ref.get('rate', '?'))} ({_t(ref.get('source', '?'))}, "
            f"{_t(ref.get('date', '?'))}); spread {_t(block.get('spread_pct', '?'))}%"
        )
        for i, cl in enumerate(block.get("clusters", []), 1):
            near = cl.get("nearest_reference") or {}
            claims = ", ".join(_t(c) for c in cl.get("claims", []))
            lines.append(
                f"  cluster {i}: rate {_t(cl.get('rate', '?'))} in [{_t(cl.get('low', '?'))}, "
                f"{_t(cl.get('high', '?'))}], deviation {_t(cl.get('deviation_pct', '?'))}%, "
                f"nearest reference {_t(near.get('date', '?'))} ({_t(near.get('rate', '?'))}): "
                f"{claims}"
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
    # "words separated by single spaces" (for printable text, which terminal() makes).
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
        lines.append(_paint("PROBLEM", "error", options.color) + " " + terminal(str(problem)))
    findings = report.worst_first()
    labels = [verdict_label(f) for f in findings]
    width = max(map(len, labels), default=0)
    for f, label in zip(findings, labels, strict=True):
        unexpected = f.unexpected
        mark = "!" if unexpected else " "
        lines.append(
            f"{mark} {_paint(label.ljust(width), f.verdict, options.color)}  "
            f"{terminal(f.claim_id)}  {terminal(f.file)}:{f.line}"
        )
        lines.extend(_wrapped(terminal(f.message), "      "))
        if options.verbose or unexpected or f.verdict != "holds":
            lines.append(f"      quote: {shorten(f.quote, 120)}")
        for w in f.warnings:
            lines.extend(_wrapped(terminal(w), "      warning: ", "        "))
    extra = rate_lines(report.rates) + coverage_lines(report.coverage)
    if extra:
        lines.append("")
        lines.extend(extra)
    lines.append("")
    lines.append(summary_line(report))
    lines.append("")  # the final newline, without copying the whole report once more
    return "\n".join(lines)
