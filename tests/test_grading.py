"""Grading outcomes into bands: hand-checked cases, notes, strictness, labels."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import kpi
import kpi.testing
from cases import GRADES
from kpi.direction import Direction
from kpi.grading.model import REFUSED_WHEN_STRICT


@pytest.mark.parametrize(("tiers", "outcome", "label", "notes"), GRADES)
def test_grade_of_hand_checked_outcome(tiers: str, outcome: object, label: str | None, notes: tuple[str, ...]) -> None:
    grade = kpi.Criteria.parse(tiers).grade(outcome)  # type: ignore[arg-type]
    assert (grade.band.label if grade.band else None) == label
    assert grade.notes == notes
    # The gap rules place an outcome no tier matches; other notes speak of a match.
    assert (grade.tier is None) == bool(set(notes) & PLACED)
    assert grade.explain()


PLACED = {"gap", "above-scale", "below-scale", "uncovered"}


def test_hand_checked_table_is_large_enough() -> None:
    assert len(GRADES) >= 80


@pytest.mark.parametrize(
    ("tiers", "outcome", "label", "notes"), [case for case in GRADES if set(case[3]) & REFUSED_WHEN_STRICT]
)
def test_strict_grading_refuses_what_no_tier_matches_alone(tiers, outcome, label, notes) -> None:
    guessed = [note for note in notes if note in GUESSED]
    expected = f"strict grading refuses a grade noted {guessed[0]} " if guessed else "no tier matches directly"
    with pytest.raises(kpi.UngradedError, match=re.escape(expected)):
        kpi.Criteria.parse(tiers).grade(outcome, strict=True)


#: 工人退休费 by 连续工龄 (tests/corpus/sets c-tuixiu-uianet-1): conditional sentences, the first led by a
#: condition without a figure.
PENSION = (
    "中华人民共和国成立后参加革命工作,连续工龄满二十年的,按本人标准工资百分之七十五发给",
    "连续工龄满十五年不满二十年的,按本人标准工资的百分之七十发给",
    "连续工龄满十年不满十五年的,按本人标准工资的百分之六十发给",
)
#: The notes of a grade read on a guess, which a strict refusal names.
GUESSED = (
    "fraction",
    "magnitude",
    "unit-assumed",
    "unmeasured",
    "one-metric",
    "condition-met",
    "exception-assumed",
    "alternative-assumed",
    "impossible",
    "negative-decrease",
)
#: An outcome for each note that grade(..., strict=True) refuses, and how the refusal begins.
STRICT_REFUSALS = {
    "gap": (
        "95% | 85%-94% | 70%-84% | 69%以下",
        "94.5%",
        "没有哪一档直接且单独地符合：",
        "no tier matches directly and alone: ",
    ),
    "above-scale": (
        "90-100分 | 80-89分 | 70-79分 | 60-69分",
        "105分",
        "没有哪一档直接且单独地符合：",
        "no tier matches directly and alone: ",
    ),
    "below-scale": (
        "90-100分 | 80-89分 | 70-79分 | 60-69分",
        "50分",
        "没有哪一档直接且单独地符合：",
        "no tier matches directly and alone: ",
    ),
    "uncovered": ("3 | 1 | 2 | 5", "4", "没有哪一档直接且单独地符合：", "no tier matches directly and alone: "),
    # a threshold each province fixes within 一千元至三千元 (kpi.span_thresholds): 2000元 depends on it
    "span": (
        "三万元至十万元以上 | 盗窃公私财物价值一千元至三千元以上",
        "2000元",
        "没有哪一档直接且单独地符合：",
        "no tier matches directly and alone: ",
    ),
    "overlap": (
        "100% | ≥90% | ≥80% | 80%以下",
        80,
        "没有哪一档直接且单独地符合：",
        "no tier matches directly and alone: ",
    ),
    "magnitude": (
        "3万元以内 | 3万元-5万元 | 5万元以上",
        25000,
        "严格评定不予评定（备注：疑以基本单位填写）：按各档的单位（如万元）读只是推测，实际值也可能以元、人等基本单位填写。",
        "strict grading refuses a grade noted magnitude (perhaps in the base unit):"
        " reading the number in the tiers' unit (万元) is a guess, and it may be in 元. ",
    ),
    "fraction": (
        "95% | 85%-94% | 70%-84% | 69%以下",
        0.965,
        "严格评定不予评定（备注：疑为小数形式的百分比）：按百分数读只是推测，实际值也可能是小数形式的比率。",
        "strict grading refuses a grade noted fraction (perhaps a fraction):"
        " reading the outcome as percent is a guess, and it may be a fraction. ",
    ),
    "unit-assumed": (
        "≤50.0 | 50.1~55.0 | 55.1~60.0 | 60.1~65.0 | >65.0",
        "52dB",
        "严格评定不予评定（备注：各档未写单位，按实际值的单位理解）：单位是推测的，各档并未写明。",
        "strict grading refuses a grade noted unit-assumed (tiers read in the outcome's unit):"
        " the unit is a guess, not written in the tiers. ",
    ),
    "unmeasured": (
        "死亡≥30人或重伤≥100人 | 死亡10-29人或重伤50-99人 | 死亡3-9人或重伤10-49人 | 死亡<3人或重伤<10人",
        {"死亡": "35人"},
        "严格评定不予评定（备注：部分指标未给出实际值，其“或”条件未予考虑）：评定未考虑缺少实际值的指标，它们可能改变结果。",
        "strict grading refuses a grade noted unmeasured (metrics without figures left out):"
        " the decision left out the metrics with no figure, which could change it. ",
    ),
    "one-metric": (
        "考评结果在90分以上 | 考评分70分以上不满90分 | 考评分60分以上不满70分 | 考评分60分以下",
        "80分",
        "严格评定不予评定（备注：各档指标名称不同，按同一指标理解）：各档名称不同的指标是否为同一指标只是推测。",
        "strict grading refuses a grade noted one-metric (differently named metrics read as one):"
        " that the differently named metrics are one is a guess. ",
    ),
    "condition-met": (
        " | ".join(PENSION),
        "25年",
        "严格评定不予评定（备注：没有数值的条件视为已满足）：没有数值的条件是否满足只是假定。",
        "strict grading refuses a grade noted condition-met (conditions without figures taken as met):"
        " that the conditions without a figure are met is only assumed. ",
    ),
    "exception-assumed": (
        "优:90分以上,但存在特定情形者不得评为优|良:80-89分|中:60-79分|差:60分以下",
        "92分",
        "严格评定不予评定（备注：按不存在例外情形评定）：档次所写的例外情形是否存在无法由数值判断，只是假定不存在。",
        "strict grading refuses a grade noted exception-assumed (exception taken not to apply):"
        " that the tier's exception does not apply is assumed, no figure shows it. ",
    ),
    "alternative-assumed": (  # tests/corpus c-nsxy-dydkgs-1: a D grade may be given directly, whatever the score
        "考评结果在90分以上 | 考评结果70分以上不满90分 | 考评结果40分以上不满70分 | 考评结果40分以下的或者直接判级确定的",
        "95分",
        "严格评定不予评定（备注：“或”所写情形按不存在评定）："
        "档次中“或”所写的情形（如一票否决）无法由数值判断，只是假定不存在，它可能改变档次。",
        "strict grading refuses a grade noted alternative-assumed (alternatives without figures taken not to hold):"
        " that a tier's alternative without a figure (或一票否决) does not hold is assumed; it could change the band. ",
    ),
    # tests/corpus c-dzzh-juduo-1: 5000元 for 5000万元 leaves the better tier's loss empty
    "impossible": (
        "人数100人以上或损失500万元以上、5000元以下 | 人数100人以下",
        {"人数": "50人", "损失": "1000万元"},
        "严格评定不予评定（备注：前面有一档的条件无法满足，疑为笔误）："
        "前面有一档（或其中“或”的一项）的条件任何数值都不能满足，疑为笔误；按原意结果可能属于那一档。",
        "strict grading refuses a grade noted impossible (a better tier can never hold, perhaps a typo):"
        " a better tier (or an alternative of one) can never hold, perhaps a typo; as meant, it might be the band. ",
    ),
    # 90 on tiers written as fractions: perhaps 90%, 0.9
    "percent": (
        "≥0.95 | 0.85-0.95 | <0.85",
        "90",
        "严格评定不予评定（备注：疑为百分数）：各档按小数写，实际值可能是百分数，按所写数值评定只是猜测。",
        "strict grading refuses a grade noted percent (perhaps a percentage):"
        " on tiers written as fractions, the outcome may be a percentage: reading it as written is a guess. ",
    ),
    # a formula's float for 95%, which Excel shows as 95%
    "rounding": (
        "95%以上 | 85%-95% | 70%-85% | 70%以下",
        "94.99999999999999",
        "严格评定不予评定（备注：与档界只差舍入误差）：实际值与档界只差浮点舍入误差，可能就是界值本身，应属哪一档无法确定。",
        "strict grading refuses a grade noted rounding (within rounding of a bound):"
        " an outcome within a float's rounding of a bound may be the bound itself: its band cannot be told. ",
    ),
    # a fall written with its sign, or a rise: 同比下降 -6%
    "negative-decrease": (
        "同比下降5%以上 | 同比下降3%-5% | 同比下降3%以下",
        "-6%",
        "严格评定不予评定（备注：下降（减少）量写成负数）：下降（减少）量为负数，可能是带符号写的下降，也可能是上升，无法确定。",
        "strict grading refuses a grade noted negative-decrease (a decrease written negative):"
        " a negative decrease may be a fall written with its sign or a rise: it cannot be told. ",
    ),
}


def test_every_note_refused_when_strict_has_a_refusal() -> None:
    assert set(STRICT_REFUSALS) == REFUSED_WHEN_STRICT and set(GUESSED) <= REFUSED_WHEN_STRICT


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("note", sorted(STRICT_REFUSALS))
def test_a_strict_refusal_names_the_note_and_why(note: str, lang: str) -> None:
    tiers, outcome, zh, en = STRICT_REFUSALS[note]
    criteria = kpi.Criteria.parse(tiers)
    grade = criteria.grade(outcome)
    assert note in grade.notes
    with pytest.raises(kpi.UngradedError) as raised:
        criteria.grade(outcome, strict=True)
    said = raised.value.says(lang)
    assert said == (zh if lang == "zh" else en) + grade.explain(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("outcome", "noted"),
    [
        (25000, True),  # 2.5万元 written in 元? read as 25000万元, and said so
        ("25000", True),
        ("25000元", False),  # its unit is written
        (2.5, False),
        (4999, False),  # within a thousand times the largest bound (5万元)
        (0, False),
    ],
)
def test_a_bare_number_far_beyond_tiers_in_wan_yuan_is_noted(outcome: object, noted: bool) -> None:
    grade = kpi.Criteria.parse(["3万元以内", "3万元-5万元", "5万元以上"]).grade(outcome)  # type: ignore[arg-type]
    assert ("magnitude" in grade.notes) == noted
    # tiers in a unit of one (元, 人) read a bare number as it is: no note
    assert "magnitude" not in kpi.Criteria.parse(["3000元以内", "3000元以上"]).grade(outcome).notes  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tiers", "outcome", "label", "notes"), [case for case in GRADES if not set(case[3]) & REFUSED_WHEN_STRICT]
)
def test_strict_grading_agrees_where_a_tier_matches(tiers, outcome, label, notes) -> None:
    assert kpi.Criteria.parse(tiers).grade(outcome, strict=True).band.label == label


@pytest.mark.parametrize(
    ("tiers", "outcome", "zh", "en"),
    [
        (
            "95% | 85%-94% | 70%-84% | 69%以下",
            "96.5%",
            "96.5% ≥ 95%（高出1.5个百分点）→ 优",
            "96.5% ≥ 95% (1.5 percentage points above) → 优 (excellent)",
        ),
        (
            "95% | 85%-94% | 70%-84% | 69%以下",
            94.5,
            "94.5% 未达到优档“95%”，高于良档“85%-94%” → 良（落在两档之间，按较低一档评定）",
            "94.5% falls short of 优 “95%” but exceeds 良 “85%-94%” → 良 (good) (between two tiers: the lower one applies)",
        ),
        (
            "95% | 85%-94% | 70%-84% | 69%以下",
            90,
            "90% 在 85%-94% 之内 → 良",
            "90% lies within 85%-94% → 良 (good)",
        ),
        (
            "设备完好率>90% | 设备完好率=90% | 设备完好率<90%且≥80% | 设备完好率<80%",
            85,
            "80% ≤ 设备完好率 85% < 90% → 中",
            "80% ≤ 设备完好率 85% < 90% → 中 (fair)",
        ),
        (
            "设备完好率>90% | 设备完好率=90% | 设备完好率<90%且≥80% | 设备完好率<80%",
            90,
            "设备完好率 90% = 90% → 良",
            "设备完好率 90% = 90% → 良 (good)",
        ),
        (
            "设备完好率>90% | 设备完好率=90% | 设备完好率<90%且≥80% | 设备完好率<80%",
            91,
            "设备完好率 91% > 90%（高出1个百分点）→ 优",
            "设备完好率 91% > 90% (1 percentage points above) → 优 (excellent)",
        ),
        (
            "95% | 85%-94% | 70%-84% | 69%以下",
            95.0,
            "95% ≥ 95%（恰好达到）→ 优",
            "95% ≥ 95% (exactly) → 优 (excellent)",
        ),
        (
            "甲≥90% | 乙≥90% | 甲≥60% | 甲<60%",
            {"甲": "50%", "乙": "95%"},
            "乙 95% ≥ 90%（高出5个百分点）→ 良（后面的档次也包含这一结果，按先匹配原则评定）",
            "乙 95% ≥ 90% (5 percentage points above) → 良 (good) (a later tier also claims this outcome: the first applies)",
        ),
        (
            "≥90分 | 80分（含）至90分（不含） | ≥60分且<80分 | <60分",
            85,
            "80分 ≤ 85分 < 90分 → 良",
            "80分 ≤ 85分 < 90分 → 良 (good)",
        ),
        (
            "≤24小时 | ≤48小时 | ≤72小时 | >72小时",
            "1天",
            "24小时 ≤ 24小时（恰好达到）→ 优",
            "24小时 ≤ 24小时 (exactly) → 优 (excellent)",
        ),
        (
            "业务中断时间≤10小时 | 业务中断时间≤15小时 | 业务中断时间≤20小时 | 业务中断时间≤25小时",
            "12小时",
            "业务中断时间 12小时 ≤ 15小时（低于上限3小时）→ 良",
            "业务中断时间 12小时 ≤ 15小时 (3小时 under the limit) → 良 (good)",
        ),
        (
            "90-100分 | 80-89分 | 60-79分 | 0-59分",
            105,
            "105分 优于最高档优档“90-100分” → 优（超出评分范围，按最高档评定）",
            "105分 is beyond the best tier, 优 “90-100分” → 优 (excellent) (above the scale: the best band applies)",
        ),
        (
            "增长比例6%-14% | 增长比例14%-22% | 增长比例0-6% | 负增长",
            30,
            "30% 不在任何一档之内 → 未定档",
            "30% lies in no tier → no band",
        ),
        (
            "95%以上 | 85%-94% | 70%-84% | 其余",
            10,
            "10% 不属于以上各档，按“其余” → 差",
            "10% matches none of the tiers above, so “其余” applies → 差 (poor)",
        ),
    ],
)
def test_grade_explains_itself(tiers: str, outcome: object, zh: str, en: str) -> None:
    grade = kpi.Criteria.parse(tiers).grade(outcome)  # type: ignore[arg-type]
    assert grade.explain() == zh
    assert grade.explain("en") == en


def test_grade_reports_band_tier_and_outcome() -> None:
    grade = kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"]).grade("96.5%")
    assert grade.band == kpi.Band(0, "优")
    assert (grade.band.index, grade.band.label, grade.tier, grade.notes) == (0, "优", 0, ())
    assert grade.outcome == kpi.Quantity(Decimal("96.5"), kpi.parse_rule("1%").condition.unit)  # type: ignore[attr-defined]


def test_bands_compare_by_merit() -> None:
    bands = kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"]).bands
    assert bands[0] > bands[1] > bands[2] > bands[3]
    assert [band.label for band in bands] == ["优", "良", "中", "差"]
    assert [band.index for band in bands] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("tiers", "labels"),
    [
        ("90%以上 | 60%-89% | 60%以下", ("第1档", "第2档", "第3档")),
        ("合格率≥90% | 合格率<90%", ("第1档", "第2档")),
        ("≥90 | ≥80 | ≥70 | ≥60 | <60", ("第1档", "第2档", "第3档", "第4档", "第5档")),
    ],
)
def test_a_tier_set_has_as_many_bands_as_tiers(tiers: str, labels: tuple[str, ...]) -> None:
    criteria = kpi.Criteria.parse(tiers)
    assert criteria.labels == labels
    assert criteria.grade(0).band == kpi.Band(len(labels) - 1, labels[-1])


@pytest.mark.parametrize(
    ("labels", "outcome", "label"),
    [(("A", "B", "C", "D"), 96, "A"), (("一档", "二档", "三档", "四档"), 50, "四档")],
)
def test_other_documents_name_the_bands_their_own_way(labels, outcome, label) -> None:
    criteria = kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"], labels=labels)
    grade = criteria.grade(outcome)
    assert grade.label == label
    assert grade.explain().endswith(f"→ {label}")


@pytest.mark.parametrize(
    ("tiers", "labels", "outcome", "label"),
    [
        (["90分以上的優等成績", "80到90分的甲等成績", "70到80分的乙等"], ("優等", "甲等", "乙等"), 85, "甲等"),
        (["A :优秀(≥90分)", "B :良好(≥70分)", "C :及格(≥60分)", "D :不及格(<60分)"], tuple("ABCD"), 75, "B"),
        (["年度等級平均分在90分以上為A級", "90分至75分為B級", "75分至60分為C級"], ("A級", "B級", "C級"), 80, "B級"),
        (["90到100優(yōu)秀", "80到89分不錯(cuò)", "59分以下就是失敗"], ("優(yōu)秀", "不錯(cuò)", "失敗"), 59, "失敗"),
    ],
)
def test_tiers_may_name_their_bands_in_the_callers_spelling(tiers, labels, outcome, label) -> None:
    assert kpi.Criteria.parse(tiers, labels=labels).grade(outcome).label == label


@pytest.mark.parametrize(
    ("scale", "labels", "outcome", "label"),
    [
        (
            "“A优秀”-[90-100],“B称职”-[70-90),“C基本称职”-[60-70),“D不称职”-[0-60)",
            ("A优秀", "B称职", "C基本称职", "D不称职"),
            89.9,
            "B称职",
        ),
        (
            "优秀（10分） 好（8-9分） 良好（6-7）<br />较差（4-5分）极差（1-2分）",
            ("优秀", "好", "良好", "较差", "极差"),
            6,
            "良好",
        ),
        # each band's name in its clause, items at semicolons or commas (never one between digits)
        ("A级：90分以上；B级：75-89分；C级：60-74分；D级：60分以下", ("A级", "B级", "C级", "D级"), 74.5, "C级"),
        (
            "90分以上为优秀，80-89分为良好，60-79分为合格，60分以下为不合格",
            ("优秀", "良好", "合格", "不合格"),
            80,
            "良好",
        ),
        ("得分1,000分以上为优秀，900-999分为良好", ("优秀", "良好"), "1,000分", "优秀"),
        ("90分以上优秀、80-89分良好、60-79分及格、60分以下不及格", ("优秀", "良好", "及格", "不及格"), 59, "不及格"),
    ],
)
def test_scales_written_in_other_ways(scale: str, labels: tuple[str, ...], outcome: object, label: str) -> None:
    criteria = kpi.Criteria.parse_scale(scale)
    assert criteria.labels == labels
    assert criteria.grade(outcome).label == label


def test_tiers_that_write_no_unit_are_read_in_the_outcomes_unit_and_noted() -> None:
    criteria = kpi.Criteria.parse("≤50.0 | 50.1~55.0 | 55.1~60.0 | 60.1~65.0 | >65.0")
    grade = criteria.grade("52dB")
    assert grade.explain().endswith("→ 第2档（各档数值未写单位，按实际值所写的单位理解）")
    assert criteria.grade_many(["52dB", "66dB", 50]) == [grade.band, criteria.bands[4], criteria.bands[0]]
    with pytest.raises(kpi.UngradedError):
        criteria.grade("52dB", strict=True)
    # A value written again in brackets, in a unit neither names (<5.2 (200): mmol/L and mg/dL): refused.
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule("<5.2 (200)")


@pytest.mark.parametrize(
    ("outcome", "zh", "en"),
    [
        (
            "52dB",
            "52dB 在 50.1-55 之内 → 第2档（各档数值未写单位，",
            "52dB lies within 50.1-55 → 第2档 (the tiers write no unit",
        ),
        (
            "45dB",
            "45dB ≤ 50（低于上限5dB）→ 第1档（各档数值未写单位，",
            "45dB ≤ 50 (5dB under the limit) → 第1档 (the tiers",
        ),
        ("66dB", "66dB > 65（高出1dB）→ 第5档（", "66dB > 65 (1dB above) → 第5档 ("),
        ("50.05dB", "50.05dB 未达到第1档", "50.05dB falls short of 第1档"),
        ("52", "52 在 50.1-55 之内 → 第2档", "52 lies within 50.1-55 → 第2档"),  # a bare outcome: no unit to show
    ],
)
def test_an_outcome_graded_by_tiers_that_write_no_unit_is_explained_in_its_own_unit(
    outcome: str, zh: str, en: str
) -> None:
    grade = kpi.Criteria.parse("≤50.0 | 50.1~55.0 | 55.1~60.0 | 60.1~65.0 | >65.0").grade(outcome)
    assert ("unit-assumed" in grade.notes) == outcome.endswith("dB")
    assert grade.explain().startswith(zh) and grade.explain("en").startswith(en)
    if not outcome.endswith("dB"):
        assert grade.explain() == zh and grade.explain("en") == en


MONTHS = "≤1个月 | >1个月,≤2个月 | >2个月,≤3个月 | >3个月"


@pytest.mark.parametrize(
    ("tiers", "outcome", "zh", "en"),
    [
        (
            MONTHS,
            "20天",
            "20天（折合0.645至0.714个月） 在“≤1个月”之内 → 优（一个月为28至31天，无论按多少天折算都在这一档）",
            "20天 (0.645 to 0.714个月) lies within “≤1个月” → 优 (excellent) (a month is 28 to 31 days:"
            " the band is the same whichever length it is)",
        ),
        (
            "≤1年 | >1年,≤2年 | >2年",
            "400天",
            "400天（折合1.093至1.096年） 在“>1年,≤2年”之内 → 第2档（一年为365至366天，无论按多少天折算都在这一档）",
            "400天 (1.093 to 1.096年) lies within “>1年,≤2年” → 第2档 (a year is 365 to 366 days:"
            " the band is the same whichever length it is)",
        ),
        (
            "≤1个月 | >1个月,≤2个月 | >5个月",
            "100天",
            "100天（折合3.226至3.571个月） 未达到第2档“>1个月,≤2个月”，高于第3档“>5个月” → 第3档（落在两档之间，"
            "按较低一档评定）（一个月为28至31天，无论按多少天折算都在这一档）",
            "100天 (3.226 to 3.571个月) falls short of 第2档 “>1个月,≤2个月” but exceeds 第3档 “>5个月” → 第3档"
            " (between two tiers: the lower one applies) (a month is 28 to 31 days: the band is the same whichever"
            " length it is)",
        ),
    ],
)
def test_an_outcome_that_converts_only_approximately_is_explained_with_its_span(
    tiers: str, outcome: str, zh: str, en: str
) -> None:
    grade = kpi.Criteria.parse(tiers).grade(outcome)
    assert (grade.explain(), grade.explain("en")) == (zh, en)
    assert grade.outcome == kpi.units.Quantity(Decimal(outcome[:-1]), kpi.units.unit_named("天"))  # as written
    # Every reading gives the band: nothing is guessed, and strict grading agrees (unless the gap rules placed it).
    if grade.tier is not None:
        assert kpi.Criteria.parse(tiers).grade(outcome, strict=True) == grade
    assert kpi.Criteria.parse(tiers).grade_many([outcome]) == [grade.band]


@pytest.mark.parametrize(
    ("tiers", "outcome", "zh", "en"),
    [
        (
            MONTHS,
            "31天",
            "31天（折合1至1.107个月）跨越优档、良档（一个月为28至31天，档次取决于按多少天折算）：请以“个月”给出实际值",
            "31天 (1 to 1.107个月) spans 优, 良 (a month is 28 to 31 days, and the band depends on which):"
            " give the outcome in 个月",
        ),
        (
            MONTHS,
            "30天",
            "30天（折合0.968至1.071个月）跨越优档、良档（一个月为28至31天，档次取决于按多少天折算）：请以“个月”给出实际值",
            "30天 (0.968 to 1.071个月) spans 优, 良 (a month is 28 to 31 days, and the band depends on which):"
            " give the outcome in 个月",
        ),
        (
            "≤1年 | >1年,≤2年 | >2年",
            "366天",
            "366天（折合1至1.003年）跨越第1档、第2档（一年为365至366天，档次取决于按多少天折算）：请以“年”给出实际值",
            "366天 (1 to 1.003年) spans 第1档, 第2档 (a year is 365 to 366 days, and the band depends on which):"
            " give the outcome in 年",
        ),
        (
            "工期≤1个月且用时≤1年 | 其他",
            {"工期": "20天", "用时": "100天"},
            "20天、100天与各档的单位只能近似换算：请按各档的单位给出",
            "20天、100天 convert to the tiers' units only approximately: give them in the tiers' units",
        ),
        # Units that never compare are refused as before, whatever the span would be.
        (MONTHS, "20个工作日", "单位“个工作日”与“个月”无法比较", "unit 个工作日 cannot be compared with 个月"),
    ],
)
def test_an_outcome_whose_band_depends_on_the_length_of_a_month_is_refused(
    tiers: str, outcome: object, zh: str, en: str
) -> None:
    criteria = kpi.Criteria.parse(tiers)
    with pytest.raises(kpi.OutcomeError) as raised:
        criteria.grade(outcome)  # type: ignore[arg-type]
    assert (raised.value.says("zh"), str(raised.value)) == (zh, en)
    if isinstance(outcome, str):
        with pytest.raises(kpi.OutcomeError, match=r"^outcome 1: "):
            criteria.grade_many(["1个月", outcome])


def test_an_alternative_no_figure_can_show_is_set_aside_and_noted() -> None:
    tiers = [
        "年度评价指标得分90分以上",
        "考评分70分以上不满90分",
        "考评分40分以上不满70分",
        "考评分40分以下的或直接判级确定",
    ]
    assert kpi.parse_rule(tiers[3]).set_aside == ("直接判级确定",)
    # 一票否决 is a rule's name, its 一 no figure (b-shanggao-yide-1); a count in words is no such name.
    veto = kpi.parse_rule("得分<60分或扣分≥30分或有“一票否决”情形的")
    assert (str(veto), veto.set_aside) == ("得分<60分或扣分≥30分", ("有“一票否决”情形",))
    alone = kpi.parse_rule("得分<60分或一票否决")  # it read one 票否决 (得分<60分或票否决1)
    assert (str(alone), alone.set_aside) == ("得分<60分", ("一票否决",))
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule("得分<60分或有“一次违纪”情形的")
    earthquake = kpi.parse_rule("重大地震灾害是指造成50人以上300人以下死亡(含失踪)或造成严重经济损失的地震灾害")
    assert (str(earthquake), earthquake.set_aside) == ("死亡50人-300人", ("造成严重经济损失",))
    some = kpi.parse_rule("一般地震灾害是指造成10人以下死亡(含失踪)或造成一定经济损失的地震灾害")
    assert (str(some), some.set_aside) == ("死亡≤10人", ("造成一定经济损失",))  # 一定 is "some", no figure
    for text in ("得分≥10或一定", "得分≥10且很多", "得分≥10但很多"):  # they read 得分≥10或定1, and 得分≥10 twice
        with pytest.raises(kpi.KpiSyntaxError):
            kpi.parse_rule(text)
    assert kpi.parse_rule("得分≥10或很多").set_aside == ("很多",)  # it was dropped as a band's name
    grade = kpi.Criteria.parse(["90分以上", "70分以上不满90分", "40分以上不满70分", tiers[3]]).grade(85)
    assert (grade.label, grade.notes) == ("良", ("set-aside", "alternative-assumed"))  # a D may be given directly
    assert grade.explain().endswith("→ 良（档次中条件以外、无法由数值判断的内容未予考虑：直接判级确定）")
    # An exception of the tier's own band with no figure is taken not to apply, and noted (b-pjdwzx-nashui-1).
    excepted = kpi.parse_rule("A級(jí)得分90分以上,但存在特定情形者不得評(píng)為A級(jí)", label="A級(jí)")
    assert (str(excepted), excepted.notes) == ("得分≥90分", ("exception-assumed",))
    # One naming another band, or one with a figure (it could be measured), is refused.
    # A deduction is a figure: 但有扣分者 is 扣分>0, which could be measured.
    for text in (
        "A級得分90分以上,但存在特定情形者不得評為B級",
        "A級得分90分以上,但扣分超过5分者不得評為A級",
        "A級得分90分以上,但有扣分者不得評為A級",
        "A級得分90分以上,但扣分者不得評為A級",
    ):
        with pytest.raises(kpi.KpiSyntaxError):
            kpi.parse_rule(text, label="A級")
    # So is one whose band cannot be told: no label given, none named before the condition.
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule("90分以上,但存在特定情形者不得评为优")


@pytest.mark.parametrize(
    ("text", "canonical", "set_aside"),
    [
        # a threat before what it calls for (需) is the event; consequences after a semicolon, the first led by a
        # causative and none with a figure, are other circumstances of the level: set aside (c-dzzh-gansu-1)
        (
            "受地质灾害威胁,需搬迁转移人数在1000人以上,或潜在经济损失1亿元以上;造成江河支流被阻断,"
            "严重影响群众生命财产安全的地质灾害险情",
            "搬迁转移人数≥1000人或潜在经济损失≥100000000元",
            ("造成江河支流被阻断,严重影响群众生命财产安全",),
        ),
        (
            "受地质灾害威胁,需搬迁转移人数在500人以上、1000人以下,或潜在经济损失5000万元以上、1亿元以下;"
            "造成铁路主要干线、高速公路、民航和航道中断;影响群众生命财产安全、有社会影响的地质灾害险情",
            "搬迁转移人数500人-1000人或潜在经济损失5000万元-10000万元",
            ("造成铁路主要干线、高速公路、民航和航道中断", "影响群众生命财产安全、有社会影响"),
        ),
        ("受地质灾害威胁,需要搬迁转移人数在100人以上的地质灾害险情", "搬迁转移人数≥100人", ()),
        ("死亡30人以上;造成严重后果", "死亡≥30人", ("造成严重后果",)),
    ],
)
def test_consequences_no_figure_can_show_are_set_aside(text: str, canonical: str, set_aside: tuple[str, ...]) -> None:
    rule = kpi.parse_rule(text)
    assert (str(rule), rule.set_aside) == (canonical, set_aside)
    grade = kpi.Criteria.parse([text, "死亡3人以上"]).grade({"搬迁转移人数": "1000人", "死亡": "40人"})
    assert ("set-aside" in grade.notes) is bool(set_aside)


@pytest.mark.parametrize(
    ("text", "canonical", "set_aside", "met"),
    [
        # what follows the condition closed by 的 is set aside, figures and all (c-ldht-1, c-grsds-2)
        (
            "劳动合同期限三个月以上不满一年的，试用期不得超过一个月",
            "劳动合同期限≥3个月且<12个月",
            ("试用期不得超过一个月",),
            (),
        ),
        ("四千元以上的，减除百分之二十的费用", "≥4000元", ("减除百分之二十的费用",), ()),
        # a topic or a condition without a figure before it is taken as met (c-grsds-2, c-tanwu-2, c-tuixiu-uianet-1)
        (
            "财产租赁所得，每次收入不超过四千元的，减除费用八百元",
            "每次收入≤4000元",
            ("减除费用八百元",),
            ("财产租赁所得",),
        ),
        (
            "为谋取不正当利益，向国家工作人员行贿，数额在三万元以上的，应当依照刑法第三百九十条的规定以行贿罪追究刑事责任",
            "数额≥30000元",
            ("应当依照刑法第三百九十条的规定以行贿罪追究刑事责任",),
            ("为谋取不正当利益", "向国家工作人员行贿"),
        ),
        (PENSION[0], "连续工龄≥20年", ("按本人标准工资百分之七十五发给",), ("中华人民共和国成立后参加革命工作",)),
        # …or after it; a few words after 的 and a figure close the condition too (c-xingfa-1)
        ("已满十六周岁的人犯罪，应当负刑事责任", "≥16岁", ("应当负刑事责任",), ()),
        (
            "已满十四周岁不满十六周岁的人，犯故意杀人、故意伤害致人重伤或者死亡、强奸、抢劫、贩卖毒品、放火、爆炸、"
            "投放危险物质罪的，应当负刑事责任",
            "≥14岁且<16岁",
            ("应当负刑事责任",),
            ("犯故意杀人、故意伤害致人重伤或者死亡、强奸、抢劫、贩卖毒品、放火、爆炸、投放危险物质罪的",),
        ),
        # clauses with a figure are never taken as met: each is a condition (c-ylq-shenzhenrexian-1, c-zgnxj-2)
        (
            "实际工作年限十年以下的,在本单位工作年限五年以下的为三个月",
            "实际工作年限≤10年且在本单位工作年限≤5年",
            (),
            (),
        ),
        ("累计工作满1年不满10年的职工，请病假累计2个月以上的", "累计工作≥1年且<10年且请病假累计≥2个月", (), ()),
        # none of a deduction is a figure (扣分≤0), no clause to take as met
        ("没有扣分,得分90分以上的", "扣分≤0且得分≥90分", (), ()),
        ("得分90分以上,无扣分的", "得分≥90分且扣分≤0", (), ()),
    ],
)
def test_a_conditional_sentence_sets_its_consequence_aside_and_takes_conditions_without_figures_as_met(
    text: str, canonical: str, set_aside: tuple[str, ...], met: tuple[str, ...]
) -> None:
    rule = kpi.parse_rule(text)
    assert (str(rule), rule.set_aside, rule.met) == (canonical, set_aside, met)
    assert rule.notes == (("condition-met",) if met else ())
    assert kpi.parse_rule(str(rule)) == rule


@pytest.mark.parametrize(("label", "own", "set_aside"), [("一般事故", "一般事故", ()), (None, None, ("为一般事故",))])
def test_the_bands_name_after_a_conditional_sentence_is_its_label(
    label: str | None, own: str | None, set_aside: tuple[str, ...]
) -> None:
    # c-tljtsg-1: a band the caller names is no consequence; unnamed, the verdict is set aside and noted
    rule = kpi.parse_rule("造成3人以下死亡,或者10人以下重伤的,为一般事故", label=label)
    assert (str(rule), rule.label, rule.set_aside) == ("死亡≤3人或重伤≤10人", own, set_aside)


def test_conditions_taken_as_met_and_consequences_set_aside_are_explained_linted_and_refused_when_strict() -> None:
    criteria = kpi.Criteria.parse(PENSION)
    grade = criteria.grade("25年")
    assert (grade.label, grade.notes) == ("第1档", ("set-aside", "condition-met"))
    assert grade.explain().endswith("（档次中没有数值的条件视为已满足：中华人民共和国成立后参加革命工作）")
    assert "（档次中条件以外、无法由数值判断的内容未予考虑：按本人标准工资百分之七十五发给、" in grade.explain()
    assert grade.explain("en").endswith(
        " (conditions in the tiers without a figure are taken as met: 中华人民共和国成立后参加革命工作)"
    )
    found = [(f.severity, f.message, f.message_en) for f in criteria.lint() if f.kind == "assumption"]
    assert found[0] == (
        "warning",
        "档次中没有数值的条件视为已满足：中华人民共和国成立后参加革命工作",
        "conditions in the tiers without a figure are taken as met: 中华人民共和国成立后参加革命工作",
    )
    assert found[1][0] == "info" and found[1][1].startswith("档次中条件以外、无法由数值判断的内容未予考虑：按本人")
    with pytest.raises(kpi.UngradedError, match="condition-met"):
        criteria.grade("25年", strict=True)
    # consequences alone are set aside, not guessed: strict grading keeps the grade
    assert kpi.Criteria.parse(PENSION[1:]).grade("16年", strict=True).notes == ("set-aside",)


def test_tiers_about_targets_note_what_their_readings_set_aside() -> None:
    indicator = kpi.Indicator.parse("城镇新增就业10万人，失业人员再就业3万人。")
    tiers = ["两项指标均完成的,得满分", "两项指标中任意一项未完成且小于1%。", "其余"]
    grade = kpi.Criteria.parse(tiers, indicator=indicator).grade_actuals(
        {"城镇新增就业": "11万人", "失业人员再就业": 33000}
    )
    assert (grade.label, grade.notes) == ("第1档", ("set-aside",))
    assert grade.explain().endswith("（档次中条件以外、无法由数值判断的内容未予考虑：得满分）")


ACCIDENTS = [  # 生产安全事故报告和调查处理条例 第三条, tests/corpus/sets c-scaqtl-1
    "特别重大事故，是指造成30人以上死亡，或者100人以上重伤(包括急性工业中毒，下同)，或者1亿元以上直接经济损失的事故",
    "重大事故，是指造成10人以上30人以下死亡，或者50人以上100人以下重伤，或者5000万元以上1亿元以下直接经济损失的事故",
    "较大事故，是指造成3人以上10人以下死亡，或者10人以上50人以下重伤，或者1000万元以上5000万元以下直接经济损失的事故",
    "一般事故，是指造成3人以下死亡，或者10人以下重伤，或者1000万元以下直接经济损失的事故",
]


@pytest.mark.parametrize(
    ("outcome", "label"),
    [({"死亡": "35人"}, "特别重大事故"), ({"死亡": "29人"}, "重大事故"), ({"直接经济损失": "8000万元"}, "重大事故")],
)
def test_alternatives_on_metrics_with_no_outcome_are_left_out_and_noted(outcome: object, label: str) -> None:
    criteria = kpi.Criteria.parse(ACCIDENTS, labels=["特别重大事故", "重大事故", "较大事故", "一般事故"])
    grade = criteria.grade(outcome)
    assert (grade.label, grade.notes) == (label, ("unmeasured",))
    missing = "、".join(metric for metric in ("死亡", "重伤", "直接经济损失") if metric not in outcome)  # type: ignore[operator]
    assert grade.explain().endswith(f"（未给出实际值的指标未予考虑，以“或”连接的相应条件不参与评定：{missing}）")
    assert grade.explain("en").endswith(
        f" (no figure for {missing.replace('、', ', ')}: the alternatives (或) on them were left out of the decision)"
    )

    with pytest.raises(kpi.UngradedError):
        criteria.grade(outcome, strict=True)
    full = criteria.grade({"死亡": "35人", "重伤": "120人", "直接经济损失": "2亿元"})
    assert (full.label, full.notes) == ("特别重大事故", ())


# 环境污染与破坏事故 (tests/corpus/sets c-huanjing-bjxgfjob-1): the last tier needs 死亡 alone.
POISONING = ["發生30人以上死亡,或中毒(重傷)100人以上", "發生10人以上、30人以下死亡,或中毒(重傷)50人以上、100人以下"]
POISONING += ["發生3人以上、10人以下死亡,或中毒(重傷)50人以下", "發生3人以下死亡"]


@pytest.mark.parametrize(
    ("outcome", "label"),
    [
        # a tier before the first that needs 死亡 holds on 中毒 alone: first match decides, noted
        ({"中毒(重傷)": "60人"}, "Ⅱ級"),
        ({"中毒（重傷）": "120人"}, "Ⅰ級"),  # the key as the tier writes it, its bracket a note
        ({"中毒": "20人"}, "Ⅲ級"),
        # no tier before the last holds: the last needs 死亡, which is named, not guessed
        ({"中毒": "51人", "死亡": "2人"}, "Ⅱ級"),
    ],
)
def test_a_metric_only_later_tiers_need_may_be_left_out(outcome: dict[str, str], label: str) -> None:
    criteria = kpi.Criteria.parse(POISONING, labels=["Ⅰ級", "Ⅱ級", "Ⅲ級", "Ⅳ級"])
    grade = criteria.grade(outcome)
    assert grade.label == label and ("unmeasured" in grade.notes) == (len(outcome) == 1), grade.explain()


def test_a_metric_the_deciding_tier_may_need_is_named_not_guessed() -> None:
    criteria = kpi.Criteria.parse(["甲≥90或乙≥90", "甲≥80", "乙≥60"])
    assert criteria.grade({"乙": "95"}).label == "第1档"  # 甲 is needed from the second tier on
    with pytest.raises(kpi.OutcomeError, match="no outcome for metric 甲"):
        criteria.grade({"乙": "70"})  # 甲≥80 may hold: the figure is missing, not taken as failed
    with pytest.raises(kpi.OutcomeError, match="no outcome for metric 乙"):
        # 乙 is read by no tier before the first that needs it: a figure left out by mistake?
        kpi.Criteria.parse(["甲≥90", "乙≥60", "乙<60"]).grade({"甲": "95"})


def test_a_comparator_word_written_twice_is_read_once_and_noted() -> None:
    tiers = ["体温在38.4-39.5℃属于中度发烧", "体温从39.5-41℃属于高度发烧", "体温超过41℃以上属于超高热体温状态"]
    grade = kpi.Criteria.parse(tiers, labels=["中度发烧", "高度发烧", "超高热"]).grade("42℃")
    assert (grade.label, grade.notes) == ("超高热", ("typo",))
    assert grade.explain().endswith("（笔误已更正：体温超过41℃以上属于超高热体温状态 → 体温超过41℃属于超高热体温状态）")
    # Two words that bound different ends of one value are refused.
    with pytest.raises(kpi.KpiSyntaxError, match="“超过” and “以下” bound different ends"):
        kpi.parse_rule("超过90%以下")


def test_a_condition_on_a_metric_with_no_outcome_is_refused() -> None:
    # 且: a tier cannot be met, nor missed, without its every metric.
    criteria = kpi.Criteria.parse(["死亡30人以上且直接经济损失1000万元以上", "死亡10人以上或直接经济损失500万元以上"])
    with pytest.raises(kpi.OutcomeError, match="no outcome for metric 直接经济损失"):
        criteria.grade({"死亡": "40人"})
    # A metric with no outcome named like one given may be it in other words (收缩压平均, 收缩压): refused.
    pressure = kpi.Criteria.parse(["收缩压<120mmHg且舒张压<80mmHg", "收缩压平均超过140毫米汞柱或舒张压超过90毫米汞柱"])
    with pytest.raises(kpi.OutcomeError, match="may be 收缩压 in other words"):
        pressure.grade({"收缩压": "150", "舒张压": "75"})
    # … or with words between its first and last characters (c-dzzh-juduo-1): refused.
    loss = kpi.Criteria.parse(
        ["搬迁转移人数1000人以上或潜在可能造成的经济损失1亿元以上", "搬迁转移人数1000人以下或潜在经济损失1亿元以下"]
    )
    with pytest.raises(kpi.OutcomeError, match="潜在可能造成的经济损失, which may be 潜在经济损失 in other words"):
        loss.grade({"潜在经济损失": "2亿元"})
    # 持续 between a name and its comparator is a hedge: one metric, 收缩压 (b-fh21-xueya-1).
    persistent = kpi.Criteria.parse(
        ["收缩压<120mmHg且舒张压<80mmHg", "收缩压持续超过140毫米汞柱或舒张压超过90毫米汞柱"]
    )
    assert persistent.grade({"收缩压": "150", "舒张压": "75"}).band.index == 1  # type: ignore[union-attr]


def test_criteria_reads_a_tier_set_written_as_one_line() -> None:
    assert kpi.Criteria.parse("95% | 85%-94% | 70%-84% | 69%以下") == kpi.Criteria.parse(
        ["95%", "85%-94%", "70%-84%", "69%以下"]
    )


@pytest.mark.parametrize(
    ("tiers", "direction"),
    [
        ("95% | 85%-94% | 70%-84% | 69%以下", Direction.HIGHER_IS_BETTER),
        ("0% | ＜5% | ＜10% | ＞10%", Direction.LOWER_IS_BETTER),
        (
            "各县区每年平均故障时间≤24小时 | 各县区每年平均故障时间≤48小时 | 各县区每年平均故障时间≤72小时 | 各县区每年平均故障时间≤96小时",
            Direction.LOWER_IS_BETTER,
        ),
        ("增长比例6%-14% | 增长比例14%-22% | 增长比例0-6% | 负增长", Direction.NON_MONOTONE),
        ("90% | 85% | 75% | 60%以下", Direction.HIGHER_IS_BETTER),
        ("20个工作日以内 | 25个工作日以内 | 30个工作日以内 | 30个工作日以上", Direction.LOWER_IS_BETTER),
    ],
)
def test_direction_is_read_from_the_tiers(tiers: str, direction: Direction) -> None:
    assert kpi.Criteria.parse(tiers).scale is direction


def test_declared_direction_overrides_the_tiers() -> None:
    criteria = kpi.Criteria.parse(["5", "10", "15", "20"], direction=Direction.LOWER_IS_BETTER)
    assert criteria.grade(4).band == kpi.Band(0, "优")
    assert criteria.grade(12).band == kpi.Band(2, "中")


@pytest.mark.parametrize(
    ("tiers", "outcome", "message"),
    [
        ("95% | 85%-94% | 70%-84% | 69%以下", "18小时", "unit 小时 cannot be compared with %"),
        ("95% | 85%-94% | 70%-84% | 69%以下", float("nan"), "is not a finite number"),
        ("95% | 85%-94% | 70%-84% | 69%以下", "", "outcome is empty"),
        ("95% | 85%-94% | 70%-84% | 69%以下", "良好", "is not a number with an optional unit"),
        ("95% | 85%-94% | 70%-84% | 69%以下", None, "outcome is missing"),
        (
            "按期结案率90%以上 | 按期结案率85%以上 | 按期结案率80%以上 | 按期结案率80%以下",
            {"结案率": 90},
            "no outcome for metric 按期结案率",
        ),
    ],
)
def test_error_for_an_outcome_that_cannot_be_graded(tiers: str, outcome: object, message: str) -> None:
    with pytest.raises(kpi.OutcomeError, match=message):
        kpi.Criteria.parse(tiers).grade(outcome)  # type: ignore[arg-type]


def test_error_for_a_tier_set_names_the_tier() -> None:
    with pytest.raises(kpi.KpiSyntaxError) as caught:
        kpi.Criteria.parse(["95%", "85%-94%", "70%-", "69%以下"])
    assert str(caught.value).startswith("tier 3 (中): cannot read tier text: found the end of the text")


@pytest.mark.parametrize(
    ("tiers", "message"),
    [
        (["95%"], "a criteria has 2 to 10 tiers, one per band; got 1"),
        (["≥" + str(value) for value in range(11)], "a criteria has 2 to 10 tiers, one per band; got 11"),
        (["≥95%", "≥10小时", "≥70%", "<70%"], "in % and in 小时, which do not compare"),
        (["A率≥95%", "B率≥90%", "≥80%", "<80%"], "a tier does not name its metric while the tiers name several"),
    ],
)
def test_error_for_a_broken_tier_set(tiers: list[str], message: str) -> None:
    with pytest.raises(kpi.CriteriaError, match=message):
        kpi.Criteria.parse(tiers)


@pytest.mark.parametrize(
    ("tiers", "labels", "message"),
    [
        # a verdict naming another tier's band is no verdict to read through (…的为良好 in 优秀's tier)
        (
            ["90分以上的为良好", "90分以下的为优秀"],
            ["优秀", "良好"],
            "tier 1 names its band 良好, but the labels give 优秀",
        ),
        (["收缩压<120属于高血压", "收缩压≥120属于理想血压"], ["理想血压", "高血压"], "tier 1 names its band 高血压"),
        # 范围 and 状态 after a label are no part of it: the labels must still agree (b-fh21-xueya-1)
        (
            ["收缩压<120属于血压偏高范围", "收缩压120-139为理想血压状态", "收缩压>140可诊断为高血压"],
            ["理想血压", "血压偏高", "高血压"],
            "tier 1 names its band 血压偏高, but the labels give 理想血压",
        ),
        # a band's name in brackets after the condition is its label (it was dropped as a note, and 95 graded 良好)
        (
            ["得分≥90分(优秀)", "得分60-89分(良好)", "得分<60分(差)"],
            ["良好", "优秀", "差"],
            "tier 1 names its band 优秀, but the labels give 良好",
        ),
    ],
)
def test_a_tier_naming_another_tiers_band_is_refused(tiers: list[str], labels: list[str], message: str) -> None:
    with pytest.raises(kpi.CriteriaError, match=message):
        kpi.Criteria.parse(tiers, labels=labels)


def test_error_for_labels_that_do_not_fit_the_tiers() -> None:
    with pytest.raises(kpi.CriteriaError, match="3 tiers need as many labels, one per band, best first; got 4"):
        kpi.Criteria.parse(["95%", "85%-94%", "84%以下"], labels=("优", "良", "中", "差"))
    with pytest.raises(ValueError, match="labels must be distinct non-empty names"):
        kpi.Criteria.parse(["95%", "85%-94%", "84%以下"], labels=("优", "差", "优"))
    with pytest.raises(kpi.CriteriaError, match="a criteria has 2 to 10 tiers, one per band; got 1"):
        kpi.Criteria.parse(["≥60分", "<60分"], labels=("合格", "合格"))


@pytest.mark.parametrize(
    ("outcome", "label"),
    [("20", "优"), ("250", "重度污染"), ("300", "严重污染"), ("350", "严重污染"), ("400", "严重污染"), ("501", "爆表")],
)
def test_neighbouring_tiers_of_one_label_are_one_band(outcome: str, label: str) -> None:
    tiers = ["0~35", "35~75", "75~115", "115~150", "150~250", "250~350", "350~500", ">500"]
    names = ["优", "良", "轻度污染", "中度污染", "重度污染", "严重污染", "严重污染", "爆表"]
    criteria = kpi.Criteria.parse(tiers, labels=names)
    assert criteria.labels == tuple(dict.fromkeys(names)) and len(criteria.tiers) == 7
    assert criteria.tiers[5].text == "250~350；350~500" and str(criteria.tiers[5]) == "250-350或350-500"
    grade = criteria.grade(outcome)
    assert grade.label == label
    # A grade in the joined band says so: the label could have been typed twice by mistake.
    assert ("joined" in grade.notes) == (label == "严重污染")


@pytest.mark.parametrize(
    ("outcome", "label", "notes"),
    [("96%", "优", ("joined",)), ("90%", "优", ("joined",)), ("94.5%", "优", ("joined",)), ("80%", "差", ())],
)
def test_a_label_given_twice_by_mistake_is_never_silent(outcome: str, label: str, notes: tuple[str, ...]) -> None:
    # labels=("优", "优", "差") meant 优, 良, 差: the join shows on every grade it decides, and in lint.
    criteria = kpi.Criteria.parse(["95%", "85%-94%", "<85%"], labels=("优", "优", "差"))
    grade = criteria.grade(outcome)
    placed = {"gap", "above-scale"}  # 94.5% falls between the joined tiers
    assert (grade.label, tuple(note for note in grade.notes if note not in placed)) == (label, notes)
    assert ("合为一档" in grade.explain()) == bool(notes)
    joined = [finding for finding in criteria.lint() if finding.kind == "joined"]
    assert [finding.message for finding in joined] == [
        "相邻各档“95%；85%-94%”的等级名称同为“优”，合为一档；如等级名称有误，请更正"
    ]


def test_aliases_let_result_files_use_their_own_column_names() -> None:
    criteria = kpi.Criteria.parse(
        ["按期结案率90%以上", "按期结案率85%以上", "按期结案率80%以上", "按期结案率80%以下"],
        aliases={"结案率": "按期结案率"},
    )
    assert criteria.grade({"结案率": "91%"}).band == kpi.Band(0, "优")


def test_declared_direction_turns_on_the_gap_rules() -> None:
    # One tier with a value says nothing about which way the scale runs.
    tiers = ["=0", "其余", "其余", "其余"]
    assert kpi.Criteria.parse(tiers).grade(-1).label == "良"  # the catch-all
    declared = kpi.Criteria.parse(tiers, direction=Direction.LOWER_IS_BETTER)
    assert (declared.grade(-1).label, declared.grade(-1).notes) == ("优", ("above-scale",))


FULL_COMPLETION = [  # tests/corpus/sets a-chuangxin-jijin-yanshou-1, -2 and a-ruankexue-pingjia-1
    (
        ["资金全部到位(14分)", "到位率在75%以上(10分到13分)", "到位率50%以上(7分到9分)", "到位率不足50%(6分到0分)"],
        "100%",
        "优",
    ),
    (
        ["资金全部到位(14分)", "到位率在75%以上(10分到13分)", "到位率50%以上(7分到9分)", "到位率不足50%(6分到0分)"],
        "99%",
        "良",
    ),
    (
        ["完成(20分)", "完成80%以上(16分到19分)", "完成60%以上(扣40%)(12分到15分)", "完成不到60%(扣100%)(11分到0分)"],
        "110%",
        "优",
    ),
    (
        ["完成(20分)", "完成80%以上(16分到19分)", "完成60%以上(扣40%)(12分到15分)", "完成不到60%(扣100%)(11分到0分)"],
        "59%",
        "差",
    ),
    (["全部完成(60分)", "完成80%以上(41-59)", "完成60%及以上(21-\n\n2、40)", "完成60%以下(0-20)"], "100%", "优"),
    (["全部完成(60分)", "完成80%以上(41-59)", "完成60%及以上(21-\n\n2、40)", "完成60%以下(0-20)"], "79.9%", "中"),
    (["资金所有到位", "资金到位率75%以上", "资金到位率50%以上", "其余"], "100%", "优"),
    (["全部完成", "完成率80%-99%", "完成率60%-79%", "完成率不足60%"], "80%", "良"),
]


@pytest.mark.parametrize(("tiers", "outcome", "label"), FULL_COMPLETION)
def test_a_best_tier_of_full_completion_is_read_as_100_percent_and_noted(
    tiers: list[str], outcome: str, label: str
) -> None:
    criteria = kpi.Criteria.parse(tiers)
    grade = criteria.grade(outcome, strict=True)
    assert (grade.label, grade.notes) == (label, ("full-completion",))
    assert str(criteria.tiers[0]).endswith("≥100%")
    assert grade.explain().endswith("（该档未写数值，只写全部完成或未完成，按其余各档所评比率的100%理解）")
    assert grade.explain("en").endswith(
        " (a tier writes no figure, only 完成 or 未完成: read against 100% of the ratio)"
    )


@pytest.mark.parametrize(
    "tiers",
    [
        ["全部完成"],  # no other tier: no ratio to read it on
        ["基本完成(20分)", "完成80%以上", "完成60%以上"],  # not in full
        ["未完成", "完成80%以上", "完成60%以上"],
        ["按时完成", "完成80%以上", "完成60%以上"],  # a subject needs 全部 or 所有
        ["全部完成", "80%以上", "60%以上"],  # the ratio is not named
        ["全部完成", "合格率80%以上", "合格率60%以上"],  # another ratio
        ["全部完成", "完成80个以上", "完成60个以上"],  # not in percent
        ["全部完成", "完成120%以上", "完成100%以上"],  # a tier at or above 100%
        ["全部完成", "完成80%-100%", "完成不足80%"],
        ["完成80%以上", "全部完成", "完成60%以下"],  # not the best tier
        ["资金全部到位", "到位率75%以上", "执行率50%以上"],  # two metrics
        ["非财政资金全部到位", "到位率75%以上", "到位率50%以上"],  # a negation in the subject
        ["全部未完成", "完成80%以上", "完成60%以上"],
    ],
)
def test_full_completion_is_refused_unless_the_other_tiers_grade_its_ratio_in_percent(tiers: list[str]) -> None:
    with pytest.raises(kpi.KpiError):
        kpi.Criteria.parse(tiers)


FROM_THE_OTHERS = [  # tests/corpus/sets a-yueyang-glj-zhengti-5 and a-zhongdian-gongcheng-2020-4
    (["在职人员控制率≦100%,计5分", "每超过一个百分点扣0.5分,扣完为止。"], "100.5%", "第2档", ()),
    (["在职人员控制率≦100%,计5分", "每超过一个百分点扣0.5分,扣完为止。"], "100%", "第1档", ()),
    (["达标率≥100%,计5分", "每不足1个百分点扣1分"], "99%", "第2档", ()),
    (["≤90%", "90%-100%", "每超过一个百分点扣1分"], "101%", "第3档", ()),
    (
        [
            "完成率130%以 上,每超出1个百分点加0. 1分",
            "完成率100%-130% (含)之间,每超出1个百分点加0. 2分",
            "未完成计划的,每不足1个百分点减 0. 1分",
        ],
        "99.5%",
        "第3档",
        ("full-completion",),
    ),
    (["完成率130%以上", "完成率100%-130%", "未完成计划的"], "100%", "第2档", ("full-completion",)),
]


@pytest.mark.parametrize(("tiers", "outcome", "label", "notes"), FROM_THE_OTHERS)
def test_a_last_tier_of_a_formula_or_of_the_plan_not_met_is_read_from_the_tiers_above(
    tiers: list[str], outcome: str, label: str, notes: tuple[str, ...]
) -> None:
    grade = kpi.Criteria.parse(tiers).grade(outcome, strict=True)
    assert (grade.label, grade.notes) == (label, notes)


@pytest.mark.parametrize(
    "tiers",
    [
        ["每超过一个百分点扣0.5分,扣完为止。", "≤100%"],  # not the last tier
        ["≥100%", "每超过一个百分点扣0.5分"],  # the tier above ends below, the formula counts above
        ["≤100%", "每不足一个百分点扣0.5分"],
        ["90%-100%", "每超过一个百分点扣1分"],  # values below 90% are not 超过
        ["≤90%", "95%-100%", "每超过一个百分点扣1分"],  # a gap: not one span
        ["≤100个", "每超过一个百分点扣1分"],  # not in percent
        ["甲≤100%", "乙≤90%", "每超过一个百分点扣1分"],  # two metrics
        ["完成率130%以上", "完成率90%-130%", "未完成计划的"],  # a tier below 100%
        ["完成率130%以上", "合格率100%-130%", "未完成计划的"],  # another ratio
        ["完成率130%以上", "完成率100%-130%", "基本未完成"],
    ],
)
def test_a_last_tier_is_refused_unless_the_tiers_above_say_what_it_means(tiers: list[str]) -> None:
    with pytest.raises(kpi.KpiError):
        kpi.Criteria.parse(tiers)


def test_a_last_tier_of_a_formula_reads_as_what_lies_beyond_the_tiers_above() -> None:
    criteria = kpi.Criteria.parse(["在职人员控制率≦100%,计5分", "每超过一个百分点扣0.5分,扣完为止。"])
    assert str(criteria) == "在职人员控制率≤100% | 在职人员控制率>100%"
    assert criteria.scale is Direction.LOWER_IS_BETTER
    assert str(kpi.Criteria.parse(["达标率≥100%,计5分", "每不足1个百分点扣1分"]).tiers[1]) == "达标率<100%"


@pytest.mark.parametrize(
    ("tiers", "outcome", "message"),
    [
        # a mapping names the metrics: they are graded apart, and a missing one is named
        ("甲≥90% | 乙≥90% | 甲≥60% | 甲<60%", {"甲": "95%"}, "no outcome for metric 乙"),
        # a tier reading two metrics at once: they are different metrics
        ("收缩压≥160或舒张压≥100 | 收缩压≥140 | 收缩压<140", "150", "give a mapping"),
        # two metrics, each named by its own tiers, not in points: 收缩压 and 舒张压 are two
        ("收缩压≥140 | 舒张压≥90 | 其余", "150", "give a mapping"),
        # values of two dimensions are no one score
        ("人数≥100人 | 金额≥50万元 | 金额<50万元", "120", "give a mapping"),
        # read as one, the tiers do not run one way
        ("甲为0 | 乙>5 | 乙1-5", "3", "give a mapping"),
    ],
)
def test_metrics_named_apart_are_one_score_only_for_a_bare_figure_on_one_way_tiers(
    tiers: str, outcome: object, message: str
) -> None:
    with pytest.raises(kpi.OutcomeError, match=message):
        kpi.Criteria.parse(tiers).grade(outcome)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_metrics_named_apart_read_as_one_score_are_refused_when_strict_and_explained(lang: str) -> None:
    criteria = kpi.Criteria.parse(
        "考评结果在90分以上 | 考评分70分以上不满90分 | 考评分60分以上不满70分 | 考评分60分以下"
    )
    grade = criteria.grade("80分")
    assert grade.label == "良" and grade.notes == ("one-metric",)
    said = {"zh": "各档所写的指标名称不同，按同一指标理解", "en": "the tiers name their metric in different words"}
    assert said[lang] in grade.explain(lang=lang)  # type: ignore[arg-type]
    with pytest.raises(kpi.UngradedError):
        criteria.grade("80分", strict=True)
    # the figure named by the first tier's name grades as the tiers read it apart
    assert criteria.grade({"考评结果": "95分", "考评分": "95分"}).label == "优"


@pytest.mark.parametrize(
    ("tiers", "outcome", "said"),
    [
        # a label that is already a tier's name takes no second 档
        ("≥90 | 80-89 | <80", 89.5, "89.5 未达到第1档“≥90”，高于第2档“80-89” → 第2档"),
        ("95% | 85%-94% | 70%-84% | 69%以下", "94.5%", "94.5% 未达到优档“95%”，高于良档“85%-94%” → 良"),
        ("90-100分 | 80-89分 | 70-79分", "105分", "105分 优于最高档第1档“90-100分” → 第1档"),
        ("90-100分 | 80-89分 | 70-79分", "60分", "60分 未达到最低档第3档“70-79分” → 第3档"),
    ],
)
def test_an_explanation_names_each_tier_once(tiers: str, outcome: object, said: str) -> None:
    assert kpi.Criteria.parse(tiers).grade(outcome).explain().startswith(said)  # type: ignore[arg-type]


# Ranks, a smaller number better (a-fujian-shengtai-2024-2, a-fujian-shengtai-2020-1): the award after the comma is
# set aside and noted; an outcome 5, 第5名 or 5名 is rank 5, and a mapping's 排名 or 名次 is the rank the tiers read.
REWARD_BY_RANK = ["第1-5名,奖励资金3520万元", "第6-11名,奖励资金2000万元", "第12-28名,奖励资金1200万元。"]
TOP_TEN = [
    "考核位列前10名的光泽、德化、连城、大田、宁化、柘荣、长汀、武平、永春、寿宁,每县获得2950万元",
    "其余13个实施县各获得1500万元。",
]


@pytest.mark.parametrize(
    ("tiers", "outcome", "label"),
    [
        (REWARD_BY_RANK, {"分数": "105", "排名": "5"}, "第1档"),
        (REWARD_BY_RANK, {"分数": "103", "排名": "6"}, "第2档"),
        (REWARD_BY_RANK, {"名次": "11"}, "第2档"),
        (REWARD_BY_RANK, {"考核排名": "12"}, "第3档"),
        (REWARD_BY_RANK, "第12名", "第3档"),
        (REWARD_BY_RANK, "12名", "第3档"),
        (REWARD_BY_RANK, 28, "第3档"),
        (TOP_TEN, "1", "第1档"),
        (TOP_TEN, "第10名", "第1档"),
        (TOP_TEN, {"排名": "11"}, "第2档"),
        (TOP_TEN, "23", "第2档"),
    ],
)
def test_a_rank_is_graded_smaller_first_and_its_award_is_set_aside(
    tiers: list[str], outcome: object, label: str
) -> None:
    criteria = kpi.Criteria.parse(tiers)
    assert set(criteria.directions.values()) == {Direction.LOWER_IS_BETTER}
    grade = criteria.grade(outcome, strict=True)
    assert (grade.label, grade.notes) == (label, ("set-aside",))
    assert "档次中条件以外、无法由数值判断的内容未予考虑：" in grade.explain()
    assert "每县获得2950万元" in grade.explain("en") or "奖励资金3520万元" in grade.explain("en")


@pytest.mark.parametrize(
    ("tiers", "outcome"),
    [
        # no rank given, or two that could each be it: named, not guessed
        (REWARD_BY_RANK, {"分数": "105"}),
        (REWARD_BY_RANK, {"排名": "3", "考核排名": "5"}),
        # two rankings named each their own way: 分数排名 is not 考核排名
        (["考核排名前10名", "其余"], {"分数排名": "3"}),
    ],
)
def test_a_rank_that_is_not_given_is_named(tiers: list[str], outcome: object) -> None:
    with pytest.raises(kpi.OutcomeError, match="no outcome for metric"):
        kpi.Criteria.parse(tiers).grade(outcome)


@pytest.mark.parametrize("outcome", [0, "2.5", -1, {"排名": "2.5"}, "第0名"])
def test_a_rank_that_is_no_whole_place_is_refused(outcome: object) -> None:
    # 0 was placed above the first place and 2.5 graded without a word: slips, not ranks.
    criteria = kpi.Criteria.parse(REWARD_BY_RANK)
    with pytest.raises(kpi.OutcomeError, match="a rank is a whole place from 1"):
        criteria.grade(outcome)  # type: ignore[arg-type]
    with pytest.raises(kpi.OutcomeError, match="a rank is a whole place from 1"):
        criteria.grade_many([3, outcome])


def test_a_count_in_ming_is_no_rank() -> None:
    counts = kpi.Criteria.parse(["培训100名以上", "50名-99名", "50名以下"])
    assert (counts.grade(0).label, counts.grade("2.5名").label) == ("第3档", "第3档")


# 土地增值税暂行条例 第七条: four slices of 增值额 as a share of 扣除项目金额, lowest first.
LAND_TAX = [
    "增值额未超过扣除项目金额50%的部分，税率为30%",
    "增值额超过扣除项目金额50%、未超过扣除项目金额100%的部分，税率为40%",
    "增值额超过扣除项目金额100%、未超过扣除项目金额200%的部分，税率为50%",
    "增值额超过扣除项目金额200%的部分，税率为60%",
]


@pytest.mark.parametrize(
    ("outcome", "label"),
    [
        ("0%", "30%"),
        ("50%", "30%"),  # 未超过 includes 50%
        ("50.01%", "40%"),
        ("100%", "40%"),
        ("100.01%", "50%"),
        ("200%", "50%"),
        ("200.01%", "60%"),
        ({"增值额": "350%"}, "60%"),
        ("１５０％", "50%"),
    ],
)
def test_a_share_of_a_base_grades_at_its_boundaries(outcome: object, label: str) -> None:
    grade = kpi.Criteria.parse(LAND_TAX, labels=["30%", "40%", "50%", "60%"]).grade(outcome)  # type: ignore[arg-type]
    assert (grade.label, grade.notes) == (label, ("set-aside",))  # the rate after 的部分， is the consequence
    assert "增值额占扣除项目金额的比例" in grade.explain() and "增值额 as a share of 扣除项目金额" in grade.explain(
        "en"
    )


@pytest.mark.parametrize("outcome", ["5000元", "3万元", {"增值额": "5000元"}, "50", 50, Decimal("0.5"), "50小时"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_share_given_in_another_unit_or_none_is_refused_naming_the_base(outcome: object, lang: str) -> None:
    # kpi has no amount of 扣除项目金额: 5000元 read as 增值额 itself would earn a band by accident.
    criteria = kpi.Criteria.parse(LAND_TAX)
    with pytest.raises(kpi.OutcomeError) as caught:
        criteria.grade(outcome)  # type: ignore[arg-type]
    said = {"zh": "按占扣除项目金额的比例评定：请以%给出", "en": "is graded as a share of 扣除项目金额: give it in %"}
    assert said[lang] in caught.value.says(lang)  # type: ignore[arg-type]
    with pytest.raises(kpi.OutcomeError):
        criteria.grade_many(["50%", outcome])


@pytest.mark.parametrize(
    ("outcome", "label", "notes"),
    [
        ({"評審得分": "92", "一級評審項目得分": "85%"}, "一級", ()),
        ({"評審得分": "90", "一級評審項目得分": "80%"}, "一級", ()),
        ({"評審得分": "92", "一級評審項目得分": "79.9%"}, "二級", ()),
        ({"評審得分": "75", "一級評審項目得分": "65%"}, "不達標", ("gap",)),
        ({"評審得分": "95", "一級評審項目得分": "59%"}, "不達標", ()),
    ],
)
def test_each_item_as_a_share_of_its_due_score_is_graded_by_the_lowest(
    outcome: object, label: str, notes: tuple[str, ...]
) -> None:
    criteria = kpi.Criteria.parse(
        [
            "評審得分90分以上(含),且各一級評審項目得分不低于應得分的80%",
            "評審得分80分以上(含),且各一級評審項目得分不低于應得分的70%",
            "評審得分70分以上(含),且各一級評審項目得分不低于應得分的70%",
            "評審得分低于60分,或任何一項一級評審項目得分低于應得分的60%",
        ],
        labels=["一級", "二級", "三級", "不達標"],
    )
    grade = criteria.grade(outcome)  # type: ignore[arg-type]
    assert (grade.label, grade.notes) == (label, notes)
    with pytest.raises(kpi.OutcomeError, match="share of 应得分"):
        criteria.grade({"評審得分": "92", "一級評審項目得分": "18分"})


@pytest.mark.parametrize(
    "tiers",
    [
        # one metric as a share in one tier and as an amount, or a plain percentage, in another
        ["增值额未超过扣除项目金额50%", "增值额100万元以上"],
        ["增值额未超过扣除项目金额50%", "增值额>50%"],
        ["增值额未超过扣除项目金额50%", "增值额超过收入总额50%"],
    ],
)
def test_a_metric_compared_as_a_share_and_otherwise_is_refused(tiers: list[str]) -> None:
    with pytest.raises(kpi.CriteriaError, match="as a share of"):
        kpi.Criteria.parse(tiers)


def test_the_standard_properties_hold_for_shares_of_a_base() -> None:
    # kpi.strategies gives a share in percent, as an outcome of it must be
    kpi.testing.check_criteria(kpi.Criteria.parse(LAND_TAX))
    kpi.testing.check_criteria(kpi.Criteria.parse(["评审得分90分以上,且各一级评审项目得分不低于应得分的80%", "其余"]))


@pytest.mark.parametrize(
    "scale",
    [
        "90分以上为优秀，80-89分，60分以下为不合格",  # an item that names no band
        "90分以上；80-89分",
        "90分含以上优秀8089分良好7079分尚可6069分需改进60分以下不称职",  # one run, its dashes lost
    ],
)
def test_a_scale_whose_items_do_not_each_name_a_band_is_refused(scale: str) -> None:
    with pytest.raises(kpi.CriteriaError, match="expected 2 to 10 items"):
        kpi.Criteria.parse_scale(scale)


@pytest.mark.parametrize(
    ("tiers", "labels", "canonical"),
    [
        # a band word after a value is the band's name: it read metrics 优秀, 良好, 及格 and 不及格
        (
            "90分优秀 | 80分良好 | 60分及格 | 60分以下不及格",
            ("优秀", "良好", "及格", "不及格"),
            "90分 | 80分 | 60分 | ≤60分",
        ),
        # the same word after every tier names no band: the labels are the defaults, the bands stay apart
        (
            "抽检90%以上合格 | 抽检80%-90%合格 | 抽检80%以下合格",
            ("第1档", "第2档", "第3档"),
            "抽检≥90% | 抽检80%-90% | 抽检≤80%",
        ),
        # never a letter (52dB, 5A): the metric stays
        ("≤50dB | 50dB-55dB | >55dB", ("第1档", "第2档", "第3档"), "≤50dB | 50dB-55dB | >55dB"),
        # after a colon (tests/corpus d-domei-nianzhong-kaohe-1): it refused the “:”
        (
            "90分以上:特等 | 80至89分:甲等 | 76至79分:乙等 | 60至75分:丙等",
            ("特等", "甲等", "乙等", "丙等"),
            "≥90分 | 80分-89分 | 76分-79分 | 60分-75分",
        ),
    ],
)
def test_a_band_word_after_a_value_names_the_band(tiers: str, labels: tuple[str, ...], canonical: str) -> None:
    criteria = kpi.Criteria.parse(tiers)
    assert (criteria.labels, str(criteria)) == (labels, canonical)


@pytest.mark.parametrize("labels", [["A", "B", "C", "D"], ["优", "良", "中", "差"]])
def test_a_band_word_after_a_value_beside_the_callers_labels_is_another_name_of_the_band(labels: list[str]) -> None:
    # As 良好 beside 二级 (tests/corpus c-aqi-wenrenren-1): it was refused as a metric 优秀 beside the label A.
    criteria = kpi.Criteria.parse(["90分以上优秀", "80-89分良好", "60-79分及格", "60分以下不及格"], labels=labels)
    assert (str(criteria), criteria.grade(85).label) == ("≥90分 | 80分-89分 | 60分-79分 | ≤60分", labels[1])


def test_a_second_band_word_after_a_value_is_refused() -> None:
    # tests/corpus b-qq94-kaoqin-1 (dashes lost): it read a metric 及格 of 7079分 and dropped 及格:6069分
    with pytest.raises(kpi.KpiSyntaxError, match="及格 after a value names a band, not a metric"):
        kpi.parse_rule("中:7079分及格:6069分")
