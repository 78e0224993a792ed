"""Which way a scale runs: higher is better, lower is better, or neither.

A bare value such as ``95%`` means "at least 95%" on a higher-is-better
scale and "at most" on a lower-is-better one, and a value between two tiers
falls to the worse neighbour, so grading needs the direction of every
metric.  Tier texts rarely state it; it is read off the order of the tiers.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence

from kpi.intervals import Bound, Interval, lower_key, upper_key

__all__ = ["Direction", "infer_direction"]


class Direction(enum.Enum):
    """The direction of a metric's scale."""

    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"
    NON_MONOTONE = "non-monotone"

    @property
    def monotone(self) -> bool:
        return self is not Direction.NON_MONOTONE


def _sign(better: Interval, worse: Interval) -> int:
    """+1 if *better* lies above *worse*, -1 if below, 0 if undecided."""
    votes = _compare_lower(better.lower, worse.lower) + _compare_upper(better.upper, worse.upper)
    return (votes > 0) - (votes < 0)


def _compare_lower(a: Bound | None, b: Bound | None) -> int:
    key_a, key_b = lower_key(a), lower_key(b)
    return (key_a > key_b) - (key_a < key_b)


def _compare_upper(a: Bound | None, b: Bound | None) -> int:
    key_a, key_b = upper_key(a), upper_key(b)
    return (key_a > key_b) - (key_a < key_b)


def infer_direction(regions: Sequence[Interval | None]) -> Direction | None:
    """The direction implied by tiers' regions on one metric, best tier first.

    A bare value counts as the point it names; ``None`` stands for a tier
    that says nothing about this metric.  Consecutive tiers vote by
    comparing their lower and upper ends; ``None`` comes back when no pair
    decides (a single tier, or only ties).

    >>> from decimal import Decimal as D
    >>> up = [Interval(Bound(D(95)), None), Interval(Bound(D(85)), Bound(D(94))), Interval(None, Bound(D(69)))]
    >>> infer_direction(up)
    <Direction.HIGHER_IS_BETTER: 'higher'>
    >>> infer_direction(list(reversed(up)))
    <Direction.LOWER_IS_BETTER: 'lower'>
    """
    present = [region for region in regions if region is not None]
    signs = {_sign(better, worse) for better, worse in itertools.pairwise(present)} - {0}
    if signs == {1}:
        return Direction.HIGHER_IS_BETTER
    if signs == {-1}:
        return Direction.LOWER_IS_BETTER
    if signs:
        return Direction.NON_MONOTONE
    return None
