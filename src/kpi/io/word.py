"""Word documents (.docx): each table as a sheet of text cells.

Budget disclosures and 绩效目标表 are published as Word tables.  A merged
cell reads as it looks, as in a workbook (:mod:`kpi.io.workbooks`): a cell
spanning columns (评价标准 over 优/良/中/差) gives its text to each of them;
the rows a cell is merged down over (职责活动 for the rows of one activity)
have that cell empty, which the table readers continue from the row above.
Rows that start or end short of the table's grid are padded with empty
cells, so that every column stays in its place.  A cell's text is all the
text it shows: python-docx leaves out what stands in a content control
(the fill-in fields of a published form) and in a tracked insertion.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from kpi.errors import FileError
from kpi.io.files import MAX_ROWS, Sheet, missing_extra
from kpi.io.rows import SourceLocation
from kpi.io.workbooks import MAX_COLUMNS, check_archive
from kpi.wording import words

__all__ = ["read_docx"]


def read_docx(path: Path) -> tuple[Sheet, ...]:
    """Every table of a .docx, in document order, numbered from 1; nested tables are not read."""
    try:
        import docx
    except ImportError:
        raise missing_extra(path, "read", ".docx", "word") from None
    check_archive(path, ".docx document")
    try:
        document = docx.Document(str(path))
        return tuple(_table(path, number, table) for number, table in enumerate(document.tables, 1))
    except FileError:
        raise
    except Exception as error:  # python-docx and lxml raise many types for a broken file
        raise FileError(
            f"{path}: not a readable .docx document ({type(error).__name__}: {error})",
            zh=f"{path}: 不是可读取的 .docx 文档（{type(error).__name__}: {error}）",
        ) from None


_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# What a paragraph shows, in document order: its texts, tabs and line breaks (deleted text is w:delText).
_SHOWN: Final = {f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"}
# What may wrap a table's rows or a row's cells: a content control, custom XML.
_WRAPPERS: Final = {f"{_W}sdt", f"{_W}customXml"}
_PROPERTIES: Final = {f"{_W}sdtPr", f"{_W}sdtEndPr", f"{_W}customXmlPr"}


def _text(cell: Any) -> str:
    """The text a <w:tc> shows, its paragraphs one to a line; a table nested in it is not read."""
    lines = []
    for paragraph in cell.iter(f"{_W}p"):
        # A paragraph of a nested table, or of a text box in a paragraph, is not the cell's own.
        outer = next((a for a in paragraph.iterancestors() if a is cell or a.tag in (f"{_W}tbl", f"{_W}p")), None)
        if outer is not cell:
            continue
        lines.append(
            "".join(
                (node.text or "") if node.tag == f"{_W}t" else "\t" if node.tag == f"{_W}tab" else "\n"
                for node in paragraph.iter(*_SHOWN)
            )
        )
    return "\n".join(lines)


def _unwrapped(parent: Any) -> None:
    """Lift rows out of the content controls (and custom XML) that wrap them in a table, and cells out of
    those that wrap them in a row: python-docx sees only a table's own rows and a row's own cells, and
    a form's repeating section would lose its rows, a wrapped cell shift the cells after it."""
    wrapped = [child for child in parent if child.tag in _WRAPPERS]
    while wrapped:
        lifted: list[Any] = []
        for wrapper in wrapped:
            content = wrapper.find(f"{_W}sdtContent") if wrapper.tag == f"{_W}sdt" else wrapper
            for item in [] if content is None else [item for item in content if item.tag not in _PROPERTIES]:
                wrapper.addprevious(item)
                lifted.append(item)
            parent.remove(wrapper)
        wrapped = [item for item in lifted if item.tag in _WRAPPERS]  # what was lifted may be wrapped again
    for child in parent:
        if child.tag == f"{_W}tr":
            _unwrapped(child)


def _table(path: Path, number: int, table: Any) -> Sheet:
    _unwrapped(table._tbl)  # the document is read, never saved: its tree may be changed
    rows: list[tuple[int, tuple[str, ...]]] = []
    # The <w:tc> element at each grid column of the row above: a cell merged down from
    # it is the same element, which python-docx gives again in the rows it spans.
    above: list[object] = []
    for index, row in enumerate(table.rows, 1):
        if index > MAX_ROWS:
            raise FileError(
                f"{path}: {words('en').table_name.format(table=number)} has more than {MAX_ROWS} rows",
                zh=f"{path}: {words('zh').table_name.format(table=number)} 超过 {MAX_ROWS} 行",
            )
        elements: list[object] = [None] * row.grid_cols_before
        cells = [""] * row.grid_cols_before
        for cell in row.cells:
            element = cell._tc  # python-docx names no public handle for a cell's element
            continued = len(elements) < len(above) and above[len(elements)] is element
            cells.append("" if continued else _text(element).strip("\r\n"))
            elements.append(element)
            if len(cells) > MAX_COLUMNS:
                place = SourceLocation(str(path), index, number)
                raise FileError(
                    f"{place} has more than {MAX_COLUMNS} cells", zh=f"{place.says('zh')}超过 {MAX_COLUMNS} 个单元格"
                )
        cells += [""] * row.grid_cols_after
        elements += [None] * row.grid_cols_after
        above = elements
        rows.append((index, tuple(cells)))
    return Sheet(str(path), tuple(rows), kind="docx", table=number)
