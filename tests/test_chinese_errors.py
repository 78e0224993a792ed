"""Every error an evaluator may read in a report says it in Chinese, its English message unchanged.

Each case is a real input that kpi refuses: the error's ``says("zh")`` is
Chinese and quotes the user's text, and ``str(error)`` is the English message
programmers and the other tests compare.
"""

from __future__ import annotations

import csv
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import kpi
from kpi.errors import KpiError
from kpi.io.disclosure import read_disclosure
from kpi.io.files import write_output
from kpi.io.report import write_report
from kpi.io.results import template_records
from kpi.national import FormTarget, assess
from kpi.outcomes import read_outcome

SEED_TABLE = Path(__file__).resolve().parents[1] / "seeds" / "handan-hrss-2018-budget.txt"
_CJK = re.compile(r"[\u4e00-\u9fff]")
SCALE = ["95%", "85%-94%", "70%-84%", "69%以下"]
METRIC_SCALE = ["设备完好率≥95%", "设备完好率≥85%", "设备完好率≥70%", "设备完好率<70%"]
TABLE_HEADER = ["职责活动", "年度预算数", "绩效指标", "优", "良", "中", "差"]
FORM_HEADER = ["三级指标", "指标值", "分值"]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    return path


def _raised(call: Callable[[], object]) -> KpiError:
    with pytest.raises(KpiError) as caught:
        call()
    return caught.value


def _row_error(tmp_path: Path, row: list[str], header: list[str] = TABLE_HEADER) -> KpiError:
    """The error kept with the one row of a table (a row is reported, not raised)."""
    table = kpi.load_table(_csv(tmp_path / "t.csv", [header, row]))
    (only,) = table.indicators
    assert only.error is not None and only.criteria is None
    return only.error


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# What is wrong, how to meet the error, its English message exactly (up to a closing “…” only), and
# the Chinese its says("zh") holds; {dir} is the test's folder, where its files are.
CASES: list[tuple[str, Callable[[Path], KpiError], str, str]] = [
    (
        "a word where a figure belongs",
        lambda _: _raised(lambda: read_outcome("良好")),
        "outcome '良好' is not a number with an optional unit (found “良好”, expected a number, column 1)",
        "实际值“良好”不是数字（可带单位）（“良好”处应为数字，第1列）",
    ),
    (
        "a malformed Chinese numeral",
        lambda _: _raised(lambda: read_outcome("三十十")),
        "outcome '三十十' is not a number with an optional unit"
        " (三十十 is not a well-formed Chinese numeral (十 out of order), column 1)",
        "实际值“三十十”不是数字（可带单位）（“三十十”不是规范的中文数字（“十”的位置不对），第1列）",
    ),
    (
        "a percent sign twice",
        lambda _: _raised(lambda: read_outcome("95%%")),
        "outcome '95%%' is not a number with an optional unit (the percent sign is written twice, column 3)",
        "实际值“95%%”不是数字（可带单位）（百分号写了两次，第3列）",
    ),
    (
        "an empty outcome",
        lambda _: _raised(lambda: read_outcome("  ")),
        "outcome is empty",
        "实际值为空",
    ),
    (
        "NaN",
        lambda _: _raised(lambda: read_outcome(float("nan"))),
        "outcome nan is not a finite number",
        "实际值 nan 不是有限的数字",
    ),
    (
        "an outcome in a unit the tiers do not use",
        lambda _: _raised(lambda: kpi.Criteria.parse(["≤1天", "≤3天", "≤5天", "5天以上"]).grade("3个工作日")),
        "unit 个工作日 cannot be compared with 天",
        "单位“个工作日”与“天”无法比较",
    ),
    (
        "a figure for the wrong metric",
        lambda _: _raised(lambda: kpi.Criteria.parse(METRIC_SCALE).grade({"完好率": "96%"})),
        "no outcome for metric 设备完好率; outcomes given for: 完好率",
        "没有指标设备完好率的实际值；已给出实际值的指标：完好率",
    ),
    (
        "a metric's figure that is a word",
        lambda _: _raised(lambda: kpi.Criteria.parse(METRIC_SCALE).grade({"设备完好率": "较好"})),
        "设备完好率: outcome '较好' is not a number with an optional unit (found “较好”, expected a number, column 1)",
        "设备完好率：实际值“较好”不是数字（可带单位）",
    ),
    (
        "an unreadable tier text",
        lambda _: _raised(lambda: kpi.parse_rule("95%以上以上")),
        "cannot read tier text: found “以上”, expected a number, a comparator (≥ > ≤ < =),"
        " a comparator word (不低于, 低于, …), (含) or (不含), a metric name, 且, 或 or the end of the text"
        " (column 6)\n    95%以上以上\n           ^",
        "无法读取评价标准：“以上”处应为数字、比较符号（≥ > ≤ < =）、比较词（不低于、低于等）、(含)或(不含)、"
        "指标名称、“且”、“或”或文本结尾 (第6列)\n    95%以上以上\n           ^",
    ),
    (
        "a tier text cut short",
        lambda _: _raised(lambda: kpi.parse_rule("≥")),
        "cannot read tier text: found the end of the text, expected a number (column 2)\n    ≥\n     ^",
        "无法读取评价标准：文本在此处结束，应为数字 (第2列)\n    ≥\n     ^",
    ),
    (
        "a range in two units",
        lambda _: _raised(lambda: kpi.parse_rule("90%-80分")),
        "cannot read tier text: the two ends are in different units (% and 分) (column 5)\n    90%-80分\n        ^",
        "无法读取评价标准：两端的单位不同（%与分） (第5列)",
    ),
    (
        "an unreadable tier of a tier set",
        lambda _: _raised(lambda: kpi.Criteria.parse(["95%", "85%-94%", "较好", "69%以下"])),
        "tier 3 (中): cannot read tier text: found “较好”, expected a number, a comparator (≥ > ≤ < =),"
        " a comparator word (不低于, 低于, …), a bracket, (含) or (不含), a metric name, 负增长, a rank (第5名, 前10名),"
        " a number of targets (两项指标…)"
        " or 其余 (column 1)\n    较好\n    ^",
        "第3档（中）：无法读取评价标准：“较好”处应为数字",
    ),
    (
        "one tier alone",
        lambda _: _raised(lambda: kpi.Criteria.parse(["95%"])),
        "a criteria has 2 to 10 tiers, one per band; got 1",
        "评价标准应有 2 至 10 档，每个等级一档；实际为 1 档",
    ),
    (
        "an outcome no tier matches, graded strictly",
        lambda _: _raised(lambda: kpi.Criteria.parse(SCALE).grade("94.5%", strict=True)),
        "no tier matches directly and alone: …",
        "没有哪一档直接且单独地符合：",
    ),
    (
        "an empty tier in a table row",
        lambda tmp_path: _row_error(tmp_path, ["就业", "", "任务完成率100%", "95%", "", "70%-84%", "69%以下"]),
        "{dir}/t.csv:2: tier 2 is empty; a row needs a text for every tier",
        "{dir}/t.csv:2: 第2档为空；每一档都需要填写评价标准",
    ),
    (
        "an unreadable tier in a table row",
        lambda tmp_path: _row_error(tmp_path, ["就业", "", "任务完成率100%", "95%", "85%-94%", "较好", "69%以下"]),
        "{dir}/t.csv:2: tier 3 (中): cannot read tier text: found “较好”…",
        "{dir}/t.csv:2: 第3档（中）：无法读取评价标准：“较好”处应为数字",
    ),
    (
        "a budget that is not a number",
        lambda tmp_path: _row_error(tmp_path, ["就业", "约十万", "任务完成率100%", *SCALE]),
        "{dir}/t.csv:2: budget “约十万” is not a number",
        "{dir}/t.csv:2: 年度预算数“约十万”不是数字",
    ),
    (
        "a CSV row cut short",
        lambda tmp_path: _row_error(tmp_path, ["就业", "", "任务完成率100%", "95%", "85%-94%"]),
        "{dir}/t.csv:2: expected 7 cells, found 5: the row is cut short",
        "{dir}/t.csv:2: 应有 7 个单元格，实际只有 5 个：该行不完整",
    ),
    (
        "a disclosure row of too few cells",
        lambda _: (
            read_disclosure(
                "部门职责-工作活动绩效目标\n\t职责活动\n\t评价标准\n\n\t就业\n\t1\n\t描述\n\t目标\n\t任务完成率100%\n\t95%\n",
                "d.txt",
            )
            .indicators[0]
            .error
            or KpiError("no error")
        ),
        "d.txt:5: expected 9 cells, found 6",
        "d.txt:5: 应有 9 个单元格，实际为 6 个",
    ),
    (
        "an unclosed quote in a CSV",
        lambda tmp_path: _raised(
            lambda: kpi.load_results(
                _write(tmp_path, "r.csv", '编号,填报项1,实际值1\nR002,完成率,"96%\nR003,完成率,90%\n')
            )
        ),
        "{dir}/r.csv:2: a quoted cell opened here runs to the end of the file: a quote left unclosed?",
        "{dir}/r.csv:2: 从这里开始的带引号单元格一直延续到文件末尾：是否有引号未闭合？",
    ),
    (
        "a results file without a heading",
        lambda tmp_path: _raised(lambda: kpi.load_results(_write(tmp_path, "r.csv", "R001,96%\nR002,90%\n"))),
        "{dir}/r.csv: no heading row with 编号 and 填报项/实际值 (or 实际值, 实际完成值, 完成率) columns",
        "{dir}/r.csv: 没有含“编号”和“填报项/实际值”（或“实际值”“实际完成值”“完成率”）列的表头行",
    ),
    (
        "a table without a heading",
        lambda tmp_path: _raised(lambda: kpi.load_table(_write(tmp_path, "t.csv", "就业,任务完成率100%,95%\n"))),
        "{dir}/t.csv: no heading row with 职责活动, 绩效指标 and 评价标准 (or 优/良/中/差) columns,"
        " nor the national form's 三级指标 and 指标值",
        "{dir}/t.csv: 没有含“职责活动”“绩效指标”和“评价标准”",
    ),
    (
        "an empty file",
        lambda tmp_path: _raised(lambda: kpi.load_results(_write(tmp_path, "r.csv", "\n"))),
        "{dir}/r.csv: the file is empty",
        "{dir}/r.csv: 文件为空",
    ),
    (
        "a file that is not there",
        lambda tmp_path: _raised(lambda: kpi.load_table(tmp_path / "t.csv")),
        "{dir}/t.csv: no such file",
        "{dir}/t.csv: 文件不存在",
    ),
    (
        "a disclosure that is not there",
        lambda tmp_path: _raised(lambda: kpi.load_table(tmp_path / "d.txt")),
        "{dir}/d.txt: no such file",
        "{dir}/d.txt: 文件不存在",
    ),
    (
        "a disclosure not in UTF-8",
        lambda tmp_path: _raised(lambda: kpi.load_table(_bytes(tmp_path / "d.txt", "部门职责".encode("utf-16-le")))),
        "{dir}/d.txt: not UTF-8 text (byte …",
        "{dir}/d.txt: 不是 UTF-8 文本（字节 ",
    ),
    (
        "a disclosure without its table",
        lambda _: _raised(lambda: read_disclosure("一、部门职责\n负责就业工作。\n", "d.txt")),
        "d.txt: no “部门职责-工作活动绩效目标” table in this file",
        "d.txt: 文件中没有“部门职责-工作活动绩效目标”表",
    ),
    (
        "a figure for a qualitative 指标值",
        lambda _: _raised(lambda: assess(FormTarget.parse("有所提升"), "95%", lang="en")),
        "the target “有所提升” is qualitative: its 实际完成值 must be 达成, 部分达成 or 未达成, not “95%”",
        "指标值“有所提升”是定性指标：实际完成值应填 达成、部分达成 或 未达成，而不是“95%”",
    ),
    (
        "a 实际完成值 in another unit than its 指标值",
        lambda _: _raised(lambda: assess(FormTarget.parse("≤30个工作日"), "5小时", lang="en")),
        "the unit of 实际完成值 “5小时” is not that of the target “≤30个工作日”: they cannot be compared",
        "实际完成值“5小时”的单位与指标值“≤30个工作日”的不同，无法比较",
    ),
    (
        "a 指标值 of two targets in a row of the national form",
        lambda tmp_path: _row_error(tmp_path, ["培训人数", "≥95%或≤5人", "10"], FORM_HEADER),
        "{dir}/t.csv:2: 指标值: 指标值 “≥95%或≤5人” is not one target (read as ≥95%或≤5人); the form gives one per row",
        "{dir}/t.csv:2: 指标值：指标值“≥95%或≤5人”不是单一目标（读作 ≥95%或≤5人）；表中每行只填一个指标值",
    ),
    (
        "an empty 指标值",
        lambda _: _raised(lambda: FormTarget.parse("")),
        "指标值 is empty",
        "指标值为空",
    ),
]


@pytest.mark.parametrize(("meet", "english", "chinese"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_an_error_says_it_in_chinese_and_keeps_its_english(
    tmp_path: Path, meet: Callable[[Path], KpiError], english: str, chinese: str
) -> None:
    error = meet(tmp_path)
    english, chinese = (text.replace("{dir}", str(tmp_path)) for text in (english, chinese))
    # An English message given up to “…” is compared up to there.
    assert str(error).startswith(english.removesuffix("…")) if english.endswith("…") else str(error) == english
    said = error.says("zh")
    assert said != str(error) and _CJK.search(said.replace(str(tmp_path), ""))
    assert chinese in said
    again = pickle.loads(pickle.dumps(error))  # reports are made in worker processes too
    assert (type(again), str(again), again.says("zh")) == (type(error), str(error), said)


def test_an_outcome_read_again_says_the_same() -> None:
    """Outcomes are read through a cache that keeps the error's messages: the second reading says the same."""
    first, second = (_raised(lambda: read_outcome("待定")) for _ in range(2))
    assert (str(first), first.says("zh")) == (str(second), second.says("zh"))
    assert first.says("zh").startswith("实际值“待定”不是数字")


def test_an_outcome_of_many_names_its_position_in_chinese() -> None:
    error = _raised(lambda: kpi.Criteria.parse(["≤1天", "≤3天", "≤5天", "5天以上"]).grade_many(["1天", "3个工作日"]))
    assert str(error) == "outcome 1: unit 个工作日 cannot be compared with 天"
    assert error.says("zh") == "实际值 1：单位“个工作日”与“天”无法比较"


def test_the_fill_in_sheet_notes_an_unreadable_row_in_chinese(tmp_path: Path) -> None:
    table = kpi.load_table(
        _csv(tmp_path / "t.csv", [TABLE_HEADER, ["就业", "", "任务完成率100%", "95%", "", "70%", "60%"]])
    )
    _, (row,) = template_records(table)
    assert row[-2] == f"评价标准无法读取：{tmp_path / 't.csv'}:2: 第2档为空；每一档都需要填写评价标准"


@pytest.mark.parametrize(
    ("module", "name", "english", "chinese"),
    [
        ("openpyxl", "t.xlsx", "reading .xlsx needs the excel extra", "读取 .xlsx 需要安装 excel 扩展"),
        ("xlrd", "t.xls", "reading .xls needs the excel extra", "读取 .xls 需要安装 excel 扩展"),
        ("docx", "t.docx", "reading .docx needs the word extra", "读取 .docx 需要安装 word 扩展"),
    ],
)
def test_a_missing_extra_is_named_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, name: str, english: str, chinese: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # the import fails, as without the extra
    path = _write(tmp_path, name, "x")
    error = _raised(lambda: kpi.load_table(path))
    assert str(error) == f"{path}: {english}: pip install 'kpi[{'word' if module == 'docx' else 'excel'}]'"
    assert chinese in error.says("zh")


def test_writing_a_workbook_without_the_extra_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    card = kpi.score(kpi.load_table(SEED_TABLE), {})
    for write in (
        lambda: write_output(tmp_path / "a.xlsx", ["编号"], [["R001"]]),
        lambda: write_report(
            str(tmp_path / "b.xlsx"), ["编号"], [], summary=card.summary_records(), labels=[], problems=[]
        ),
    ):
        error = _raised(write)
        assert "writing .xlsx needs the excel extra" in str(error) and "写出 .xlsx 需要安装 excel 扩展" in error.says(
            "zh"
        )
