"""Which metric names of a tier set are one metric, written by its author in other words.

Authors name one metric in several ways down a tier set.  When one name holds
another (空腹血糖, 空腹血糖值) they are one metric, always.  When names only look
alike (年度评价得分 and 年度评价指标得分 share their ending; 血糖空腹 and 空腹血糖 their
characters) or the tiers grade points under unrelated names (考评结果, 考评分), they
may be one score, or two metrics (空腹血糖 and 餐后血糖 share 血糖): a mapping of
outcomes keeps them apart, and a bare figure is graded as one score only with the
note ``one-metric`` (see :class:`kpi.Criteria`).  Names of tiers that each read
two metrics (收缩压 and 舒张压) are always different metrics.
"""

from __future__ import annotations

from collections.abc import Sequence

from kpi.rules import Condition

__all__ = ["in_other_words", "likely_one", "one_metric"]


def one_metric(conditions: Sequence[Condition], named: Sequence[str]) -> bool:
    """Whether tiers that each read one metric name it so that one name holds the others,
    perhaps but for a 值 or 水平 after them (空腹血糖值, 空腹血糖水平): one metric, written differently."""
    if not _one_each(conditions, named):
        return False
    return any(all(min(names, key=len) in name for name in names) for names in (named, _stems(named)))


def likely_one(conditions: Sequence[Condition], named: Sequence[str]) -> bool:
    """Whether tiers that each read one metric may name one score: names that share an ending of
    two characters or more (…评价得分, …评价指标得分; not counting a 值 or 水平: 收缩压水平 and
    舒张压水平 share only 压), the same characters reordered, or points (分) under any names."""
    if not _one_each(conditions, named):
        return False
    units = {leaf.unit.dimension for c in conditions for leaf in c.leaves() if leaf.unit is not None}
    stems = _stems(named)
    ending = 0
    while ending < min(map(len, stems)) and len({stem[-1 - ending] for stem in stems}) == 1:
        ending += 1
    return ending >= 2 or units == {"score"} or len({"".join(sorted(name)) for name in named}) == 1


def _one_each(conditions: Sequence[Condition], named: Sequence[str]) -> bool:
    return len(named) >= 2 and all(len(set(c.metrics())) <= 1 for c in conditions)


def _stems(named: Sequence[str]) -> list[str]:
    return [name.removesuffix("水平").removesuffix("值") or name for name in named]


def in_other_words(one: str, other: str) -> bool:
    """Whether two metric names may be one metric's: one begins with the other (收缩压持续, 收缩压), or the
    shorter is the longer with words left out between its first and last characters (潜在经济损失 in
    潜在可能造成的经济损失).  Only ever a reason to refuse an outcome that gives one and not the other."""
    short, long = sorted((one, other), key=len)
    if long.startswith(short):
        return True
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(char in rest for char in short)
