"""The result of grading one outcome, and its explanation in words.

A grade goes into an evaluation report, so it carries more than a band: the
tier that decided it, notes when no tier matched directly (the outcome fell
in a gap, or beyond the scale), the outcome as read, and an explanation in
Chinese or English that an evaluator can paste next to the figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

import attrs

from kpi.bands import Band
from kpi.intervals import format_decimal, format_rounded
from kpi.outcomes import Outcomes
from kpi.rules import AllOf, AnyOf, Comparison, Condition, Otherwise
from kpi.units import PERCENT, Quantity, Unit

if TYPE_CHECKING:
    from kpi.criteria import Criteria
    from kpi.indicators import Completion, TargetCompletion

__all__ = ["NOTES", "Grade"]

#: Every note a grade can carry, and what it means.
NOTES: Final[Mapping[str, str]] = {
    "gap": "the outcome fell between two tiers and got the worse neighbour",
    "above-scale": "the outcome is better than every tier and got the best band",
    "below-scale": "the outcome is worse than every tier and got the worst band",
    "uncovered": "no tier covers the outcome on a scale that is not monotone: no band",
}

Language = Literal["zh", "en"]


@attrs.frozen
class Grade:
    """A graded outcome.

    ``band`` is ``None`` only for an uncovered outcome on a non-monotone
    scale.  ``tier`` is the index of the tier that matched directly, or
    ``None`` when the band came from the gap rules (then ``notes`` says
    which); ``basis`` is the index of the tier whose band was given either way.
    ``values`` holds each metric's outcome in the criteria's unit; the
    ``outcomes`` property gives them with that unit attached.
    """

    #: (band, tier, notes, basis): one precomputed tuple per stretch of a
    #: compiled scale, so that grading a number builds as little as possible.
    decision: tuple[Band | None, int | None, tuple[str, ...], int | None]
    values: tuple[tuple[str | None, Decimal], ...]
    criteria: Criteria = attrs.field(eq=False, repr=False)
    completion: Completion | None = None
    #: For tiers about targets, each target's completion as the tiers judged it
    #: (the explanation quotes them); derived from ``values``, so not compared.
    _evaluation: tuple[TargetCompletion, ...] | None = attrs.field(
        default=None, eq=False, repr=False, kw_only=True, alias="_evaluation"
    )

    @property
    def band(self) -> Band | None:
        return self.decision[0]

    @property
    def tier(self) -> int | None:
        return self.decision[1]

    @property
    def notes(self) -> tuple[str, ...]:
        return self.decision[2]

    @property
    def basis(self) -> int | None:
        return self.decision[3]

    @property
    def outcomes(self) -> tuple[tuple[str | None, Quantity], ...]:
        """Each metric's outcome as graded, in the criteria's unit for it."""
        units = self.criteria._model.units
        return tuple((metric, Quantity(value, units.get(metric))) for metric, value in self.values)

    @property
    def label(self) -> str | None:
        """The document's name for the band (优, or A, or 一档…)."""
        band = self.decision[0]
        return None if band is None else self.criteria.labels[band._value_]

    @property
    def outcome(self) -> Quantity:
        """The outcome, when the criteria reads a single metric."""
        outcomes = self.outcomes
        if len(outcomes) != 1:
            raise ValueError("this grade has several outcomes; use .outcomes")
        return outcomes[0][1]

    def explain(self, lang: Language = "zh") -> str:
        """Why the outcome got its band, in Chinese (``"zh"``) or English (``"en"``).

        >>> from kpi import Criteria
        >>> Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"]).grade("96.5%").explain()
        '96.5% ≥ 95%（高出1.5个百分点）→ 优'
        """
        words = _ZH if lang == "zh" else _EN
        criteria = self.criteria
        model = criteria._model
        prefix = "" if self.completion is None else _describe_completion(self.completion, words)
        band, tier, notes, basis = self.decision
        if tier is not None:
            fixed = criteria._phrases[tier]
            if fixed is not None:
                # A comparison tier, the common case: only the outcome is new.
                values = self.values
                value = values[0][1] if len(values) == 1 else dict(values)[fixed.metric]
                reason = _compare(fixed, value, words)
            elif self._evaluation is not None:
                reason = _describe_evaluation(self._evaluation, words)
            else:
                reason = _describe(model.resolved[tier], dict(self.outcomes), self.tiers_text(tier), words)
            return f"{prefix}{_arrow(reason)}{self._band_text(words)}"
        outcomes = self.outcomes
        shown = words.join.join(
            (f"{metric} " if metric and len(outcomes) > 1 else "") + str(quantity) for metric, quantity in outcomes
        )
        if band is None:
            return f"{prefix}{shown} {words.uncovered} → {words.no_band}"
        assert basis is not None
        if "gap" in notes and model.quantified:
            evaluation: Sequence[TargetCompletion] | None = self._evaluation
            if evaluation is None:
                evaluation = _evaluate(model.resolved[basis], dict(outcomes))
            reason = words.unearned.format(
                shown=_describe_evaluation(evaluation, words),
                better=criteria.labels[basis - 1],
                better_text=self.tiers_text(basis - 1),
                label=self.label,
            )
        elif "gap" in notes:
            better = basis - 1
            better_label = criteria.labels[better]
            reason = words.gap.format(
                shown=shown,
                better=better_label,
                better_text=self.tiers_text(better),
                label=self.label,
                text=self.tiers_text(basis),
            )
        elif "above-scale" in notes:
            reason = words.above.format(shown=shown, label=self.label, text=self.tiers_text(basis))
        else:
            reason = words.below.format(shown=shown, label=self.label, text=self.tiers_text(basis))
        return f"{prefix}{_arrow(reason)}{self._band_text(words)}{words.note(notes[0])}"

    def tiers_text(self, index: int) -> str:
        """The tier text at *index* as the document wrote it."""
        return self.criteria._tier_texts[index]

    def _band_text(self, words: _Words) -> str:
        band = self.decision[0]
        assert band is not None
        return self.criteria._band_texts[words is _EN][band._value_]


def band_texts(labels: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """How explanations name each band, in Chinese and in English: the
    document's label, and in English the band's English name beside a
    Chinese label (优 (excellent)).  Criteria keeps them, one per band."""
    english = tuple(
        label if label != band.label else f"{label} ({band.english})" for label, band in zip(labels, Band, strict=True)
    )
    return labels, english


def _arrow(reason: str) -> str:
    """The reason and the arrow to the band; a full-width bracket needs no space."""
    return reason + ("→ " if reason.endswith("）") else " → ")


@attrs.frozen
class _Words:
    """One language's words.  The phrases said on every row are functions
    (f-strings cost a quarter of ``str.format``); the rest are templates."""

    join: str
    above_by: Callable[[str], str]  # how far above a lower bound
    below_by: Callable[[str], str]  # how far below an upper bound
    exactly: str
    within: Callable[[str, str], str]  # value, range
    otherwise: str
    uncovered: str
    no_band: str
    gap: str
    unearned: str
    completion: Callable[[str, str, str], str]  # rate, details, how
    target_rate: Callable[[str, str, str, str], str]  # metric, actual, target, rate
    lowest: str
    mean: str
    weighted: str
    above: str
    below: str
    and_: str
    points: str
    notes: Mapping[str, str]

    def note(self, code: str) -> str:
        return self.notes.get(code, "")

    def difference(self, amount: Decimal, unit: Unit | None) -> str:
        if unit is None:
            return format_decimal(amount)
        # Units come from one table, so `is` settles the common case without attrs' __eq__.
        return format_decimal(amount) + (self.points if unit is PERCENT or unit == PERCENT else unit.name)


_ZH: Final = _Words(
    join="、",
    above_by=lambda amount: f"（高出{amount}）",
    below_by=lambda amount: f"（低于上限{amount}）",
    exactly="（恰好达到）",
    within=lambda value, range_: f"{value} 在 {range_} 之内",
    otherwise="{shown} 不属于以上各档，按“{text}”",
    uncovered="不在任何一档之内",
    no_band="未定档",
    gap="{shown} 未达到{better}档“{better_text}”，高于{label}档“{text}”",
    unearned="{shown}：不满足{better}档“{better_text}”，按较低一档",
    completion=lambda rate, details, how: f"完成率 {rate}（{details}，{how}）：",
    target_rate=lambda metric, actual, target, rate: f"{metric} {actual}（目标{target}）= {rate}",
    lowest="取最低值",
    mean="取平均值",
    weighted="取加权平均值",
    above="{shown} 优于最高档{label}档“{text}”",
    below="{shown} 未达到最低档{label}档“{text}”",
    and_="，且",
    points="个百分点",
    notes={
        "gap": "（落在两档之间，按较低一档评定）",
        "above-scale": "（超出评分范围，按最高档评定）",
        "below-scale": "（低于评分范围，按最低档评定）",
    },
)

_EN: Final = _Words(
    join=", ",
    above_by=lambda amount: f" ({amount} above)",
    below_by=lambda amount: f" ({amount} under the limit)",
    exactly=" (exactly)",
    within=lambda value, range_: f"{value} lies within {range_}",
    otherwise="{shown} matches none of the tiers above, so “{text}” applies",
    uncovered="lies in no tier",
    no_band="no band",
    gap="{shown} falls short of {better} “{better_text}” but exceeds {label} “{text}”",
    unearned="{shown}: {better} “{better_text}” is not earned, so the lower tier applies",
    completion=lambda rate, details, how: f"completion {rate} ({details}; {how}): ",
    target_rate=lambda metric, actual, target, rate: f"{metric} {actual} (target {target}) = {rate}",
    lowest="the lowest counts",
    mean="the mean counts",
    weighted="the weighted mean counts",
    above="{shown} is beyond the best tier, {label} “{text}”",
    below="{shown} falls short of the worst tier, {label} “{text}”",
    and_=", and ",
    points=" percentage points",
    notes={
        "gap": " (between two tiers: the lower one applies)",
        "above-scale": " (above the scale: the best band applies)",
        "below-scale": " (below the scale: the worst band applies)",
    },
)


def _rate(rate: Decimal) -> str:
    return format_rounded(rate) + "%"


def _describe_completion(completion: Completion, words: _Words) -> str:
    rate = _rate(completion.rate)
    per_target = completion.per_target
    how: str = getattr(words, completion.aggregate)  # words.lowest, words.mean or words.weighted
    if len(per_target) == 1:
        # One target, the common row: its rate is the overall one, but for a weighted mean's rounding.
        (item,) = per_target
        target = item.target
        own = rate if item.rate is completion.rate else _rate(item.rate)
        details = words.target_rate(target.metric or "", str(item.actual), target.requirement, own).strip()
        return words.completion(rate, details, how)
    details = words.join.join(
        [
            words.target_rate(
                item.target.metric or "",
                str(item.actual),
                item.target.requirement,
                # One target, or the lowest of several: its rate is the overall one.
                rate if item.rate is completion.rate else _rate(item.rate),
            ).strip()
            for item in per_target
        ]
    )
    return words.completion(rate, details, how)


def _evaluate(condition: Condition, values: Mapping[str | None, Quantity]) -> Sequence[TargetCompletion]:
    """Each target of a tier about targets against the outcomes."""
    from kpi.indicators import TargetsCondition

    assert isinstance(condition, TargetsCondition), condition
    return condition.evaluate(Outcomes(dict(values)).lookup)


def _describe_evaluation(evaluation: Sequence[TargetCompletion], words: _Words) -> str:
    """Each target against its actual figure, with how far it was beaten or missed."""
    from kpi.indicators import describe_margin

    lang = "zh" if words is _ZH else "en"
    return words.join.join(
        [
            f"{item.target.metric or ''} {item.actual} {item.target.op if item.met else _NOT[item.target.op]} "
            f"{Quantity(item.target.value, item.target.unit)}{describe_margin(item, lang)}".strip()
            for item in evaluation
        ]
    )


# The relation an actual figure that misses a target bears to it.
_NOT: Final = {"≥": "<", ">": "≤", "≤": ">", "<": "≥", "=": "≠"}


@attrs.frozen
class End:
    """One end of a comparison tier as its explanation writes it: ``≥`` and ``95%``."""

    symbol: str
    text: str
    value: Decimal


@attrs.frozen
class Phrases:
    """The words of a comparison tier's explanation that no outcome changes.

    Criteria keeps one per comparison tier, so that explaining a grade
    formats only the outcome and its distance from the bound.
    """

    metric: str | None
    name: str  # the metric and a space, or nothing
    unit: Unit | None
    lower: End | None
    upper: End | None
    within: str | None  # the closed range (85%-94%), when both ends belong to it


def phrases(condition: Condition) -> Phrases | None:
    """The fixed words for *condition*, when it is a single comparison."""
    if not isinstance(condition, Comparison):
        return None
    lower, upper = condition.interval.lower, condition.interval.upper
    unit = condition.unit
    return Phrases(
        metric=condition.metric,
        name=f"{condition.metric} " if condition.metric else "",
        unit=unit,
        lower=None
        if lower is None
        else End("≥" if lower.closed else ">", str(Quantity(lower.value, unit)), lower.value),
        upper=None
        if upper is None
        else End("≤" if upper.closed else "<", str(Quantity(upper.value, unit)), upper.value),
        within=(
            str(Comparison(condition.interval, unit))
            if lower is not None and upper is not None and lower.closed and upper.closed
            else None
        ),
    )


def _compare(phrases: Phrases, value: Decimal, words: _Words) -> str:
    """How *value* satisfies the comparison *phrases* describes."""
    unit = phrases.unit
    shown = phrases.name + format_decimal(value) + (unit.name if unit else "")
    lower, upper = phrases.lower, phrases.upper
    if upper is None:
        assert lower is not None
        diff = value - lower.value
        extra = words.exactly if diff == 0 else words.above_by(words.difference(diff, unit))
        return f"{shown} {lower.symbol} {lower.text}{extra}"
    if lower is None:
        diff = upper.value - value
        extra = words.exactly if diff == 0 else words.below_by(words.difference(diff, unit))
        return f"{shown} {upper.symbol} {upper.text}{extra}"
    if lower.value == upper.value:
        return f"{shown} = {lower.text}"
    if phrases.within is not None:
        return words.within(shown, phrases.within)
    return f"{lower.text} {_FLIP[lower.symbol]} {shown} {upper.symbol} {upper.text}"


_FLIP: Final = {"≥": "≤", ">": "<"}


def _describe(condition: Condition, values: Mapping[str | None, Quantity], text: str, words: _Words) -> str:
    """How the outcomes satisfy *condition* (a tier that matched directly)."""
    if isinstance(condition, Otherwise):
        shown = words.join.join(str(quantity) for quantity in values.values())
        return words.otherwise.format(shown=shown, text=text)
    from kpi.indicators import TargetsCondition  # loaded already: the criteria built one

    if isinstance(condition, TargetsCondition):
        return _describe_evaluation(_evaluate(condition, values), words)
    if isinstance(condition, AllOf):
        return words.and_.join(_describe(part, values, text, words) for part in condition.parts)
    if isinstance(condition, AnyOf):
        lookup = Outcomes(dict(values)).lookup
        holding = [part for part in condition.parts if part.holds(lookup)]
        return _describe(holding[0], values, text, words)
    # Criteria resolves bare values before grading, so only comparisons remain.
    fixed = phrases(condition)
    assert fixed is not None, condition
    assert isinstance(condition, Comparison)
    return _compare(fixed, values[condition.metric].value, words)
