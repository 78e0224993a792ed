"""Scoring a table against a results file: statuses, points, summaries, problems."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

import kpi
from cases import SEED
from kpi.io.results import load_results, template_records
from kpi.scorecard import RECORD_FIELDS
from kpi.scoring import national_scale
from kpi.wording import words

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "handan-2018-results.csv"
TABLE = kpi.load_table(SEED)


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream).writerows(rows)
    return path


def test_example_results_score_every_indicator_once() -> None:
    card = kpi.score(TABLE, EXAMPLE)
    assert [row.id for row in card.rows] == [row.id for row in TABLE.indicators]
    assert {row.status for row in card.rows} == {"graded", "missing", "invalid", "no-band"}
    assert {label for row in card.rows if row.grade for label in [row.grade.label]} >= {"优", "良", "中", "差"}
    assert (card.total.graded, card.total.ungraded) == (94, 8)
    assert card.total.score == Decimal(75)
    assert card.total.band == "中"
    assert not card.complete
    assert card.problems() == []


@pytest.mark.parametrize(
    ("row_id", "status", "reason"),
    [
        ("R004", "invalid", "缺少 失业人员再就业 的实际值"),
        ("R008", "missing", "未填写实际值"),
        ("R012", "invalid", "实际值“良好”不是数字（可带单位）（“良好”处应为数字，第1列）"),
        ("R033", "missing", "未填写实际值"),
        ("R046", "invalid", "实际值“96%%”不是数字（可带单位）（百分号写了两次，第3列）"),
        ("R070", "missing", "未填写实际值"),
        ("R083", "no-band", "24.5% 不在任何一档之内 → 未定档"),
        ("R091", "invalid", "单位“小时”与“个工作日”无法比较"),
    ],
)
def test_example_rows_that_cannot_be_graded_say_why(row_id: str, status: str, reason: str) -> None:
    card = kpi.score(TABLE, EXAMPLE)
    (row,) = [row for row in card.rows if row.id == row_id]
    assert (row.status, row.reason, row.points) == (status, reason, None)


@pytest.mark.parametrize(
    ("row_id", "reason"),
    [
        ("R012", "outcome '良好' is not a number with an optional unit (found “良好”, expected a number, column 1)"),
        ("R046", "outcome '96%%' is not a number with an optional unit (the percent sign is written twice, column 3)"),
        ("R091", "unit 小时 cannot be compared with 个工作日"),
    ],
)
def test_example_rows_that_cannot_be_graded_say_why_in_english_when_asked(row_id: str, reason: str) -> None:
    card = kpi.score(TABLE, EXAMPLE, lang="en")
    (row,) = [row for row in card.rows if row.id == row_id]
    assert (row.status, row.reason) == ("invalid", reason)


def test_records_carry_band_tier_explanation_and_points() -> None:
    card = kpi.score(TABLE, EXAMPLE)
    record = next(r for r in card.records() if r["编号"] == "R019")
    assert record == {
        "编号": "R019",
        "职责活动": "促进就业政策及管理 › 职业技能鉴定",
        "绩效指标": "制卷达标率≥97%、阅卷登分达标率≥96%",
        "评价标准": " | ".join(TABLE.indicators[17].tiers),
        "填报值": "制卷达标率：97.9%；阅卷登分达标率：97%",
        "完成率": None,  # the tiers speak of the targets themselves, not of a rate
        "档次": record["档次"],
        "得分": record["得分"],
        "权重": Decimal(1),
        "评定依据": record["评定依据"],
        "说明": card.rows[[r.id for r in card.rows].index("R019")].grade.explain(),  # type: ignore[union-attr]
        "备注": record["备注"],
        "填报备注": "",
        "原因": "",
        "状态": "已评定",
        "表格位置": f"{SEED}:374",
        "结果位置": f"{EXAMPLE}:19",
        "表格其他列": "",
    }
    assert isinstance(record["得分"], Decimal)
    rates = {row["编号"]: row["完成率"] for row in card.records()}
    assert rates["R003"] == Decimal("100.4") and rates["R002"] == Decimal("59.14")  # as graded, and as completed
    assert record["评定依据"] in TABLE.indicators[17].tiers


def test_points_per_band_are_configurable() -> None:
    card = kpi.score(TABLE, EXAMPLE, points=(100, 85, 70, 40))
    graded = [row for row in card.rows if row.status == "graded"]
    expected = sum(row.weight * Decimal((100, 85, 70, 40)[row.grade.band.index]) for row in graded)  # type: ignore[union-attr]
    assert card.total.score == expected / sum(row.weight for row in graded)
    with pytest.raises(ValueError, match="points must give 4 numbers up to 1000"):
        kpi.score(TABLE, EXAMPLE, points={4: (100, 80)})
    with pytest.raises(ValueError, match="points must give 2 numbers up to 1000"):
        kpi.score(TABLE, EXAMPLE, points=(100, 1e9))


@pytest.mark.parametrize(
    ("bands", "points"),
    [(2, "100 0"), (3, "100 60 0"), (4, "100 80 60 0"), (5, "100 80 70 60 0"), (6, "100 80 73.33 66.67 60 0")],
)
def test_default_points_per_band_for_every_count(bands: int, points: str) -> None:
    from kpi.scoring import default_points

    assert [str(point) for point in default_points(bands)] == points.split()


def test_weights_come_from_the_results_file() -> None:
    card = kpi.score(TABLE, EXAMPLE)
    weights = {row.id: row.weight for row in card.rows if row.weight != 1}
    assert weights == {"R002": 2, "R004": 2, "R030": 2}


def test_summary_per_activity_and_document() -> None:
    card = kpi.score(TABLE, EXAMPLE)
    names = [summary.name for summary in card.activities]
    assert names[0] == "促进就业政策及管理"
    assert "促进就业政策及管理 › 就业创业扶持政策的制定及管理" in names
    duties = [summary for summary in card.activities if len(summary.activity) == 1]
    assert sum(summary.graded + summary.ungraded for summary in duties) == 102
    assert card.summary_records()[-1]["职责活动"] == "全部"


def test_each_summary_adds_up_the_rows_under_it() -> None:
    # Summaries are added up activity by activity; recount each from its rows.
    card = kpi.score(TABLE, EXAMPLE, points=(100, 85, 70, 10))
    for summary in (*card.activities, card.total):
        depth = len(summary.activity)
        rows = [row for row in card.rows if row.row.activity[:depth] == summary.activity]
        graded = [row for row in rows if row.status == "graded"]
        labels = [row.grade.label for row in graded]  # type: ignore[union-attr]
        assert dict(summary.counts) == {label: labels.count(label) for label in set(labels)}
        assert (summary.graded, summary.ungraded) == (len(graded), len(rows) - len(graded))
        weight = sum((row.weight for row in graded), Decimal(0))
        weighted = sum((row.weight * row.points for row in graded), Decimal(0))  # type: ignore[operator]
        assert summary.score == (weighted / weight if weight else None)
    assert len({summary.activity for summary in card.activities}) == len(card.activities)


@pytest.mark.parametrize(
    ("total", "band"), [(Decimal("89.5"), "良"), (90, "优"), (Decimal("59.99"), "差"), (60, "中"), (100, "优")]
)
def test_national_scale_bands(total: Decimal, band: str) -> None:
    assert national_scale().grade(total).label == band


def test_template_filled_in_scores(tmp_path: Path) -> None:
    header, rows = template_records(TABLE)
    assert header[:6] == ["编号", "职责活动", "绩效指标", "评价标准", "填报项1", "实际值1"]
    assert len(rows) == 102
    by_id = {row[0]: row for row in rows}
    assert by_id["R004"][4:8] == ["城镇新增就业（人）", "", "失业人员再就业（人）", ""]
    assert by_id["R003"][4:6] == ["完成率（%）", ""]
    assert by_id["R091"][4:6] == ["企业破产改制职工安置方案审核时间（个工作日）", ""]
    by_id["R004"][5], by_id["R004"][7] = "9.6万人", "3.3万人"
    by_id["R003"][5] = "88%"
    by_id["R091"][5] = "22"
    card = kpi.score(TABLE, load_results(write(tmp_path / "r.csv", [header, *rows])))
    graded = {row.id: row.grade.label for row in card.rows if row.grade}  # type: ignore[union-attr]
    assert graded == {"R004": "优", "R003": "良", "R091": "良"}
    assert sum(row.status == "missing" for row in card.rows) == 99


def test_results_with_a_completion_rate_column(tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", [["编号", "完成率"], ["R004", "96%"], ["R003", "80%"]])
    card = kpi.score(TABLE, path)
    graded = {row.id: row.grade.label for row in card.rows if row.grade}  # type: ignore[union-attr]
    assert graded == {"R004": "优", "R003": "中"}


def test_unknown_duplicate_and_unnamed_results_are_reported(tmp_path: Path) -> None:
    rows = [
        ["编号", "填报项1", "实际值1"],
        ["R003", "完成率", "90%"],
        ["R003", "完成率", "50%"],
        ["R999", "完成率", "90%"],
        ["", "完成率", "90%"],
    ]
    path = write(tmp_path / "r.csv", rows)
    card = kpi.score(TABLE, path)
    (r003,) = [row for row in card.rows if row.id == "R003"]
    assert (r003.status, r003.reason) == ("invalid", "结果文件中编号 R003 出现多次（第2、3行），无法确定采用哪一行")
    assert card.problems("en") == [
        f"{path}:4: result for unknown id R999; the table has no such row",
        f"{path}:3: id R003 appears 2 times (first at {path}:2)",
        f"{path}:5: result row without an id",
    ]
    assert card.problems()[0] == f"{path}:4: 编号 R999 的结果在表格中没有对应的行"  # Chinese first


def test_repeated_ids_are_listed_with_every_place_in_the_order_they_first_appear(tmp_path: Path) -> None:
    rows = [["编号", "填报项1", "实际值1"]] + [
        [row_id, "完成率", "90%"] for row_id in ("R004", "R003", "R003", "R004", "R004")
    ]
    results = load_results(write(tmp_path / "r.csv", rows))
    assert {row_id: [place.line for place in places] for row_id, places in results.duplicates.items()} == {
        "R004": [2, 5, 6],
        "R003": [3, 4],
    }
    assert list(results.duplicates) == ["R004", "R003"]
    assert results.entries["R004"].location.line == 2


@pytest.mark.parametrize(
    ("cells", "status", "reason"),
    [
        (["R003", "", ""], "missing", "未填写实际值"),
        (["R003", "完成率", ""], "missing", "未填写实际值"),
        (["R003", "", "90%"], "graded", ""),
    ],
)
def test_a_result_row_with_nothing_filled_in_is_missing(tmp_path: Path, cells, status, reason) -> None:
    path = write(tmp_path / "r.csv", [["编号", "填报项1", "实际值1"], cells])
    (row,) = [row for row in kpi.score(TABLE, path).rows if row.id == "R003"]
    assert (row.status, row.reason) == (status, reason)


def test_error_for_a_results_file_without_its_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", [["指标", "数值"], ["R003", "90%"]])
    with pytest.raises(kpi.FileError, match="no heading row with 编号 and 填报项/实际值"):
        load_results(path)


def test_invalid_weight_makes_the_row_invalid(tmp_path: Path) -> None:
    path = write(tmp_path / "r.csv", [["编号", "填报项1", "实际值1", "权重"], ["R003", "完成率", "90%", "很重要"]])
    (row,) = [row for row in kpi.score(TABLE, path).rows if row.id == "R003"]
    assert (row.status, row.reason) == ("invalid", "权重“很重要”不是数字")


def test_every_record_has_the_published_fields_in_order() -> None:
    card = kpi.score(TABLE, EXAMPLE)
    assert {tuple(record) for record in card.records()} == {RECORD_FIELDS}


def test_rows_that_repeat_a_tier_set_and_its_figures_share_one_grade(tmp_path: Path) -> None:
    tiers = ["95%", "85%-94%", "70%-84%", "69%以下"]
    indicator = "城镇新增就业10万人"
    table = write(
        tmp_path / "t.csv",
        [
            ["编号", "职责活动", "绩效指标", "评价标准", "", "", ""],
            *[[f"A{n}", "就业", indicator, *tiers] for n in range(1, 6)],
            ["B1", "就业", "城镇新增就业8万人", *tiers],  # another indicator: other targets, another criteria
        ],
    )
    figures = {"A1": "96000人", "A2": "96000人", "A3": "80000人", "A4": "很多", "A5": "很多", "B1": "96000人"}
    results = write(
        tmp_path / "r.csv",
        [
            ["编号", "填报项1", "实际值1"],
            *[[row_id, "城镇新增就业（人）", figure] for row_id, figure in figures.items()],
        ],
    )
    card = kpi.score(table, results)
    rows = {row.id: row for row in card.rows}
    assert rows["A1"].grade is rows["A2"].grade
    assert rows["A1"].grade != rows["A3"].grade
    assert rows["A1"].grade != rows["B1"].grade  # 96% of 10万 is not 120% of 8万
    assert [rows[row_id].row.criteria.grade_actuals(figures[row_id]) for row_id in ("A1", "A3", "B1")] == [  # type: ignore[union-attr]
        rows[row_id].grade for row_id in ("A1", "A3", "B1")
    ]
    assert (rows["A4"].status, rows["A5"].status) == ("invalid", "invalid")
    assert rows["A4"].reason == rows["A5"].reason != ""
    assert (rows["A1"].row.location.line, rows["A2"].row.location.line) == (2, 3)  # each row keeps its own place
    assert list(card.iter_cells()) == [row.cells() for row in card.rows]


def test_shared_grades_are_the_grades_each_row_would_get_alone() -> None:
    card = kpi.score(TABLE, EXAMPLE)
    results = kpi.load_results(EXAMPLE)
    for row in card.rows:
        if row.grade is None:
            continue
        criteria = row.row.criteria
        assert criteria is not None
        filled = results.entries[row.id].filled
        if len(filled) == 1 and filled[0][0] == "完成率":
            alone = criteria.grade(filled[0][1])
        elif len(filled) == 1:
            alone = criteria.grade_actuals(filled[0][1])
        else:
            alone = criteria.grade_actuals({name: value for name, value in filled})
        assert (row.grade, row.grade.explain()) == (alone, alone.explain())
    assert list(card.iter_cells()) == [row.cells() for row in card.rows]
    assert card.records() == [row.record() for row in card.rows]


def test_missing_figures_count_as_zero_when_asked() -> None:
    excluded = kpi.score(TABLE, EXAMPLE)
    zeroed = kpi.score(TABLE, EXAMPLE, missing="zero")
    figure_missing = [
        row for row in zeroed.rows if row.status == "missing" or (row.status == "invalid" and row.row.criteria)
    ]
    assert zeroed.total.zeroed == len(figure_missing) == 7 and excluded.total.zeroed == 0
    assert zeroed.total.graded == excluded.total.graded
    weight = sum(row.weight for row in zeroed.rows if row.status == "graded")
    zero_weight = sum(row.weight for row in figure_missing)
    assert excluded.total.score is not None and zeroed.total.score is not None
    assert zeroed.total.score == excluded.total.score * weight / (weight + zero_weight)
    assert zeroed.document()["总计"]["缺失处理"] == "zero"  # type: ignore[index]
    with pytest.raises(ValueError, match="missing must be 'exclude' or 'zero'"):
        kpi.score(TABLE, EXAMPLE, missing="drop")  # type: ignore[arg-type]


@pytest.mark.parametrize("outcome", [0.965, "0.965", Decimal("0.965"), 1])
def test_a_fraction_on_a_percentage_scale_is_never_graded_silently(outcome: object) -> None:
    c = kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"])
    graded = c.grade(outcome)  # type: ignore[arg-type]
    assert (graded.label, graded.notes) == ("差", ("fraction",))
    assert "如 0.965 即 96.5%，请写 %" in graded.explain()
    assert c.grade(outcome, fractions=True).label == "优"  # type: ignore[arg-type]
    with pytest.raises(kpi.UngradedError):
        c.grade(outcome, strict=True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tiers", "outcome"),
    [
        (["95%", "85%-94%", "70%-84%", "69%以下"], "0.965%"),  # a unit: as written
        (["95%", "85%-94%", "70%-84%", "69%以下"], 0),  # zero is zero
        (["0%", "＜5%", "＜10%", "＞10%"], 0.5),  # a scale with bounds under 1%: 0.5 is 0.5%
        (["95分以上", "85-94分", "70-84分", "69分以下"], 0.9),  # not a percentage scale
    ],
)
def test_where_a_small_number_is_no_fraction(tiers: list[str], outcome: object) -> None:
    assert "fraction" not in kpi.Criteria.parse(tiers).grade(outcome).notes  # type: ignore[arg-type]


def test_fractions_in_a_results_file(tmp_path: Path) -> None:
    results = tmp_path / "r.csv"
    results.write_text("编号,完成率\nR003,0.965\n", encoding="utf-8")
    card = kpi.score(TABLE, results)
    (row,) = [row for row in card.records() if row["编号"] == "R003"]
    assert (row["档次"], row["备注"]) == ("差", "疑为小数形式的百分比")
    (row,) = [row for row in kpi.score(TABLE, results, fractions=True).records() if row["编号"] == "R003"]
    assert (row["档次"], row["备注"]) == ("优", "")


def test_notes_read_as_words_in_a_report() -> None:
    noted = [str(row["备注"]) for row in kpi.score(TABLE, EXAMPLE).records() if row["备注"]]
    names = set(words().note_names.values())
    assert noted and all(set(note.split("、")) <= names for note in noted)
    assert "落在两档之间" in noted


def test_results_from_a_mapping() -> None:
    card = kpi.score(TABLE, {"R003": 0.962, "R002": {"农村劳动力转移就业新增": "3.1万人", "城镇登记失业率": "3.9%"}})
    graded = {row.id: row for row in card.rows if row.status == "graded"}
    assert graded["R002"].label == "优"
    assert (graded["R003"].label, graded["R003"].grade.notes) == ("差", ("fraction",))  # type: ignore[union-attr]
    assert kpi.score(TABLE, {"R003": 0.962}, fractions=True).rows[1].label == "优"
    assert sum(row.status == "missing" for row in card.rows) == 100
    assert str(graded["R002"].result) == "<mapping>:2"


def test_a_dataframe_round_trip(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    header, rows = template_records(TABLE)
    frame = pd.DataFrame(rows, columns=header).astype(object)
    frame.loc[frame["编号"] == "R003", "实际值1"] = 96.5  # a number, as pandas holds one
    frame.loc[frame["编号"] == "R005", "实际值1"] = float("nan")
    card = kpi.score(TABLE, frame)
    by_id = {row.id: row for row in card.rows}
    assert by_id["R003"].label == "优" and by_id["R005"].status == "missing"
    scored = card.to_frame()
    assert list(scored.columns) == list(RECORD_FIELDS) and len(scored) == 102
    assert all(str(scored[name].dtype) == "float64" for name in ("完成率", "得分", "权重"))
    assert scored.set_index("编号").loc["R003", "完成率"] == 96.5
    assert scored.set_index("编号").loc["R005", "得分"] != scored.set_index("编号").loc["R005", "得分"]  # NaN
