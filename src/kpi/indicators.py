"""Indicators (绩效指标) and their targets; completion rates against them.

An indicator text states what the year should achieve, in prose:
``城镇新增就业10万人，失业人员再就业3万人。`` or ``城镇登记失业率控制在4%以内``.
Most tier sets then grade a completion rate (``95% | 85%-94% | …``), and
some grade the targets directly (``两项指标中任意一项超额完成且高于1%``).
This module finds the targets in the prose, works out how far actual
figures meet them, and gives tiers about targets their meaning.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final, Literal

import attrs

from kpi._construct import maker
from kpi._text import normalise
from kpi.errors import CriteriaError, KpiSyntaxError, OutcomeError
from kpi.intervals import Interval, format_decimal, format_rounded
from kpi.outcomes import Outcomes, metric_key, read_outcome
from kpi.rules import (
    AllOf,
    BareValue,
    Comparison,
    Condition,
    DirectionOf,
    Lookup,
    Quantified,
    TargetOutcome,
    WholeTier,
    _higher,
    parse_rule,
)
from kpi.units import PERCENT, Quantity, Unit, convert

__all__ = [
    "Completion",
    "Indicator",
    "Target",
    "TargetCompletion",
    "TargetsCondition",
    "bind_targets",
    "describe_margin",
]

Operator = Literal["≥", ">", "≤", "<", "="]
Aggregate = Literal["lowest", "mean", "weighted"]

#: Longest indicator text kpi reads.
MAX_INDICATOR_LENGTH: Final = 5000
_HUNDRED: Final = Decimal(100)
# Item numbers in enumerations (1、… 2各项…), which are not values.
_NUMBERING: Final = re.compile(
    r"(?:^|(?<=[。；;，,]))\s*[0-9]{1,2}\s*(?:[、.)]|(?=[^\W0-9_])(?![万千亿百个人次件项天日元分小周年月名户家篇场台套所期份批条座例起宗本册吨亩米工课学]))"
)
_SEGMENT_SEPARATORS: Final = re.compile(r"[、,;。!?\n]+")
_DIGITS: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# How far past its digits a value may run: unit (个工作日), word (及以上), mark.
_VALUE_TAIL: Final = 9
# A leading word that joins a target to the sentence before it (且免费率…).
_LEADING_SKIP: Final = 3


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
        """The target without its metric (≥30000人), as explanations quote it on every row."""
        return f"{self.op}{Quantity(self.value, self.unit)}"

    @property
    def upper_limit(self) -> bool:
        """Whether the target is a ceiling (控制在4%以内): lower is better."""
        return self.op in ("≤", "<")

    def is_met(self, actual: Decimal) -> bool:
        op = self.op
        if op == "≥":
            return actual >= self.value
        if op == ">":
            return actual > self.value
        if op == "≤":
            return actual <= self.value
        if op == "<":
            return actual < self.value
        return actual == self.value

    def completion(self, actual: Decimal) -> Decimal:
        """How complete the target is, in percent.

        A minimum is complete in proportion (9.6万 of 10万 is 96%, and
        beating it goes past 100%); a ceiling is 100% complete when met and
        target ÷ actual when not (失业率 5% against ≤4% is 80%); an exact
        value is 100% when hit and the smaller over the larger otherwise.
        """
        if self.op in ("≥", ">"):
            if self.value == 0:
                return _HUNDRED if self.is_met(actual) else Decimal(0)
            return actual / self.value * _HUNDRED
        if self.is_met(actual):
            return _HUNDRED
        if self.op == "=":
            low, high = sorted((abs(actual), abs(self.value)))
            return Decimal(0) if high == 0 else low / high * _HUNDRED
        return Decimal(0) if actual <= 0 else self.value / actual * _HUNDRED

    def margin(self, actual: Decimal) -> Decimal:
        """By how much *actual* beats the target (negative: misses it).

        Percentage points for a percentage target; for other units, percent
        of the target, so that "高于1%" reads the same for 人 as for %.
        """
        gap = actual - self.value if not self.upper_limit else self.value - actual
        if self.op == "=":
            gap = -abs(actual - self.value)
        if self.unit == PERCENT or (self.unit is None and self.value == 0):
            return gap
        if self.value == 0:
            return gap * _HUNDRED
        return gap / abs(self.value) * _HUNDRED


def _targets_of(condition: Condition) -> list[Target]:
    """The targets a parsed fragment states; a bare value is a minimum to reach."""
    targets: list[Target] = []
    parts = condition.parts if isinstance(condition, AllOf) else (condition,)
    for part in parts:
        if isinstance(part, BareValue):
            targets.append(Target(part.metric, "≥", part.value, part.unit))
        elif isinstance(part, Comparison):
            lower, upper = part.interval.lower, part.interval.upper
            if lower is not None and upper is not None and lower.value == upper.value:
                targets.append(Target(part.metric, "=", lower.value, part.unit))
                continue
            if lower is not None:
                targets.append(Target(part.metric, "≥" if lower.closed else ">", lower.value, part.unit))
            if upper is not None:
                targets.append(Target(part.metric, "≤" if upper.closed else "<", upper.value, part.unit))
    return targets


def _is_year(target: Target) -> bool:
    """完成2016年…, 2017年公开招聘计划: a year is not a target."""
    return (
        (target.unit is None or target.unit.name == "年")
        and target.value == target.value.to_integral_value()
        and 1900 <= target.value <= 2100
    )


def _is_allowance(target: Target) -> bool:
    """给予…各5千元补助: an amount granted to each, not a target to reach."""
    return (target.metric or "").endswith("各")


def _segment_targets(segment: str) -> list[Target]:
    """The target a clause of an indicator states, if any.

    The clause is prose around a target (且免费率达到100%, 申报…达标率100%给予…);
    the target is the longest stretch around the first value that reads as
    a tier text.
    """
    for number in _DIGITS.finditer(segment):
        ends = [len(segment), *range(min(len(segment), number.end() + _VALUE_TAIL), number.end() - 1, -1)]
        for end in dict.fromkeys(ends):
            for start in range(min(_LEADING_SKIP, number.start()) + 1):
                try:
                    condition = parse_rule(segment[start:end]).condition
                except KpiSyntaxError:
                    continue
                targets = [
                    target for target in _targets_of(condition) if not _is_year(target) and not _is_allowance(target)
                ]
                if targets:
                    return targets
                break  # read, but only a year: try the next value
    return []


def _target_tuple(targets: Iterable[Target]) -> tuple[Target, ...]:
    return tuple(targets)


@attrs.frozen
class Indicator:
    """An indicator text (绩效指标) and the targets it states.

    An indicator with no number (``符合…审核要求``) is qualitative: it has no
    targets, and its tiers grade a completion rate the evaluator assesses.
    """

    targets: tuple[Target, ...] = attrs.field(converter=_target_tuple)
    text: str = attrs.field(default="", eq=False)

    @classmethod
    def parse(cls, text: str) -> Indicator:
        """Find the targets in an indicator text.

        >>> [str(t) for t in Indicator.parse("城镇新增就业10万人，失业人员再就业3万人。").targets]
        ['城镇新增就业≥100000人', '失业人员再就业≥30000人']
        >>> [str(t) for t in Indicator.parse("城镇登记失业率控制在4%以内").targets]
        ['城镇登记失业率≤4%']
        >>> Indicator.parse("符合“河北省落实就业扶持政策信息管理系统”审核要求。").targets
        ()
        """
        if not isinstance(text, str):
            raise TypeError(f"an indicator text must be a str, not {type(text).__name__}")
        if len(text) > MAX_INDICATOR_LENGTH:
            raise KpiSyntaxError(
                f"cannot read indicator: longer than {MAX_INDICATOR_LENGTH} characters", text[:60] + "…", 60
            )
        folded = _NUMBERING.sub("", normalise(text).text)
        targets: list[Target] = []
        previous_prose: str | None = None
        for segment in _SEGMENT_SEPARATORS.split(folded):
            segment = segment.strip()
            found = _segment_targets(segment) if segment else []
            if found and previous_prose and all(target.metric is None for target in found):
                # 建立我市事业单位面试评委库，不少于300人: the clause before names it.
                found = [attrs.evolve(target, metric=metric_key(previous_prose)) for target in found]
            targets.extend(found)
            previous_prose = None if found else segment or previous_prose
        return cls(tuple(targets), text)

    @functools.cached_property
    def metrics(self) -> tuple[str | None, ...]:
        return tuple(target.metric for target in self.targets)

    def completion(
        self,
        actuals: object,
        *,
        aggregate: Aggregate = "lowest",
        weights: Mapping[str, Decimal | int | str] | None = None,
    ) -> Completion:
        """How completely *actuals* meet the targets, overall and per target.

        *actuals* maps metric names to values (``{"城镇新增就业": "9.6万人"}``),
        or is a single value for an indicator with a single target.  The
        overall rate is the lowest target's, since every target must be met;
        ``aggregate="mean"`` or ``"weighted"`` (with *weights* per metric)
        average them instead.

        >>> indicator = Indicator.parse("城镇新增就业10万人，失业人员再就业3万人。")
        >>> indicator.completion({"城镇新增就业": "9.6万人", "失业人员再就业": 33000}).rate
        Decimal('96')
        """
        targets = self.targets
        if not targets:
            raise OutcomeError("this indicator states no target; grade an assessed completion rate instead")
        if type(actuals) is str and len(targets) == 1 and aggregate == "lowest":
            # One figure for one target, the commonest row of a results file.
            quantity = read_outcome(actuals)
            target = targets[0]
            if quantity.unit is not target.unit:
                quantity = Quantity(convert(quantity.value, quantity.unit, target.unit), target.unit)
            item = TargetCompletion.reached(target, quantity)
            return _make_completion(item.rate, (item,), aggregate)
        given = Outcomes.read(actuals, self.metrics).quantity
        per_target = tuple([TargetCompletion.reached(target, given(target.metric, target.unit)) for target in targets])
        if aggregate == "lowest":
            # The rates are tidy already, and so is the lowest of them.
            rate = per_target[0].rate if len(per_target) == 1 else min([item.rate for item in per_target])
        elif aggregate == "mean":
            rate = _tidy(sum([item.rate for item in per_target], Decimal(0)) / len(per_target))
        elif aggregate == "weighted":
            rate = _tidy(_weighted(per_target, weights))
        else:
            raise ValueError(f"aggregate must be 'lowest', 'mean' or 'weighted', not {aggregate!r}")
        return _make_completion(rate, per_target, aggregate)

    def __str__(self) -> str:
        return "、".join(str(target) for target in self.targets) or self.text


def _tidy(value: Decimal) -> Decimal:
    """The same number without trailing zeros: 96.00 reads as 96, 100 stays 100."""
    text = str(value)
    if "E" not in text and (text[-1] != "0" if "." in text else text != "-0"):
        return value  # tidy already: a whole number, or a fraction with no trailing zero
    return Decimal(format_decimal(value))


def _weighted(per_target: Sequence[TargetCompletion], weights: Mapping[str, Decimal | int | str] | None) -> Decimal:
    if not weights:
        raise ValueError("aggregate='weighted' needs weights={metric: weight}")
    keyed = {metric_key(name): Decimal(str(weight)) for name, weight in weights.items()}
    total = Decimal(0)
    weighted = Decimal(0)
    for item in per_target:
        weight = keyed.get(item.target.metric or "")
        if weight is None:
            raise ValueError(f"no weight for target {item.target}")
        if not weight.is_finite() or weight < 0:
            raise ValueError(f"weight {weight} for {item.target} is not a non-negative number")
        total += weight
        weighted += weight * item.rate
    if total == 0:
        raise ValueError("the weights add up to zero")
    return weighted / total


@attrs.frozen
class TargetCompletion:
    """One target against its actual figure."""

    target: Target
    actual: Quantity
    rate: Decimal
    met: bool

    @classmethod
    def of(cls, target: Target, actual: Decimal) -> TargetCompletion:
        return cls.reached(target, Quantity(actual, target.unit))

    @classmethod
    def reached(cls, target: Target, actual: Quantity) -> TargetCompletion:
        """:meth:`of` for an actual figure in the target's unit already, kept as it is."""
        value = actual.value
        return _make_target_completion(target, actual, _tidy(target.completion(value)), target.is_met(value))

    @functools.cached_property
    def margin(self) -> Decimal:
        """By how much the actual figure beats the target (see :meth:`Target.margin`).

        Computed when first asked: only tiers about targets and their explanations need it.
        """
        return _tidy(self.target.margin(self.actual.value))


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


# Made once per figure: see kpi._construct.
_make_target_completion: Final = maker(TargetCompletion)
_make_completion: Final = maker(Completion)


def _in(margin: Interval | None, value: Decimal) -> bool:
    return margin is None or value in margin


@attrs.frozen
class TargetsCondition(WholeTier):
    """A multi-target tier bound to the targets it speaks of.

    Read as a careful evaluator reads it: a tier above 均完成 also needs
    every target met, and a failure tier with an upper margin
    (未完成且小于1%) is judged on the worst miss.
    """

    quantified: Quantified
    targets: tuple[Target, ...] = attrs.field(converter=_target_tuple)

    def evaluate(self, lookup: Lookup) -> list[TargetCompletion]:
        return self.evaluate_given(lambda metric, unit: Quantity(lookup(metric, unit), unit))

    def evaluate_given(self, given: Callable[[str | None, Unit | None], Quantity]) -> list[TargetCompletion]:
        """:meth:`evaluate` with the figures as given (``Outcomes.quantity``), kept when in the targets' units."""
        return [TargetCompletion.reached(target, given(target.metric, target.unit)) for target in self.targets]

    def holds(self, lookup: Lookup, direction_of: DirectionOf = _higher) -> bool:
        return self.judge(self.evaluate(lookup))

    def judge(self, items: Sequence[TargetCompletion]) -> bool:
        """Whether the tier holds for its targets' completions, worked out once
        for all the tiers of a set (they speak of the same targets)."""
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


def bind_targets(condition: Condition, indicator: Indicator | None, text: str) -> Condition:
    """*condition* with any tier about targets bound to *indicator*'s targets."""
    if not isinstance(condition, Quantified):
        return condition
    text = text.strip()
    if indicator is None:
        raise CriteriaError(f"“{text}” speaks of the indicator's targets; pass indicator= to Criteria.parse")
    if condition.total != len(indicator.targets):
        stated = "、".join(str(target) for target in indicator.targets) or "none"
        raise CriteriaError(
            f"“{text}” speaks of {condition.total} targets, but the indicator states {len(indicator.targets)}: {stated}"
        )
    return TargetsCondition(condition, indicator.targets)


def describe_margin(item: TargetCompletion, lang: str) -> str:
    """How far one target was beaten or missed, in words."""
    unit = "个百分点" if lang == "zh" else " percentage points"
    if item.target.unit not in (PERCENT, None):
        unit = "%"
    amount = format_rounded(abs(item.margin))
    if item.margin == 0 and item.met:
        return "（恰好完成）" if lang == "zh" else " (exactly met)"
    if item.met:
        return f"（超额{amount}{unit}）" if lang == "zh" else f" (beaten by {amount}{unit})"
    return f"（差{amount}{unit}）" if lang == "zh" else f" (missed by {amount}{unit})"
