"""Budget disclosures as text: the indicator table (部门职责-工作活动绩效目标) of the seed's format.

The seed document, like many budget disclosures converted to text, lays the
table out as cells on tab-led lines, one blank line between rows, after the
table's title and a header row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from kpi.errors import TableError
from kpi.io.rows import RowBuilder, SourceLocation, Table

__all__ = ["COLUMNS", "TABLE_TITLE", "read_disclosure"]

#: The title line that opens the indicator table in a disclosure.
TABLE_TITLE: Final = "部门职责-工作活动绩效目标"
#: Cells per row: 职责活动, 年度预算数, 内容描述, 绩效目标, 绩效指标, four 评价标准.
COLUMNS: Final = 9
_HEADER_FIRST_CELL: Final = "职责活动"
_LAST_HEADER_CELL: Final = "评价标准"


def _blocks(lines: Sequence[str], path: str) -> Iterator[tuple[int, list[str]]]:
    """Runs of tab-led cell lines after the table title: (first line number, cells)."""
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == TABLE_TITLE)
    except StopIteration:
        raise TableError(f"{path}: no “{TABLE_TITLE}” table in this file") from None
    cells: list[str] = []
    first = 0
    for number, line in enumerate(lines[start + 1 :], start + 2):
        if line.lstrip(" ").startswith("\t"):
            if not cells:
                first = number
            cells.append(line.lstrip(" ")[1:].rstrip("\r\n"))
            continue
        if cells:
            yield first, cells
            cells = []
        if line.strip():
            return  # the next section of the document begins
    if cells:
        yield first, cells


def read_disclosure(text: str, path: str = "<text>") -> Table:
    """The indicator table of a budget disclosure given as text."""
    lines = text.splitlines()
    builder = RowBuilder(path)
    header_seen = False
    for first, cells in _blocks(lines, path):
        if not header_seen:
            if cells[0].strip() != _HEADER_FIRST_CELL:
                continue  # the unit line above the column header
            header_seen = True
            # The first row may follow the header with no blank line between.
            header = next((i for i, cell in enumerate(cells) if cell.strip() == _LAST_HEADER_CELL), len(cells) - 1)
            first, cells = first + header + 1, cells[header + 1 :]
            if not cells:
                continue
        location = SourceLocation(path, first)
        problem = None
        if len(cells) != COLUMNS:
            problem = f"expected {COLUMNS} cells, found {len(cells)}"
            cells = (cells + [""] * COLUMNS)[:COLUMNS]
        activity, budget, description, goal, indicator = cells[:5]
        builder.add(location, activity, budget, description, goal, indicator, cells[5:9], problem=problem)
    if not header_seen:
        raise TableError(f"{path}: the “{TABLE_TITLE}” table has no “{_HEADER_FIRST_CELL}” header row")
    return builder.table()
