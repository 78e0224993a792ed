"""A tier set (评价标准): four rules, best band first, and how outcomes are graded.

Grading reads a tier set as a careful evaluator does.  The best tier whose
condition holds wins (first match).  On a scale that runs one way, a value
that falls between two tiers did not reach the better one and gets the
worse neighbour ("gap"); a value better than every tier gets the best band
("above-scale") and one worse than every tier the worst band
("below-scale").  On a scale that runs neither way an uncovered value gets
no band.  Direction, metric names and units are worked out once, when the
criteria is built, from the tier texts themselves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from kpi._construct import maker
from kpi.bands import BAND_LABELS, Band
from kpi.direction import Direction, infer_direction
from kpi.errors import CriteriaError, KpiSyntaxError, OutcomeError, UngradedError
from kpi.grades import Grade, Phrases, band_texts, phrases
from kpi.intervals import Interval
from kpi.outcomes import Outcomes, metric_key
from kpi.rules import BareValue, Comparison, Condition, Lookup, Otherwise, Rule, parse_rule
from kpi.units import PERCENT, Quantity, Unit, convert

if TYPE_CHECKING:
    from kpi._compiled import Compiled
    from kpi.indicators import Aggregate, Completion, Indicator, TargetCompletion, TargetsCondition
    from kpi.lint import Finding
    from kpi.outcomes import OutcomeInput

__all__ = ["Criteria"]

_TIER_SEPARATORS = ("|", "｜", "\n")
# One labelled band of a scale: 优(90-100分) or A（≥90分）.
_SCALE_ITEM = re.compile(r"\s*([^\s(（)）、,，;；|]+)\s*[(（]([^()（）]+)[)）]")
_SCALE_SEPARATORS = " \t、,，;；|"


# Graded outcomes are made one per figure: see kpi._construct.
_make_grade: Final = maker(Grade)


@functools.cache
def _completion_type() -> type[Completion]:
    """kpi.Completion, imported on first use (an import statement costs more per grade)."""
    from kpi.indicators import Completion

    return Completion


def _tiers(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _precision(value: Decimal | int | str | None) -> Decimal | None:
    if value is None:
        return None
    precision = Decimal(str(value))
    if not precision.is_finite() or precision <= 0:
        raise ValueError(f"precision must be a positive number, not {value!r}")
    return precision


def _aliases(value: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else (value or ())
    return tuple((metric_key(alias), metric_key(name)) for alias, name in pairs)


def _check_labels(instance: Criteria, attribute: attrs.Attribute[tuple[str, ...]], labels: tuple[str, ...]) -> None:
    if len(labels) != len(Band) or len(set(labels)) != len(labels) or not all(labels):
        raise ValueError(f"labels must be {len(Band)} distinct non-empty names, best first, not {labels!r}")
    if len(instance.tiers) != len(labels):
        raise CriteriaError(
            f"a criteria has {len(labels)} tiers, one per band ({'、'.join(labels)}); got {len(instance.tiers)}"
        )


@attrs.frozen
class _Model:
    """What the tier texts imply once read together: metrics, units, directions."""

    metrics: tuple[str | None, ...]
    units: Mapping[str | None, Unit | None]
    inferred: Mapping[str | None, Direction | None]
    directions: Mapping[str | None, Direction]
    resolved: tuple[Condition, ...]
    reach: tuple[Condition, ...]
    quantified: bool = False
    declared: Direction | None = None

    @property
    def monotone(self) -> bool:
        """Whether the gap rules apply: every metric whose direction is known
        (declared, or read from the tiers) runs one way."""
        known = [
            direction for direction in (self.declared or inferred for inferred in self.inferred.values()) if direction
        ]
        return not self.quantified and bool(known) and all(direction.monotone for direction in known)


def _region_for_direction(condition: Condition, metric: str | None) -> Interval | None:
    """The span of *condition* on *metric*, a bare value counting as its point."""
    spans = [
        leaf.interval if isinstance(leaf, Comparison) else Interval.point(leaf.value)
        for leaf in condition.leaves()
        if leaf.metric == metric
    ]
    return functools.reduce(Interval.hull, spans) if spans else None


def _reach(leaf: Comparison | BareValue, direction: Direction) -> Condition:
    """Outcomes at least as good as some value of *leaf*: its region stretched
    towards the better end.  On a non-monotone scale nothing stretches."""
    comparison = leaf.comparison(direction)
    interval = comparison.interval
    if direction is Direction.HIGHER_IS_BETTER:
        interval = Interval(interval.lower, None)
    elif direction is Direction.LOWER_IS_BETTER:
        interval = Interval(None, interval.upper)
    if interval.lower is None and interval.upper is None:
        return Otherwise()
    return Comparison(interval, comparison.unit, comparison.metric)


def _targets_model(conditions: list[Condition], indicator: Indicator) -> _Model:
    """The model of a tier set about the indicator's targets."""
    from kpi.indicators import TargetsCondition

    if not all(isinstance(c, TargetsCondition | Otherwise) for c in conditions):
        raise CriteriaError("tiers about the indicator's targets (两项指标…) cannot be mixed with other tiers")
    metrics = tuple(target.metric for target in indicator.targets)
    if len(set(metrics)) != len(metrics):
        raise CriteriaError(f"the indicator's targets need distinct metric names: {indicator}")
    units = {target.metric: target.unit for target in indicator.targets}
    directions = {
        target.metric: Direction.LOWER_IS_BETTER if target.upper_limit else Direction.HIGHER_IS_BETTER
        for target in indicator.targets
    }
    resolved = tuple(conditions)
    return _Model(metrics, units, dict(directions), directions, resolved, resolved, quantified=True)


def _build_model(tiers: Sequence[Rule], declared: Direction | None, indicator: Indicator | None) -> _Model:
    # Indicators load with the first tier set, not with ``import kpi``.
    from kpi.indicators import TargetsCondition, bind_targets

    conditions = [bind_targets(rule.condition, indicator, rule.text) for rule in tiers]
    if indicator is not None and any(isinstance(c, TargetsCondition) for c in conditions):
        return _targets_model(conditions, indicator)
    named = list(dict.fromkeys(m for c in conditions for m in c.metrics() if m is not None))
    unnamed = any(m is None for c in conditions for m in c.metrics())
    if unnamed and len(named) > 1:
        raise CriteriaError("a tier does not name its metric while the tiers name several (" + "、".join(named) + ")")
    sole = named[0] if len(named) == 1 else None
    conditions = [
        c.map_leaves(lambda leaf: attrs.evolve(leaf, metric=sole) if leaf.metric is None else leaf) for c in conditions
    ]
    metrics: tuple[str | None, ...] = tuple(named) if named else (None,)

    units: dict[str | None, Unit | None] = dict.fromkeys(metrics)
    for condition in conditions:
        for leaf in condition.leaves():
            known = units.get(leaf.metric)
            if leaf.unit is None:
                continue
            if known is None:
                units[leaf.metric] = leaf.unit
            elif known.dimension != leaf.unit.dimension:
                where = f" of {leaf.metric}" if leaf.metric else ""
                raise CriteriaError(f"the tiers give values{where} in {known} and in {leaf.unit}, which do not compare")
    conditions = [
        c.map_leaves(lambda leaf: attrs.evolve(leaf, unit=units[leaf.metric]) if leaf.unit is None else leaf)
        for c in conditions
    ]

    inferred = {metric: infer_direction([_region_for_direction(c, metric) for c in conditions]) for metric in metrics}
    directions = {metric: declared or inferred[metric] or Direction.HIGHER_IS_BETTER for metric in metrics}
    resolved = tuple(c.resolved(directions.__getitem__) for c in conditions)
    # Only a direction read from the tiers (or declared) stretches a tier
    # towards the better end: 非法访问系统数量为0 says nothing about which way.
    stretch = {metric: declared or inferred[metric] or Direction.NON_MONOTONE for metric in metrics}
    reach = tuple(c.map_leaves(lambda leaf: _reach(leaf, stretch[leaf.metric])) for c in resolved)
    return _Model(metrics, units, inferred, directions, resolved, reach, declared=declared)


@attrs.frozen
class Criteria:
    """Four tier rules, best band first, with what is needed to grade outcomes.

    Build one with :meth:`Criteria.parse`.  ``labels`` names the bands for
    documents that do not say 优/良/中/差; ``precision`` is the step in
    which outcomes are reported (``1`` for whole percent), used to judge
    gaps; ``direction`` overrides the direction read from the tiers.
    """

    tiers: tuple[Rule, ...] = attrs.field(converter=_tiers)
    labels: tuple[str, ...] = attrs.field(default=BAND_LABELS, converter=_labels, validator=_check_labels)
    precision: Decimal | None = attrs.field(default=None, converter=_precision)
    direction: Direction | None = attrs.field(default=None, kw_only=True)
    aliases: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_aliases, kw_only=True)
    indicator: Indicator | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        self._model  # noqa: B018 - build now, so that a broken tier set fails here

    @classmethod
    def parse(
        cls,
        tiers: Sequence[str | Rule] | str,
        *,
        labels: Sequence[str] = BAND_LABELS,
        precision: Decimal | int | str | None = None,
        direction: Direction | None = None,
        inclusive: Mapping[str, bool] | None = None,
        aliases: Mapping[str, str] | None = None,
        indicator: Indicator | str | None = None,
    ) -> Criteria:
        """Read a tier set, best band first.

        *tiers* is a sequence of tier texts, or one text with the tiers
        separated by ``|`` or line breaks.  A tier that cannot be read raises
        :class:`kpi.KpiSyntaxError` naming the tier.  *indicator* (an
        :class:`kpi.Indicator` or its text) gives the targets that tiers such
        as ``两项指标均完成`` speak of, and lets :meth:`grade_actuals` turn
        actual figures into a completion rate.

        >>> c = Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"])
        >>> c.grade("94.5%").band, c.grade("94.5%").notes
        (<Band.GOOD: 1>, ('gap',))
        """
        if isinstance(tiers, str):
            text = tiers
            for separator in _TIER_SEPARATORS[1:]:
                text = text.replace(separator, _TIER_SEPARATORS[0])
            tiers = [part for part in text.split(_TIER_SEPARATORS[0]) if part.strip()]
        rules: list[Rule] = []
        for index, tier in enumerate(tiers):
            if isinstance(tier, Rule):
                rules.append(tier)
                continue
            try:
                rules.append(parse_rule(tier, inclusive=inclusive))
            except KpiSyntaxError as error:
                label = labels[index] if index < len(labels) else str(index + 1)
                raise KpiSyntaxError(
                    f"tier {index + 1} ({label}): {error.reason}", error.text, error.position
                ) from None
        if isinstance(indicator, str):
            from kpi.indicators import Indicator

            indicator = Indicator.parse(indicator)
        return cls(rules, labels, precision, direction=direction, aliases=aliases, indicator=indicator)

    @classmethod
    def parse_scale(cls, text: str, **options: Any) -> Criteria:
        """Read a scale written with its labels, as evaluation rules state it.

        >>> national = Criteria.parse_scale("优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)")
        >>> national.labels, str(national)
        (('优', '良', '中', '差'), '90分-100分 | 80分-89分 | 60分-79分 | 0分-59分')
        >>> Criteria.parse_scale("A（≥90分）；B（≥75分）；C（≥60分）；D（＜60分）").grade(80).label
        'B'
        """
        items = _SCALE_ITEM.findall(text)
        if len(items) != len(Band) or _SCALE_ITEM.sub("", text).strip(_SCALE_SEPARATORS):
            raise CriteriaError(f"expected {len(Band)} items such as 优(90-100分), separated by 、 or ；: {text!r}")
        labels = [label for label, _ in items]
        return cls.parse([tier for _, tier in items], labels=labels, **options)

    @functools.cached_property
    def _model(self) -> _Model:
        return _build_model(self.tiers, self.direction, self.indicator)

    # -- what the tiers imply ------------------------------------------------
    @functools.cached_property
    def metrics(self) -> tuple[str, ...]:
        """The metrics the tiers name, in order of appearance (empty when none is named)."""
        return tuple(metric for metric in self._model.metrics if metric is not None)

    @property
    def directions(self) -> Mapping[str | None, Direction]:
        """The direction of each metric's scale (declared, inferred, or higher-is-better by default)."""
        return dict(self._model.directions)

    @property
    def scale(self) -> Direction:
        """The direction of the whole scale: that of its metrics when they agree, else non-monotone."""
        directions = set(self._model.directions.values())
        return directions.pop() if len(directions) == 1 else Direction.NON_MONOTONE

    def bounds(self) -> tuple[tuple[str | None, Decimal], ...]:
        """Every value the tiers write, with its metric: where a grade can change.

        Bare values count as the bound they resolve to; tiers about targets
        contribute the targets' values.

        >>> [str(value) for _, value in Criteria.parse("95% | 85%-94% | 70%-84% | 69%以下").bounds()]
        ['95', '85', '94', '70', '84', '69']
        """
        from kpi.indicators import TargetsCondition

        found: list[tuple[str | None, Decimal]] = []
        for condition in self._model.resolved:
            if isinstance(condition, TargetsCondition):
                found += [(target.metric, target.value) for target in condition.targets]
                continue
            for leaf in condition.leaves():
                for bound in (leaf.interval.lower, leaf.interval.upper) if isinstance(leaf, Comparison) else ():
                    if bound is not None:
                        found.append((leaf.metric, bound.value))
        return tuple(found)

    def unit(self, metric: str | None = None) -> Unit | None:
        """The unit in which a bare number is read for *metric* (the only one by default)."""
        if metric is None and len(self._model.metrics) == 1:
            metric = self._model.metrics[0]
        return self._model.units[metric]

    def label(self, band: Band) -> str:
        """This document's name for *band*."""
        return self.labels[band.index]

    # -- grading ------------------------------------------------------------
    def outcomes(self, outcome: object) -> Outcomes:
        """The outcomes *outcome* gives for this criteria's metrics (validated, not converted)."""
        return Outcomes.read(outcome, self._model.metrics, dict(self.aliases))

    def grade(self, outcome: OutcomeInput | Completion, *, strict: bool = False) -> Grade:
        """The band *outcome* earns, with the tier that decided it and why.

        *outcome* is a number (read in the criteria's own unit), a string
        that may carry its unit, or a mapping from metric name to such
        values.  With ``strict=True`` any outcome that no tier matches
        directly raises :class:`kpi.UngradedError` instead of being placed
        by the gap rules.

        >>> c = Criteria.parse("0% | ＜5% | ＜10% | ＞10%")
        >>> c.grade(10).band.label, c.grade(10).notes
        ('差', ('gap',))
        """
        compiled = self._compiled
        kind = type(outcome)
        if compiled is not None and (kind is int or kind is float or kind is Decimal or kind is str):
            # The common cases, fast: a number, or a text such as 96.5%, on a one-metric scale.
            if kind is str:
                value = compiled.read(outcome)
                region = compiled.region(value)
            else:
                value, region = compiled.locate(outcome)  # type: ignore[arg-type]
            decision = compiled.grades[region]
            grade = _make_grade(decision, ((compiled.metric, value),), self, None, None)
            return self._placed(grade, strict) if decision[2] else grade
        completion = outcome if isinstance(outcome, _completion_type()) else None
        if compiled is not None and completion is not None:
            # A completion rate on a one-metric scale: the same fast path.
            self._check_grades_completion()
            value, region = compiled.locate(convert(completion.rate, PERCENT, compiled.unit))
            decision = compiled.grades[region]
            grade = _make_grade(decision, ((compiled.metric, value),), self, completion, None)
            return self._placed(grade, strict) if decision[2] else grade
        model = self._model
        outcomes = self.outcomes(outcome if completion is None else self._completion_outcome(completion))
        lookup = outcomes.lookup
        shown = tuple((metric, lookup(metric, model.units[metric])) for metric in model.metrics)
        evaluation = None
        if model.quantified:
            # Kept with the grade: its explanation quotes each target's completion.
            evaluation = tuple(self._targets().evaluate_given(outcomes.quantity))
            index, notes, basis = self._decide_targets(evaluation)
        else:
            index, notes, basis = self._decide(lookup)
        band = None if index is None else Band(index)
        grade = Grade((band, None if notes else index, notes, basis), shown, self, completion, _evaluation=evaluation)
        return self._placed(grade, strict) if notes else grade

    def _decide(self, lookup: Lookup) -> tuple[int | None, tuple[str, ...], int | None]:
        """Which tier the outcomes earn: (band index, notes, index of the deciding tier)."""
        model = self._model
        if model.quantified:
            return self._decide_targets(self._targets().evaluate(lookup))
        catch_all: int | None = None
        for index, condition in enumerate(model.resolved):
            if isinstance(condition, Otherwise):
                catch_all = index if catch_all is None else catch_all
                continue
            if condition.holds(lookup):
                return index, (), index
        last = len(model.resolved) - 1
        if model.monotone:
            for index, reach in enumerate(model.reach):
                if reach.holds(lookup):
                    if isinstance(model.resolved[index], Otherwise):
                        return index, (), index
                    return index, ("above-scale" if index == 0 else "gap",), index
            return last, ("below-scale",), last
        if catch_all is not None:
            return catch_all, (), catch_all
        return None, ("uncovered",), None

    def _targets(self) -> TargetsCondition:
        """The first tier about the indicator's targets, which evaluates them for all:
        every tier of such a set is bound to the same targets (see _targets_model)."""
        from kpi.indicators import TargetsCondition

        return next(c for c in self._model.resolved if isinstance(c, TargetsCondition))

    def _decide_targets(self, items: Sequence[TargetCompletion]) -> tuple[int | None, tuple[str, ...], int | None]:
        """:meth:`_decide` for tiers about the indicator's targets, which all judge
        one evaluation of the targets against the figures (*items*)."""
        from kpi.indicators import TargetsCondition

        resolved = self._model.resolved
        for index, condition in enumerate(resolved):
            if not isinstance(condition, TargetsCondition):
                continue  # 其他: not a band of its own in such a set
            if condition.judge(items):
                return index, (), index
        # Not every outcome fully earns a tier (missed by exactly 1%):
        # it did not earn the better tiers, so it takes the worst.
        last = len(resolved) - 1
        return last, ("gap",), last

    @functools.cached_property
    def _phrases(self) -> tuple[Phrases | None, ...]:
        """Per tier, the fixed words explaining a grade it decides (comparison tiers only)."""
        return tuple(phrases(condition) for condition in self._model.resolved)

    @functools.cached_property
    def _tier_texts(self) -> tuple[str, ...]:
        """Each tier's text as the document wrote it, as grades quote it on every row."""
        return tuple(rule.text.strip() for rule in self.tiers)

    @functools.cached_property
    def _band_texts(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """How explanations name each band: in Chinese, then in English (see :func:`band_texts`)."""
        return band_texts(self.labels)

    @functools.cached_property
    def _compiled(self) -> Compiled | None:
        from kpi._compiled import compile_criteria  # on first grade, not at import

        return compile_criteria(self)

    def grade_many(self, values: Iterable[object]) -> list[Band | None]:
        """The band of each outcome, in input order; the same as ``grade(v).band``.

        A one-metric scale is compiled to a binary search over its exact
        bounds; with NumPy installed, a NumPy array of numbers is graded
        without a Python loop.  Everything else goes through :meth:`grade`.
        A value that cannot be graded (NaN, empty, wrong unit) raises
        :class:`kpi.OutcomeError` naming its position.

        >>> c = Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"])
        >>> [band.label for band in c.grade_many([96, 94.5, "70%", 12])]
        ['优', '良', '中', '差']
        """
        compiled = self._compiled
        if compiled is None:
            bands: list[Band | None] = []
            for position, value in enumerate(values):
                try:
                    bands.append(self.grade(value).band)  # type: ignore[arg-type]
                except OutcomeError as error:
                    raise OutcomeError(f"outcome {position}: {error}") from None
            return bands
        return compiled.bands_of(values)

    def _completion_outcome(self, completion: Completion) -> Quantity:
        self._check_grades_completion()
        return completion.quantity

    def _check_grades_completion(self) -> None:
        """Refuse a completion rate for tiers that grade something else, saying what they grade."""
        if self._grades_completion:
            return
        model = self._model
        if model.quantified or self.metrics:
            what = "the indicator's targets" if model.quantified else "、".join(self.metrics)
            raise OutcomeError(f"these tiers grade {what} directly, not a completion rate")
        raise OutcomeError(f"these tiers grade values in {model.units[None]}, not a completion rate")

    def grade_actuals(
        self,
        actuals: OutcomeInput,
        *,
        strict: bool = False,
        aggregate: Aggregate = "lowest",
        weights: Mapping[str, Decimal | int | str] | None = None,
    ) -> Grade:
        """Grade actual year-end figures, whatever kind of tiers these are.

        Tiers that name metrics, speak of the indicator's targets, or measure
        in units of their own (``20个工作日以内``) grade the figures directly;
        tiers that grade a rate (``95% | 85%-94% | …``) grade the indicator's
        completion of its targets.  For an
        indicator without targets the figure is the assessed completion rate.

        >>> indicator = "城镇新增就业10万人，失业人员再就业3万人。"
        >>> c = Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"], indicator=indicator)
        >>> c.grade_actuals({"城镇新增就业": "9.6万人", "失业人员再就业": "3.3万人"}).label
        '优'
        """
        indicator = self.indicator
        if not self._grades_completion or indicator is None or not indicator.targets:
            # The tiers measure the figures themselves (≤24小时, 设备完好率>90%).
            return self.grade(actuals, strict=strict)
        return self.grade(indicator.completion(actuals, aggregate=aggregate, weights=weights), strict=strict)

    @functools.cached_property
    def _grades_completion(self) -> bool:
        """Whether the tiers grade a rate (95% | 85%-94% | …) that targets' completion can give."""
        model = self._model
        return not model.quantified and not self.metrics and model.units[None] in (None, PERCENT)

    @staticmethod
    def _placed(grade: Grade, strict: bool) -> Grade:
        if strict:
            raise UngradedError(f"no tier matches directly: {grade.explain()}")
        return grade

    # -- checking the tier set -----------------------------------------------
    def lint(self) -> list[Finding]:
        """Problems of the tier set itself: gaps, overlaps, unreachable or
        unsatisfiable tiers, direction problems and suspicious tiers."""
        from kpi.lint import lint

        return lint(self)

    def __str__(self) -> str:
        return " | ".join(str(rule) for rule in self.tiers)

    def __repr__(self) -> str:
        extras = "" if self.labels == BAND_LABELS else f", labels={self.labels!r}"
        extras += "" if self.precision is None else f", precision={self.precision}"
        return f"<Criteria({str(self)!r}{extras})>"
