"""The national form (绩效目标表 / 绩效自评表 with 一级/二级/三级指标): reading it in every format, and its scoring rule.

The rule's sources are quoted in docs/national-form-research.md: a quantitative
指标值 met earns the full 分值, one missed 分值 × completion (actual ÷ target
for a target to reach, target ÷ actual for a limit: the 2016 Beijing form's
notes); a qualitative one is graded 达成 / 部分达成 / 未达成, whose published
score ranges are [80%, 100%], [60%, 80%) and [0, 60%) of the 分值; the
预算执行率 row earns 分值 × the rate, never more than the 分值.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

import kpi
from kpi.cli import main
from kpi.io.results import load_results
from kpi.io.rows import Table
from kpi.io.tables import load_table
from kpi.national import GRADE_RANGES, FormTarget, Shares, assess, check_score, grade_of

ROOT = Path(__file__).parents[1]
FORM = ROOT / "examples" / "national-form.csv"
RESULTS = ROOT / "examples" / "national-form-results.csv"


@pytest.mark.parametrize(
    ("target", "actual", "levels", "grade", "share"),
    [
        # Targets to reach: met, exactly met, missed (actual ÷ target).
        ("≥5000人次", "5230人次", (), "完成", "1"),
        ("≥50个", "50", (), "完成", "1"),  # 池州 2022: «≥50个 | 50 | 8 | 8»
        ("≥1.2万个", "1.1万个", (), "未完成", "0.9166666666666666666666666667"),
        ("≥90%", "85.5%", (), "未完成", "0.95"),
        ("=100%", "98%", (), "未完成", "0.98"),
        # Limits: met at the limit, missed (target ÷ actual).
        ("≤90万元", "90", (), "完成", "1"),  # 池州 2022: «≤90万元 | 90 | 8 | 8»
        ("≤30个工作日", "40个工作日", (), "未完成", "0.75"),
        ("≤1500元", "0.162万元", (), "未完成", "0.9259259259259259259259259259"),
        ("≤4.5%", "4.1%", (), "完成", "1"),
        # A magnitude and no unit on a target in 万元 is that many 元: 80万 read 800000万元, met.
        ("≥100万元", "80万", (), "未完成", "0.8"),
        # A bare figure: to reach, or under 成本指标 a limit.
        ("100人次", "80人次", ("产出指标", "数量指标"), "未完成", "0.8"),
        ("100万元", "120万元", ("产出指标", "成本指标"), "未完成", "0.8333333333333333333333333333"),
        # Qualitative targets graded in words, by the evaluator.
        ("有所提升", "达成", (), "达成", "1"),
        ("效果明显", "达成预期指标", (), "达成", "1"),  # 池州 2022
        ("逐步完善", "部分达成年度指标并具有一定效果", (), "部分达成", "0.6"),
        ("逐步完善", "未达成", (), "未达成", "0"),
        # A word for a figure: 大英县 2023 «≤ 30 万元 | 完成 | 90 | 90».
        ("≤30万元", "完成", (), "达成", "1"),
        # The budget's execution rate: 分值 × rate, capped.
        ("100%", "96.8%", ("预算执行率",), "未完成", "0.968"),
        ("≥90%", "105%", ("预算执行率",), "完成", "1"),
        ("", "49.88%", ("预算执行率",), "未完成", "0.4988"),  # 海淀 2016: 154.74 / 310.2
    ],
)
def test_the_forms_rule(target: str, actual: str, levels: tuple[str, ...], grade: str, share: str) -> None:
    assessment = assess(FormTarget.parse(target, levels=levels), actual)
    assert (assessment.grade, assessment.share) == (grade, Decimal(share))


@pytest.mark.parametrize(
    ("target", "actual", "message"),
    [
        ("有所提升", "80%", "指标值“有所提升”是定性指标：实际完成值应填 达成、部分达成 或 未达成，而不是“80%”"),
        ("≥95%", "很好", "outcome '很好' is not a number"),
        ("≥95%", "0.96", "实际完成值 0.96 未写单位：是 0.96% 还是 0.96 × 100%？请写明 %"),
        ("≤30个工作日", "3个月", "实际完成值“3个月”的单位与指标值“≤30个工作日”的不同，无法比较"),
        ("≥5公里", "4千", "the tiers are in 公里"),
    ],
)
def test_what_the_rule_refuses(target: str, actual: str, message: str) -> None:
    with pytest.raises(kpi.KpiError) as caught:
        assess(FormTarget.parse(target), actual)
    assert message in str(caught.value)


@pytest.mark.parametrize("target", ["较上年提高5%", "≥90%或≤5%", "95%以上且98%以下的"])
def test_a_target_kpi_cannot_read_as_one_is_refused(target: str) -> None:
    try:
        parsed = FormTarget.parse(target)
    except kpi.KpiError:
        return
    assert parsed.condition is not None  # read as one target, or refused: never a qualitative target by mistake


def test_notes_say_how_a_figure_was_read() -> None:
    bare = assess(FormTarget.parse("100人次"), "100")
    assert bare.notes == ("实际完成值未写单位，按指标值的单位 人次 读", "指标值未写 ≥ 或 ≤，按应达到的数值（≥）读")
    limit = assess(FormTarget.parse("100万元", levels=("成本指标",)), "90万元")
    assert limit.notes == ("指标值未写 ≥ 或 ≤，成本指标按不应超过的上限（≤）读",)
    assert "meets the target" in assess(FormTarget.parse("≥90%"), "95%", lang="en").explanation


@pytest.mark.parametrize(
    ("written", "computed", "allowed", "expected"),
    [
        ("", "7.68", None, None),
        ("7.68", "7.68", None, ("7.68", True)),
        ("5", "4.99", None, ("4.99", True)),  # rounded as written: 海淀 2016 shows 4.99 as 5
        ("7.7", "7.68", None, ("7.68", True)),
        ("8", "7.68", None, ("7.68", True)),  # a whole 得分 is compared with kpi's rounded to a whole
        ("9", "7.68", None, ("7.68", False)),
        ("7.6", "7.68", None, ("7.68", False)),
        ("8分", "8", None, ("8", True)),
        ("八", "8", None, ("8", False)),
        ("7", "6", "部分达成", ("7", True)),  # within [6, 8): the evaluator's to choose
        ("8", "6", "部分达成", ("6", False)),  # 8 is 达成's
        ("10", "10", "达成", ("10", True)),
        ("7.9", "10", "达成", ("10", False)),
    ],
)
def test_a_written_score_is_checked(
    written: str, computed: str, allowed: str | None, expected: tuple[str, bool] | None
) -> None:
    got = check_score(written, Decimal(computed), Decimal(10), None if allowed is None else GRADE_RANGES[allowed])
    assert got == (None if expected is None else (Decimal(expected[0]), expected[1]))


def test_shares() -> None:
    assert Shares.parse("100,70,30") == Shares.parse("1,0.7,0.3") == Shares("100%", "70%", "30%")
    assert Shares.parse("100%,60%,0%") == Shares()
    for bad in ("100,60", "60,100,0", "100,60,-1", "1,a,0", "150,60,0"):
        with pytest.raises(ValueError):
            Shares.parse(bad)
    assert grade_of(" 部分达成。") == "部分达成" and grade_of("大部分") is None


# -- the example, end to end ------------------------------------------------------
EXPECTED = {
    "R001": ("完成", "10"),
    "R002": ("未完成", "9.17"),
    "R003": ("完成", "10"),
    "R004": ("完成", "5"),
    "R005": ("完成", "10"),
    "R006": ("未完成", "4.63"),
    "R007": ("完成", "10"),
    "R008": ("达成", "10"),
    "R009": ("部分达成", "7"),  # the hand-written 7 lies in 部分达成's range, 6–8
    "R010": ("完成", "10"),
    "R011": ("未完成", "9.68"),
}


def scores(card: kpi.Scorecard) -> dict[str, tuple[str, str]]:
    return {row.id: (str(row.label), str(row.record()["得分"])) for row in card.rows}


def test_the_example_form_scores_by_the_rule() -> None:
    card = kpi.score(FORM, RESULTS)
    assert scores(card) == EXPECTED
    assert card.complete and card.problems() == []
    assert card.total.score is not None and card.total.band == "优"
    assert card.total.score.quantize(Decimal("0.01")) == Decimal("95.48")  # the sum of its 得分: 分值 add to 100
    record = card.rows[8].record()
    assert record["备注"] == "手填得分 7 在该评定的得分区间 6–8 内，采用手填得分"
    assert record["评定依据"] == "逐步完善"


def test_the_template_is_the_forms_fill_in_sheet(tmp_path: Path) -> None:
    assert main(["template", str(FORM), "-o", str(tmp_path / "fill.csv")]) == 0
    with (tmp_path / "fill.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:9] == [
        "编号",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值",
        "评价标准",
        "分值",
        "实际完成值",
        "得分",
    ]
    assert rows[8][:9] == ["R008", "效益指标(30分)", "社会效益指标", "就业创业服务水平", "有所提升", "", "10", "", ""]
    assert rows[8][-2:] == ["定性指标：实际完成值填 达成、部分达成 或 未达成", ""]  # kpi's hint, the evaluator's 备注
    # Filled in, it is a results file.
    with (tmp_path / "fill.csv").open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(rows[0])
        for row in rows[1:]:
            writer.writerow([*row[:7], "达成", *row[8:]])
    card = kpi.score(FORM, tmp_path / "fill.csv")
    assert {row.id: row.label for row in card.rows}["R008"] == "达成"
    assert card.rows[0].reason == ""  # a word for a figure is the evaluator's judgement


def test_the_cli_scores_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(FORM), str(RESULTS), "-o", str(tmp_path / "out.csv")]) == 0
    assert "总分 95.48 / 100，等级 优" in capsys.readouterr().out
    assert main(["score", str(FORM), str(RESULTS), "--shares", "100,70,30", "--format", "json"]) == 0
    with pytest.raises(SystemExit) as caught:
        main(["score", str(FORM), str(RESULTS), "--shares", "70,100,0"])
    assert caught.value.code == 2
    assert "份额不能从达成到部分达成再到未达成逐级升高" in capsys.readouterr().err


# -- the self-evaluation form, as a workbook and as a Word table -------------------
def form_rows(written: dict[str, str]) -> list[list[str]]:
    """The example's rows with their 实际完成值 and 得分 (as hand-written), in the form's columns."""
    actual = {entry.id: entry for entry in load_results(RESULTS).entries.values()}
    with FORM.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))[1:]
    out = []
    for number, row in enumerate(rows, 1):
        key = f"R{number:03d}"
        value = actual[key].values[0][1]
        out.append([*row[:4], value, row[4], written.get(key, actual[key].score), ""])
    return out


HEADING = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


def write_form_xlsx(path: Path, written: dict[str, str]) -> Path:
    """A 绩效自评表 as departments fill it in: a title, the project's lines, 绩效指标 merged over
    一级/二级/三级指标, 一级指标 merged down its rows, and a 合计 row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "绩效自评表"
    sheet.append(["项目支出绩效自评表"])
    sheet.merge_cells("A1:H1")
    sheet.append(["项目名称", "就业补助资金"])
    sheet.append(["绩效指标", "", "", *HEADING[3:]])
    sheet.append(HEADING[:3])
    sheet.merge_cells("A3:C3")
    for column in "DEFGH":
        sheet.merge_cells(f"{column}3:{column}4")
    first = {}
    for row in form_rows(written):
        if row[0]:
            first[row[0]] = sheet.max_row + 1
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # =100% typed as text, not a formula
    for start in first.values():
        end = next((s - 1 for s in sorted(first.values()) if s > start), sheet.max_row)
        if end > start:
            sheet.merge_cells(f"A{start}:A{end}")
    sheet.append(["合计", "", "", "", "", "100", "95.48", ""])
    book.save(path)
    return path


def write_form_docx(path: Path, written: dict[str, str]) -> Path:
    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表")
    rows = form_rows(written)
    table = document.add_table(rows=2 + len(rows), cols=8)
    table.cell(0, 0).text = "绩效指标"
    table.cell(0, 0).merge(table.cell(0, 2))
    for column, name in enumerate(HEADING):
        if column >= 3:
            table.cell(0, column).text = name
            table.cell(0, column).merge(table.cell(1, column))
        else:
            table.cell(1, column).text = name
    start = 2
    for number, row in enumerate(rows, 2):
        for column, text in enumerate(row):
            if text and not (column == 0 and number > start and not row[0]):
                table.cell(number, column).text = text
        if row[0]:
            start = number
        elif number > start:
            table.cell(start, 0).merge(table.cell(number, 0))
    document.save(str(path))
    return path


@pytest.mark.parametrize("write", [write_form_xlsx, write_form_docx])
def test_a_self_evaluation_form_scores_its_own_figures(tmp_path: Path, write: object) -> None:
    path = write(tmp_path / ("form.xlsx" if write is write_form_xlsx else "form.docx"), {})  # type: ignore[operator]
    table = load_table(path)
    assert [row.activity for row in table.rows[:3]] == [
        ("产出指标(50分)", "数量指标"),
        ("产出指标(50分)", "数量指标"),
        ("产出指标(50分)", "质量指标"),
    ]
    card = kpi.score(table)
    assert scores(card) == EXPECTED
    assert card.total.score is not None and card.total.score.quantize(Decimal("0.01")) == Decimal("95.48")
    assert card.complete


def test_a_hand_written_score_that_disagrees_is_reported_with_both_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_form_xlsx(tmp_path / "form.xlsx", {"R002": "9.5", "R009": "9"})
    card = kpi.score(path)
    place = f"{path}[绩效自评表]"
    assert card.problems() == [
        f"{place}:6: 编号 R002 手填得分 9.5，kpi 计得 9.17",
        f"{place}:13: 编号 R009 手填得分 9 不在部分达成的得分区间（6–8）内；kpi 计得 6",
    ]
    assert not card.complete
    assert scores(card)["R002"] == ("未完成", "9.17")  # kpi's own figure counts
    assert main(["score", str(path)]) == 1
    assert "kpi 计得 9.17" in capsys.readouterr().err


def test_where_a_form_carries_tiers_the_tiers_decide(tmp_path: Path) -> None:
    path = tmp_path / "tiers.csv"
    path.write_text(
        "一级指标,二级指标,三级指标,指标值,评价标准,,,,分值,实际完成值\n"
        "产出指标,质量指标,培训合格率,≥90%,95%以上,90%-95%,80%-90%,80%以下,10,92%\n",
        encoding="utf-8",
    )
    (row,) = kpi.score(path).rows
    assert (row.label, row.record()["得分"], row.weight) == ("良", Decimal(8), Decimal(10))


def test_a_row_of_the_form_kpi_cannot_read_is_kept_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "一级指标,二级指标,三级指标,指标值,分值,实际完成值\n"
        "产出指标,数量指标,培训人数,≥100人,十分,120人\n"
        ",,新增岗位,≥90%或≤5%,10,6%\n"
        ",,服务质量,有所提升,10,95%\n",
        encoding="utf-8",
    )
    card = kpi.score(path)
    assert [row.status for row in card.rows] == ["invalid", "invalid", "invalid"]
    assert str(card.rows[0].row.error) == f"{path}:2: 分值 “十分” is not a number"
    assert str(card.rows[1].row.error).startswith(f"{path}:3: 指标值: ")
    assert card.rows[2].reason.startswith("指标值“有所提升”是定性指标")


def test_the_national_form_loads_from_every_format_alike(tmp_path: Path) -> None:
    """CSV, XLSX and .docx give the same rows: the same activities, indicators, targets, 分值 and figures."""
    book = write_form_xlsx(tmp_path / "form.xlsx", {})
    word = write_form_docx(tmp_path / "form.docx", {})
    plain = tmp_path / "form.csv"
    with plain.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([HEADING, *form_rows({})])

    def rows(table: Table) -> list[tuple[object, ...]]:
        return [(r.activity, r.indicator.text, r.target, r.points, r.actual, r.score) for r in table.rows]

    assert rows(load_table(book)) == rows(load_table(word)) == rows(load_table(plain))


@pytest.mark.parametrize("target", ["增值额未超过扣除项目金额50%", "各一级评审项目得分不低于应得分的80%"])
def test_a_target_on_a_share_of_a_base_is_refused(target: str) -> None:
    # actual ÷ target would divide a share whose base the form does not give
    with pytest.raises(kpi.KpiError, match="as a share of"):
        FormTarget.parse(target)
