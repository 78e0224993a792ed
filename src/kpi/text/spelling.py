"""The canonical spelling of a comparison: what ``str()`` of a rule writes, and reads back as an equal rule.

A comparison is written with symbols after its metric's name (``设备完好率≥80%且<90%``).  One on a
metric taken as a share of a base quantity (see :mod:`kpi.text.shares`) cannot be: the base stands
between the name and the value, so it is written with the comparator words the grammar reads
there, one per bound (``增值额超过扣除项目金额的50%且不超过扣除项目金额的100%``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from kpi.intervals import Bound, Interval
from kpi.numbers import format_decimal
from kpi.text.grammar import metric_needs_quotes
from kpi.units import Unit

__all__ = ["SHARE_WORDS", "comparison_text", "named", "value_text"]

#: The comparator word a share's bound is written with, by (lower end, closed).
SHARE_WORDS: Final = {(True, True): "不低于", (True, False): "超过", (False, True): "不超过", (False, False): "低于"}


def named(metric: str | None, body: str) -> str:
    """*body* after its metric's name, in quotes where the name would not read back alone."""
    return body if metric is None else (f"“{metric}”" if metric_needs_quotes(metric) else metric) + body


def value_text(value: Decimal, unit: Unit | None) -> str:
    return format_decimal(value) + (unit.name if unit else "")


def comparison_text(interval: Interval, unit: Unit | None, metric: str | None, base: str | None = None) -> str:
    """The canonical text of a comparison of *metric* (as a share of *base*, if any) with *interval*."""
    lower, upper = interval.lower, interval.upper
    if base is not None:
        ends: list[tuple[Bound, bool]] = [(end, end is lower) for end in (lower, upper) if end is not None]
        shares = [f"{SHARE_WORDS[is_lower, end.closed]}{base}的{value_text(end.value, unit)}" for end, is_lower in ends]
        return named(metric, "且".join(shares))
    if lower is None:
        assert upper is not None
        body = ("≤" if upper.closed else "<") + value_text(upper.value, unit)
    elif upper is None:
        body = ("≥" if lower.closed else ">") + value_text(lower.value, unit)
    elif interval.is_point:
        body = "=" + value_text(lower.value, unit)
    elif lower.closed and upper.closed:
        dash = "~" if lower.value < 0 or upper.value < 0 else "-"
        body = value_text(lower.value, unit) + dash + value_text(upper.value, unit)
    else:
        body = (
            ("≥" if lower.closed else ">")
            + value_text(lower.value, unit)
            + "且"
            + ("≤" if upper.closed else "<")
            + value_text(upper.value, unit)
        )
    return named(metric, body)
