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
    one of these categories), so only the other lines are looked at character by character.
    """
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not line.isprintable():
            lines[n] = "".join(_visible_char(ch) for ch in line)
    return json_ld_document("\n".join(lines))


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


def review(f: Finding, article: dict[str, Any] | None, author: str) -> dict[str, Any]:
    value, name = SCALE[f.verdict]
    appearance = _appearance(article)
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if "publisher" in appearance:
        item["author"] = appearance["publisher"]
    if "datePublished" in appearance:
        item["datePublished"] = appearance["datePublished"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f.claim_id,
        "claimReviewed": f.quote,
        "reviewBody": f.message,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": name,
        },
        "author": {"@type": "Organization", "name": author},
    }


def render(report: Report, options: RenderOptions) -> str:
    return "".join(_document(report, options))


def write(report: Report, options: RenderOptions, out: TextIO) -> None:
    """What ``render`` returns, written a review at a time."""
    out.writelines(_document(report, options))


def _document(report: Report, options: RenderOptions) -> Iterator[str]:
    """The reviews as ``dumps_visible`` writes their list, one review per piece: the
    list's items are indented one level more, which no string's content can change
    (a newline inside a string is written ``\\n``)."""
    articles = {str(a.get("id", "")): a for a in report.articles}
    only = report.articles[0] if len(report.articles) == 1 else None
    separator = "[\n  "
    for f in report.findings:
        if f.verdict in SCALE:
            item = dumps_visible(review(f, articles.get(f.article_id, only), options.author))
            yield separator + item.replace("\n", "\n  ")
            separator = ",\n  "
    yield "[]\n" if separator[0] == "[" else "\n]\n"
