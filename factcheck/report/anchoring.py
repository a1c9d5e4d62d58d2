"""Quote anchoring: find each claim's quote in the article text, ignoring whitespace.

Articles wrap lines and fact-checkers retype spaces, so matching skips every
whitespace character on both sides; positions map back to the original text as
1-based line and column (code points, lines split at ``\\n``). A quote that is not in
the text becomes a located Problem naming the closest passage (difflib).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.quantity.registry import REGISTRY

if TYPE_CHECKING:
    from factcheck.report.record import Finding, Problem

NOT_FOUND = "quote.not_found"
_CLOSEST_CHARS = 200  # the closest passage is sought for this much of a quote
_CLOSEST_WINDOWS = 5  # candidate windows compared in full
_CLOSEST_SEARCHES = 100  # per run; later misses are reported without a closest passage


@dataclass(frozen=True)
class Anchor:
    """Where a quote stands: char offsets [start, end) and 1-based line/col, end exclusive."""

    start: int
    end: int
    line: int
    col: int
    end_line: int
    end_col: int
    occurrences: int = 1

    @property
    def span(self) -> tuple[int, int, int, int]:
        return (self.line, self.col, self.end_line, self.end_col)


class ArticleText:
    """An article's text, prepared once for anchoring many quotes in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        # compact[i] is the i-th non-whitespace char; where[i] its offset in text. Arrays
        # of 4-byte offsets: a list of ints took 36 bytes a character of a long text.
        self.where = array("L" if len(text) >= 1 << 32 else "I",
                           (i for i, ch in enumerate(text) if not ch.isspace()))
        self.compact = "".join(text[i] for i in self.where)
        self.line_starts = array("L" if len(text) >= 1 << 32 else "I",
                                 [0, *(m.end() for m in re.finditer("\n", text))])

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, col) of a char offset."""
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:  # last line start <= offset
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.line_starts[lo] + 1

    def _anchor(self, cstart: int, cend: int, occurrences: int) -> Anchor:
        start, end = self.where[cstart], self.where[cend - 1] + 1
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Anchor(start, end, line, col, end_line, end_col, occurrences)

    def find(self, quote: str) -> Anchor | None:
        """The first occurrence of ``quote`` (whitespace-insensitive), or None."""
        needle = "".join(quote.split())
        if not needle:
            return None
        first = self.compact.find(needle)
        if first < 0:
            return None
        # str.count, not a loop of finds: `a` in a million `a`s is one linear pass.
        # (It counts occurrences that do not overlap.)
        return self._anchor(first, first + len(needle), self.compact.count(needle))

    def closest(self, quote: str) -> tuple[Anchor, float] | None:
        """The passage most like ``quote`` and its similarity in [0, 1], or None."""
        # Only a hint, so its cost is bounded: difflib is quadratic in the window and a
        # quote may be 2,000 characters (a long one took half a minute per claim).
        needle = "".join(quote.split())[:_CLOSEST_CHARS]
        if not needle or not self.compact:
            return None
        n = min(len(needle), len(self.compact))
        step = max(1, n // 4)
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(needle)
        starts = range(0, max(len(self.compact) - n, 0) + 1, step)
        scored = []
        for s in starts:
            matcher.set_seq1(self.compact[s : s + n])
            scored.append((matcher.quick_ratio(), -s))
        # Full ratios only for the most promising windows, then refine around the best.
        # Windows all have length n, so the count of matching chars orders them exactly.
        best_s, best_m = 0, -1
        stride = max(1, step // 8)
        last = len(self.compact) - n
        for _, neg in sorted(scored, reverse=True)[:_CLOSEST_WINDOWS]:
            for s in range(max(-neg - step, 0), min(-neg + step, last) + 1, stride):
                matcher.set_seq1(self.compact[s : s + n])
                m = sum(block.size for block in matcher.get_matching_blocks())
                if m > best_m or (m == best_m and s < best_s):
                    best_s, best_m = s, m
        if stride > 1:
            around = best_s
            for s in range(max(around - stride, 0), min(around + stride, last) + 1):
                matcher.set_seq1(self.compact[s : s + n])
                m = sum(block.size for block in matcher.get_matching_blocks())
                if m > best_m or (m == best_m and s < best_s):
                    best_s, best_m = s, m
        return self._anchor(best_s, best_s + n, 1), 2 * best_m / (n + len(needle))


def prepare(text: str) -> ArticleText:
    """The index of ``text``, built once per text however many articles name it
    (anchoring and coverage share it)."""
    return _prepared(text)


# A run names a few long texts, each in many claims: four indexes are kept (LRU).
@REGISTRY.cached(4)
def _prepared(text: str) -> ArticleText:
    return ArticleText(text)


def _excerpt(text: str, anchor: Anchor, limit: int = 120) -> str:
    passage = " ".join(text[anchor.start : anchor.end].split())
    return passage if len(passage) <= limit else passage[: limit - 1] + "…"


def anchor_findings(
    findings: list[Finding], articles: list[dict[str, Any]]
) -> tuple[list[Finding], list[Problem]]:
    """Findings with ``quote_span`` set where their article has text, plus a Problem
    for every quote that is not in its article's text.

    ``articles`` are the report's article entries ({"id", "text", "text_file", ...});
    an article without text anchors nothing and raises nothing.
    """
    from factcheck.report.record import Problem

    prepared = {
        str(a.get("id", "")): (prepare(a["text"]), str(a.get("text_file") or a.get("id")))
        for a in articles
        if isinstance(a.get("text"), str)
    }
    only = next(iter(prepared.values())) if len(prepared) == 1 else None
    out: list[Finding] = []
    problems: list[Problem] = []
    for f in findings:
        entry = prepared.get(f.article_id, only if not f.article_id else None)
        if entry is None:
            out.append(f)
            continue
        article, text_file = entry
        found = article.find(f.quote)
        if found is not None:
            out.append(dataclasses.replace(f, quote_span=found.span))
            continue
        out.append(f)
        near = article.closest(f.quote) if len(problems) < _CLOSEST_SEARCHES else None
        hint = "copy the quote verbatim from the article"
        if near is not None:
            anchor, ratio = near
            hint = (
                f"the closest passage is {text_file}:{anchor.line}:{anchor.col} "
                f"{_excerpt(article.text, anchor)!r} ({ratio:.0%} alike); {hint}"
            )
        problems.append(
            Problem(
                f.file, f.line, f.col, NOT_FOUND,
                f"quote of claim {f.claim_id!r} not found in the article text "
                f"{text_file}: {f.quote!r}; {hint}",
            )
        )
    return out, problems
