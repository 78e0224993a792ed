"""What the conditions of a tier set span, worked out once when its model is built.

The values a tier writes (where a decision can change), the span of a metric in a
tier (to read the scale's direction), a tier stretched towards the better end (to
place an outcome between tiers), whether a tier needs a metric's outcome, and the
one unit of each metric.  They are plain functions of the conditions, apart from
the model that uses them (:mod:`kpi.grading.model`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from kpi.direction import Direction
from kpi.errors import CriteriaError
from kpi.intervals import Interval
from kpi.rules import AllOf, AnyOf, BareValue, Comparison, Condition, Otherwise
from kpi.span_thresholds import SpanThreshold
from kpi.targets import TargetsCondition
from kpi.units import Unit

__all__ = ["bounds_of", "empty_alternatives", "needs", "reach_of", "region_for_direction", "units_of"]


def bounds_of(condition: Condition) -> Iterator[tuple[str | None, Decimal]]:
    """Every value *condition* writes, with its metric: where a decision can change.

    A tier about targets contributes the targets' values.
    """
    if isinstance(condition, TargetsCondition):
        for target in condition.targets:
            yield target.metric, target.value
        return
    for leaf in condition.leaves():
        if isinstance(leaf, Comparison):
            for bound in (leaf.interval.lower, leaf.interval.upper):
                if bound is not None:
                    yield leaf.metric, bound.value
            if isinstance(leaf, SpanThreshold):  # where the local standard starts to decide
                yield leaf.metric, leaf.start
        else:
            yield leaf.metric, leaf.value


def region_for_direction(condition: Condition, metric: str | None) -> Interval | None:
    """The span of *condition* on *metric*, a bare value counting as its point."""
    spans = [
        leaf.interval if isinstance(leaf, Comparison) else Interval.point(leaf.value)
        for leaf in condition.leaves()
        if leaf.metric == metric
    ]
    return functools.reduce(Interval.hull, spans) if spans else None


def reach_of(leaf: Comparison | BareValue, direction: Direction) -> Condition:
    """Outcomes at least as good as some value of *leaf*: its region stretched
    towards the better end.  On a non-monotone scale nothing stretches."""
    comparison = leaf.comparison(direction)
    interval = comparison.interval
    if direction is Direction.HIGHER_IS_BETTER:
        interval = Interval(interval.lower, None)
    elif direction is Direction.LOWER_IS_BETTER:
        interval = Interval(None, interval.upper)
    if interval.lower is None and interval.upper is None:
        return Otherwise()
    return attrs.evolve(comparison, interval=interval)  # a share keeps its base


def needs(condition: Condition, metric: str | None) -> bool:
    """Whether *condition* cannot be decided without an outcome for *metric*: a leaf on it,
    a part of 且 that needs it, or every alternative of 或."""
    if isinstance(condition, AllOf):
        return any(needs(part, metric) for part in condition.parts)
    if isinstance(condition, AnyOf):
        return all(needs(part, metric) for part in condition.parts)
    return metric in condition.metrics()


def units_of(conditions: Sequence[Condition], metrics: tuple[str | None, ...]) -> dict[str | None, Unit | None]:
    """The unit of each metric: the one its tiers write; units of two dimensions are an error."""
    units: dict[str | None, Unit | None] = dict.fromkeys(metrics)
    for condition in conditions:
        for leaf in condition.leaves():
            known = units.get(leaf.metric)
            if leaf.unit is None:
                continue
            if known is None:
                units[leaf.metric] = leaf.unit
            elif known.dimension != leaf.unit.dimension:
                where = f" of {leaf.metric}" if leaf.metric else ""
                raise CriteriaError(
                    f"the tiers give values{where} in {known} and in {leaf.unit}, which do not compare",
                    zh=f"各档{'中' + leaf.metric if leaf.metric else ''}的数值单位“{known}”与“{leaf.unit}”无法比较",
                )
    return units


def empty_alternatives(condition: Condition) -> list[Condition]:
    """The alternatives (或) of a tier that can hold that no outcome can meet: 潜在经济损失500万元以上、
    5000元以下 (a typo for 5000万元) beside 搬迁转移人数在100人以上、500人以下.  The tier is graded on
    its other alternatives, which a careful reader wants to know, and so does every grade below it."""
    if not isinstance(condition, AnyOf | AllOf):
        return []
    if isinstance(condition, AnyOf):
        empty = [part for part in condition.parts if not part.satisfiable]
        if empty:
            return empty
    return [found for part in condition.parts for found in empty_alternatives(part)]
