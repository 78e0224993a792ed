"""The result of grading one outcome, and its explanation in words.

A grade goes into an evaluation report, so it carries more than a band: the
decision (the tier that decided it, notes when no tier matched directly),
the outcome as read, and an explanation in Chinese or English that an
evaluator can paste next to the figure.  The sentences come from
:mod:`kpi.wording`; this module chooses them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from kpi.grading.bands import Band
from kpi.grading.model import Decision, GradingModel
from kpi.grading.ranges import Ranged
from kpi.numbers import format_decimal, format_rounded
from kpi.outcomes import Outcomes
from kpi.rules import AllOf, AnyOf, Comparison, Condition, Otherwise
from kpi.span_thresholds import span_containing
from kpi.targets import Completion, TargetCompletion
from kpi.units import PERCENT, Quantity, Unit, written
from kpi.wording import Language, Words, english_band, words

__all__ = ["Grade"]


@attrs.frozen
class Grade:
    """A graded outcome: the :class:`kpi.Decision`, the outcomes it was made on, and why.

    ``values`` holds each metric's outcome in the criteria's unit (the
    ``outcomes`` property gives them with that unit attached); ``completion``
    the completion rate graded, when the figures were an indicator's actuals;
    ``outcome_unit`` the unit the outcome was written in when the tiers write
    none and were read in it (note ``unit-assumed``), which explanations show;
    ``ranged`` the outcome that converts to the tiers' unit only approximately
    (20天 on tiers in 个月, note ``unit-range``), whose value in ``values`` is then
    the low end of its span, and which ``outcomes`` gives as written.
    """

    decision: Decision
    values: tuple[tuple[str | None, Decimal], ...]
    model: GradingModel = attrs.field(eq=False, repr=False)
    completion: Completion | None = None
    outcome_unit: Unit | None = None
    ranged: Ranged | None = None

    @property
    def band(self) -> Band | None:
        """The band given, ``None`` only for an uncovered outcome on a non-monotone scale."""
        index = self.decision.band
        return None if index is None else Band(index, self.model.labels[index])

    @property
    def label(self) -> str | None:
        """The document's name for the band (优, or A, or 一档…)."""
        index = self.decision.band
        return None if index is None else self.model.labels[index]

    @property
    def tier(self) -> int | None:
        """The tier that matched directly, ``None`` when the gap rules placed the outcome."""
        return self.decision.tier

    @property
    def notes(self) -> tuple[str, ...]:
        """Why no tier matched directly (``gap``, ``above-scale``, …; see :data:`kpi.NOTES`)."""
        return self.decision.notes

    @property
    def basis(self) -> int | None:
        """The tier whose band was given, whether it matched directly or not."""
        return self.decision.band

    @property
    def outcomes(self) -> tuple[tuple[str | None, Quantity], ...]:
        """Each metric's outcome as graded, in the criteria's unit for it; one that converts to it
        only approximately (note ``unit-range``) as written, since no one value in that unit is it."""
        units, ranged = self.model.units, self.ranged
        return tuple(
            (metric, ranged.written if ranged and metric == ranged.metric else Quantity(value, units.get(metric)))
            for metric, value in self.values
        )

    @property
    def outcome(self) -> Quantity:
        """The outcome, when the criteria reads a single metric."""
        outcomes = self.outcomes
        if len(outcomes) != 1:
            raise ValueError("this grade has several outcomes; use .outcomes")
        return outcomes[0][1]

    def refusal(self, lang: Language = "zh") -> str:
        """Why ``grade(..., strict=True)`` refuses this grade, in *lang*: the note read on a
        guess (``fraction``, ``unit-assumed``, ``one-metric``, …) and why, or that no tier
        matches directly and alone; then the explanation."""
        said = words(lang)
        explained = self.explain(lang)
        guessed = next((note for note in self.decision.notes if note in said.strict_why), None)
        if guessed is None:
            return said.strict_unmatched.format(explained=explained)
        name, why = said.note_names[guessed], said.strict_why[guessed]
        return said.strict_refused.format(note=guessed, name=name, why=why, explained=explained)

    def tiers_text(self, index: int) -> str:
        """The tier text at *index* as the document wrote it."""
        return self.model.texts[index]

    def explain(self, lang: Language = "zh") -> str:
        """Why the outcome got its band, in Chinese (``"zh"``) or English (``"en"``).

        >>> from kpi import Criteria
        >>> Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"]).grade("96.5%").explain()
        '96.5% ≥ 95%（高出1.5个百分点）→ 优'
        """
        said = words(lang)
        model = self.model
        prefix = "" if self.completion is None else _describe_completion(self.completion, said)
        decision = self.decision
        band, tier, notes = decision.band, decision.tier, decision.notes
        given = [metric for metric, _ in self.values]
        own = self.outcome_unit
        outcomes = self.outcomes
        ranged = self.ranged
        shown = said.join.join(
            (
                f"{_name(metric, model.bases.get(metric), said)} "
                if metric and (len(outcomes) > 1 or metric in model.bases)
                else ""
            )
            + (
                ranged.shown(said)
                if ranged and metric == ranged.metric
                else written(quantity.value, quantity.unit or own)
            )
            for metric, quantity in outcomes
        )
        if tier is not None:
            if decision.evaluation is not None:
                reason = _describe_evaluation(decision.evaluation, said)
            elif ranged is not None:  # in the tier wherever in its span it lies: no one value to compare
                reason = said.meets.format(shown=shown, text=model.texts[tier])
            else:
                reason = _describe(model.resolved[tier], self.values, model, model.texts[tier], said, own)
            noted = _notes(decision, model, said, given, ranged)
            return f"{prefix}{_arrow(reason)}{_band_name(model.labels[tier], lang)}{noted}"
        found = span_containing(model.resolved, dict(self.values)) if "span" in notes else None
        if found is not None:
            index, span = found
            low, high = written(span.start, span.unit), written(span.high, span.unit)
            label = _band_name(model.labels[index], lang)
            return f"{prefix}{said.span.format(shown=shown, low=low, high=high, label=label)} → {said.no_band}"
        if band is None:
            return f"{prefix}{shown} {said.uncovered} → {said.no_band}"
        label, text = model.labels[band], model.texts[band]
        named, above = said.tier_named(label), said.tier_named(model.labels[band - 1]) if band else ""
        if "gap" in notes and decision.evaluation is not None:
            shown = _describe_evaluation(decision.evaluation, said)
            reason = said.unearned.format(shown=shown, better=above, better_text=model.texts[band - 1], label=named)
        elif "gap" in notes:
            reason = said.gap.format(
                shown=shown, better=above, better_text=model.texts[band - 1], label=named, text=text
            )
        elif "above-scale" in notes:
            reason = said.above.format(shown=shown, label=named, text=text)
        else:
            reason = said.below.format(shown=shown, label=named, text=text)
        return f"{prefix}{_arrow(reason)}{_band_name(label, lang)}{_notes(decision, model, said, given, ranged)}"


def _notes(
    decision: Decision,
    model: GradingModel,
    said: Words,
    given: Sequence[str | None] = (),
    ranged: Ranged | None = None,
) -> str:
    """The notes of a decision in words, each typo's correction included; *given*: the metrics with outcomes,
    *ranged*: the outcome read across its span."""
    if not decision.notes:
        return ""
    texts = [said.note_texts.get(note, "") for note in decision.notes if note != "typo"]
    if "typo" in decision.notes and decision.band is not None:
        texts += [said.typo.format(correction=fix) for fix in model.corrections[decision.band]]
    if "set-aside" in decision.notes:
        texts.append(said.set_aside.format(wording=said.join.join(model.set_aside)))
    if "condition-met" in decision.notes:
        texts.append(said.condition_met.format(wording=said.join.join(model.met)))
    if "unit-range" in decision.notes and ranged is not None:
        texts.append(said.unit_range.format(**ranged.length(said)))
    if "unmeasured" in decision.notes:
        missing = [metric for metric in model.metrics if metric is not None and metric not in given]
        texts.append(said.unmeasured.format(metrics=said.join.join(missing)))
    return "".join(texts)


def _band_name(label: str, lang: Language) -> str:
    return label if lang == "zh" else english_band(label)


def _arrow(reason: str) -> str:
    """The reason and the arrow to the band; a full-width bracket needs no space."""
    return reason + ("→ " if reason.endswith("）") else " → ")


def _rate(rate: Decimal) -> str:
    return format_rounded(rate) + "%"


def _difference(amount: Decimal, unit: Unit | None, said: Words) -> str:
    if unit is None:
        return format_decimal(amount)
    return format_decimal(amount) + (said.points if unit == PERCENT else unit.name)


def _describe_completion(completion: Completion, said: Words) -> str:
    rate = _rate(completion.rate)
    details = said.join.join(
        [
            said.target_rate(
                item.target.metric or "",
                written(item.actual.value, item.actual.unit),
                item.target.requirement,
                # One target, or the lowest of several: its rate is the overall one.
                rate if item.rate is completion.rate else _rate(item.rate),
            ).strip()
            for item in completion.per_target
        ]
    )
    # How several targets combine (取最低值) is said only where there are several.
    how = said.aggregates[completion.aggregate] if len(completion.per_target) > 1 else ""
    return said.completion(rate, details, how)


def _describe_margin(item: TargetCompletion, said: Words) -> str:
    """How far one target was beaten or missed, in words."""
    unit = said.points if item.target.unit in (PERCENT, None) else "%"
    amount = format_rounded(abs(item.margin))
    if item.margin == 0 and item.met:
        return said.met_exactly
    return (said.beaten_by if item.met else said.missed_by).format(amount=amount, unit=unit)


# The relation an actual figure that misses a target bears to it.
_NOT = {"≥": "<", ">": "≤", "≤": ">", "<": "≥", "=": "≠"}


def _describe_evaluation(evaluation: Sequence[TargetCompletion], said: Words) -> str:
    """Each target against its actual figure, with how far it was beaten or missed."""
    return said.join.join(
        f"{item.target.metric or ''} {item.actual} {item.target.op if item.met else _NOT[item.target.op]} "
        f"{written(item.target.value, item.target.unit)}{_describe_margin(item, said)}".strip()
        for item in evaluation
    )


def _name(metric: str, base: str | None, said: Words) -> str:
    """How an explanation names *metric*: as a share of its *base*, if it is graded as one."""
    return metric if base is None else said.share.format(metric=metric, base=base)


def _compare(condition: Comparison, value: Decimal, said: Words, own: Unit | None = None) -> str:
    """How *value* satisfies the comparison *condition*; *own*: the outcome's unit, shown
    with the value and the difference where the tier writes none and was read in it."""
    unit = condition.unit
    shown_unit = unit or own
    shown = (f"{_name(condition.metric, condition.base, said)} " if condition.metric else "") + written(
        value, shown_unit
    )
    lower, upper = condition.interval.lower, condition.interval.upper
    if upper is None:
        assert lower is not None
        diff = value - lower.value
        extra = said.exactly if diff == 0 else said.above_by(_difference(diff, shown_unit, said))
        return f"{shown} {'≥' if lower.closed else '>'} {written(lower.value, unit)}{extra}"
    if lower is None:
        diff = upper.value - value
        extra = said.exactly if diff == 0 else said.below_by(_difference(diff, shown_unit, said))
        return f"{shown} {'≤' if upper.closed else '<'} {written(upper.value, unit)}{extra}"
    if lower.value == upper.value:
        return f"{shown} = {written(lower.value, unit)}"
    if lower.closed and upper.closed:
        return said.within(shown, str(Comparison(condition.interval, unit)))
    return (
        f"{written(lower.value, unit)} {'≤' if lower.closed else '<'} {shown} "
        f"{'≤' if upper.closed else '<'} {written(upper.value, unit)}"
    )


def _describe(
    condition: Condition,
    values: tuple[tuple[str | None, Decimal], ...],
    model: GradingModel,
    text: str,
    said: Words,
    own: Unit | None = None,
) -> str:
    """How the outcomes *values* (in the model's units) satisfy *condition*, a tier that matched
    directly; *own*: the outcome's unit, where the tiers write none and were read in it."""
    if isinstance(condition, Comparison):
        value = values[0][1] if len(values) == 1 else dict(values)[condition.metric]
        return _compare(condition, value, said, own)
    if isinstance(condition, Otherwise):
        shown = said.join.join(written(value, model.units.get(metric) or own) for metric, value in values)
        return said.otherwise.format(shown=shown, text=text)
    if isinstance(condition, AllOf):
        return said.and_.join(_describe(part, values, model, text, said, own) for part in condition.parts)
    # The model resolves bare values and binds tiers about targets, and a decision
    # on targets keeps its evaluation: what remains is a choice of comparisons.
    assert isinstance(condition, AnyOf), condition
    lookup = Outcomes({metric: Quantity(value, model.units.get(metric)) for metric, value in values}).lookup
    holding = [part for part in condition.parts if set(part.metrics()) <= set(dict(values)) and part.holds(lookup)]
    return _describe(holding[0], values, model, text, said, own)
