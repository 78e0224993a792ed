"""每分钟 … N次 is a count per minute, 次/分钟, only with nothing but a comparator between them."""

from __future__ import annotations

import pytest

import kpi

# (tier text, canonical): b-kaowaiyu-xinlv-1's tiers, and others of the same form.
READ = [
    ("如果是每分鐘小于60次的竇性心律,這叫做竇性心動(dòng)過緩", "<60次/分钟"),
    ("每分钟60次", "60次/分钟"),
    ("心率每分钟60-100次", "心率60次/分钟-100次/分钟"),
    ("呼吸每分钟12至20次", "呼吸12次/分钟-20次/分钟"),
    ("心率每分钟不低于60次", "心率≥60次/分钟"),
]

# Left as written: a name between 每分钟 and the number, another unit after it, or 次 in another unit.
NOT_TAKEN = [
    ("每分钟通话次数不超过3次", "每分钟通话次数≤3次"),
    ("每分钟不超过3人次", "每分钟≤3人次"),
]

REFUSED = [
    "每分钟小于60次/秒",
    "每分鐘大于100次的心率,叫做竇性心動(dòng)過速",  # names its metric after the value: as 90分以上的合格率
]


@pytest.mark.parametrize(("text", "canonical"), READ)
def test_a_count_per_minute_is_read_in_its_unit(text: str, canonical: str) -> None:
    assert str(kpi.parse_rule(text)) == canonical


@pytest.mark.parametrize(("text", "canonical"), NOT_TAKEN)
def test_per_minute_around_a_name_or_another_unit_is_left_alone(text: str, canonical: str) -> None:
    assert str(kpi.parse_rule(text)) == canonical


@pytest.mark.parametrize("text", REFUSED)
def test_per_minute_that_cannot_be_read_is_refused(text: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule(text)


def test_a_count_per_minute_grades_an_outcome_per_minute() -> None:
    criteria = kpi.Criteria.parse(["心率每分钟60到100次", "心率每分钟小于60次"])
    assert criteria.grade("75次/分").label == "第1档"
    assert criteria.grade("59次/分").label == "第2档"
