"""The terminal report: what needs attention first, one line per other claim, rates, totals.

Every piece of text from input goes through :func:`factcheck.formats.escape.terminal`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.formats import joined
from factcheck.formats.escape import terminal
from factcheck.quantity.rational import Fraction
from factcheck.report.record import is_unexpected, order_key, rate_block_key

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

_COLORS = {"error": "31;1", "contradicted": "31", "undetermined": "33", "holds": "32"}
_LABELS = {"error": "ERROR", "contradicted": "CONTRADICTED", "undetermined": "UNDETERMINED",
           "holds": "holds", "todo": "to write"}


def _t(value: object) -> str:
    """Any value from the report (a merged one is input too) as terminal-safe text."""
    text = value if type(value) is str else str(value)
    if text.isprintable() and ":" not in text and "##[" not in text:
        return text  # what terminal() returns unchanged, without its two passes
    return terminal(text)


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
    return _label(finding.verdict, finding.expect)


def _label(verdict: str, expect: str) -> str:
    label = _LABELS.get(verdict, verdict.upper())
    return f"{label} (expected {expect})" if is_unexpected(verdict, expect) else label


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def totals(report: Report) -> list[tuple[str, str]]:
    """The totals, worst first, each with the verdict whose colour it takes."""
    s = report.summary()
    warned = report.warned_holds()
    parts = [(f"{s['unexpected']} unexpected", "error" if s["unexpected"] else "holds")]
    if s["error"]:
        parts.append((_plural(s["error"], "error"), "error"))
    parts.append((f"{s['contradicted']} contradicted", "contradicted"))
    parts.append((f"{s['undetermined']} undetermined", "undetermined"))
    parts.append((f"{s['holds']} hold" + (f" ({warned} with warnings)" if warned else ""),
                  "holds"))
    if s.get("todo"):
        parts.append((f"{s['todo']} to write", "todo"))
    if report.problems:
        parts.append((_plural(len(report.problems), "input problem"), "error"))
    return parts


def summary_line(report: Report, color: bool = False,
                 parts: list[tuple[str, str]] | None = None) -> str:
    """``58 claims: 0 unexpected, 5 contradicted, 8 undetermined, 45 hold (23 with warnings)``
    (``parts``: the report's :func:`totals`, when the caller has them already)."""
    body = ", ".join(_paint(text, verdict, color) for text, verdict in parts or totals(report))
    return f"{report.claim_count()} claims: {body}"


def coverage_lines(coverage: dict[str, Any] | None, width: int = 100) -> list[str]:
    """One line when every quantity is covered; else the ones no claim covers."""
    if not coverage:
        return []
    total, covered = _t(coverage.get("quantities", 0)), _t(coverage.get("covered", 0))
    if covered == total:
        return wrap(f"Coverage: all {total} quantities in the article text are covered by a "
                    "claim.", width, "", "  ")
    lines = wrap(
        f"Coverage: {covered} of {total} quantities in the article text covered by a claim "
        f"({_t(coverage.get('percent', '0'))}%)", width, "", "  ")
    for art in coverage.get("articles", []):
        missing = [i for i in art.get("items", []) if not i.get("covered_by")]
        for item in missing:
            lines.append(fit(
                f"  not covered: {_t(str(art.get('file', '')))}:{_t(item.get('line'))}:"
                f"{_t(item.get('col'))}: {_t(str(item.get('text', '')))}", width))
    return lines


RATE_WIDTH = 80  # the rate table fits an 80-column terminal whatever the report's width


def rate_lines(rates: list[dict[str, Any]], width: int = RATE_WIDTH) -> list[str]:
    """Each rate block as a table of its clusters, no wider than ``RATE_WIDTH``."""
    if not rates:
        return []  # and nothing of the rates package is imported
    from factcheck.rates.numbers import report_number as _n
    from factcheck.rates.numbers import report_percent

    width = min(width, RATE_WIDTH)
    lines: list[str] = []
    columns = fit(f"  {'#':>2}  {'rate':<9} {'interval':<21} {'deviation':<9}  "
                  f"{'nearest day':<19} claims", width)
    percents: dict[tuple[str, bool], str] = {}  # the same deviations recur across blocks

    def _num(value: object) -> str:
        # A number's text is digits, sign, point and exponent: nothing to escape.
        shown = _n(value)
        return shown if type(value) is float or type(value) is int else _t(shown)

    def _pct(value: object, signed: bool = True) -> str:
        key = (str(value), signed)
        shown = percents.get(key)
        if shown is None:
            shown = percents[key] = report_percent(key[0], signed=signed)
        return shown

    for block in rates:
        ref = block.get("reference") or {}
        source = _t(str(ref.get("source", "?")))
        source = "ECB" if source.startswith("ECB ") else source
        lines.extend(wrap(
            f"Rates {_t(str(block.get('from', '?')))}->{_t(str(block.get('to', '?')))}: "
            f"reference {_num(ref.get('rate', '?'))} ({source}, {_t(ref.get('date', '?'))}); "
            f"spread {_pct(block.get('spread_pct', '?'), signed=False)}", width, "", "  "))
        lines.append(columns)
        for i, cl in enumerate(block.get("clusters", []), 1):
            near = cl.get("nearest_reference") or {}
            claims = [_t(str(c)) for c in cl.get("claims", [])]
            interval = f"{_num(cl.get('low', '?'))}-{_num(cl.get('high', '?'))}"
            nearest = f"{_t(near.get('date', '?'))} {_num(near.get('rate', '?'))}"
            lines.append(fit(
                f"  {i:>2}  {_num(cl.get('rate', '?')):<9} {interval:<21} "
                f"{_pct(cl.get('deviation_pct', '?')):<9}  {nearest:<19} {len(claims)}", width))
            lines.extend(wrap(", ".join(claims), width, "      ", "      "))
    return lines


def _paint(text: str, verdict: str, color: bool) -> str:
    if not color:
        return text
    return f"\x1b[{_COLORS.get(verdict, '0')}m{text}\x1b[0m"


WRAP = 100  # the width when the output is not a terminal, so that files are the same everywhere


def width_of(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))


class _Widths(dict[str, int]):
    """Each character's columns, looked up once: a report of 100,000 claims measures
    eight million characters of a few thousand kinds (bounded: past 65,536 kinds,
    the rest are looked up every time)."""

    def __missing__(self, ch: str) -> int:
        width = (2 if unicodedata.east_asian_width(ch) in "WF" else
                 0 if unicodedata.combining(ch) else 1)
        if len(self) < 65_536:
            self[ch] = width
        return width


_WIDTHS = _Widths()


def _fits(text: str, width: int) -> bool:
    """Whether ``text`` takes at most ``width`` columns. A character takes at most as
    many columns as its UTF-8 bytes (two for any outside ASCII), so most lines are
    settled by their encoded length without looking at each character."""
    return len(text.encode("utf-8", "surrogatepass")) <= width or width_of(text) <= width


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with an ellipsis when cut."""
    if _fits(text, width):
        return text
    out, used = [], 0
    for ch in text:
        w = width_of(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


_NUMBER_CHAR = frozenset("0123456789.,")


def _pieces(word: str, room: int) -> list[str]:
    """A word wider than a line, cut to lines of ``room`` columns, never between digits."""
    pieces: list[str] = []
    while width_of(word) > room:
        used, cut = 0, 0
        for k, ch in enumerate(word):
            used += width_of(ch)
            if used > room:
                break
            cut = k + 1
        back = cut
        while back > 1 and word[back - 1] in _NUMBER_CHAR and word[back] in _NUMBER_CHAR:
            back -= 1
        cut = back if back > 1 else max(cut, 1)
        pieces.append(word[:cut])
        word = word[cut:]
    return pieces + [word] if word else pieces


def wrap(text: str, width: int, first: str, rest: str | None = None,
         *, whole: bool = False) -> list[str]:
    """``text`` filled into lines of at most ``width`` columns, broken at spaces.

    A word wider than a line is cut, unless ``whole``: a message that starts with a
    ``file:line:col`` keeps it in one piece, for editors and terminals that follow it.
    """
    rest = first if rest is None else rest
    words = " ".join(text.split())
    if words and _fits(first + words, width):
        return [first + words]  # what _fill makes of a text that fits one line
    return _fill(words, width, first, rest, whole)


def _fill(words: str, width: int, first: str, rest: str, whole: bool) -> list[str]:
    """Words (separated by single spaces) filled into lines, as :func:`wrap` says."""
    lines: list[str] = []
    indent, line, used = first, "", width_of(first)
    for word in words.split(" "):
        if not word:
            continue
        w = width_of(word)
        if line and used + 1 + w <= width:
            line, used = f"{line} {word}", used + 1 + w
            continue
        if line:
            lines.append(indent + line)
            indent = rest
        used = width_of(indent)
        while used + w > width and not whole and len(word) > 1:
            part = _pieces(word, max(width - used, 1))[0]
            lines.append(indent + part)
            indent, word = rest, word[len(part):]
            used, w = width_of(rest), width_of(word)
        line, used = word, used + w
    lines.append((indent + line).rstrip() if line else indent.rstrip())
    return lines


def _needs_attention(f: Finding) -> bool:
    """Shown as a block by default: what someone must read (holds with warnings are
    listed first among the others, one line each)."""
    return f.verdict in ("error", "contradicted", "undetermined") or f.unexpected


# Lines of the reviewer's note in the default report (-v shows all of it): two for what
# is wrong, one for what the data cannot decide, so that the seed's fit one screen.
NOTE_LINES = {"undetermined": 1}


def _quote_lines(f: Finding, width: int, data: str) -> list[str]:
    """The quote, with a caret under the figure the article wrote and what the data says
    after it (as ruff shows a span and its message)."""
    quote = " ".join(_t(f.quote).split())
    said = " ".join(_t(f.said).split())
    # a figure that is the whole quote (a claim on facts alone) has nothing to point at
    at = quote.find(said) if said and said != quote else -1
    room = width - 6
    if at >= 0 and width_of(quote) > room:
        # Keep the figure in view: cut the quote before it.
        start = at
        while start > 0 and width_of(quote[start - 1 : at + len(said)]) < room // 2:
            start -= 1
        quote = ("…" if start else "") + quote[start:]
        at = at - start + (1 if start else 0)
    shown = fit(quote, room)
    lines = [f"    | {shown}"]
    if at < 0 and data and width_of(lines[0]) + 4 + width_of(data) <= width:
        return [f"{lines[0]}  ~ {data}"]
    if at >= 0 and at + len(said) <= len(shown):
        carets = f"    | {' ' * width_of(shown[:at])}{'^' * max(width_of(said), 1)}"
        if data and width_of(carets) + 1 + width_of(data) <= width:
            return lines + [f"{carets} {data}"]
        lines.append(carets)
    if data:
        lines.extend(wrap(data, width, "    ", "      "))
    return lines


def _data(f: Finding, verbose: bool) -> str:
    if not f.said:
        return ""
    data = (f"the data says {_t(f.data_says)}" if not verbose else
            f"the article says {_t(f.said)}; the data says {_t(f.data_says)}")
    if f.difference:
        data += f": {_t(f.difference)}"
    if f.difference_pct:
        data += f" ({_t(f.difference_pct)})"
    return data


def _block(f: Finding, options: RenderOptions, width: int) -> list[str]:
    mark = "!" if f.unexpected or f.verdict == "error" else " "
    where = f"{_t(f.file)}:{f.line}"
    label = verdict_label(f)
    head = fit(f"{mark} {label}  {_t(f.claim_id)}  {where}", width)
    lines = [head.replace(label, _paint(label, f.verdict, options.color), 1)]
    if f.note:
        note = wrap(_t(f.note), width, "    note: ", "      ")
        keep = NOTE_LINES.get(f.verdict, 2) if not f.unexpected else 2
        if not options.verbose and len(note) > keep:
            note = note[: keep - 1] + [fit(note[keep - 1] + " …", width)]
        lines.extend(note)
    lines.extend(_quote_lines(f, width, _data(f, options.verbose)))
    if options.verbose and f.sources:
        named = ", ".join(_t(t or i) + (f" <{_t(u)}>" if u else "")
                          for i, t, u in f.sources)
        lines.extend(wrap("sources: " + named, width, "    ", "      "))
    if options.verbose or not f.said:
        lines.extend(wrap(_t(f.message), width, "    why: ", "      ", whole=True))
    if options.verbose:
        for w in f.warnings:
            lines.extend(wrap(_t(w), width, "    warning: ", "      "))
    return lines


def _one_lines(findings: list[Finding], width: int) -> Iterator[str]:
    """One line per finding: verdict, id, warnings, place, what the article says."""
    labels = {verdict: f"  {label:<9} " for verdict, label in _LABELS.items()}
    file, where = None, ""
    for f in findings:
        if f.file != file:  # a file's findings come together: its name escaped once
            file, where = f.file, f"  {_t(f.file)}:"
        label = labels.get(f.verdict) or f"  {f.verdict:<9} "
        warned = f" ({_plural(len(f.warnings), 'warning')})" if f.warnings else ""
        said = f"  {_t(f.said)}" if f.said else ""
        yield fit(f"{label}{_t(f.claim_id)}{warned}{where}{f.line}{said}", width)


def render(report: Report, options: RenderOptions) -> str:
    return "".join(joined(_lines(report, options)))


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written some hundreds of lines at a time."""
    batch: list[str] = []
    separator = ""
    for line in _lines(report, options):
        batch.append(line)
        if len(batch) == 512:
            out.write(separator + "\n".join(batch))
            separator, batch = "\n", []
    if batch:
        out.write(separator + "\n".join(batch))


def _lines(report: Report, options: RenderOptions) -> Iterator[str]:
    width = max(options.width, 40)
    for problem in report.problems:
        # One line each, like a compiler's errors: grep and editors read them whole.
        yield _paint("PROBLEM", "error", options.color) + " " + _t(problem)
    if not options.quiet:
        views = report.file_views() if width == WRAP and not options.verbose else None
        blocks, count, others, rates = (_sections(report, options, width) if views is None
                                        else _view_sections(views, options.color))
        for block in blocks:
            yield from block
        if count:
            yield ""
        if count and not options.verbose:
            yield from wrap("(-v shows every claim in full: notes, sources, warnings, "
                            "reasons)", width, "")
            yield ""
        if others[0]:
            yield f"The other {_plural(others[0], 'claim')}:"
            yield from others[1]
            yield ""
        extra = rates + coverage_lines(report.coverage, width)
        if extra:
            yield from extra
            yield ""
    parts = totals(report)  # one pass over the findings for both lines below
    plain = summary_line(report, parts=parts)
    yield from ([summary_line(report, options.color, parts)] if width_of(plain) <= width
                else wrap(plain, width, "", "  "))
    yield ""  # the final newline


# What the claims section shows: the blocks (each a list of lines, worst first) and how
# many; how many other claims, and their lines; the rate table's lines.
_Sections = tuple[Iterable[list[str]], int, tuple[int, Iterable[str]], list[str]]


def _sections(report: Report, options: RenderOptions, width: int) -> _Sections:
    """The claims section from the findings."""
    # One pass sorts the findings into those shown as blocks, holds with warnings and
    # the rest (each in file order); only the blocks are sorted, worst first.
    attention: list[Finding] = []
    warned: list[Finding] = []
    rest: list[Finding] = []
    for f in report.findings:
        (attention if options.verbose or _needs_attention(f) else
         warned if f.warnings else rest).append(f)
    shown = sorted(attention, key=lambda f: f.sort_key())
    others = itertools.chain(_one_lines(warned, width), _one_lines(rest, width))
    return ((_block(f, options, width) for f in shown), len(shown),
            (len(warned) + len(rest), others), rate_lines(report.rates, width))


def file_view(findings: Iterable[Finding], rates: list[dict[str, Any]]) -> dict[str, Any]:
    """One file's part of the default text report (width WRAP, no colour, not verbose),
    laid out as :func:`_sections` lays it out: its blocks, each with what sorts it
    among every file's (verdict, expected verdict, line, claim id), its other claims'
    lines (holds with warnings, the rest), and its rate blocks' lines, each with what
    sorts it among every file's (article, from, to). Lines hold nothing of other files,
    so a report's lines are its files' lines, the blocks and rate blocks sorted."""
    from factcheck.formats import RenderOptions

    plain = RenderOptions()
    blocks: list[list[Any]] = []
    warned: list[Finding] = []
    rest: list[Finding] = []
    for f in findings:
        if _needs_attention(f):
            blocks.append([f.verdict, f.expect, f.line, f.claim_id, _block(f, plain, WRAP)])
        else:
            (warned if f.warnings else rest).append(f)
    return {"blocks": blocks, "warned": list(_one_lines(warned, WRAP)),
            "rest": list(_one_lines(rest, WRAP)),
            "rates": [[*rate_block_key(b), rate_lines([b], WRAP)] for b in rates]}


def _view_sections(views: list[tuple[str, dict[str, Any]]], color: bool) -> _Sections:
    """The claims section from each file's :func:`file_view`, in file order."""
    # Finding.sort_key, then the place in the report: the order a stable sort of the
    # findings in file order gives (a run's claim ids are unique, so it never decides).
    blocks = sorted(
        (order_key(verdict, expect, file, line, claim_id), n, k, verdict, expect, lines)
        for n, (file, view) in enumerate(views)
        for k, (verdict, expect, line, claim_id, lines) in enumerate(view["blocks"]))
    warned = [line for _, view in views for line in view["warned"]]
    rest = [line for _, view in views for line in view["rest"]]
    # Sorted as finish_report sorts the rate blocks: by (article, from, to), stable.
    rates = sorted(((article, source, target), n, k, lines)
                   for n, (_, view) in enumerate(views)
                   for k, (article, source, target, lines) in enumerate(view["rates"]))
    return ((_painted(lines, verdict, expect, color)
             for _, _, _, verdict, expect, lines in blocks),
            len(blocks), (len(warned) + len(rest), itertools.chain(warned, rest)),
            [line for _, _, _, lines in rates for line in lines])


def _painted(lines: list[str], verdict: str, expect: str, color: bool) -> list[str]:
    """A block's lines with its label coloured, as :func:`_block` colours it."""
    if not color:
        return lines
    label = _label(verdict, expect)
    return [lines[0].replace(label, _paint(label, verdict, True), 1), *lines[1:]]
