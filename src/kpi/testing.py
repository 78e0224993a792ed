"""Checks that a user's own tier set behaves: for tests and for review.

``check_criteria(c)`` runs the standard properties on a criteria and
raises ``AssertionError`` with counterexamples in the criteria's own words
(its tier texts and the explanation of each grade), so a failing pytest
run reads like an evaluator's note.  It needs Hypothesis.

>>> import kpi
>>> check_criteria(kpi.Criteria.parse("95% | 85%-94% | 70%-84% | 69%以下"))
>>> check_criteria(kpi.Criteria.parse("≥90% | ≥95% | ≥80% | <80%"))
Traceback (most recent call last):
...
AssertionError: 良档“≥95%”永远不会被采用：它覆盖的结果都已归入更好的档次
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from kpi.direction import Direction
from kpi.errors import KpiError
from kpi.grading.criteria import Criteria
from kpi.outcomes import read_outcome
from kpi.strategies import boundary_outcomes, outcomes

__all__ = ["check_criteria"]


def _find(strategy: st.SearchStrategy[Any], condition: Any, max_examples: int) -> Any:
    """The simplest example satisfying *condition*, or ``None``."""
    try:
        return find(
            strategy,
            condition,
            settings=settings(
                max_examples=max_examples, database=None, suppress_health_check=list(HealthCheck), deadline=None
            ),
        )
    except NoSuchExample:
        return None


def _value(outcome: Any) -> Decimal:
    return read_outcome(outcome).value


def check_criteria(criteria: Criteria, *, max_examples: int = 300) -> None:
    """Raise ``AssertionError`` unless *criteria* passes the standard properties.

    * every tier can be chosen (no unreachable or unsatisfiable tier);
    * every outcome gets a band, or is documented as ungraded (a value no
      tier covers on a non-monotone scale);
    * on a scale that runs one way, a better outcome never gets a worse band.

    Outcomes come from :func:`kpi.strategies.boundary_outcomes` and
    :func:`kpi.strategies.outcomes`.
    """
    problems: list[str] = []
    problems += [finding.message for finding in criteria.lint() if finding.kind == "unreachable"]

    samples = st.one_of(boundary_outcomes(criteria), outcomes(criteria))

    def ungraded_badly(outcome: Any) -> bool:
        try:
            grade = criteria.grade(outcome)
        except KpiError:
            return True
        return grade.band is None and grade.notes not in (("uncovered",), ("span",))

    bad = _find(samples, ungraded_badly, max_examples)
    if bad is not None:
        try:
            problems.append(f"{bad!r} gets no documented grade: {criteria.grade(bad).explain()}")
        except KpiError as error:
            problems.append(f"{bad!r} cannot be graded: {error}")

    if len(criteria.model.metrics) == 1 and criteria.scale.monotone:
        higher = criteria.scale is Direction.HIGHER_IS_BETTER

        def rewards_worse(pair: tuple[Any, Any]) -> bool:
            first, second = pair
            worse, better = sorted((first, second), key=_value, reverse=not higher)
            worse_band, better_band = criteria.grade(worse).band, criteria.grade(better).band
            return worse_band is not None and better_band is not None and worse_band > better_band

        pairs = st.tuples(samples, samples)
        found = _find(pairs, rewards_worse, max_examples)
        if found is not None:
            worse, better = sorted(found, key=_value, reverse=not higher)
            problems.append(
                "a worse outcome gets a better band: "
                f"{criteria.grade(worse).explain()}; but {criteria.grade(better).explain()}"
            )
    if problems:
        raise AssertionError("\n".join(problems))
