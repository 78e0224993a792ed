"""grade_many: the same bands as grade, in input order, fast."""

from __future__ import annotations

import gc
import math
from decimal import Decimal

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpi
from cases import GRADES, SEED
from kpi.strategies import boundary_outcomes, criteria, outcomes
from kpi.units import PERCENT

SEED_CRITERIA = sorted({row.criteria for row in kpi.load_table(SEED).indicators if row.criteria}, key=str)


@given(st.data())
@settings(max_examples=300)
def test_grade_many_agrees_with_grade(data: st.DataObject) -> None:
    chosen = data.draw(st.one_of(criteria(), st.sampled_from(SEED_CRITERIA)))
    values = data.draw(st.lists(st.one_of(outcomes(chosen), boundary_outcomes(chosen)), max_size=30))
    assert chosen.grade_many(values) == [chosen.grade(value).band for value in values]


@given(
    st.sampled_from([c for c in SEED_CRITERIA if c._compiled is not None]),
    st.lists(
        st.floats(min_value=-200, max_value=300).filter(lambda v: v == 0 or abs(v) >= 1e-15) | st.integers(-200, 300),
        max_size=150,  # long lists take the NumPy path
    ),
)
@settings(max_examples=300)
def test_floats_and_ints_take_the_fast_path_exactly(chosen: kpi.Criteria, values: list[float]) -> None:
    assert chosen.grade_many(values) == [chosen.grade(value).band for value in values]
    array = np.asarray([float(v) for v in values], dtype=np.float64)
    assert chosen.grade_many(array) == [chosen.grade(float(value)).band for value in values]


@given(st.data())
@settings(max_examples=500)
def test_the_compiled_search_is_a_cache_of_the_decision(data: st.DataObject) -> None:
    """Numbers and texts on a one-metric scale take the compiled search; it decides as the model does."""
    chosen = data.draw(st.one_of(criteria(), st.sampled_from(SEED_CRITERIA)).filter(lambda c: c._compiled is not None))
    value = data.draw(st.one_of(outcomes(chosen), boundary_outcomes(chosen)))
    unit = chosen.unit()
    for outcome in (value, value if isinstance(value, str) else f"{value}{unit.name if unit else ''}"):
        lookup = chosen.outcomes(outcome).lookup
        graded = chosen.grade(outcome)
        decision = graded.decision
        if "fraction" in decision.notes:  # a note on how the outcome was written, not part of the decision
            # A scale in percent of one metric, named or not, whose bounds all lie above 1%.
            (metric,) = chosen.model.metrics
            assert chosen.unit() is PERCENT and min(chosen.model.written_values) > 1
            assert 0 < lookup(metric, PERCENT) <= 1
            decision = attrs.evolve(decision, notes=tuple(note for note in decision.notes if note != "fraction"))
        assert decision == chosen.model.decide(lookup)
        assert graded.values == tuple((metric, lookup(metric, chosen.unit(metric))) for metric in chosen.model.metrics)


@pytest.mark.parametrize(("tiers", "outcome", "label", "notes"), GRADES)
def test_grade_many_on_the_hand_checked_cases(tiers: str, outcome: object, label: str | None, notes: tuple) -> None:
    (band,) = kpi.Criteria.parse(tiers).grade_many([outcome])
    assert (band.label if band else None) == label


def test_floats_at_decimal_bounds_read_through_their_repr() -> None:
    national = kpi.Criteria.parse("90-100分 | 80-89分 | 60-79分 | 0-59分")
    values = [89.5, 89.99999999999999, 90.0, 0.1 + 0.2, 59.00000000000001, 100.00000000000001]
    bands = [band.label for band in national.grade_many(values)]  # type: ignore[union-attr]
    assert bands == [national.grade(v).label for v in values] == ["良", "良", "优", "差", "差", "优"]


def test_bounds_beyond_float_precision_use_exact_decimals() -> None:
    fine = kpi.Criteria.parse(["≥90.0000000000000001", "≥80", "≥60", "<60"])
    assert fine._compiled is not None and fine._compiled.floats is None
    assert [b.label for b in fine.grade_many([90.0, Decimal("90.0000000000000001"), 85])] == ["良", "优", "良"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([95, 90, float("nan")], "outcome 2: outcome nan is not a finite number"),
        ([95, None], "outcome 1: outcome is missing"),
        ([True], "outcome 0: outcome True is a boolean, not a number"),
        (["95%", "18小时"], "outcome 1: unit 小时 cannot be compared with %"),
        (np.array([95.0, np.nan]), "outcome 1: outcome nan is not a finite number"),
        (np.array([95.0, np.inf]), "outcome 1: outcome inf is not a finite number"),
        (np.array([1e20]), "outcome 0: outcome 1e\\+20 is outside the sizes kpi grades"),
    ],
)
def test_grade_many_never_grades_a_missing_value(values: object, message: str) -> None:
    with pytest.raises(kpi.OutcomeError, match=message):
        kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"]).grade_many(values)  # type: ignore[arg-type]


def test_several_metrics_fall_back_to_grade() -> None:
    exchange = kpi.Criteria.parse(
        [
            "3个以上业务系统能够协调，80%与外部数据交换",
            "2个以上业务系统能够协调，60%与外部数据交换",
            "1个以上业务系统能够协调，50%与外部数据交换",
            "≤50%与外部数据交换",
        ]
    )
    assert exchange._compiled is None
    outcomes_ = [{"业务系统能够协调": 3, "与外部数据交换": "85%"}, {"业务系统能够协调": 0, "与外部数据交换": "40%"}]
    assert [b.label for b in exchange.grade_many(outcomes_)] == ["优", "差"]  # type: ignore[union-attr]


def test_many_bounds_use_a_binary_search_with_the_same_bands() -> None:
    from kpi.intervals import Bound, Interval
    from kpi.rules import AnyOf, Comparison, Otherwise, Rule

    points = AnyOf(
        tuple(Comparison(Interval(Bound(Decimal(v)), Bound(Decimal(v) + Decimal("0.5")))) for v in range(0, 300, 2))
    )
    many = kpi.Criteria([Rule(points), Rule(Otherwise()), Rule(Otherwise()), Rule(Otherwise())])
    values = np.arange(-5, 305, 0.25)
    assert many._compiled is not None and len(many._compiled.bounds) == 300
    assert many.grade_many(values) == [many.grade(float(v)).band for v in values]


def test_scoring_leaves_the_collector_on() -> None:
    card = kpi.score(SEED, SEED.parents[1] / "examples" / "handan-2018-results.csv")
    assert gc.isenabled() and len(card.rows) == 102


@given(st.sampled_from([c for c in SEED_CRITERIA if c._compiled is not None]), st.data())
@settings(max_examples=200)
def test_a_float_next_to_a_bound_is_noted_on_every_path(chosen: kpi.Criteria, data: st.DataObject) -> None:
    """The compiled search leaves a float's rounding of a bound to the model, which notes it."""
    compiled = chosen._compiled
    assert compiled is not None
    bound = data.draw(st.sampled_from([bound for bound in compiled.bounds if bound != 0]))
    value = math.nextafter(float(bound), data.draw(st.sampled_from([math.inf, -math.inf])))
    graded = chosen.grade(value)
    assert "rounding" in graded.notes
    assert graded.decision == chosen.model.decide(chosen.outcomes(value).lookup)
    assert chosen.grade_many([value] * 150) == [graded.band] * 150  # the NumPy path: bands only
