"""How an outcome is taken before the decision: a fraction of a percentage, and a unit the tiers lack.

Readings of an outcome that depend on the tiers, not on the outcome alone: a bare number
from 0 to 1 on a percentage scale whose bounds all lie above 1% may be a fraction (0.965
for 96.5%, as pandas reads Excel), and its mirror, 90 on tiers written as fractions
(≥0.95 | …), a percentage (``percent``); an outcome in a unit for tiers that write none
(≤50.0 | 50.1~55.0 | … and 52dB) is read with the tiers taken in its unit.  All are
guesses a grade must note (``fraction``, ``percent``, ``unit-assumed``), so they are worked out here,
once, before :meth:`kpi.GradingModel.decide` sees the outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from kpi.errors import OutcomeError
from kpi.grading.model import GradingModel
from kpi.numbers import CONTEXT
from kpi.outcomes import read_outcome
from kpi.text.normalise import metric_key
from kpi.units import PERCENT, Quantity, Unit

__all__ = ["OutcomeReading", "read_for"]

_HUNDRED: Final = Decimal(100)


@attrs.frozen
class OutcomeReading:
    """An outcome as the decision takes it: ``outcome`` (a :class:`kpi.Quantity` read from the input
    when the reading changed it, else ``None``: the input as given), whether it is ``suspect`` of
    being a fraction, whether the tiers were read in its unit (``assumed``), that unit (``own``,
    ``None`` unless assumed), and whether it is ``large``.  Most outcomes are taken as given, with
    one of two readings made once (:data:`_AS_GIVEN`, :data:`_SUSPECT`), not one per grade."""

    outcome: object = None
    suspect: bool = False
    assumed: bool = False
    own: Unit | None = None
    #: A bare number a thousand times the tiers' largest bound in a unit with a magnitude (万元): 25000
    #: for ``3万元以内`` may be 2.5万元 written in 元.
    large: bool = False
    #: A bare number from twice the largest bound to 100 on tiers written as fractions (≥0.95 |
    #: 0.85-0.95 | …): 90 may be 90%, that is 0.9.
    percent: bool = False


#: The readings of most outcomes: taken as given, and so but suspect of being a fraction.
_AS_GIVEN: Final = OutcomeReading()
_SUSPECT: Final = OutcomeReading(suspect=True)


def _bare(outcome: object) -> bool:
    """Whether *outcome* is a number written without a unit (on a percentage scale, perhaps a fraction)."""
    if type(outcome) is str:
        return "%" not in outcome and "％" not in outcome
    return type(outcome) in (int, float, Decimal)


def read_for(model: GradingModel, outcome: object, *, fractions: bool = False) -> OutcomeReading:
    """*outcome* as *model* decides it; *fractions* says that bare numbers on a percentage scale
    are fractions (0.965 is 96.5%), which are then read times 100."""
    given, suspect = outcome, False
    if _on_percent(model) and (fractions or model.takes_fractions_for_percent):
        outcome, suspect = _as_fraction(model, outcome, fractions)
    # Tiers that write no unit, an outcome that does (≤50.0 and 52dB): read in its unit, and noted.
    if model.assumes_outcome_unit and isinstance(outcome, (str, Quantity)):
        written = read_outcome(outcome, model.metrics[0] if len(model.metrics) == 1 else None)
        if written.unit is not None and written.value != 0:
            return OutcomeReading(Quantity(written.value), suspect, True, written.unit)
    if _large(model, outcome):
        return OutcomeReading(outcome if outcome is not given else None, suspect, large=True)
    if _percent(model, outcome):
        return OutcomeReading(percent=True)
    if outcome is not given:
        return OutcomeReading(outcome, suspect)
    return _SUSPECT if suspect else _AS_GIVEN


def _on_percent(model: GradingModel) -> bool:
    """Whether *model* grades one metric in percent: unnamed (95% | 85%-94% | …), or named
    (满意度≥90% | …, whose figure a results file gives as {满意度: 0.92})."""
    metrics = model.metrics
    if metrics == (None,):
        return model.units.get(None) is PERCENT
    return len(metrics) == 1 and not model.quantified and model.units.get(metrics[0]) is PERCENT


def _as_fraction(model: GradingModel, outcome: object, fractions: bool) -> tuple[object, bool]:
    """*outcome* read times 100 when *fractions* says a bare number is a fraction, and whether it
    is suspect of being one; in a mapping ({满意度: 0.92}), the figure of the one metric."""
    if isinstance(outcome, Mapping):
        # The lone entry (named as the tiers, a column or an alias name it), or the one named as the tiers do.
        keys = list(outcome) if len(outcome) == 1 else [key for key in outcome if _names(model, key)]
        if len(keys) != 1:
            return outcome, False
        (key,) = keys
        try:
            value, suspect = _as_fraction(model, outcome[key], fractions)
        except OutcomeError:
            return outcome, False  # refused as Outcomes reads it, naming the metric
        return (outcome if value is outcome[key] else {**outcome, key: value}), suspect
    if not _bare(outcome):
        return outcome, False
    if not fractions and type(outcome) in (int, float):  # compared as it stands; NaN is refused later
        return outcome, 0 < outcome <= 1  # type: ignore[operator]
    quantity = read_outcome(outcome)
    if quantity.unit is None and fractions:
        return Quantity(CONTEXT.multiply(quantity.value, _HUNDRED), PERCENT), False
    return outcome, quantity.unit is None and 0 < quantity.value <= 1


def _names(model: GradingModel, key: object) -> bool:
    """Whether the mapping key *key* names the one metric of *model* (written as tiers write it)."""
    return isinstance(key, str) and metric_key(key) == model.metrics[0]


def _percent(model: GradingModel, outcome: object) -> bool:
    """Whether a bare number on one metric's tiers written as fractions (all bounds from -1 to 1, not
    all 0, no unit) lies from twice their largest bound to 100: 90 on ≥0.95 | … may be 90%, 0.9."""
    if len(model.metrics) != 1 or model.quantified or model.units[model.metrics[0]] is not None:
        return False
    largest = model.largest_value
    if not 0 < largest <= 1 or not _bare(outcome) or isinstance(outcome, bool):
        return False
    try:
        written = read_outcome(outcome, model.metrics[0])
    except OutcomeError:
        return False  # refused as the decision reads it
    return written.unit is None and max(largest * 2, Decimal(1)) < abs(written.value) <= _HUNDRED


def _large(model: GradingModel, outcome: object) -> bool:
    """Whether a bare number is beyond :attr:`kpi.GradingModel.magnitude_limit` (25000 for 3万元以内):
    it may be written in the base unit (元), which the tiers do not say."""
    limit = model.magnitude_limit
    if limit is None or not _bare(outcome) or isinstance(outcome, bool):
        return False
    written = read_outcome(outcome, model.metrics[0])
    return written.unit is None and abs(written.value) >= limit
