"""What a grade must say beyond its own tier: a better tier that can never hold, a decrease written
negative, an outcome within a float's rounding of a bound.

Each is a doubt that no rule of first match or of gaps can settle, so a grade it touches says so
(notes ``impossible``, ``negative-decrease`` and ``rounding``, which ``strict=True`` refuses),
however it was decided:

* a better tier, or an alternative (或) of one, that no outcome can meet (潜在经济损失500万元以上、
  5000元以下, 5000元 for 5000万元): as meant, the outcome may belong there;
* a negative outcome of a metric named as a decrease (同比下降 -6%, on 同比下降5%以上 | …) when no
  tier writes a negative value of it: a fall of 6% written with its sign, or a rise of 6%.  Rates
  (成本降低率 -6%) are figures in their own right, and are read as written;
* an outcome of 15 digits or more within a float's rounding of a bound (94.99999999999999 beside
  95): a formula's result for the bound, which Excel shows as 95%.  kpi reads a float by its
  shortest repr and a text as written, so it is graded on its side of the bound, and noted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final

from kpi.errors import OutcomeError
from kpi.grading.regions import bounds_of, empty_alternatives
from kpi.numbers import CONTEXT
from kpi.rules import Condition, Lookup
from kpi.units import Unit

__all__ = ["caveats", "decreases", "impossible_tiers", "near_bound"]

# A metric named by what fell: 同比下降, 能耗降低, 人数减少, 降幅; not a rate of it (降低率, 下降率).
_DECREASE: Final = re.compile(r"(?:下降|降低|减少|压减|缩减|削减|降幅|减幅|(?:下降|降低|减少)幅度)$")


# A double's shortest repr has up to 17 digits, and what a person types rarely 15: from 15, a figure
# within 1E-12 of a bound (relative to it, or to 1 near 0) is taken for a rounding of it.
_LONG: Final = 15
_CLOSE: Final = Decimal("1E-12")
_ONE: Final = Decimal(1)


def near_bound(value: Decimal, bounds: Iterable[Decimal]) -> bool:
    """Whether *value* is a float's rounding of a bound: 15 digits or more, within 1E-12 of it, not it.

    >>> near_bound(Decimal("94.99999999999999"), [Decimal(95)]), near_bound(Decimal("94.99"), [Decimal(95)])
    (True, False)
    """
    if len(str(value)) < _LONG or len(value.as_tuple().digits) < _LONG:
        return False  # nearly every figure: too short to be a rounding (its text is longer than its digits)
    for bound in bounds:
        close = CONTEXT.multiply(_CLOSE, max(bound.copy_abs(), _ONE))
        if value != bound and CONTEXT.subtract(value, bound).copy_abs() <= close:
            return True
    return False


def impossible_tiers(resolved: Sequence[Condition]) -> tuple[bool, ...]:
    """Per tier, whether it, or an alternative (或) of it, can never hold."""
    return tuple(not c.satisfiable or bool(empty_alternatives(c)) for c in resolved)


def decreases(metrics: Sequence[str | None], resolved: Sequence[Condition]) -> tuple[str, ...]:
    """The metrics named as a decrease whose tiers write no negative value of them."""
    negative = {metric for condition in resolved for metric, value in bounds_of(condition) if value < 0}
    return tuple(m for m in metrics if m is not None and _DECREASE.search(m) and m not in negative)


def caveats(
    band: int | None,
    tier: int | None,
    impossible: Sequence[bool],
    falls: Sequence[str],
    units: Mapping[str | None, Unit | None],
    lookup: Lookup,
    resolved: Sequence[Condition] = (),
) -> tuple[str, ...]:
    """The notes a decision of *band* (by its own *tier*, or placed between tiers when ``None``) adds;
    *resolved* are the tiers whose bounds an outcome may be a rounding of."""
    # A grade between tiers (gap, below-scale) passed its own tier too.
    passed = impossible[: len(impossible) if band is None else band + (tier is None)]
    notes: tuple[str, ...] = ("impossible",) if any(passed) else ()
    notes += ("negative-decrease",) if any(_negative(m, units[m], lookup) for m in falls) else ()
    return notes + (("rounding",) if any(_rounded(m, u, lookup, resolved) for m, u in units.items()) else ())


def _rounded(metric: str | None, unit: Unit | None, lookup: Lookup, resolved: Sequence[Condition]) -> bool:
    try:
        value = lookup(metric, unit)
    except OutcomeError:  # not given: the decision left it out, and says so
        return False
    bounds = (bound for condition in resolved for name, bound in bounds_of(condition) if name == metric)
    return near_bound(value, bounds)


def _negative(metric: str, unit: Unit | None, lookup: Lookup) -> bool:
    try:
        return lookup(metric, unit) < Decimal(0)
    except OutcomeError:  # not given: the decision left it out, and says so
        return False
