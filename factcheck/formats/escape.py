"""One escaping function per output channel: every piece of text from input goes through one.

Claim files, article texts, rates files and JSON reports may come from anyone, and
factcheck's output goes into CI logs, annotations, step summaries and PR comments.
The channels are the terminal or CI log (:func:`terminal`), the payload of a GitHub
workflow command (:func:`workflow_data`, :func:`workflow_property`), Markdown
(:func:`markdown`), HTML (:func:`html`), XML (:func:`xml`) and JSON
(:func:`json_document`). Each shows control and direction-changing characters as
escapes (:func:`visible`) and breaks the two sequences a GitHub Actions runner obeys:
``::`` (a workflow command when a line starts with it, after leading whitespace) and
``##[`` (the older parser's command, anywhere in a line). Since no input text can hold
either sequence once escaped, no line can start with a command wherever a format puts
the text or wraps it. Only the ``github`` format writes ``::`` commands, of its own.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Categories that change how text displays or terminates it: controls, format chars
# (U+202E and friends), separators, surrogates, private use, unassigned.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def _escape_char(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str, *, newlines: bool = False) -> str:
    """``text`` with every invisible or direction-changing character shown as ``\\uXXXX``.

    Tabs become spaces; newlines stay only when ``newlines`` (else they become spaces),
    so one claim stays on one line of a table. Not an escape for any channel by itself:
    use the channel's function below.
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


def _break_commands(text: str, colon: str, hash_: str) -> str:
    """``text`` with ``::`` written ``:`` + ``colon`` and ``##[`` as ``#`` + ``hash_`` + ``[``.

    A colon that begins or ends the text is written ``colon`` too, so that no ``::``
    forms where a format joins it to a colon of its own (``{file}:{line}``).
    """
    if ":" in text:
        text = text.replace("::", ":" + colon)
        if text[0] == ":":
            text = colon + text[1:]
        if text[-1] == ":":
            text = text[:-1] + colon
    if "##[" in text:
        text = text.replace("##[", "#" + hash_ + "[")
    return text


def terminal(text: str) -> str:
    """Input text for a terminal or a CI log: one line, no command a runner would obey.

    Control and invisible characters (newlines included) are shown as escapes,
    ``::`` as ``:\\u003a`` (and a colon at either end as ``\\u003a``), ``##[`` as
    ``#\\u0023[``.
    """
    return _break_commands(visible(text), "\\u003a", "\\u0023")


def terminal_lines(text: str) -> str:
    """A message of several lines (one problem a line) for stderr: each line :func:`terminal`."""
    return "\n".join(terminal(line) for line in text.split("\n"))


def workflow_data(text: str) -> str:
    """The message of a GitHub workflow command (``::error ...::message``).

    The runner decodes ``%25``, ``%0D`` and ``%0A``, so the message may span lines in
    the annotation (a CR LF pair or a lone CR is one line break); other controls are
    shown as escapes, ``##[`` broken as in :func:`terminal`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _break_commands(visible(text, newlines=True), ":", "\\u0023")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value of a workflow command: as a message, plus ``:`` and ``,`` encoded."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# Characters that Markdown or GitHub's HTML sanitiser would interpret inside a cell.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
# What GitHub turns into a link or a notification: a URL scheme, a bare www. host,
# an @mention or e-mail address, an issue reference (#12). A zero-width space after
# the first character (written as an entity, as GitHub's own bots do) breaks each.
_MD_LINKY = re.compile(r"(?i)(:)(//)|(www)(\.)|(@)(\w)|(#)(\d)")
_ZWSP = "&#8203;"
# Where either of the two may match: each match of _MD_LINKY starts with ':', 'www', '@'
# or '#' (which is special), in any case.
_MD_EITHER = re.compile(r"[\\`*_{}\[\]()#+!|~@]|://|(?i:www\.)")


def _unlink(m: re.Match[str]) -> str:
    groups = [g for g in m.groups() if g is not None]
    return groups[0] + _ZWSP + groups[1]


def markdown(text: str) -> str:
    """Input text for Markdown (a table cell, a list item, a heading): one line, inert.

    Whitespace runs become one space; HTML (``<img>``, ``<script>``) becomes entities;
    emphasis, code, link and table syntax is backslash-escaped; URLs, ``www.`` hosts,
    ``@mentions`` and ``#12`` references are broken so that GitHub neither links nor
    notifies; ``::`` and ``##[`` are broken as entities. Empty text is one space, so
    that a table cell stays a cell.
    """
    text = " ".join(visible(text).split())
    if not text:
        return " "
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Syntax first, then the entities of the breaks: their '#' must stay unescaped.
    # One search first: most text has nothing that either pattern replaces.
    if _MD_EITHER.search(text):
        text = _MD_SPECIAL.sub(_backslashed, text)
        text = _MD_LINKY.sub(_unlink, text)
    return _break_commands(text, "&#58;", "&#35;")


def _backslashed(m: re.Match[str]) -> str:
    return "\\" + m.group()


def html(text: str, *, newlines: bool = False) -> str:
    """Input text for HTML, in an element or a quoted attribute."""
    return html_value(text, newlines=newlines)


def html_value(value: Any, *, newlines: bool = False) -> str:
    """Any value as HTML text or a quoted attribute: its text escaped as :func:`html` says.

    The five characters that end or open markup become references, ``&`` first (what
    ``html.escape(text, quote=True)`` does; the html module's import builds a table of
    2,231 entities that no report needs), and commands are broken. The HTML report
    escapes every field of every claim, most of them plain text, so this is one
    function (each call of a helper cost as much as the searches): printable text is
    its own visible form, each special character is looked for with a substring search
    (a fast scan, where a replacement builds a string and a pattern search looked at
    every character) and replaced only where present.
    """
    kind = value.__class__
    if kind is not str:
        if kind is float:
            # Digits, a sign, a point, an exponent, inf or nan: nothing to escape (the
            # rate tables and charts write numbers by the thousand).
            return number_text(value)
        if kind is int:
            return str(value)
        value = str(value)
    text: str = value if value.isprintable() else visible(value, newlines=newlines)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "'" in text:
        text = text.replace("'", "&#x27;")
    if ":" in text or "##[" in text:
        return _break_commands(text, "&#58;", "&#35;")
    return text


def number_text(value: float) -> str:
    """``str(value)`` of a float, each value's text kept: the rate analysis writes the
    same rates again and again (a reference rate in every block of its day, a cluster's
    rate in its table and in both charts), and writing a float as its shortest text
    costs many times a lookup. Zero is not kept (0.0 and -0.0 are one key with two
    texts), nor is NaN (never equal to itself)."""
    text = _NUMBER_TEXTS.get(value)
    if text is None:
        text = str(value)
        if value and value == value:
            if len(_NUMBER_TEXTS) >= _MAX_NUMBER_TEXTS:
                _NUMBER_TEXTS.clear()
            _NUMBER_TEXTS[value] = text
    return text


_NUMBER_TEXTS: dict[float, str] = {}
_MAX_NUMBER_TEXTS = 100_000


# XML 1.0 forbids most C0 controls, surrogates and U+FFFE/U+FFFF even as references;
# visible() already escapes them, this is the last line of defence. Written as the
# forbidden characters, not as the complement of the allowed ranges: the same set,
# but compiling the complement's classes took a few milliseconds of every start-up.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml(text: str, *, newlines: bool = False) -> str:
    """Input text for XML, in an element or a double-quoted attribute."""
    # Printable text holds none of the forbidden characters and visible() leaves it
    # as it is; and most text has none of the four that XML escapes, which a few
    # substring searches tell faster than a pass that looks up every character.
    clean = (text if text.isprintable()
             else _XML_ILLEGAL.sub("\ufffd", visible(text, newlines=newlines)))
    if "&" in clean or "<" in clean or ">" in clean or '"' in clean:
        clean = (clean.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                 .replace('"', "&quot;"))
    return _break_commands(clean, "&#58;", "&#35;")


# In a JSON document '##[' can only stand inside a string, where '#\u0023[' means the
# same; line separators that Python's splitlines() honours but JSON leaves raw are
# written as escapes too, so that every reader sees the lines the encoder wrote.
_JSON_UNSAFE = re.compile("##\\[|[\x85\u2028\u2029]")


def _json_escape(m: re.Match[str]) -> str:
    found = m.group()
    return "#\\u0023[" if found == "##[" else f"\\u{ord(found):04x}"


def json_document(encoded: str) -> str:
    """A JSON document (as ``json.dumps`` wrote it) safe in a CI log; it decodes the same."""
    # Four substring searches are several times faster than the pattern's one pass,
    # and most documents (every claim of a streamed report) have none of them.
    if ("##[" in encoded or "\x85" in encoded or "\u2028" in encoded
            or "\u2029" in encoded):
        return _JSON_UNSAFE.sub(_json_escape, encoded)
    return encoded


# JSON-LD is published inside an HTML <script type="application/ld+json"> element,
# where '</script>' or '<!--' in a string would end or bend the element. Outside
# strings JSON has no '<', '>' or '&', so writing them as escapes changes no value.
def json_ld_document(encoded: str) -> str:
    """A JSON-LD document safe in a CI log and in an HTML script element; decodes the same."""
    encoded = json_document(encoded)
    # Three substring searches and replaces: str.translate looks up every character.
    if "<" in encoded or ">" in encoded or "&" in encoded:
        encoded = encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return encoded
