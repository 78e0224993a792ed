"""Exact intervals of the number line and finite unions of them.

Every one-metric condition of a tier is an interval; grading asks whether an
outcome lies in it, linting asks where tiers leave gaps or overlap, which is
set algebra on unions of intervals.  Bounds are ``Decimal`` so that 94 and
94.0 are one bound and 0.1 + 0.2 is never 0.30000000000000004.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

import attrs

from kpi.numbers import CONTEXT, format_decimal

__all__ = ["Bound", "Interval", "IntervalSet", "lower_key", "upper_key"]


@attrs.frozen
class Bound:
    """One end of an interval: a value and whether the value itself belongs.

    ``explicit`` says whether the text decided that (a mark such as （含）, a
    comparator) or a convention did (a range a-b is closed at both ends); it
    does not take part in equality: the interval is the same either way.
    """

    value: Decimal
    closed: bool = True
    explicit: bool = attrs.field(default=True, eq=False)


def lower_key(bound: Bound | None) -> tuple[int, Decimal, int]:
    """Orders lower ends: no bound first, then by value; a closed end starts
    before an open one at the same value."""
    if bound is None:
        return (-1, Decimal(0), 0)
    return (0, bound.value, 0 if bound.closed else 1)


def upper_key(bound: Bound | None) -> tuple[int, Decimal, int]:
    """Orders upper ends: by value, no bound last; an open end ends before a
    closed one at the same value."""
    if bound is None:
        return (1, Decimal(0), 0)
    return (0, bound.value, 1 if bound.closed else 0)


def _nonempty(lower: Bound | None, upper: Bound | None) -> bool:
    if lower is None or upper is None:
        return True
    if lower.value != upper.value:
        return lower.value < upper.value
    return lower.closed and upper.closed


def _check_order(instance: Interval, attribute: attrs.Attribute[Bound | None], value: Bound | None) -> None:
    if not _nonempty(instance.lower, value):
        raise ValueError(f"empty interval: lower {instance.lower} above upper {value}")


@attrs.frozen
class Interval:
    """A non-empty interval; ``None`` at an end means unbounded on that side."""

    lower: Bound | None = None
    upper: Bound | None = attrs.field(default=None, validator=_check_order)

    @classmethod
    def between(cls, lower: Bound | None, upper: Bound | None) -> Interval | None:
        """The interval from *lower* to *upper*, or ``None`` when that is empty."""
        return cls(lower, upper) if _nonempty(lower, upper) else None

    @classmethod
    def point(cls, value: Decimal) -> Interval:
        return cls(Bound(value), Bound(value))

    @property
    def is_point(self) -> bool:
        return self.lower is not None and self.upper is not None and self.lower.value == self.upper.value

    def __contains__(self, value: Decimal) -> bool:
        lower, upper = self.lower, self.upper
        if lower is not None and (value < lower.value or (value == lower.value and not lower.closed)):
            return False
        return not (upper is not None and (value > upper.value or (value == upper.value and not upper.closed)))

    def intersection(self, other: Interval) -> Interval | None:
        lower = max(self.lower, other.lower, key=lower_key)
        upper = min(self.upper, other.upper, key=upper_key)
        return Interval.between(lower, upper)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval containing both."""
        return Interval(min(self.lower, other.lower, key=lower_key), max(self.upper, other.upper, key=upper_key))

    def has_multiple_of(self, step: Decimal | None) -> bool:
        """Whether a value reported in steps of *step* can fall in here.

        With no step (continuous values) every non-empty interval qualifies.
        """
        if step is None or self.lower is None or self.upper is None:
            return True
        ceiling = CONTEXT.divide(self.lower.value, step).to_integral_value(rounding="ROUND_CEILING")
        first = CONTEXT.multiply(ceiling, step)
        if first == self.lower.value and not self.lower.closed:
            first = CONTEXT.add(first, step)
        return first in self

    def describe(self, show: Callable[[Decimal], str] = format_decimal) -> str:
        """The interval as a report writes it, each value shown by *show*: 95%, [60%, 61%], (94%, 95%)."""
        if self.is_point:
            assert self.lower is not None
            return show(self.lower.value)
        left = "(-∞" if self.lower is None else ("[" if self.lower.closed else "(") + show(self.lower.value)
        right = "+∞)" if self.upper is None else show(self.upper.value) + ("]" if self.upper.closed else ")")
        return f"{left}, {right}"

    def __str__(self) -> str:
        return self.describe()


@attrs.frozen
class IntervalSet:
    """A finite union of disjoint intervals, kept sorted and merged."""

    intervals: tuple[Interval, ...] = ()

    @classmethod
    def of(cls, intervals: Iterable[Interval]) -> IntervalSet:
        ordered = sorted(intervals, key=lambda interval: lower_key(interval.lower))
        merged: list[Interval] = []
        for interval in ordered:
            if merged and _touches(merged[-1], interval):
                last = merged.pop()
                interval = Interval(last.lower, max(last.upper, interval.upper, key=upper_key))
            merged.append(interval)
        return cls(tuple(merged))

    def __iter__(self) -> Iterator[Interval]:
        return iter(self.intervals)

    def __bool__(self) -> bool:
        return bool(self.intervals)

    def __contains__(self, value: Decimal) -> bool:
        return any(value in interval for interval in self.intervals)

    def union(self, other: IntervalSet) -> IntervalSet:
        return IntervalSet.of((*self.intervals, *other.intervals))

    def intersection(self, other: IntervalSet) -> IntervalSet:
        pieces = (a.intersection(b) for a in self.intervals for b in other.intervals)
        return IntervalSet.of(piece for piece in pieces if piece is not None)

    def complement(self) -> IntervalSet:
        pieces: list[Interval] = []
        lower: Bound | None = None
        unbounded_below = True
        for interval in self.intervals:
            upper = None if interval.lower is None else Bound(interval.lower.value, not interval.lower.closed)
            if interval.lower is not None:
                piece = Interval.between(None if unbounded_below else lower, upper)
                if piece is not None:
                    pieces.append(piece)
            if interval.upper is None:
                return IntervalSet(tuple(pieces))
            lower = Bound(interval.upper.value, not interval.upper.closed)
            unbounded_below = False
        pieces.append(Interval(None if unbounded_below else lower, None))
        return IntervalSet(tuple(pieces))

    def difference(self, other: IntervalSet) -> IntervalSet:
        return self.intersection(other.complement())

    def has_multiple_of(self, step: Decimal | None) -> bool:
        return any(interval.has_multiple_of(step) for interval in self.intervals)

    def describe(self, show: Callable[[Decimal], str] = format_decimal) -> str:
        """The set as a report writes it (see :meth:`Interval.describe`); ∅ when empty."""
        return " ∪ ".join(interval.describe(show) for interval in self.intervals) or "∅"

    def __str__(self) -> str:
        return self.describe()


def _touches(left: Interval, right: Interval) -> bool:
    """Whether *right* (starting no earlier than *left*) overlaps or abuts it."""
    if left.upper is None or right.lower is None:
        return True
    if left.upper.value != right.lower.value:
        return left.upper.value > right.lower.value
    return left.upper.closed or right.lower.closed
