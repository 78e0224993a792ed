"""The national form's scoring rule (项目支出绩效自评表): one 指标值 per row, scored out of its 分值.

Since 2019 most departments set their targets on the national form — 一级指标,
二级指标, 三级指标 and one 指标值 per row (``≥95%``, ``≤30个工作日``,
``100人次``, ``有所提升``) — and score the year on its self-evaluation form
with 实际完成值, 分值 and 得分.  The rule, as the published forms and the
2016 central notice state it (``docs/national-form-research.md`` quotes the
sources and where they disagree):

- a quantitative indicator that meets its 指标值 earns its full 分值; one
  that misses it earns 分值 × completion, where completion is actual ÷
  target for a target to reach (≥) and target ÷ actual for a limit (≤);
- a qualitative indicator (``有所提升``) is graded by the evaluator as 达成,
  部分达成 or 未达成.  The published scoring software lets the evaluator pick
  a score within a range of the 分值 for each grade: [80%, 100%], [60%,
  80%), [0, 60%).  kpi gives a fixed share (100%, 60%, 0% unless the caller
  gives others, see :class:`Shares`), and accepts a 得分 written by hand
  that lies in the grade's range;
- the 预算执行率 row earns 分值 × the rate, never more than its 分值.

Which rows are which is read from the form's texts here; reading the form's
columns is :mod:`kpi.io.sheets`'s, and adding up is :mod:`kpi.scoring`'s.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Final

import attrs

from kpi.direction import Direction
from kpi.errors import KpiError, OutcomeError
from kpi.numbers import CONTEXT, format_decimal
from kpi.outcomes import read_outcome, unitless_in
from kpi.rules import BareValue, Comparison
from kpi.text.reading import parse_condition
from kpi.units import PERCENT, Unit, convert, written
from kpi.wording import Language, words

__all__ = [
    "DEFAULT_SHARES",
    "GRADES",
    "GRADE_RANGES",
    "Assessment",
    "FormTarget",
    "Shares",
    "assess",
    "check_score",
    "grade_of",
]

#: The grades of a qualitative indicator, best first.
GRADES: Final = ("达成", "部分达成", "未达成")
#: The share of its 分值 a hand-written 得分 may take in each grade: (lowest, highest, highest included).
GRADE_RANGES: Final[Mapping[str, tuple[Decimal, Decimal, bool]]] = MappingProxyType(
    {
        "达成": (Decimal("0.8"), Decimal(1), True),
        "部分达成": (Decimal("0.6"), Decimal("0.8"), False),
        "未达成": (Decimal(0), Decimal("0.6"), False),
    }
)
# What evaluators write for each grade: the software's full names, and the plain words of filled forms.
_GRADE_WORDS: Final = MappingProxyType(
    {
        **dict.fromkeys(
            ("达成", "已达成", "达成年度指标", "达成预期指标", "达成目标", "完成", "已完成", "全部完成", "达标", "是"),
            "达成",
        ),
        **dict.fromkeys(("部分达成", "部分达成年度指标并具有一定效果", "基本达成", "部分完成", "基本完成"), "部分达成"),
        **dict.fromkeys(
            ("未达成", "未达成年度指标且效果较差", "未完成", "未达标", "未达到", "否"),
            "未达成",
        ),
    }
)
_UNSPOKEN: Final = re.compile(r"[\s　，。,.、;；:：!！]")
_DIGIT: Final = re.compile(r"[0-9０-９]")
# The row of the budget's execution rate, scored by the rate itself.
_BUDGET: Final = ("预算执行率", "资金执行率", "预算执行情况", "预算资金执行率", "执行率")
# Where a bare 指标值 is a limit not to exceed rather than a figure to reach.
_COST: Final = "成本"


def grade_of(text: str) -> str | None:
    """The qualitative grade a 实际完成值 names (达成, 部分达成, 未达成), or ``None``."""
    return _GRADE_WORDS.get(_UNSPOKEN.sub("", unicodedata.normalize("NFKC", text)))


def _share(value: Decimal | int | str) -> Decimal:
    """A share of 0 to 1, or a percentage written with %."""
    text = str(value).strip()
    try:
        share = Decimal(text.removesuffix("%"))
    except InvalidOperation:
        raise KpiError(f"a share must be a number, not {value!r}", zh=f"份额应为数字，而不是 {value!r}") from None
    if text.endswith("%"):
        share = CONTEXT.divide(share, Decimal(100))
    if not share.is_finite() or not 0 <= share <= 1:
        raise KpiError(
            f"a share must lie between 0 and 1 (or 0% and 100%), not {value!r}",
            zh=f"份额应在 0 与 1 之间（或 0% 与 100% 之间），而不是 {value!r}",
        )
    return share


@attrs.frozen
class Shares:
    """The share of its 分值 each qualitative grade earns, 0 to 1 (or a percentage).

    >>> Shares.parse("100,70,30").partial
    Decimal('0.7')
    """

    achieved: Decimal = attrs.field(default=Decimal(1), converter=_share)
    partial: Decimal = attrs.field(default=Decimal("0.6"), converter=_share)
    missed: Decimal = attrs.field(default=Decimal(0), converter=_share)

    def __attrs_post_init__(self) -> None:
        if not self.achieved >= self.partial >= self.missed:
            raise KpiError(
                "shares must not rise from 达成 to 部分达成 to 未达成", zh="份额不能从达成到部分达成再到未达成逐级升高"
            )

    @classmethod
    def parse(cls, text: str) -> Shares:
        """Three shares, 达成 first, separated by commas: ``100,60,0`` or ``1,0.6,0``."""
        parts = [part.strip().removesuffix("%") for part in re.split(r"[,，、]", text)]
        if len(parts) != 3:
            raise KpiError(
                f"give three shares for 达成, 部分达成, 未达成, such as 100,60,0; not {text!r}",
                zh=f"请给出达成、部分达成、未达成三档的份额，如 100,60,0；而不是 {text!r}",
            )
        # Written as percentages (100,60,0) when any is above 1 or marked with %.
        percent = "%" in text or any(_above_one(part) for part in parts)
        return cls(*(f"{part}%" if percent else part for part in parts))

    def of(self, grade: str) -> Decimal:
        """The share of *grade* (达成, 部分达成 or 未达成)."""
        return {"达成": self.achieved, "部分达成": self.partial, "未达成": self.missed}[grade]


def _above_one(text: str) -> bool:
    try:
        return Decimal(text) > 1
    except InvalidOperation:
        return False  # the converter says what is wrong with it


@attrs.frozen
class FormTarget:
    """A row's 指标值 as kpi scores it: a figure to reach or not to exceed, a
    qualitative target (``condition`` is ``None``), or the 预算执行率 row."""

    text: str
    condition: Comparison | None
    budget: bool = False
    #: A bare 指标值 (``100人次``) read as a figure to reach, or under 成本指标 as a limit: a note says so.
    bare: bool = False

    @property
    def qualitative(self) -> bool:
        return self.condition is None and not self.budget

    @classmethod
    def parse(cls, text: str, *, indicator: str = "", levels: Sequence[str] = ()) -> FormTarget:
        """Read a 指标值; *indicator* (the 三级指标) and *levels* (一级, 二级) say
        whether it is the 预算执行率 row and whether a bare figure is a limit."""
        text = text.strip()
        budget = any(name in part for name in _BUDGET for part in (indicator, *levels))
        if not text:
            if budget:
                return cls(text, None, budget=True)
            raise KpiError("指标值 is empty", zh="指标值为空")
        try:
            condition = parse_condition(text)
        except KpiError:
            if budget or not _DIGIT.search(unicodedata.normalize("NFKC", text)):
                return cls(text, None, budget=budget)  # 有所提升, 逐步完善: a target graded in words
            raise
        if isinstance(condition, BareValue):
            limit = any(_COST in part for part in levels)
            direction = Direction.LOWER_IS_BETTER if limit else Direction.HIGHER_IS_BETTER
            return cls(text, condition.comparison(direction), budget=budget, bare=True)
        if not isinstance(condition, Comparison):
            raise KpiError(
                f"指标值 “{text}” is not one target (read as {condition}); the form gives one per row",
                zh=f"指标值“{text}”不是单一目标（读作 {condition}）；表中每行只填一个指标值",
            )
        if condition.base is not None:
            # 增值额未超过扣除项目金额50%: actual ÷ target would divide a share without its base.
            raise KpiError(
                f"指标值 “{text}” bounds {condition.metric} as a share of {condition.base}; the form's rule"
                " (actual ÷ target) needs a target of its own",
                zh=f"指标值“{text}”限定的是{condition.metric}占{condition.base}的比例；表中的计分规则"
                "（实际值÷指标值）需要指标本身的目标值",
            )
        return cls(text, condition, budget=budget)


@attrs.frozen
class Assessment:
    """How one row of the form scored: its grade, the share of its 分值 earned, and why."""

    grade: str
    share: Decimal
    explanation: str
    notes: tuple[str, ...] = ()
    #: The shares a hand-written 得分 may take (a qualitative grade's range), or ``None``: it must agree.
    allowed: tuple[Decimal, Decimal, bool] | None = None


#: The shares of 达成, 部分达成 and 未达成 unless the caller gives others: 100%, 60%, 0%.
DEFAULT_SHARES: Final = Shares()


def assess(target: FormTarget, actual: str, shares: Shares = DEFAULT_SHARES, lang: Language = "zh") -> Assessment:
    """Score a 实际完成值 against *target*; raises :class:`KpiError` with the reason when it cannot."""
    said, zh = words(lang), words("zh")
    actual = actual.strip()
    grade = grade_of(actual)
    if grade is not None:
        if target.qualitative:
            explanation = said.form_qualitative.format(grade=grade, share=_percent(shares.of(grade)))
        else:
            explanation = said.form_word.format(actual=actual, grade=grade, share=_percent(shares.of(grade)))
        return Assessment(grade, shares.of(grade), explanation, (), GRADE_RANGES[grade])
    if target.qualitative:
        raise KpiError(
            said.form_needs_word.format(target=target.text, actual=actual),
            zh=zh.form_needs_word.format(target=target.text, actual=actual),
        )
    quantity = read_outcome(actual)
    notes: list[str] = []
    if target.budget:
        rate = quantity.value if quantity.unit is None else convert(quantity.value, quantity.unit, PERCENT)
        share = min(max(CONTEXT.divide(rate, Decimal(100)), Decimal(0)), Decimal(1))
        label = "完成" if share == 1 else "未完成"
        return Assessment(label, share, said.form_budget.format(rate=written(rate, PERCENT), share=_percent(share)))
    condition = target.condition
    assert condition is not None
    unit: Unit | None = condition.unit
    value = quantity.value
    if quantity.unit is not None and unit is not None:
        try:
            value = convert(value, quantity.unit, unit)
        except OutcomeError:
            raise KpiError(
                said.form_unit.format(actual=actual, target=target.text),
                zh=zh.form_unit.format(actual=actual, target=target.text),
            ) from None
    elif quantity.unit is None and unit is not None:
        value = unitless_in(None, quantity, unit)  # 80万 on a 指标值 in 万元 is 80万元
        bounds = [bound.value for bound in (condition.interval.lower, condition.interval.upper) if bound is not None]
        if unit == PERCENT and 0 < value <= 1 and any(bound > 1 for bound in bounds):
            # 0.96: a fraction, or under one percent?
            raise KpiError(said.form_fraction.format(actual=actual), zh=zh.form_fraction.format(actual=actual))
        notes.append(said.form_unitless.format(unit=unit.name))
    if target.bare:
        notes.append(said.form_bare_limit if condition.interval.lower is None else said.form_bare_reach)
    shown = actual if quantity.unit is not None else written(value, unit)
    if value in condition.interval:
        return Assessment("完成", Decimal(1), said.form_met.format(actual=shown, target=target.text), tuple(notes))
    lower, upper = condition.interval.lower, condition.interval.upper
    if lower is not None and (value < lower.value or (value == lower.value and not lower.closed)):
        ratio = CONTEXT.divide(value, lower.value) if lower.value > 0 else Decimal(0)
        how = said.form_reach
    else:
        assert upper is not None
        ratio = CONTEXT.divide(upper.value, value) if value > 0 else Decimal(0)
        how = said.form_limit
    share = min(max(ratio, Decimal(0)), Decimal(1))
    explanation = said.form_missed.format(actual=shown, target=target.text, share=_percent(share), how=how)
    return Assessment("未完成", share, explanation, tuple(notes))


def _percent(share: Decimal) -> str:
    return format_decimal(CONTEXT.multiply(share, Decimal(100)).quantize(Decimal("0.01"))) + "%"


def check_score(
    written_score: str, computed: Decimal, points: Decimal, allowed: tuple[Decimal, Decimal, bool] | None
) -> tuple[Decimal, bool] | None:
    """A 得分 written on the form, checked against kpi's: ``None`` when none is
    written, else the score to count and whether the two agree.

    A figure agrees when kpi's, rounded to as many decimals as the written one
    shows, is the same (5 agrees with 4.99).  For a qualitative grade, a
    written 得分 within the grade's range is the evaluator's to choose, and counts.
    """
    text = written_score.strip()
    if not text:
        return None
    try:
        given = Decimal(unicodedata.normalize("NFKC", text).rstrip("分"))
    except InvalidOperation:
        return computed, False
    if not given.is_finite():
        return computed, False
    if allowed is not None:
        low, high, high_included = allowed
        top = CONTEXT.multiply(high, points)
        if CONTEXT.multiply(low, points) <= given and (given < top or (high_included and given == top)):
            return given, True
        return computed, False
    exponent = given.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) and exponent < 0 else 0)
    return computed, computed.quantize(places) == given.quantize(places)
