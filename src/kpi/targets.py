"""An indicator's targets (城镇登记失业率 ≤ 4%) and how completely actual figures meet them.

Most tier sets grade a completion rate (``95% | 85%-94% | …``): how far the
year's figures reached the indicator's targets.  A minimum is complete in
proportion, a ceiling is 100% complete when kept and target ÷ actual when
not, and several targets combine by their lowest rate unless the caller
asks for a mean.  This module owns that arithmetic; :mod:`kpi.indicators`
finds the targets in an indicator's prose.

Tiers such as ``两项指标中任意一项超额完成且高于1%`` speak of the targets
themselves: :class:`Quantified` is what such a tier says, and
:class:`TargetsCondition` the same bound to an indicator's targets.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final, Literal

import attrs

from kpi.errors import CriteriaError
from kpi.intervals import Interval
from kpi.numbers import CONTEXT, format_decimal
from kpi.rules import DirectionOf, Lookup, WholeTier, higher_is_better
from kpi.units import PERCENT, Quantity, Unit

__all__ = [
    "Aggregate",
    "Completion",
    "Operator",
    "Quantified",
    "Target",
    "TargetCompletion",
    "TargetOutcome",
    "TargetsCondition",
    "combine",
    "tidy",
]

Operator = Literal["≥", ">", "≤", "<", "="]
Aggregate = Literal["lowest", "mean", "weighted"]

_HUNDRED: Final = Decimal(100)
_ZERO: Final = Decimal(0)


def tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros: 96.00 reads as 96, 100 stays 100.

    >>> tidy(Decimal("96.00")), tidy(Decimal("100"))
    (Decimal('96'), Decimal('100'))
    """
    text = str(value)
    if "E" not in text and (text[-1] != "0" if "." in text else text != "-0"):
        return value  # tidy already: a whole number, or a fraction with no trailing zero
    return Decimal(format_decimal(value))


@attrs.frozen
class Target:
    """One target of an indicator: ``metric op value unit`` (城镇登记失业率 ≤ 4%)."""

    metric: str | None
    op: Operator
    value: Decimal
    unit: Unit | None = None

    def __str__(self) -> str:
        return f"{self.metric or ''}{self.requirement}"

    @functools.cached_property
    def requirement(self) -> str:
        """The target without its metric (≥30000人), as explanations quote it."""
        return f"{self.op}{Quantity(self.value, self.unit)}"

    @property
    def upper_limit(self) -> bool:
        """Whether the target is a ceiling (控制在4%以内): lower is better."""
        return self.op in ("≤", "<")

    def is_met(self, actual: Decimal) -> bool:
        op, value = self.op, self.value
        if op == "≥":
            return actual >= value
        if op == ">":
            return actual > value
        if op == "≤":
            return actual <= value
        if op == "<":
            return actual < value
        return actual == value

    def completion(self, actual: Decimal) -> Decimal:
        """How complete the target is, in percent.

        A minimum is complete in proportion (9.6万 of 10万 is 96%, and
        beating it goes past 100%); a ceiling is 100% complete when met and
        target ÷ actual when not (失业率 5% against ≤4% is 80%); an exact
        value is 100% when hit and the smaller over the larger otherwise.
        """
        if self.op in ("≥", ">"):
            if self.value == 0:
                return _HUNDRED if self.is_met(actual) else _ZERO
            return CONTEXT.multiply(CONTEXT.divide(actual, self.value), _HUNDRED)
        if self.is_met(actual):
            return _HUNDRED
        if self.op == "=":
            low, high = sorted((abs(actual), abs(self.value)))
            return _ZERO if high == 0 else CONTEXT.multiply(CONTEXT.divide(low, high), _HUNDRED)
        return _ZERO if actual <= 0 else CONTEXT.multiply(CONTEXT.divide(self.value, actual), _HUNDRED)

    def margin(self, actual: Decimal) -> Decimal:
        """By how much *actual* beats the target (negative: misses it).

        Percentage points for a percentage target; for other units, percent
        of the target, so that "高于1%" reads the same for 人 as for %.
        """
        gap = CONTEXT.subtract(actual, self.value) if not self.upper_limit else CONTEXT.subtract(self.value, actual)
        if self.op == "=":
            gap = -abs(CONTEXT.subtract(actual, self.value))
        if self.unit == PERCENT or (self.unit is None and self.value == 0):
            return gap
        if self.value == 0:
            return CONTEXT.multiply(gap, _HUNDRED)
        return CONTEXT.multiply(CONTEXT.divide(gap, abs(self.value)), _HUNDRED)


@attrs.frozen
class TargetCompletion:
    """One target against its actual figure (given in the target's unit)."""

    target: Target
    actual: Quantity
    rate: Decimal
    met: bool

    @classmethod
    def of(cls, target: Target, actual: Quantity) -> TargetCompletion:
        """How far *actual*, in the target's unit, reaches *target*."""
        value = actual.value
        return cls(target, actual, tidy(target.completion(value)), target.is_met(value))

    @functools.cached_property
    def margin(self) -> Decimal:
        """By how much the actual figure beats the target (see :meth:`Target.margin`)."""
        return tidy(self.target.margin(self.actual.value))


@attrs.frozen
class Completion:
    """How completely an indicator's targets were met: ``rate`` in percent."""

    rate: Decimal
    per_target: tuple[TargetCompletion, ...]
    aggregate: Aggregate = "lowest"

    @property
    def rates(self) -> dict[str | None, Decimal]:
        """Each target's rate, by metric."""
        return {item.target.metric: item.rate for item in self.per_target}

    @property
    def quantity(self) -> Quantity:
        return Quantity(self.rate, PERCENT)


def combine(
    per_target: tuple[TargetCompletion, ...],
    aggregate: Aggregate = "lowest",
    weights: Mapping[str, Decimal] | None = None,
) -> Completion:
    """The overall completion of several targets: the lowest rate, since every
    target must be met, or their mean, or their mean weighted by metric."""
    if not per_target:
        raise ValueError("no targets to combine")
    if aggregate == "lowest":
        rate = min(item.rate for item in per_target)
    elif aggregate == "mean":
        rate = tidy(CONTEXT.divide(sum((item.rate for item in per_target), _ZERO), len(per_target)))
    elif aggregate == "weighted":
        rate = tidy(_weighted(per_target, weights))
    else:
        raise ValueError(f"aggregate must be 'lowest', 'mean' or 'weighted', not {aggregate!r}")
    return Completion(rate, per_target, aggregate)


def _weighted(per_target: Sequence[TargetCompletion], weights: Mapping[str, Decimal] | None) -> Decimal:
    if not weights:
        raise ValueError("aggregate='weighted' needs weights={metric: weight}")
    total = weighted = _ZERO
    for item in per_target:
        weight = weights.get(item.target.metric or "")
        if weight is None:
            raise ValueError(f"no weight for target {item.target}")
        total = CONTEXT.add(total, weight)
        weighted = CONTEXT.add(weighted, CONTEXT.multiply(weight, item.rate))
    if total == 0:
        raise ValueError("the weights add up to zero")
    return CONTEXT.divide(weighted, total)


class TargetOutcome(enum.Enum):
    """What a multi-target tier says happened to the indicator's targets."""

    EXCEEDED = "超额完成"
    MET = "完成"
    MISSED = "未完成"


_COUNT_WORDS = "零一两三四五六七八九十"


def _count(number: int) -> str:
    return _COUNT_WORDS[number] if 0 <= number < len(_COUNT_WORDS) else str(number)


@attrs.frozen
class Quantified(WholeTier):
    """A tier about the indicator's own targets (两项指标中任意一项超额完成且高于1%).

    ``total`` is the number of targets the tier speaks of, ``at_least`` how
    many of them (``None`` for all, 均), ``margin`` by how much they were
    beaten or missed, in percentage points.  Grading needs the targets: see
    ``Criteria.parse(tiers, indicator=...)``.
    """

    total: int
    outcome: TargetOutcome
    at_least: int | None = None
    margin: Interval | None = None

    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        raise CriteriaError(
            f"“{self}” speaks of the indicator's targets; pass indicator= to Criteria.parse",
            zh=f"“{self}”说的是绩效指标的各项目标值；请向 Criteria.parse 传入 indicator=",
        )

    def __str__(self) -> str:
        which = "均" if self.at_least is None else f"中任意{_count(self.at_least)}项"
        text = f"{_count(self.total)}项指标{which}{self.outcome.value}"
        if self.margin is not None:
            lower, upper = self.margin.lower, self.margin.upper
            if lower is not None:
                word, bound = ("不低于" if lower.closed else "高于"), lower
            else:
                assert upper is not None
                word, bound = ("不超过" if upper.closed else "低于"), upper
            text += f"且{word}{Quantity(bound.value, PERCENT)}"
        return text


def _in(margin: Interval | None, value: Decimal) -> bool:
    return margin is None or value in margin


@attrs.frozen
class TargetsCondition(WholeTier):
    """A tier about targets bound to the targets it speaks of.

    Read as a careful evaluator reads it: a tier above 均完成 also needs
    every target met, and a failure tier with an upper margin
    (未完成且小于1%) is judged on the worst miss.
    """

    quantified: Quantified
    targets: tuple[Target, ...]

    @classmethod
    def bind(cls, quantified: Quantified, targets: Sequence[Target], text: str) -> TargetsCondition:
        """*quantified* bound to an indicator's *targets*; *text* (the tier as written) names it in errors."""
        if quantified.total != len(targets):
            listed = "、".join(str(target) for target in targets)
            raise CriteriaError(
                f"“{text.strip()}” speaks of {quantified.total} targets,"
                f" but the indicator states {len(targets)}: {listed or 'none'}",
                zh=f"“{text.strip()}”说的是 {quantified.total} 项目标值，"
                f"但绩效指标给出了 {len(targets)} 项：{listed or '无'}",
            )
        return cls(quantified, tuple(targets))

    def evaluate(self, lookup: Lookup) -> tuple[TargetCompletion, ...]:
        """Each target against the outcomes; every tier of a set speaks of the same targets,
        so a set evaluates them once and :meth:`judge`-s each tier on that."""
        return tuple(
            TargetCompletion.of(target, Quantity(lookup(target.metric, target.unit), target.unit))
            for target in self.targets
        )

    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        return self.judge(self.evaluate(lookup))

    def judge(self, items: Sequence[TargetCompletion]) -> bool:
        """Whether the tier holds for its targets' completions *items*."""
        rule = self.quantified
        needed = len(items) if rule.at_least is None else rule.at_least
        if rule.outcome is TargetOutcome.MET:
            chosen = [item for item in items if item.met and _in(rule.margin, item.margin)]
            return len(chosen) >= needed
        if rule.outcome is TargetOutcome.EXCEEDED:
            beaten = [item for item in items if item.met and item.margin > 0 and _in(rule.margin, item.margin)]
            return all(item.met for item in items) and len(beaten) >= needed
        missed = [item for item in items if not item.met]
        within = [item for item in missed if _in(rule.margin, -item.margin)]
        worst_ok = rule.margin is None or rule.margin.upper is None or len(within) == len(missed)
        return len(within) >= needed and worst_ok

    def metrics(self) -> Iterator[str | None]:
        return iter(target.metric for target in self.targets)

    def __str__(self) -> str:
        return str(self.quantified)
