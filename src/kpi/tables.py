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
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Final

import attrs

from kpi._collector import collection_paused
from kpi._construct import maker
from kpi._files import FileError, Sheet, read_rows
from kpi._text import normalise
from kpi.criteria import Criteria
from kpi.errors import KpiError, KpiSyntaxError
from kpi.indicators import Indicator

__all__ = ["SourceLocation", "Table", "TableError", "TableRow", "load_table", "read_disclosure", "read_sheet_table"]

#: The title line that opens the indicator table in a disclosure.
TABLE_TITLE: Final = "部门职责-工作活动绩效目标"
#: Cells per row: 职责活动, 年度预算数, 内容描述, 绩效目标, 绩效指标, four 评价标准.
COLUMNS: Final = 9
_HEADER_FIRST_CELL: Final = "职责活动"
_LAST_HEADER_CELL: Final = "评价标准"
_INDENT: Final = "\u3000"


class TableError(FileError):
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
    weight: Decimal | None = None

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


def _budget(cell: str) -> Decimal | None:
    text = cell.strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"budget “{cell.strip()}” is not a number") from None
    if not value.is_finite():
        raise ValueError(f"budget “{cell.strip()}” is not a number")
    return value


# What a row's tier and indicator cells read as: the tiers stripped (empty for a
# heading), the indicator, the criteria, and why the tiers could not be read.
_Reading = tuple[tuple[str, ...], Indicator, Criteria | None, KpiError | None]


class _RowBuilder:
    """Turns rows of cells into table rows, following the activity hierarchy."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.rows: list[TableRow] = []
        self.activity: tuple[str, ...] = ()
        # The activity cell as last read: rows of one activity repeat it, or leave it empty.
        self._activity_cell = ""
        # Tables repeat indicator texts and tier sets row after row; the
        # objects are immutable, so rows that repeat them share one, and a
        # pair of cells seen before is not read again.
        self._readings: dict[tuple[tuple[str, ...], str], _Reading] = {}
        self._indicators: dict[str, Indicator] = {}
        self._criteria: dict[tuple[tuple[str, ...], str], Criteria] = {}

    def _read(self, tiers: tuple[str, ...], indicator_cell: str) -> _Reading:
        stripped = tuple([cell.strip() for cell in tiers])
        text = indicator_cell.strip()
        indicator = self._indicators.get(text)
        try:
            if indicator is None:
                indicator = self._indicators[text] = Indicator.parse(text)
            if not any(stripped):
                return (), indicator, None, None
            if not all(stripped):
                raise KpiError(f"tier {stripped.index('') + 1} is empty; a row needs all four tiers")
            key = (stripped, text)  # by text: indicators without targets are all equal
            criteria = self._criteria.get(key)
            if criteria is None:
                criteria = self._criteria[key] = Criteria.parse(stripped, indicator=indicator)
            return stripped, indicator, criteria, None
        except KpiError as problem:
            return stripped if any(stripped) else (), indicator or Indicator((), text), None, problem

    def add(
        self,
        location: SourceLocation,
        activity: str,
        budget: str,
        description: str,
        goal: str,
        indicator: str,
        tiers: Sequence[str],
        row_id: str = "",
        weight: str = "",
        problem: str | None = None,
    ) -> None:
        """One row of cells, by meaning, as any table format gives them."""
        error: KpiError | None = None if problem is None else KpiError(f"{location}: {problem}")
        if activity != self._activity_cell:
            self._activity_cell = activity
            if activity.strip():
                depth = (len(activity) - len(activity.lstrip(_INDENT))) // 2
                self.activity = (*self.activity[:depth], activity.strip())
        budget_value = weight_value = None
        if budget:
            try:
                budget_value = _budget(budget)
            except ValueError as bad:
                error = error or KpiError(f"{location}: {bad}")
        if weight:
            try:
                weight_value = _weight(weight)
            except ValueError as bad:
                error = error or KpiError(f"{location}: {bad}")
        key = (tiers if type(tiers) is tuple else tuple(tiers), indicator)
        reading = self._readings.get(key)
        if reading is None:
            reading = self._readings[key] = self._read(*key)
        stripped, found, criteria, unreadable = reading
        if error is not None:
            criteria = None  # a row already known to be broken is not graded
        elif unreadable is not None:
            error = _located(unreadable, location)
        self.rows.append(
            _make_table_row(
                row_id.strip() or f"R{len(self.rows) + 1:03d}",
                self.activity,
                budget_value,
                description.strip(),
                goal.strip(),
                found,
                stripped,
                criteria,
                error,
                location,
                weight_value,
            )
        )

    def table(self) -> Table:
        rows = self.rows
        if len({row.id for row in rows}) == len(rows):
            return Table(self.path, tuple(rows))  # no id is used twice, the usual case
        seen: dict[str, TableRow] = {}
        rows = list(rows)
        for index, row in enumerate(rows):
            if row.id in seen:
                first = seen[row.id]
                problem = KpiError(f"{row.location}: id {row.id} is used again (first at line {first.location.line})")
                rows[index] = attrs.evolve(row, criteria=None, error=problem)
            else:
                seen[row.id] = row
        return Table(self.path, tuple(rows))


# Made once per row of a table: see kpi._construct.
_make_table_row: Final = maker(TableRow)
_make_location: Final = maker(SourceLocation)


def _located(error: KpiError, location: SourceLocation) -> KpiError:
    """*error* of the same type with the row's place in front, for reports."""
    if isinstance(error, KpiSyntaxError):
        return KpiSyntaxError(f"{location}: {error.reason}", error.text, error.position)
    return type(error)(f"{location}: {error}")


def _weight(cell: str) -> Decimal | None:
    text = cell.strip()
    if not text:
        return None
    try:
        value = Decimal(text.rstrip("%"))
    except InvalidOperation:
        raise ValueError(f"weight “{text}” is not a number") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"weight “{text}” is not a non-negative number")
    return value


def read_disclosure(text: str, path: str = "<text>") -> Table:
    """The indicator table of a budget disclosure given as text."""
    lines = text.splitlines()
    builder = _RowBuilder(path)
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


# Column headings of spreadsheet tables, by meaning.
_HEADINGS: Final = {
    "id": ("编号", "id", "序号", "指标编号"),
    "activity": ("职责活动", "工作活动"),
    "budget": ("年度预算数", "预算数", "年度预算"),
    "description": ("内容描述",),
    "goal": ("绩效目标",),
    "indicator": ("绩效指标",),
    "weight": ("权重",),
}
_BAND_HEADINGS: Final = ("优", "良", "中", "差")


def _heading(cell: str) -> str:
    text = normalise(cell).text.replace(" ", "").lower()
    return re.sub(r"\((万元|元|%)\)$", "", text)


def _columns(header: Sequence[str]) -> dict[str, int | tuple[int, ...]] | None:
    """Which column holds what, or ``None`` if *header* is not the heading row."""
    names = [_heading(cell) for cell in header]
    found: dict[str, int | tuple[int, ...]] = {}
    for meaning, spellings in _HEADINGS.items():
        for index, name in enumerate(names):
            if name in spellings or (meaning != "id" and any(name.startswith(s) for s in spellings)):
                found.setdefault(meaning, index)
    if "activity" not in found or "indicator" not in found:
        return None
    bands = [
        next((i for i, name in enumerate(names) if name in (band, f"评价标准{band}", f"评价标准-{band}")), -1)
        for band in _BAND_HEADINGS
    ]
    if all(index >= 0 for index in bands):
        found["tiers"] = tuple(bands)
        return found
    start = next((i for i, name in enumerate(names) if name.startswith("评价标准")), -1)
    if start < 0:
        return None
    found["tiers"] = tuple(range(start, start + 4))
    return found


def read_sheet_table(sheet: Sheet) -> Table:
    """The indicator table in a spreadsheet's rows (CSV or XLSX)."""
    columns, rows = sheet.after_heading(
        _columns, "no heading row with 职责活动, 绩效指标 and 评价标准 (or 优/良/中/差) columns"
    )
    builder = _RowBuilder(sheet.path)
    width = max(index if isinstance(index, int) else max(index) for index in columns.values()) + 1

    def at(meaning: str) -> int:
        # A meaning the sheet lacks reads the empty cell appended to every row.
        index = columns.get(meaning)
        return index if isinstance(index, int) else -1

    activity, budget, description, goal, indicator, row_id, weight = map(
        at, ("activity", "budget", "description", "goal", "indicator", "id", "weight")
    )
    tier_columns = columns["tiers"]
    assert isinstance(tier_columns, tuple)
    first_tier, *other_tiers = tier_columns
    consecutive = tuple(other_tiers) == tuple(range(first_tier + 1, first_tier + len(tier_columns)))
    path = sheet.path
    for line, cells in rows:
        if not (cells and cells[0].strip()) and not "".join(cells).strip():
            continue  # a blank row (the first cell is checked first: it is seldom blank)
        problem = None
        if len(cells) < width:
            if sheet.kind == "csv":
                # A spreadsheet writes every cell of a row; fewer means a cut-off file.
                problem = f"expected {width} cells, found {len(cells)}: the row is cut short"
            padded = (*cells, *("",) * (width - len(cells)), "")
        else:
            padded = (*cells, "")
        builder.add(
            _make_location(path, line),
            padded[activity],
            padded[budget],
            padded[description],
            padded[goal],
            padded[indicator],
            padded[first_tier : first_tier + len(tier_columns)]
            if consecutive
            else [padded[index] for index in tier_columns],
            padded[row_id],
            padded[weight],
            problem,
        )
    return builder.table()


def load_table(path: str | os.PathLike[str]) -> Table:
    """The indicator table in *path*: a budget disclosure as text (.txt), or a
    spreadsheet (.csv, .xlsx) with the disclosure's column headings.

    >>> from pathlib import Path
    >>> table = load_table(Path(__file__).parents[2] / "seeds" / "handan-hrss-2018-budget.txt")
    >>> len(table.indicators), table.indicators[0].indicator.targets[0].metric
    (102, '农村劳动力转移就业新增')
    """
    with collection_paused():
        return _load_table(path)


def _load_table(path: str | os.PathLike[str]) -> Table:
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
    return read_sheet_table(read_rows(file))
