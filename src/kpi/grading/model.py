"""The grading model: what a tier set means once read together, and the one decision.

Grading reads a tier set as a careful evaluator does.  The best tier whose
condition holds wins (first match).  On a scale that runs one way, a value
that falls between two tiers did not reach the better one and gets the
worse neighbour ("gap"); a value better than every tier gets the best band
("above-scale") and one worse than every tier the worst band
("below-scale").  On a scale that runs neither way an uncovered value gets
no band ("uncovered").

:meth:`GradingModel.decide` makes that decision, and only it:
``Criteria.grade``, the compiled binary search of ``grade_many`` (a cache
of this decision), lint, the Hypothesis strategies and ``check_criteria``
all come here.  Direction, metric names and units are worked out once, when
the model is built, from the tier texts themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from kpi.direction import Direction, infer_direction
from kpi.errors import CriteriaError, OutcomeError
from kpi.grading.bases import bases_of
from kpi.grading.caveats import caveats, decreases, impossible_tiers
from kpi.grading.metric_names import in_other_words, likely_one, one_metric
from kpi.grading.regions import bounds_of, needs, reach_of, region_for_direction, units_of
from kpi.grading.sharing import settle_shared_bounds, thresholds
from kpi.outcomes import Outcomes
from kpi.rules import BareValue, Condition, Lookup, Otherwise, Rule
from kpi.span_thresholds import lowest_reading, undecided
from kpi.targets import Quantified, Target, TargetCompletion, TargetsCondition
from kpi.text.words import is_rank
from kpi.units import PERCENT, Unit, base_power

__all__ = ["REFUSED_WHEN_STRICT", "Decision", "GradingModel"]


@attrs.frozen
class Decision:
    """Which band an outcome earns and why.

    ``band`` is the index of the band given (0 is the best), ``None`` only for
    an uncovered outcome on a non-monotone scale.  ``tier`` is the tier that
    matched directly, ``None`` when the band came from the gap rules (then
    ``notes`` says which).  ``evaluation`` keeps, for tiers about targets,
    each target's completion as the tiers judged it.
    """

    band: int | None
    tier: int | None
    notes: tuple[str, ...] = ()
    evaluation: tuple[TargetCompletion, ...] | None = attrs.field(default=None, eq=False)


def _holds(condition: Condition, lookup: Lookup) -> bool:
    """Whether *condition* holds; one that reads a metric the outcomes lack does not."""
    try:
        return condition.holds(lookup)
    except OutcomeError:
        return False


def _equals(lookup: Lookup, metric: str | None, unit: Unit | None, value: Decimal) -> bool:
    """Whether the outcome of *metric* is *value*; a metric the outcomes lack is not."""
    try:
        return lookup(metric, unit) == value
    except OutcomeError:
        return False


#: Notes of a grade that ``grade(..., strict=True)`` refuses: no tier matched
#: directly, two tiers claim the outcome and nothing in the text settles it, the
#: outcome was read on a guess (a fraction, the tiers in the outcome's unit, metrics named
#: apart as one, conditions without a figure taken as met), or alternatives on metrics
#: with no outcome were left out of the decision.
REFUSED_WHEN_STRICT: Final = frozenset(
    {"gap", "above-scale", "below-scale", "uncovered", "overlap", "fraction", "unit-assumed", "unmeasured"}
    | {"one-metric", "condition-met", "exception-assumed", "alternative-assumed", "magnitude", "span", "impossible"}
    | {"negative-decrease", "rounding", "percent"}
)


def _placed(index: int | None, note: str, more: tuple[str, ...] = ()) -> Decision:
    return Decision(index, None, (note, *more))


@attrs.frozen
class GradingModel:
    """A tier set read together: its tiers resolved, metrics, units and directions.

    Build one with :meth:`of`; :class:`kpi.Criteria` keeps one as ``model``.
    ``resolved`` holds each tier's condition with bare values turned into
    comparisons along the scale's direction, ``reach`` each tier stretched
    towards the better end (what the gap rules compare against).
    """

    labels: tuple[str, ...]
    texts: tuple[str, ...]
    metrics: tuple[str | None, ...]
    units: Mapping[str | None, Unit | None]
    inferred: Mapping[str | None, Direction | None]
    directions: Mapping[str | None, Direction]
    resolved: tuple[Condition, ...]
    reach: tuple[Condition, ...]
    quantified: bool = False
    declared: Direction | None = None
    precision: Decimal | None = None
    #: The metrics of the tiers' bare values as written (``None`` for an unnamed one).
    bare: frozenset[str | None] = frozenset()
    #: Values two neighbouring tiers share, settled by the one that marks them (see kpi.grading.sharing).
    shared: frozenset[tuple[str | None, Decimal]] = frozenset()
    #: Per tier, whether it is a threshold open towards the better end (≥90%).
    threshold: tuple[bool, ...] = ()
    #: Per tier, the typos its text was read with (``85%--94% → 85%-94%``).
    corrections: tuple[tuple[str, ...], ...] = ()
    #: What the tiers name besides a condition a figure can meet (或直接判级确定), set aside in grading.
    set_aside: tuple[str, ...] = ()
    #: The tiers' clauses of condition without a figure, taken as met (为谋取不正当利益).
    met: tuple[str, ...] = ()
    #: Notes the tiers' readings put on every grade (full-completion: 全部完成 read as ≥100%).
    notes: tuple[str, ...] = ()
    #: Per tier, whether it joins neighbouring tiers of one label (kpi.grading.bands.one_band_each).
    joined: tuple[bool, ...] = ()
    #: The base of each metric graded as a share of one (增值额: 扣除项目金额; see kpi.grading.bases).
    bases: Mapping[str | None, str] = attrs.field(factory=dict)

    @classmethod
    def of(
        cls,
        tiers: Sequence[Rule],
        labels: Sequence[str],
        *,
        declared: Direction | None = None,
        targets: Sequence[Target] | None = None,
        precision: Decimal | None = None,
        as_one: bool = False,
    ) -> GradingModel:
        """The model of *tiers* (best first); *targets* are the indicator's, for tiers about them.
        *as_one* reads every metric the tiers name as one, and notes it on every grade."""
        texts = tuple(rule.text.strip() for rule in tiers)
        conditions = [_bind(rule, targets) for rule in tiers]
        # What the readings set aside, took as met, and note on every grade (两项指标均完成的,得满分 too).
        set_aside = tuple(dict.fromkeys(wording for rule in tiers for wording in rule.set_aside))
        met = tuple(dict.fromkeys(wording for rule in tiers for wording in rule.met))
        notes = tuple(dict.fromkeys(note for rule in tiers for note in rule.notes))
        if any(isinstance(condition, TargetsCondition) for condition in conditions):
            model = cls._of_targets(conditions, tuple(labels), texts, targets or (), precision)
            return attrs.evolve(model, set_aside=set_aside, met=met, notes=notes)
        named = list(dict.fromkeys(m for c in conditions for m in c.metrics() if m is not None))
        unnamed = any(m is None for c in conditions for m in c.metrics())
        # 表示为优秀的分数段为90-100分 | 80分及以上…: where some tiers name none, names alike are one score.
        same = one_metric(conditions, named)
        as_one = as_one or (unnamed and not same and likely_one(conditions, named))
        if named and (as_one or same):
            # 空腹血糖≥7.0 | 空腹血糖值6.1-7.0…: one metric in the author's varying words.
            conditions = [c.map_leaves(lambda leaf: attrs.evolve(leaf, metric=named[0])) for c in conditions]
            named, unnamed = named[:1], False
        if unnamed and len(named) > 1:
            raise CriteriaError(
                "a tier does not name its metric while the tiers name several (" + "、".join(named) + ")",
                zh="有一档没有写指标名称，而各档写了多个指标（" + "、".join(named) + "）",
            )
        sole = named[0] if len(named) == 1 else None
        conditions = [
            c.map_leaves(lambda leaf: attrs.evolve(leaf, metric=sole) if leaf.metric is None else leaf)
            for c in conditions
        ]
        metrics: tuple[str | None, ...] = tuple(named) if named else (None,)
        bases = bases_of(conditions)
        units = units_of(conditions, metrics)
        # Every value in its metric's one unit (2000万元 and 1亿元, 六个月 and 一年), so that
        # bounds compare, as the compiled search and lint compare them.
        conditions = [
            c.map_leaves(
                lambda leaf: (
                    attrs.evolve(leaf, unit=units[leaf.metric])
                    if leaf.unit is None
                    else leaf.in_unit(units[leaf.metric])
                )
            )
            for c in conditions
        ]
        # A rank runs lower-is-better by its nature (第1名 is best), when the order of the tiers does not say.
        inferred = {
            m: infer_direction([region_for_direction(c, m) for c in conditions])
            or (Direction.LOWER_IS_BETTER if is_rank(m, units[m]) else None)
            for m in metrics
        }
        directions = {m: declared or inferred[m] or Direction.HIGHER_IS_BETTER for m in metrics}
        resolved, shared = settle_shared_bounds([c.resolved(directions.__getitem__) for c in conditions])
        # Only a direction read from the tiers (or declared) stretches a tier
        # towards the better end: 非法访问系统数量为0 says nothing about which way.
        stretch = {m: declared or inferred[m] or Direction.NON_MONOTONE for m in metrics}
        reach = tuple(c.map_leaves(lambda leaf: reach_of(leaf, stretch[leaf.metric])) for c in resolved)
        bare = frozenset(
            leaf.metric for rule in tiers for leaf in rule.condition.leaves() if isinstance(leaf, BareValue)
        )
        return cls(
            tuple(labels),
            texts,
            metrics,
            units,
            inferred,
            directions,
            resolved,
            reach,
            False,
            declared,
            precision,
            bare,
            shared,
            thresholds(resolved, directions),
            tuple(rule.corrections for rule in tiers),
            set_aside,
            met,
            notes + ("one-metric",) * as_one,
            tuple(rule.joined for rule in tiers),
            bases,
        )

    @classmethod
    def _of_targets(
        cls,
        conditions: list[Condition],
        labels: tuple[str, ...],
        texts: tuple[str, ...],
        targets: Sequence[Target],
        precision: Decimal | None,
    ) -> GradingModel:
        if not all(isinstance(c, TargetsCondition | Otherwise) for c in conditions):
            raise CriteriaError(
                "tiers about the indicator's targets (两项指标…) cannot be mixed with other tiers",
                zh="说绩效指标各项目标值的档次（两项指标…）不能与其他档次混用",
            )
        metrics = tuple(target.metric for target in targets)
        if len(set(metrics)) != len(metrics):
            listed = "、".join(map(str, targets))
            raise CriteriaError(
                "the indicator's targets need distinct metric names: " + listed,
                zh="绩效指标的各项目标值需要互不相同的指标名称：" + listed,
            )
        units = {target.metric: target.unit for target in targets}
        directions = {
            target.metric: Direction.LOWER_IS_BETTER if target.upper_limit else Direction.HIGHER_IS_BETTER
            for target in targets
        }
        resolved = tuple(conditions)
        return cls(
            labels, texts, metrics, units, dict(directions), directions, resolved, resolved, True, None, precision
        )

    @functools.cached_property
    def monotone(self) -> bool:
        """Whether the gap rules apply: every metric whose direction is known (declared, or read) runs one way."""
        known = [
            direction for direction in (self.declared or inferred for inferred in self.inferred.values()) if direction
        ]
        return not self.quantified and bool(known) and all(direction.monotone for direction in known)

    @functools.cached_property
    def lowest(self) -> tuple[Condition | None, ...]:
        """Per tier, its reading with every span threshold at its low end (kpi.span_thresholds); () if none."""
        lowest = tuple(lowest_reading(condition) for condition in self.resolved)
        return lowest if any(condition is not None for condition in lowest) else ()

    @functools.cached_property
    def written_values(self) -> tuple[Decimal, ...]:
        """Every value the resolved tiers write, on any metric (:func:`kpi.grading.regions.bounds_of`)."""
        return tuple(value for tier in self.resolved for _, value in bounds_of(tier))

    @functools.cached_property
    def largest_value(self) -> Decimal:  # in size, 0 for none: what a bare number may lie far beyond
        return max(map(abs, self.written_values), default=Decimal(0))

    @functools.cached_property
    def magnitude_limit(self) -> Decimal | None:
        """1000 times the largest bound of one-metric tiers in a unit with a magnitude (万元, 万人), or that magnitude
        (10000) if less: from there a bare number may be in the base unit (元; 12000 on 50-100万元)."""
        unit = self.units.get(self.metrics[0]) if len(self.metrics) == 1 and not self.quantified else None
        if (power := None if unit is None else base_power(unit)) is None:
            return None
        return min(self.largest_value * 1000, Decimal(10) ** power) if self.largest_value else None

    @functools.cached_property
    def takes_fractions_for_percent(self) -> bool:
        """Whether a bare number from 0 to 1 is suspect: a one-metric (unnamed or named) percentage scale with
        bounds all above 1%, where 0.965 is likelier a fraction (96.5%, as pandas reads Excel) than 0.965%."""
        if self.metrics != (None,) and (len(self.metrics) != 1 or self.quantified):
            return False
        if self.units.get(self.metrics[0]) is not PERCENT:
            return False
        values = self.written_values
        return bool(values) and min(values) > 1

    @functools.cached_property
    def assumes_outcome_unit(self) -> bool:
        """Whether an outcome's unit is taken for the tiers', which write none (≤50.0 | 50.1~55.0 | …
        and 52dB: a careful reader takes the tiers to be in dB; grades note it, ``unit-assumed``).
        One metric, and not a scale whose bounds all lie from -1 to 1 (0.95 | 0.85-0.94 | …): rates
        written as fractions, which an outcome of 80% or 3小时 is not read against; but bounds that
        are all 0 (变动率≤0 | >0) mean the same as fractions and in percent."""
        if self.quantified or len(self.metrics) != 1 or self.units[self.metrics[0]] is not None:
            return False
        values = [abs(value) for value in self.written_values]
        return any(value > 1 for value in values) or (bool(values) and not any(values))

    @functools.cached_property
    def optional(self) -> frozenset[str | None]:
        """The metrics only alternatives (或) read, which an outcome may give no figure for: no tier
        needs them (死亡, 重伤 and 直接经济损失 of 造成30人以上死亡，或者100人以上重伤，或者…)."""
        return frozenset(m for m in self.metrics if not any(needs(c, m) for c in self.resolved))

    def given(self, outcomes: Outcomes) -> tuple[str | None, ...]:
        """The metrics *outcomes* give a figure for.  One with no figure may only be left out when
        alternatives (或) alone read it (:attr:`optional`), or a tier before the first that needs it
        holds on the figures given (中毒100人 for 死亡≥30人或中毒≥100人 | … | 死亡≤3人), and its name is
        not the start of one given, nor begins with it, nor writes it with words between (收缩压持续 and
        收缩压, 潜在可能造成的经济损失 and 潜在经济损失: it may be that metric in other words)."""
        outcomes.check_shares(self.bases)
        given = tuple(metric for metric in self.metrics if metric in outcomes.values)
        for metric in given:
            place = outcomes.lookup(metric, self.units[metric]) if is_rank(metric, self.units[metric]) else Decimal(1)
            if place < 1 or place != place.to_integral_value():  # 2.5 or 0 is no place: a slip, not a rank
                raise OutcomeError(
                    f"{metric} {place}: a rank is a whole place from 1 (第1名)",
                    zh=f"{metric} {place}：名次应为从1起的整数（第1名）",
                )
        for metric in self.metrics:
            if metric in given:
                continue
            if metric not in self.optional and not self._decided_before(metric, outcomes.lookup):
                outcomes.lookup(metric, self.units[metric])  # raises: no outcome for the metric
            for name in given:
                if metric and name and in_other_words(metric, name):
                    raise OutcomeError(
                        f"no outcome for metric {metric}, which may be {name} in other words: give both, or say which",
                        zh=f"没有指标{metric}的实际值；它可能就是{name}的另一种写法：请分别给出，或说明是哪一个",
                    )
        return given

    def _decided_before(self, metric: str | None, lookup: Lookup) -> bool:
        """Whether a tier before the first that needs *metric* holds, first match deciding there, and
        some such tier reads *metric* in an alternative (或), which grading leaves out and notes."""
        first = next(index for index, condition in enumerate(self.resolved) if needs(condition, metric))
        before = self.resolved[:first]
        return any(metric in c.metrics() for c in before) and any(_holds(c, lookup) for c in before)

    @functools.cached_property
    def grades_rate(self) -> bool:
        """Whether the tiers grade a rate (95% | 85%-94% | …) that an indicator's completion can give."""
        return not self.quantified and self.metrics == (None,) and self.units[None] in (None, PERCENT)

    def decide(self, lookup: Lookup) -> Decision:
        """Which tier the outcomes *lookup* gives earn, with the notes that explain it.

        *lookup* gives a metric's outcome in a unit (:meth:`kpi.outcomes.Outcomes.lookup`).
        Notes say why no tier matched directly (``gap``, ``above-scale``,
        ``below-scale``, ``uncovered``), and what a careful reader should know of
        a match: two tiers claim the outcome (``overlap``), a shared bound was
        settled by the tier that marks it (``shared-bound``), the tier was read
        with a correction of a typo (``typo``), or joins tiers of one label (``joined``).
        """
        if self.quantified:
            return self._decide_targets(lookup)
        decision = self._decide_figures(lookup)
        more = caveats(decision.band, decision.tier, self.impossible, self.decreases, self.units, lookup, self.resolved)
        return attrs.evolve(decision, notes=(*decision.notes, *more)) if more else decision

    @functools.cached_property
    def impossible(self) -> tuple[bool, ...]:
        """Per tier, whether it, or an alternative (或) of it, can never hold (:mod:`kpi.grading.caveats`)."""
        return impossible_tiers(self.resolved)

    @functools.cached_property
    def decreases(self) -> tuple[str, ...]:
        """The metrics named as a decrease (同比下降), whose negative outcomes a grade notes."""
        return decreases(self.metrics, self.resolved)

    def _decide_figures(self, lookup: Lookup) -> Decision:
        resolved = self.resolved
        catch_all: int | None = None
        for index, condition in enumerate(resolved):
            if isinstance(condition, Otherwise):
                catch_all = index if catch_all is None else catch_all
                continue
            if condition.holds(lookup):
                return Decision(index, index, self._match_notes(index, lookup))
            if self.lowest and undecided(self.lowest[index], lookup):
                return _placed(None, "span")  # 2000元 on 一千元至三千元以上: the local standard decides
        last = len(resolved) - 1
        if self.monotone:
            for index, reach in enumerate(self.reach):
                if reach.holds(lookup):
                    if isinstance(resolved[index], Otherwise):
                        return Decision(index, index, self._tier_notes(index))
                    return _placed(index, "above-scale" if index == 0 else "gap", self._tier_notes(index))
            return _placed(last, "below-scale", self._tier_notes(last))
        if catch_all is not None:
            return Decision(catch_all, catch_all, self._tier_notes(catch_all))
        return _placed(None, "uncovered")

    def _tier_notes(self, index: int) -> tuple[str, ...]:
        """What a reader must know of any grade in tier *index*: a typo corrected, tiers joined."""
        typo = bool(self.corrections and self.corrections[index])
        return ("typo",) * typo + ("joined",) * bool(self.joined and self.joined[index])

    def _match_notes(self, index: int, lookup: Lookup) -> tuple[str, ...]:
        """The notes of a direct match of tier *index* (usually none)."""
        notes: list[str] = []
        threshold = self.threshold
        if any(
            not isinstance(condition, Otherwise) and not threshold[later] and _holds(condition, lookup)
            for later, condition in enumerate(self.resolved[index + 1 :], index + 1)
        ):
            notes.append("overlap")
        if any(_equals(lookup, metric, self.units[metric], value) for metric, value in self.shared):
            notes.append("shared-bound")
        return (*notes, *self._tier_notes(index))

    def _decide_targets(self, lookup: Lookup) -> Decision:
        """:meth:`decide` for tiers about the indicator's targets: each judges one evaluation of them."""
        resolved = self.resolved
        first = next(c for c in resolved if isinstance(c, TargetsCondition))
        evaluation = first.evaluate(lookup)
        for index, condition in enumerate(resolved):
            if isinstance(condition, TargetsCondition) and condition.judge(evaluation):
                return Decision(index, index, (), evaluation)
        # Not every outcome fully earns a tier (missed by exactly 1%): it did
        # not earn the better tiers, so it takes the worst.  其他 is no band of its own here.
        last = len(resolved) - 1
        return Decision(last, None, ("gap",), evaluation)


def _bind(rule: Rule, targets: Sequence[Target] | None) -> Condition:
    """A tier's condition, with a tier about targets bound to the indicator's."""
    condition = rule.condition
    if not isinstance(condition, Quantified):
        return condition
    if targets is None:
        raise CriteriaError(
            f"“{rule.text.strip()}” speaks of the indicator's targets; pass indicator= to Criteria.parse",
            zh=f"“{rule.text.strip()}”说的是绩效指标的各项目标值；请向 Criteria.parse 传入 indicator=",
        )
    return TargetsCondition.bind(condition, targets, rule.text)
