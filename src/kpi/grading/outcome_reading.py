"""How an outcome is taken before the decision: a fraction of a percentage, and a unit the tiers lack.

Two readings of an outcome depend on the tiers, not on the outcome alone: a bare number
from 0 to 1 on a percentage scale whose bounds all lie above 1% may be a fraction (0.965
for 96.5%, as pandas reads Excel), and an outcome in a unit for tiers that write none
(≤50.0 | 50.1~55.0 | … and 52dB) is read with the tiers taken in its unit.  Both are
guesses a grade must note (``fraction``, ``unit-assumed``), so they are worked out here,
once, before :meth:`kpi.GradingModel.decide` sees the outcome.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from kpi.grading.model import GradingModel
from kpi.numbers import CONTEXT
from kpi.outcomes import read_outcome
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
    if (fractions or model.takes_fractions_for_percent) and _bare(outcome) and model.units.get(None) is PERCENT:
        if not fractions and type(outcome) in (int, float):  # compared as it stands; NaN is refused later
            suspect = 0 < outcome <= 1  # type: ignore[operator]
        else:
            quantity = read_outcome(outcome)
            if quantity.unit is None and fractions:
                outcome = Quantity(CONTEXT.multiply(quantity.value, _HUNDRED), PERCENT)
            else:
                suspect = quantity.unit is None and 0 < quantity.value <= 1
    # Tiers that write no unit, an outcome that does (≤50.0 and 52dB): read in its unit, and noted.
    if model.assumes_outcome_unit and isinstance(outcome, (str, Quantity)):
        written = read_outcome(outcome, model.metrics[0] if len(model.metrics) == 1 else None)
        if written.unit is not None and written.value != 0:
            return OutcomeReading(Quantity(written.value), suspect, True, written.unit)
    if _large(model, outcome):
        return OutcomeReading(outcome if outcome is not given else None, suspect, large=True)
    if outcome is not given:
        return OutcomeReading(outcome, suspect)
    return _SUSPECT if suspect else _AS_GIVEN


def _large(model: GradingModel, outcome: object) -> bool:
    """Whether a bare number is beyond :attr:`kpi.GradingModel.magnitude_limit` (25000 for 3万元以内):
    it may be written in the base unit (元), which the tiers do not say."""
    limit = model.magnitude_limit
    if limit is None or not _bare(outcome) or isinstance(outcome, bool):
        return False
    written = read_outcome(outcome, model.metrics[0])
    return written.unit is None and abs(written.value) >= limit
