"""Indicator tables as they are published: Word tables, Excel sheets made by hand, old .xls files.

The documents are built here from the seed's table, merged cells and all, and
must load to the same rows as the seed's text: the same ids, activities,
indicators, tiers and budgets.  Every row is kept; what is read past (a
heading repeated, a 合计 row, a table or sheet that is not the indicator
table) is said in a notice.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl.styles import Alignment

import kpi
from kpi.cli import main
from kpi.io.results import load_results
from kpi.io.rows import Table, TableRow
from kpi.io.tables import load_table

ROOT = Path(__file__).parents[1]
SEED = ROOT / "seeds" / "handan-hrss-2018-budget.txt"
DATA = Path(__file__).parent / "data"
HEADINGS = ("职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标")


@pytest.fixture(scope="module")
def seed() -> Table:
    return load_table(SEED)


def _activity_cell(row: TableRow) -> str:
    return "\u3000\u3000" * (len(row.activity) - 1) + row.activity[-1]


def _continues(row: TableRow, previous: TableRow | None) -> bool:
    """Whether the seed leaves the row's first four cells empty: a Word or Excel table merges them down."""
    return previous is not None and bool(row.tiers) and row.activity == previous.activity and not row.description


def _cells(row: TableRow) -> list[str]:
    budget = "" if row.budget is None else str(row.budget)
    return [_activity_cell(row), budget, row.description, row.goal, row.indicator.text, *(row.tiers or ("",) * 4)]


def same_rows(loaded: Table, seed: Sequence[TableRow]) -> None:
    assert len(loaded.rows) == len(seed)
    for got, want in zip(loaded.rows, seed, strict=True):
        assert (got.id, got.activity, got.indicator.text, got.tiers, got.budget, got.description, got.goal) == (
            want.id,
            want.activity,
            want.indicator.text,
            want.tiers,
            want.budget,
            want.description,
            want.goal,
        )
        assert (got.criteria is None) == (want.criteria is None)


# -- Word ----------------------------------------------------------------------
def _word_table(document: docx.document.Document, rows: Sequence[TableRow], *, heading: bool = True) -> None:
    """The seed's rows as a Word table: a heading of two rows (评价标准 merged over 优/良/中/差,
    the other headings merged down), and the cells of continued rows merged into the row above."""
    table = document.add_table(rows=2 if heading else 0, cols=9)
    if heading:
        for column, name in enumerate(HEADINGS):
            table.cell(0, column).text = name
            table.cell(0, column).merge(table.cell(1, column))
        table.cell(0, 5).text = "评价标准"
        table.cell(0, 5).merge(table.cell(0, 8))
        for column, band in enumerate("优良中差"):
            table.cell(1, 5 + column).text = band
    previous = None
    for row in rows:
        cells = table.add_row().cells
        merged = _continues(row, previous)
        for column, text in enumerate(_cells(row)):
            if not (merged and column < 4):
                cells[column].text = text
        if merged:
            last = len(table.rows) - 1
            for column in range(4):
                table.cell(last - 1, column).merge(table.cell(last, column))
        previous = row


def write_docx(path: Path, parts: Sequence[Sequence[TableRow]], *, budget_table: bool = True) -> Path:
    document = docx.Document()
    document.add_paragraph("邯郸市人力资源和社会保障局2018年部门预算")
    if budget_table:
        summary = document.add_table(rows=2, cols=2)  # another table of the document: not an indicator table
        summary.cell(0, 0).text, summary.cell(0, 1).text = "项目", "金额"
        summary.cell(1, 0).text, summary.cell(1, 1).text = "一般公共预算", "3529.36"
    document.add_paragraph("部门职责-工作活动绩效目标")
    for part in parts:
        _word_table(document, part)
        document.add_page_break()
    document.save(str(path))
    return path


def test_a_word_table_loads_to_the_seeds_rows(tmp_path: Path, seed: Table) -> None:
    table = load_table(write_docx(tmp_path / "disclosure.docx", [seed.rows]))
    same_rows(table, seed.rows)
    assert len(table.indicators) == 102
    assert str(table.rows[1].location) == f"{tmp_path / 'disclosure.docx'}: table 2, row 4"
    assert tuple(map(str, table.notices)) == (
        f"{tmp_path / 'disclosure.docx'}: table 1 has no such heading row, not read",
    )


def test_a_table_split_over_pages_is_read_as_one(tmp_path: Path, seed: Table) -> None:
    path = write_docx(tmp_path / "split.docx", [seed.rows[:40], seed.rows[40:]], budget_table=False)
    table = load_table(path)
    same_rows(table, seed.rows)
    assert table.rows[40].location.table == 2
    assert kpi.score(table, ROOT / "examples" / "handan-2018-results.csv").total.score is not None
    # Two tables of two kinds would be read alike: the reader is told, in both languages.
    (said,) = table.notices
    assert str(said) == f"{path}: table 1, table 2 read as one table, one after another (read one with --sheet)"
    assert said.says("zh") == f"{path}: 表格 1、表格 2 依次作为一张表读取（只读其中一张请用 --sheet）"


def test_a_word_table_can_be_picked_by_number(tmp_path: Path, seed: Table) -> None:
    path = write_docx(tmp_path / "two.docx", [seed.rows[:40], seed.rows[40:]], budget_table=False)
    assert len(load_table(path, sheet=2).rows) == len(seed.rows) - 40
    with pytest.raises(kpi.FileError, match="no sheet '5'; it has table 1, table 2"):
        load_table(path, sheet=5)


def test_an_unreadable_word_row_is_kept_with_its_table_and_row(tmp_path: Path, seed: Table) -> None:
    path = write_docx(tmp_path / "typo.docx", [seed.rows[:5]])
    document = docx.Document(str(path))
    document.tables[1].rows[4].cells[5].text = "见附件"
    document.save(str(path))
    table = load_table(path)
    assert len(table.rows) == 5
    broken = table.rows[2]
    assert broken.criteria is None
    assert str(broken.error).startswith(f"{path}: table 2, row 5: tier 1 (优)")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_places_in_a_word_document_are_said_in_the_readers_language(
    tmp_path: Path, seed: Table, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_docx(tmp_path / "typo.docx", [seed.rows[:5]])
    document = docx.Document(str(path))
    document.tables[1].rows[4].cells[5].text = "见附件"
    document.save(str(path))
    table = load_table(path)
    zh = lang == "zh"
    row = f"{path}: 表格 2 第 5 行" if zh else f"{path}: table 2, row 5"
    assert table.rows[2].location.says(lang) == row  # type: ignore[arg-type]
    assert str(table.rows[2].location) == f"{path}: table 2, row 5"  # str(): English, for programmers
    assert table.rows[2].error is not None
    assert table.rows[2].error.says(lang).startswith(f"{row}: 第1档（优）" if zh else f"{row}: tier 1 (优)")
    assert [notice.says(lang) for notice in table.notices] == [
        f"{path}: 表格 1 没有这样的表头行，未读取" if zh else f"{path}: table 1 has no such heading row, not read"
    ]
    assert main(["lint", str(path), "--lang", lang]) == 1
    out, err = capsys.readouterr()
    assert f"{row}: {'错误' if zh else 'error'}: " in out
    assert (f"提示：{path}: 表格 1 没有这样的表头行" if zh else f"notice: {path}: table 1 has no such heading") in err
    # A table is picked by its number, or by its name in either language.
    assert len(load_table(path, sheet="表格 2").rows) == len(load_table(path, sheet="table 2").rows) == 5
    with pytest.raises(kpi.FileError) as raised:
        load_table(path, sheet=5)
    assert raised.value.says(lang) == (
        f"{path}: 没有工作表“5”；现有：表格 1、表格 2" if zh else f"{path}: no sheet '5'; it has table 1, table 2"
    )


def test_a_document_without_an_indicator_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_table(rows=1, cols=2).cell(0, 0).text = "项目"
    document.save(str(tmp_path / "none.docx"))
    with pytest.raises(kpi.FileError, match=r"none\.docx: no heading row with 职责活动"):
        load_table(tmp_path / "none.docx")


# -- Excel ---------------------------------------------------------------------
def write_sheet(sheet: openpyxl.worksheet.worksheet.Worksheet, rows: Sequence[TableRow]) -> None:
    """The seed's rows as people lay them out in Excel: a title merged across, a blank row, a heading
    of two rows, 职责活动 and the other cells merged down, blank spacer rows and a 合计 row."""
    sheet.append(["部门职责-工作活动绩效目标"])
    sheet.merge_cells("A1:I1")
    sheet.append(["单位：万元"])
    sheet.append([*HEADINGS, "评价标准"])
    sheet.append(["", "", "", "", "", "优", "良", "中", "差"])
    sheet.merge_cells("F3:I3")
    for column in "ABCDE":
        sheet.merge_cells(f"{column}3:{column}4")
    previous = None
    start = 0
    for row in rows:
        if row.is_heading and previous is not None:
            sheet.append([])  # a spacer before each duty
        cells: list[object] = list(_cells(row))
        if row.budget is not None:
            cells[1] = float(row.budget)  # a number, as typed
        merged = _continues(row, previous)
        if merged:
            cells[:4] = ["", "", "", ""]
        sheet.append(cells)
        if merged:
            for column in "ABCD":
                sheet.merge_cells(f"{column}{start}:{column}{sheet.max_row}")
        else:
            start = sheet.max_row
        sheet.cell(sheet.max_row, 1).alignment = Alignment(vertical="center")
        previous = row
    sheet.append(["合计", 3529.36])


def test_a_hand_made_sheet_loads_to_the_seeds_rows(tmp_path: Path, seed: Table) -> None:
    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["本表由各科室填报"])
    write_sheet(book.create_sheet("绩效目标表"), seed.rows)
    book.save(tmp_path / "table.xlsx")
    table = load_table(tmp_path / "table.xlsx")
    same_rows(table, seed.rows)
    path = tmp_path / "table.xlsx"
    assert str(table.notices[0]) == f"{path}: 说明 has no such heading row, not read"
    assert table.notices[0].says("zh") == f"{path}: 说明 没有这样的表头行，未读取"  # what kpi score prints by default
    assert str(table.notices[-1]).endswith(": a 合计 row, not an indicator, skipped")
    assert str(table.rows[1].location) == f"{path}[绩效目标表]:6"


def test_the_first_sheet_with_a_table_is_read_unless_another_is_chosen(tmp_path: Path, seed: Table) -> None:
    book = openpyxl.Workbook()
    write_sheet(book.active, seed.rows[:13])
    book.active.title = "就业"
    write_sheet(book.create_sheet("社保"), seed.rows[13:30])
    book.save(tmp_path / "two.xlsx")
    first = load_table(tmp_path / "two.xlsx")
    same_rows(first, seed.rows[:13])
    assert f"{tmp_path / 'two.xlsx'}: read 就业; 社保 also hold such a table (choose with --sheet)" in map(
        str, first.notices
    )
    assert len(load_table(tmp_path / "two.xlsx", sheet="社保").rows) == 17
    assert len(load_table(tmp_path / "two.xlsx", sheet=2).rows) == 17


def test_a_heading_of_two_rows_without_merged_cells_names_the_bands(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["职责活动", "绩效指标", "评价标准"])
    sheet.append(["", "", "优秀", "良好", "合格", "不合格"])
    sheet.append(["就业", "任务完成率100%", "95%以上", "85%-95%", "60%-85%", "60%以下"])
    book.save(tmp_path / "labels.xlsx")
    (row,) = load_table(tmp_path / "labels.xlsx").rows
    assert row.criteria is not None
    assert row.criteria.labels == ("优秀", "良好", "合格", "不合格")
    assert row.criteria.grade("90%").label == "良好"


@pytest.mark.parametrize("bands", [3, 5])
def test_a_merged_heading_spans_as_many_tiers_as_it_covers(tmp_path: Path, bands: int) -> None:
    tiers = {3: ["90%以上", "60%-90%", "60%以下"], 5: ["95%以上", "90%-95%", "80%-90%", "60%-80%", "60%以下"]}[bands]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["职责活动", "绩效指标", "评价标准"])
    sheet.merge_cells(start_row=1, start_column=3, end_row=1, end_column=2 + bands)
    sheet.append(["就业", "任务完成率100%", *tiers])
    book.save(tmp_path / "n.xlsx")
    (row,) = load_table(tmp_path / "n.xlsx").rows
    assert row.tiers == tuple(tiers)


def test_an_old_xls_workbook(seed: Table) -> None:
    table = load_table(DATA / "handan-first-duty.xls")
    same_rows(table, seed.rows[:13])
    assert tuple(map(str, table.notices)) == (
        f"{DATA / 'handan-first-duty.xls'}[绩效目标表]:19: a 合计 row, not an indicator, skipped",
    )
    results = load_results(DATA / "handan-first-duty-results.xls")
    assert results.entries["R003"].values == (("完成率", "96.2%"),)  # 0.962 shown as 96.2%
    card = kpi.score(table, results)
    graded = {row.id: row for row in card.rows if row.status == "graded"}
    assert graded["R003"].grade is not None and graded["R003"].grade.label == "优"


def test_a_merged_range_past_the_cells_of_a_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["职责活动", "绩效指标", "优", "良", "中", "差"])
    sheet.append(["就业", "任务完成率100%", "95%", "85%-94%", "70%-84%", "69%以下"])
    sheet.merge_cells("A5:Z9")  # far past every cell written
    book.save(tmp_path / "wide.xlsx")
    assert len(load_table(tmp_path / "wide.xlsx").rows) == 1


def test_every_command_reads_a_word_table(tmp_path: Path, seed: Table, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_docx(tmp_path / "disclosure.docx", [seed.rows])
    results = ROOT / "examples" / "handan-2018-results.csv"
    assert main(["score", str(path), str(results), "-o", str(tmp_path / "scored.csv"), "--allow-ungraded"]) == 0
    assert main(["score", str(SEED), str(results), "-o", str(tmp_path / "from-text.csv"), "--allow-ungraded"]) == 0
    scored, from_text = (
        list(csv.reader((tmp_path / name).open(encoding="utf-8-sig", newline="")))
        for name in ("scored.csv", "from-text.csv")
    )
    # The same grades; only the places in the table differ (table 2, row N against the text's line).
    place = scored[0].index("表格位置")
    assert [row[:place] + row[place + 1 :] for row in scored] == [row[:place] + row[place + 1 :] for row in from_text]
    assert scored[1][place] == f"{path}: 表格 2 第 4 行"
    assert main(["template", str(path), "-o", str(tmp_path / "fill.csv")]) == 0
    capsys.readouterr()
    assert main(["lint", str(path)]) == 0
    assert "表格 1 没有这样的表头行，未读取" in " ".join(capsys.readouterr().err.split())
    assert main(["lint", str(path), "--sheet", "2"]) == 0


def test_a_workbook_whose_parts_lie_elsewhere_is_read_by_its_index(tmp_path: Path, seed: Table) -> None:
    """Other tools name and place a workbook's parts as they like (absolute targets, other
    folders): its merged cells are found through the workbook's index, as Excel finds them."""
    book = openpyxl.Workbook()
    write_sheet(book.active, seed.rows)
    book.active.title = "绩效目标表"
    book.save(tmp_path / "plain.xlsx")
    moved = {"xl/worksheets/sheet1.xml": "xl/tables/first.xml"}
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as plain, zipfile.ZipFile(tmp_path / "moved.xlsx", "w") as out:
        for item in plain.infolist():
            data = plain.read(item.filename)
            if item.filename in ("xl/_rels/workbook.xml.rels", "[Content_Types].xml"):
                text = data.decode("utf-8")
                text = text.replace('Target="/xl/worksheets/sheet1.xml"', 'Target="/xl/tables/first.xml"')
                text = text.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/tables/first.xml"')
                data = text.replace("/xl/worksheets/sheet1.xml", "/xl/tables/first.xml").encode("utf-8")
            out.writestr(moved.get(item.filename, item.filename), data)
    with zipfile.ZipFile(tmp_path / "moved.xlsx") as archive:
        assert "xl/tables/first.xml" in archive.namelist()
        assert "/xl/tables/first.xml" in archive.read("xl/_rels/workbook.xml.rels").decode()
    same_rows(load_table(tmp_path / "moved.xlsx"), seed.rows)
