"""What a grade must say beyond its own tier: a better tier that can never hold, a decrease written negative.

Both are doubts the text leaves that no rule of first match or of gaps can settle, so a grade
they touch says so (notes ``impossible`` and ``negative-decrease``, which ``strict=True``
refuses), however it was decided:

* a better tier, or an alternative (或) of one, that no outcome can meet (潜在经济损失500万元以上、
  5000元以下, 5000元 for 5000万元): as meant, the outcome may belong there;
* a negative outcome of a metric named as a decrease (同比下降 -6%, on 同比下降5%以上 | …) when no
  tier writes a negative value of it: a fall of 6% written with its sign, or a rise of 6%.  Rates
  (成本降低率 -6%) are figures in their own right, and are read as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final

from kpi.errors import OutcomeError
from kpi.grading.regions import bounds_of, empty_alternatives
from kpi.rules import Condition, Lookup
from kpi.units import Unit

__all__ = ["caveats", "decreases", "impossible_tiers"]

# A metric named by what fell: 同比下降, 能耗降低, 人数减少, 降幅; not a rate of it (降低率, 下降率).
_DECREASE: Final = re.compile(r"(?:下降|降低|减少|压减|缩减|削减|降幅|减幅|(?:下降|降低|减少)幅度)$")


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
) -> tuple[str, ...]:
    """The notes a decision of *band* (by its own *tier*, or placed between tiers when ``None``) adds."""
    # A grade between tiers (gap, below-scale) passed its own tier too.
    passed = impossible[: len(impossible) if band is None else band + (tier is None)]
    notes = ("impossible",) if any(passed) else ()
    return notes + (("negative-decrease",) if any(_negative(m, units[m], lookup) for m in falls) else ())


def _negative(metric: str, unit: Unit | None, lookup: Lookup) -> bool:
    try:
        return lookup(metric, unit) < Decimal(0)
    except OutcomeError:  # not given: the decision left it out, and says so
        return False
