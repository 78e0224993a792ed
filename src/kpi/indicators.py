"""Indicators (绩效指标) and their targets; completion rates against them.

An indicator text states what the year should achieve, in prose:
``城镇新增就业10万人，失业人员再就业3万人。`` or ``城镇登记失业率控制在4%以内``.
Most tier sets then grade a completion rate (``95% | 85%-94% | …``), and
some grade the targets directly (``两项指标中任意一项超额完成且高于1%``).
This module finds the targets in the prose; :mod:`kpi.targets` works out
how far actual figures meet them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Final

import attrs

from kpi.errors import KpiSyntaxError, OutcomeError, too_long
from kpi.numbers import parse_weight
from kpi.outcomes import Outcomes
from kpi.rules import AllOf, BareValue, Comparison, Condition
from kpi.targets import Aggregate, Completion, Target, TargetCompletion, combine
from kpi.text.normalise import metric_key, normalise
from kpi.text.numerals import chinese_number
from kpi.text.reading import parse_rule

__all__ = ["MAX_INDICATOR_LENGTH", "Indicator"]

#: Longest indicator text kpi reads.
MAX_INDICATOR_LENGTH: Final = 5000
# Item numbers in enumerations (1、… 2各项…), which are not values; 2.5万人 is one.  A number glued to the
# word after it is one only in a text that numbers its items with a mark (1、…2各项…3、…): alone, 12头 is
# a count in a 指标值 cell.
_NUMBERING: Final = re.compile(r"(?:^|(?<=[。；;，,]))\s*[0-9]{1,2}\s*(?:[、)]|\.(?![0-9]))")
_GLUED_NUMBER: Final = re.compile(
    r"(?:^|(?<=[。；;，,]))\s*[0-9]{1,2}\s*(?=[^\W0-9_])"
    r"(?![万千亿百个人次件项天日元分小周年月名户家篇场台套所期份批条座例起宗本册吨亩米工课学])"
)
# What continues a quantity past a stretch's end, or before its start: a stretch cut there reads another
# figure (≤475元/亩 read ≤475元, 1.3万亿斤 1.3万, ±3%以内 ≤3%).
_CONTINUES: Final = re.compile(r"\s*(?:[/*·×%‰0-9.]|[万亿千]|以[上下内]|[及或]以)")
_SIGNS: Final = "±+-−"
# A comma between digits groups them (1,000人) and ends no clause.
_SEGMENT_SEPARATORS: Final = re.compile(r"(?:[、;。!?\n]|(?<![0-9]),|,(?![0-9]{3}(?![0-9])))+")
# A number glued to a Latin letter is part of a name (PM2.5, PM10, SO2), not a value; nor is a change in
# percentage points a target kpi reads (降低5个百分点 read 百≥5个, cut to a name 百).  A number in Chinese
# numerals is one when it is a share (百分之八十五) or has two characters or more (二百人, 十万人, 四点五万):
# a numeral of one character is most often a name (一次性, 四个意识, 三满意, 一是), and 第十二 a place.
_CN: Final = "零〇一二两三四五六七八九十百千万亿"
# The end of a number, which a stretch never leaves glued to the word after it (≤475元/亩 read ≤475).
_GLUED: Final = re.compile(rf"[0-9{_CN}]")
_VALUES: Final = re.compile(
    r"(?<![A-Za-z0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9.]|个?百分点)"
    rf"|[百千]分之[{_CN}]+(?:点[{_CN}]+)?(?!个?百分点)"
    rf"|(?<![{_CN}点第])(?![万亿])(?:[{_CN}]{{2,}}|[{_CN}](?=点))(?:点[{_CN}]+)?(?![{_CN}点]|个?百分点)"
)


# What says that a number after it is a figure, even one that looks like a year: 达到预计值2100.
_FIGURE_BEFORE: Final = re.compile(r"(?:值|数|量|为|达到|达|[≥>=<≤])\s*$")
# A date, which is no value: 11月30日前, 12月底, 1月-12月, 2023.07-2024.01 (a year's month after its point).
_DATE: Final = re.compile(
    r"(?:19|20)[0-9]{2}年度?|[0-9]{1,2}月(?:[0-9]{1,2}日|[底前末初中份]|[上中下]旬|\s*[-~至到])|(?<=月)[0-9]{1,2}日"
    r"|(?<=年)[0-9]{1,2}月|(?<=月[-~至到])[0-9]{1,2}月|(?:19|20)[0-9]{2}\.(?:0[1-9]|1[0-2])(?![0-9])"
)


def _values(segment: str) -> Iterator[re.Match[str]]:
    """The values in *segment*; a run of numeral characters that is no number (十三五, 一一) is a name."""
    for match in _VALUES.finditer(segment):
        written = match.group()
        if not written[0].isdigit():
            try:
                chinese_number(written.removeprefix("百分之").removeprefix("千分之"))
            except ValueError:
                continue
        yield match


# How far past its digits a value may run: unit (个工作日), word (及以上), mark.
_VALUE_TAIL: Final = 9
# A leading word that joins a target to the sentence before it (且免费率…).
_LEADING_SKIP: Final = 3


def _targets_of(condition: Condition) -> list[Target]:
    """The targets a parsed fragment states; a bare value is a minimum to reach, but 0 a value to keep.
    A share of a base (增值额未超过扣除项目金额50%) is none: a target keeps no base, and a figure for the
    metric would be read as the share."""
    targets: list[Target] = []
    parts = condition.parts if isinstance(condition, AllOf) else (condition,)
    for part in parts:
        if isinstance(part, BareValue):
            # 0 alone (差错率0%) is the value to keep to: as a minimum it would always be met.
            targets.append(Target(part.metric, "=" if part.value == 0 else "≥", part.value, part.unit))
        elif isinstance(part, Comparison) and part.base is None:
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


def _read_at(segment: str, number: re.Match[str], after: int) -> tuple[list[Target], int] | None:
    """The targets read from the longest stretch around *number* that reads as a tier text, starting
    at most :data:`_LEADING_SKIP` past *after*, and where the stretch ends; ``None`` if none reads."""
    if "左右" in segment[number.end() : number.end() + _VALUE_TAIL]:
        return None  # 增幅6.5%左右 (read a metric 左右 of at least 6.5%): about a value, no bound
    ends = [len(segment), *range(min(len(segment), number.end() + _VALUE_TAIL), number.end() - 1, -1)]
    for end in dict.fromkeys(ends):
        cut = end < len(segment)
        if cut and (_CONTINUES.match(segment, end) or (_GLUED.match(segment[end - 1]) and segment[end].isalpha())):
            continue
        for start in range(after, after + min(_LEADING_SKIP, number.start() - after) + 1):
            if start and segment[start - 1] in _SIGNS:
                continue
            try:
                condition = parse_rule(segment[start:end]).condition
            except KpiSyntaxError:
                continue
            if cut and any(name and name in segment[number.end() : end] for name in condition.metrics()):
                continue  # a name after the value, cut from the prose (1.3万亿斤 read a metric 亿斤以)
            targets = [
                target
                for target in _targets_of(condition)
                if not (_is_year(target) and not _FIGURE_BEFORE.search(segment, 0, number.start()))
                and not _is_allowance(target)
            ]
            return targets, end
    return None


def _segment_targets(segment: str) -> tuple[list[Target], bool]:
    """The targets a clause of an indicator states, and whether a figure in it went unread.

    The clause is prose around targets (且免费率达到100%, 申报…达标率100%给予…,
    2018年完成率100%); each target is the longest stretch around a value,
    after the last one read, that reads as a tier text.  A figure no stretch
    reads at all (not even as a year) is unread: the indicator may state a
    target kpi does not see.
    """
    targets: list[Target] = []
    unread = False
    after = 0
    for number in _values(segment):
        if number.start() < after:
            continue  # read with the stretch before (10%-20%, 3至5万人)
        if date := _DATE.match(segment, number.start()):
            # A date is no value (12月底到位); one that opens the clause names nothing (2018年完成率100%),
            # but within a name it stays there (浓度比2015年下降18%以上).
            after = date.end() if not segment[after : number.start()].strip() else after
            continue
        read = _read_at(segment, number, after)
        if read is None:
            unread = True
            continue
        found, after = read
        if not found:  # a year or an allowance (完成2016, 各5千元补助): what follows may name the next target
            after = number.end()
        targets.extend(found)
    return targets, unread


def _target_tuple(targets: tuple[Target, ...] | list[Target]) -> tuple[Target, ...]:
    return tuple(targets)


def _clause_tuple(clauses: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(clauses)


@attrs.frozen
class Indicator:
    """An indicator text (绩效指标) and the targets it states.

    An indicator with no number (``符合…审核要求``) is qualitative: it has no
    targets, and its tiers grade a completion rate the evaluator assesses.
    ``unread`` holds the clauses with a figure kpi could not read as a target
    (nor as a year): the indicator may state more than ``targets``, so
    completion against them is refused rather than computed on the rest.
    """

    targets: tuple[Target, ...] = attrs.field(converter=_target_tuple)
    text: str = attrs.field(default="", eq=False)
    unread: tuple[str, ...] = attrs.field(default=(), converter=_clause_tuple)

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
        if (error := too_long(text, "indicator", MAX_INDICATOR_LENGTH)) is not None:
            raise error
        folded = normalise(text).text
        folded = _NUMBERING.sub("", _GLUED_NUMBER.sub("", folded) if _NUMBERING.search(folded) else folded)
        targets: list[Target] = []
        unread: list[str] = []
        previous_prose: str | None = None
        for segment in _SEGMENT_SEPARATORS.split(folded):
            segment = segment.strip()
            found, missed = _segment_targets(segment) if segment else ([], False)
            if missed:
                unread.append(segment)
            if found and previous_prose and all(target.metric is None for target in found):
                # 建立我市事业单位面试评委库，不少于300人: the clause before names it.
                found = [attrs.evolve(target, metric=metric_key(previous_prose)) for target in found]
            targets.extend(found)
            previous_prose = None if found else segment or previous_prose
        return cls(tuple(targets), text, tuple(unread))

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
        if self.unread:
            clauses = "”、“".join(self.unread)
            raise OutcomeError(
                f"this indicator states figures kpi cannot read as targets (“{clauses}”);"
                " grade an assessed completion rate instead",
                zh=f"该绩效指标中“{clauses}”的数字未能读成目标值；请改按评估得出的完成率评定",
            )
        if not targets:
            raise OutcomeError(
                "this indicator states no target; grade an assessed completion rate instead",
                zh="该绩效指标没有给出目标值；请改按评估得出的完成率评定",
            )
        given = Outcomes.read(actuals, self.metrics).quantity
        per_target = tuple(TargetCompletion.of(target, given(target.metric, target.unit)) for target in targets)
        keyed = (
            None if weights is None else {metric_key(name): parse_weight(weight) for name, weight in weights.items()}
        )
        return combine(per_target, aggregate, keyed)

    def __str__(self) -> str:
        return "、".join(str(target) for target in self.targets) or self.text
