"""Units of tier values and outcomes, and conversion between them.

A unit belongs to a dimension; units of one dimension convert by a factor
(2天 is 48小时, 1万元 is 10000元), units of different dimensions never
compare: an outcome in 小时 for a percentage criteria is an error, not a
guess.  Spelling variants fold to one canonical name (工作日 → 个工作日,
日 → 天) so that ``str()`` of a rule is canonical.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from kpi.errors import OutcomeError
from kpi.numbers import CONTEXT, format_decimal

__all__ = ["PERCENT", "Quantity", "Unit", "convert", "unit_named", "unit_names", "written"]


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
    add("duration", "秒", 1)
    add("duration", "分钟", 60)
    add("duration", "小时", 3600, "个小时")
    add("duration", "天", 86400, "日")
    add("duration", "周", 604800)
    add("workday", "个工作日", 1, "工作日")
    add("month", "个月", 1, "月")
    add("month", "年", 12)
    add("money", "元", 1)
    add("money", "万元", 10000)
    add("score", "分")
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
        "吨",
        "亩",
        "米",
        "公里",
    ):
        add(count, count)
    return table


_UNITS: Final = _units()
PERCENT: Final = _UNITS["%"]


def unit_named(spelling: str) -> Unit:
    """The unit a spelling stands for.

    >>> unit_named("工作日").name
    '个工作日'
    """
    return _UNITS[spelling]


def unit_names() -> tuple[str, ...]:
    """Every spelling of a unit kpi knows (the grammar's UNIT terminal and %)."""
    return tuple(_UNITS)


def convert(value: Decimal, source: Unit | None, target: Unit | None) -> Decimal:
    """*value* in *source* expressed in *target*; a missing unit takes the other.

    >>> convert(Decimal(2), unit_named("天"), unit_named("小时"))
    Decimal('48')
    """
    if source is target or source is None or target is None or source == target:
        return value
    if source.dimension != target.dimension:
        raise OutcomeError(f"unit {source.name} cannot be compared with {target.name}")
    return CONTEXT.divide(CONTEXT.multiply(value, source.factor), target.factor)


@attrs.frozen
class Quantity:
    """A value with the unit it was written in (``None`` when none was written)."""

    value: Decimal
    unit: Unit | None = None

    def __str__(self) -> str:
        return written(self.value, self.unit)


def written(value: Decimal, unit: Unit | None) -> str:
    """A value with its unit as kpi writes it (96.5%, 18小时): what ``str(Quantity(value, unit))`` gives.

    >>> written(Decimal("96.50"), PERCENT)
    '96.5%'
    """
    return format_decimal(value) + (unit.name if unit else "")
