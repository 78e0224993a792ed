"""Ranks in tier texts: 第5名, 第1-5名, 前10名, 排名第3, 位列前10名, where a smaller number is better.

Award and assessment rules grade a place in a ranking: 第1-5名 earns the first band, 前10名 the
places 1 to 10.  A rank is a value in 名 of a metric that names a rank
(:func:`kpi.text.words.is_rank`): the noun the text writes before it (排名第3 reads 排名), after
the name of what is ranked (考核排名第3: 考核排名; 考核位列前10名: 考核名次), or 名次 when it
writes none, so that the canonical text (``名次1名-5名``, ``名次≤10名``) reads back alike and
grading knows that rank 1 is best.  后10名 counts from a last place no tier states: refused.
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs
from lark import Token

from kpi.intervals import Bound, Interval
from kpi.rules import BareValue, Comparison, Condition
from kpi.text.building import Located
from kpi.text.grammar import Problem
from kpi.text.quantities import QuantityBuilder, Written, one_unit, start_of
from kpi.text.words import BEFORE, RANK_NOUNS, RANK_UNIT
from kpi.units import unit_named

__all__ = ["RankBuilder", "ranked_by"]


class RankBuilder(QuantityBuilder):
    """Builds the ranks the grammar matched (its ``rank`` rules); the tier builder extends it."""

    def rank(self, children: list[Any]) -> Located:
        opening, place = children
        return _rank(opening, place, place)

    def rank_range(self, children: list[Any]) -> Located:
        opening, first, _separator, last = children
        return _rank(opening, first, last)


def _rank(opening: Token, first: Written, last: Written) -> Located:
    word = "".join(str(opening).split())
    where, noun = word[-1], word[:-1]
    unit = one_unit(first, last)
    if unit is not None and unit.name != RANK_UNIT:
        raise Problem(
            f"a rank is a place, counted in {RANK_UNIT}, not {unit}",
            first.start,
            zh=f"名次以“{RANK_UNIT}”计，而不是{unit}",
        )
    for written in (first, last):
        value = written.quantity.value
        if value < 1 or value != value.to_integral_value():
            raise Problem(
                f"a rank is a whole number from 1, not {value}", written.start, zh=f"名次应为从1起的整数，而不是{value}"
            )
    if where == "后":
        bottom = f"{word}{first.quantity.value}{RANK_UNIT}"
        raise Problem(
            f"“{bottom}” counts from the last place, which the tiers do not state",
            start_of(opening),
            zh=f"“{bottom}”从最后一名倒数，而档次未写明共有多少名",
        )
    low, high = sorted((first.quantity.value, last.quantity.value))
    if where == "前":
        if first is not last:
            raise Problem(
                f"“{word}” takes one number, not a range", first.start, zh=f"“{word}”之后应为一个数，而不是区间"
            )
        interval = Interval(None, Bound(high))
    else:
        interval = Interval(Bound(low, explicit=False), Bound(high, explicit=False))
    metric = noun if noun in RANK_NOUNS else RANK_NOUNS[0]
    return Located(Comparison(interval, unit_named(RANK_UNIT), metric), start_of(opening))


# Words in a rank's name that compare or negate the place after it (低于第10名, 未进入前10名, 排名优于第10名):
# the place is no value of a metric so named, and a reader would not read it as one.
_NOT_RANK_NAME: Final = re.compile(
    "|".join(sorted(map(re.escape, BEFORE), key=len, reverse=True)) + r"|[未不没非无]|于"
)


def ranked_by(name: str, leaf: Comparison | BareValue, start: int, *, after: bool) -> Condition:
    """*leaf* of a clause that names *name* before it: a rank is *name*'s rank (考核 + 排名, 考核 + 名次),
    anything else *name* itself.  A rank's name comes before it and neither compares nor negates the
    place (低于第10名 is no rank 10 of a metric 低于, 前10名以后 no rank of a metric 以后): refused."""
    if isinstance(leaf, Comparison) and leaf.metric in RANK_NOUNS and leaf.unit is unit_named(RANK_UNIT):
        word = _NOT_RANK_NAME.search(name)
        if after or word is not None:
            what = "it" if word is None else f"“{word[0]}”"
            raise Problem(
                f"cannot tell what “{name}” says of the place: a rank is named before it, by a noun (考核排名第3), "
                f"and {what} is no such name",
                start,
                zh=f"无法判断“{name}”对名次的含义：名次的名称应写在其前，且为名词（考核排名第3）",
            )
    return attrs.evolve(leaf, metric=name if leaf.metric is None else name + leaf.metric)
