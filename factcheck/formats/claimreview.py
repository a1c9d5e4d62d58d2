"""schema.org ClaimReview JSON-LD, one per evaluated claim, for publishing fact-checks.

Rating scale (documented, stable): 1 = "False" (contradicted), 2 = "Unproven"
(undetermined), 3 = "True" (holds); worstRating 1, bestRating 3. A claim whose
verdict is ``error`` could not be rated and is left out.
"""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING, Any

from factcheck.formats.escape import json_document

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
    is safe in a CI log, see :func:`escape.json_document`).
    """
    text = json.dumps(data, ensure_ascii=False, indent=2)
    out = []
    for ch in text:
        if ch not in "\n" and unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp", "Co", "Cn"}:
            out.append(json.dumps(ch)[1:-1] if ord(ch) > 0xFFFF else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return json_document("".join(out))


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
    articles = {str(a.get("id", "")): a for a in report.articles}
    only = report.articles[0] if len(report.articles) == 1 else None
    reviews = [
        review(f, articles.get(f.article_id, only), options.author)
        for f in report.findings
        if f.verdict in SCALE
    ]
    return dumps_visible(reviews) + "\n"
