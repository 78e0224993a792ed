"""A threshold fixed somewhere in a span: ``一千元至三千元以上`` (a span threshold).

Chinese judicial interpretations write the starting amount of a band as a span within which
each province fixes its own standard (盗窃公私财物价值一千元至三千元以上的，为“数额较大”;
the provinces fix 数额较大 between 一千元 and 三千元).  An outcome at or above the span's high
end reaches the band whatever the local standard; one below its low end reaches it under none;
one inside the span depends on the local standard, which the text does not give: it cannot be
placed (note ``span``, no band; strict refuses it).

The reading is taken only where it is the drafting convention, and the refusal of a range
followed by 以上 stays for everything else: the ends joined by 至 (not a dash: 80-90分以上 is
probably a typo in a performance table), each end writing its unit, one unit, no (含)/(不含) mark,
and the low end below the high one, both not negative.  The parser tries it only where it would
otherwise refuse the text, so it costs no other text anything.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

import attrs

from kpi.errors import OutcomeError
from kpi.intervals import Bound, Interval
from kpi.rules import BareValue, Comparison, Condition, Lookup
from kpi.text.spelling import named, value_text
from kpi.units import Quantity, Unit, convert

__all__ = ["SpanThreshold", "lowest_reading", "span_containing", "span_threshold", "spans_of", "undecided"]


@attrs.frozen
class SpanThreshold(Comparison):
    """At least a threshold fixed somewhere from ``start`` to the interval's lower end.

    As a :class:`kpi.rules.Comparison` it is what every local standard agrees on (at least the
    high end), so that all that reads comparisons reads the certain part; :func:`undecided` asks
    about the span below it.
    """

    start: Decimal = attrs.field(default=Decimal(0), kw_only=True)

    @property
    def high(self) -> Decimal:
        lower = self.interval.lower
        assert lower is not None
        return lower.value

    def lowest(self) -> Comparison:
        """The reading in which the local standard is the span's low end."""
        return Comparison(Interval(Bound(self.start, True), None), self.unit, self.metric)

    def in_unit(self, unit: Unit | None) -> Comparison:
        moved = super().in_unit(unit)
        if moved is self or self.unit is None or unit is None:
            return moved
        return SpanThreshold(moved.interval, unit, self.metric, start=convert(self.start, self.unit, unit))

    def __str__(self) -> str:
        span = f"{value_text(self.start, self.unit)}至{value_text(self.high, self.unit)}以上"
        return named(self.metric, span)


def span_threshold(
    separator: str, word: str, low: tuple[Quantity, bool | None], high: tuple[Quantity, bool | None], read: Condition
) -> SpanThreshold | None:
    """The range *read* from *low* *separator* *high* followed by *word* as a span threshold, when the
    drafting convention writes it (至, 以上, each end with its unit, no mark, ascending); else ``None``,
    and the caller refuses the text as before.  *low* and *high* are the ends as written, with their
    (含)/(不含) marks; *read* is the range the parser read from them (in one unit, one magnitude)."""
    (first, first_mark), (second, second_mark) = low, high
    written = separator == "至" and word == "以上" and first.unit is not None and second.unit is not None
    if not written or first_mark is not None or second_mark is not None or not first.value < second.value:
        return None
    if not isinstance(read, Comparison) or read.interval.lower is None or read.interval.upper is None:
        return None
    start, end = read.interval.lower.value, read.interval.upper.value
    if start < 0 or read.unit is None:
        return None
    return SpanThreshold(Interval(Bound(end, True), None), read.unit, start=start)


def lowest_reading(condition: Condition) -> Condition | None:
    """*condition* with every span threshold at its low end; ``None`` when it has none."""
    if not any(isinstance(leaf, SpanThreshold) for leaf in condition.leaves()):
        return None
    return condition.map_leaves(_lowest)


def _lowest(leaf: Comparison | BareValue) -> Condition:
    return leaf.lowest() if isinstance(leaf, SpanThreshold) else leaf


def undecided(lowest: Condition | None, lookup: Lookup) -> bool:
    """Whether a tier that is not certainly reached holds in its *lowest* reading: the outcome lies
    inside a span, and the local standard decides.  A metric the outcomes lack decides nothing."""
    try:
        return lowest is not None and lowest.holds(lookup)
    except OutcomeError:
        return False


def span_containing(
    conditions: Sequence[Condition], values: Mapping[str | None, Decimal]
) -> tuple[int, SpanThreshold] | None:
    """The first span threshold of *conditions* (tiers best first) whose span holds the outcome
    *values* give (in each metric's unit), with the index of its tier: what an explanation names."""
    for index, condition in enumerate(conditions):
        for leaf in condition.leaves():
            value = values.get(leaf.metric) if isinstance(leaf, SpanThreshold) else None
            if isinstance(leaf, SpanThreshold) and value is not None and leaf.start <= value < leaf.high:
                return index, leaf
    return None


def spans_of(conditions: Sequence[Condition]) -> Iterator[tuple[int, SpanThreshold]]:
    """Each span threshold of *conditions* (tiers), with the index of its tier: what lint notes."""
    for index, condition in enumerate(conditions):
        for leaf in condition.leaves():
            if isinstance(leaf, SpanThreshold):
                yield index, leaf
