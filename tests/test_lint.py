"""Checks on tier sets: gaps, overlaps, unreachable tiers, direction, slips."""

from __future__ import annotations

import pytest

import kpi
from kpi.direction import Direction


def findings(tiers: str, **options: object) -> list[tuple[str, str, str]]:
    return [(f.kind, f.severity, f.message_en) for f in kpi.Criteria.parse(tiers, **options).lint()]  # type: ignore[arg-type]


def test_gaps_between_whole_number_ranges() -> None:
    assert findings("95% | 85%-94% | 70%-84% | 69%以下") == [
        ("gap", "warning", "no tier covers (69%, 70%): such outcomes get the lower neighbour, 差"),
        ("gap", "warning", "no tier covers (84%, 85%): such outcomes get the lower neighbour, 中"),
        ("gap", "warning", "no tier covers (94%, 95%): such outcomes get the lower neighbour, 良"),
    ]


@pytest.mark.parametrize(
    "tiers",
    [
        "95% | 85%-94% | 70%-84% | 69%以下",
        "90-100分 | 80-89分 | 60-79分 | 0-59分",
        "顾客满意率>94% | 顾客满意率=94% | 顾客满意率=93% | 顾客满意率<93%",
    ],
)
def test_no_gap_when_outcomes_are_reported_in_whole_units(tiers: str) -> None:
    assert [f for f in findings(tiers, precision=1) if f[0] == "gap"] == []


def test_gap_at_a_finer_precision_is_still_a_gap() -> None:
    assert [f[2] for f in findings("95% | 85%-94% | 70%-84% | 69%以下", precision="0.1")] == [
        "no tier covers (69%, 70%): such outcomes get the lower neighbour, 差",
        "no tier covers (84%, 85%): such outcomes get the lower neighbour, 中",
        "no tier covers (94%, 95%): such outcomes get the lower neighbour, 良",
    ]


def test_national_scale_parses_and_lints_clean_in_whole_points() -> None:
    criteria = kpi.Criteria.parse_scale("优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)", precision=1)
    assert criteria == kpi.Criteria.parse("90-100分 | 80-89分 | 60-79分 | 0-59分", precision=1)
    assert criteria.lint() == []
    assert criteria.grade(89.5).band == kpi.Band(1, "良")


def test_worst_tier_reaching_into_better_tiers_is_suspicious() -> None:
    assert findings("85%以上 | 70%-85% | 60%-70% | 61%以下") == [
        ("overlap", "info", "中 “60%-70%” and 良 “70%-85%” share 70%; 良 wins (first match)"),
        ("overlap", "warning", "差 “61%以下” and 中 “60%-70%” share [60%, 61%]; 中 wins (first match)"),
        (
            "suspicious",
            "warning",
            "the worst tier “61%以下” swallows better tiers: [60%, 61%] is graded by them first, "
            "so it only applies to (-∞, 60%); probably a slip",
        ),
        (
            "shared-bound",
            "info",
            "85% is a bound two neighbouring tiers share: it goes to 优 “85%以上”, which marks it",
        ),
    ]


def test_a_typo_read_with_a_correction_is_a_finding() -> None:
    assert findings("95% | 85%--94% | 70%-84% | 69%以下")[0] == (
        "typo",
        "warning",
        "良 “85%--94%” has a typo and is read as corrected: 85%--94% → 85%-94%",
    )


def test_worst_tier_swallowing_two_tiers() -> None:
    kinds = findings("85%以上 | 70%-85% | 60%-70% | 73%以下")
    # 70% itself belongs to 良, the better of the two tiers that share it.
    assert ("overlap", "warning", "差 “73%以下” and 良 “70%-85%” share [70%, 73%]; 良 wins (first match)") in kinds
    assert ("overlap", "warning", "差 “73%以下” and 中 “60%-70%” share [60%, 70%); 中 wins (first match)") in kinds


def test_nested_thresholds_overlap_by_design() -> None:
    assert {(kind, severity) for kind, severity, _ in findings("100% | ≥95% | ≥90% | 90%以下")} == {("overlap", "info")}
    assert {
        (kind, severity)
        for kind, severity, _ in findings(
            "业务中断时间≤10小时 | 业务中断时间≤15小时 | 业务中断时间≤20小时 | 业务中断时间≤25小时"
        )
    } == {("overlap", "info")}


def test_unsatisfiable_tier() -> None:
    assert ("unreachable", "error", "中 “<90%且≥95%” can never hold: its conditions contradict each other") in findings(
        "≥95% | 90%-95% | <90%且≥95% | <90%"
    )


def test_an_alternative_no_outcome_can_meet_is_suspicious() -> None:
    # c-dzzh-juduo-1: 500萬元以上、5000元以下 (for 5000萬元) beside a count the tier grades alone.
    tiers = (
        "人数≥1000人或损失≥1亿元 | 人数500人-1000人或损失5000万元-10000万元 | 人数100人-500人或损失≥500万元且损失≤5000元"
        " | 人数≤100人或损失≤500万元"
    )
    assert [kind for kind in findings(tiers) if kind[0] == "suspicious"] == [
        (
            "suspicious",
            "warning",
            "中 “人数100人-500人或损失≥500万元且损失≤5000元” has an alternative (或) no outcome can meet,"
            " 损失≥5000000元且损失≤5000元: perhaps a typo; the tier is graded on its other alternatives alone",
        )
    ]
    assert not [
        kind for kind in findings("人数≥1000人或损失≥1亿元 | 人数<1000人且损失<1亿元") if kind[0] == "suspicious"
    ]


def test_an_exception_taken_not_to_apply_is_a_warning() -> None:
    # b-pjdwzx-nashui-1: 但存在特定情形者不得评为A级, which no figure shows, is assumed not to apply.
    assert ("exception", "warning") in {
        kind[:2] for kind in findings("A:90分以上,但存在特定情形者不得评为A|B:70-89分|C:40-69分|D:40分以下")
    }
    assert not [kind for kind in findings("A:90分以上|B:70-89分|C:40-69分|D:40分以下") if kind[0] == "exception"]


def test_tier_covered_by_better_tiers_is_unreachable() -> None:
    result = findings("≥90% | ≥95% | ≥80% | <80%")
    assert (
        "unreachable",
        "error",
        "良 “≥95%” can never be chosen: better tiers already take every value it covers",
    ) in result


def test_tier_unreachable_at_the_declared_precision() -> None:
    result = findings("≥95% | (94%,95%) | 70%-94% | <70%", precision=1)
    assert (
        "unreachable",
        "error",
        "良 “(94%,95%)” can never be chosen: better tiers already take every value it covers",
    ) in result


def test_direction_findings() -> None:
    assert findings("增长比例6%-14% | 增长比例14%-22% | 增长比例0-6% | 负增长")[0] == (
        "direction",
        "info",
        "增长比例: the tiers are not ordered by value: outcomes outside every tier get no band",
    )
    assert ("direction", "warning", "declared lower is better, but the tiers read higher") in findings(
        "95% | 85%-94% | 70%-84% | 69%以下", direction=Direction.LOWER_IS_BETTER
    )


def test_non_monotone_gap_gets_no_band() -> None:
    assert ("gap", "warning", "no tier covers (22%, +∞): such outcomes get no band") in findings(
        "增长比例6%-14% | 增长比例14%-22% | 增长比例0-6% | 负增长"
    )


def test_finding_prints_severity_kind_and_chinese_message() -> None:
    finding = kpi.Criteria.parse("95% | 85%-94% | 70%-84% | 69%以下").lint()[0]
    assert str(finding) == "warning: gap: 没有任何档次覆盖 (69%, 70%)：这样的结果按较低一档评为差"


def test_lint_copes_with_values_larger_than_any_outcome() -> None:
    huge = "9" * 400
    result = findings(f"{huge} | {huge} | {huge} | 0-0")
    assert result[-1] == ("gap", "warning", f"no tier covers (0, {huge}): such outcomes get the lower neighbour, 差")


def test_a_finding_names_a_tier_labelled_as_a_tier_once() -> None:
    messages = [finding.message for finding in kpi.Criteria.parse(["≥90", "≥95", "80以下"]).lint()]
    assert any(message.startswith("第2档“≥95”永远不会被采用") for message in messages), messages


@pytest.mark.parametrize(
    ("tiers", "severity", "said"),
    [
        (
            "考评结果在90分以上 | 考评分70分以上不满90分 | 考评分60分以下",
            "info",
            "各档的指标名称不同（考评结果、考评分）",
        ),
        ("空腹血糖≥7 | 餐后血糖≥11 | 其余", "info", "各档的指标名称不同（空腹血糖、餐后血糖）"),
        (
            "表示为优秀的分数段为90-100分 | 80分及以上 | 表示为及格的分数段为60-79分 | 60分以下",
            "warning",
            "有的档未写指标",
        ),
    ],
)
def test_lint_says_when_names_may_be_one_score(tiers: str, severity: str, said: str) -> None:
    found = [finding for finding in kpi.Criteria.parse(tiers).lint() if finding.kind == "metric-names"]
    assert [(finding.severity, said in finding.message) for finding in found] == [(severity, True)]


@pytest.mark.parametrize("tiers", ["收缩压≥140 | 舒张压≥90 | 其余", "空腹血糖≥7.0 | 空腹血糖值6.1-6.9 | 空腹血糖<6.1"])
def test_lint_is_silent_on_names_of_two_metrics_or_of_one(tiers: str) -> None:
    assert not [finding for finding in kpi.Criteria.parse(tiers).lint() if finding.kind == "metric-names"]


@pytest.mark.parametrize(
    ("tiers", "expected"),
    [
        # ranks are whole places: 第1-5名 and 第6-11名 leave no gap, and rank 1 is best
        ("第1-5名 | 第6-11名 | 第12-28名", []),
        ("前10名 | 第11-20名 | 第21-30名", []),
        (
            "第12-28名 | 第6-11名 | 第1-5名",
            [
                (
                    "direction",
                    "warning",
                    "名次: a rank is better the smaller it is (1st is best), but the tiers read higher",
                )
            ],
        ),
    ],
)
def test_lint_knows_that_rank_1_is_best(tiers: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(tiers) == expected


def test_a_gap_in_a_share_names_the_share() -> None:
    criteria = kpi.Criteria.parse(["增值额未超过扣除项目金额50%", "增值额超过扣除项目金额60%"])
    (gap,) = [finding for finding in criteria.lint() if finding.kind == "gap"]
    assert "增值额占扣除项目金额的比例 (50%, 60%]" in gap.message
    assert "增值额 as a share of 扣除项目金额 (50%, 60%]" in gap.message_en


# (tiers, labels, the tier named better than the one before it, or None): band words out of order.
BAND_ORDER = [
    ("90分以上良好 | 80-89分优秀 | 60-79分合格 | 60分以下不合格", None, "优秀"),
    ("≥90 | 80-89 | <80", ["良", "优", "差"], "优"),
    ("≥90 | 80-89 | 60-79 | <60", ["优秀", "合格", "良好", "不合格"], "良好"),
    ("≥90 | 80-89 | <80", ["B", "A", "C"], "A"),
    ("≥90 | 80-89 | <80", ["乙等", "甲等", "丙等"], "甲等"),
    # in order, or names kpi cannot rank (一级 is the best air quality and the worst disability)
    ("≥90 | 80-89 | 60-79 | <60", ["优秀", "良好", "合格", "不合格"], None),
    ("≥90 | 80-89 | <80", ["优秀", "称职", "不称职"], None),
    ("≥90 | 80-89 | <80", ["三级", "二级", "一级"], None),
    ("≥90 | 80-89 | <80", ["A", "甲", "良"], None),
]


@pytest.mark.parametrize(("tiers", "labels", "better"), BAND_ORDER)
def test_a_tier_named_better_than_the_one_before_it_is_suspicious(
    tiers: str, labels: list[str] | None, better: str | None
) -> None:
    criteria = kpi.Criteria.parse(tiers, labels=labels)
    said = [f.message_en for f in criteria.lint() if "better than" in f.message_en]
    assert len(said) == (0 if better is None else 1)
    if better is not None:
        assert f"is named {better}, better than" in said[0]
        assert "等级名称" in next(f.message for f in criteria.lint() if f.kind == "suspicious")
