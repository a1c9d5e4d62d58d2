"""The README lists every word of words.tsv, kind by kind, so docs and reader stay in step."""

from __future__ import annotations

from pathlib import Path

from factcheck.quantity.words import _PATH, KINDS

README = Path(__file__).resolve().parents[2] / "README.md"
HEADING = "### Every word the reader knows"
# kinds whose value is not worth a column: counters have none, a refusal's is a sentence
_NO_VALUE = {"counter", "date", "refuse", "refuse_bare", "vague"}


def _entries() -> dict[str, list[tuple[str, str]]]:
    """(word, value) of each kind, in the file's order, first occurrence only."""
    out: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    with open(_PATH, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            kind, word, *rest = line.rstrip("\n").split("\t")
            value = rest[0].strip() if rest else ""
            if word not in [w for w, _ in out[kind]]:
                out[kind].append((word, value))
    return out


def expected_row(kind: str, entries: list[tuple[str, str]]) -> str:
    """The README table row that lists ``entries`` of ``kind``."""
    cells = []
    for word, value in entries:
        shown = value if value and value != kind and kind not in _NO_VALUE else ""
        cells.append(f"`{word}` {shown}".rstrip())
    return f"| {kind} | {', '.join(cells)} |"


def _section() -> list[str]:
    text = README.read_text(encoding="utf-8")
    assert HEADING in text, f"README has no section {HEADING!r}"
    body = text.split(HEADING, 1)[1]
    return [line for line in body.split("\n#", 1)[0].splitlines() if line.startswith("| ")]


def test_every_word_of_the_table_is_in_the_readme() -> None:
    rows = {line.split(" | ", 1)[0][2:]: line for line in _section()}
    for kind, entries in _entries().items():
        want = expected_row(kind, entries)
        assert rows.get(kind) == want, f"replace the README row of {kind} with:\n{want}"


def test_the_readme_lists_no_kind_the_reader_lacks() -> None:
    kinds = [line.split(" | ", 1)[0][2:] for line in _section()][1:]  # after the header
    assert kinds == list(KINDS)


def test_no_word_breaks_the_table() -> None:
    for entries in _entries().values():
        assert not any("|" in word or "`" in word for word, _ in entries)
