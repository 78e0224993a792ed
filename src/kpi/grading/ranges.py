"""Grading an outcome in a unit that converts to the tiers' only approximately: 20天 on tiers in 个月.

A month is 28 to 31 days, so 20天 is some value from 20/31 to 20/28 个月
(:func:`kpi.units.approximate`); reading it with one factor (30 days a month) is a guess
that can change the band, since 31天 is a month or more.  The decision is taken at every
place in the span where it can change: its ends, each bound of the tiers inside it, and a
value between each two of those (between two bounds the decision is constant, which
:mod:`kpi.grading.compiled` relies on too).  When every one gives the same band, the
outcome gets it, noted ``unit-range``; as no reading of the outcome gives another band,
nothing is guessed, and strict grading does not refuse it.  Otherwise it is refused,
naming the bands, and asked for in the tiers' unit.
"""

from __future__ import annotations

import itertools
from decimal import localcontext

import attrs

from kpi.errors import OutcomeError
from kpi.grading.model import Decision, GradingModel
from kpi.grading.regions import bounds_of
from kpi.numbers import CONTEXT, format_rounded
from kpi.outcomes import Outcomes
from kpi.units import Quantity, Span, approximate
from kpi.wording import Language, Words, words

__all__ = ["Ranged", "decide_in_span", "ranged"]


@attrs.frozen
class Ranged:
    """An outcome read approximately: its ``metric``, the figure as ``written`` (20天), and the
    ``span`` it covers in the tiers' unit for the metric."""

    metric: str | None
    written: Quantity
    span: Span

    def shown(self, said: Words) -> str:
        """The outcome with its span, as an explanation shows it: 20天（折合0.645至0.714个月）."""
        span = self.span
        low, high = format_rounded(span.low, 3), format_rounded(span.high, 3)
        return said.unit_span.format(written=self.written, low=low, high=high, unit=span.unit)

    def length(self, said: Words) -> dict[str, object]:
        """What the span rests on, for a sentence: the calendar unit and its shortest and longest length."""
        span = self.span
        return {
            "calendar": said.calendars[span.calendar.name],
            "shortest": span.shortest,
            "longest": span.longest,
        }


def ranged(model: GradingModel, outcomes: Outcomes) -> Ranged | None:
    """The outcome of *outcomes* that converts to its metric's unit only approximately, if one does
    (20天 for tiers in 个月); several such are refused, as the band could depend on how they combine."""
    if model.quantified or model.bases:
        return None  # targets and shares read their figures themselves
    found = []
    for metric in model.metrics:
        quantity, unit = outcomes.values.get(metric), model.units[metric]
        if quantity is None or quantity.unit is None or unit is None:
            continue
        span = approximate(quantity.value, quantity.unit, unit)
        if span is not None:
            found.append(Ranged(metric, quantity, span))
    if len(found) > 1:
        listed = "、".join(str(item.written) for item in found)
        raise OutcomeError(
            f"{listed} convert to the tiers' units only approximately: give them in the tiers' units",
            zh=f"{listed}与各档的单位只能近似换算：请按各档的单位给出",
        )
    return found[0] if found else None


def decide_in_span(model: GradingModel, outcomes: Outcomes, item: Ranged) -> tuple[Decision, Outcomes]:
    """The decision on *outcomes* wherever in its span *item* lies, and the outcomes at the span's
    low end; :class:`kpi.OutcomeError` when the band depends on where it lies."""
    span = item.span
    inside = {
        value
        for condition in model.resolved
        for metric, value in bounds_of(condition)
        if metric == item.metric and span.low < value < span.high
    }
    ends = sorted({span.low, span.high, *inside})
    with localcontext(CONTEXT) as context:
        context.prec = 2 * CONTEXT.prec  # a midpoint of two close values must not round onto one of them
        between = [(lower + upper) / 2 for lower, upper in itertools.pairwise(ends)]
    readings = []
    for point in sorted({*ends, *between}):
        at = Outcomes({**outcomes.values, item.metric: Quantity(point, span.unit)})
        model.given(at)  # raises for a metric with no figure, as at any one value
        readings.append((model.decide(at.lookup), at))
    bands = list(dict.fromkeys(decision.band for decision, _ in readings))
    if len(bands) > 1:
        raise OutcomeError(_straddles(model, item, bands, "en"), zh=_straddles(model, item, bands, "zh"))
    decisions = [decision for decision, _ in readings]
    first = decisions[0]
    if any(decision != first for decision in decisions):
        # One band, reached directly in part of the span and by the gap rules elsewhere: the notes of all.
        notes = tuple(dict.fromkeys(note for decision in decisions for note in decision.notes))
        tier = first.tier if all(decision.tier == first.tier for decision in decisions) else None
        first = Decision(first.band, tier, notes)
    return first, readings[0][1]


def _straddles(model: GradingModel, item: Ranged, bands: list[int | None], lang: Language) -> str:
    said = words(lang)
    named = said.join.join(said.no_band if band is None else said.tier_named(model.labels[band]) for band in bands)
    return said.unit_straddles.format(shown=item.shown(said), bands=named, unit=item.span.unit, **item.length(said))
