"""Whose band a tier names before the band's name (成人的正常血压为…): read only with a joining word after it."""

from __future__ import annotations

import pytest

import kpi

# (tier text, the caller's label, canonical condition): the topic and the band's name are no metric's name.
READ = [
    # b-pingguolv-xueya-1
    ("成人的正常血压为高压(收缩压)小于120mmHg,低压(舒张压)小于80mmHg", "正常血压", "高压<120mmHg且低压<80mmHg"),
    ("成人的正常血压是高压小于120mmHg", "正常血压", "高压<120mmHg"),
    # the band's value (正常血压值) before the joining word, as in 正常值应为低于5.6 mmol/L
    ("成人的正常血压值为小于120mmHg", "正常血压", "<120mmHg"),
]

# (tier text, label, canonical): no joining word after the name, the name runs on into another word, or the
# topic is too long: the prefix stays part of the metric's name (which no outcome names: refused when graded)
# rather than be cut away.
NOT_TAKEN = [
    ("成人的正常血压120以下", "正常血压", "成人的正常血压≤120"),
    ("学生的优秀率为90%以上", "优秀", "学生的优秀率≥90%"),
    ("全市各县区所有学生的优秀为90分以上", "优秀", "全市各县区所有学生的优秀≥90分"),
    # a value right after the joining word: the topic may be the metric, and stays in the name
    ("收缩压的正常为90-139mmHg", "正常", "收缩压的正常90mmHg-139mmHg"),
    ("儿童的正常体温通常为36至37.2℃", "正常体温", "儿童的正常体温36°C-37.2°C"),
]


@pytest.mark.parametrize(("text", "label", "canonical"), READ)
def test_a_topic_before_the_bands_name_is_no_metric(text: str, label: str, canonical: str) -> None:
    rule = kpi.parse_rule(text, label=label)
    assert str(rule) == canonical
    assert rule.label == label


@pytest.mark.parametrize(("text", "label", "canonical"), NOT_TAKEN)
def test_a_topic_without_a_joining_word_stays_in_the_name(text: str, label: str, canonical: str) -> None:
    assert str(kpi.parse_rule(text, label=label)) == canonical
