"""Indicator tables: reading one from any file kpi knows, and checking every tier set in it.

:func:`load_table` picks the reader by the file: a budget disclosure as text
(``.txt``, :mod:`kpi.io.disclosure`), or a sheet of a CSV, a workbook or a
Word document (:mod:`kpi.io.documents`, read by :mod:`kpi.io.sheets`).  :func:`lint_table` runs lint on every row.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Final

import attrs

from kpi.errors import TableError
from kpi.grading.lint import Finding
from kpi.io.disclosure import read_disclosure
from kpi.io.documents import find_sheets, read_sheets
from kpi.io.rows import SourceLocation, Table, TableRow
from kpi.io.sheets import MISSING_HEADING, read_sheet_table, recognise_heading

__all__ = [
    "SEVERITY_ORDER",
    "SourceLocation",
    "Table",
    "TableFinding",
    "TableRow",
    "lint_records",
    "lint_table",
    "load_table",
]


def load_table(path: str | os.PathLike[str], *, sheet: str | int | None = None) -> Table:
    """The indicator table in *path*: a budget disclosure as text (.txt), a
    sheet (.csv, .xlsx, .xls) or the tables of a Word document (.docx), with
    the disclosure's column headings or the national form's.

    A workbook's first sheet with such a heading is read, unless *sheet*
    names another (by name or 1-based number); a Word document's tables
    with such a heading are all read, one after another, unless *sheet*
    picks one by its number.

    >>> from pathlib import Path
    >>> table = load_table(Path(__file__).parents[3] / "seeds" / "handan-hrss-2018-budget.txt")
    >>> len(table.indicators), table.indicators[0].indicator.targets[0].metric
    (102, '农村劳动力转移就业新增')
    """
    file = Path(path)
    if file.suffix.lower() == ".txt":
        if not file.is_file():
            raise TableError(f"{file}: no such file")
        data = file.read_bytes()
        if not data.strip():
            raise TableError(f"{file}: the file is empty")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise TableError(f"{file}: not UTF-8 text (byte {error.start}); save the disclosure as UTF-8") from None
        return read_disclosure(text, str(path))
    sheets = read_sheets(file)
    found, notices = find_sheets(
        str(file), sheets, recognise_heading, MISSING_HEADING, choose=sheet, every=file.suffix.lower() == ".docx"
    )
    table = read_sheet_table(found)
    return attrs.evolve(table, notices=(*notices, *(n for s, _, _ in found for n in s.notices), *table.notices))


@attrs.frozen
class TableFinding:
    """A lint finding of one row of a table; ``finding`` is ``None`` for a row whose tiers cannot be read."""

    row: TableRow
    severity: str
    kind: str
    message: str
    message_en: str
    finding: Finding | None = None


def lint_table(table: Table, *, precision: Decimal | int | str | None = None) -> list[TableFinding]:
    """Every finding of every indicator of *table*, in table order; a row whose tiers
    cannot be read is an error finding of its own (kind ``unreadable``)."""
    found: list[TableFinding] = []
    for row in table.indicators:
        if row.criteria is None:
            message = str(row.error)
            found.append(TableFinding(row, "error", "unreadable", message, message))
            continue
        for finding in row.criteria.lint(precision=precision):
            found.append(
                TableFinding(row, finding.severity, finding.kind, finding.message, finding.message_en, finding)
            )
    return found


#: Severities of findings, least first.
SEVERITY_ORDER: Final = {"info": 0, "warning": 1, "error": 2}


def lint_records(
    table: Table, *, severity: str = "info", precision: Decimal | int | str | None = None
) -> list[dict[str, object]]:
    """The findings of :func:`lint_table` of *severity* and above, as flat records
    (位置, 编号, 级别, 类别, 说明) for a report, a sheet or JSON."""
    least = SEVERITY_ORDER[severity]
    return [
        {
            "位置": str(found.row.location),
            "编号": found.row.id,
            "级别": found.severity,
            "类别": found.kind,
            "说明": found.message,
        }
        for found in lint_table(table, precision=precision)
        if SEVERITY_ORDER[found.severity] >= least
    ]
