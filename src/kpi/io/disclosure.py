"""Budget disclosures as text: the indicator table (部门职责-工作活动绩效目标) of the seed's format.

The seed document, like many budget disclosures converted to text, lays the
table out as cells on tab-led lines, one blank line between rows, after the
table's title and a header row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from kpi.errors import Notice, TableError
from kpi.io.rows import RowBuilder, SourceLocation, Table

__all__ = ["COLUMNS", "TABLE_TITLE", "read_disclosure"]

#: The title line that opens the indicator table in a disclosure.
TABLE_TITLE: Final = "部门职责-工作活动绩效目标"
#: Cells per row: 职责活动, 年度预算数, 内容描述, 绩效目标, 绩效指标, four 评价标准.
COLUMNS: Final = 9
_HEADER_FIRST_CELL: Final = "职责活动"
_LAST_HEADER_CELL: Final = "评价标准"


# A page number left between rows by a conversion: - 12 -, 第 3 页, 3/12, 12.
_PAGE_NUMBER: Final = re.compile(
    r"\s*(?:[-—–]\s*[0-9]+\s*[-—–]|第\s*[0-9]+\s*页(?:\s*[,，/]?\s*共\s*[0-9]+\s*页)?|[0-9]+\s*/\s*[0-9]+|[0-9]+)\s*"
)
# The title of the document's next section, which ends the table: 六、政府采购预算情况, 第七部分.
_SECTION_TITLE: Final = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+(?:部分|章|节)|[(（][一二三四五六七八九十]+[)）])"
)
_IDEOGRAPHIC_SPACE: Final = "\u3000"


def _blocks(lines: Sequence[str], path: str, skipped: list[Notice]) -> Iterator[tuple[int, list[str]]]:
    """Runs of tab-led cell lines after the table title: (first line number, cells).

    The table ends at the next section title, not at the first line that is not
    a cell: a page number, a stray line, or a cell line whose tab became a
    full-width space is read past, and each such line is listed in *skipped*.
    """
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == TABLE_TITLE)
    except StopIteration:
        raise TableError(
            f"{path}: no “{TABLE_TITLE}” table in this file", zh=f"{path}: 文件中没有“{TABLE_TITLE}”表"
        ) from None
    cells: list[str] = []
    first = 0
    for number, line in enumerate(lines[start + 1 :], start + 2):
        text = line.lstrip(" ")
        if text.startswith(_IDEOGRAPHIC_SPACE) and cells:
            # A cell line whose tab was written as a full-width space.
            skipped.append(
                Notice(
                    f"{path}:{number}: a cell line begins with a full-width space, not a tab; read as a cell",
                    f"{path}:{number}: 单元格行以全角空格而不是制表符开头；已按单元格读取",
                )
            )
            text = "\t" + text[1:]
        if text.startswith("\t"):
            if not cells:
                first = number
            cells.append(text[1:].rstrip("\r\n"))
            continue
        if cells:
            yield first, cells
            cells = []
        if not line.strip():
            continue
        if _SECTION_TITLE.match(line):
            return  # the next section of the document begins
        page = _PAGE_NUMBER.fullmatch(line) is not None
        what = "a page number" if page else "a line that is not a cell of the table"
        what_zh = "页码" if page else "不是表格单元格的一行"
        skipped.append(
            Notice(
                f"{path}:{number}: {what} between rows, skipped: {line.strip()[:40]}",
                f"{path}:{number}: 行间的{what_zh}，已跳过：{line.strip()[:40]}",
            )
        )
    if cells:
        yield first, cells


def read_disclosure(text: str, path: str = "<text>") -> Table:
    """The indicator table of a budget disclosure given as text."""
    lines = text.splitlines()
    builder = RowBuilder(path)
    header_seen = False
    skipped: list[Notice] = []
    for first, cells in _blocks(lines, path, skipped):
        if header_seen and cells[0].strip() == _HEADER_FIRST_CELL:
            skipped.append(
                Notice(
                    f"{path}:{first}: the header repeated (a new page), skipped",
                    f"{path}:{first}: 表头重复（新的一页），已跳过",
                )
            )
            header = next((i for i, cell in enumerate(cells) if cell.strip() == _LAST_HEADER_CELL), len(cells) - 1)
            first, cells = first + header + 1, cells[header + 1 :]
            if not cells:
                continue
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
        problem = problem_zh = None
        if len(cells) != COLUMNS:
            problem = f"expected {COLUMNS} cells, found {len(cells)}"
            problem_zh = f"应有 {COLUMNS} 个单元格，实际为 {len(cells)} 个"
            cells = (cells + [""] * COLUMNS)[:COLUMNS]
        activity, budget, description, goal, indicator = cells[:5]
        builder.add(
            location, activity, budget, description, goal, indicator, cells[5:9], problem=problem, problem_zh=problem_zh
        )
    if not header_seen:
        raise TableError(
            f"{path}: the “{TABLE_TITLE}” table has no “{_HEADER_FIRST_CELL}” header row",
            zh=f"{path}: “{TABLE_TITLE}”表没有“{_HEADER_FIRST_CELL}”表头行",
        )
    return builder.table(tuple(skipped))
