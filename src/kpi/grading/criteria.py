"""A tier set (评价标准): one rule per band, best band first, and grading outcomes with it.

:class:`Criteria` is what users build and grade with.  What its tiers mean
together, and which band an outcome earns, is its :class:`kpi.GradingModel`
(``criteria.model``); a one-metric tier set also keeps a compiled binary
search over its bounds, a cache of the model's decisions that grades a
plain number or text without walking the tiers.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from kpi.direction import Direction
from kpi.errors import CriteriaError, OutcomeError, UngradedError
from kpi.grading.bands import MAX_BANDS, MIN_BANDS, Band, default_labels, one_band_each
from kpi.grading.compiled import Compiled
from kpi.grading.grades import Grade
from kpi.grading.lint import Finding, lint
from kpi.grading.metric_names import likely_one
from kpi.grading.model import REFUSED_WHEN_STRICT, GradingModel
from kpi.grading.outcome_reading import read_for
from kpi.grading.ranges import decide_in_span, ranged
from kpi.grading.regions import bounds_of
from kpi.grading.second_scale import has_second_scale, scale_for, second_scale
from kpi.indicators import Indicator
from kpi.outcomes import OutcomeInput, Outcomes
from kpi.rules import Rule
from kpi.targets import Aggregate, Completion
from kpi.text.band_names import same_band
from kpi.text.grammar import MAX_TEXT_LENGTH
from kpi.text.normalise import metric_key
from kpi.text.reading import read_tiers, scale_items, split_tiers
from kpi.units import Unit

__all__ = ["Criteria"]


def _tiers(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(value)


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _default_labels(self: Criteria) -> tuple[str, ...]:
    return default_labels(len(self.tiers))


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


def _labels_of(rules: Sequence[Rule], given: tuple[str, ...] | None) -> tuple[str, ...]:
    """The bands' names: the caller's, which a tier's own label (…的为优秀) must agree
    with, or the tiers' own when every tier names its band, or the defaults."""
    inline = [rule.label for rule in rules]
    if given is not None:
        for index, (label, own) in enumerate(zip(given, inline, strict=False)):
            if own is not None and not same_band(own, label):
                raise CriteriaError(
                    f"tier {index + 1} names its band {own}, but the labels give {label}",
                    zh=f"第{index + 1}档自称“{own}”，但给定的等级名称是“{label}”",
                )
        return given
    if all(inline) and len(set(inline)) == len(inline):
        return tuple(label for label in inline if label is not None)
    return default_labels(len(rules))


def _check_tiers(instance: Criteria, attribute: attrs.Attribute[tuple[Rule, ...]], tiers: tuple[Rule, ...]) -> None:
    if not MIN_BANDS <= len(tiers) <= MAX_BANDS:
        raise CriteriaError(
            f"a criteria has {MIN_BANDS} to {MAX_BANDS} tiers, one per band; got {len(tiers)}",
            zh=f"评价标准应有 {MIN_BANDS} 至 {MAX_BANDS} 档，每个等级一档；实际为 {len(tiers)} 档",
        )


def _check_labels(instance: Criteria, attribute: attrs.Attribute[tuple[str, ...]], labels: tuple[str, ...]) -> None:
    if len(labels) != len(instance.tiers):
        raise CriteriaError(
            f"{len(instance.tiers)} tiers need as many labels, one per band, best first; got {len(labels)}: "
            + "、".join(labels),
            zh=f"{len(instance.tiers)} 档需要同样多的等级名称（每档一个，从最好的一档起）；实际给了 {len(labels)} 个："
            + "、".join(labels),
        )
    if len(set(labels)) != len(labels) or not all(labels):
        raise CriteriaError(
            f"labels must be distinct non-empty names, best first, not {labels!r}",
            zh=f"等级名称须互不相同且不为空，从最好的一档起；而不是 {labels!r}",
        )


@attrs.frozen
class Criteria:
    """A tier set: one rule per band, best band first, with what is needed to grade outcomes.

    Build one with :meth:`Criteria.parse`.  ``labels`` names the bands (优良中差
    for four tiers, 第1档… otherwise, unless the document names them);
    ``precision`` is the step in which outcomes are reported (``1`` for whole
    percent), which lint uses to judge gaps; ``direction`` overrides the
    direction read from the tiers; ``aliases`` maps a results file's column
    names to the tiers' metric names; ``indicator`` gives the targets that
    tiers such as ``两项指标均完成`` speak of.
    """

    tiers: tuple[Rule, ...] = attrs.field(converter=_tiers, validator=_check_tiers)
    labels: tuple[str, ...] = attrs.field(
        default=attrs.Factory(_default_labels, takes_self=True), converter=_labels, validator=_check_labels
    )
    precision: Decimal | None = attrs.field(default=None, converter=_precision)
    direction: Direction | None = attrs.field(default=None, kw_only=True)
    aliases: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_aliases, kw_only=True)
    indicator: Indicator | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        self.model  # noqa: B018 - build now, so that a broken tier set fails here

    @classmethod
    def parse(
        cls,
        tiers: Sequence[str | Rule] | str,
        *,
        labels: Sequence[str] | None = None,
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
        >>> c.grade("94.5%").label, c.grade("94.5%").notes
        ('良', ('gap',))
        """
        if isinstance(tiers, str):
            tiers = split_tiers(tiers)
        given = None if labels is None else tuple(labels)
        read = read_tiers(tiers, default_labels(len(tiers)), inclusive=inclusive, labels=given)
        rules, names = one_band_each(read, _labels_of(read, given))
        if isinstance(indicator, str):
            indicator = Indicator.parse(indicator)
        return cls(rules, names, precision, direction=direction, aliases=aliases, indicator=indicator)

    @classmethod
    def parse_scale(cls, text: str, **options: Any) -> Criteria:
        """Read a scale written with its labels, as evaluation rules state it.

        >>> national = Criteria.parse_scale("优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)")
        >>> national.labels, str(national)
        (('优', '良', '中', '差'), '90分-100分 | 80分-89分 | 60分-79分 | 0分-59分')
        >>> Criteria.parse_scale("A（≥90分）；B（≥75分）；C（≥60分）；D（＜60分）").grade(80).label
        'B'
        >>> Criteria.parse_scale("90分以上为优秀，80-89分为良好，60-79分为合格，60分以下为不合格").labels
        ('优秀', '良好', '合格', '不合格')
        """
        if len(text) > MAX_BANDS * MAX_TEXT_LENGTH:
            raise CriteriaError(
                f"a scale of {len(text)} characters is longer than any kpi reads",
                zh=f"等级表长达 {len(text)} 个字符，超出 kpi 可读取的长度",
            )
        items = scale_items(text)
        if MIN_BANDS <= len(items) <= MAX_BANDS:
            labels = [label for label, _ in items if label]
            if len(labels) == len(items):
                return cls.parse([tier for _, tier in items], labels=labels, **options)
            # Each band's name in its clause (A级：90分以上；…, 90分以上为优秀，…): every item must name one.
            named = cls.parse([tier for _, tier in items], **options)
            if all(rule.label for rule in named.tiers):
                return named
        raise CriteriaError(
            f"expected {MIN_BANDS} to {MAX_BANDS} items such as 优(90-100分) or 90分以上为优,"
            f" separated by 、 or ；: {text!r}",
            zh=f"应为 {MIN_BANDS} 至 {MAX_BANDS} 项如 优(90-100分) 或 90分以上为优 的等级，以、或；分隔：“{text}”",
        )

    @functools.cached_property
    def model(self) -> GradingModel:
        """What the tiers mean together, and the decision of which band an outcome earns."""
        return self._read()

    @functools.cached_property
    def _one_score(self) -> GradingModel | None:
        """For a bare figure, tiers naming one metric each in names that may be one score's
        (:func:`kpi.grading.metric_names.likely_one`), read as one if they then run one way."""
        if not likely_one([rule.condition for rule in self.tiers], self.metrics):
            return None
        try:
            model = self._read(one=True)
        except CriteriaError:  # values of two dimensions (人, 万元): not one score
            return None
        return model if model.monotone else None

    def _read(self, *, one: bool = False) -> GradingModel:
        aims = None if self.indicator is None else self.indicator.targets
        return GradingModel.of(
            self.tiers, self.labels, declared=self.direction, targets=aims, precision=self.precision, as_one=one
        )

    def _model_for(self, outcome: object) -> GradingModel:
        """The model *outcome* is graded on: the criteria's, or for a bare figure on tiers that
        name several metrics, one at a time, the tiers read as one score (noted ``one-metric``)."""
        several = len(self.model.metrics) > 1 and not isinstance(outcome, Mapping)
        return (self._one_score or self.model) if several else self.model

    @functools.cached_property
    def _compiled(self) -> Compiled | None:
        return None if has_second_scale(self) else Compiled.of(self.model, self.bands)

    # -- what the tiers imply ------------------------------------------------
    @property
    def bands(self) -> tuple[Band, ...]:
        """The bands, best first."""
        return tuple(Band(index, label) for index, label in enumerate(self.labels))

    @property
    def metrics(self) -> tuple[str, ...]:
        """The metrics the tiers name, in order of appearance (empty when none is named)."""
        return tuple(metric for metric in self.model.metrics if metric is not None)

    @property
    def directions(self) -> Mapping[str | None, Direction]:
        """The direction of each metric's scale (declared, inferred, or higher-is-better by default)."""
        return dict(self.model.directions)

    @property
    def scale(self) -> Direction:
        """The direction of the whole scale: that of its metrics when they agree, else non-monotone."""
        directions = set(self.model.directions.values())
        return directions.pop() if len(directions) == 1 else Direction.NON_MONOTONE

    def bounds(self) -> tuple[tuple[str | None, Decimal], ...]:
        """Every value the tiers write, with its metric: where a grade can change.  Bare values count
        as the bound they resolve to; tiers about targets contribute the targets' values.

        >>> [str(value) for _, value in Criteria.parse("95% | 85%-94% | 70%-84% | 69%以下").bounds()]
        ['95', '85', '94', '70', '84', '69']
        """
        return tuple(found for condition in self.model.resolved for found in bounds_of(condition))

    def unit(self, metric: str | None = None) -> Unit | None:
        """The unit in which a bare number is read for *metric* (the only one by default)."""
        if metric is None and len(self.model.metrics) == 1:
            metric = self.model.metrics[0]
        return self.model.units[metric]

    def label(self, band: Band) -> str:
        """This document's name for *band*."""
        return self.labels[band.index]

    # -- grading ------------------------------------------------------------
    def outcomes(self, outcome: object) -> Outcomes:
        """The outcomes *outcome* gives for this criteria's metrics (validated, not converted)."""
        return Outcomes.read(outcome, self._model_for(outcome).metrics, dict(self.aliases))

    def grade(self, outcome: OutcomeInput | Completion, *, strict: bool = False, fractions: bool = False) -> Grade:
        """The band *outcome* earns, with the decision and why.

        *outcome* is a number (read in the criteria's own unit), a string
        that may carry its unit, a mapping from metric name to such values,
        or an indicator's :class:`kpi.Completion`.  With ``strict=True`` a grade
        with a note of :data:`REFUSED_WHEN_STRICT` raises :class:`kpi.UngradedError`
        naming it (:meth:`Grade.refusal`) instead of being placed by the gap rules.

        A percentage read by pandas from Excel arrives as a fraction (0.965
        for 96.5%).  On a percentage scale whose bounds all lie above 1%, a
        bare number from 0 to 1 is graded as written but gets the note
        ``fraction``; ``fractions=True`` says the bare numbers are fractions,
        and reads them times 100.

        >>> c = Criteria.parse("0% | ＜5% | ＜10% | ＞10%")
        >>> c.grade(10).label, c.grade(10).notes
        ('差', ('gap',))
        """
        # 239mg/dl on <5.18mmol/L(200mg/dl) | …: criteria with a second scale have no compiled search.
        if self._compiled is None and (second := scale_for(self, outcome)) is not None:
            return second.grade(outcome, strict=strict, fractions=fractions)
        completion = outcome if isinstance(outcome, Completion) else None
        if completion is not None:
            self._check_grades_rate()
            # A rate, in percent; tiers that write their rates without % (95 | 85-94 | …) read it bare.
            outcome = completion.quantity if self.model.units[None] is not None else completion.rate
        model = self.model
        if len(model.metrics) > 1:  # tiers of one metric are graded on their own model
            model = self._model_for(outcome)
        reading = read_for(model, outcome, fractions=fractions)
        outcome = outcome if reading.outcome is None else reading.outcome  # type: ignore[assignment]
        unmeasured = False
        approximately = None
        compiled = self._compiled
        # The compiled search caches model.decide for a plain number or text on a one-metric scale.
        located = None if compiled is None else compiled.locate(outcome)
        if compiled is not None and located is not None:
            value, region = located
            decision = compiled.decisions[region]
            values: tuple[tuple[str | None, Decimal], ...] = ((compiled.metric, value),)
        else:
            outcomes = self.outcomes(outcome)
            approximately = ranged(model, outcomes)  # 20天 on tiers in 个月: decided across its span
            if approximately is not None:
                decision, outcomes = decide_in_span(model, outcomes, approximately)
            lookup = outcomes.lookup
            given = model.given(outcomes)
            if approximately is None:
                decision = model.decide(lookup)
            # Alternatives (或) on the metrics with no outcome were left out of the decision.
            unmeasured = len(given) < len(model.metrics)
            values = tuple((metric, lookup(metric, model.units[metric])) for metric in given)
        if (
            reading.suspect
            or reading.large
            or reading.percent
            or reading.assumed
            or approximately
            or unmeasured
            or model.set_aside
            or model.notes
        ):
            made = {
                "fraction": reading.suspect,
                "magnitude": reading.large,
                "percent": reading.percent,
                "unit-assumed": reading.assumed,
                "unit-range": approximately is not None,
                "set-aside": model.set_aside,
                "unmeasured": unmeasured,
                **dict.fromkeys(model.notes, True),
            }
            decision = attrs.evolve(decision, notes=(*decision.notes, *(note for note in made if made[note])))
        grade = Grade(decision, values, model, completion, reading.own, approximately)
        if strict and REFUSED_WHEN_STRICT.intersection(decision.notes):
            raise UngradedError(grade.refusal("en"), zh=grade.refusal("zh"))
        return grade

    def grade_many(self, values: Iterable[object]) -> list[Band | None]:
        """The band of each outcome, in input order; the same as ``grade(v).band``.

        A one-metric scale grades through its compiled binary search, and with
        NumPy installed, a NumPy array of numbers is graded without a Python
        loop.  A value that cannot be graded (NaN, empty, wrong unit) raises
        :class:`kpi.OutcomeError` naming its position.

        >>> c = Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"])
        >>> [band.label for band in c.grade_many([96, 94.5, "70%", 12])]
        ['优', '良', '中', '差']
        """
        compiled = self._compiled
        if compiled is not None:
            return compiled.bands_of(values, lambda value: self.grade(value).band)  # type: ignore[arg-type]
        bands: list[Band | None] = []
        for position, value in enumerate(values):
            try:
                bands.append(self.grade(value).band)  # type: ignore[arg-type]
            except OutcomeError as error:
                raise OutcomeError(
                    f"outcome {position}: {error}", zh=f"实际值 {position}：{error.says('zh')}"
                ) from None
        return bands

    def grade_actuals(
        self,
        actuals: OutcomeInput,
        *,
        strict: bool = False,
        fractions: bool = False,
        aggregate: Aggregate = "lowest",
        weights: Mapping[str, Decimal | int | str] | None = None,
    ) -> Grade:
        """Grade actual year-end figures, whatever kind of tiers these are.

        Tiers that name metrics, speak of the indicator's targets, or measure
        in units of their own (``20个工作日以内``) grade the figures directly;
        tiers that grade a rate (``95% | 85%-94% | …``) grade the indicator's
        completion of its targets.  For an indicator without targets the
        figure is the assessed completion rate (read as a fraction with
        ``fractions=True``, see :meth:`grade`); one with figures kpi cannot
        read as targets (``Indicator.unread``) is refused, since its
        completion is unknown.

        >>> indicator = "城镇新增就业10万人，失业人员再就业3万人。"
        >>> c = Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"], indicator=indicator)
        >>> c.grade_actuals({"城镇新增就业": "9.6万人", "失业人员再就业": "3.3万人"}).label
        '优'
        """
        indicator = self.indicator
        if not self.model.grades_rate or indicator is None or not (indicator.targets or indicator.unread):
            # The tiers measure the figures themselves (≤24小时, 设备完好率>90%).
            return self.grade(actuals, strict=strict, fractions=fractions)
        return self.grade(indicator.completion(actuals, aggregate=aggregate, weights=weights), strict=strict)

    def _check_grades_rate(self) -> None:
        """Refuse a completion rate for tiers that grade something else, saying what they grade."""
        model = self.model
        if model.grades_rate:
            return
        if model.quantified or self.metrics:
            what = "the indicator's targets" if model.quantified else "、".join(self.metrics)
            what_zh = "绩效指标的各项目标值" if model.quantified else what
            raise OutcomeError(
                f"these tiers grade {what} directly, not a completion rate",
                zh=f"这些档次直接评定{what_zh}，而不是完成率",
            )
        raise OutcomeError(
            f"these tiers grade values in {model.units[None]}, not a completion rate",
            zh=f"这些档次评定以“{model.units[None]}”计的数值，而不是完成率",
        )

    # -- checking the tier set -----------------------------------------------
    def lint(self, *, precision: Decimal | int | str | None = None) -> list[Finding]:
        """Problems of the tier set itself: gaps, overlaps, unreachable or
        unsatisfiable tiers, direction problems and suspicious tiers.

        *precision* overrides the criteria's own step of reported outcomes.  Bounds restated in
        another unit in brackets are a second scale, linted too (its gaps are its own: 239–240mg/dl).
        """
        found = lint(self.model, precision=_precision(precision))
        second = second_scale(self) if has_second_scale(self) else None
        return found + [f for f in ([] if second is None else second.lint(precision=precision)) if f not in found]

    def __str__(self) -> str:
        return " | ".join(str(rule) for rule in self.tiers)

    def __repr__(self) -> str:
        extras = "" if self.labels == default_labels(len(self.tiers)) else f", labels={self.labels!r}"
        extras += "" if self.precision is None else f", precision={self.precision}"
        return f"<Criteria({str(self)!r}{extras})>"
