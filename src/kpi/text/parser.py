"""Tier texts to rule objects: the Transformer that builds them, inside the LALR parser.

The grammar (:mod:`kpi.text.grammar`) says what a tier text may look like;
:class:`TierBuilder` turns each rule it matches into the value objects of
:mod:`kpi.rules` and nothing more: what the words mean comes from
:mod:`kpi.text.words`, what the objects do from :mod:`kpi.rules`.  The
builder runs inside the LALR parser (Lark's tree-less mode), so it carries each piece's start
position for error messages.  Every failure becomes a :class:`kpi.KpiSyntaxError` into the caller's text.

:mod:`kpi.text.reading` is where callers come in.  ``python -m kpi.text.parser`` saves the parsers'
tables after a change to the grammar or to the word tables (a test fails until it is run).
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any, cast

import attrs
from lark import Lark, Token

from kpi.errors import CriteriaError
from kpi.intervals import Bound, Interval
from kpi.rules import BareValue, Comparison, Condition, Otherwise, all_of, any_of
from kpi.text.building import CORRECTIONS, INCLUSIVE, Located
from kpi.text.comparison_names import check_name, check_name_after
from kpi.text.grammar import Problem, saved_lark, write_tables
from kpi.text.normalise import metric_key
from kpi.text.quantities import Note, Written, in_one_unit, start_of, unit_of
from kpi.text.ranges import End, RangeBuilder, interval_of, is_inclusive_mark
from kpi.text.ranks import RankBuilder, ranked_by
from kpi.text.shares import continues, read_share, share_name
from kpi.text.target_tiers import TargetTierBuilder
from kpi.text.words import (
    CAUSATIVES,
    FIXED_WORDS,
    SYMBOLS,
    TYPOS,
    VERBS,
    Side,
    comparator_inside,
    cut_comparator,
    joint_names,
    meaning_of,
    without_cause,
)
from kpi.units import PERCENT, Quantity

__all__ = ["TierBuilder", "tier_parser"]


def _symbol_includes(symbol: Token) -> bool:
    meaning = SYMBOLS[str(symbol)]
    return meaning is None or meaning.inclusive


def _note_typo(token: Token | None) -> None:
    """Record a unit or a comparator word written with a typo (95%%, 60分一下, 小于在5.18), for the rule's notes."""
    if token is not None and (str(token) == "%%" or str(token) in TYPOS):
        CORRECTIONS.get().append((start_of(token), start_of(token) + len(token), TYPOS.get(str(token), "%")))


class TierBuilder(RankBuilder, RangeBuilder, TargetTierBuilder):
    """Builds rule objects from what the grammar matched; no grading logic lives here.

    The caller's inclusivity overrides come from a context variable, per parse.
    """

    def bound(self, children: list[Any]) -> End:
        number, unit, mark = children
        _note_typo(unit)
        return End(
            Written(Quantity(number.value, unit_of(unit)), number.start, number.magnitude), is_inclusive_mark(mark)
        )

    def quantity(self, children: list[Any]) -> Written:
        # A tier's typo is read with a correction that its grades note (95%% is 95%).
        number, unit = children
        _note_typo(unit)
        return Written(Quantity(number.value, unit_of(unit)), number.start, number.magnitude)

    def bound_marked_apart(self, children: list[Any]) -> End:
        # 80(含)分, and (含)60-80(不含): the mark before the unit, or before the number.
        number, mark, unit = children if not isinstance(children[0], Token) else (children[1], children[0], children[2])
        _note_typo(unit)
        return End(
            Written(Quantity(number.value, unit_of(unit)), number.start, number.magnitude), is_inclusive_mark(mark)
        )

    def bound_percent_words(self, children: list[Any]) -> End:
        written = self.percent_words(children[:2])
        return End(written, is_inclusive_mark(children[2]))

    def note(self, children: list[Any]) -> Note:
        opening, *values = children
        return Note("不" not in opening, tuple(value for value in values if isinstance(value, Written)))

    # -- one condition, without its metric -----------------------------------
    def symbol_bound(self, children: list[Any]) -> Located:
        symbol, bound = children
        quantity = bound.written.quantity
        if symbol.type == "EQUAL":
            if bound.closed is False:
                raise Problem("“=” and (不含) contradict each other", bound.written.start, zh="“=”与(不含)相互矛盾")
            return Located(Comparison(Interval.point(quantity.value), quantity.unit), start_of(symbol))
        closed = _symbol_includes(symbol)
        if bound.closed is not None and bound.closed != closed:
            raise Problem(
                f"“{symbol}” already says whether {quantity} is included",
                bound.written.start,
                zh=f"“{symbol}”已表明是否包含 {quantity}",
            )
        side = Side.LOWER if symbol.type == "GREATER" else Side.UPPER
        return Located(self._one_sided(side, closed, bound.written), start_of(symbol))

    def prefix_bound(self, children: list[Any]) -> Located:
        word, bound = children
        _note_typo(word)
        meaning = meaning_of(str(word), INCLUSIVE.get())
        closed = meaning.inclusive if bound.closed is None else bound.closed
        return Located(self._one_sided(meaning.side, closed, bound.written), start_of(word))

    def doubled_bound(self, children: list[Any]) -> Located:
        # 超过41℃以上: two words that bound the same end, the one after the value a slip (noted); 超过90%以下, refused.
        word, bound, after = children
        meaning = meaning_of(str(word), INCLUSIVE.get())
        if meaning_of(str(after)).side is not meaning.side:
            raise Problem(
                f"“{word}” and “{after}” bound different ends", start_of(after), zh=f"“{word}”与“{after}”方向相反"
            )
        CORRECTIONS.get().append((start_of(after), start_of(after) + len(after), ""))
        return self.prefix_bound([word, bound])

    def suffix_bound(self, children: list[Any]) -> Located:
        verb, bound, word, mark, note = children
        _note_typo(word)
        meaning = meaning_of(str(word), INCLUSIVE.get())
        closed = meaning.inclusive if bound.closed is None else bound.closed
        after = is_inclusive_mark(mark)
        if after is not None:
            if bound.closed is not None and bound.closed != after:
                raise Problem(
                    "the two (含)/(不含) marks contradict each other", bound.written.start, zh="两处(含)/(不含)相互矛盾"
                )
            closed = after
        if note is not None:
            for written in note.values:
                if written.quantity.value != bound.written.quantity.value:
                    raise Problem(
                        f"the note names {written.quantity}, which is not the bound",
                        written.start,
                        zh=f"注明的 {written.quantity} 不是该界值",
                    )
            closed = note.closed
        start = start_of(verb) if verb is not None else bound.written.start
        return Located(self._one_sided(meaning.side, closed, bound.written), start)

    @staticmethod
    def _one_sided(side: Side, closed: bool, written: Written) -> Comparison:
        bound = Bound(written.quantity.value, closed)
        interval = Interval(bound, None) if side is Side.LOWER else Interval(None, bound)
        return Comparison(interval, written.quantity.unit)

    def two_sided(self, children: list[Any]) -> Located:
        first, second = children
        if (first.condition.interval.lower is None) == (second.condition.interval.lower is None):
            kind, kind_zh = ("upper", "上限") if first.condition.interval.lower is None else ("lower", "下限")
            raise Problem(
                f"both parts give a {kind} bound; a two-sided range needs one of each",
                first.start,
                zh=f"两部分给出的都是{kind_zh}；双侧区间需要一个下限和一个上限",
            )
        try:
            return Located(all_of([first.condition, second.condition]), first.start)
        except CriteriaError as error:
            raise Problem(str(error), first.start, zh=error.zh) from None

    def target(self, children: list[Any]) -> Located:
        verb, written = children
        quantity = written.quantity
        if verb is None:
            return Located(BareValue(quantity.value, quantity.unit), written.start)
        meaning = VERBS[str(verb)]
        if meaning.exact:
            return Located(Comparison(Interval.point(quantity.value), quantity.unit), start_of(verb))
        if meaning.alone is None:
            raise Problem(
                f"after “{verb}” a range or 以上/以下 is expected", written.start, zh=f"“{verb}”之后应为区间或以上/以下"
            )
        return Located(self._one_sided(meaning.alone, True, written), start_of(verb))

    # -- clauses and their combinations --------------------------------------
    def clause(self, children: list[Any]) -> Located:
        before, located, after = children
        if before is not None and before.endswith(CAUSATIVES) and before.type != "QUOTED_METRIC":
            # 造成30人以上死亡, 發生3人以上、10人以下死亡: the noun after a value in a unit is the metric (not 一定).
            before = None if all(leaf.unit for leaf in located.condition.leaves()) else before
        if before is not None and after is not None:
            first, second = metric_key(str(before)), metric_key(str(after))
            raise Problem(
                f"two metric names: {first} and {second}", start_of(before), zh=f"有两个指标名称：{first}与{second}"
            )
        if after is not None and after.type != "QUOTED_METRIC":  # not 不满九十五分, 及格 (kpi.text.comparison_names)
            check_name_after(metric_key(str(after)), start_of(after))
        name = before if before is not None else after
        if name is None:
            return cast(Located, located)  # a value no name comes with (95%): the comparison as read
        check_name(metric_key(str(name)), start_of(name), quoted=name.type == "QUOTED_METRIC")  # not 满分, 十二以上
        condition = located.condition
        metric = metric_key(str(name)) if name.type == "QUOTED_METRIC" else without_cause(metric_key(str(name)))
        if not name.endswith(("”", '"', "」")) and cut_comparator(metric):  # “三公经费”应: checked
            raise Problem(
                f"cannot tell what “{metric}” compares: a comparator such as 不低于, 未达到 or 不超过 is expected",
                start_of(name),
                zh=f"无法判断“{metric}”比较的是什么：应有不低于、未达到或不超过等比较词",
            )
        bare = condition if isinstance(condition, BareValue) and name.type != "QUOTED_METRIC" else None
        inside = None if bare is None else comparator_inside(metric)
        refused = (
            None
            if inside is None
            else Problem(
                f"cannot tell what “{metric}” compares: it has “{inside}” inside, before a bare value",
                start_of(name),
                zh=f"无法判断“{metric}”比较的是什么：名称中含有“{inside}”，其后是单独的数值",
            )
        )
        # 增值额未超过扣除项目金额50%: the value is a share of the base after the word (kpi.text.shares).
        found = share_name(metric) if bare is not None and name is before and bare.unit is PERCENT else None
        share = None if found is None or bare is None else read_share(found, bare, start_of(name), INCLUSIVE.get())
        if share is not None and share.metric is not None:
            return Located(share, start_of(name))
        if refused is not None and share is None:
            raise refused
        names = (metric,) if name.type == "QUOTED_METRIC" else joint_names(metric)  # 甲和乙均≥90%: each
        at, after = start_of(name), before is None
        condition = all_of(
            [condition.map_leaves(lambda leaf, one=one: ranked_by(one, leaf, at, after=after)) for one in names]
        )
        start = start_of(before) if before is not None else located.start
        named_after = before is None and after is not None
        return Located(condition, start, named_after, continues=share, refused=refused)

    def _chain(self, high: Written, upper: Token, name: Token, lower: Token, low: Written, start: int) -> Located:
        low, high, unit = in_one_unit(low, high)
        interval = interval_of(
            Bound(low.quantity.value, _symbol_includes(lower)),
            Bound(high.quantity.value, _symbol_includes(upper)),
            start,
        )
        return Located(Comparison(interval, unit, metric_key(str(name))), start)

    def chain_descending(self, children: list[Any]) -> Located:
        high, s1, name, s2, low = children
        return self._chain(high, s1, name, s2, low, high.start)

    def chain_ascending(self, children: list[Any]) -> Located:
        low, s1, name, s2, high = children
        return self._chain(high, s2, name, s1, low, low.start)

    def fixed(self, children: list[Any]) -> Located:
        (word,) = children
        return Located(Comparison(FIXED_WORDS[str(word)]), start_of(word))

    def no_deduction(self, children: list[Any]) -> Located:
        (word,) = children  # 没有扣分, 无扣分: 扣分≤0
        deduction = str(word).removeprefix("没有").removeprefix("无")
        return Located(Comparison(Interval(None, Bound(Decimal(0), closed=True)), None, deduction), start_of(word))

    def otherwise(self, children: list[Any]) -> Located:
        (word,) = children
        return Located(Otherwise(), start_of(word))

    @staticmethod
    def _combined(parts: list[Located], combine: Any) -> Located:
        parts = _continued(parts)
        for part in parts:
            if isinstance(part.condition, BareValue) and part.condition.metric is None:
                raise Problem(
                    f"a bare value ({part.condition}) cannot be combined with other conditions;"
                    " expected a comparator (≥, 以上, …) or a metric name",
                    part.start,
                    zh=f"单独的数值（{part.condition}）不能与其他条件组合；应有比较符号（≥、以上等）或指标名称",
                )
        try:
            return Located(combine([part.condition for part in parts]), parts[0].start)
        except CriteriaError as error:
            raise Problem(str(error), parts[0].start, zh=error.zh) from None

    def all_of(self, children: list[Any]) -> Located:
        return self._combined(_named_by_the_noun_after(children), all_of)

    def any_of(self, children: list[Any]) -> Located:
        return self._combined(children, any_of)

    def start(self, children: list[Any]) -> Condition:
        tier, _end = children
        if tier.refused is not None:
            raise tier.refused
        condition: Condition = tier.condition
        return condition


def _continued(parts: list[Located]) -> list[Located]:
    """*parts* with a second bound on a share, which names no metric of its own (``、未超过扣除项目金额100%``),
    read as a bound on the share before it; one that no share of its base comes before is read as a
    name (低于期限…), or refused when its name cannot be one (:attr:`Located.refused`)."""
    result: list[Located] = []
    for part in parts:
        share = part.continues
        if share is not None:
            after = continues(share, result[-1].condition) if result else None
            if after is None and part.refused is not None:
                raise part.refused
            part = part if after is None else Located(after, part.start)
        result.append(part)
    return result


def _named_by_the_noun_after(parts: list[Located]) -> list[Located]:
    """*parts* joined by 且, with the noun after the last of several values naming the values
    before it that name nothing: 10人以上、30人以下死亡 is one range of 死亡."""
    named = list(parts)
    for index in range(len(named) - 2, -1, -1):
        part, following = named[index], named[index + 1]
        leaf = part.condition
        if following.named_after and isinstance(leaf, Comparison | BareValue) and leaf.metric is None:
            metric = next(following.condition.metrics())
            named[index] = Located(attrs.evolve(leaf, metric=metric), part.start, named_after=True)
    return named


@functools.cache
def tier_parser() -> Lark:
    """The parser of tier texts, with :class:`TierBuilder` inside it (built once, on first use)."""
    return saved_lark("tiers", TierBuilder)


if __name__ == "__main__":
    # The builder is saved by reference to its class: name it by its module, not by __main__.
    from kpi.text import parser

    print(write_tables("tiers", parser.TierBuilder()))
    print(write_tables("trees", None))
