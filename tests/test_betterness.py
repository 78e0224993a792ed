"""优于 / 等于或优于 / 劣于: read only where the tier's other bound says which way the metric gets better."""

from __future__ import annotations

import pytest

import kpi

# (tier text, canonical text): the other bound of the same range fixes the side.
READ = [
    # c-shili-o15-1 (视力残疾分级): a higher 视力 is better, as 而低于0.05 shows
    ("最佳矫正视力等于或优于0.02,而低于0.05", "最佳矫正视力≥0.02且<0.05"),
    ("最佳矫正视力等于或优于0.02,而低于0.05或视野半径小于10度", "最佳矫正视力≥0.02且<0.05或视野半径<10度"),
    ("最佳矫正视力等于或优于0.1,而低于0.3", "最佳矫正视力≥0.1且<0.3"),
    ("最佳矫正视力等於或優於0.05,而低於0.1", "最佳矫正视力≥0.05且<0.1"),
    ("视力优于0.02,低于0.05", "视力>0.02且<0.05"),
    ("视力优于或等于0.02且小于0.05", "视力≥0.02且<0.05"),
    ("响应时间优于5分钟,而高于1分钟", "响应时间>1分钟且<5分钟"),
    ("合格率等于或优于90%,且低于95%", "合格率≥90%且<95%"),
    # a lower 误差 is better: 优于0.5 with 高于0.1 is ≤/<0.5
    ("误差优于0.5,且高于0.1", "误差>0.1且<0.5"),
    ("误差等于或优于0.5,而大于0.1", "误差>0.1且≤0.5"),
    # 劣于 is the other side
    ("视力劣于0.3,而高于0.1", "视力>0.1且<0.3"),
    ("误差等于或劣于0.1,而小于0.5", "误差≥0.1且<0.5"),
    # 优于 before a name is part of the name
    ("空气质量优于二级标准天数比例≥80%", "空气质量优于二级标准天数比例≥80%"),
]

# Texts that say nothing of the direction, or whose bounds contradict any direction: refused, never guessed.
REFUSED = [
    "视力优于1.0",
    "最佳矫正视力等于或优于0.3",
    "视力优于0.02或低于0.05",  # 或: another condition, no second bound of the same range
    "视力优于0.02,合格率低于0.05",  # another metric's bound
    "视力等于或优于0.3且低于0.1",  # ≥0.3 and <0.1 is empty, ≤0.3 and <0.1 says nothing of 优于
    "视力优于0.5,且高于0.5",
    "视力优于0.02合格率低于0.05",  # a name, no unit, between the two bounds
    "噪声劣于55分贝",
]


# 优于 before a class (3类, 2级) is part of a name: left to the grammar, which reads it or says what it cannot read.
CLASSES = ["地表水优于3类水体比例≥70%", "空气质量优于2级天数比例≥80%"]


@pytest.mark.parametrize("text", CLASSES)
def test_better_than_a_class_is_no_comparison(text: str) -> None:
    try:
        kpi.parse_rule(text)
    except kpi.KpiSyntaxError as error:
        assert "which way" not in str(error)


@pytest.mark.parametrize(("text", "canonical"), READ)
def test_better_than_reads_the_side_the_other_bound_fixes(text: str, canonical: str) -> None:
    assert str(kpi.parse_rule(text)) == canonical


@pytest.mark.parametrize("text", REFUSED)
def test_better_than_without_a_direction_is_refused(text: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError) as caught:
        kpi.parse_rule(text)
    assert "which way" in str(caught.value)
    assert "哪一方向" in caught.value.says("zh")


def test_the_vision_scale_grades_each_boundary() -> None:
    criteria = kpi.Criteria.parse(
        [
            "最佳矫正视力低于0.02;或视野半径小于5度",
            "最佳矫正视力等于或优于0.02,而低于0.05或视野半径小于10度",
            "最佳矫正视力等于或优于0.05,而低于0.1",
            "最佳矫正视力等于或优于0.1,而低于0.3",
        ],
        labels=["一级盲", "二级盲", "一级低视力", "二级低视力"],
    )
    field = "20度"
    bands = {
        v: criteria.grade({"最佳矫正视力": v, "视野半径": field}).label
        for v in ("0.01", "0.02", "0.049", "0.05", "0.1")
    }
    assert bands == {"0.01": "一级盲", "0.02": "二级盲", "0.049": "二级盲", "0.05": "一级低视力", "0.1": "二级低视力"}
