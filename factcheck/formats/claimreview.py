"""schema.org ClaimReview JSON-LD, one per evaluated claim, for publishing fact-checks.

Rating scale (documented, stable): 1 = "False" (contradicted), 2 = "Unproven"
(undetermined), 3 = "True" (holds); worstRating 1, bestRating 3. A claim whose
verdict is ``error`` could not be rated and is left out.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from factcheck.formats.escape import json_ld_document

if TYPE_CHECKING:
    from factcheck.formats import RenderOptions
    from factcheck.report.record import Finding, Report

SCALE: dict[str, tuple[int, str]] = {
    "contradicted": (1, "False"),
    "undetermined": (2, "Unproven"),
    "holds": (3, "True"),
}


def dumps_visible(data: Any) -> str:
    """JSON with every invisible or bidi character written as a ``\\uXXXX`` escape.

    The decoded data is unchanged; only the file shows such characters visibly (and
    is safe in a CI log and inside an HTML script element, see
    :func:`escape.json_ld_document`).
    """
    from factcheck.formats.json import dumps

    return _visible(dumps(data))


_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn"})


def _visible(text: str) -> str:
    """Encoded JSON with its invisible characters escaped, then made safe for a CI log and HTML.

    A line that ``str.isprintable`` accepts has none of them (printable excludes every
    one of these categories), so only the other lines are looked at character by
    character; most documents have no such line at all, which one scan of the text
    without its newlines tells.
    """
    if not text.replace("\n", "").isprintable():
        lines = text.split("\n")
        for n, line in enumerate(lines):
            if not line.isprintable():
                lines[n] = "".join(_visible_char(ch) for ch in line)
        text = "\n".join(lines)
    return json_ld_document(text)


def _visible_char(ch: str) -> str:
    if unicodedata.category(ch) not in _INVISIBLE:
        return ch
    return json.dumps(ch)[1:-1] if ord(ch) > 0xFFFF else f"\\u{ord(ch):04x}"


def _appearance(article: dict[str, Any] | None) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle"}
    if not article:
        return work
    if article.get("url"):
        work["url"] = str(article["url"])
    if article.get("title"):
        work["headline"] = str(article["title"])
    if article.get("published"):
        work["datePublished"] = str(article["published"])
    if article.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": str(article["publisher"])}
    return work


def _item(article: dict[str, Any] | None) -> dict[str, Any]:
    """The reviewed claim as it appeared: the article, its publisher and its day."""
    appearance = _appearance(article)
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if "publisher" in appearance:
        item["author"] = appearance["publisher"]
    if "datePublished" in appearance:
        item["datePublished"] = appearance["datePublished"]
    return item


def _rating(verdict: str) -> dict[str, Any]:
    value, name = SCALE[verdict]
    return {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
            "alternateName": name}


def _author(author: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": author}


def review(f: Finding, article: dict[str, Any] | None, author: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f.claim_id,
        "claimReviewed": f.quote,
        "reviewBody": f.message,
        "itemReviewed": _item(article),
        "reviewRating": _rating(f.verdict),
        "author": _author(author),
    }


def render(report: Report, options: RenderOptions) -> str:
    return "".join(_document(report, options))


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written a review at a time."""
    out.writelines(_document(report, options))


# Each review is a list item: its lines are indented one level more than dumps() writes
# them, which no string's content can change (a newline inside a string is ``\n``).
_ITEM = "\n  "
_FIELD = _ITEM + "  "


def _document(report: Report, options: RenderOptions) -> Iterator[str]:
    """The reviews as ``dumps_visible`` writes their list, one review per piece.

    A review is ``review()`` encoded: the parts that many reviews share (the article
    reviewed, the rating of each verdict, the author) are encoded once, and each
    review lays out its own three texts around them.
    """
    from factcheck.formats.json import dumps

    articles = {str(a.get("id", "")): a for a in report.articles}
    only = report.articles[0] if len(report.articles) == 1 else None
    items: dict[int, str] = {}  # by the id of an article dict (held by the report)
    tail = {verdict: (f"{_FIELD}\"reviewRating\": {dumps(_rating(verdict), _FIELD)},"
                      f"{_FIELD}\"author\": {dumps(_author(options.author), _FIELD)}{_ITEM}}}")
            for verdict in SCALE}
    separator = "[" + _ITEM
    for f in report.findings:
        if f.verdict in SCALE:
            article = articles.get(f.article_id, only)
            item = items.get(id(article))
            if item is None:
                item = items[id(article)] = dumps(_item(article), _FIELD)
            texts = [dumps(t, _FIELD) for t in (f.claim_id, f.quote, f.message)]
            yield separator + _visible(
                f'{{{_FIELD}"@context": "https://schema.org",{_FIELD}"@type": "ClaimReview",'
                f'{_FIELD}"identifier": {texts[0]},{_FIELD}"claimReviewed": {texts[1]},'
                f'{_FIELD}"reviewBody": {texts[2]},{_FIELD}"itemReviewed": {item},'
                + tail[f.verdict])
            separator = "," + _ITEM
    yield "[]\n" if separator[0] == "[" else "\n]\n"
