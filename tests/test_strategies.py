"""kpi.strategies and kpi.testing: what users property-test their rules with."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import kpi
from cases import SEED
from kpi.direction import Direction
from kpi.grading.bands import MAX_BANDS, MIN_BANDS, default_labels
from kpi.strategies import boundary_outcomes, criteria, grammar_texts, outcomes, tier_texts
from kpi.testing import check_criteria

ROOT = Path(__file__).resolve().parents[1]
SEED_CRITERIA = sorted({row.criteria for row in kpi.load_table(SEED).indicators if row.criteria is not None}, key=str)


@given(tier_texts())
@settings(max_examples=500)
def test_generated_tier_texts_parse_and_round_trip(text: str) -> None:
    rule = kpi.parse_rule(text)
    assert kpi.parse_rule(str(rule)) == rule


@given(tier_texts(full_width=True, metrics=False))
def test_full_width_tier_texts_read_like_half_width(text: str) -> None:
    half = text.translate(str.maketrans("０１２３４５６７８９％＜＞＝－～．", "0123456789%<>=-~."))
    assert kpi.parse_rule(text) == kpi.parse_rule(half)


@given(grammar_texts())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_texts_from_the_grammar_parse_or_fail_a_semantic_check(text: str) -> None:
    try:
        rule = kpi.parse_rule(text)
    except kpi.KpiSyntaxError as error:
        assert error.reason.startswith("cannot read tier text: ")
    else:
        assert kpi.parse_rule(str(rule)) == rule


@pytest.mark.parametrize("direction", list(Direction))
def test_criteria_of_each_direction(direction: Direction) -> None:
    @given(criteria(direction=direction))
    @settings(max_examples=50)
    def check(generated: kpi.Criteria) -> None:
        assert generated.scale is direction

    check()


# The band names documents give, by count; 一档… fits any count, and a set that names none gets the defaults.
NAMED_BANDS = {
    3: [("优秀", "合格", "不合格"), ("称职", "基本称职", "不称职")],
    4: [("优秀", "良好", "合格", "不合格"), ("甲", "乙", "丙", "丁")],
    5: [("A", "B", "C", "D", "E")],
}


def band_names(count: int) -> list[tuple[str, ...]]:
    return [default_labels(count), *NAMED_BANDS.get(count, []), tuple(f"{n}档" for n in "一二三四五六七八九十"[:count])]


@pytest.mark.parametrize("bands", range(MIN_BANDS, MAX_BANDS + 1))
def test_criteria_of_each_band_count_pass_the_standard_checks(bands: int) -> None:
    # check_criteria searches with Hypothesis itself; nesting it here is what lets a failure shrink to the tier set.
    @given(criteria(bands=bands))
    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.nested_given])
    def check(generated: kpi.Criteria) -> None:
        assert len(generated.tiers) == len(generated.bands) == bands
        assert [band.index for band in generated.bands] == list(range(bands))
        assert generated.labels in band_names(bands)
        check_criteria(generated, max_examples=25)

    check()


@pytest.mark.parametrize("direction", [Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER])
@pytest.mark.parametrize("bands", [MIN_BANDS, 3, 7, MAX_BANDS])
def test_criteria_of_a_band_count_and_direction(bands: int, direction: Direction) -> None:
    @given(criteria(bands=bands, direction=direction, seed_sets=False))
    @settings(max_examples=10)
    def check(generated: kpi.Criteria) -> None:
        assert generated.scale is direction and len(generated.tiers) == bands

    check()


def test_criteria_of_any_band_count_are_often_four_and_sometimes_named() -> None:
    quick = settings(max_examples=500, database=None)
    assert len(find(criteria(), lambda c: len(c.tiers) == MAX_BANDS, settings=quick).tiers) == MAX_BANDS
    assert len(find(criteria(), lambda c: len(c.tiers) == MIN_BANDS, settings=quick).tiers) == MIN_BANDS
    assert find(criteria(bands=5), lambda c: c.labels == ("A", "B", "C", "D", "E"), settings=quick)


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"bands": MIN_BANDS - 1}, ValueError),
        ({"bands": MAX_BANDS + 1}, ValueError),
        ({"bands": 3, "direction": Direction.NON_MONOTONE}, ValueError),
        ({"bands": 4.0}, TypeError),
        ({"bands": True}, TypeError),
    ],
    ids=str,
)
def test_criteria_refuses_band_counts_no_tier_set_has(options: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error, match="bands"):
        criteria(**options)  # type: ignore[arg-type]


@given(st.data())
@settings(max_examples=200)
def test_outcomes_and_boundaries_grade(data: st.DataObject) -> None:
    generated = data.draw(criteria())
    for outcome in (data.draw(outcomes(generated)), data.draw(boundary_outcomes(generated))):
        grade = generated.grade(outcome)
        assert grade.band is not None or grade.notes == ("uncovered",)


def test_boundary_outcomes_sit_on_and_beside_every_bound() -> None:
    national = kpi.Criteria.parse("90-100分 | 80-89分 | 60-79分 | 0-59分", precision=1)
    seen: set[object] = set()

    @given(boundary_outcomes(national))
    @settings(max_examples=300)
    def collect(outcome: object) -> None:
        seen.add(str(outcome).removesuffix("分"))

    collect()
    expected = {str(v) for b in (0, 59, 60, 79, 80, 89, 90, 100) for v in (b - 1, b, b + 1)}
    assert seen == expected


def test_criteria_is_registered_for_from_type() -> None:
    @given(st.from_type(kpi.Criteria))
    @settings(max_examples=20)
    def check(drawn: kpi.Criteria) -> None:
        assert isinstance(drawn, kpi.Criteria)

    check()


@pytest.mark.parametrize("seed_criteria", SEED_CRITERIA, ids=str)
def test_every_seed_tier_set_passes_the_standard_checks(seed_criteria: kpi.Criteria) -> None:
    check_criteria(seed_criteria, max_examples=40)


@pytest.mark.parametrize(
    ("tiers", "message"),
    [
        ("≥90% | ≥95% | ≥80% | <80%", "良档“≥95%”永远不会被采用：它覆盖的结果都已归入更好的档次"),
        ("≥95% | 90%-95% | <90%且≥95% | <90%", "中档“<90%且≥95%”的条件互相矛盾，任何结果都不可能满足"),
    ],
)
def test_check_criteria_reports_in_the_criterias_words(tiers: str, message: str) -> None:
    with pytest.raises(AssertionError) as caught:
        check_criteria(kpi.Criteria.parse(tiers))
    assert message in str(caught.value).splitlines()


def test_check_criteria_finds_a_better_outcome_with_a_worse_band() -> None:
    # Declared higher-is-better, but 良 and 中 are swapped: 75% gets 良, 85% gets 中.
    rewarding = kpi.Criteria.parse(["90%-100%", "70%-79%", "80%-89%", "<70%"], direction=Direction.HIGHER_IS_BETTER)
    with pytest.raises(AssertionError, match="a worse outcome gets a better band"):
        check_criteria(rewarding)


def test_the_worked_example_passes_its_own_pytest() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "examples" / "test_my_rules.py")],
        capture_output=True,
        text=True,
        cwd=ROOT / "examples",
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout and "xfailed" in result.stdout
