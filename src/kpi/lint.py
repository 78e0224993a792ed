"""Checks on a tier set itself: gaps, overlaps, unreachable tiers, direction, slips.

Real tier sets are typed by hand and copied row to row; the seed document
has a run of rows whose worst tier reads ``61%以下``, ``62%以下``, …
``73%以下`` under ``60%-70%``, an autofill slip.  Grading stays well defined
(first match wins), but an evaluator must hear about such a row before its
grades go into a report.  All checks work on the union of the tiers'
intervals, not pair by pair, and respect the precision in which outcomes are
reported: with whole percents, ``95% | 85%-94%`` leaves no gap.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Final, Literal

import attrs

from kpi.direction import Direction
from kpi.intervals import Interval, IntervalSet
from kpi.rules import BareValue
from kpi.units import Quantity, Unit

if TYPE_CHECKING:
    from kpi.criteria import Criteria

__all__ = ["KINDS", "Finding", "lint"]

Kind = Literal["gap", "overlap", "unreachable", "direction", "suspicious"]
Severity = Literal["error", "warning", "info"]

#: The kinds of finding, and what each means.
KINDS: Final = {
    "gap": "values that no tier covers",
    "overlap": "values that two tiers cover; the better tier wins",
    "unreachable": "a tier that can never hold or never be chosen",
    "direction": "a scale whose direction is unclear or contradicts its declaration",
    "suspicious": "a tier that is probably a slip, such as a worst tier reaching into better ones",
}


@attrs.frozen
class Finding:
    """One problem of a tier set, in Chinese (``message``) and English (``message_en``)."""

    kind: Kind
    severity: Severity
    message: str
    message_en: str
    tiers: tuple[int, ...] = ()
    region: IntervalSet | None = None

    def __str__(self) -> str:
        return f"{self.severity}: {self.kind}: {self.message}"


def _value(value: Decimal, unit: Unit | None) -> str:
    return str(Quantity(value, unit))


def _span(region: IntervalSet | Interval, unit: Unit | None) -> str:
    """An interval set in the criteria's unit: 95%, [60%, 61%], (94%, 95%)."""
    pieces = region.intervals if isinstance(region, IntervalSet) else (region,)
    texts = []
    for interval in pieces:
        if interval.is_point:
            assert interval.lower is not None
            texts.append(_value(interval.lower.value, unit))
            continue
        left = (
            "(-∞"
            if interval.lower is None
            else ("[" if interval.lower.closed else "(") + _value(interval.lower.value, unit)
        )
        right = (
            "+∞)"
            if interval.upper is None
            else _value(interval.upper.value, unit) + ("]" if interval.upper.closed else ")")
        )
        texts.append(f"{left}, {right}")
    return " ∪ ".join(texts) or "∅"


def _only_points(region: IntervalSet) -> bool:
    return all(interval.is_point for interval in region)


def _sample(interval: Interval, step: Decimal | None) -> Decimal:
    """A value inside a bounded *interval*, on the reporting step when there is one."""
    assert interval.lower is not None and interval.upper is not None
    if step is not None:
        value = (interval.lower.value / step).to_integral_value(rounding="ROUND_CEILING") * step
        while value not in interval:
            value += step
        return value
    with localcontext() as context:
        context.prec = 1100  # exact for any value a tier text (500 characters at most) can write
        return (interval.lower.value + interval.upper.value) / 2


def lint(criteria: Criteria) -> list[Finding]:
    """Every finding about *criteria*, most serious kinds first within each tier."""
    model = criteria._model
    labels = criteria.labels
    texts = [rule.text.strip() for rule in criteria.tiers]

    def tier(index: int) -> str:
        return f"{labels[index]}档“{texts[index]}”"

    def tier_en(index: int) -> str:
        return f"{labels[index]} “{texts[index]}”"

    findings: list[Finding] = []
    for index, condition in enumerate(model.resolved):
        if not condition.satisfiable:
            findings.append(
                Finding(
                    "unreachable",
                    "error",
                    f"{tier(index)}的条件互相矛盾，任何结果都不可能满足",
                    f"{tier_en(index)} can never hold: its conditions contradict each other",
                    (index,),
                )
            )
    if model.quantified:
        return findings  # tiers about targets have no intervals to compare
    findings.extend(_direction_findings(criteria))
    if len(model.metrics) != 1:
        return findings

    metric = model.metrics[0]
    unit = model.units[metric]
    direction = model.directions[metric]
    step = criteria.precision
    regions = [condition.region(metric) if condition.satisfiable else IntervalSet() for condition in model.resolved]
    last = len(regions) - 1
    covered = IntervalSet()
    for index, region in enumerate(regions):
        if not region:
            continue
        effective = region.difference(covered)
        if not effective.has_multiple_of(step):
            findings.append(
                Finding(
                    "unreachable",
                    "error",
                    f"{tier(index)}永远不会被采用：它覆盖的结果都已归入更好的档次",
                    f"{tier_en(index)} can never be chosen: better tiers already take every value it covers",
                    (index,),
                    region,
                )
            )
        else:
            open_ended = _open_towards_better(region, direction)
            findings.extend(_overlaps(index, region, regions, step, unit, tier, tier_en, labels, open_ended))
            shared = region.intersection(covered)
            if not open_ended and direction.monotone and shared.has_multiple_of(step) and not _only_points(shared):
                worst = f"最差档“{texts[index]}”" if index == last else tier(index)
                worst_en = f"the worst tier “{texts[index]}”" if index == last else tier_en(index)
                findings.append(
                    Finding(
                        "suspicious",
                        "warning",
                        f"{worst}侵入了更好的档次：{_span(shared, unit)} 已由更好的档次评定，"
                        f"该档实际只适用于 {_span(effective, unit)}，疑为笔误",
                        f"{worst_en} swallows better tiers: {_span(shared, unit)} is graded by "
                        f"them first, so it only applies to {_span(effective, unit)}; probably a slip",
                        (index,),
                        shared,
                    )
                )
        covered = covered.union(region)

    for piece in covered.complement():
        bounded = piece.lower is not None and piece.upper is not None
        if (model.monotone and not bounded) or not piece.has_multiple_of(step):
            continue
        if model.monotone:
            # Decided directly, not through grade(): a tier set may write values
            # larger than any outcome kpi accepts.
            sample = _sample(piece, step)
            band_index, _, _ = criteria._decide(lambda _metric, _unit, sample=sample: sample)
            label = "" if band_index is None else labels[band_index]
            zh = f"没有任何档次覆盖 {_span(piece, unit)}：这样的结果按较低一档评为{label}"
            en = f"no tier covers {_span(piece, unit)}: such outcomes get the lower neighbour, {label}"
        else:
            zh = f"没有任何档次覆盖 {_span(piece, unit)}：这样的结果无法定档"
            en = f"no tier covers {_span(piece, unit)}: such outcomes get no band"
        findings.append(Finding("gap", "warning", zh, en, (), IntervalSet((piece,))))
    return findings


def _overlaps(
    index: int,
    region: IntervalSet,
    regions: list[IntervalSet],
    step: Decimal | None,
    unit: Unit | None,
    tier: Callable[[int], str],
    tier_en: Callable[[int], str],
    labels: tuple[str, ...],
    open_ended: bool,
) -> list[Finding]:
    """Where tier *index* shares values with each better tier, and who wins them.

    Sharing one boundary value (``85%以上 | 70%-85%``) is the usual way of
    writing adjacent tiers, and nested thresholds (``≥95% | ≥90%``) are
    meant to overlap: both are reported as information only.
    """
    findings = []
    before = IntervalSet()
    for better, other in enumerate(regions[:index]):
        won = region.intersection(other.difference(before))
        before = before.union(other)
        if not won or not won.has_multiple_of(step):
            continue
        severity: Severity = "info" if open_ended or _only_points(won) else "warning"
        findings.append(
            Finding(
                "overlap",
                severity,
                f"{tier(index)}与{tier(better)}重叠于 {_span(won, unit)}，按先匹配原则评为{labels[better]}",
                f"{tier_en(index)} and {tier_en(better)} share {_span(won, unit)}; {labels[better]} wins (first match)",
                (better, index),
                won,
            )
        )
    return findings


def _open_towards_better(region: IntervalSet, direction: Direction) -> bool:
    """Whether a tier is a threshold, running on to the better end of the scale."""
    if direction is Direction.HIGHER_IS_BETTER:
        return region.intervals[-1].upper is None
    if direction is Direction.LOWER_IS_BETTER:
        return region.intervals[0].lower is None
    return False


def _direction_findings(criteria: Criteria) -> list[Finding]:
    model = criteria._model
    findings = []
    for metric in model.metrics:
        inferred = model.inferred[metric]
        declared = criteria.direction
        bare = any(
            isinstance(leaf, BareValue) and leaf.metric in (metric, None)
            for rule in criteria.tiers
            for leaf in rule.condition.leaves()
        )
        name = f"{metric}的" if metric else ""
        name_en = f"{metric}: " if metric else ""
        if declared is not None and inferred is not None and declared is not inferred:
            findings.append(
                Finding(
                    "direction",
                    "warning",
                    f"{name}方向声明为{_DIRECTION_ZH[declared]}，但各档次的顺序表明{_DIRECTION_ZH[inferred]}",
                    f"{name_en}declared {declared.value} is better, but the tiers read {inferred.value}",
                )
            )
        elif declared is None and inferred is Direction.NON_MONOTONE:
            if bare:
                findings.append(
                    Finding(
                        "direction",
                        "warning",
                        f"{name}档次不按数值单调排列，单独的数值只能按“等于”理解",
                        f"{name_en}the tiers are not ordered by value, so a bare value can only mean that exact value",
                    )
                )
            else:
                findings.append(
                    Finding(
                        "direction",
                        "info",
                        f"{name}档次不按数值单调排列：不在任何档次内的结果无法定档",
                        f"{name_en}the tiers are not ordered by value: outcomes outside every tier get no band",
                    )
                )
        elif declared is None and inferred is None and bare:
            findings.append(
                Finding(
                    "direction",
                    "info",
                    f"{name}无法从档次判断方向，单独的数值按“不低于”理解",
                    f"{name_en}the direction cannot be read from the tiers; bare values are read as minimums",
                )
            )
    return findings


_DIRECTION_ZH: Final = {
    Direction.HIGHER_IS_BETTER: "越高越好",
    Direction.LOWER_IS_BETTER: "越低越好",
    Direction.NON_MONOTONE: "非单调",
}
