"""The article as plain text: HTML body text, and the sentences and clauses of a text."""

from __future__ import annotations

import bisect
import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
          "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "figcaption"}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
# A sentence ends at . ! ? (not inside a number such as 1.6조), at 。！？, or at a line end.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s|$)|(?<=\d)\.(?=\s)|[。！？]|\n")
_CLAUSE_END = re.compile(r"[,，;；:：、]\s|[,，;；、]|\n")


class _BodyText(HTMLParser):
    """Collects the text of an HTML document's body, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The readable text of an HTML page: blocks on their own lines, blank lines collapsed."""
    parser = _BodyText()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


class Spans:
    """Sentences (and clauses) of a text as sorted spans, found once, looked up by offset."""

    def __init__(self, text: str, pattern: re.Pattern[str] = _SENTENCE_END) -> None:
        self.text = text
        starts = [0]
        for m in pattern.finditer(text):
            starts.append(m.end())
        self.starts = sorted(set(starts))

    @classmethod
    def clauses(cls, text: str) -> Spans:
        return cls(text, re.compile(_SENTENCE_END.pattern + "|" + _CLAUSE_END.pattern))

    def around(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The span of the unit(s) holding ``text[start:end]``, without outer spaces."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self.starts, start) - 1
        j = bisect.bisect_left(self.starts, end)
        lo = self.starts[max(i, 0)]
        hi = self.starts[j] if j < len(self.starts) else len(self.text)
        while lo < hi and self.text[lo].isspace():
            lo += 1
        while hi > lo and self.text[hi - 1].isspace():
            hi -= 1
        return lo, hi

    def all(self) -> list[tuple[int, int]]:
        """Every unit's span, without outer spaces (empty units left out)."""
        out: list[tuple[int, int]] = []
        for k, lo in enumerate(self.starts):
            hi = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            a, b = self.around(lo, max(lo + 1, hi) if hi > lo else lo + 1)
            if b > a and (not out or out[-1] != (a, b)):
                out.append((a, b))
        return out
