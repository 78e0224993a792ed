"""Units of tier values and outcomes, and conversion between them.

A unit belongs to a dimension; units of one dimension convert by a factor
(2天 is 48小时, 1万元 is 10000元), units of different dimensions never
compare: an outcome in 小时 for a percentage criteria is an error, not a
guess.  A duration (天, 周) and calendar time (个月, 季度, 年) convert only
approximately, a month being 28 to 31 days: :func:`approximate` gives the
range such a value spans, and :func:`convert`, which is exact, refuses them.
Spelling variants fold to one canonical name (工作日 → 个工作日, 日 → 天) so
that ``str()`` of a rule is canonical.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext
from typing import Final

import attrs

from kpi.errors import OutcomeError
from kpi.numbers import CONTEXT, format_decimal
from kpi.text.numerals import MAGNITUDES

__all__ = [
    "AFTER_DIGITS",
    "PERCENT",
    "SYMBOL_UNIT",
    "Quantity",
    "Span",
    "Unit",
    "approximate",
    "base_power",
    "convert",
    "of_base",
    "unit_named",
    "unit_names",
    "written",
]


@attrs.frozen
class Unit:
    """A unit: its canonical name, dimension and size in the dimension's base."""

    name: str
    dimension: str
    factor: Decimal = Decimal(1)

    def __str__(self) -> str:
        return self.name


def _units() -> dict[str, Unit]:
    table: dict[str, Unit] = {}

    def add(dimension: str, name: str, factor: int | str = 1, *aliases: str) -> None:
        unit = Unit(name, dimension, Decimal(factor))
        for spelling in (name, *aliases):
            table[spelling] = unit

    add("percent", "%")
    add("percent", "‰", "0.1")
    add("duration", "秒", 1)
    add("duration", "分钟", 60)
    add("duration", "小时", 3600, "个小时")
    add("duration", "天", 86400, "日")
    add("duration", "周", 604800, "星期", "个星期")
    add("workday", "个工作日", 1, "工作日")
    add("month", "个月", 1, "月")
    add("month", "季度", 3, "个季度")
    add("month", "年", 12)
    add("age", "岁", 1, "周岁")
    add("money", "元", 1)
    add("money", "万元", 10000)
    add("score", "分")
    add("length", "毫米", "0.001", "mm")
    add("length", "厘米", "0.01", "cm")
    add("length", "米", 1, "m")
    add("length", "公里", 1000, "千米", "km")
    add("mass", "毫克", "0.001", "mg")
    add("mass", "克", 1, "g")
    add("mass", "千克", 1000, "公斤", "kg")
    add("mass", "吨", 1_000_000)
    add("area", "平方米", 1, "m2")
    add("area", "公顷", 10000)
    add("volume", "毫升", "0.001", "ml", "mL")
    add("volume", "升", 1, "L")
    add("volume", "立方米", 1000, "m3")
    add("temperature", "°C", 1, "摄氏度")
    add("pressure", "mmHg", 1, "毫米汞柱")
    add("blood sugar", "mmol/L", 1, "毫摩尔/升", "毫摩尔每升")
    add("blood lipids", "mg/dL", 1, "mg/dl")
    add("air", "μg/m3", 1, "微克/立方米", "ug/m3")
    add("body mass index", "kg/m2", 1, "千克每平方米", "千克/平方米", "公斤/平方米")
    add("loudness", "dB", 1, "分贝", "dB(A)", "dBHL")
    add("rate per minute", "次/分钟", 1, "次/分")
    add("magnitude", "级")  # of an earthquake: 7.0级以上 (see AFTER_DIGITS)
    for count in (
        "人",
        "人次",
        "户次",
        "次",
        "个",
        "件",
        "项",
        "户",
        "家",
        "名",
        "篇",
        "场",
        "台",
        "套",
        "所",
        "期",
        "份",
        "批",
        "条",
        "座",
        "例",
        "起",
        "宗",
        "本",
        "册",
        "课时",
        "学时",
        "亩",
        "度",
        "处",
        "辆",
        "架",
        "艘",
        "栋",
        "幢",
        "张",
        "只",
        "株",
        "棵",
        "块",
        "盏",
        "床",
    ):
        add(count, count)
    return table


#: Units written in letters and symbols that kpi does not know (dBm, mg/L): read as
#: units of their own, which compare only with themselves.
SYMBOL_UNIT: Final = r"[A-Za-zμΩ°]+(?:/[A-Za-zμ]+)?[23]?(?:\([A-Z]\))?"
_SYMBOL_UNIT: Final = re.compile(SYMBOL_UNIT)


#: Units a tier writes only right after digits: 7.0级 is a magnitude, 二级以上医院数 a name.
AFTER_DIGITS: Final = ("级",)

_UNITS: Final = _units()
PERCENT: Final = _UNITS["%"]


def unit_named(spelling: str) -> Unit:
    """The unit a spelling stands for.

    >>> unit_named("工作日").name
    '个工作日'
    """
    known = _UNITS.get(spelling)
    if known is not None:
        return known
    if _SYMBOL_UNIT.fullmatch(spelling):
        return Unit(spelling, f"unit {spelling}")
    raise KeyError(spelling)


def unit_names() -> tuple[str, ...]:
    """Every spelling of a unit kpi knows (the grammar's UNIT terminal and %)."""
    return tuple(_UNITS)


def convert(value: Decimal, source: Unit | None, target: Unit | None) -> Decimal:
    """*value* in *source* expressed in *target*.  A value without a unit is taken to be
    in *target*; a value with a unit is never taken for a value of a scale without one.

    >>> convert(Decimal(2), unit_named("天"), unit_named("小时"))
    Decimal('48')
    """
    if source is target or source is None or source == target or (target is None and value == 0):
        return value  # zero is zero in every unit: 0% reads against 病毒木马感染率为0
    if target is None:
        raise OutcomeError(
            f"the tiers give their values without a unit; an outcome in {source.name} cannot be compared",
            zh=f"各档的数值未写单位；以“{source.name}”计的实际值无法与之比较",
        )
    if source.dimension != target.dimension:
        raise OutcomeError(
            f"unit {source.name} cannot be compared with {target.name}",
            zh=f"单位“{source.name}”与“{target.name}”无法比较",
        )
    return CONTEXT.divide(CONTEXT.multiply(value, source.factor), target.factor)


#: The calendar units whose length in days varies: their shortest and longest (a quarter of
#: three calendar months from any day is 89 to 92 days).
_CALENDAR_DAYS: Final = {"个月": (28, 31), "季度": (89, 92), "年": (365, 366)}
_DAY: Final = Decimal(86400)  # in the duration dimension's base, seconds


@attrs.frozen
class Span:
    """Where a value in a unit that converts only approximately lies in *unit*: from ``low`` to
    ``high`` (20天 is 20/31 to 20/28 个月), because ``calendar`` (个月, 季度 or 年) lasts from
    ``shortest`` to ``longest`` days.  The ends are rounded outwards, so the span holds every reading."""

    low: Decimal
    high: Decimal
    unit: Unit
    calendar: Unit
    shortest: int
    longest: int


def approximate(value: Decimal, source: Unit, target: Unit) -> Span | None:
    """*value* in *source* as the span it covers in *target*, when the two convert only
    approximately (a duration and calendar time); ``None`` for any other pair, which
    :func:`convert` converts exactly or refuses.  No single factor is right: 20天 is less
    than a month whichever month it is, 30天 is a whole month only of 30 days or fewer.

    >>> span = approximate(Decimal(20), unit_named("天"), unit_named("个月"))
    >>> str(span.low)[:6], str(span.high)[:6], span.calendar.name, span.shortest, span.longest
    ('0.6451', '0.7142', '个月', 28, 31)
    """
    dimensions = {source.dimension, target.dimension}
    if dimensions != {"duration", "month"}:
        return None
    from_calendar = source.dimension == "month"
    calendar = source if from_calendar else target
    shortest, longest = _CALENDAR_DAYS[calendar.name]
    with localcontext(CONTEXT) as context:
        context.prec = 2 * CONTEXT.prec + 20  # products of figures kpi reads are exact at this precision
        ends = [
            (value * _DAY * days, target.factor) if from_calendar else (value * source.factor, _DAY * days)
            for days in (shortest, longest)
        ]
        context.prec = CONTEXT.prec
        context.rounding = ROUND_FLOOR
        low = min(context.divide(amount, per) for amount, per in ends)
        context.rounding = ROUND_CEILING
        high = max(context.divide(amount, per) for amount, per in ends)
    return Span(low, high, target, calendar, shortest, longest)


@attrs.frozen
class Quantity:
    """A value with the unit it was written in (``None`` when none was written)."""

    value: Decimal
    unit: Unit | None = None
    #: The magnitude written after a value of no unit (80万), which :func:`of_base` may need.
    magnitude: str | None = attrs.field(default=None, eq=False, repr=False)

    def __str__(self) -> str:
        return written(self.value, self.unit)


@functools.cache  # asked of the tiers' unit on every grade of a bare number (kpi.grading.outcome_reading)
def base_power(unit: Unit) -> int | None:
    """The power of ten *unit* is of its base when it is written as a magnitude of it (4 for 万元, 3 for
    千克), else ``None`` (公里, 小时, 元).

    >>> base_power(unit_named("万元")), base_power(unit_named("千克")), base_power(unit_named("千米"))
    (4, 3, None)
    """
    for magnitude, power in MAGNITUDES.items():
        base = unit.name.removeprefix(magnitude)
        of_base = attrs.evolve(unit, name=base, factor=unit.factor.scaleb(-power))
        if base != unit.name and base in _UNITS and _UNITS[base] == of_base:
            return power
    return None


def of_base(value: Decimal, unit: Unit) -> Decimal | None:
    """*value*, written with *magnitude* and no unit (3万, 80万: 30000, 800000), in *unit* when *unit* is a
    magnitude of its base (万元: 3, 80), taking the value in the base; ``None`` when *unit* is
    another multiple of a base (公里, 天), where the value cannot be told.  A unit of one (人, 元) takes it as
    it is: 9.6万 is 96000人.  A share (%, ‰) takes none: 1.2万 in a percent column is a count in the wrong column."""
    if unit.dimension == "percent":
        return None
    if unit.factor == 1:
        return value
    power = base_power(unit)
    return None if power is None else value.scaleb(-power, CONTEXT)


def written(value: Decimal, unit: Unit | None) -> str:
    """A value with its unit as kpi writes it (96.5%, 18小时): what ``str(Quantity(value, unit))`` gives.

    >>> written(Decimal("96.50"), PERCENT)
    '96.5%'
    """
    return format_decimal(value) + (unit.name if unit else "")
