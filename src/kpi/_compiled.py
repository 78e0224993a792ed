"""A one-metric criteria compiled to a binary search over its exact bounds.

Every condition of a one-metric tier set is made of intervals whose ends
are the values the tiers write, so the grade can only change at those
values: it is constant on each open stretch between two of them and may
differ at each value itself.  Grading one representative of every stretch
and every value through the general path gives a table that grades any
outcome by a binary search, with exactly the same result.

Floats are compared with float bounds when that is exact: a bound with at
most 15 significant digits converts to the double nearest to it, and a
float lies below, on or above that double exactly when its shortest repr
(how kpi reads a float) lies below, on or above the bound.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, Final

import attrs

from kpi.bands import Band
from kpi.errors import OutcomeError
from kpi.indicators import TargetsCondition
from kpi.outcomes import Outcomes, number_value, read_outcome
from kpi.units import Quantity, Unit, convert

if TYPE_CHECKING:
    from kpi.criteria import Criteria

__all__ = ["Compiled", "compile_criteria"]

Decision = tuple[int | None, tuple[str, ...], int | None]
# Floats kpi grades: the sizes read_outcome accepts.
_LARGEST: Final = 1e15
_SMALLEST: Final = 1e-15
# Below this many items a list is graded item by item (NumPy costs more to set up).
_ARRAY_THRESHOLD: Final = 64


def _exact_as_float(value: Decimal) -> bool:
    digits = len(value.as_tuple().digits)
    return value == 0 or (digits <= 15 and 1e-300 < abs(float(value)) < 1e300)


@attrs.frozen
class Compiled:
    """The decisions of a one-metric criteria, stretch by stretch.

    ``decisions[2 * i]`` holds below ``bounds[i]`` (above the previous one),
    ``decisions[2 * i + 1]`` holds at ``bounds[i]``, and the last entry holds
    above every bound.
    """

    metric: str | None
    unit: Unit | None
    bounds: tuple[Decimal, ...]
    floats: tuple[float, ...] | None
    decisions: tuple[Decision, ...]
    bands: tuple[Band | None, ...]
    aliases: tuple[tuple[str, str], ...] = ()
    #: Per region: band, deciding tier (None unless direct), notes, basis.
    grades: tuple[tuple[Band | None, int | None, tuple[str, ...], int | None], ...] = ()

    def region(self, value: Decimal) -> int:
        index = bisect.bisect_left(self.bounds, value)
        return 2 * index + 1 if index < len(self.bounds) and self.bounds[index] == value else 2 * index

    def locate(self, number: int | float | Decimal) -> tuple[Decimal, int]:
        """A plain number as kpi reads it, and its region (floats compared as floats)."""
        if type(number) is float and self.floats is not None:
            magnitude = abs(number)
            if magnitude <= _LARGEST and (magnitude >= _SMALLEST or number == 0):
                return Decimal(repr(number)), self._float_region(number)
        value = number_value(number)
        return value, self.region(value)

    def _float_region(self, value: float) -> int:
        floats = self.floats
        assert floats is not None
        index = bisect.bisect_left(floats, value)
        return 2 * index + 1 if index < len(floats) and floats[index] == value else 2 * index

    def band_of(self, value: object) -> Band | None:
        kind = type(value)
        if kind is float and self.floats is not None:
            number = float(value)  # type: ignore[arg-type]
            magnitude = abs(number)
            if magnitude <= _LARGEST and (magnitude >= _SMALLEST or number == 0):
                return self.bands[self._float_region(number)]
            number_value(number)  # raises the same error grade() would
        if kind is int or kind is float or kind is Decimal:
            return self.bands[self.region(number_value(value))]  # type: ignore[arg-type]
        if isinstance(value, Mapping):
            outcomes = Outcomes.read(value, (self.metric,), dict(self.aliases))
            return self.bands[self.region(outcomes.lookup(self.metric, self.unit))]
        return self.bands[self.region(self.read(value))]

    def read(self, outcome: object) -> Decimal:
        """An outcome written with or without its unit (96.5%, 1天), in the scale's unit."""
        quantity = read_outcome(outcome)
        return convert(quantity.value, quantity.unit, self.unit)

    def bands_of(self, values: Iterable[object]) -> list[Band | None]:
        array = _numeric_array(values) if self.floats is not None else None
        if array is not None:
            return self._bands_of_array(array)
        bands: list[Band | None] = []
        band_of = self.band_of
        try:
            for value in values:
                bands.append(band_of(value))
        except OutcomeError as error:
            raise OutcomeError(f"outcome {len(bands)}: {error}") from None
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
                    number_value(float(values[position]))
                except OutcomeError as error:
                    raise OutcomeError(f"outcome {position}: {error}") from None
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
    with localcontext() as context:
        context.prec = max(digits + 10, 28)  # midpoints of long bounds must not round onto a bound
        points = [bounds[0] - 1]
        for bound, following in zip(bounds, [*bounds[1:], None], strict=True):
            points.append(bound)
            points.append(bound + 1 if following is None else (bound + following) / 2)
    return points


def compile_criteria(criteria: Criteria) -> Compiled | None:
    """The compiled form of *criteria*, or ``None`` unless it reads one metric."""
    model = criteria._model
    if model.quantified or len(model.metrics) != 1 or any(isinstance(c, TargetsCondition) for c in model.resolved):
        return None
    metric = model.metrics[0]
    unit = model.units[metric]
    # Stretching a tier towards the better end only drops one of its ends, so
    # the values the tiers write are every place the grade can change.
    bounds = sorted({value for _, value in criteria.bounds()})
    decisions: list[Decision] = []
    for point in _representatives(bounds):
        value = Quantity(point, unit)
        decisions.append(
            criteria._decide(lambda _metric, target, value=value: convert(value.value, value.unit, target))
        )
    bands = tuple(None if index is None else Band(index) for index, _, _ in decisions)
    floats = tuple(float(bound) for bound in bounds) if all(_exact_as_float(b) for b in bounds) else None
    if floats is not None and any(math.isinf(f) for f in floats):  # pragma: no cover - excluded above
        floats = None
    grades = tuple(
        (band, None if notes else index, notes, basis)
        for band, (index, notes, basis) in zip(bands, decisions, strict=True)
    )
    return Compiled(metric, unit, tuple(bounds), floats, tuple(decisions), bands, criteria.aliases, grades)
