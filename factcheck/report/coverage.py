"""Coverage: which quantities in the article text some claim's quote covers, as JSON-ready data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from factcheck.errors import LimitError
from factcheck.quantity.rational import Fraction
from factcheck.report.anchoring import prepare
from factcheck.report.record import Problem

if TYPE_CHECKING:
    from factcheck.report.record import Finding

Extractor = Callable[[str], Iterable[Any]]


def percent(part: int, whole: int) -> str:
    """``part/whole`` as a percentage with one decimal, exactly rounded (half to even)."""
    if whole == 0:
        return "100.0"
    tenths = round(Fraction(1000 * part, whole))
    return f"{tenths // 10}.{tenths % 10}"


def _span(item: Any) -> tuple[int, int]:
    """Character span of one extracted quantity, whatever shape the extractor gives."""
    span = getattr(item, "span", None)
    if callable(span):
        span = span()
    if span is None and hasattr(item, "start") and hasattr(item, "end"):
        span = (item.start, item.end)
    if span is None and isinstance(item, tuple | list):
        span = tuple(v for v in item if isinstance(v, int) and not isinstance(v, bool))[:2]
    if not span or len(span) != 2:
        raise TypeError(f"cannot find the character span of extracted quantity {item!r}")
    start, end = span
    return int(start), int(end)


# Qualifiers written after the number (이상, 을 넘어, 미만): grammar around the quantity.
_TRAILING = frozenset({"at_least", "more_than", "at_most", "less_than"})


def bare_end(text: str, start: int, end: int, quantity: Any) -> int:
    """Where the number and its unit end, without a qualifier written after them:
    ``1600억 위안을 넘어`` is ``1600억 위안``. The shortest prefix, cut before a space or
    a particle, that reads as the same value in the same unit; else ``end``."""
    if quantity is None or quantity.qualifier not in _TRAILING:
        return end
    from factcheck.quantity.extraction import _PARTICLES
    from factcheck.quantity.grammar import extract_quantities

    for cut in range(start + 1, end):
        if text[cut - 1].isspace() or not (text[cut].isspace() or text[cut] in _PARTICLES):
            continue
        found = extract_quantities(text[start:cut])
        if (len(found) == 1 and found[0].start == 0 and found[0].end == cut - start
                and found[0].quantity.value == quantity.value
                and found[0].quantity.unit == quantity.unit):
            return cut
    return end


def _extracted(text: str) -> list[Any]:
    """The quantities of ``text``, found once per text, and bounded."""
    from factcheck import limits

    if text not in _EXTRACTED:
        from factcheck.quantity.grammar import extract_quantities

        _EXTRACTED.clear()  # the last text only: articles naming one text come together
        _EXTRACTED[text] = list(extract_quantities(text, limit=limits.MAX_TEXT_QUANTITIES))
    return _EXTRACTED[text]


_EXTRACTED: dict[str, list[Any]] = {}


def article_coverage(
    article_id: str,
    text_file: str,
    text: str,
    quotes: list[tuple[str, str]],
    extract: Extractor | None = None,
) -> dict[str, Any]:
    """Coverage of one article: ``quotes`` are (claim id, quote) pairs for this article.

    Raises LimitError for a text with more than ``limits.MAX_TEXT_QUANTITIES`` quantities.
    """
    prepared = prepare(text)
    spans = []
    for claim_id, quote in quotes:
        anchor = prepared.find(quote)
        if anchor is not None:
            spans.append((anchor.start, anchor.end, claim_id))
    items = []
    for item in _extracted(text) if extract is None else extract(text):
        start, end = _span(item)
        end = bare_end(text, start, end, getattr(item, "quantity", None))
        line, col = prepared.position(start)
        covered_by = sorted({cid for s, e, cid in spans if s <= start and end <= e})
        items.append({
            "text": text[start:end],
            "start": start,
            "end": end,
            "line": line,
            "col": col,
            "covered_by": covered_by,
        })
    items.sort(key=lambda i: (i["start"], i["end"]))
    covered = sum(1 for i in items if i["covered_by"])
    return {
        "article": article_id,
        "file": text_file,
        "quantities": len(items),
        "covered": covered,
        "percent": percent(covered, len(items)),
        "items": items,
    }


def compute_coverage(
    articles: list[dict[str, Any]],
    findings: list[Finding],
    extract: Extractor | None = None,
    problems: list[Problem] | None = None,
) -> dict[str, Any] | None:
    """Coverage over every article that has text, or None when none has.

    ``articles`` are the report's article entries ({"id", "text", "text_file"}); a
    finding counts for the article named by its ``article_id`` (or the only article).
    """
    with_text = [a for a in articles if isinstance(a.get("text"), str)]
    if not with_text:
        return None
    blocks = []
    for art in sorted(with_text, key=lambda a: str(a.get("id", ""))):
        aid = str(art.get("id", ""))
        quotes = [
            (f.claim_id, f.quote)
            for f in findings
            if f.article_id == aid or (not f.article_id and len(with_text) == 1)
        ]
        try:
            blocks.append(article_coverage(
                aid, str(art.get("text_file") or aid), art["text"], quotes, extract
            ))
        except LimitError as exc:
            if problems is None:
                raise
            problems.append(Problem(str(art.get("file") or aid), 0, 0, exc.code,
                                    f"coverage of {aid!r} not measured: {exc.describe()}"))
    total = sum(b["quantities"] for b in blocks)
    covered = sum(b["covered"] for b in blocks)
    return {
        "quantities": total,
        "covered": covered,
        "percent": percent(covered, total),
        "articles": blocks,
    }
