"""The scored table as a workbook an evaluator can put into a report.

Three sheets: 结果 (one row per indicator), 汇总 (each duty and activity:
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

from kpi.errors import FileError
from kpi.io.files import write_atomically

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
# Rows measured to size the columns: enough to see the usual width of each.
_SAMPLE: Final = 200
_WIDEST: Final = 60


def _width(text: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return "" if value is None else value


class _Sheet:
    """One write-only sheet: its columns' formats, and cells made to keep text as text."""

    def __init__(self, book: Any, title: str, header: Sequence[str], sample: Sequence[Sequence[object]]) -> None:
        from openpyxl.styles import Font, PatternFill

        self.sheet = book.create_sheet(title)
        self.header = list(header)
        self._fills = {label: PatternFill("solid", fgColor=colour) for label, colour in BAND_COLOURS.items()}
        self._bold = Font(bold=True)
        self.percent = {index for index, name in enumerate(header) if name == "完成率"}
        self.bands = {index for index, name in enumerate(header) if name in ("档次", "等级")}
        for index, name in enumerate(header):
            seen = [_width(str(_value(row[index]))) for row in sample[:_SAMPLE] if index < len(row)]
            width = min(max([_width(name) + 2, *seen]) + 2, _WIDEST)
            self.sheet.column_dimensions[_letter(index)].width = width
        self.sheet.freeze_panes = "A2"

    def heading(self) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for name in self.header:
            cell = WriteOnlyCell(self.sheet, value=name)
            cell.font = self._bold
            cells.append(cell)
        self.sheet.append(cells)

    def row(self, values: Sequence[object]) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells: list[object] = []
        for index, raw in enumerate(values):
            value = _value(raw)
            if index in self.percent and value != "":
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
        self.sheet.append(cells)

    def filter(self, rows: int) -> None:
        self.sheet.auto_filter.ref = f"A1:{_letter(len(self.header) - 1)}{max(rows, 1) + 1}"


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
) -> None:
    """Write the report workbook to *path* (.xlsx), atomically.

    *rows* are the scored rows' cells in *header*'s order (streamed);
    *sample*, some of them, sizes the columns.  *summary* holds the summary
    records (活动 first, the whole document last); *labels* the band labels
    they count, which the chart shows.
    """
    try:
        import openpyxl
    except ImportError:
        raise FileError(f"{path}: writing .xlsx needs the excel extra: pip install 'kpi[excel]'") from None

    def write(stream: IO[bytes]) -> None:
        book = openpyxl.Workbook(write_only=True)
        results = _Sheet(book, "结果", header, sample)
        results.heading()
        count = 0
        for row in rows:
            results.row(row)
            count += 1
        results.filter(count)
        _summary_sheet(book, summary, labels)
        issues = _Sheet(book, "问题", ["问题"], [[problem] for problem in problems])
        issues.heading()
        for problem in problems:
            issues.row([problem])
        book.save(stream)

    write_atomically(path, write, inputs=inputs)


def _summary_sheet(book: Any, summary: Sequence[Mapping[str, object]], labels: Sequence[str]) -> None:
    """The 汇总 sheet, and below it the bands per duty that its bar chart draws."""
    from openpyxl.chart import BarChart, Reference

    header = list(summary[0].keys()) if summary else ["职责活动"]
    records = [list(record.values()) for record in summary]
    sheet = _Sheet(book, "汇总", header, records)
    sheet.heading()
    for cells in records:
        sheet.row(cells)
    sheet.filter(len(records))
    duties = [record for record in summary[:-1] if " › " not in str(record.get("职责活动", ""))]
    shown = [label for label in labels if any(record.get(label) for record in duties)] or list(labels)[:4]
    if not duties or not shown:
        return
    sheet.sheet.append([])
    start = len(records) + 3  # the heading, the records, a blank row
    sheet.row(["各职责档次分布", *shown])
    for record in duties:
        sheet.row([record.get("职责活动", ""), *(record.get(label, 0) for label in shown)])
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "各职责档次分布"
    chart.y_axis.title = "指标数"
    data = Reference(sheet.sheet, min_col=2, max_col=1 + len(shown), min_row=start, max_row=start + len(duties))
    categories = Reference(sheet.sheet, min_col=1, min_row=start + 1, max_row=start + len(duties))
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.width, chart.height = 24, 12
    sheet.sheet.add_chart(chart, f"{_letter(len(header) + 1)}2")
