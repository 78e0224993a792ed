"""Reading indicator tables (部门职责-工作活动绩效目标) out of budget disclosures.

The seed document, like many budget disclosures converted to text, lays the
table out as cells on tab-led lines, one blank line between rows.  An
activity cell indented with ideographic spaces (``　　``) is a
sub-activity of the duty above it; a row whose activity cell is empty
continues the activity before it.  Duty headings carry no tiers: they are
kept as headings, never dropped, and a row whose tiers cannot be read keeps
its error and its line so that it can be reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Final

import attrs

from kpi.criteria import Criteria
from kpi.errors import KpiError
from kpi.indicators import Indicator

__all__ = ["SourceLocation", "Table", "TableError", "TableRow", "load_table", "read_disclosure"]

#: The title line that opens the indicator table in a disclosure.
TABLE_TITLE: Final = "部门职责-工作活动绩效目标"
#: Cells per row: 职责活动, 年度预算数, 内容描述, 绩效目标, 绩效指标, four 评价标准.
COLUMNS: Final = 9
_HEADER_FIRST_CELL: Final = "职责活动"
_LAST_HEADER_CELL: Final = "评价标准"
_INDENT: Final = "\u3000"


class TableError(KpiError):
    """A file that holds no readable indicator table at all."""


@attrs.frozen
class SourceLocation:
    """Where a row starts: file and 1-based line number."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@attrs.frozen
class TableRow:
    """One row of an indicator table.

    ``criteria`` is ``None`` for a heading (a row with no tiers) and for a
    row whose tiers could not be read; then ``error`` says why.
    """

    id: str
    activity: tuple[str, ...]
    budget: Decimal | None
    description: str
    goal: str
    indicator: Indicator
    tiers: tuple[str, ...]
    criteria: Criteria | None
    error: KpiError | None
    location: SourceLocation

    @property
    def is_heading(self) -> bool:
        return not any(self.tiers) and self.error is None


@attrs.frozen
class Table:
    """The rows of one indicator table, in document order."""

    path: str
    rows: tuple[TableRow, ...]

    def __iter__(self) -> Iterator[TableRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def indicators(self) -> tuple[TableRow, ...]:
        """The rows that carry tiers (readable or not), headings left out."""
        return tuple(row for row in self.rows if not row.is_heading)


def _blocks(lines: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """Runs of tab-led cell lines after the table title: (first line number, cells)."""
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == TABLE_TITLE)
    except StopIteration:
        raise TableError(f"no “{TABLE_TITLE}” table in this file") from None
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


def _budget(cell: str) -> Decimal | None:
    text = cell.strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"budget “{cell}” is not a number") from None
    if not value.is_finite():
        raise ValueError(f"budget “{cell}” is not a number")
    return value


def read_disclosure(text: str, path: str = "<text>") -> Table:
    """The indicator table of a disclosure given as text."""
    lines = text.splitlines()
    rows: list[TableRow] = []
    activity: tuple[str, ...] = ()
    header_seen = False
    for first, cells in _blocks(lines):
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
        error: KpiError | None = None
        if len(cells) != COLUMNS:
            error = KpiError(f"{location}: expected {COLUMNS} cells, found {len(cells)}")
            cells = (cells + [""] * COLUMNS)[:COLUMNS]
        name = cells[0]
        if name.strip():
            depth = (len(name) - len(name.lstrip(_INDENT))) // 2
            activity = (*activity[:depth], name.strip())
        try:
            budget = _budget(cells[1])
        except ValueError as problem:
            budget, error = None, error or KpiError(f"{location}: {problem}")
        tiers = tuple(cell.strip() for cell in cells[5:])
        indicator = Indicator([], cells[4].strip())
        criteria = None
        try:
            indicator = Indicator.parse(cells[4].strip())
            if any(tiers) and error is None:
                criteria = Criteria.parse(tiers, indicator=indicator)
        except KpiError as problem:
            error = error or problem
        rows.append(
            TableRow(
                id=f"R{len(rows) + 1:03d}",
                activity=activity,
                budget=budget,
                description=cells[2].strip(),
                goal=cells[3].strip(),
                indicator=indicator,
                tiers=tiers if any(tiers) else (),
                criteria=criteria,
                error=error,
                location=location,
            )
        )
    if not header_seen:
        raise TableError(f"{path}: the “{TABLE_TITLE}” table has no “{_HEADER_FIRST_CELL}” header row")
    return Table(path, tuple(rows))


def load_table(path: str | os.PathLike[str]) -> Table:
    """The indicator table of the disclosure at *path* (UTF-8 text)."""
    file = Path(path)
    return read_disclosure(file.read_text(encoding="utf-8-sig"), str(path))
