"""Bounds that neighbouring tiers share, and values that two tiers claim, as a careful reader sees them.

Authors write adjacent tiers with a shared end: ``85%以上 | 70%-85%``.  When one
of the two marks the shared value explicitly (（含）, ≥, or a word such as 以上
that includes it by 民法典 第1259条) and the other leaves it to the convention
that a range a-b is closed, the text settles it: the value belongs to the tier
that says so, and the other tier's unmarked copy excludes it.  In
``5%-10%（含） | 3%-5%（含）``, 5% belongs to the second tier.

When nothing in the text settles it (``18-20分 | 15-17分 | 12-14分 | 0-12分``
at 12), first match stays the rule, and the grade says so (note ``overlap``).
Nested thresholds (``≥95% | ≥90%``) claim values together by design: a tier
open towards the better end of the scale is not counted as an overlap.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from kpi.direction import Direction
from kpi.intervals import Bound, Interval
from kpi.rules import BareValue, Comparison, Condition

__all__ = ["settle_shared_bounds", "thresholds"]


def _explicit_closed(condition: Condition) -> set[tuple[str | None, Decimal]]:
    """The values *condition* includes by its own words, with their metric."""
    found: set[tuple[str | None, Decimal]] = set()
    for leaf in condition.leaves():
        if isinstance(leaf, Comparison):
            for bound in (leaf.interval.lower, leaf.interval.upper):
                if bound is not None and bound.closed and bound.explicit:
                    found.add((leaf.metric, bound.value))
    return found


def _open_at(
    leaf: Comparison | BareValue, settled: set[tuple[str | None, Decimal]], done: set[tuple[str | None, Decimal]]
) -> Comparison | BareValue:
    """*leaf* with an unmarked closed end at a value its neighbour marks made open."""
    if not isinstance(leaf, Comparison):
        return leaf
    lower, upper = leaf.interval.lower, leaf.interval.upper

    def settle(bound: Bound | None) -> Bound | None:
        if bound is None or not bound.closed or bound.explicit or (leaf.metric, bound.value) not in settled:
            return bound
        done.add((leaf.metric, bound.value))
        return Bound(bound.value, closed=False, explicit=False)

    new_lower, new_upper = settle(lower), settle(upper)
    if new_lower is lower and new_upper is upper:
        return leaf
    interval = Interval.between(new_lower, new_upper)
    return leaf if interval is None else attrs.evolve(leaf, interval=interval)


def settle_shared_bounds(
    resolved: Sequence[Condition],
) -> tuple[tuple[Condition, ...], frozenset[tuple[str | None, Decimal]]]:
    """The tiers with each unmarked end that a neighbour marks excluded, and the values so settled."""
    marked = [_explicit_closed(condition) for condition in resolved]
    settled_values: set[tuple[str | None, Decimal]] = set()
    result: list[Condition] = []
    for index, condition in enumerate(resolved):
        neighbours: set[tuple[str | None, Decimal]] = set()
        for other in (index - 1, index + 1):
            if 0 <= other < len(resolved):
                neighbours |= marked[other]
        done: set[tuple[str | None, Decimal]] = set()
        result.append(condition.map_leaves(functools.partial(_open_at, settled=neighbours, done=done)))
        settled_values |= done
    return tuple(result), frozenset(settled_values)


def thresholds(resolved: Sequence[Condition], directions: Mapping[str | None, Direction]) -> tuple[bool, ...]:
    """Per tier, whether it is a threshold: every comparison in it open towards its metric's
    better end (≥90% when higher is better; 3个以上…，80%以上… on two metrics)."""
    found = []
    for condition in resolved:
        leaves = list(condition.leaves())
        found.append(bool(leaves) and all(_towards_better(leaf, directions) for leaf in leaves))
    return tuple(found)


def _towards_better(leaf: Comparison | BareValue, directions: Mapping[str | None, Direction]) -> bool:
    if not isinstance(leaf, Comparison):
        return False
    direction = directions.get(leaf.metric)
    interval = leaf.interval
    return (direction is Direction.HIGHER_IS_BETTER and interval.upper is None) or (
        direction is Direction.LOWER_IS_BETTER and interval.lower is None
    )
