"""The scored table as a workbook an evaluator can put into a report.

Three sheets: 结果 (one row per indicator, under a group row for each duty
that folds its rows away, as the table's headings head them), 汇总 (each duty and activity:
counts per band, score, band; the total on the national scale; and a bar
chart of the bands per duty) and 问题.  Numbers are numeric cells (得分,
权重; 完成率 with a percentage format), text stays text (a tier ``=94%``
never becomes a formula), columns are as wide as their Chinese text, the
heading row is frozen and filtered, and each band has its colour.

openpyxl's write-only mode streams the rows, so a table of 100,000 rows
does not sit in memory as cells.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import IO, Any, Final

from kpi.io.files import missing_extra, write_atomically
from kpi.io.rows import ACTIVITY_SEPARATOR
from kpi.wording import Language

__all__ = ["BAND_COLOURS", "write_report"]

#: Fill colours of the band cells: the national labels and the national form's grades.
BAND_COLOURS: Final[Mapping[str, str]] = {
    "优": "C6EFCE",
    "良": "DDEBF7",
    "中": "FFEB9C",
    "差": "FFC7CE",
    "完成": "C6EFCE",
    "达成": "C6EFCE",
    "部分达成": "FFEB9C",
    "未完成": "FFC7CE",
    "未达成": "FFC7CE",
}
# The columns of completion rates (a percentage format) and of bands (their colours), in either language.
_PERCENT_COLUMNS: Final = frozenset({"完成率", "completion"})
_BAND_COLUMNS: Final = frozenset({"档次", "等级", "band"})
# Rows measured to size the columns: enough to see the usual width of each.
_SAMPLE: Final = 200
_WIDEST: Final = 60
#: Excel's deepest outline level.
_DEEPEST: Final = 7
#: The fill of a group row (a duty or an activity heading).
_GROUP_FILL: Final = "E7E6E6"
#: The sheets' names and the chart's words, Chinese and English.
_NAMES: Final[Mapping[str, Mapping[str, str]]] = {
    "zh": {"results": "结果", "summary": "汇总", "problems": "问题", "bands": "各职责档次分布", "count": "指标数"},
    "en": {
        "results": "results",
        "summary": "summary",
        "problems": "problems",
        "bands": "bands per duty",
        "count": "indicators",
    },
}


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _value(value: object) -> object:
    """A cell's value: a number as a number, nothing (no cell at all: a third of a
    report's cells are empty, and each costs openpyxl as much as a full one) for none."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return None if value == "" else value


def _shown(value: object) -> str:
    """A cell's text as Excel shows it, to size its column."""
    shown = _value(value)
    return "" if shown is None else str(shown)


class _Sheet:
    """One write-only sheet: its columns' formats, and cells made to keep text as text."""

    def __init__(self, book: Any, title: str, header: Sequence[str], sample: Sequence[Sequence[object]]) -> None:
        from openpyxl.styles import Font, PatternFill
        from openpyxl.worksheet.properties import Outline

        self.sheet = book.create_sheet(title)
        self.header = list(header)
        self._fills = {label: PatternFill("solid", fgColor=colour) for label, colour in BAND_COLOURS.items()}
        self._bold = Font(bold=True)
        self._group_fill = PatternFill("solid", fgColor=_GROUP_FILL)
        self.rows = 1  # the heading's
        self.percent = {index for index, name in enumerate(header) if name in _PERCENT_COLUMNS}
        self.bands = {index for index, name in enumerate(header) if name in _BAND_COLUMNS}
        for index, name in enumerate(header):
            seen = [_width(_shown(row[index])) for row in sample[:_SAMPLE] if index < len(row)]
            width = min(max([_width(name) + 2, *seen]) + 2, _WIDEST)
            self.sheet.column_dimensions[_letter(index)].width = width
        self.sheet.freeze_panes = "A2"
        # A group row stands above the rows it folds, as a heading does in the table.
        self.sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)

    def heading(self) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for name in self.header:
            cell = WriteOnlyCell(self.sheet, value=name)
            cell.font = self._bold
            cells.append(cell)
        self.sheet.append(cells)

    def group(self, column: int, text: str, level: int) -> None:
        """A group row: a duty's or an activity's heading, bold on grey, folding the rows under it."""
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for index in range(len(self.header)):
            cell = WriteOnlyCell(self.sheet, value=text if index == column else None)
            cell.font, cell.fill = self._bold, self._group_fill
            if index == column:
                cell.data_type = "s"
            cells.append(cell)
        self.append(cells, level)

    def row(self, values: Sequence[object], level: int = 0) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells: list[object] = []
        for index, raw in enumerate(values):
            value = _value(raw)
            if index in self.percent and value is not None:
                cell = WriteOnlyCell(self.sheet, value=float(raw) / 100)  # type: ignore[arg-type]
                cell.number_format = "0.00%"
                cells.append(cell)
            elif isinstance(value, str) and (value.startswith("=") or (index in self.bands and value in self._fills)):
                cell = WriteOnlyCell(self.sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                if index in self.bands and value in self._fills:
                    cell.fill = self._fills[value]
                cells.append(cell)
            else:
                cells.append(value)
        self.append(cells, level)

    def append(self, cells: Sequence[object], level: int) -> None:
        self.rows += 1
        if level:
            self.sheet.row_dimensions[self.rows].outlineLevel = min(level, _DEEPEST)
        self.sheet.append(cells)

    def filter(self) -> None:
        self.sheet.auto_filter.ref = f"A1:{_letter(len(self.header) - 1)}{max(self.rows, 2)}"


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def write_report(
    path: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    summary: Sequence[Mapping[str, object]],
    labels: Sequence[str],
    problems: Sequence[str],
    inputs: Iterable[str] = (),
    sample: Sequence[Sequence[object]] = (),
    activity: str | None = None,
    lang: Language = "zh",
) -> None:
    """Write the report workbook to *path* (.xlsx), atomically.

    *rows* are the scored rows' cells in *header*'s order (streamed);
    *sample*, some of them, sizes the columns.  *activity* names the column
    of each row's activity path (duty › activity): where the levels above
    the activity (the duty) change, a group row heads the rows, as the
    table's headings did.  *summary* holds the
    summary records (activity first, the whole document last); *labels* the
    band labels they count, which the chart shows.
    """
    try:
        import openpyxl
    except ImportError:
        raise missing_extra(path, "write", ".xlsx", "excel") from None
    names = _NAMES[lang]
    column = header.index(activity) if activity in header else None

    def write(stream: IO[bytes]) -> None:
        book = openpyxl.Workbook(write_only=True)
        results = _Sheet(book, names["results"], header, sample)
        results.heading()
        above: list[str] = []
        for row in rows:
            # The levels above the row's own activity (its duty) head it; the activity is in the row.
            path = [] if column is None or not row[column] else str(row[column]).split(ACTIVITY_SEPARATOR)[:-1]
            shared = next((depth for depth, (a, b) in enumerate(zip(above, path, strict=False)) if a != b), None)
            for depth in range(min(len(above), len(path)) if shared is None else shared, len(path)):
                results.group(column or 0, ACTIVITY_SEPARATOR.join(path[: depth + 1]), depth)
            above = path
            results.row(row, len(path))
        results.filter()
        _summary_sheet(book, summary, labels, names)
        issues = _Sheet(book, names["problems"], [names["problems"]], [[problem] for problem in problems])
        issues.heading()
        for problem in problems:
            issues.row([problem])
        book.save(stream)

    write_atomically(path, write, inputs=inputs)


def _summary_sheet(
    book: Any, summary: Sequence[Mapping[str, object]], labels: Sequence[str], names: Mapping[str, str]
) -> None:
    """The 汇总 sheet, and below it the bands per duty that its bar chart draws."""
    from openpyxl.chart import BarChart, Reference

    header = list(summary[0].keys()) if summary else ["职责活动"]
    activity = header[0]
    records = [list(record.values()) for record in summary]
    sheet = _Sheet(book, names["summary"], header, records)
    sheet.heading()
    for cells in records:
        sheet.row(cells)
    sheet.filter()
    duties = [record for record in summary[:-1] if ACTIVITY_SEPARATOR not in str(record.get(activity, ""))]
    shown = [label for label in labels if any(record.get(label) for record in duties)] or list(labels)[:4]
    if not duties or not shown:
        return
    sheet.append([], 0)
    start = len(records) + 3  # the heading, the records, a blank row
    sheet.row([names["bands"], *shown])
    for record in duties:
        sheet.row([record.get(activity, ""), *(record.get(label, 0) for label in shown)])
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = names["bands"]
    chart.y_axis.title = names["count"]
    data = Reference(sheet.sheet, min_col=2, max_col=1 + len(shown), min_row=start, max_row=start + len(duties))
    categories = Reference(sheet.sheet, min_col=1, min_row=start + 1, max_row=start + len(duties))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.width, chart.height = 24, 12
    sheet.sheet.add_chart(chart, f"{_letter(len(header) + 1)}2")
