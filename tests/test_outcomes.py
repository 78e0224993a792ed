"""Outcomes: exact decimals from numbers and texts, and clear refusals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpi
from kpi.outcomes import read_outcome
from kpi.units import approximate, convert, unit_named


@pytest.mark.parametrize(
    ("value", "number", "unit"),
    [
        (95, "95", None),
        (95.0, "95", None),
        (0.1, "0.1", None),
        (94.99999999999999, "94.99999999999999", None),
        (Decimal("96.5"), "96.5", None),
        (Decimal("-0"), "0", None),
        (Decimal("1E-15"), "1E-15", None),
        (Decimal("-999999999999999"), "-999999999999999", None),
        (Fraction(1, 4), "0.25", None),
        ("96.5%", "96.5", "%"),
        ("９６．５％", "96.5", "%"),
        (" 96.5 % ", "96.5", "%"),
        ("18小时", "18", "小时"),
        ("22个工作日", "22", "个工作日"),
        ("9.6万人", "96000", "人"),
        ("十八小时", "18", "小时"),
        ("-3%", "-3", "%"),
        ("3万", "30000", None),
        ("百分之九十", "90", "%"),
        # a digit alone after the last unit counts one place lower: 两万五 read 20005
        ("两万五", "25000", None),
        ("一万五千人", "15000", "人"),
        ("三千五", "3500", None),
        ("一百五", "150", None),
        ("一百零五", "105", None),
        ("两万零五", "20005", None),
        ("零下3℃", "-3", "°C"),
        # a rank: 第1名 is 1名
        ("第1名", "1", "名"),
        ("第三名", "3", "名"),
        # Texts at the edges of the sizes kpi grades, read with and without the size checks.
        ("999999999999999", "999999999999999", None),
        ("0.0000000000001", "1E-13", None),
        ("1000000000000000", "1E+15", None),
        ("0.000000000000001%", "1E-15", "%"),
        ("-999999999999999.9", "-999999999999999.9", None),
    ],
)
def test_outcome_is_read_exactly(value: object, number: str, unit: str | None) -> None:
    quantity = read_outcome(value)
    assert quantity.value == Decimal(number)
    assert quantity.unit == (unit_named(unit) if unit else None)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "outcome nan is not a finite number"),
        (float("inf"), "outcome inf is not a finite number"),
        (-float("inf"), "outcome -inf is not a finite number"),
        (1e400, "outcome inf is not a finite number"),
        (Decimal("NaN"), "outcome Decimal\\('NaN'\\) is not a finite number"),
        (Decimal("sNaN"), "outcome Decimal\\('sNaN'\\) is not a finite number"),
        (Decimal("-Infinity"), "outcome Decimal\\('-Infinity'\\) is not a finite number"),
        (
            Decimal("1E-999999"),
            "outcome Decimal\\('1E-999999'\\) is outside the sizes kpi grades \\(1E-15 to 1E\\+15\\)",
        ),
        (Decimal("1E+999999"), "is outside the sizes kpi grades"),
        (1e20, "outcome 1e\\+20 is outside the sizes kpi grades"),
        (10**16, "outcome 10000000000000000 is outside the sizes kpi grades"),
        ("100000000000000000000人", "is outside the sizes kpi grades"),
        ("10000000000000000", "outcome '10000000000000000' is outside the sizes kpi grades"),
        ("0.0000000000000001", "outcome '0.0000000000000001' is outside the sizes kpi grades"),
        ("1." + "1" * 50, "has more than 40 digits"),
        (Decimal("1." + "1" * 50), "has more than 40 digits"),
        (None, "outcome is missing"),
        (True, "outcome True is a boolean, not a number"),
        ("", "outcome is empty"),
        ("   ", "outcome is empty"),
        ("nan", "outcome 'nan' is not a number with an optional unit"),
        ("1e400", "outcome '1e400' is not a number with an optional unit"),
        ("96.5%%", "outcome '96.5%%' is not a number with an optional unit"),
        ("约95%", "outcome '约95%' is not a number with an optional unit"),
        (["95"], "outcome \\['95'\\] is not a number or a text with a number"),
        (object(), "is not a number or a text with a number"),
    ],
)
def test_error_for_an_outcome_that_is_not_a_finite_number(value: object, message: str) -> None:
    with pytest.raises(kpi.OutcomeError, match=message):
        read_outcome(value)


def test_error_for_a_unit_that_contradicts_the_criteria() -> None:
    criteria = kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"])
    with pytest.raises(kpi.OutcomeError, match="unit 小时 cannot be compared with %"):
        criteria.grade("18小时")


@pytest.mark.parametrize(
    ("value", "source", "target", "low", "high", "calendar"),
    [
        ("20", "天", "个月", "20/31", "20/28", "个月"),
        ("400", "天", "年", "400/366", "400/365", "年"),
        ("6", "周", "个月", "42/31", "42/28", "个月"),
        ("48", "小时", "个月", "2/31", "2/28", "个月"),
        ("2", "个月", "天", "56", "62", "个月"),
        ("1", "年", "天", "365", "366", "年"),
        ("1", "季度", "天", "89", "92", "季度"),
        ("0", "天", "个月", "0", "0", "个月"),
        ("-31", "天", "个月", "-31/28", "-1", "个月"),
    ],
)
def test_days_and_calendar_time_convert_to_a_span(
    value: str, source: str, target: str, low: str, high: str, calendar: str
) -> None:
    span = approximate(Decimal(value), unit_named(source), unit_named(target))
    assert span is not None and span.calendar == unit_named(calendar) and span.unit == unit_named(target)
    exactly_low, exactly_high = Fraction(low), Fraction(high)
    # Rounded outwards: the span holds every reading, and no more than a digit beyond it.
    assert (
        span.low <= exactly_low <= span.low + Decimal("1E-25")
        and span.high - Decimal("1E-25") <= exactly_high <= span.high
    )
    with pytest.raises(kpi.OutcomeError, match="cannot be compared"):
        convert(Decimal(value), unit_named(source), unit_named(target))  # exact conversion still refuses


@pytest.mark.parametrize(
    ("source", "target"), [("天", "小时"), ("个月", "年"), ("个工作日", "个月"), ("天", "%"), ("元", "年")]
)
def test_only_a_duration_and_calendar_time_convert_approximately(source: str, target: str) -> None:
    assert approximate(Decimal(20), unit_named(source), unit_named(target)) is None


@pytest.mark.parametrize(("value", "band"), [(95.0, "优"), (94.9, "良"), ("95.0％", "优"), (Decimal("94.99"), "良")])
def test_float_outcomes_grade_at_their_shortest_repr(value: object, band: str) -> None:
    grade = kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"]).grade(value)  # type: ignore[arg-type]
    assert grade.band is not None and grade.band.label == band


def test_mapping_keys_are_normalised_like_tier_texts() -> None:
    criteria = kpi.Criteria.parse(["滿意度≥90%", "满意度≥80%", "满意度≥60%", "满意度<60%"])
    assert criteria.metrics == ("满意度",)
    assert criteria.grade({"滿意度": 85}).band == kpi.Band(1, "良")
    assert criteria.grade({" 满意度 ": 85}).band == kpi.Band(1, "良")


def test_error_for_a_bad_value_in_a_mapping_names_the_metric() -> None:
    criteria = kpi.Criteria.parse(["满意度≥90%", "满意度≥80%", "满意度≥60%", "满意度<60%"])
    with pytest.raises(kpi.OutcomeError, match="满意度: outcome is missing"):
        criteria.grade({"满意度": None})


outcome_pieces = st.sampled_from(
    [
        *"0123456789",
        ".",
        "-",
        " ",
        "\t",
        "%",
        "万",
        "千",
        "亿",
        "元",
        "万元",
        "人",
        "人次",
        "小时",
        "个工作日",
        "。",
        ".",
        "９",
        "％",
        "\n",
        "−",
        "　",  # an ideographic space, and traditional forms that fold to units and magnitudes
        "萬",
        "個工作日",
        "小時",
    ]
)


@given(st.lists(outcome_pieces, max_size=10).map("".join))
@settings(max_examples=1000)
def test_plain_outcomes_read_the_same_without_the_parser(text: str) -> None:
    from kpi.outcomes import _read_text
    from kpi.text.quantities import parse_quantity

    try:
        expected: object = parse_quantity(text)
    except kpi.KpiSyntaxError:
        expected = kpi.OutcomeError
    try:
        got: object = _read_text(text)
    except kpi.OutcomeError:
        got = kpi.OutcomeError
    if isinstance(expected, kpi.Quantity) and isinstance(got, kpi.Quantity):
        assert (got.value, got.unit) == (expected.value, expected.unit)
        assert str(got.value) == str(expected.value)
    elif got is not kpi.OutcomeError:
        assert got == expected


def test_an_unreadable_text_is_refused_the_same_way_every_time() -> None:
    errors = []
    for _ in range(2):
        with pytest.raises(kpi.OutcomeError) as caught:
            read_outcome("良好")
        errors.append(caught.value)
    assert str(errors[0]) == str(errors[1]) and "良好" in str(errors[0])
    assert errors[0] is not errors[1]


@pytest.mark.parametrize(
    ("tiers", "outcome", "band"),
    [
        # A results column headed 实际值 holds the metric's name before the figure.
        (["AQI:0-50", "AQI:51-100", "AQI:>100"], "AQI 35", "第1档"),
        (["AQI:0-50", "AQI:51-100", "AQI:>100"], "AQI：60", "第2档"),
        (["AQI:0-50", "AQI:51-100", "AQI:>100"], "AQI为101", "第3档"),
        (["AQI:0-50", "AQI:51-100", "AQI:>100"], {"AQI": "AQI 35"}, "第1档"),
        (["得分≥90分", "得分≥80分", "得分<80分"], "“得分”：92分", "第1档"),
        (["得分≥90分", "得分≥80分", "得分<80分"], "得分是 85", "第2档"),
        (["达标率≥90%", "达标率<90%"], "达标率: 89.9%", "第2档"),
    ],
)
def test_an_outcome_may_name_its_metric_before_the_figure(tiers: list[str], outcome: object, band: str) -> None:
    assert kpi.Criteria.parse(tiers).grade(outcome).label == band  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("metric", "outcome"),
    [
        ("AQI", "PM2.5 35"),  # another metric's name
        ("AQI", "aqi 35"),  # names are compared as written
        ("AQI", "AQI"),  # a name and no figure
        ("AQI", "AQI AQI 5"),
        ("PM2", "PM2.535"),  # a name that runs into the figure: 2.535 or PM2 .535?
        ("PM2", "PM2 .5"),
        ("得分", "得分 1e999"),
        (None, "AQI 35"),  # an unnamed metric takes no name
    ],
)
def test_an_outcome_naming_another_metric_or_no_figure_is_refused(metric: str | None, outcome: str) -> None:
    with pytest.raises(kpi.OutcomeError, match=r"is not a number|outside the sizes"):
        read_outcome(outcome, metric)


@pytest.mark.parametrize(
    ("tiers", "outcome", "band"),
    [
        # A magnitude and no unit on tiers in 万元 is that many 元: 80万 read 800000万元, 第1档.
        (["100万元以上", "50-100万元", "50万元以下"], "80万", "第2档"),
        (["100万元以上", "50-100万元", "50万元以下"], "八十万", "第2档"),
        (["100万元以上", "50-100万元", "50万元以下"], {"": "80万"}, "第2档"),
        (["5千克以上", "3-5千克", "3千克以下"], "4千", "第2档"),
        # on tiers in a unit of one it is the number written: 9.6万 is 96000人
        (["10万人以上", "5-10万人", "5万人以下"], "9.6万", "第2档"),
    ],
)
def test_an_outcome_with_a_magnitude_and_no_unit_counts_the_base_of_the_tiers_unit(
    tiers: list[str], outcome: object, band: str
) -> None:
    grade = kpi.Criteria.parse(tiers).grade(outcome)  # type: ignore[arg-type]
    assert grade.band is not None and grade.band.label == band


@pytest.mark.parametrize("outcome", ["4千", ["4千"]])
def test_an_outcome_with_a_magnitude_beside_another_multiple_is_refused(outcome: object) -> None:
    criteria = kpi.Criteria.parse(["5公里以上", "3-5公里", "3公里以下"])
    with pytest.raises(kpi.OutcomeError, match="the tiers are in 公里"):
        criteria.grade_many(outcome) if isinstance(outcome, list) else criteria.grade(outcome)  # type: ignore[arg-type]
