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
from kpi.wording import Language, words

__all__ = [
    "SEVERITY_ORDER",
    "LintGroup",
    "LintReport",
    "SourceLocation",
    "Table",
    "TableFinding",
    "TableRow",
    "lint_records",
    "lint_report",
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
            raise TableError(f"{file}: no such file", zh=f"{file}: 文件不存在")
        data = file.read_bytes()
        if not data.strip():
            raise TableError(f"{file}: the file is empty", zh=f"{file}: 文件为空")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise TableError(
                f"{file}: not UTF-8 text (byte {error.start}); save the disclosure as UTF-8",
                zh=f"{file}: 不是 UTF-8 文本（字节 {error.start}）；请将预算公开文本另存为 UTF-8",
            ) from None
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
    # A tier set repeated down a table is one Criteria object (its cells are read once):
    # it is linted once.  Keyed by identity, which holds while the table is alive.
    linted: dict[int, list[Finding]] = {}
    for row in table.indicators:
        if row.criteria is None:
            if row.error is None:
                continue  # a row of the national form without tiers: its 指标值 has nothing to lint
            message = str(row.error)
            found.append(TableFinding(row, "error", "unreadable", message, message))
            continue
        findings = linted.get(id(row.criteria))
        if findings is None:
            findings = linted[id(row.criteria)] = row.criteria.lint(precision=precision)
        for finding in findings:
            found.append(
                TableFinding(row, finding.severity, finding.kind, finding.message, finding.message_en, finding)
            )
    return found


#: Severities of findings, least first.
SEVERITY_ORDER: Final = {"info": 0, "warning": 1, "error": 2}


def _routine(found: TableFinding) -> bool:
    """Whether a finding is the normal way tables are written: a bound two neighbouring
    tiers share (``90%~99% | 99%以上``), settled by the tier that marks it or by first match."""
    return found.kind == "shared-bound" or (found.kind == "overlap" and found.severity == "info")


@attrs.frozen
class LintGroup:
    """One finding said of several rows alike (the same tier set repeated down a table)."""

    first: TableFinding
    rows: tuple[TableRow, ...]


@attrs.frozen
class LintReport:
    """What lint found in a table, as a reader wants it: the findings shown, and what was left out."""

    indicators: int
    findings: tuple[TableFinding, ...]
    #: Routine findings left out (shared bounds settled as the text says), and findings below the severity asked.
    routine: int = 0
    below: int = 0

    def groups(self) -> list[LintGroup]:
        """The findings shown, identical ones (severity, kind, message) as one group, in table order."""
        grouped: dict[tuple[str, str, str], list[TableFinding]] = {}
        for found in self.findings:
            grouped.setdefault((found.severity, found.kind, found.message), []).append(found)
        return [LintGroup(members[0], tuple(member.row for member in members)) for members in grouped.values()]

    def counts(self) -> dict[str, int]:
        """How many findings of each kind are shown."""
        counted: dict[str, int] = {}
        for found in self.findings:
            counted[found.kind] = counted.get(found.kind, 0) + 1
        return counted

    @property
    def whole_number_gaps(self) -> int:
        """Gaps that hold no whole number, such as (94%, 95%): none if outcomes are reported
        in whole units (``precision=1``)."""
        return sum(
            1
            for found in self.findings
            if found.kind == "gap"
            and found.finding is not None
            and found.finding.region is not None
            and not found.finding.region.has_multiple_of(Decimal(1))
        )


def lint_report(
    table: Table,
    *,
    severity: str = "info",
    precision: Decimal | int | str | None = None,
    everything: bool = False,
) -> LintReport:
    """The findings of :func:`lint_table` of *severity* and above; routine ones (a shared
    bound settled as the text says) only with *everything*."""
    least = SEVERITY_ORDER[severity]
    shown: list[TableFinding] = []
    routine = below = 0
    for found in lint_table(table, precision=precision):
        if SEVERITY_ORDER[found.severity] < least:
            below += 1
        elif not everything and _routine(found):
            routine += 1
        else:
            shown.append(found)
    return LintReport(len(table.indicators), tuple(shown), routine, below)


def lint_records(report: LintReport, lang: Language = "zh") -> list[dict[str, object]]:
    """The findings of *report* as flat records (位置, 编号, 级别, 类别, 说明), in *lang*."""
    said = words(lang)
    english = lang == "en"
    return [
        {
            "位置": found.row.location.says(lang),
            "编号": found.row.id,
            "级别": said.severities[found.severity],
            "类别": said.kinds.get(found.kind, found.kind),
            "说明": found.message_en if english else found.message,
        }
        for found in report.findings
    ]
