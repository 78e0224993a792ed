"""Any file kpi reads a table from, as sheets of text cells, and finding the sheet that holds a table.

A CSV is one sheet; a workbook (.xlsx, .xls) has its worksheets; a Word
document (.docx) has its tables.  Every cell comes back as text with its row
number, so that nothing is silently reinterpreted and every problem can be
reported with a place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final, TypeVar

from kpi.errors import FileError, Notice
from kpi.io.files import MAX_FILE_BYTES, Sheet, read_csv
from kpi.io.sheets import MISSING_HEADING
from kpi.io.word import read_docx
from kpi.io.workbooks import read_xls, read_xlsx
from kpi.wording import Language, words

__all__ = ["SUFFIXES", "Found", "find_sheets", "read_sheets"]

T = TypeVar("T")

#: The kinds of file kpi reads tables and results from.
SUFFIXES: Final = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".docx")

# A sheet whose heading row was recognised: the sheet, what the heading says, the rows after it.
Found = tuple[Sheet, T, Iterator[tuple[int, tuple[str, ...]]]]
# What a missing heading is called in Chinese, for a caller that says it in English only.
_MISSING_ZH: Final = {
    MISSING_HEADING: "没有含“职责活动”“绩效指标”和“评价标准”（或“优/良/中/差”）列的表头行，"
    "也没有国家表样的“三级指标”和“指标值”列"
}


def read_sheets(path: str | os.PathLike[str]) -> tuple[Sheet, ...]:
    """The sheets of *path*: a CSV's one, a workbook's worksheets, a Word document's tables."""
    file = Path(path)
    if not file.is_file():
        raise FileError(f"{file}: no such file", zh=f"{file}: 文件不存在")
    if file.stat().st_size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024 // 1024
        raise FileError(f"{file}: larger than {limit} MB", zh=f"{file}: 文件大于 {limit} MB")
    suffix = file.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(file)
    if suffix == ".xls":
        return read_xls(file)
    if suffix == ".docx":
        return read_docx(file)
    if suffix in (".csv", ".txt", ".tsv"):
        return (read_csv(file),)
    raise FileError(
        f"{file}: unknown kind of file; use .csv, .xlsx, .xls or .docx",
        zh=f"{file}: 未知的文件类型；请使用 .csv、.xlsx、.xls 或 .docx",
    )


def _name(sheet: Sheet, lang: Language = "en") -> str:
    """How a notice names *sheet* for a reader of *lang*: a worksheet by its title, a Word
    document's table by its number (表格 2, table 2)."""
    if sheet.table is not None:
        return words(lang).table_name.format(table=sheet.table)
    return sheet.path[sheet.path.rfind("[") + 1 : -1] if sheet.path.endswith("]") else sheet.path


def _zh_name(sheet: Sheet) -> str:
    return _name(sheet, "zh")


def find_sheets(
    path: str,
    sheets: Sequence[Sheet],
    recognise: Callable[[tuple[str, ...], tuple[str, ...]], tuple[T, int] | None],
    missing: str,
    *,
    missing_zh: str | None = None,
    choose: str | int | None = None,
    every: bool = False,
) -> tuple[list[Found[T]], tuple[Notice, ...]]:
    """The sheets whose heading row *recognise* accepts, and notices on what was passed over.

    *choose* picks one sheet by its name or 1-based number (a table's number
    in a Word document).  Otherwise the first sheet with a heading is read,
    or with *every* each of them (a Word document's tables, one table split
    by its author or over pages).  Raises :class:`FileError` with *missing*
    (and *missing_zh*, the same in Chinese) when no sheet has a heading.
    """
    missing_zh = missing_zh or _MISSING_ZH.get(missing)
    if choose is not None:
        names = [_name(sheet) for sheet in sheets]
        text = str(choose).strip()
        picked = [
            sheet
            for number, (sheet, name, chinese) in enumerate(zip(sheets, names, map(_zh_name, sheets), strict=True), 1)
            if text in (name, chinese, str(number), f"table {number}")
        ]
        if not picked:
            raise FileError(
                f"{path}: no sheet {text!r}; it has {', '.join(names) or 'none'}",
                zh=f"{path}: 没有工作表“{text}”；现有：{'、'.join(map(_zh_name, sheets)) or '无'}",
            )
        sheets = picked[:1]
    elif not every:
        # A sheet hidden in Excel (an old version kept out of sight) is read only when no visible one has a table.
        sheets = [*(sheet for sheet in sheets if not sheet.hidden), *(sheet for sheet in sheets if sheet.hidden)]
    found: list[Found[T]] = []
    passed: list[Sheet] = []
    for sheet in sheets:
        try:
            heading, rows = sheet.after_heading(recognise, missing, missing_zh)
        except FileError:
            if any(any(cells) for _, cells in sheet.rows):
                passed.append(sheet)
            continue
        found.append((sheet, heading, rows))
        if not every:
            break
    if not found:
        raise FileError(f"{path}: {missing}", zh=None if missing_zh is None else f"{path}: {missing_zh}")
    notices = tuple(
        Notice(
            f"{path}: {_name(sheet)} has no such heading row, not read",
            f"{path}: {_zh_name(sheet)} 没有这样的表头行，未读取",
        )
        for sheet in passed
    )
    if len(found) > 1:
        # A table split by its author, or over pages; or two tables of two kinds: the reader decides.
        listed = ", ".join(_name(sheet) for sheet, _, _ in found)
        listed_zh = "、".join(_zh_name(sheet) for sheet, _, _ in found)
        notices += (
            Notice(
                f"{path}: {listed} read as one table, one after another (read one with --sheet)",
                f"{path}: {listed_zh} 依次作为一张表读取（只读其中一张请用 --sheet）",
            ),
        )
    if found[0][0].hidden and choose is None:
        notices += (
            Notice(
                f"{path}: read {_name(found[0][0])}, a sheet hidden in Excel: no visible sheet holds such a table",
                f"{path}: 已读取 {_zh_name(found[0][0])}，这是在 Excel 中隐藏的工作表：没有可见的工作表含有这样的表",
            ),
        )
    if not every:
        others = [sheet for sheet in sheets[sheets.index(found[0][0]) + 1 :] if _has(sheet, recognise)]
        if others:
            listed = ", ".join(_name(sheet) for sheet in others)
            listed_zh = "、".join(map(_zh_name, others))
            notices += (
                Notice(
                    f"{path}: read {_name(found[0][0])}; {listed} also hold such a table (choose with --sheet)",
                    f"{path}: 已读取 {_zh_name(found[0][0])}；{listed_zh} 也有这样的表（用 --sheet 选择）",
                ),
            )
    return found, notices


def _has(sheet: Sheet, recognise: Callable[[tuple[str, ...], tuple[str, ...]], object]) -> bool:
    return any(recognise(cells, ()) is not None for _, cells in sheet.rows)
