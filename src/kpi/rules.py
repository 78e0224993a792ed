"""Rule objects: what one tier text says, as immutable values.

A tier text becomes a tree of conditions: a :class:`Comparison` (a metric's value lies in an
interval), a :class:`BareValue` (a bare value, whose meaning depends on the direction of the
scale), :class:`AllOf` (且, the comma), :class:`AnyOf` (或) and :class:`Otherwise` (其余).
Spelling variants are normalised when the tree is built, so ``低于70%``, ``＜70%`` and ``<70%``
are one rule, and ``str()`` gives the canonical text that parses back to an equal rule.
:class:`Rule` wraps a condition with the text it came from.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Protocol

import attrs

from kpi.direction import Direction
from kpi.errors import CriteriaError, MissingOutcome
from kpi.intervals import Bound, Interval, IntervalSet
from kpi.outcomes import OutcomeInput, Outcomes
from kpi.text.spelling import comparison_text, named, value_text
from kpi.units import Unit, convert

__all__ = [
    "AllOf",
    "AnyOf",
    "BareValue",
    "Comparison",
    "Condition",
    "DirectionOf",
    "Lookup",
    "Otherwise",
    "Rule",
    "WholeTier",
    "all_of",
    "any_of",
    "higher_is_better",
]


class Lookup(Protocol):
    """Gives a metric's outcome expressed in *unit* (the rule's own unit)."""

    def __call__(self, metric: str | None, unit: Unit | None, /) -> Decimal: ...


DirectionOf = Callable[[str | None], Direction]


def higher_is_better(_: str | None) -> Direction:
    """The direction a condition reads a bare value in when no other is known."""
    return Direction.HIGHER_IS_BETTER


class Condition(abc.ABC):
    """A condition on outcomes; subclasses are frozen attrs classes."""

    __slots__ = ()

    @abc.abstractmethod
    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        """Whether the outcomes *lookup* gives satisfy this condition."""

    @abc.abstractmethod
    def metrics(self) -> Iterator[str | None]:
        """The metrics this condition reads, in order of appearance."""

    @abc.abstractmethod
    def map_leaves(self, function: Callable[[Comparison | BareValue], Condition]) -> Condition:
        """This condition with *function* applied to every comparison and target."""

    def leaves(self) -> Iterator[Comparison | BareValue]:
        """Every comparison and target in this condition."""
        found: list[Comparison | BareValue] = []

        def collect(leaf: Comparison | BareValue) -> Condition:
            found.append(leaf)
            return leaf

        self.map_leaves(collect)
        return iter(found)

    def resolved(self, direction_of: DirectionOf = higher_is_better) -> Condition:
        """The same condition with every bare value turned into a comparison."""
        return self.map_leaves(lambda leaf: leaf.comparison(direction_of(leaf.metric)))

    @abc.abstractmethod
    def region(self, metric: str | None) -> IntervalSet:
        """Values of *metric* that satisfy this condition (bare values resolved first)."""

    @property
    def satisfiable(self) -> bool:
        return True


def _check_bounded(instance: Comparison, attribute: attrs.Attribute[Interval], value: Interval) -> None:
    if value.lower is None and value.upper is None:
        raise ValueError("a comparison needs at least one bound")


@attrs.frozen
class Comparison(Condition):
    """The metric's value lies in *interval* (values in *unit*); with a *base*, the metric's value
    as a share of that quantity (增值额未超过扣除项目金额50%: 增值额 ÷ 扣除项目金额 ≤ 50%; see
    :mod:`kpi.text.shares`), which the outcome gives as such, in percent."""

    interval: Interval = attrs.field(validator=_check_bounded)
    unit: Unit | None = None
    metric: str | None = None
    base: str | None = attrs.field(default=None, kw_only=True)

    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        return lookup(self.metric, self.unit) in self.interval

    def metrics(self) -> Iterator[str | None]:
        yield self.metric

    def map_leaves(self, function: Callable[[Comparison | BareValue], Condition]) -> Condition:
        return function(self)

    def comparison(self, direction: Direction) -> Comparison:
        return self

    def in_unit(self, unit: Unit | None) -> Comparison:
        """The same comparison with its bounds in *unit*, of the same dimension (1年 is 12个月)."""
        if unit is None or self.unit is None or self.unit == unit:
            return self
        source = self.unit

        def moved(bound: Bound | None) -> Bound | None:
            return None if bound is None else Bound(convert(bound.value, source, unit), bound.closed, bound.explicit)

        return attrs.evolve(self, interval=Interval(moved(self.interval.lower), moved(self.interval.upper)), unit=unit)

    def region(self, metric: str | None) -> IntervalSet:
        return IntervalSet((self.interval,)) if metric == self.metric else IntervalSet.of([Interval()])

    def __str__(self) -> str:
        return comparison_text(self.interval, self.unit, self.metric, self.base)


@attrs.frozen
class BareValue(Condition):
    """A bare value (``95%``): at least it on a higher-is-better scale, at most
    it on a lower-is-better one, exactly it on a scale that is neither."""

    value: Decimal
    unit: Unit | None = None
    metric: str | None = None

    def comparison(self, direction: Direction) -> Comparison:
        bound = Bound(self.value, explicit=False)  # a bare value includes itself by convention, not by a mark
        interval = {
            Direction.HIGHER_IS_BETTER: Interval(bound, None),
            Direction.LOWER_IS_BETTER: Interval(None, bound),
            Direction.NON_MONOTONE: Interval(bound, bound),
        }[direction]
        return Comparison(interval, self.unit, self.metric)

    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        return self.comparison(direction_of(self.metric)).holds(lookup)

    def in_unit(self, unit: Unit | None) -> BareValue:
        """The same value in *unit*, of the same dimension."""
        if unit is None or self.unit is None or self.unit == unit:
            return self
        return BareValue(convert(self.value, self.unit, unit), unit, self.metric)

    def metrics(self) -> Iterator[str | None]:
        yield self.metric

    def map_leaves(self, function: Callable[[Comparison | BareValue], Condition]) -> Condition:
        return function(self)

    def region(self, metric: str | None) -> IntervalSet:
        return self.comparison(Direction.HIGHER_IS_BETTER).region(metric)

    def __str__(self) -> str:
        return named(self.metric, value_text(self.value, self.unit))


def _parts(value: tuple[Condition, ...]) -> tuple[Condition, ...]:
    return tuple(value)


@attrs.frozen
class AllOf(Condition):
    """Every part holds (且, 并且, the comma, 、)."""

    parts: tuple[Condition, ...] = attrs.field(converter=_parts)

    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        return all(part.holds(lookup, direction_of) for part in self.parts)

    def metrics(self) -> Iterator[str | None]:
        for part in self.parts:
            yield from part.metrics()

    def map_leaves(self, function: Callable[[Comparison | BareValue], Condition]) -> Condition:
        return AllOf(tuple(part.map_leaves(function) for part in self.parts))

    def region(self, metric: str | None) -> IntervalSet:
        region = IntervalSet.of([Interval()])
        for part in self.parts:
            region = region.intersection(part.region(metric))
        return region

    @property
    def satisfiable(self) -> bool:
        return all(part.satisfiable for part in self.parts) and _merge_same_metric(self.parts) is not None

    def __str__(self) -> str:
        return "且".join(str(part) for part in self.parts)


@attrs.frozen
class AnyOf(Condition):
    """At least one part holds (或); a part on a metric with no outcome is left out (死亡35人 meets
    死亡≥30人或重伤≥100人), and when every part is, that is an error."""

    parts: tuple[Condition, ...] = attrs.field(converter=_parts)

    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        missing: list[MissingOutcome] = []
        for part in self.parts:
            try:
                if part.holds(lookup, direction_of):
                    return True
            except MissingOutcome as error:
                missing.append(error)
        if len(missing) < len(self.parts):
            return False
        raise missing[0].with_traceback(None)

    def metrics(self) -> Iterator[str | None]:
        for part in self.parts:
            yield from part.metrics()

    def map_leaves(self, function: Callable[[Comparison | BareValue], Condition]) -> Condition:
        return AnyOf(tuple(part.map_leaves(function) for part in self.parts))

    def region(self, metric: str | None) -> IntervalSet:
        region = IntervalSet()
        for part in self.parts:
            region = region.union(part.region(metric))
        return region

    @property
    def satisfiable(self) -> bool:
        return any(part.satisfiable for part in self.parts)

    def __str__(self) -> str:
        return "或".join(str(part) for part in self.parts)


class WholeTier(Condition):
    """A condition that is not built from comparisons on metrics (其余, tiers
    about targets): it has no leaves and does not bound any metric."""

    __slots__ = ()

    def metrics(self) -> Iterator[str | None]:
        return iter(())

    def map_leaves(self, function: Callable[[Comparison | BareValue], Condition]) -> Condition:
        return self

    def region(self, metric: str | None) -> IntervalSet:
        return IntervalSet.of([Interval()])


@attrs.frozen
class Otherwise(WholeTier):
    """The catch-all last tier (其余, 其他): holds for every outcome."""

    def holds(self, lookup: Lookup, direction_of: DirectionOf = higher_is_better) -> bool:
        return True

    def __str__(self) -> str:
        return "其余"


def _merge_units(first: Unit | None, second: Unit | None) -> Unit | None:
    if first is not None and second is not None and first.dimension != second.dimension:
        raise CriteriaError(
            f"one metric written in two units: {first} and {second}", zh=f"同一指标写了两种单位：{first}与{second}"
        )
    return first or second


def _check_units(parts: Iterable[Condition]) -> None:
    """Raise if one metric is written in two units, or compared as a share of two bases, among *parts*."""
    units: dict[str | None, Unit | None] = {}
    bases: dict[str | None, str | None] = {}
    for part in parts:
        if isinstance(part, Comparison):
            units[part.metric] = _merge_units(units.get(part.metric), part.unit)
            if bases.setdefault(part.metric, part.base) != part.base:
                raise CriteriaError(
                    f"{part.metric} is compared both as a share of {part.base or bases[part.metric]} and otherwise",
                    zh=f"{part.metric}既作为占{part.base or bases[part.metric]}的比例比较，又另作比较",
                )


def _merge_same_metric(parts: Iterable[Condition]) -> tuple[Condition, ...] | None:
    """Comparisons on one metric intersected into one; ``None`` if one comes out empty."""
    merged: list[Condition] = []
    for part in parts:
        if type(part) is Comparison:  # a subclass's (a span threshold's) bounds are not an interval's: kept apart
            for index, earlier in enumerate(merged):
                if type(earlier) is Comparison and earlier.metric == part.metric:
                    if earlier.base != part.base:
                        _check_units(parts)
                    unit = _merge_units(earlier.unit, part.unit)
                    interval = earlier.interval.intersection(part.in_unit(earlier.unit or unit).interval)
                    if interval is None:
                        _check_units(parts)
                        return None
                    merged[index] = attrs.evolve(part, interval=interval, unit=unit)
                    break
            else:
                merged.append(part)
        else:
            merged.append(part)
    return tuple(merged)


def _inherit_metrics(parts: Iterable[Condition], *, joint: bool = False) -> list[Condition]:
    """Give a part with no metric the metric of the part before it (设备完好率<90%且≥80%), but for a target's in
    a *joint* condition: 总分100分，90分以上 states the full score, then a bound of the outcome (refused)."""
    result: list[Condition] = []
    previous: Comparison | BareValue | None = None
    for part in parts:
        if isinstance(part, Comparison | BareValue):
            if part.metric is None and previous is not None and previous.metric is not None:
                if joint and isinstance(previous, BareValue):
                    message = f"{part} names no metric after the value {previous}: write its metric"
                    raise CriteriaError(message, zh=f"{previous}之后的{part}没有指标名称：请写明指标")
                part = attrs.evolve(part, metric=previous.metric)
            previous = part
        result.append(part)
    return result


def all_of(parts: Iterable[Condition]) -> Condition:
    """Conjunction of *parts*: nested ones flattened, elided metrics filled in, comparisons on one
    metric intersected (an empty intersection is kept as written, so that lint can show it).

    >>> from kpi import parse_rule
    >>> str(all_of([parse_rule("设备完好率<90%").condition, parse_rule("≥80%").condition]))
    '设备完好率≥80%且<90%'
    """
    flat: list[Condition] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, AllOf) else (part,))
    if len(flat) == 1:
        return flat[0]  # one part (a clause's one name): nothing to inherit or intersect
    inherited = _inherit_metrics(flat, joint=True)
    merged = _merge_same_metric(inherited)
    result = _one_sided_parts(inherited) if merged is None else merged
    return result[0] if len(result) == 1 else AllOf(result)


def _one_sided_parts(parts: Iterable[Condition]) -> tuple[Condition, ...]:
    """Parts of a contradiction split into single bounds, so that it has one
    canonical spelling however its ranges were written (a point too, on a share, which is
    written with a word per bound)."""
    result: list[Condition] = []
    for part in parts:
        if (
            isinstance(part, Comparison)
            and part.interval.lower
            and part.interval.upper
            and (part.base is not None or not part.interval.is_point)
        ):
            result.append(attrs.evolve(part, interval=Interval(part.interval.lower, None)))
            result.append(attrs.evolve(part, interval=Interval(None, part.interval.upper)))
        else:
            result.append(part)
    return tuple(result)


def any_of(parts: Iterable[Condition]) -> Condition:
    """Disjunction of *parts*, nested ones flattened, elided metrics filled in."""
    flat: list[Condition] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, AnyOf) else (part,))
    result = _inherit_metrics(flat)
    return result[0] if len(result) == 1 else AnyOf(tuple(result))


def _default_text(self: Rule) -> str:
    return str(self.condition)


@attrs.frozen(repr=False)
class Rule:
    """One tier text, parsed.  Only ``condition`` takes part in equality (``低于70%`` equals ``<70%``): not the
    ``text`` as written, the band ``label`` its clause names (…的为优秀), the typos' ``corrections``, what it
    ``set_aside`` (或直接判级确定; …的，试用期不得超过一个月), its clauses without a figure taken as ``met``, the
    ``notes`` it puts on every grade (full-completion), nor whether it ``joined`` tiers of one label."""

    condition: Condition
    text: str = attrs.field(default=attrs.Factory(_default_text, takes_self=True), eq=False)
    label: str | None = attrs.field(default=None, eq=False, kw_only=True)
    corrections: tuple[str, ...] = attrs.field(default=(), eq=False, kw_only=True)
    set_aside: tuple[str, ...] = attrs.field(default=(), eq=False, kw_only=True)
    met: tuple[str, ...] = attrs.field(default=(), eq=False, kw_only=True)
    notes: tuple[str, ...] = attrs.field(default=(), eq=False, kw_only=True)
    joined: bool = attrs.field(default=False, eq=False, kw_only=True)

    @property
    def metrics(self) -> tuple[str | None, ...]:
        """The metrics the rule reads, each once, in order; ``None`` for an unnamed one."""
        return tuple(dict.fromkeys(self.condition.metrics()))

    def matches(self, outcome: OutcomeInput, *, direction: Direction = Direction.HIGHER_IS_BETTER) -> bool:
        """Whether *outcome* satisfies the rule.

        A bare value in the rule is read along *direction* (at least the value
        by default).  *outcome* is a number or a string with its unit, or a
        mapping from metric name to such values; one missing is named, not guessed.

        >>> from kpi import parse_rule
        >>> parse_rule("设备完好率<90%且≥80%").matches("85%")
        True
        >>> parse_rule("≤24小时").matches("2天")
        False
        """
        outcomes = Outcomes.read(outcome, self.metrics)
        outcomes.check_shares(
            {
                leaf.metric: leaf.base
                for leaf in self.condition.leaves()
                if isinstance(leaf, Comparison) and leaf.base is not None
            }
        )
        return self.condition.holds(outcomes.lookup, lambda metric: direction) or outcomes.require(self.metrics)

    def __contains__(self, outcome: Any) -> bool:
        return self.matches(outcome)

    def __str__(self) -> str:
        return str(self.condition)

    def __repr__(self) -> str:
        return f"<Rule({str(self)!r})>"
