"""Grading on a tier set's second scale: the bounds its tiers restate in another unit in brackets.

``<5.18mmol/L(200mg/dl) | 5.18~6.18mmol/L(200~239mg/dl) | ≥6.22mmol/L(240mg/dl)`` grades 239mg/dl on
the bracketed bounds and 6.2mmol/L on the bounds as written (a gap there, 6.18 to 6.22, that the
mg/dl scale does not have: each outcome is graded on its own unit's scale, never converted).  A bare
number could be on either scale, and is refused; so is an outcome in the bracket's unit when not
every tier restates its bounds in it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from kpi.equivalents import EquivalentRule, scale_unit, unit_of_outcome
from kpi.errors import OutcomeError
from kpi.rules import Rule, WholeTier
from kpi.targets import Completion
from kpi.units import Unit

if TYPE_CHECKING:
    from kpi.grading.criteria import Criteria

__all__ = ["has_second_scale", "scale_for", "second_scale"]


def has_second_scale(criteria: Criteria) -> bool:
    """Whether a tier of *criteria* restates its bounds in another unit."""
    return any(isinstance(rule, EquivalentRule) for rule in criteria.tiers)


def _units(criteria: Criteria) -> tuple[Unit | None, Unit | None]:
    restated = [rule for rule in criteria.tiers if isinstance(rule, EquivalentRule)]
    return scale_unit(restated[0].condition), scale_unit(restated[0].equivalent)


@functools.lru_cache(maxsize=256)
def second_scale(criteria: Criteria) -> Criteria | None:
    """The tiers in the unit of their brackets, or ``None`` when some tier gives no bound in it."""
    tiers: list[Rule] = []
    for rule in criteria.tiers:
        if isinstance(rule, EquivalentRule):
            tiers.append(Rule(rule.equivalent, rule.text, label=rule.label, set_aside=rule.set_aside, met=rule.met))
        elif isinstance(rule.condition, WholeTier):
            tiers.append(rule)  # 其余: the rest, on either scale
        else:
            return None
    return type(criteria)(tiers, criteria.labels, None, direction=criteria.direction, aliases=criteria.aliases)


def scale_for(criteria: Criteria, outcome: object) -> Criteria | None:
    """The criteria *outcome* is graded on when *criteria* has a second scale and it is that
    scale's (``None``: the criteria's own); raises :class:`kpi.OutcomeError` for a bare number,
    which either scale could claim."""
    if not has_second_scale(criteria) or isinstance(outcome, Completion):
        return None
    values = list(outcome.values()) if isinstance(outcome, Mapping) else [outcome]
    own, other = _units(criteria)
    units = {unit_of_outcome(value) for value in values}
    if None in units:
        raise OutcomeError(
            f"the tiers give their bounds in {own} and, in brackets, in {other}: give the outcome's unit",
            zh=f"各档的界限以“{own}”写出，括号内又以“{other}”写出：请写明实际值的单位",
        )
    if other is None or not any(unit is not None and unit.dimension == other.dimension for unit in units):
        return None
    second = second_scale(criteria)
    if second is None or len(units) > 1:
        raise OutcomeError(
            f"not every tier gives its bounds in {other}: an outcome in {other} cannot be graded",
            zh=f"并非每一档都以“{other}”写出界限：以“{other}”计的实际值无法评定",
        )
    return second
