"""Metrics taken as a share of a base quantity (增值额未超过扣除项目金额50%), read together.

A tier set may compare a metric with a share of its base (see :mod:`kpi.text.shares`).  Its
outcome is that share, in percent: kpi never has the base's amount, so a figure in another
unit, or in none, cannot be graded; taken as the metric itself it would earn a band by accident
(:meth:`kpi.outcomes.Outcomes.check_shares` refuses it).  And a metric the tiers compare both as
a share and as itself, or as shares of two bases, has no one figure to grade.
"""

from __future__ import annotations

from collections.abc import Iterable

from kpi.errors import CriteriaError
from kpi.rules import Comparison, Condition

__all__ = ["bases_of"]


def bases_of(conditions: Iterable[Condition]) -> dict[str | None, str]:
    """The base of each metric the *conditions* compare as a share; raises :class:`kpi.CriteriaError`
    for one compared also as itself, or as a share of another base."""
    seen: dict[str | None, str | None] = {}
    for condition in conditions:
        for leaf in condition.leaves():
            base = leaf.base if isinstance(leaf, Comparison) else None
            known = seen.setdefault(leaf.metric, base)
            if known != base:
                shares = "、".join(dict.fromkeys(b for b in (known, base) if b is not None))
                name = leaf.metric or "(unnamed)"
                raise CriteriaError(
                    f"the tiers compare {name} as a share of {shares} and otherwise: no one figure grades it",
                    zh=f"各档对{leaf.metric or '（未命名）'}既按占{shares}的比例比较，又另作比较：无法用一个数值评定",
                )
    return {metric: base for metric, base in seen.items() if base is not None}
