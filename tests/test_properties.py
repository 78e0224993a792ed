"""Properties that must hold for every rule, tier set and text, not just the tables."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import kpi
from cases import QUANTIFIED_SEED_SETS, SEED
from kpi import strategies
from kpi.direction import Direction
from kpi.equivalents import EquivalentRule
from kpi.grading.bands import MAX_BANDS, MIN_BANDS
from kpi.intervals import Bound, Interval
from kpi.io.tables import load_table
from kpi.numbers import format_decimal
from kpi.outcomes import read_outcome
from kpi.rules import AllOf, Condition, _inherit_metrics, _merge_same_metric, all_of, any_of
from kpi.span_thresholds import SpanThreshold
from kpi.text.normalise import _TONED, _fold, metric_key, normalise
from kpi.text.numerals import MAGNITUDES, scaled
from kpi.units import Quantity, unit_named
from kpi.wording import NOTES

SEED_CRITERIA = [
    row.criteria
    for row in load_table(SEED).indicators
    if row.criteria is not None and row.tiers not in QUANTIFIED_SEED_SETS and len(row.criteria.metrics) <= 1
]

values = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
units = st.sampled_from([None, "%", "小时", "个工作日", "人", "人次", "分", "万元", "天", "名"]).map(
    lambda name: None if name is None else unit_named(name)
)
# Realistic names, and names built from the characters most likely to confuse
# the lexer (comparator words, numerals, 为, 以上), which must be quoted.
metrics = st.one_of(
    st.sampled_from(["设备完好率", "按期结案率", "顾客满意率", "业务中断时间", "增长比例", "得分", "满意度", "名次"]),
    st.text(
        alphabet="率达标完成满意度数量时间以上下不低于为在其余负增长一二十百点且或“第前后名次排位列",
        min_size=1,
        max_size=8,
    ),
).filter(lambda name: metric_key(name) == name and "“" not in name)
optional_metrics = st.none() | metrics


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low, high = sorted((draw(values), draw(values)))
    kind = draw(st.sampled_from(["lower", "upper", "point", "range"]))
    if kind == "lower":
        return Interval(Bound(low, draw(st.booleans())), None)
    if kind == "upper":
        return Interval(None, Bound(high, draw(st.booleans())))
    if kind == "point" or low == high:
        return Interval.point(low)
    return Interval(Bound(low, draw(st.booleans())), Bound(high, draw(st.booleans())))


comparisons = st.builds(kpi.Comparison, intervals(), units, optional_metrics)
# A metric taken as a share of a base (增值额不超过扣除项目金额的50%), in percent, as kpi.text.shares reads it.
shares = st.builds(
    kpi.Comparison,
    intervals(),
    st.just(unit_named("%")),
    st.sampled_from(["增值额", "一级评审项目得分", "设备完好率", "得分"]),
    base=st.sampled_from(["扣除项目金额", "应得分", "收入总额", "上年实际数"]),
)
named_targets = st.builds(kpi.BareValue, values, units, metrics)


@st.composite
def span_thresholds(draw: st.DrawFn) -> SpanThreshold:
    """一千元至三千元以上: a threshold fixed somewhere in a span of values not negative, in a unit."""
    low, high = sorted((abs(draw(values)), abs(draw(values))))
    assume(low < high)
    unit = draw(units.filter(lambda unit: unit is not None and unit.name != "名"))
    return SpanThreshold(Interval(Bound(high), None), unit, draw(optional_metrics), start=low)


leaves = comparisons | named_targets | shares | span_thresholds()


@st.composite
def conditions(draw: st.DrawFn) -> Condition:
    """Any condition a tier text can state, normalised as the parser normalises."""
    shape = draw(st.sampled_from(["comparison", "share", "span", "target", "all", "any", "otherwise"]))
    if shape == "comparison":
        return draw(comparisons)
    if shape == "span":
        return draw(span_thresholds())
    if shape == "share":
        return draw(shares)
    if shape == "target":
        return draw(st.builds(kpi.BareValue, values, units, optional_metrics))
    if shape == "otherwise":
        return kpi.Otherwise()
    parts = draw(st.lists(leaves, min_size=2, max_size=3))
    try:
        return all_of(parts) if shape == "all" else any_of(parts)
    except kpi.CriteriaError:  # one metric in two units, or as a share and otherwise
        assume(False)
        raise


@given(conditions())
@example(kpi.parse_rule("设备完好率<90%且≥95%").condition)
@example(
    any_of([kpi.parse_rule("设备完好率≥0").condition, kpi.BareValue(Decimal(0), None, "以上上")])
)  # 或以上 is a word
@example(all_of([kpi.parse_rule("设备完好率≥0").condition, kpi.BareValue(Decimal(0), None, "以上上")]))
@example(kpi.BareValue(Decimal(10), unit_named("名"), "第"))  # 第10名 is a rank: the name 第 is quoted
@example(kpi.BareValue(Decimal(3), unit_named("名"), "排名前"))
@example(kpi.Comparison(Interval(Bound(Decimal(0)), Bound(Decimal("0.01"))), None, "负"))  # 负0 is a minus sign
@example(kpi.parse_rule("考核位列前10名").condition)
@example(kpi.parse_rule("盗窃数额一千元至三千元以上、不满三万元").condition)  # a span and a bound: kept apart
@example(  # two points of a share that contradict: split into single bounds, as written back
    all_of([kpi.parse_rule(f"增值额不低于收入总额的{v}%且不超过收入总额的{v}%").condition for v in ("0", "-0.01")])
)
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_canonical_text_of_any_rule_parses_back_to_it(condition: Condition) -> None:
    rule = kpi.Rule(condition)
    assert kpi.parse_rule(str(rule)) == rule


tier_alphabet = st.sampled_from(
    [
        *list(
            "0123456789.%％-－~～—<>=≥≤＜＞（）()[],，、且或以上下内及不低高于超过满达到为在之间含其余率九十百万人小时个工作日分元第前后名"
        ),
        "设备完好率",
        "负增长",
        "以上",
        "以下",
        "不低于",
        "低于",
        " ",
        "。",
        "\x00",
        "\u200b",
        "１",
        "٣",
    ]
)


@given(st.one_of(st.text(max_size=40), st.lists(tier_alphabet, max_size=12).map("".join)))
@settings(max_examples=1500)
def test_any_text_parses_or_raises_kpi_syntax_error(text: str) -> None:
    try:
        rule = kpi.parse_rule(text)
    except kpi.KpiSyntaxError as error:
        assert 0 <= error.position <= len(text)
        assert str(error).splitlines()[-1].endswith("^")
    else:
        assert kpi.parse_rule(str(rule)) == rule


outcomes = st.decimals(min_value=-200, max_value=300, places=1, allow_nan=False, allow_infinity=False)


@given(st.sampled_from(SEED_CRITERIA), outcomes)
@settings(max_examples=500)
def test_every_outcome_gets_one_band_or_a_documented_note(criteria: kpi.Criteria, value: Decimal) -> None:
    grade = criteria.grade(value)
    placed = set(grade.notes) & {"gap", "above-scale", "below-scale", "uncovered"}
    assert set(grade.notes) <= set(NOTES) and len(placed) <= 1
    assert (grade.band is None) == ("uncovered" in grade.notes)
    assert (grade.tier is None) == bool(placed)


@given(st.sampled_from([c for c in SEED_CRITERIA if c.scale.monotone]), outcomes, outcomes)
@settings(max_examples=500)
def test_on_a_monotone_scale_a_better_outcome_never_gets_a_worse_band(
    criteria: kpi.Criteria, first: Decimal, second: Decimal
) -> None:
    worse, better = sorted((first, second))
    if criteria.scale is Direction.LOWER_IS_BETTER:
        worse, better = better, worse
    assert criteria.grade(better).band >= criteria.grade(worse).band  # type: ignore[operator]


@st.composite
def monotone_tier_sets(draw: st.DrawFn) -> tuple[list[str], Direction]:
    """Tier sets written the ways documents write them, on cut points best first."""
    high, middle, low = sorted(draw(st.lists(st.integers(0, 100), min_size=3, max_size=3, unique=True)), reverse=True)
    gap = draw(st.integers(0, 1))
    forms = {
        "ranges": [f"{high}%以上", f"{middle}%-{high - gap}%", f"{low}%-{middle - gap}%", f"{low - gap}%以下"],
        "thresholds": [f"≥{high}%", f"≥{middle}%", f"≥{low}%", f"<{low}%"],
        "bare": [f"{high}%", f"{middle}%", f"{low}%", f"{low}%以下"],
        "words": [f"不低于{high}%", f"{middle}%以上，不满{high}%", f"{low}%以上，不满{middle}%", f"不满{low}%"],
        # lower is better: the cut points read upwards
        "limits": [f"{low}小时以内", f"{middle}小时以内", f"{high}小时以内", f"超过{high}小时"],
        "ceilings": [f"{low}", f"<{middle}", f"<{high}", f">{high}"],
    }
    form = draw(st.sampled_from(sorted(forms)))
    direction = Direction.LOWER_IS_BETTER if form in ("limits", "ceilings") else Direction.HIGHER_IS_BETTER
    return forms[form], direction


@given(monotone_tier_sets(), outcomes, outcomes)
@settings(max_examples=500)
def test_generated_monotone_tier_sets_never_reward_a_worse_outcome(
    tier_set: tuple[list[str], Direction], first: Decimal, second: Decimal
) -> None:
    tiers, direction = tier_set
    criteria = kpi.Criteria.parse(tiers)
    assert criteria.scale is direction
    worse, better = sorted((first, second))
    if direction is Direction.LOWER_IS_BETTER:
        worse, better = better, worse
    high, low = criteria.grade(better), criteria.grade(worse)
    assert high.band is not None and low.band is not None
    assert high.band >= low.band


@st.composite
def tiers_in_calendar_time(draw: st.DrawFn) -> tuple[str, str]:
    """Tier sets in 个月 or 年 as documents write them (≤1个月 | >1个月,≤2个月 | … | >9个月), with a gap or none."""
    unit = draw(st.sampled_from(["个月", "年", "季度"]))
    cuts = sorted(draw(st.lists(st.integers(1, 240), min_size=2, max_size=5, unique=True)))
    bounds = [format_decimal(Decimal(cut) / 10) for cut in cuts]
    tiers = [f"≤{bounds[0]}{unit}"]
    tiers += [f">{lower}{unit},≤{upper}{unit}" for lower, upper in itertools.pairwise(bounds[:-1])]
    tiers.append(f">{bounds[-1 if draw(st.booleans()) else -2]}{unit}")  # the last tier may leave a gap
    return " | ".join(tiers), unit


@given(tiers_in_calendar_time(), st.integers(0, 3000), st.sampled_from(["天", "周"]))
@example(("≤1个月 | >1个月,≤2个月 | >2个月", "个月"), 31, "天")
@example(("≤1年 | >1年,≤2年 | >2年", "年"), 400, "天")
@settings(max_examples=400)
def test_a_duration_on_tiers_in_calendar_time_gets_the_band_of_every_length_or_is_refused(
    tier_set: tuple[str, str], count: int, unit: str
) -> None:
    tiers, calendar = tier_set
    criteria = kpi.Criteria.parse(tiers)
    shortest, longest = {"个月": (28, 31), "年": (365, 366), "季度": (89, 92)}[calendar]
    days = Decimal(count) * {"天": 1, "周": 7}[unit]
    lengths = range(shortest, longest + 1)
    readings = {criteria.grade(Quantity(days / length, unit_named(calendar))).band for length in lengths}
    outcome = f"{count}{unit}"
    try:
        grade = criteria.grade(outcome)
    except kpi.OutcomeError:
        # Refused only where the band may depend on the length: two readings differ, or a bound lies inside.
        low, high = days / longest, days / shortest
        assert len(readings) > 1 or any(low < bound < high for _, bound in criteria.bounds())
        return
    assert readings == {grade.band}
    assert criteria.grade_many([outcome]) == [grade.band]
    assert "unit-range" in grade.notes


# Tier sets of every count kpi reads, not only the four of the national scale.
band_counts = st.integers(MIN_BANDS, MAX_BANDS)
any_count_criteria = band_counts.flatmap(lambda count: strategies.criteria(bands=count, seed_sets=False))
monotone_criteria = st.tuples(
    band_counts, st.sampled_from([Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER])
).flatmap(lambda pair: strategies.criteria(bands=pair[0], direction=pair[1], seed_sets=False))


@given(any_count_criteria)
@settings(max_examples=200)
def test_canonical_text_of_every_tier_of_any_count_parses_back_to_it(criteria: kpi.Criteria) -> None:
    for rule in criteria.tiers:
        assert kpi.parse_rule(str(rule)) == rule


@given(st.data())
@settings(max_examples=300)
def test_every_outcome_on_any_count_of_bands_gets_one_band_or_a_documented_note(data: st.DataObject) -> None:
    criteria = data.draw(any_count_criteria)
    grade = criteria.grade(data.draw(strategies.outcomes(criteria)))
    placed = set(grade.notes) & {"gap", "above-scale", "below-scale", "uncovered"}
    assert set(grade.notes) <= set(NOTES) and len(placed) <= 1
    assert (grade.band is None) == ("uncovered" in grade.notes)
    assert (grade.tier is None) == bool(placed)
    assert grade.band is None or grade.band in criteria.bands


@given(st.data())
@settings(max_examples=300)
def test_on_a_monotone_scale_of_any_count_a_better_outcome_never_gets_a_worse_band(data: st.DataObject) -> None:
    criteria = data.draw(monotone_criteria)
    # Anywhere on the scale, and on and beside the bounds, where a wrong band hides.
    samples = st.one_of(outcomes, strategies.outcomes(criteria), strategies.boundary_outcomes(criteria))
    first, second = data.draw(samples), data.draw(samples)
    worse, better = sorted((first, second), key=lambda outcome: read_outcome(outcome).value)
    if criteria.scale is Direction.LOWER_IS_BETTER:
        worse, better = better, worse
    high, low = criteria.grade(better), criteria.grade(worse)
    assert high.band is not None and low.band is not None
    assert high.band >= low.band


# Units of distinct dimensions that measure something, as a table restates a bound in (kpi.equivalents).
restating_units = st.lists(
    st.sampled_from(["mmol/L", "mg/dL", "mmHg", "kPa", "mg/L", "毫米", "千克", "°C"]),
    min_size=2,
    max_size=2,
    unique=True,
)


@st.composite
def restated_rules(draw: st.DrawFn) -> EquivalentRule:
    """A rule whose bounds are restated in another unit: the same sides bounded, the same metric."""
    first, second = (unit_named(name) for name in draw(restating_units))
    metric = draw(optional_metrics)
    main, other = draw(intervals()), draw(intervals())
    assume((main.lower is None, main.upper is None) == (other.lower is None, other.upper is None))
    return EquivalentRule(kpi.Comparison(main, first, metric), equivalent=kpi.Comparison(other, second, metric))


@given(restated_rules())
@example(kpi.parse_rule("<5.18mmol/L(200mg/dl)为合适水平"))
@example(kpi.parse_rule("5.18~6.18mmol/L(200~239mg/dl)为边缘升高"))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_canonical_text_of_any_restated_rule_parses_back_to_it(rule: EquivalentRule) -> None:
    again = kpi.parse_rule(str(rule))
    assert again == rule and isinstance(again, EquivalentRule)
    assert str(again) == str(rule)


@given(conditions())
@settings(max_examples=200)
def test_rules_are_hashable_values(condition: Condition) -> None:
    rule = kpi.Rule(condition)
    assert hash(rule) == hash(attrs.evolve(rule, text="written differently"))
    assert rule == attrs.evolve(rule, text="written differently")


@given(st.decimals(allow_nan=False, allow_infinity=False))
@example(Decimal("1E+2"))
@example(Decimal("-0.000"))
@example(Decimal("1E-7"))
@example(Decimal("9" * 40))
def test_decimals_print_plainly_and_read_back_equal(value: Decimal) -> None:
    text = format_decimal(value)
    assert Decimal(text) == value
    assert "E" not in text and text != "-0"
    assert "." not in text or not text.endswith(("0", "."))


@given(st.text(max_size=60))
@example("设备完好率＜９０％")
@example("㎡90 ½")
def test_normalising_keeps_each_characters_source_index(text: str) -> None:
    """The fast path of normalise (every character folds to one) against the general one."""
    normalised = normalise(text)
    assume(" " not in normalised.text)  # spaces between Chinese characters are dropped: another map
    assume(len(normalised.text) == sum(map(len, map(_fold, text))))  # and a character's pinyin (級(jí))
    assert normalised.text == "".join(_fold(char) for char in text)
    assert normalised.origin == tuple(index for index, char in enumerate(text) for _ in _fold(char))


@given(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzüABC09%含." + _TONED, min_size=0, max_size=8),
)
@example("級", "jí")
@example("評", "píng")
@example("級", "ji")
@example("分", "含90")
def test_a_bracket_after_a_chinese_character_goes_only_when_it_is_its_pinyin(han: str, inside: str) -> None:
    """評(píng)為 is 评为; (ji) without a tone mark, (含90) and anything else in brackets stay."""
    text = f"{han}({inside})分"
    pinyin = re.fullmatch(f"[a-zü{_TONED}]{{1,6}}", inside) is not None and any(c in _TONED for c in inside)
    normalised = normalise(text)
    assert normalised.text == (_fold(han) + "分" if pinyin else "".join(map(_fold, text)))
    assert [normalised.source[i] for i in normalised.origin] == [c for c in text if not pinyin or c in (han, "分")]


@given(
    st.decimals(min_value=0, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from([None, *MAGNITUDES]),
    st.booleans(),
)
@example("90", None, False)
@example("0.50", None, False)
@example("0", None, True)
def test_scaling_a_figure_only_shifts_its_exponent(digits: str, magnitude: str | None, negative: bool) -> None:
    """The shortcut of scaled (no magnitude, no sign: the number as written) against the shift of its digits."""
    _, digit_tuple, exponent = Decimal(digits).as_tuple()
    shift = MAGNITUDES[magnitude] if magnitude else 0
    value = scaled(digits, magnitude, negative=negative)
    assert value.as_tuple() == (int(negative), digit_tuple, int(exponent) + shift)


@given(conditions())
def test_a_conjunction_of_one_part_is_that_part(condition: Condition) -> None:
    """all_of's shortcut for one part (a clause's one name) against what its general path makes of it."""
    assume(not isinstance(condition, AllOf))
    merged = _merge_same_metric(_inherit_metrics([condition], joint=True))
    assert merged == (condition,)
    assert all_of([condition]) is condition
