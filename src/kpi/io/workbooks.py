"""Excel workbooks (.xlsx, and old .xls) as sheets of text cells, as a person sees them.

People make these sheets by hand: a title row above the header, 评价标准
merged over 优/良/中/差, 职责活动 merged down the rows of one activity.  A
merged cell is read the way it looks: across the columns it spans its text
is in each (评价标准 heads each tier column), and in the rows below its first
the cells are empty (an activity, a budget or a 一级指标 merged down belongs
to the rows after it as a cell left empty does: the table readers continue
it; a budget is not counted twice).  Numbers are read as the figures the
cells show: 0.96 formatted as a percentage is 96%.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from kpi.errors import FileError, Notice
from kpi.io.files import MAX_ROWS, Sheet, missing_extra

__all__ = ["MAX_COLUMNS", "MAX_PACKING_RATIO", "MAX_UNPACKED_BYTES", "check_archive", "read_xls", "read_xlsx"]

#: Most cells in one row of a sheet, and most bytes the parts of an archive may unpack to.
MAX_COLUMNS: Final = 2_000
MAX_UNPACKED_BYTES: Final = 400 * 1024 * 1024
#: A part that unpacks to more than this many times its packed size is refused: a zip bomb.
MAX_PACKING_RATIO: Final = 200
#: Most merged ranges kpi follows in one sheet.
MAX_MERGES: Final = 100_000

# A merged range, as the sheet's XML lists it after its rows: <mergeCell ref="A1:D1"/>.
_MERGE: Final = re.compile(
    rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)"'
)
_CHUNK: Final = 1 << 20
# What is kept of a chunk for the next: enough for an element cut at the chunk's end.
_TAIL: Final = 4096
# A cell with a formula and no saved value: <c r="B5"><f>B3*2</f><v></v></c>, or no <v> at all.
# A formula whose saved value is the empty text is saved as such (t="str" and an empty <v>), and not meant.
_UNSAVED: Final = re.compile(
    rb'<(?:\w+:)?c\b(?![^>]*\bt="str")[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"[^>/]*>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]{0,2048}</(?:\w+:)?f>)'
    rb"\s*(?:<(?:\w+:)?v\s*/>\s*|<(?:\w+:)?v>\s*</(?:\w+:)?v>\s*)?</(?:\w+:)?c>"
)
# A row hidden from view: <row r="7" hidden="1">.
_HIDDEN_ROW: Final = re.compile(rb'<(?:\w+:)?row\b(?=[^>]*\bhidden="(?:1|true)")[^>]*?\br="([0-9]{1,7})"')
# Columns hidden from view: <col min="3" max="4" hidden="1"/>, its attributes in any order.
_HIDDEN_COLUMNS: Final = re.compile(
    rb'<(?:\w+:)?col\b(?=[^>]*\bhidden="(?:1|true)")(?=[^>]*\bmin="([0-9]{1,5})")(?=[^>]*\bmax="([0-9]{1,5})")'
)
# What a number format shows as written, not as a sign of scaling: a quoted text (0"%"), an escaped
# character (0\\%) and a bracket ([Red], [$-804]).  Only a % outside them shows the number times 100;
# one inside them is written after the number as it is.
_LITERALS: Final = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')

# The namespaces of a workbook's index (ECMA-376 Part 1, 18.2) and of package relationships (Part 2).
_MAIN: Final = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOCUMENT: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

# A merged range: first row, last row, first column, last column, all 0-based and inclusive.
_Range = tuple[int, int, int, int]
# The kinds of archive check_archive is told of, in Chinese.
_KINDS_ZH: Final = {".xlsx workbook": ".xlsx 工作簿", ".docx document": ".docx 文档"}


def check_archive(path: Path, kind: str) -> None:
    """Refuse a zip archive (.xlsx, .docx) whose parts unpack to more than kpi reads, before any is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise FileError(
            f"{path}: not a readable {kind} ({type(error).__name__}: {error})",
            zh=f"{path}: 不是可读取的{_KINDS_ZH.get(kind, kind)}（{type(error).__name__}: {error}）",
        ) from None
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED_BYTES:
        raise FileError(
            f"{path}: its parts unpack to {total // 1024 // 1024} MB, more than kpi reads",
            zh=f"{path}: 解压后共 {total // 1024 // 1024} MB，超出 kpi 可读取的大小",
        )
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > MAX_PACKING_RATIO * max(part.compress_size, 1):
            size = part.file_size // 1024 // 1024
            raise FileError(
                f"{path}: {part.filename} unpacks to {size} MB from far less",
                zh=f"{path}: {part.filename} 由小得多的压缩数据解压为 {size} MB",
            )


def _shown(value: object, number_format: str) -> str:
    """A cell's value as the text a person sees (0.96 formatted 0% is 96%)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        # Excel shows a number to 15 significant digits, and so does kpi: a formula's 95.29999999999998
        # is the 95.3 its author sees, not a figure just under a 95.3% bound.
        number = Decimal(format(value, ".15g")) if isinstance(value, float) else Decimal(value)
        if "%" in number_format:
            if "%" in _LITERALS.sub("", number_format):
                return format((number * 100).normalize(), "f") + "%"
            return format(number.normalize(), "f") + "%"  # 95 shown as 95% by a written %: 0"%"
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))  # .xls stores every number as a float: 1000.0 shows as 1000
        return format(number, "f")
    text = str(value).strip("\x00")
    # A character XML cannot hold as it is, as Excel writes it: _x000D_ for the carriage return of
    # a text pasted from Word.  openpyxl leaves these in the text; a person sees the character.
    return _unescaped(text) if "_x" in text else text


def _unescaped(text: str) -> str:
    from openpyxl.utils.escape import unescape  # the excel extra: only read when an .xlsx is

    return unescape(text)  # type: ignore[no-any-return]


def _apply_merges(path: str, rows: list[list[str]], merges: Iterable[_Range]) -> None:
    """Lay merged ranges over *rows*: the first row's text across the span, the rows below it empty."""
    for count, (first_row, last_row, first_column, last_column) in enumerate(merges, 1):
        if count > MAX_MERGES:
            raise FileError(
                f"{path}: more than {MAX_MERGES} merged ranges", zh=f"{path}: 合并单元格区域超过 {MAX_MERGES} 个"
            )
        if first_row >= len(rows):
            continue
        last_column = min(last_column, MAX_COLUMNS - 1)
        top = rows[first_row]
        text = top[first_column] if first_column < len(top) else ""
        if last_column >= len(top):
            top.extend([""] * (last_column + 1 - len(top)))
        for column in range(first_column, last_column + 1):
            top[column] = text
        for below in rows[first_row + 1 : last_row + 1]:
            for column in range(first_column, min(last_column + 1, len(below))):
                below[column] = ""


def _sheet(
    path: str, title: str, rows: list[list[str]], kind: str, notices: tuple[Notice, ...] = (), *, hidden: bool = False
) -> Sheet:
    numbered = tuple((number, tuple(cells)) for number, cells in enumerate(rows, 1))
    return Sheet(f"{path}[{title}]", numbered, notices, kind=kind, hidden=hidden)


@attrs.frozen
class _Scanned:
    """What a sheet's XML says beside its cells' values: merged ranges, formula cells that hold
    no saved value (a file written by a program, never opened in Excel), rows and columns hidden from view."""

    merges: list[_Range]
    unsaved: list[str]
    hidden: list[int]
    hidden_columns: list[int] = attrs.Factory(list)

    def notices(self, place: str, width: int) -> tuple[Notice, ...]:
        """What to say of the sheet at *place*, whose longest row has *width* cells (a column hidden
        past them, as Excel hides the unused ones, holds nothing to say)."""
        said: list[Notice] = []
        if self.unsaved:
            cells = _listed(self.unsaved)
            said.append(
                Notice(
                    f"{place}: formulas with no saved value (the file was not saved by Excel), read as empty: {cells};"
                    " open the file in Excel and save it",
                    f"{place}: {cells} 是公式，但没有保存计算结果（文件未经 Excel 保存）：按空单元格读取；"
                    "请在 Excel 中打开并保存后再读取",
                )
            )
        if self.hidden:
            rows = _listed([str(row) for row in self.hidden])
            said.append(
                Notice(
                    f"{place}: rows hidden in Excel, read like every other row: {rows}",
                    f"{place}: 第 {rows.replace(', ', '、')} 行在 Excel 中被隐藏，照常读取",
                )
            )
        hidden_columns = [_letter(column) for column in self.hidden_columns if column <= width]
        if hidden_columns:
            columns = _listed(hidden_columns)
            said.append(
                Notice(
                    f"{place}: columns hidden in Excel, read like every other column: {columns}",
                    f"{place}: 第 {columns.replace(', ', '、')} 列在 Excel 中被隐藏，照常读取",
                )
            )
        return tuple(said)


def _letter(column: int) -> str:
    """A 1-based column's letters, as Excel names it: 3 is C, 28 is AB."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _listed(items: list[str], most: int = 10) -> str:
    return ", ".join(items[:most]) + (f" … ({len(items)})" if len(items) > most else "")


def _xlsx_scan(archive: zipfile.ZipFile, part: str) -> _Scanned:
    """The merged ranges, unsaved formulas, hidden rows and columns of one sheet part, found by scanning
    its XML in chunks (merged ranges follow its rows)."""
    scanned = _Scanned([], [], [])
    unsaved: dict[str, None] = {}
    hidden: dict[int, None] = {}
    columns: dict[int, None] = {}
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            end = 0
            for match in _MERGE.finditer(data):
                scanned.merges.append(_range(match.group(1).decode("ascii")))
                end = match.end()
            # Most sheets have no formula and no hidden row: a search for each mark is all they cost.
            if b"<f" in data or b":f" in data:
                for match in _UNSAVED.finditer(data):
                    unsaved[match.group(1).decode("ascii")] = None
                    end = max(end, match.end())
            if b"hidden=" in data:
                for match in _HIDDEN_ROW.finditer(data):
                    hidden[int(match.group(1))] = None
                    end = max(end, match.end())
                for match in _HIDDEN_COLUMNS.finditer(data):
                    first, last = int(match.group(1)), min(int(match.group(2)), MAX_COLUMNS)
                    columns.update(dict.fromkeys(range(first, last + 1)))
                    end = max(end, match.end())
            tail = data[max(end, len(data) - _TAIL) :]
    scanned.unsaved.extend(unsaved)
    scanned.hidden.extend(sorted(hidden))
    scanned.hidden_columns.extend(sorted(columns))
    return scanned


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part in the archive, by the sheet's name, as the format finds it:
    the package's relationships name the workbook part, whose own relationships name its sheets'."""
    from defusedxml.ElementTree import fromstring  # the excel extra: only read when an .xlsx is

    def related(part: str) -> dict[str, tuple[str, str]]:
        """The relationships of *part*: id → (type, the target's part)."""
        folder, name = posixpath.split(part)
        listed = posixpath.join(folder, "_rels", f"{name}.rels")
        if listed not in archive.namelist():
            return {}
        found = {}
        for relation in fromstring(archive.read(listed)).iter(f"{_PACKAGE}Relationship"):
            target = relation.get("Target", "")
            target = (
                target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            )
            found[relation.get("Id", "")] = (relation.get("Type", ""), target)
        return found

    workbook = next((target for kind, target in related("").values() if kind == _DOCUMENT), "xl/workbook.xml")
    targets = related(workbook)
    parts = {}
    for sheet in fromstring(archive.read(workbook)).iter(f"{_MAIN}sheet"):
        relation = targets.get(sheet.get(f"{_RELATION}id", ""))
        if relation is not None:
            parts[sheet.get("name", "")] = relation[1]
    return parts


def _range(reference: str) -> _Range:
    from openpyxl.utils.cell import range_boundaries  # the excel extra: only read when an .xlsx is

    first_column, first_row, last_column, last_row = range_boundaries(reference)
    assert first_column is not None and first_row is not None and last_column is not None and last_row is not None
    return first_row - 1, last_row - 1, first_column - 1, last_column - 1


def read_xlsx(path: Path) -> tuple[Sheet, ...]:
    """Every worksheet of an .xlsx, in workbook order."""
    try:
        import openpyxl
    except ImportError:
        raise missing_extra(path, "read", ".xlsx", "excel") from None
    if not openpyxl.DEFUSEDXML:  # pragma: no cover - the extra installs defusedxml
        raise FileError(
            "reading .xlsx safely needs defusedxml: pip install 'kpi[excel]'",
            zh="安全读取 .xlsx 需要 defusedxml：pip install 'kpi[excel]'",
        )
    check_archive(path, ".xlsx workbook")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken archive
        raise FileError(
            f"{path}: not a readable .xlsx workbook ({type(error).__name__}: {error})",
            zh=f"{path}: 不是可读取的 .xlsx 工作簿（{type(error).__name__}: {error}）",
        ) from None
    sheets: list[Sheet] = []
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            for sheet in book.worksheets:
                # The declared dimension (A1:XFD1048576) is not trusted: rows are as long as their cells.
                sheet.reset_dimensions()
                rows = _xlsx_rows(path, sheet)
                notices: tuple[Notice, ...] = ()
                # Read-only sheets do not list their merged ranges: they are read from the part itself.
                if rows:
                    if sheet.title not in parts:
                        raise FileError(
                            f"{path}: sheet {sheet.title} is not in the workbook's index",
                            zh=f"{path}: 工作表 {sheet.title} 不在工作簿的目录中",
                        )
                    scanned = _xlsx_scan(archive, parts[sheet.title])
                    _apply_merges(str(path), rows, scanned.merges)
                    notices = scanned.notices(f"{path}[{sheet.title}]", max(map(len, rows)))
                hidden = sheet.sheet_state != "visible"
                sheets.append(_sheet(str(path), sheet.title, rows, "xlsx", notices, hidden=hidden))
    except FileError:
        raise
    except Exception as error:
        raise FileError(
            f"{path}: cannot read its sheets ({type(error).__name__}: {error})",
            zh=f"{path}: 无法读取其中的工作表（{type(error).__name__}: {error}）",
        ) from None
    finally:
        book.close()
    return tuple(sheets)


def _xlsx_rows(path: Path, sheet: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for number, row in enumerate(sheet.iter_rows(), 1):
        if number > MAX_ROWS:
            raise FileError(f"{path}: more than {MAX_ROWS} rows", zh=f"{path}: 超过 {MAX_ROWS} 行")
        if len(row) > MAX_COLUMNS:
            raise FileError(
                f"{path}: row {number} has more than {MAX_COLUMNS} cells",
                zh=f"{path}: 第 {number} 行超过 {MAX_COLUMNS} 个单元格",
            )
        rows.append([_shown(cell.value, getattr(cell, "number_format", None) or "") for cell in row])
    return rows


def read_xls(path: Path) -> tuple[Sheet, ...]:
    """Every worksheet of an old Excel workbook (.xls, BIFF), in workbook order."""
    try:
        import xlrd
    except ImportError:
        raise missing_extra(path, "read", ".xls", "excel") from None
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as error:  # xlrd raises many types for a broken file
        raise FileError(
            f"{path}: not a readable .xls workbook ({type(error).__name__}: {error})",
            zh=f"{path}: 不是可读取的 .xls 工作簿（{type(error).__name__}: {error}）",
        ) from None
    sheets: list[Sheet] = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > MAX_ROWS:
                raise FileError(f"{path}: more than {MAX_ROWS} rows", zh=f"{path}: 超过 {MAX_ROWS} 行")
            if sheet.ncols > MAX_COLUMNS:
                raise FileError(f"{path}: more than {MAX_COLUMNS} columns", zh=f"{path}: 超过 {MAX_COLUMNS} 列")
            rows = [
                [_xls_text(book, sheet.cell(row, column)) for column in range(sheet.row_len(row))]
                for row in range(sheet.nrows)
            ]
            merges = [(rlo, rhi - 1, clo, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells]
            _apply_merges(str(path), rows, merges)
            sheets.append(_sheet(str(path), sheet.name, rows, "xls", hidden=sheet.visibility != 0))
            book.unload_sheet(index)
    except FileError:
        raise
    except Exception as error:
        raise FileError(
            f"{path}: cannot read its sheets ({type(error).__name__}: {error})",
            zh=f"{path}: 无法读取其中的工作表（{type(error).__name__}: {error}）",
        ) from None
    finally:
        book.release_resources()
    return tuple(sheets)


def _xls_text(book: Any, cell: Any) -> str:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        number_format = book.format_map[book.xf_list[cell.xf_index].format_key].format_str
        return _shown(float(cell.value), number_format)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return _shown(bool(cell.value), "")
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERROR")  # type: ignore[no-any-return]
    return str(cell.value)
