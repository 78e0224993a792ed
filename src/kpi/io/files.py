"""Reading and writing the files evaluators exchange: CSV, XLSX and JSON.

Spreadsheets come from Chinese desktops: CSV saved by Excel is often GBK,
XLSX cells hold floats formatted as percentages, files get truncated in
e-mail.  Every cell comes back as text with its row number, so that nothing
is silently reinterpreted and every problem can be reported with a place.
Outputs are written atomically (a temporary file renamed into place) and
never over an input.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import glob
import io
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, Literal, TypeVar

import attrs

from kpi.errors import FileError, Notice

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "Sheet",
    "csv_safe",
    "json_text",
    "json_value",
    "missing_extra",
    "read_csv",
    "write_atomically",
    "write_output",
]

T = TypeVar("T")

#: Largest spreadsheet kpi opens; a results file is a few hundred KB.
MAX_FILE_BYTES: Final = 200 * 1024 * 1024
#: Most rows read from one sheet.
MAX_ROWS: Final = 2_000_000


@attrs.frozen
class Sheet:
    """The cells of a file as text, each row with its 1-based line or row number."""

    path: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    notices: tuple[Notice, ...] = ()
    kind: str = "csv"
    #: The table's number in a document of several (a .docx), for locations.
    table: int | None = None
    #: A worksheet hidden in Excel: its author does not see it, so a visible one is read first.
    hidden: bool = False

    def after_heading(
        self,
        recognise: Callable[[tuple[str, ...], tuple[str, ...]], tuple[T, int] | None],
        missing: str,
        missing_zh: str | None = None,
    ) -> tuple[T, Iterator[tuple[int, tuple[str, ...]]]]:
        """What *recognise* makes of the first heading it accepts, and the rows after it.

        Tables often carry a title or a unit line above their heading, and a
        heading may take two rows (评价标准 over 优/良/中/差): *recognise* is
        given each row and the one after it, and says what the heading holds
        and how many rows it takes.  Raises :class:`FileError` with *missing*
        (and *missing_zh*, the same in Chinese) when no row is a heading.
        """
        rows = self.rows
        for index, (_, cells) in enumerate(rows):
            following = rows[index + 1][1] if index + 1 < len(rows) else ()
            found = recognise(cells, following)
            if found is not None:
                heading, used = found
                return heading, iter(rows[index + used :])
        raise FileError(f"{self.path}: {missing}", zh=None if missing_zh is None else f"{self.path}: {missing_zh}")


def _decode(data: bytes, path: str) -> tuple[str, tuple[Notice, ...]]:
    """Text of a CSV file: UTF-8 (with or without BOM), else GB18030 with a notice."""
    if not data or data.isspace() or data == codecs.BOM_UTF8:
        raise FileError(f"{path}: the file is empty", zh=f"{path}: 文件为空")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text": UTF-16 with a BOM, cells separated by tabs.
        try:
            return data.decode("utf-16"), (
                Notice(
                    f"{path}: UTF-16 text (Excel's Unicode text), read with tabs between cells",
                    f"{path}: UTF-16 文本（Excel 的 Unicode 文本），按制表符分隔单元格读取",
                ),
            )
        except UnicodeDecodeError as error:
            raise FileError(
                f"{path}: UTF-16 text broken at byte {error.start}",
                zh=f"{path}: UTF-16 文本在字节 {error.start} 处损坏",
            ) from None
    try:
        # utf-8-sig drops a BOM without copying the bytes first (files reach 200 MB);
        # the positions in its errors count from after the BOM.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        if text.isspace():
            raise FileError(f"{path}: the file is empty", zh=f"{path}: 文件为空")
        return text, ()
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    if utf8_error.reason == "unexpected end of data" and utf8_error.end == len(data) - bom:
        # UTF-8 to the last bytes, which are half a character: a cut-off file.
        text = data[bom : bom + utf8_error.start].decode("utf-8")
        return text, (
            Notice(
                f"{path}: ends in the middle of a character; the file looks truncated",
                f"{path}: 文件在一个字符中间结束，似乎不完整",
            ),
        )
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise FileError(
            f"{path}: not UTF-8 text (byte {utf8_error.start}) nor GBK/GB18030; save it as UTF-8 CSV",
            zh=f"{path}: 既不是 UTF-8 文本（字节 {utf8_error.start}），也不是 GBK/GB18030 文本；请另存为 UTF-8 CSV",
        ) from None
    return text, (
        Notice(
            f"{path}: not UTF-8; read as GBK/GB18030 (Excel's Chinese CSV)",
            f"{path}: 不是 UTF-8 文本，已按 GBK/GB18030（Excel 的中文 CSV）读取",
        ),
    )


def read_csv(path: Path) -> Sheet:
    """The rows of a CSV file (or Excel's tab-separated Unicode text) as text cells."""
    text, notices = _decode(path.read_bytes(), str(path))  # the bytes go as soon as they are decoded
    if "\x00" in text:
        raise FileError(
            f"{path}: contains NUL bytes; it is not a CSV text file", zh=f"{path}: 含有 NUL 字节，不是 CSV 文本文件"
        )
    # strict: an unclosed quote is an error at the end of the file, not a cell that
    # silently swallows every row after it.
    dialect = "excel-tab" if notices and "UTF-16" in notices[0].en else "excel"
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    try:
        # Each record becomes a tuple as it is read: no list of lists beside the tuples.
        records = list(map(tuple, reader))
    except csv.Error:
        _numbered(path, text, dialect)  # raises, naming the line where the bad record starts
        raise  # pragma: no cover - _numbered met the same error
    if len(records) > MAX_ROWS:
        raise FileError(f"{path}: more than {MAX_ROWS} rows", zh=f"{path}: 超过 {MAX_ROWS} 行")
    if reader.line_num == len(records):
        # One line per record: record i starts on line i.
        rows = tuple(zip(range(1, len(records) + 1), records, strict=True))
    else:
        rows = _numbered(path, text, dialect)  # a quoted cell spans lines: count them record by record
        _check_long_cells(path, rows)
    if _ESCAPED.search(text):
        rows = tuple((line, tuple(map(_unescaped, cells))) for line, cells in rows)
    return Sheet(str(path), rows, notices)


# A cell kpi wrote with csv_safe's leading ' (the tier text '=94%) is read back as it was.
# The pattern starts with a literal, which the regex engine finds fast in a large text.
_ESCAPED: Final = re.compile(r"'[=+\-@]")


def _unescaped(cell: str) -> str:
    return cell[1:] if cell.startswith(("'=", "'+", "'-", "'@")) else cell


#: The most lines one quoted cell may span; a longer one is an unclosed quote that swallowed rows.
MAX_CELL_LINES: Final = 20


def _check_long_cells(path: Path, rows: Sequence[tuple[int, tuple[str, ...]]]) -> None:
    for line, cells in rows:
        for cell in cells:
            lines = cell.count("\n") + 1
            if lines > MAX_CELL_LINES:
                raise FileError(
                    f"{path}:{line}: a quoted cell runs across {lines} lines, swallowing the rows after it:"
                    " a quote left unclosed? Close it and read the file again",
                    zh=f"{path}:{line}: 一个带引号的单元格跨了 {lines} 行，吞掉了其后的行：是否有引号未闭合？"
                    "请补上引号后重新读取",
                )


def _numbered(path: Path, text: str, dialect: str = "excel") -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The records of *text* with the line each starts on, read one by one."""
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    line = 1
    try:
        for cells in reader:
            rows.append((line, tuple(cells)))
            line = reader.line_num + 1
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            reason = "a quoted cell opened here runs to the end of the file: a quote left unclosed?"
            reason_zh = "从这里开始的带引号单元格一直延续到文件末尾：是否有引号未闭合？"
        else:
            reason = f"not valid CSV ({error})"
            reason_zh = f"不是有效的 CSV（{error}）"
        raise FileError(f"{path}:{line}: {reason}", zh=f"{path}:{line}: {reason_zh}") from None
    return tuple(rows)


_TEMPORARY_SUFFIX: Final = ".kpi-partial"
#: A temporary file this old is left from a run that was killed: a later run removes it.
STALE_SECONDS: Final = 3600


def _remove_stale(path: Path) -> None:
    """Remove what an interrupted write (kill -9) left beside *path* long ago."""
    now = time.time()
    for left in path.parent.glob(f".{glob.escape(path.name)}.*{_TEMPORARY_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - left.stat().st_mtime > STALE_SECONDS:
                left.unlink()


def missing_extra(path: object, verb: Literal["read", "write"], kind: str, extra: str) -> FileError:
    """The error for a file kpi reads or writes only with an optional dependency installed (an extra)."""
    doing, doing_zh = ("reading", "读取") if verb == "read" else ("writing", "写出")
    return FileError(
        f"{path}: {doing} {kind} needs the {extra} extra: pip install 'kpi[{extra}]'",
        zh=f"{path}: {doing_zh} {kind} 需要安装 {extra} 扩展：pip install 'kpi[{extra}]'",
    )


_FORMULA_STARTS: Final = frozenset("=+-@\t\r")
_PLAIN_NUMBER: Final = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")


def csv_safe(cells: Sequence[object]) -> list[object]:
    """*cells* safe to open in a spreadsheet: a text that starts like a formula (=, +, -, @,
    tab, carriage return) gets a leading ``'``, as OWASP's CSV-injection guidance says;
    numbers, and texts that are plain numbers (-5), stay as they are, a Decimal written
    plainly (100, never 1E+2)."""
    return [
        ("'" + cell if cell[:1] in _FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(cell) else cell)
        if isinstance(cell, str)
        else format(cell, "f")
        if type(cell) is Decimal
        else cell
        for cell in cells
    ]


def json_text(payload: object) -> str:
    """*payload* as JSON laid out for reading, each record of a long list on a line of its own.

    Python's json module runs its C encoder only without ``indent``: a list
    of 100,000 records indented whole takes ten times a CSV.  So the outer
    levels are indented by hand and each record is encoded in one C pass.
    """
    return _json_text(payload, 0) + "\n"


def _json_text(value: object, depth: int) -> str:
    one = functools.partial(json.dumps, ensure_ascii=False, default=json_value)
    pad, inner = "  " * depth, "  " * (depth + 1)
    if isinstance(value, dict) and value and depth < 2:
        items = (f"{inner}{one(str(key))}: {_json_text(item, depth + 1)}" for key, item in value.items())
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and depth < 2:
        return "[\n" + ",\n".join(inner + one(item) for item in value) + "\n" + pad + "]"
    return one(value)


def json_value(value: object) -> object:
    """A value JSON cannot hold as it is: a Decimal as a number, anything else as its text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def _atomic(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write through a temporary file in the same folder, then rename over *path*.

    The temporary file is named after *path* and ends in ``.kpi-partial``; one
    left by a run killed midway is removed by a later run.  A symlink at *path*
    is written through: its target gets the new content.
    """
    if path.is_symlink():
        path = path.resolve()
    _remove_stale(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TEMPORARY_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would.
        Path(temporary).chmod(path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _check_target(path: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    for source in inputs:
        source_path = Path(source)
        if source_path.exists() and path.exists() and path.samefile(source_path):
            raise FileError(f"{path}: refusing to write over an input file", zh=f"{path}: 不能覆盖输入文件")
        if path.resolve() == source_path.resolve():
            raise FileError(f"{path}: refusing to write over an input file", zh=f"{path}: 不能覆盖输入文件")


def write_output(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    document: object = None,
    extra_sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]]]] = (),
) -> None:
    """Write *rows* as CSV (UTF-8 with BOM, for Excel), XLSX or JSON, atomically.

    JSON writes *document* when given (so a summary can go beside the rows),
    else the rows as a list of objects.  XLSX writes *extra_sheets* after
    the first.  CSV streams *rows*, so a generator keeps memory flat.
    """
    target = Path(path)
    _check_target(target, inputs)
    suffix = target.suffix.lower()
    if suffix == ".csv":

        def write(stream: IO[bytes]) -> None:
            # The BOM by hand: Python's utf-8-sig encoder runs in Python code for every row.
            stream.write(codecs.BOM_UTF8)
            text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(csv_safe(header))
            writer.writerows(map(csv_safe, rows))  # the csv module writes None as an empty cell
            text.flush()
            text.detach()

    elif suffix == ".json":
        payload = document if document is not None else [dict(zip(header, row, strict=True)) for row in rows]

        def write(stream: IO[bytes]) -> None:
            stream.write(json_text(payload).encode("utf-8"))

    elif suffix == ".xlsx":
        try:
            import openpyxl
        except ImportError:
            raise missing_extra(target, "write", ".xlsx", "excel") from None

        def write(stream: IO[bytes]) -> None:
            book = openpyxl.Workbook(write_only=True)
            for title, sheet_header, sheet_rows in (("结果", header, rows), *extra_sheets):
                sheet = book.create_sheet(title)
                sheet.append([_xlsx_cell(sheet, cell) for cell in sheet_header])
                for row in sheet_rows:
                    sheet.append([_xlsx_cell(sheet, cell) for cell in row])
            book.save(stream)

    else:
        raise FileError(
            f"{target}: unknown kind of output; use .csv, .xlsx or .json",
            zh=f"{target}: 未知的输出文件类型；请使用 .csv、.xlsx 或 .json",
        )
    _atomic(target, write)


def write_atomically(
    path: str | os.PathLike[str], write: Callable[[IO[bytes]], None], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Run *write* on a temporary file beside *path*, then rename it into place; never over an input.

    For writers of their own (the report workbook of :mod:`kpi.io.report`).
    """
    target = Path(path)
    _check_target(target, inputs)
    _atomic(target, write)


def _xlsx_cell(sheet: Any, value: object) -> object:
    """A cell for a write-only sheet; text stays text even when it starts with “=”
    (the tier text ``=94%`` must not become a formula)."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, Decimal):
        value = float(value) if value != value.to_integral_value() else int(value)
    cell = WriteOnlyCell(sheet, value="" if value is None else value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
