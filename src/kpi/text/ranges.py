"""Ranges in tier texts: 85%-94%, 在80与90之间, 超过X至Y, 60-69分或以下, [80,90).

A range is two ends, each a written quantity with its own (含)/(不含) mark, in one unit
(:func:`kpi.text.quantities.in_one_unit`: 3（含）-6亿元 is 3亿元-6亿元), closed at both ends
unless marked, and the same read either way round (100-85分).  A dash written twice (85%--94%,
85% - - 94%) is a typo read with a correction the grade notes; a minus that could be either
(85%~-94%, 0 - -5%) is refused.
"""

from __future__ import annotations

from typing import Any

import attrs
from lark import Token

from kpi.intervals import Bound, Interval
from kpi.rules import Comparison
from kpi.span_thresholds import span_threshold
from kpi.text.building import CORRECTIONS, INCLUSIVE, Located
from kpi.text.grammar import Problem
from kpi.text.quantities import Note, QuantityBuilder, Written, apply_note, in_one_unit, start_of
from kpi.text.words import Side, meaning_of
from kpi.units import Unit

__all__ = ["End", "RangeBuilder", "interval_of", "is_inclusive_mark"]


@attrs.frozen
class End:
    """A range's end, or a one-sided bound, as written: its quantity and its explicit mark."""

    written: Written
    closed: bool | None  # an explicit (含)/(不含) mark, if any


def is_inclusive_mark(mark: Token | None) -> bool | None:
    return None if mark is None else "不" not in mark


def interval_of(lower: Bound | None, upper: Bound | None, where: int) -> Interval:
    interval = Interval.between(lower, upper)
    if interval is None:
        raise Problem("this range contains no value", where, zh="这个区间不含任何数值")
    return interval


def _in_one_unit(low: End, high: End) -> tuple[End, End, Unit | None]:
    low_written, high_written, unit = in_one_unit(low.written, high.written)
    if low_written is low.written and high_written is high.written:
        return low, high, unit  # most ranges (60%-70%): no magnitude to carry over
    return End(low_written, low.closed), End(high_written, high.closed), unit


class RangeBuilder(QuantityBuilder):
    """Builds the ranges the grammar matched (its ``range`` and ``bracketed`` rules); the tier builder extends it."""

    def range(self, children: list[Any]) -> Located:
        verb, low, separator, high, _between, note = children
        if separator.type == "DOUBLE_DASH":
            if low.written.quantity.value < 0:
                raise Problem(
                    "a dash written twice after a negative number is ambiguous: write “~” between the ends",
                    start_of(separator),
                    zh="负数后连写两个“-”含义不明：请在两端之间写“~”",
                )
            CORRECTIONS.get().append((start_of(separator), start_of(separator) + len(separator), "-"))
        elif separator.type in ("MINUS", "DASH") and high.written.quantity.value < 0 <= low.written.quantity.value:
            high = self._dash_twice(low, separator, high)
        start = start_of(verb) if verb is not None else low.written.start
        return self._range(low, high, note, start)

    @staticmethod
    def _dash_twice(low: End, separator: Token, high: End) -> End:
        """85% - - 94% and 85%—-94% are 85%--94% written apart: the same typo, read with the same correction.

        A dash that is no hyphen (85%~-94%), or a low end of 0 (0 - -5%, perhaps 0 down to -5%), leaves
        no reading a careful reader would pick over the other: refused.
        """
        if (separator.type == "DASH" and not str(separator).startswith("—")) or low.written.quantity.value == 0:
            raise Problem(
                "a negative end after a dash is ambiguous: write the lower end first",
                high.written.start,
                zh="连接符后的负数含义不明：请先写下限",
            )
        CORRECTIONS.get().append((start_of(separator), high.written.start + 1, "-"))
        quantity = high.written.quantity
        return attrs.evolve(
            high, written=attrs.evolve(high.written, quantity=attrs.evolve(quantity, value=-quantity.value))
        )

    def range_widened(self, children: list[Any]) -> Located:
        # 60-69分或以下 is 69分 or less; 90-100分及以上, 90 or more.  A bare 以下 after a range
        # (60-69分以下) could mean either end: refused.
        verb, low, separator, high, word = children
        located = self.range([verb, low, separator, high, None, None])
        if not str(word).startswith(("或", "及", "以及")):
            ends = (low.written.quantity, low.closed), (high.written.quantity, high.closed)
            span = span_threshold(str(separator), str(word), *ends, located.condition)
            if span is not None:
                return Located(span, located.start)
            raise Problem(
                f"a range followed by “{word}” is ambiguous: write one end with it, or the range alone",
                start_of(word),
                zh=f"区间后接“{word}”含义不明：请只写一端加“{word}”，或只写区间",
            )
        meaning = meaning_of(str(word), INCLUSIVE.get())
        comparison = located.condition
        assert isinstance(comparison, Comparison)
        lower, upper = comparison.interval.lower, comparison.interval.upper
        assert lower is not None and upper is not None
        if meaning.side is Side.LOWER:
            widened = Interval(attrs.evolve(lower, explicit=True), None)
        else:
            widened = Interval(None, attrs.evolve(upper, explicit=True))
        return Located(attrs.evolve(comparison, interval=widened), located.start)

    def range_between(self, children: list[Any]) -> Located:
        verb, low, high, _between, note = children
        return self._range(low, high, note, start_of(verb) if verb is not None else low.written.start)

    def range_from(self, children: list[Any]) -> Located:
        word, low, _separator, high, _between, note = children
        meaning = meaning_of(str(word), INCLUSIVE.get())
        if meaning.side is not Side.LOWER:
            raise Problem(
                f"“{word}” gives an upper bound; a range from it needs a lower one",
                start_of(word),
                zh=f"“{word}”给出的是上限；由它起始的区间需要下限",
            )
        lower = End(low.written, meaning.inclusive if low.closed is None else low.closed)
        return self._range(lower, high, note, start_of(word))

    @staticmethod
    def _range(low: End, high: End, note: Note | None, start: int) -> Located:
        low, high, unit = _in_one_unit(low, high)
        if low.written.quantity.value > high.written.quantity.value:
            low, high = high, low  # a descending range (100-85分) means the same
        lower = Bound(low.written.quantity.value, True if low.closed is None else low.closed, low.closed is not None)
        upper = Bound(
            high.written.quantity.value, True if high.closed is None else high.closed, high.closed is not None
        )
        lower, upper = apply_note(lower, upper, note)
        return Located(Comparison(interval_of(lower, upper, high.written.start), unit), start)

    def bracketed(self, children: list[Any]) -> Located:
        opening, low, *rest = children
        *separator, high, closing = rest  # the separator is a comma or a dash token
        if opening == "(" and closing == ")" and separator:  # 优(90-100分) restates a band's: read (90, 100)
            raise Problem("a range in round brackets is a note, not an interval", low.start, zh="圆括号里的区间是注释")
        low, high, unit = in_one_unit(low, high)
        if low.quantity.value > high.quantity.value:
            raise Problem("the lower end of an interval must come first", low.start, zh="区间应先写下限")
        lower = Bound(low.quantity.value, opening == "[")
        upper = Bound(high.quantity.value, closing == "]")
        return Located(Comparison(interval_of(lower, upper, high.start), unit), start_of(opening))
