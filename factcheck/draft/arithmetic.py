"""The article's own arithmetic, drafted as compare claims over its own literals.

Sums (``A와 B를 합산하면 C``, ``a total of C``, ``合计``; parts named by a list of
names are the figures written after each name's latest mention), halves and
fractions (``Y의 절반``, ``half of Y``, ``Y的一半``, ``三分之一``), shares (``Y의 Z%``,
``Z% of Y``, ``占Y的Z%``), multiples (``Y의 N배``, ``N times Y``, ``Y的N倍``) and changes
(``X에서 Y로 Z% 증가``, ``from X to Y, up Z%``, ``从X增至Y，增长Z%``). A literal keeps its
qualifier, also one written after its conversion (``1000억 위안(...) 이상``); the
comparison follows from it (over half: ``>=``). A drafted expression that does not
evaluate is left out rather than written wrong.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from factcheck.draft.figures import Figure
from factcheck.draft.model import Drafted
from factcheck.draft.text import Spans
from factcheck.errors import FactcheckError


@dataclass(frozen=True)
class Lit:
    """A literal of the article: as the expression writes it, where it is, its unit."""

    text: str
    start: int
    end: int
    unit: str
    qualifier: str
    bare: str
    slug: str


class Context:
    """The article's figures, their qualifiers after conversions, and its sentences."""

    def __init__(self, text: str, figures: list[Figure], converted_end: dict[int, int],
                 stated_starts: set[int]) -> None:
        self.text = text
        self.sentences = Spans(text)
        self.figures = [f for f in figures if f.start not in stated_starts]
        self.starts = [f.start for f in self.figures]
        self.converted_end = converted_end

    def lit(self, fig: Figure) -> Lit:
        end = self.converted_end.get(fig.start, fig.end)
        literal = fig.literal(self.text[end:end + 12])
        return Lit(literal, fig.start, fig.end, fig.unit, fig.qualifier, fig.bare, fig.slug())

    def lits(self, lo: int, hi: int) -> list[Lit]:
        """The literals in ``text[lo:hi]``, with "from A to B" ranges split in two."""
        out = []
        for fig in self.figures[bisect.bisect_left(self.starts, lo):]:
            if fig.start >= hi:
                break
            if fig.end <= hi:
                out.extend(_split_range(fig) if fig.qualifier == "range" else [self.lit(fig)])
        return out


_TO = re.compile(r"\s+to\s+|에서\s*|\s*至\s*|\s*到\s*")


def _split_range(fig: Figure) -> list[Lit]:
    """``100 billion yuan to 120 billion yuan`` read as a range: two literals."""
    from factcheck.quantity.grammar import parse_quantity

    parts = _TO.split(fig.text, maxsplit=1)
    if len(parts) != 2:
        return []
    out = []
    offset = fig.start
    for part in parts:
        at = fig.text.find(part, offset - fig.start)
        try:
            q = parse_quantity(part)
        except FactcheckError:
            return []
        out.append(Lit(part, fig.start + at, fig.start + at + len(part), str(q.unit_name),
                       str(q.qualifier), part, ""))
        offset = fig.start + at + len(part)
    return out


def _op(lit: Lit, default: str = "==") -> str:
    return {"more_than": ">=", "at_least": ">=", "less_than": "<=", "at_most": "<="}.get(
        lit.qualifier, default)


def _total_op(total: Lit) -> tuple[str, str]:
    """The comparison a total's qualifier makes, and the total as it is then written."""
    ops = {"more_than": ">", "at_least": ">=", "less_than": "<", "at_most": "<="}
    if total.qualifier in ops:
        return ops[total.qualifier], total.bare
    return "==", total.text


_SUM = re.compile(r"합산|합계|합치면|더하면|총합|combined|in total|a total of|together|"
                  r"totall?(?:ing|ed)|合计|共计|总计|加起来|合起来", re.IGNORECASE)
_TOTAL_FIRST = re.compile(r"a total of|totall?ed|合计|共计|总计", re.IGNORECASE)
_NAMES = re.compile(
    r"(?P<list>[^\s,，、·]+(?:(?:\s*[,，、·]\s*|(?<=[와과])\s+|\s+(?:및|and)\s+|和)"
    r"[^\s,，、·]+)+)"
)
_NAME_PARTICLE = re.compile(r"(?:와|과|의|을|를|은|는|만|및)$")


def _sums(ctx: Context, lo: int, hi: int) -> Iterator[Drafted]:
    text = ctx.text
    marker = _SUM.search(text, lo, hi)
    if marker is None:
        return
    lits = [x for x in ctx.lits(lo, hi) if x.unit not in ("percent", "dimensionless")]
    if not lits:
        return
    if _TOTAL_FIRST.match(marker.group(0)):
        after = [x for x in lits if x.start >= marker.end()]
        if not after:
            return
        total = after[0]
        parts = [x for x in lits if x is not total and x.unit == total.unit]
    else:  # A와 B를 합산하면 C, A and B, totaling C: the total is the figure after the word
        after = [x for x in lits if x.start >= marker.end()]
        total = after[0] if after else lits[-1]
        parts = [x for x in lits if x.start < total.start and x.unit == total.unit]
    if len(parts) < 2:
        parts = _named_parts(ctx, lo, marker.start(), total)
    if len(parts) < 2:
        return
    op, right = _total_op(total)
    expr = " + ".join(p.text for p in parts) + f" {op} {right}"
    yield _claim(ctx, "compare", lo, hi, expr, f"sum-{total.slug}",
                 f"the parts add up to the total the sentence gives: {expr}", parts + [total])


def _named_parts(ctx: Context, lo: int, marker: int, total: Lit) -> list[Lit]:
    """The figures of a list of names (상하이, 베이징과 우한의 ... 합산): for each name,
    the first figure in the total's unit after its latest mention before the sentence."""
    # Only the words just before the marker: a run of text with no separator makes the
    # pattern quadratic in its length (Chinese writes no spaces).
    lists = list(_NAMES.finditer(ctx.text, max(lo, marker - 300), marker))
    if not lists:
        return []
    found = lists[-1]  # the list nearest the word that sums it
    names = [n for n in re.split(r"\s*[,，、·]\s*|(?<=[와과])\s+|\s+(?:및|and)\s+|和",
                                 found["list"]) if n]
    names = [n.split()[-1] for n in names]
    parts = []
    for name in names:
        lit = _figure_after_mention(ctx, _NAME_PARTICLE.sub("", name) or name, lo, total.unit)
        if lit is None:
            return []
        parts.append(lit)
    return parts


# How far back a name's mention is looked for: an article's earlier paragraphs, not
# the whole of a long text (which would make drafting quadratic in its length).
MENTION_WINDOW = 5000


def _figure_after_mention(ctx: Context, name: str, before: int, unit: str) -> Lit | None:
    mention = ctx.text.rfind(name, max(0, before - MENTION_WINDOW), before)
    if mention < 0:
        return None
    for fig in ctx.figures[bisect.bisect_right(ctx.starts, mention):]:
        if fig.start >= before:
            break
        if fig.unit == unit and fig.qualifier != "range":
            return ctx.lit(fig)
    return None


_FRACTION = re.compile(
    r"^\s*(?:의|的|[，,]\s*其中)?\s*(?P<half>절반|一半|半)|"
    r"^\s*(?:의|的|[，,]\s*其中)?\s*(?P<first>\d+|[一二三四五六七八九十])\s*"
    r"(?:분의|分之)\s*(?P<second>\d+|[一二三四五六七八九十])"
)
_HALF_OF = re.compile(r"\b(?P<word>half|a third|one[- ]third|a quarter|one[- ]quarter|"
                      r"two[- ]thirds|three[- ]quarters)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_CN_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九十")}
_EN_FRACTION = {"half": "50%", "a third": "1/3", "one-third": "1/3", "one third": "1/3",
                "a quarter": "25%", "one-quarter": "25%", "one quarter": "25%",
                "two-thirds": "2/3", "two thirds": "2/3", "three-quarters": "75%",
                "three quarters": "75%"}


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _CN_DIGIT[token]


def _fractions(ctx: Context, lo: int, hi: int) -> Iterator[Drafted]:
    lits = [x for x in ctx.lits(lo, hi) if x.unit != "percent"]
    for whole in lits:
        after = ctx.text[whole.end:whole.end + 12]
        m = _FRACTION.match(after)
        share, word = None, ""
        if m and m["half"]:
            share, word = "50%", "half"
        elif m:  # 3분의 1, 三分之一: the denominator is written first
            share, word = f"{_number(m['second'])}/{_number(m['first'])}", "fraction"
        else:
            e = _HALF_OF.search(ctx.text, max(lo, whole.start - 20), whole.start)
            if e:
                key = " ".join(e["word"].lower().split())
                share, word = _EN_FRACTION.get(key), "half" if key == "half" else "fraction"
        if share is None:
            continue
        part = _nearest(lits, whole)
        if part is None:
            continue
        op = _op(part, "==" if share.endswith("%") else "≈")
        expr = f"{part.text} / {whole.bare} {op} {share}"
        yield _claim(ctx, "compare", lo, hi, expr, f"{word}-of-{whole.slug}",
                     f"the part is the share of the whole the sentence says: {expr}",
                     [part, whole])


def _nearest(lits: list[Lit], whole: Lit) -> Lit | None:
    same = [x for x in lits if x is not whole and x.unit == whole.unit]
    if not same:
        return None
    return min(same, key=lambda x: (abs(x.start - whole.start), x.start))


_SHARE_KO_ZH = re.compile(r"^\s*(?:의|的)\s*$")
_SHARE_EN = re.compile(r"^\s*of\s+(?:the\s+)?$", re.IGNORECASE)


def _shares(ctx: Context, lo: int, hi: int) -> Iterator[Drafted]:
    lits = ctx.lits(lo, hi)
    for i, pct in enumerate(lits):
        if pct.unit != "percent" or pct.qualifier == "range":
            continue
        whole = None
        if i > 0 and _SHARE_KO_ZH.match(ctx.text[lits[i - 1].end:pct.start]):
            whole = lits[i - 1]  # Y의 Z%, Y的Z%
        elif i + 1 < len(lits) and _SHARE_EN.match(ctx.text[pct.end:lits[i + 1].start]):
            whole = lits[i + 1]  # Z% of Y
        if whole is None or whole.unit == "percent":
            continue
        part = _nearest([x for x in lits if x is not pct], whole)
        if part is None:
            continue
        expr = f"{part.text} / {whole.bare} == {pct.text}"
        yield _claim(ctx, "compare", lo, hi, expr, f"share-{pct.slug}-of-{whole.slug}",
                     f"the part is the stated share of the whole: {expr}", [part, whole, pct])


_TIMES = re.compile(r"^\s*(?:의|的)\s*(?P<n>\d+(?:\.\d+)?)\s*(?:배|倍)")
_TIMES_EN = re.compile(r"\b(?P<n>\d+(?:\.\d+)?|two|three|four|five|ten)\s+times\s+"
                       r"(?:(?:as\s+\w+\s+as|more\s+than|the\s+size\s+of)\s+)?(?:the\s+)?$",
                       re.IGNORECASE)
_EN_NUMBER = {"two": "2", "three": "3", "four": "4", "five": "5", "ten": "10"}


def _multiples(ctx: Context, lo: int, hi: int) -> Iterator[Drafted]:
    lits = [x for x in ctx.lits(lo, hi) if x.unit != "percent"]
    for whole in lits:
        m = _TIMES.match(ctx.text[whole.end:whole.end + 12])
        e = None if m else _TIMES_EN.search(ctx.text, max(lo, whole.start - 40), whole.start)
        found = m or e
        if found is None:
            continue
        n = _EN_NUMBER.get(found["n"].lower(), found["n"])
        part = _nearest(lits, whole)
        if part is None:
            continue
        expr = f"{part.text} / {whole.bare} {_op(part)} {n}"
        yield _claim(ctx, "compare", lo, hi, expr, f"{n}-times-{whole.slug}",
                     f"the figure is the stated multiple of the other: {expr}", [part, whole])


_UP = re.compile(r"증가|늘|성장|상승|확대|up|rose|rise|increase|grew|growth|jump|增长|增加|"
                 r"上升|提高|增至|升至", re.IGNORECASE)
_DOWN = re.compile(r"감소|줄|하락|축소|down|fell|fall|drop|decline|decrease|下降|减少|降至|"
                   r"下滑", re.IGNORECASE)


def _changes(ctx: Context, lo: int, hi: int) -> Iterator[Drafted]:
    lits = ctx.lits(lo, hi)
    amounts = [x for x in lits if x.unit != "percent"]
    pcts = [x for x in lits if x.unit == "percent" and x.qualifier != "range"]
    if len(amounts) < 2 or not pcts:
        return
    for a, b in zip(amounts, amounts[1:], strict=False):
        between = ctx.text[a.end:b.start]
        before = ctx.text[max(lo, a.start - 6):a.start]
        if a.unit != b.unit or not (re.search(r"에서|from|从|由", before + between)):
            continue
        pct = next((p for p in pcts if p.start > b.end), None) or next(
            (p for p in pcts if p.end < a.start), None)
        if pct is None:
            continue
        words = ctx.text[min(a.start, pct.start):max(b.end, pct.end) + 8]
        if _DOWN.search(words):
            expr = f"({a.bare} - {b.bare}) / {a.bare} == {pct.text}"
        elif _UP.search(words):
            expr = f"({b.bare} - {a.bare}) / {a.bare} == {pct.text}"
        else:
            continue
        yield _claim(ctx, "compare", lo, hi, expr, f"change-{pct.slug}",
                     f"the change between the two figures is the stated percentage: {expr}",
                     [a, b, pct])
        return


_FINDERS: tuple[Callable[[Context, int, int], Iterator[Drafted]], ...] = (
    _sums, _fractions, _shares, _multiples, _changes)


def find_arithmetic(ctx: Context) -> list[Drafted]:
    out = []
    for lo, hi in ctx.sentences.all():
        for finder in _FINDERS:
            for claim in finder(ctx, lo, hi):
                if _evaluates(str(dict(claim.fields)["expr"])):
                    out.append(claim)
    return out


def _claim(ctx: Context, kind: str, lo: int, hi: int, expr: str, name: str, comment: str,
           used: list[Lit]) -> Drafted:
    return Drafted(kind=kind, quote=ctx.text[lo:hi], start=lo, end=hi,
                   fields=[("expr", expr)], comment=comment, name=name,
                   covers=[(x.start, x.end) for x in used])


def _evaluates(expr: str) -> bool:
    """The drafted expression reads and evaluates (units agree): else it is left out."""
    from factcheck.expr.decide import decide
    from factcheck.expr.syntax import parse_comparison

    try:
        decide(parse_comparison(expr, ()), {}, expr)
    except (FactcheckError, ArithmeticError):
        return False
    return True
