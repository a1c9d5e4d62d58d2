"""Reading a ``tables:`` CSV into fact rows, each cell with its line and column.

The CSV is UTF-8 with a header row, read by the standard library's csv module:
``name`` and ``value`` are required, ``source`` and ``note`` optional, and every
``tag.KEY`` column gives the tag KEY. A problem is located at the cell it is about,
so that the loader can say ``data/x.csv:LINE:COL`` and quote the cell.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field

REQUIRED = ("name", "value")
OPTIONAL = ("source", "note")
TAG_PREFIX = "tag."


@dataclass
class Cell:
    text: str
    line: int
    col: int


@dataclass
class Row:
    """One fact row: its cells by column (empty cells left out) and its tags."""

    line: int
    cells: dict[str, Cell]
    tags: dict[str, Cell] = field(default_factory=dict)


@dataclass
class TableProblem:
    line: int
    col: int
    code: str
    message: str


def read_table(text: str) -> tuple[list[Row], list[TableProblem]]:
    """The rows of a CSV table and every problem of its header and shape."""
    lines = text.splitlines()
    problems: list[TableProblem] = []
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return [], [TableProblem(1, 1, "tables.header", "the table is empty; write a header "
                                 "row 'name,value' (optionally source, note, tag.KEY) first")]
    except csv.Error as exc:
        return [], [TableProblem(1, 1, "tables.csv", f"cannot read the header row: {exc}")]
    starts = cell_starts(lines[0])
    columns: dict[int, str] = {}
    for i, raw in enumerate(header):
        name = raw.strip()
        col = starts[i] if i < len(starts) else 1
        if name in columns.values():
            problems.append(TableProblem(1, col, "tables.header",
                                         f"column {name!r} appears twice in the header"))
        elif name in REQUIRED or name in OPTIONAL or (
            name.startswith(TAG_PREFIX) and len(name) > len(TAG_PREFIX)
        ):
            columns[i] = name
        else:
            problems.append(TableProblem(
                1, col, "tables.header",
                f"unknown column {name!r}; the columns are name, value, source, note and "
                "tag.KEY (tag.scope gives the tag scope)"))
    missing = [c for c in REQUIRED if c not in columns.values()]
    if missing:
        problems.append(TableProblem(
            1, 1, "tables.header",
            f"the header has no {' and no '.join(repr(m) for m in missing)} column; "
            "write a header row such as 'name,value,source'"))
        return [], problems
    rows: list[Row] = []
    start = 2
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(TableProblem(reader.line_num, 1, "tables.csv",
                                         f"cannot read this row: {exc}"))
            start = reader.line_num + 1
            continue
        line = start
        start = reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            problems.append(TableProblem(
                line, cell_starts(lines[line - 1])[len(header)] if line <= len(lines) else 1,
                "tables.row", f"the row has {len(record)} cells but the header {len(header)}; "
                "quote cells that contain commas"))
            continue
        row_starts = cell_starts(lines[line - 1]) if line <= len(lines) else []
        row = Row(line, {})
        for i, value in enumerate(record):
            column = columns.get(i)
            if column is None or not value.strip():
                continue
            cell = Cell(value.strip(), line, row_starts[i] if i < len(row_starts) else 1)
            if column.startswith(TAG_PREFIX):
                row.tags[column[len(TAG_PREFIX):]] = cell
            else:
                row.cells[column] = cell
        rows.append(row)
    return rows, problems


def cell_starts(line: str) -> list[int]:
    """The 1-based column where each cell of a CSV line starts (quotes respected)."""
    starts = [1]
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append(i + 2)
    return starts
