"""Files as evaluators make them, messier than the layouts the other tests build.

Each case is a small file built here (openpyxl, python-docx, csv): a 评价标准
cell written as a numbered list, number formats that show a % they do not
scale by, formulas saved without their values, rows hidden in Excel, tiers
merged down from the row above, a results heading repeated on a new page.
kpi must read each right, or report the row with its place and the reason.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given
from hypothesis import strategies as st

import kpi
from kpi.cli import main
from kpi.io.results import load_results
from kpi.io.tables import load_table

HEADING = ["编号", "职责活动", "绩效指标", "优", "良", "中", "差"]
TIERS = ["95%以上", "85%-95%", "70%-85%", "70%以下"]
READING = "≥95% | 85%-95% | 70%-85% | ≤70%"


def _xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = (), hidden: tuple[int, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    for number in hidden:
        sheet.row_dimensions[number].hidden = True
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as stream:
        csv.writer(stream).writerows(rows)
    return path


# A 评价标准 cell written as a numbered list: ① is NFKC's 1, and once read ①95%以上 as ≥195%.
@pytest.mark.parametrize(
    "cell",
    [
        "①95%以上\n②85%-95%\n③70%-85%\n④70%以下",
        "⒈95%以上\n⒉85%-95%\n⒊70%-85%\n⒋70%以下",
        "❶95%以上\n❷85%-95%\n❸70%-85%\n❹70%以下",
        "①95%以上；②85%-95%；③70%-85%；④70%以下",
        "（1）95%以上\n（2）85%-95%\n（3）70%-85%\n（4）70%以下",
        "\u200b95%以上\n85%-95%\u200b\n70%-85%\n70%以下",
    ],
)
@pytest.mark.parametrize("kind", ["xlsx", "docx", "csv"])
def test_a_numbered_list_of_tiers_in_one_cell_reads_as_its_tiers(tmp_path: Path, cell: str, kind: str) -> None:
    rows = [["编号", "职责活动", "绩效指标", "评价标准"], ["R1", "就业", "就业率", cell]]
    if kind == "xlsx":
        path = _xlsx(tmp_path / "t.xlsx", list(rows))
    elif kind == "csv":
        path = _csv(tmp_path / "t.csv", rows, "gbk" if "\u200b" not in cell and "❶" not in cell else "utf-8")
    else:
        document = docx.Document()
        table = document.add_table(rows=2, cols=4)
        for number, row in enumerate(rows):
            for column, text in enumerate(row):
                table.cell(number, column).text = text
        path = tmp_path / "t.docx"
        document.save(path)
    (row,) = load_table(path).indicators
    assert row.error is None and row.criteria is not None
    assert str(row.criteria) == READING
    assert row.criteria.grade("96%").label == "优"


@pytest.mark.parametrize(
    "cell",
    [
        "1. 95%以上\n2. 85%-95%\n3. 70%-85%\n4. 70%以下",
        "1、95%以上；2、85%-95%；3、70%-85%；4、70%以下",
        # Glued to the figure: read once as ≥1.95% | 2.85%-95% | 3.7%-85% | ≤4.7%, and 80% graded 优.
        "1.95%以上\n2.85%-95%\n3.70%-85%\n4.70%以下",
        "１．95%以上\n２．85%-95%\n３．70%-85%\n４．70%以下",
    ],
)
def test_a_list_numbered_with_plain_digits_is_refused_not_read_as_figures(tmp_path: Path, cell: str) -> None:
    assert (
        len(
            load_table(
                _csv(tmp_path / "t.csv", [["编号", "职责活动", "绩效指标", "评价标准"], ["R1", "就业", "就业率", cell]])
            )
            .indicators[0]
            .tiers
        )
        == 4
    )
    path = _xlsx(tmp_path / "t.xlsx", [["编号", "职责活动", "绩效指标", "评价标准"], ["R1", "就业", "就业率", cell]])
    (row,) = load_table(path).indicators
    assert row.criteria is None and row.error is not None and "t.xlsx[Sheet]:2" in str(row.error)


@pytest.mark.parametrize(
    ("tiers", "reading"),
    [
        (["1.5以上", "1.0-1.5", "0.5-1.0", "0.5以下"], "≥1.5 | 1-1.5 | 0.5-1 | ≤0.5"),
        (["1.0%以下", "1.0%-2.0%", "2.0%以上"], "≤1% | 1%-2% | ≥2%"),
    ],
)
def test_tiers_that_start_with_a_decimal_figure_are_no_numbered_list(tiers: list[str], reading: str) -> None:
    assert str(kpi.Criteria.parse(tiers)) == reading


@given(st.sampled_from("①②③④⑤⑥⑦⑧⑨⑩⑪⑳⑴⑵⒈⒉❶❷➀➊㉑㊱㊀"), st.sampled_from(["95%以上", "≥90分", "3万人以上", "100%"]))
def test_an_item_number_before_a_tier_text_changes_nothing(marker: str, text: str) -> None:
    assert kpi.parse_rule(marker + text) == kpi.parse_rule(text)


# A number format that writes a % (0"%", 0\%) shows the number as it is: once 95 read as 9500%.
@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (95, '0"%"', "95%"),
        (95.5, "0.0\\%", "95.5%"),
        (0.955, "0.0%", "95.5%"),
        (0.955, "0%", "95.5%"),  # the figure is read whole, not as rounded for show
        (0.95, "[Red]0%;[Blue]-0%", "95%"),
        (95.29999999999998, "General", "95.3"),  # a formula's float: Excel shows 15 digits
        (0.9529999999999999, "0.0%", "95.3%"),
        (1200.5, "#,##0.00", "1200.5"),
        (True, "General", "TRUE"),
    ],
)
def test_a_results_cell_reads_as_excel_shows_it(tmp_path: Path, value: object, number_format: str, shown: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "实际值"])
    sheet.append(["R1", value])
    sheet["B2"].number_format = number_format
    book.save(tmp_path / "r.xlsx")
    assert load_results(tmp_path / "r.xlsx").entries["R1"].values == (("", shown),)


def test_a_figure_just_under_a_bound_by_float_noise_takes_the_band_its_author_sees(tmp_path: Path) -> None:
    table = _csv(
        tmp_path / "t.csv",
        [["编号", "职责活动", "绩效指标", "评价标准"], ["R1", "就业", "完成率", "95.3%以上|85%-95.3%|70%-85%|70%以下"]],
    )
    results = _xlsx(tmp_path / "r.xlsx", [["编号", "实际值"], ["R1", 0.9529999999999999]])
    book = openpyxl.load_workbook(results)
    book.active["B2"].number_format = "0.0%"
    book.save(results)
    assert main(["score", str(table), str(results), "-o", str(tmp_path / "o.csv")]) == 0
    with (tmp_path / "o.csv").open(encoding="utf-8-sig") as stream:
        (row,) = csv.DictReader(stream)
    assert row["档次"] == "优"


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (b'<c r="B2"><f>B3*2</f><v></v></c>', True),
        (b'<c r="B2"><f>B3*2</f></c>', True),
        (b'<c r="B2"><f t="shared" si="0"/></c>', True),
        (b'<c r="B2" t="str"><f>IF(B3,"","")</f><v></v></c>', False),  # Excel saved the empty text
        (b'<c r="B2"><f>B3*2</f><v>1</v></c>', False),
    ],
)
def test_a_formula_saved_without_its_value_is_said_with_its_cell(tmp_path: Path, cell: bytes, said: bool) -> None:
    made = _xlsx(tmp_path / "made.xlsx", [["编号", "实际值"], ["R1", "=B3*2"], ["R2", 0.5]])
    results = tmp_path / "r.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(results, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b'<c r="B2"><f>B3*2</f><v></v></c>' in data
                data = data.replace(b'<c r="B2"><f>B3*2</f><v></v></c>', cell)
            target.writestr(item, data)
    read = load_results(results)
    assert read.entries["R1"].values == (("", "1" if b"<v>1" in cell else ""),)  # an empty cell is 未填报
    notices = [notice for notice in read.notices if "公式" in notice.zh]
    assert len(notices) == said and all("B2" in notice.zh and "B2" in notice.en for notice in notices)


def test_rows_hidden_in_excel_are_read_and_said(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "t.xlsx", [HEADING, ["R1", "就业", "就业率", *TIERS], ["R2", "就业", "培训率", *TIERS]], hidden=(3,)
    )
    table = load_table(path)
    assert [row.id for row in table.indicators] == ["R1", "R2"]
    assert any("第 3 行在 Excel 中被隐藏" in notice.zh for notice in table.notices)


def _docx_merged_down(path: Path) -> Path:
    rows = [HEADING, ["R1", "就业", "就业率A", *TIERS], ["R2", "", "就业率B", "", "", "", ""]]
    document = docx.Document()
    table = document.add_table(rows=3, cols=7)
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            table.cell(number, column).text = text
    for column in range(3, 7):
        table.cell(1, column).merge(table.cell(2, column))
    document.save(path)
    return path


# An indicator whose tiers are empty is no heading: once it was read as one, and left out of the score.
@pytest.mark.parametrize(
    ("make", "place"),
    [
        (
            lambda path: _xlsx(
                path / "t.xlsx",
                [HEADING, ["R1", "就业", "就业率A", *TIERS], ["R2", "", "就业率B", "", "", "", ""]],
                merges=("D2:D3", "E2:E3", "F2:F3", "G2:G3"),
            ),
            "t.xlsx[Sheet]:3",
        ),
        (
            lambda path: _xlsx(
                path / "t.xlsx", [HEADING, ["R1", "就业", "就业率A", *TIERS], ["R2", "就业", "就业率B"]]
            ),
            "t.xlsx[Sheet]:3",
        ),
        (lambda path: _docx_merged_down(path / "t.docx"), "t.docx: 表格 1 第 3 行"),
        (
            lambda path: _csv(
                path / "t.csv", [HEADING, ["R1", "就业", "就业率A", *TIERS], ["R2", "就业", "就业率B", "", "", "", ""]]
            ),
            "t.csv:3",
        ),
    ],
)
def test_an_indicator_with_empty_tiers_is_reported_with_its_place(
    tmp_path: Path, make: Callable[[Path], Path], place: str
) -> None:
    table = load_table(make(tmp_path))
    assert [row.id for row in table.indicators] == ["R1", "R2"]
    second = table.indicators[1]
    assert second.criteria is None and second.error is not None
    assert place in second.error.says("zh") and "评价标准为空" in second.error.says("zh")


def test_an_indicator_with_empty_tiers_fails_the_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _csv(
        tmp_path / "t.csv", [HEADING, ["R1", "就业", "就业率A", *TIERS], ["R2", "就业", "就业率B", "", "", "", ""]]
    )
    results = _csv(tmp_path / "r.csv", [["编号", "实际值"], ["R1", "96%"], ["R2", "96%"]])
    assert main(["score", str(table), str(results), "-o", str(tmp_path / "o.csv")]) == 1
    with (tmp_path / "o.csv").open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["编号"] for row in rows] == ["R1", "R2"] and rows[1]["状态"] == "无效"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_results_heading_repeated_on_a_new_page_is_skipped_with_a_notice(tmp_path: Path, kind: str) -> None:
    rows = [["编号", "实际值"], ["R1", "96%"], ["编号", "实际值"], ["R2", "80%"]]
    path = _csv(tmp_path / "r.csv", rows) if kind == "csv" else _xlsx(tmp_path / "r.xlsx", list(rows))
    read = load_results(path)
    assert list(read.entries) == ["R1", "R2"]
    assert [notice.zh.split(": ")[-1] for notice in read.notices] == ["表头重复，已跳过"]


def test_an_outcome_with_invisible_characters_reads_as_shown() -> None:
    criteria = kpi.Criteria.parse(TIERS)
    assert criteria.grade("\u200b96%\u200b").label == "优"
    assert criteria.grade("96%\u00a0").label == "优"
    assert criteria.grade(Decimal("96")).label == "优"


# Tiers or a 指标值 with no indicator beside them: once graded as a row with no name.
@pytest.mark.parametrize(
    ("rows", "merges"),
    [
        ([HEADING, ["R1", "就业", "就业率A", *TIERS], ["R2", "就业", "", *TIERS]], ()),
        (
            [HEADING, ["R1", "就业", "就业率A", *TIERS], ["R2", "就业", "就业", *TIERS], ["R3", "", "", *TIERS]],
            ("B3:C4",),
        ),
        (
            [
                ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
                ["产出指标", "数量指标", "培训人数", "≥5000人次", 10],
                ["", "质量指标", "", "≥90%", 10],
            ],
            (),
        ),
    ],
)
def test_a_row_with_no_indicator_is_reported_with_its_place(
    tmp_path: Path, rows: list[list[object]], merges: tuple[str, ...]
) -> None:
    table = load_table(_xlsx(tmp_path / "t.xlsx", rows, merges=merges))
    last = table.indicators[-1]
    assert last.criteria is None and last.form is None and last.error is not None
    assert f"t.xlsx[Sheet]:{len(rows)}" in str(last.error) and "绩效指标（三级指标）为空" in last.error.says("zh")


# A sheet hidden in Excel (the old version kept out of sight) came first and was read instead of the visible one.
@pytest.mark.parametrize(
    ("hidden", "choose", "read", "said"),
    [
        ((True, False), None, "新指标", ""),
        ((False, True), None, "旧指标", ""),
        ((True, True), None, "旧指标", "隐藏的工作表"),
        ((True, False), "旧版", "旧指标", ""),
    ],
)
def test_a_visible_sheet_is_read_before_a_hidden_one(
    tmp_path: Path, hidden: tuple[bool, bool], choose: str | None, read: str, said: str
) -> None:
    book = openpyxl.Workbook()
    old = book.active
    old.title = "旧版"
    new = book.create_sheet("2024")
    book.create_sheet("说明").append(["填表说明：按年度填写"])  # Excel keeps one sheet visible
    for sheet, name, out_of_sight in ((old, "旧指标", hidden[0]), (new, "新指标", hidden[1])):
        sheet.append(HEADING)
        sheet.append(["R1", "就业", name, *TIERS])
        if out_of_sight:
            sheet.sheet_state = "hidden"
    book.save(tmp_path / "t.xlsx")
    table = load_table(tmp_path / "t.xlsx", sheet=choose)
    assert [row.indicator.text for row in table.indicators] == [read]
    assert not said or any(said in notice.zh for notice in table.notices)


# 序号 counts the rows and 编号 is the id: a results file with both was matched by 序号 when it came first.
@pytest.mark.parametrize(
    ("table_heading", "results_heading"),
    [(["编号"], ["序号", "编号"]), (["序号", "编号"], ["编号"]), (["序号", "编号"], ["序号", "编号"])],
)
def test_the_id_is_the_column_headed_bianhao_beside_xuhao(
    tmp_path: Path, table_heading: list[str], results_heading: list[str]
) -> None:
    def cells(heading: list[str], row_id: str, count: str) -> list[str]:
        return [row_id if name == "编号" else count for name in heading]

    tiers = "|".join(TIERS)
    table = _csv(
        tmp_path / "t.csv",
        [
            [*table_heading, "职责活动", "绩效指标", "评价标准"],
            [*cells(table_heading, "B", "1"), "就业", "B率", tiers],
            [*cells(table_heading, "A", "2"), "就业", "A率", tiers],
        ],
    )
    results = _csv(
        tmp_path / "r.csv",
        [
            [*results_heading, "实际值"],
            [*cells(results_heading, "A", "1"), "96%"],
            [*cells(results_heading, "B", "2"), "50%"],
        ],
    )
    assert main(["score", str(table), str(results), "-o", str(tmp_path / "o.csv")]) == 0
    with (tmp_path / "o.csv").open(encoding="utf-8-sig") as stream:
        assert {row["编号"]: row["档次"] for row in csv.DictReader(stream)} == {"A": "优", "B": "差"}


@pytest.mark.parametrize(
    "heading", [["编号", "实际值", "实际值"], ["编号", "编号", "实际值"], ["编号", "填报项1", "实际值1", "实际值1"]]
)
def test_a_results_heading_kpi_reads_in_two_columns_is_refused(
    tmp_path: Path, heading: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    table = _csv(tmp_path / "t.csv", [HEADING, ["R1", "就业", "就业率", *TIERS]])
    results = _csv(tmp_path / "r.csv", [heading, ["R1", *("96%",) * (len(heading) - 1)]])
    assert main(["score", str(table), str(results), "-o", str(tmp_path / "o.csv")]) == 2
    assert "以下表头出现在多列中" in capsys.readouterr().err


@pytest.mark.parametrize("repeated", ["分值", "权重", "实际完成值", "得分"])
def test_a_table_heading_of_figures_in_two_columns_is_refused(
    tmp_path: Path, repeated: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two 分值 columns (one an old year's): the first was read without a word.
    heading = ["编号", "一级指标", "二级指标", "三级指标", "指标值", repeated, repeated]
    table = _csv(tmp_path / "t.csv", [heading, ["1", "产出指标", "数量指标", "培训人数", "≥500人", "10", "20"]])
    with pytest.raises(
        kpi.FileError, match=f"headings in more than one column \\(heading: columns\\): {repeated}: 6, 7"
    ):
        kpi.load_table(table)
    assert main(["lint", str(table)]) == 2
    assert "以下表头出现在多列中" in capsys.readouterr().err


# Excel writes a carriage return (a Word paragraph pasted into a cell) as _x000D_, which openpyxl leaves in.
@pytest.mark.parametrize(
    "cell",
    [
        "95%以上_x000D_\n85%-95%_x000D_\n70%-85%_x000D_\n70%以下",
        "95%以上\r85%-95%\r70%-85%\r70%以下",
        "95%以上\u202885%-95%\u202870%-85%\u202870%以下",
    ],
)
def test_a_cell_of_lines_ended_as_word_and_excel_end_them_reads_as_its_tiers(tmp_path: Path, cell: str) -> None:
    path = _xlsx(tmp_path / "t.xlsx", [["编号", "职责活动", "绩效指标", "评价标准"], ["R1", "就业", "就业率", cell]])
    (row,) = load_table(path).indicators
    assert row.error is None and row.criteria is not None and str(row.criteria) == READING


def test_an_escaped_underscore_stays_as_written(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "r.xlsx", [["编号", "实际值", "备注"], ["R1", "96%", "见附件_x005F_x000D_"]])
    assert load_results(path).entries["R1"].note == "见附件_x000D_"


def _wrapped(element: object, tag: str, inner: str | None = None) -> None:
    """Wrap *element* in <tag> (and <inner> within it), where it stands."""
    outer = OxmlElement(tag)
    element.addprevious(outer)  # type: ignore[attr-defined]
    holder = outer
    if inner is not None:
        holder = OxmlElement(inner)
        outer.append(holder)
    holder.append(element)


# python-docx's cell.text leaves out what stands in a content control or a tracked insertion: once read as empty.
@pytest.mark.parametrize("how", ["block-control", "run-control", "insertion", "deletion", "nested-table"])
def test_a_word_cell_reads_as_the_text_it_shows(tmp_path: Path, how: str) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=7)
    for number, row in enumerate([HEADING, ["R1", "就业", "就业率", *TIERS]]):
        for column, text in enumerate(row):
            table.cell(number, column).text = text
    cell = table.cell(1, 3)._tc
    paragraph = cell.find(qn("w:p"))
    run = paragraph.find(qn("w:r"))
    if how == "block-control":
        _wrapped(paragraph, "w:sdt", "w:sdtContent")
    elif how == "run-control":
        _wrapped(run, "w:sdt", "w:sdtContent")
    elif how == "insertion":
        _wrapped(run, "w:ins")
    elif how == "deletion":
        deleted = OxmlElement("w:del")
        gone = OxmlElement("w:r")
        text = OxmlElement("w:delText")
        text.text = "99%以上"
        gone.append(text)
        deleted.append(gone)
        run.addprevious(deleted)
    else:
        table.cell(1, 3).add_table(rows=1, cols=1).cell(0, 0).text = "旧标准99%"
    document.save(tmp_path / "t.docx")
    (row,) = load_table(tmp_path / "t.docx").indicators
    assert row.error is None and row.tiers == tuple(TIERS)


# python-docx sees only a table's own rows and a row's own cells: a row in a content control (a form's
# repeating section) was dropped without a word, a cell in one shifted the cells after it.
@pytest.mark.parametrize("how", ["row-control", "rows-control", "row-custom-xml", "cell-control", "twice"])
def test_word_rows_and_cells_in_content_controls_are_read(tmp_path: Path, how: str) -> None:
    document = docx.Document()
    rows = [HEADING, ["R1", "就业", "A率", *TIERS], ["R2", "就业", "B率", *TIERS], ["R3", "就业", "C率", *TIERS]]
    table = document.add_table(rows=len(rows), cols=7)
    for number, row in enumerate(rows):
        for column, text in enumerate(row):
            table.cell(number, column).text = text
    second = table._tbl.tr_lst[2]
    if how == "row-control":
        _wrapped(second, "w:sdt", "w:sdtContent")
    elif how == "rows-control":
        third = table._tbl.tr_lst[3]
        _wrapped(second, "w:sdt", "w:sdtContent")
        second.addnext(third)
    elif how == "row-custom-xml":
        _wrapped(second, "w:customXml")
    elif how == "cell-control":
        _wrapped(second.tc_lst[1], "w:sdt", "w:sdtContent")
    else:
        _wrapped(second, "w:sdt", "w:sdtContent")
        _wrapped(second.getparent().getparent(), "w:sdt", "w:sdtContent")
    document.save(tmp_path / "t.docx")
    table_read = load_table(tmp_path / "t.docx")
    assert [(row.id, row.indicator.text, row.activity) for row in table_read.indicators] == [
        ("R1", "A率", ("就业",)),
        ("R2", "B率", ("就业",)),
        ("R3", "C率", ("就业",)),
    ]
    assert all(row.error is None for row in table_read.indicators)


def test_columns_hidden_in_excel_are_read_and_said_unless_past_the_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*HEADING, "旧标准"])
    sheet.append(["R1", "就业", "就业率", *TIERS, "99%以上"])
    sheet.column_dimensions["H"].hidden = True
    sheet.column_dimensions.group("J", "Z", hidden=True)  # unused columns hidden, as tidy sheets do
    book.save(tmp_path / "t.xlsx")
    table = load_table(tmp_path / "t.xlsx")
    assert [notice.zh.split(": ")[-1] for notice in table.notices if "隐藏" in notice.zh] == [
        "第 H 列在 Excel 中被隐藏，照常读取"
    ]
    assert table.indicators[0].others == (("旧标准", "99%以上"),)


# A row that looks empty but holds a zero-width space or NBSP: once an unreadable indicator of its own.
@pytest.mark.parametrize("blank", ["\u200b", "\xa0", "\u3000", "\ufeff", " \u200b\xa0"])
def test_a_row_that_looks_empty_is_a_blank_row(tmp_path: Path, blank: str) -> None:
    table = _csv(
        tmp_path / "t.csv",
        [HEADING, ["R1", "就业", "就业率", *TIERS], [blank] * 7, ["R2", "就业", "培训率", *TIERS]],
    )
    assert [(row.id, row.error) for row in load_table(table).rows] == [("R1", None), ("R2", None)]
    results = _csv(tmp_path / "r.csv", [["编号", "实际值"], [blank, blank], ["R1", "96%"]])
    read = load_results(results)
    assert list(read.entries) == ["R1"] and read.unnamed == ()
