"""A tier whose bounds are written twice, in two units: ``<5.18mmol/L(200mg/dl)``.

Medical and environmental tables give each bound with its equivalent in another unit in
brackets.  The two are two scales of one metric, which need not agree to the last digit
(``5.18~6.18mmol/L(200~239mg/dl)`` then ``≥6.22mmol/L(240mg/dl)``: a gap on one scale, none on
the other), so neither is converted into the other: an outcome is graded on the scale of its
own unit (:mod:`kpi.grading.second_scale`).  Only units that measure something take part
(concentrations, masses, pressures, letter units such as mg/L): a bracket in points, people,
percent, money or time after a value is a note about the tier (``≥90%(10分)``, ``（200人）``).
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from kpi.direction import Direction
from kpi.errors import OutcomeError
from kpi.outcomes import OutcomeInput, read_outcome
from kpi.rules import Comparison, Condition, Rule, any_of
from kpi.units import Unit, unit_names

__all__ = [
    "EquivalentRule",
    "equivalent_problem",
    "measures",
    "same_scale",
    "scale_unit",
    "unit_of_outcome",
    "with_equivalent",
]

# Dimensions of units that a table may restate in another unit; letter units of their own
# (mg/L, kPa, °F) too, see :func:`measures`.
_MEASURES: Final = frozenset(
    {
        "length",
        "mass",
        "area",
        "volume",
        "temperature",
        "pressure",
        "blood sugar",
        "blood lipids",
        "air",
        "body mass index",
        "loudness",
    }
)


def measures(unit: Unit | None) -> bool:
    """Whether *unit* measures something a table may restate in another unit (not 分, 人, %, 元, 小时)."""
    if unit is None:
        return False
    return unit.dimension in _MEASURES or (unit.dimension == f"unit {unit.name}" and unit.name not in unit_names())


def scale_unit(condition: Condition) -> Unit | None:
    """The one unit every value of *condition* is written in, or ``None`` when there is not one."""
    found = {leaf.unit for leaf in condition.leaves()}
    return found.pop() if len(found) == 1 else None


def unit_of_outcome(outcome: object) -> Unit | None:
    """The unit an outcome is written in; ``None`` for a bare number."""
    return read_outcome(outcome).unit


def _shape(condition: Condition) -> list[tuple[str | None, bool, bool]]:
    return [
        (leaf.metric, leaf.interval.lower is None, leaf.interval.upper is None)
        for leaf in condition.leaves()
        if isinstance(leaf, Comparison)
    ] + [(leaf.metric, False, False) for leaf in condition.leaves() if not isinstance(leaf, Comparison)]


def same_scale(main: Condition, equivalent: Condition) -> bool:
    """Whether the bracket writes its values in a unit of the main scale's dimension (≤0.5mg/L(标准值1.0mg/L)):
    no second scale but a note, read as it was before brackets restated bounds."""
    first, second = scale_unit(main), scale_unit(equivalent)
    return first is not None and second is not None and first.dimension == second.dimension


def equivalent_problem(main: Condition, equivalent: Condition) -> tuple[str, str] | None:
    """Why *equivalent* is no restatement of *main* in another unit (English, Chinese), or ``None``."""
    first, second = scale_unit(main), scale_unit(equivalent)
    if (
        not measures(first)
        or not measures(second)
        or first is None
        or second is None
        or first.dimension == second.dimension
    ):
        return (
            "the value in brackets is not the same bound in one other unit",
            "括号内的数值不是同一界限换算为另一单位",
        )
    if _shape(main) != _shape(equivalent) or type(main) is not type(equivalent):
        return (
            "the value in brackets bounds another side than the value before it",
            "括号内的数值与其前的数值所限的方向不同",
        )
    return None


@attrs.frozen(repr=False)
class EquivalentRule(Rule):
    """A rule with its bounds restated in another unit (``equivalent``), a second scale of its metric.

    ``str()`` writes the restatement in brackets after the condition, ``<5.18mmol/L(<200mg/dL)``,
    which reads back to an equal rule; it takes part in equality."""

    equivalent: Condition = attrs.field(kw_only=True)

    def matches(self, outcome: OutcomeInput, *, direction: Direction = Direction.HIGHER_IS_BETTER) -> bool:
        """Whether *outcome* satisfies the rule on the scale of its unit; a bare number is refused."""
        unit = unit_of_outcome(outcome)
        own, other = scale_unit(self.condition), scale_unit(self.equivalent)
        if unit is None:
            raise OutcomeError(
                f"the tier gives its bounds in {own} and in {other}: give the outcome's unit",
                zh=f"该档的界限同时以“{own}”和“{other}”写出：请写明实际值的单位",
            )
        if other is not None and unit.dimension == other.dimension:
            return Rule(self.equivalent).matches(outcome, direction=direction)
        return Rule(self.condition).matches(outcome, direction=direction)

    def __str__(self) -> str:
        return f"{self.condition}({self.equivalent})"

    def __repr__(self) -> str:
        return f"<Rule({str(self)!r})>"


def join_equivalents(first: Rule, second: Rule, joined: Rule) -> Rule:
    """*joined*, two neighbouring tiers of one band joined by 或 (kpi.grading.bands), with their restated
    bounds joined too; a plain rule when only one of them restates its bounds, so that no outcome in the
    bracket's unit is graded on half a band."""
    if isinstance(joined, EquivalentRule) and isinstance(first, EquivalentRule) and isinstance(second, EquivalentRule):
        return attrs.evolve(joined, equivalent=any_of([first.equivalent, second.equivalent]))
    if isinstance(joined, EquivalentRule):
        fields: dict[str, Any] = attrs.asdict(joined, recurse=False)
        del fields["equivalent"]
        return Rule(**fields)
    return joined


def with_equivalent(rule: Rule, equivalent: Condition | None) -> Rule:
    """*rule*, with its bounds restated in another unit when *equivalent* is given."""
    if equivalent is None:
        return rule
    fields: dict[str, Any] = attrs.asdict(rule, recurse=False)
    return EquivalentRule(**fields, equivalent=equivalent)
