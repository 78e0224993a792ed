"""Checks on a tier set itself: gaps, overlaps, unreachable tiers, direction, slips.

Real tier sets are typed by hand and copied row to row; the seed document
has a run of rows whose worst tier reads ``61%以下``, ``62%以下``, …
``73%以下`` under ``60%-70%``, an autofill slip.  Grading stays well defined
(first match wins), but an evaluator must hear about such a row before its
grades go into a report.  All checks work on the union of the tiers'
intervals, not pair by pair, and respect the precision in which outcomes are
reported: with whole percents, ``95% | 85%-94%`` leaves no gap.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, localcontext
from typing import Final, Literal

import attrs

from kpi.direction import Direction
from kpi.grading.metric_names import likely_one
from kpi.grading.model import GradingModel
from kpi.grading.regions import empty_alternatives
from kpi.intervals import Interval, IntervalSet
from kpi.numbers import CONTEXT
from kpi.span_thresholds import spans_of
from kpi.text.band_names import band_rank
from kpi.text.words import is_rank
from kpi.units import Quantity, Unit, written
from kpi.wording import Words, words

__all__ = ["KINDS", "Finding", "lint"]

Kind = Literal[
    "gap",
    "overlap",
    "shared-bound",
    "unreachable",
    "direction",
    "suspicious",
    "typo",
    "metric-names",
    "joined",
    "assumption",
    "exception",
    "span",
]
Severity = Literal["error", "warning", "info"]

#: The kinds of finding, and what each means.
KINDS: Final = {
    "gap": "values that no tier covers",
    "overlap": "values that two tiers cover; the better tier wins",
    "unreachable": "a tier that can never hold or never be chosen",
    "direction": "a scale whose direction is unclear or contradicts its declaration",
    "suspicious": "a tier that is probably a slip, such as a worst tier reaching into better ones",
    "shared-bound": "a bound two tiers share, which goes to the tier that marks it",
    "typo": "a tier read with the correction of a typo",
    "metric-names": "tiers that name their metric in different words, which may be one score's",
    "joined": "neighbouring tiers given one label, read as one band",
    "assumption": "what a reading assumed: conditions without a figure taken as met, the rest of a tier set aside",
    "exception": "a tier's exception of its band that no figure can show (但…不得评为A级), taken not to apply",
    "span": "a tier whose threshold is fixed locally within a span (一千元至三千元以上): outcomes inside get no band",
}


@attrs.frozen
class Finding:
    """One problem of a tier set, in Chinese (``message``) and English (``message_en``)."""

    kind: Kind
    severity: Severity
    message: str
    message_en: str
    tiers: tuple[int, ...] = ()
    region: IntervalSet | None = None

    def __str__(self) -> str:
        return f"{self.severity}: {self.kind}: {self.message}"


def _span(region: IntervalSet | Interval, unit: Unit | None) -> str:
    """An interval set in the criteria's unit: 95%, [60%, 61%], (94%, 95%)."""
    return region.describe(lambda value: str(Quantity(value, unit)))


def _share_span(span: str, metric: str | None, base: str) -> Field:
    """*span* of a metric graded as a share of *base*, named as that share."""
    return lambda said: f"{said.share.format(metric=metric, base=base)} {span}"


def _only_points(region: IntervalSet) -> bool:
    return all(interval.is_point for interval in region)


def _sample(interval: Interval, step: Decimal | None) -> Decimal:
    """A value inside a bounded *interval*, on the reporting step when there is one."""
    assert interval.lower is not None and interval.upper is not None
    if step is not None:
        value = CONTEXT.multiply(
            CONTEXT.divide(interval.lower.value, step).to_integral_value(rounding="ROUND_CEILING"), step
        )
        while value not in interval:
            value = CONTEXT.add(value, step)
        return value
    with localcontext(CONTEXT) as context:
        context.prec = 1100  # exact for any value a tier text (500 characters at most) can write
        return (interval.lower.value + interval.upper.value) / 2


# A field of a finding's sentence: the same in both languages, or worded per language.
Field = str | Callable[[Words], str]


def _say(key: str, **fields: Field) -> tuple[str, str]:
    """The sentence *key* of :class:`kpi.wording.Words`, filled in, in Chinese and in English."""
    zh, en = (
        getattr(said, key).format(**{name: value(said) if callable(value) else value for name, value in fields.items()})
        for said in (words("zh"), words("en"))
    )
    return zh, en


def _assumed(key: str, wording: tuple[str, ...]) -> tuple[str, str]:
    """What a reading assumed of the tiers' *wording*, in Chinese and in English: the sentence *key* of
    :class:`kpi.wording.Words` that every grade's explanation says in brackets, without them."""
    zh, en = _say(key, wording=lambda said: said.join.join(wording))
    return zh.strip()[1:-1], en.strip()[1:-1]


def lint(model: GradingModel, *, precision: Decimal | None = None) -> list[Finding]:
    """Every finding about a tier set's *model*, most serious kinds first within each tier.

    *precision* is the step in which outcomes are reported (the model's own by default).
    """
    labels, texts = model.labels, model.texts

    def tier(index: int) -> Field:
        return lambda said: said.tier.format(label=said.tier_named(labels[index]), text=texts[index])

    findings: list[Finding] = []
    for index, fixes in enumerate(model.corrections):
        for fix in fixes:
            findings.append(Finding("typo", "warning", *_say("typo_read", tier=tier(index), correction=fix), (index,)))
    ranks = [band_rank(label) for label in labels]
    for index in range(1, len(ranks)):
        rank, before = ranks[index], ranks[index - 1]
        if rank is not None and before is not None and rank[0] == before[0] and rank[1] < before[1]:
            said = _say("band_order", tier=tier(index), label=labels[index], before=labels[index - 1])
            findings.append(Finding("suspicious", "warning", *said, (index - 1, index)))
    for index, joined in enumerate(model.joined):
        if joined:
            said = _say("joined_tiers", label=labels[index], texts=texts[index])
            findings.append(Finding("joined", "warning", *said, (index,)))
    for index, condition in enumerate(model.resolved):
        if not condition.satisfiable:
            findings.append(Finding("unreachable", "error", *_say("contradiction", tier=tier(index)), (index,)))
            continue
        for part in empty_alternatives(condition):
            findings.append(
                Finding("suspicious", "warning", *_say("empty_alternative", tier=tier(index), part=str(part)), (index,))
            )
    # What every grade notes: conditions taken as met (a guess strict grading refuses), words set aside.
    if model.met:
        findings.append(Finding("assumption", "warning", *_assumed("condition_met", model.met)))
    if model.set_aside:
        findings.append(Finding("assumption", "info", *_assumed("set_aside", model.set_aside)))
    if "exception-assumed" in model.notes:
        findings.append(Finding("exception", "warning", *_say("exception_assumed")))
    for index, spanned in spans_of(model.resolved):  # 一千元至三千元以上 (kpi.span_thresholds)
        ends = {"low": written(spanned.start, spanned.unit), "high": written(spanned.high, spanned.unit)}
        findings.append(Finding("span", "info", *_say("span_tier", tier=tier(index), **ends), (index,)))
    if model.quantified:
        return findings  # tiers about targets have no intervals to compare
    named = [metric for metric in model.metrics if metric is not None]
    if "one-metric" in model.notes:
        findings.append(Finding("metric-names", "warning", *_say("names_one")))
    elif likely_one(model.resolved, named):
        findings.append(Finding("metric-names", "info", *_say("names_apart", names="、".join(named))))
    findings.extend(_direction_findings(model))
    if len(model.metrics) != 1:
        return findings

    metric = model.metrics[0]
    unit = model.units[metric]
    direction = model.directions[metric]
    step = model.precision if precision is None else precision
    if step is None and is_rank(metric, unit):
        step = Decimal(1)  # a rank is a whole place: 第1-5名 and 第6-11名 leave no gap
    regions = [condition.region(metric) if condition.satisfiable else IntervalSet() for condition in model.resolved]
    last = len(regions) - 1
    covered = IntervalSet()
    for index, region in enumerate(regions):
        if not region:
            continue
        effective = region.difference(covered)
        if not effective.has_multiple_of(step):
            findings.append(Finding("unreachable", "error", *_say("never_chosen", tier=tier(index)), (index,), region))
        else:
            open_ended = _open_towards_better(region, direction)
            findings.extend(_overlaps(index, region, regions, step, unit, tier, labels, open_ended))
            shared = region.intersection(covered)
            if not open_ended and direction.monotone and shared.has_multiple_of(step) and not _only_points(shared):
                name: Field = (
                    (lambda said, text=texts[index]: said.worst_tier.format(text=text))
                    if index == last
                    else tier(index)
                )
                message = _say("swallows", tier=name, shared=_span(shared, unit), effective=_span(effective, unit))
                findings.append(Finding("suspicious", "warning", *message, (index,), shared))
        covered = covered.union(region)

    for value in sorted({value for _, value in model.shared}):
        winner = model.decide(lambda _metric, _unit, value=value: value).band
        if winner is not None:
            message = _say("shared_bound", value=_span(Interval.point(value), unit), tier=tier(winner))
            findings.append(Finding("shared-bound", "info", *message, (winner,), IntervalSet((Interval.point(value),))))
    base = model.bases.get(metric)
    for piece in covered.complement():
        # A gap in a share names it (增值额占扣除项目金额的比例 (50%, 60%]): its values are no amounts.
        span = _span(piece, unit) if base is None else _share_span(_span(piece, unit), metric, base)
        bounded = piece.lower is not None and piece.upper is not None
        if (model.monotone and not bounded) or not piece.has_multiple_of(step):
            continue
        if model.monotone:
            # Decided directly, not through grade(): a tier set may write values
            # larger than any outcome kpi accepts.
            sample = _sample(piece, step)
            band = model.decide(lambda _metric, _unit, sample=sample: sample).band
            message = _say("gap_lower", span=span, label="" if band is None else labels[band])
        else:
            message = _say("gap_none", span=span)
        findings.append(Finding("gap", "warning", *message, (), IntervalSet((piece,))))
    return findings


def _overlaps(
    index: int,
    region: IntervalSet,
    regions: list[IntervalSet],
    step: Decimal | None,
    unit: Unit | None,
    tier: Callable[[int], Field],
    labels: tuple[str, ...],
    open_ended: bool,
) -> list[Finding]:
    """Where tier *index* shares values with each better tier, and who wins them.

    Sharing one boundary value (``85%以上 | 70%-85%``) is the usual way of
    writing adjacent tiers, and nested thresholds (``≥95% | ≥90%``) are
    meant to overlap: both are reported as information only.
    """
    findings = []
    before = IntervalSet()
    for better, other in enumerate(regions[:index]):
        won = region.intersection(other.difference(before))
        before = before.union(other)
        if not won or not won.has_multiple_of(step):
            continue
        severity: Severity = "info" if open_ended or _only_points(won) else "warning"
        message = _say("overlap", tier=tier(index), better=tier(better), shared=_span(won, unit), winner=labels[better])
        findings.append(Finding("overlap", severity, *message, (better, index), won))
    return findings


def _open_towards_better(region: IntervalSet, direction: Direction) -> bool:
    """Whether a tier is a threshold, running on to the better end of the scale."""
    if direction is Direction.HIGHER_IS_BETTER:
        return region.intervals[-1].upper is None
    if direction is Direction.LOWER_IS_BETTER:
        return region.intervals[0].lower is None
    return False


def _direction_name(direction: Direction) -> Field:
    return lambda said: said.directions[direction.value]


def _direction_findings(model: GradingModel) -> list[Finding]:
    findings = []
    declared = model.declared
    for metric in model.metrics:
        inferred, unit = model.inferred[metric], model.units[metric]
        bare = metric in model.bare or None in model.bare

        def name(said: Words, metric: str | None = metric) -> str:
            base = model.bases.get(metric)
            shown = metric if base is None else said.share.format(metric=metric, base=base)
            return said.metric_name.format(metric=shown) if metric else ""

        if declared is not None and inferred is not None and declared is not inferred:
            message = _say(
                "declared_against",
                name=name,
                declared=_direction_name(declared),
                inferred=_direction_name(inferred),
            )
            findings.append(Finding("direction", "warning", *message))
        elif (
            declared is None
            and inferred is not None
            and inferred is not Direction.LOWER_IS_BETTER
            and is_rank(metric, unit)
        ):
            message = _say("rank_against", name=name, inferred=_direction_name(inferred))
            findings.append(Finding("direction", "warning", *message))
        elif declared is None and inferred is Direction.NON_MONOTONE:
            if bare:
                findings.append(Finding("direction", "warning", *_say("bare_non_monotone", name=name)))
            else:
                findings.append(Finding("direction", "info", *_say("non_monotone", name=name)))
        elif declared is None and inferred is None and bare:
            findings.append(Finding("direction", "info", *_say("no_direction", name=name)))
    return findings
