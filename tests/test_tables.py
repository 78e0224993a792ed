"""Indicator tables from disclosures, CSV and XLSX, and broken ones."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

import kpi
from cases import SEED
from kpi.io.tables import load_table

SEED_TABLE = load_table(SEED)
HEADER = ["职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标", "评价标准", "", "", ""]


def seed_rows(header: list[str] = HEADER) -> list[list[str]]:
    rows = [header]
    for row in SEED_TABLE:
        name = "　　" * (len(row.activity) - 1) + row.activity[-1]
        budget = "" if row.budget is None else str(row.budget)
        rows.append([name, budget, row.description, row.goal, row.indicator.text, *(row.tiers or ("",) * 4)])
    return rows


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream).writerows(rows)
    return path


def same_rows(table: kpi.Table) -> None:
    assert len(table) == len(SEED_TABLE)
    for mine, seed in zip(table, SEED_TABLE, strict=True):
        assert (mine.id, mine.activity, mine.budget, mine.tiers) == (seed.id, seed.activity, seed.budget, seed.tiers)
        assert mine.indicator == seed.indicator and mine.criteria == seed.criteria and mine.error is None


def test_seed_table_as_csv_reads_the_same_rows(tmp_path: Path) -> None:
    table = load_table(write_csv(tmp_path / "table.csv", seed_rows()))
    same_rows(table)
    assert str(table.rows[0].location) == f"{tmp_path / 'table.csv'}:2"


def test_seed_table_as_xlsx_reads_the_same_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["邯郸市人社局 部门职责-工作活动绩效目标"])  # a title row above the header
    for row in seed_rows():
        sheet.append([float(cell) if cell.replace(".", "").isdigit() and "." in cell else cell for cell in row])
    book.save(tmp_path / "table.xlsx")
    table = load_table(tmp_path / "table.xlsx")
    same_rows(table)
    assert str(table.rows[0].location) == f"{tmp_path / 'table.xlsx'}[Sheet]:3"


def test_tier_columns_may_be_headed_by_band(tmp_path: Path) -> None:
    header = [
        "编号",
        "职责活动",
        "年度预算数（万元）",
        "内容描述",
        "绩效目标",
        "绩效指标",
        "优",
        "良",
        "中",
        "差",
        "权重",
    ]
    rows = [header, ["A-1", "就业", "10.5", "", "", "城镇新增就业10万人", "95%", "85%-94%", "70%-84%", "69%以下", "2"]]
    (row,) = load_table(write_csv(tmp_path / "t.csv", rows)).rows
    assert (row.id, row.budget, row.weight, row.tiers[0]) == ("A-1", Decimal("10.5"), Decimal(2), "95%")
    assert row.criteria is not None and row.criteria.indicator == kpi.Indicator.parse("城镇新增就业10万人")


def test_columns_a_sheet_lacks_stay_empty_whatever_follows_the_tiers(tmp_path: Path) -> None:
    # No 编号 and no 权重 column, then a 备注 column and a stray cell past the header.
    header = ["职责活动", "绩效指标", "差", "中", "良", "优", "备注"]
    rows = [header, ["就业", "任务完成率100%", "69%以下", "70%-84%", "85%-94%", "95%", "7", "8"]]
    (row,) = load_table(write_csv(tmp_path / "t.csv", rows)).rows
    assert (row.id, row.budget, row.weight, row.description) == ("R001", None, None, "")
    assert row.tiers == ("95%", "85%-94%", "70%-84%", "69%以下")
    assert row.error is None


@pytest.mark.parametrize(
    ("rows", "errors"),
    [
        (
            [HEADER, ["就业", "abc", "", "", "任务完成率100%", "95%", "85%-94%", "70%-84%", "69%以下"]],
            ["{path}:2: budget “abc” is not a number"],
        ),
        (
            [HEADER, ["就业", "", "", "", "任务完成率100%", "95%", "85%-94%", "", "69%以下"]],
            ["{path}:2: tier 3 is empty; a row needs a text for every tier"],
        ),
        (
            [HEADER, ["就业", "", "", "", "任务完成率100%", "95%", "85%-94%", "70%-", "69%以下"]],
            ["{path}:2: tier 3 (中): cannot read tier text: found the end of the text, expected a number (column 5)"],
        ),
        (
            [HEADER, ["就业", "", "", "", "制卷达标率≥97%", "两项指标均完成", "其余", "其余", "其余"]],
            ["{path}:2: “两项指标均完成” speaks of 2 targets, but the indicator states 1: 制卷达标率≥97%"],
        ),
        (
            [HEADER, ["就业", "", "", "", "任务完成率100%", "95%"]],
            ["{path}:2: expected 9 cells, found 6: the row is cut short"],
        ),
        (
            [
                ["编号", *HEADER],
                ["X", "就业", "", "", "", "完成率", "95%", "85%", "70%", "<70%"],
                ["X", "就业", "", "", "", "完成率", "95%", "85%", "70%", "<70%"],
            ],
            [None, "{path}:3: id X is used again (first at line 2)"],
        ),
        (
            # Cells read before: each row still gets its own line, and its own problem first.
            [
                HEADER,
                ["就业", "", "", "", "任务完成率100%", "95%", "85%-94%", "70%-", "69%以下"],
                ["就业", "", "", "", "任务完成率100%", "95%", "85%-94%", "70%-", "69%以下"],
                ["就业", "", "", "", "任务完成率100%", "95%", "85%-94%", "70%-84%", "69%以下"],
                ["就业", "x", "", "", "任务完成率100%", "95%", "85%-94%", "70%-84%", "69%以下"],
                ["就业", "x", "", "", "任务完成率100%", "95%", "85%-94%", "70%-", "69%以下"],
            ],
            [
                "{path}:2: tier 3 (中): cannot read tier text: found the end of the text, expected a number (column 5)",
                "{path}:3: tier 3 (中): cannot read tier text: found the end of the text, expected a number (column 5)",
                None,
                "{path}:5: budget “x” is not a number",
                "{path}:6: budget “x” is not a number",
            ],
        ),
    ],
)
def test_rows_with_problems_are_kept_with_their_error(tmp_path: Path, rows, errors) -> None:
    path = write_csv(tmp_path / "t.csv", rows)
    table = load_table(path)
    assert len(table.indicators) == len(errors)
    for row, error in zip(table.indicators, errors, strict=True):
        if error is None:
            assert row.error is None and row.criteria is not None
        else:
            assert str(row.error).splitlines()[0] == error.format(path=path)
            assert row.criteria is None


def test_gbk_table_is_read_with_a_notice(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "gbk.csv", seed_rows(), encoding="gbk")
    same_rows(load_table(path))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "{path}: the file is empty"),
        ("blank.csv", b"  \r\n\r\n", "{path}: the file is empty"),
        ("bom.csv", b"\xef\xbb\xbf", "{path}: the file is empty"),
        ("bomblank.csv", b"\xef\xbb\xbf \r\n", "{path}: the file is empty"),
        ("empty.txt", b"", "{path}: the file is empty"),
        (
            "noheader.csv",
            b"a,b,c\r\n1,2,3\r\n",
            "{path}: no heading row with 职责活动, 绩效指标 and 评价标准 (or 优/良/中/差) columns,"
            " nor the national form's 三级指标 and 指标值",
        ),
        (
            "binary.csv",
            b"\x00\x01\x02\xff\xfe",
            "{path}: not UTF-8 text (byte 3) nor GBK/GB18030; save it as UTF-8 CSV",
        ),
        (
            "bombinary.csv",
            b"\xef\xbb\xbfab\xff\xfe",
            "{path}: not UTF-8 text (byte 2) nor GBK/GB18030; save it as UTF-8 CSV",
        ),
        (
            "broken.xlsx",
            b"PK\x03\x04 not really a zip",
            "{path}: not a readable .xlsx workbook (BadZipFile: File is not a zip file)",
        ),
        (
            "broken.docx",
            b"PK\x03\x04 not really a zip",
            "{path}: not a readable .docx document (BadZipFile: File is not a zip file)",
        ),
        ("broken.xls", b"\xd0\xcf\x11\xe0 not really", "{path}: not a readable .xls workbook ("),
        ("table.doc", b"x", "{path}: unknown kind of file; use .csv, .xlsx, .xls or .docx"),
        ("notable.txt", "一些文字\n".encode(), "{path}: no “部门职责-工作活动绩效目标” table in this file"),
        (
            "gbk.txt",
            "部门职责-工作活动绩效目标".encode("gbk"),
            "{path}: not UTF-8 text (byte 0); save the disclosure as UTF-8",
        ),
    ],
)
def test_error_for_a_file_with_no_readable_table(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(kpi.FileError) as caught:
        load_table(path)
    expected = message.format(path=path)
    if expected.endswith("("):  # the reader's own words follow
        assert str(caught.value).startswith(expected)
    else:
        assert str(caught.value) == expected


def test_error_for_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(kpi.KpiError, match="no such file"):
        load_table(tmp_path / "nothing.csv")


def test_xlsx_with_an_entity_bomb_is_refused(tmp_path: Path) -> None:
    import zipfile

    book = openpyxl.Workbook()
    for row in seed_rows()[:3]:
        book.active.append(row)
    book.save(tmp_path / "ok.xlsx")
    bomb = b'<?xml version="1.0"?><!DOCTYPE b [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as source, zipfile.ZipFile(tmp_path / "evil.xlsx", "w") as evil:
        for item in source.infolist():
            data = source.read(item.filename)
            evil.writestr(item, bomb + data if item.filename == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(kpi.FileError, match=r"evil\.xlsx: not a readable \.xlsx workbook"):
        load_table(tmp_path / "evil.xlsx")


def test_a_sheet_with_more_rows_than_kpi_reads_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kpi.io import files as _files

    monkeypatch.setattr(_files, "MAX_ROWS", 5)
    path = write_csv(tmp_path / "long.csv", seed_rows()[:7])
    with pytest.raises(kpi.FileError, match="more than 5 rows"):
        load_table(path)
    assert len(load_table(write_csv(tmp_path / "short.csv", seed_rows()[:5]))) == 4


def test_rows_after_a_cell_of_several_lines_keep_their_line_numbers(tmp_path: Path) -> None:
    rows = seed_rows()[:4]
    rows[1][2] = "第一行\n第二行\r\n第三行"  # 内容描述 over three lines
    table = load_table(write_csv(tmp_path / "t.csv", rows))
    assert [row.location.line for row in table.rows] == [2, 5, 6]
    assert table.rows[0].description == "第一行\n第二行\r\n第三行"


@pytest.mark.parametrize("line_break", ["\r\n", "\n", "\r"])
def test_rows_are_numbered_by_line_whatever_ends_the_lines(tmp_path: Path, line_break: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(line_break.join(",".join(row) for row in seed_rows()[:4]) + line_break, encoding="utf-8")
    assert [row.location.line for row in load_table(path).rows] == [2, 3, 4]


def test_a_cell_too_large_for_csv_is_reported_at_its_row(tmp_path: Path) -> None:
    rows = seed_rows()[:4]
    rows[2][2] = "长" * 200_000
    path = write_csv(tmp_path / "t.csv", rows)
    with pytest.raises(
        kpi.FileError, match=rf"^{re.escape(str(path))}:3: not valid CSV \(field larger than field limit"
    ):
        load_table(path)


@pytest.mark.parametrize(
    "cell",
    [
        "95% | 85%-94% | 70%-84% | 69%以下",  # what kpi template writes
        "优：95%以上；良：85%-94%；中：70%-84%；差：69%以下",
        "95%以上；85%-94%；70%-84%；69%以下",
        "95%\n85%-94%\n70%-84%\n69%以下",  # one tier per line
    ],
)
@pytest.mark.parametrize("heading", [["评价标准"], ["评价标准", "备注"]])
def test_one_cell_holds_every_tier(tmp_path: Path, cell: str, heading: list[str]) -> None:
    rows = [["职责活动", "绩效指标", *heading], ["就业", "任务完成率100%", cell, *[""] * (len(heading) - 1)]]
    (row,) = load_table(write_csv(tmp_path / "t.csv", rows)).rows
    assert row.error is None and row.criteria is not None
    assert len(row.tiers) == 4
    assert row.criteria.grade("90%").label == "良"


@pytest.mark.parametrize(("first", "second"), [("部门职责", "工作活动"), ("一级项目", "二级项目")])
def test_two_activity_columns_make_the_activity_path(tmp_path: Path, first: str, second: str) -> None:
    rows = [
        [first, second, "绩效指标", "优", "良", "中", "差"],
        ["促进就业", "技能培训", "任务完成率100%", "95%", "85%-94%", "70%-84%", "69%以下"],
        ["", "", "合格率100%", "95%", "85%-94%", "70%-84%", "69%以下"],
        ["", "就业服务", "到位率100%", "95%", "85%-94%", "70%-84%", "69%以下"],
        ["社会保险", "稽核", "稽核率100%", "95%", "85%-94%", "70%-84%", "69%以下"],
    ]
    table = load_table(write_csv(tmp_path / "t.csv", rows))
    assert [row.activity for row in table.rows] == [
        ("促进就业", "技能培训"),
        ("促进就业", "技能培训"),
        ("促进就业", "就业服务"),
        ("社会保险", "稽核"),
    ]


def test_columns_kpi_does_not_read_are_reported_and_kept(tmp_path: Path) -> None:
    rows = [
        ["职责活动", "绩效指标", "优", "良", "中", "差", "责任科室", "备注"],
        ["就业", "任务完成率100%", "95%", "85%-94%", "70%-84%", "69%以下", "就业科", "季度通报"],
    ]
    path = write_csv(tmp_path / "t.csv", rows)
    table = load_table(path)
    assert tuple(map(str, table.notices)) == (
        f"{path}: columns kpi does not read, kept with each row as written: 责任科室、备注",
    )
    assert table.rows[0].others == (("责任科室", "就业科"), ("备注", "季度通报"))
    results = write_csv(tmp_path / "r.csv", [["编号", "完成率"], ["R001", "96%"]])
    (record,) = kpi.score(table, results).records()
    assert record["表格其他列"] == "责任科室：就业科；备注：季度通报"
