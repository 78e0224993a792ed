"""A one-metric tier set compiled to a binary search over its exact bounds: a cache of the decision.

Every condition of a one-metric tier set is made of intervals whose ends
are the values the tiers write, so the decision can only change at those
values: it is constant on each open stretch between two of them and may
differ at each value itself.  Asking :meth:`kpi.GradingModel.decide` about
one representative of every stretch and every value gives a table that
decides any outcome by a binary search, with exactly the same result (a
property test compares the two).

Floats are compared with float bounds when that is exact: a bound with at
most 15 significant digits converts to the double nearest to it, and a
float lies below, on or above that double exactly when its shortest repr
(how kpi reads a float) lies below, on or above the bound.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, localcontext
from typing import Any, Final

import attrs

from kpi.errors import OutcomeError
from kpi.grading.bands import Band
from kpi.grading.caveats import near_bound
from kpi.grading.model import Decision, GradingModel
from kpi.grading.regions import bounds_of
from kpi.numbers import CONTEXT
from kpi.outcomes import read_outcome
from kpi.text.words import is_rank
from kpi.units import Quantity, Unit, convert

__all__ = ["Compiled"]

# Floats kpi grades: the sizes read_outcome accepts.
_LARGEST: Final = 1e15
_SMALLEST: Final = 1e-15
# What the compiled search reads itself: plain numbers and texts.
_LOCATED: Final = (str, int, float, Decimal, Quantity)
# Below this many items a list is graded item by item (NumPy costs more to set up).
_ARRAY_THRESHOLD: Final = 64


def _exact_as_float(value: Decimal) -> bool:
    digits = len(value.as_tuple().digits)
    return value == 0 or (digits <= 15 and 1e-300 < abs(float(value)) < 1e300)


@attrs.frozen
class Compiled:
    """The decisions of a one-metric tier set, stretch by stretch.

    ``decisions[2 * i]`` holds below ``bounds[i]`` (above the previous one),
    ``decisions[2 * i + 1]`` holds at ``bounds[i]``, and the last entry holds
    above every bound; ``bands`` are the bands of those decisions; ``assumes_unit`` says
    whether an outcome with a unit is read in it, the tiers writing none.
    """

    metric: str | None
    unit: Unit | None
    bounds: tuple[Decimal, ...]
    floats: tuple[float, ...] | None
    decisions: tuple[Decision, ...]
    bands: tuple[Band | None, ...]
    assumes_unit: bool = False

    @classmethod
    def of(cls, model: GradingModel, bands: Sequence[Band]) -> Compiled | None:
        """The compiled form of *model*, or ``None`` unless it reads one metric."""
        if model.quantified or len(model.metrics) != 1 or model.bases:
            return None  # a share is checked to be given in % (kpi.grading.bases), as only the general path does
        metric = model.metrics[0]
        unit = model.units[metric]
        if is_rank(metric, unit):
            return None  # a rank is checked to be a whole place, as only the general path does
        # Stretching a tier towards the better end only drops one of its ends, so
        # the values the tiers write are every place the decision can change; 0 too, where a decrease
        # written negative is noted (kpi.grading.caveats).
        values = sorted(
            {bound for condition in model.resolved for _, bound in bounds_of(condition)}
            | ({Decimal(0)} if model.decreases else set())
        )
        decisions = tuple(
            model.decide(lambda _metric, target, point=point: convert(point, unit, target))
            for point in _representatives(values)
        )
        floats = tuple(float(value) for value in values) if all(map(_exact_as_float, values)) else None
        by_decision = tuple(None if d.band is None else bands[d.band] for d in decisions)
        return cls(metric, unit, tuple(values), floats, decisions, by_decision, model.assumes_outcome_unit)

    def region(self, value: Decimal) -> int:
        index = bisect.bisect_left(self.bounds, value)
        return 2 * index + 1 if index < len(self.bounds) and self.bounds[index] == value else 2 * index

    def _float_region(self, value: float) -> int:
        floats = self.floats
        assert floats is not None
        index = bisect.bisect_left(floats, value)
        return 2 * index + 1 if index < len(floats) and floats[index] == value else 2 * index

    def locate(self, outcome: object) -> tuple[Decimal, int] | None:
        """A number or a text as kpi reads it, in the scale's unit, and its region;
        ``None`` for what is neither (a mapping), which the general path reads."""
        kind = type(outcome)
        if kind is float and self.floats is not None:
            number: float = outcome  # type: ignore[assignment]
            magnitude = abs(number)
            if magnitude <= _LARGEST and (magnitude >= _SMALLEST or number == 0):
                # A float lies below, on or above a bound's double exactly when its
                # shortest repr (how kpi reads it) lies below, on or above the bound.
                value = Decimal(repr(number))
                return None if near_bound(value, self.bounds) else (value, self._float_region(number))
        if kind is not str and not isinstance(outcome, _LOCATED):
            return None
        quantity = read_outcome(outcome, self.metric)
        unit = quantity.unit
        # Tiers that write no unit may be read in the outcome's (GradingModel.assumes_outcome_unit).
        plain = unit is self.unit or unit is None or self.assumes_unit
        if not plain and unit is not None and self.unit is not None and unit.dimension != self.unit.dimension:
            return None  # 20天 on tiers in 个月, read across its span (kpi.grading.ranges), or refused
        if unit is None and quantity.magnitude is not None and self.unit is not None:
            return None  # 80万 on tiers in 万元: read in the base (kpi.outcomes.unitless_in), or refused
        value = quantity.value if plain else convert(quantity.value, unit, self.unit)
        return None if near_bound(value, self.bounds) else (value, self.region(value))

    def bands_of(self, values: Iterable[object], general: Callable[[object], Band | None]) -> list[Band | None]:
        """The band of each value; *general* grades what :meth:`locate` does not read."""
        array = _numeric_array(values) if self.floats is not None else None
        if array is not None:
            return self._bands_of_array(array)
        bands: list[Band | None] = []
        try:
            for value in values:
                located = self.locate(value)
                bands.append(general(value) if located is None else self.bands[located[1]])
        except OutcomeError as error:
            raise OutcomeError(
                f"outcome {len(bands)}: {error}", zh=f"实际值 {len(bands)}：{error.says('zh')}"
            ) from None
        return bands

    def _bands_of_array(self, array: Any) -> list[Band | None]:
        import numpy as np

        values = array.astype(np.float64, copy=False)
        if len(values) == 0:
            return []
        magnitude = np.abs(values)
        largest, smallest = magnitude.max(), magnitude.min()
        # NaN makes the maximum NaN, which fails the comparison; a tiny value
        # other than zero is rare, so look for one only when the minimum is tiny.
        if not largest <= _LARGEST or smallest < _SMALLEST:
            bad = ~(magnitude <= _LARGEST) | ((magnitude < _SMALLEST) & (values != 0))
            if bad.any():
                position = int(np.argmax(bad))
                try:
                    read_outcome(float(values[position]))
                except OutcomeError as error:
                    raise OutcomeError(
                        f"outcome {position}: {error}", zh=f"实际值 {position}：{error.says('zh')}"
                    ) from None
        # Each bound b, then the next float after it: a value is at or past b
        # exactly when it is b or more, at or past the next float when it is
        # above b, so counting the edges at or below a value gives its region
        # (2i below bound i, 2i + 1 on it).
        edges = self._edges()
        if len(edges) < 255:
            # Few edges (the usual case): one comparison per edge, counted in bytes.
            regions = np.zeros(len(values), dtype=np.uint8)
            passed = np.empty(len(values), dtype=bool)
            for edge in edges:
                np.greater_equal(values, edge, out=passed)
                regions += passed.view(np.uint8)
        else:
            regions = np.searchsorted(edges, values, side="right")
        table = np.empty(len(self.bands), dtype=object)
        table[:] = self.bands
        result: list[Band | None] = table[regions].tolist()
        return result

    def _edges(self) -> Any:
        import numpy as np

        assert self.floats is not None
        bounds = np.asarray(self.floats, dtype=np.float64)
        edges = np.empty(2 * len(bounds), dtype=np.float64)
        edges[0::2] = bounds
        edges[1::2] = np.nextafter(bounds, np.inf)
        return edges


def _numeric_array(values: Iterable[object]) -> Any:
    """*values* as a NumPy array of plain numbers, when they are that (never bools).

    A list qualifies when every item is a Python float or int: a bool, a
    Decimal or a text keeps the exact per-item path.
    """
    try:
        import numpy as np
    except ImportError:
        return None
    if isinstance(values, np.ndarray):
        return values if values.dtype.kind in "iuf" else None
    if isinstance(values, list) and len(values) >= _ARRAY_THRESHOLD and set(map(type, values)) <= {float, int}:
        return np.asarray(values, dtype=np.float64)
    return None


def _representatives(bounds: Sequence[Decimal]) -> list[Decimal]:
    """A value in every stretch and at every bound, in order."""
    if not bounds:
        return [Decimal(0)]
    digits = max(len(bound.as_tuple().digits) - int(bound.as_tuple().exponent) for bound in bounds)
    with localcontext(CONTEXT) as context:
        context.prec = max(digits + 10, CONTEXT.prec)  # midpoints of long bounds must not round onto a bound
        points = [bounds[0] - 1]
        for bound, following in zip(bounds, [*bounds[1:], None], strict=True):
            points.append(bound)
            points.append(bound + 1 if following is None else (bound + following) / 2)
    return points
