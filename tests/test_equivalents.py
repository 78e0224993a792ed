"""Bounds restated in another unit in brackets: a second scale, graded in the outcome's own unit."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpi
from kpi.equivalents import EquivalentRule
from kpi.intervals import Bound, Interval
from kpi.units import unit_named

# (tier text, canonical text): the bracket restates the bound, and reads as a second scale.
RESTATED = [
    ("<5.18mmol/L(200mg/dl)为合适水平", "<5.18mmol/L(<200mg/dL)"),
    ("5.18~6.18mmol/L(200~239mg/dl)为边缘升高", "5.18mmol/L-6.18mmol/L(200mg/dL-239mg/dL)"),
    ("≥6.22mmol/L(240mg/dl)为升高", "≥6.22mmol/L(≥240mg/dL)"),
    ("5.18～6.18mmol/L（200～239mg/dl）", "5.18mmol/L-6.18mmol/L(200mg/dL-239mg/dL)"),
    ("5.18mmol/L~6.18mmol/L(200mg/dl~239mg/dl)", "5.18mmol/L-6.18mmol/L(200mg/dL-239mg/dL)"),
    ("空腹血糖<6.1mmol/L（110mg/dL）为正常", "空腹血糖<6.1mmol/L(空腹血糖<110mg/dL)"),
    ("收缩压≥140mmHg(18.7kPa)", "收缩压≥140mmHg(收缩压≥18.7kPa)"),
    ("≥5.2mmol/L(200mg/dL)且<6.2mmol/L(240mg/dL)", "≥5.2mmol/L且<6.2mmol/L(≥200mg/dL且<240mg/dL)"),
    ("<5.18mmol/L(200mg/dl)或≥6.22mmol/L(240mg/dl)", "<5.18mmol/L或≥6.22mmol/L(<200mg/dL或≥240mg/dL)"),
    ("<5.18mmol/L(200mg/dl)(合适)", "<5.18mmol/L(<200mg/dL)"),
    ("<-5mmol/L(-200mg/dL)", "<-5mmol/L(<-200mg/dL)"),
    ("<5.18mmol/L(<200mg/dL)", "<5.18mmol/L(<200mg/dL)"),
]

# A bracket the new reading must not take for a second scale: read as before.
NOT_RESTATED = [
    ("≥90%(10分)", "≥90%"),  # the points the tier earns
    ("≥6.22mmol/L(10分)", "≥6.22mmol/L"),
    ("5.18~6.18mmol/L(10~15分)", "5.18mmol/L-6.18mmol/L"),
    ("≥6.22mmol/L（200人）", "≥6.22mmol/L"),
    ("≥6.22mmol/L(1.5万元)", "≥6.22mmol/L"),
    ("得分≥90分(10分)", "得分≥90分"),
    ("≥95%（200人）", "≥95%"),  # how many were asked
    ("服务人数≥1000人（200人）", "服务人数≥1000人"),
    ("≥1米(100厘米)", "≥1米"),  # the same length again: one dimension, one scale
    ("≤5.18mmol/L（含）", "≤5.18mmol/L"),  # an inclusion note
    ("完成50%及以上(5)", "完成≥50%"),
    ("得分≥90分(优秀)", "得分≥90分"),  # the band's name
    ("血糖(mmol/L)<5.18", "血糖<5.18"),  # the metric's unit, no value
    ("≤55dB(A)", "≤55dB"),  # A-weighted decibels
    ("≥90%(或以上)", "≥90%"),  # a word, no bound
    ("≤0.5mg/L(标准值1.0mg/L)", "≤0.5mg/L"),  # the standard, on the same scale
]

# Refused: no reading can say for sure which value the bracket restates, or in which unit.
REFUSED = [
    ("<5.2 (200)", "neither names"),  # the units are in the table's header, not the tier
    ("≥5.2 (200) 且 <6.2 (240)", "neither names"),
    ("5.2~6.2 (200~239)", "neither names"),
    ("<5.2(200mg/dL)", "without a unit"),
    ("5.18~6.18mmol/L(239mg/dl)", "one end of a range"),
    ("<5.18mmol/L(200~239mg/dl)", "another side"),  # a range after a single bound
    (">6.22mmol/L(200mg/dL-239mg/dL)", "another side"),
    ("<5.18mmol/L(200~239mg/dl)为合适水平", "no value or range"),
    ("达标(200mg/dL)且≥5mmol/L", "no value or range"),
    ("≥90%（血糖<7mmol/L）", "not the same bound"),  # a condition of its own, no note
    ("≥90%(≥7mmol/L)", "not the same bound"),
    ("≥5.2mmol/L(200mg/dL)且<6.2mmol/L", "two units"),
    ("≥6.22mmol/L(约240mg/dl)", "约"),
    ("饱和率 90% (或7.5)", "alternative"),  # an alternative bound in mg/L (b-g230-dibiaoshui-1)
    ("（体温超过41℃属于超高热体温状态）", "found “体温”"),  # all in brackets: no restatement
]

DANGUCHUN = [
    "<5.18mmol/L(200mg/dl)为合适水平",
    "5.18~6.18mmol/L(200~239mg/dl)为边缘升高",
    "≥6.22mmol/L(240mg/dl)为升高",
]


@pytest.mark.parametrize(("text", "canonical"), RESTATED)
def test_a_bound_restated_in_brackets_reads_as_a_second_scale(text: str, canonical: str) -> None:
    rule = kpi.parse_rule(text)
    assert isinstance(rule, EquivalentRule)
    assert str(rule) == canonical
    assert kpi.parse_rule(str(rule)) == rule


@pytest.mark.parametrize(("text", "canonical"), NOT_RESTATED)
def test_a_bracket_that_is_no_restatement_reads_as_before(text: str, canonical: str) -> None:
    rule = kpi.parse_rule(text)
    assert not isinstance(rule, EquivalentRule)
    assert str(rule) == canonical


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_a_restatement_that_cannot_be_read_for_sure_is_refused(text: str, reason: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError, match=re.escape(reason)):
        kpi.parse_rule(text)


@pytest.mark.parametrize(
    ("outcome", "band", "notes"),
    [
        ("5.0mmol/L", "合适水平", ()),
        ("5.18mmol/L", "边缘升高", ()),
        ("6.2mmol/L", "升高", ("gap",)),  # 6.18–6.22: a gap on the mmol/L scale
        ("6.22mmol/L", "升高", ()),
        ("199mg/dl", "合适水平", ()),
        ("239mg/dl", "边缘升高", ()),
        ("239.5mg/dL", "升高", ("gap",)),  # 239–240: a gap on the mg/dl scale, not on the other
        ("240mg/dl", "升高", ()),
    ],
)
def test_each_outcome_is_graded_on_the_scale_of_its_unit(outcome: str, band: str, notes: tuple[str, ...]) -> None:
    grade = kpi.Criteria.parse(DANGUCHUN, labels=["合适水平", "边缘升高", "升高"]).grade(outcome)
    assert (grade.label, grade.notes) == (band, notes)


def test_lint_finds_the_gaps_of_both_scales() -> None:
    # Only the written scale's was found: 239.5mg/dl, in the bracketed scale's gap, was graded with a note lint lacked.
    findings = kpi.Criteria.parse(DANGUCHUN, labels=["合适水平", "边缘升高", "升高"]).lint()
    assert [(f.kind, f.message) for f in findings] == [
        ("gap", "没有任何档次覆盖 (6.18mmol/L, 6.22mmol/L)：这样的结果按较低一档评为升高"),
        ("gap", "没有任何档次覆盖 (239mg/dL, 240mg/dL)：这样的结果按较低一档评为升高"),
    ]


@pytest.mark.parametrize("outcome", [5, "5", Decimal("239"), "3小时"])
def test_a_bare_or_foreign_outcome_on_two_scales_is_refused(outcome: object) -> None:
    criteria = kpi.Criteria.parse(DANGUCHUN)
    with pytest.raises(kpi.OutcomeError):
        criteria.grade(outcome)  # type: ignore[arg-type]
    with pytest.raises(kpi.OutcomeError):
        criteria.grade_many([outcome])


def test_an_outcome_in_the_brackets_unit_is_refused_when_a_tier_gives_no_bound_in_it() -> None:
    criteria = kpi.Criteria.parse(["<5.18mmol/L(200mg/dl)", "5.18~6.18mmol/L", "≥6.22mmol/L(240mg/dl)"])
    assert criteria.grade("5.5mmol/L").label == "第2档"
    with pytest.raises(kpi.OutcomeError, match="not every tier"):
        criteria.grade("220mg/dl")


def test_a_rule_matches_on_the_scale_of_the_outcomes_unit() -> None:
    rule = kpi.parse_rule("<5.18mmol/L(200mg/dl)")
    assert rule.matches("5mmol/L") and rule.matches("199mg/dl")
    assert not rule.matches("5.2mmol/L") and not rule.matches("200mg/dl")
    with pytest.raises(kpi.OutcomeError):
        rule.matches(5)


# Units of other dimensions, each of which measures something a table may restate.
_UNITS = ["mmol/L", "mg/dL", "mmHg", "kPa", "mg/L", "毫米", "千克", "°C"]


@st.composite
def _restated(draw: st.DrawFn) -> tuple[kpi.Comparison, kpi.Comparison]:
    first, second = draw(st.lists(st.sampled_from(_UNITS), min_size=2, max_size=2, unique=True))
    assert unit_named(first).dimension != unit_named(second).dimension
    metric = draw(st.none() | st.sampled_from(["总胆固醇", "空腹血糖", "收缩压"]))
    kind = draw(st.sampled_from(["lower", "upper", "range"]))
    numbers = st.decimals(min_value=-500, max_value=500, places=2, allow_nan=False, allow_infinity=False)

    def interval() -> Interval:
        low, high = sorted((draw(numbers), draw(numbers)))
        if kind == "lower":
            return Interval(Bound(low, draw(st.booleans())), None)
        if kind == "upper":
            return Interval(None, Bound(high, draw(st.booleans())))
        if low == high:
            high += 1
        return Interval(Bound(low, draw(st.booleans())), Bound(high, draw(st.booleans())))

    return (
        kpi.Comparison(interval(), unit_named(first), metric),
        kpi.Comparison(interval(), unit_named(second), metric),
    )


@given(_restated(), st.decimals(min_value=-600, max_value=600, places=2, allow_nan=False, allow_infinity=False))
@settings(max_examples=200)
def test_an_outcome_gets_the_band_of_its_own_units_scale(
    pair: tuple[kpi.Comparison, kpi.Comparison], value: Decimal
) -> None:
    main, other = pair
    criteria = kpi.Criteria([EquivalentRule(main, equivalent=other), kpi.Rule(kpi.Otherwise())], ["内", "外"])
    for condition in (main, other):
        alone = kpi.Criteria([kpi.Rule(condition), kpi.Rule(kpi.Otherwise())], ["内", "外"])
        outcome = f"{value}{condition.unit}"
        assert criteria.grade(outcome).label == alone.grade(outcome).label
    with pytest.raises(kpi.OutcomeError):
        criteria.grade(value)


def test_tiers_of_one_band_join_their_restated_bounds_too() -> None:
    tiers = ["<3mmol/L(100mg/dl)", "3~5mmol/L(100~190mg/dl)", ">5mmol/L(190mg/dl)"]
    criteria = kpi.Criteria.parse(tiers, labels=["正常", "正常", "升高"])
    assert [criteria.grade(outcome).label for outcome in ("150mg/dl", "4mmol/L", "200mg/dl")] == [
        "正常",
        "正常",
        "升高",
    ]
    assert kpi.parse_rule(str(criteria.tiers[0])) == criteria.tiers[0]
    # One of the two restates nothing: the band has no bound in mg/dl, and 150mg/dl is refused, not placed.
    half = kpi.Criteria.parse(
        ["<3mmol/L(100mg/dl)", "3~5mmol/L", ">5mmol/L(190mg/dl)"], labels=["正常", "正常", "升高"]
    )
    with pytest.raises(kpi.OutcomeError, match="not every tier"):
        half.grade("150mg/dl")
