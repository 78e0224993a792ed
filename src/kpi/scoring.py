"""Scoring a whole indicator table against a results file.

This is the year-end job: every indicator gets a band, the tier text that
decided it, an explanation, notes and points; every activity and the whole
document get counts per band, a score out of 100 and an overall band on the
national scale 优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分), which kpi
reads like any other tier set.  Nothing is lost: there is exactly one scored
row per indicator of the table, and a missing or unreadable result is a row
marked as such, with the reason.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from kpi.errors import KpiError
from kpi.grading.criteria import Criteria
from kpi.grading.grades import Grade
from kpi.io.results import (
    ACTUAL,
    COMPLETION_RATE,
    ResultEntry,
    Results,
    load_results,
    needed_values,
    results_from_frame,
    results_from_mapping,
)
from kpi.io.rows import SourceLocation, Table, TableRow
from kpi.io.tables import load_table
from kpi.national import DEFAULT_SHARES, Assessment, Shares, assess, check_score
from kpi.numbers import CONTEXT, WeightError, format_decimal, parse_weight
from kpi.scorecard import Scorecard, ScoredRow, Status, Summary
from kpi.wording import Language, words

__all__ = ["DEFAULT_POINTS", "NATIONAL_SCALE", "Missing", "Points", "default_points", "national_scale", "score"]

#: The national score-to-band scale for evaluation results (财政部预算司).
NATIONAL_SCALE: Final = "优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)"
#: Points per band of a four-band tier set, best first, unless the caller gives others.
DEFAULT_POINTS: Final = (Decimal(100), Decimal(80), Decimal(60), Decimal(0))

#: Points per band, best first: one sequence for every tier set of that many bands,
#: or a sequence per number of bands.
Points = Sequence[Decimal | int | str] | Mapping[int, Sequence[Decimal | int | str]]


def default_points(bands: int) -> tuple[Decimal, ...]:
    """Points per band of a tier set of *bands* bands, best first.

    The best band earns 100 and the worst 0; the bands between them share the
    national scale's 良 and 中 thresholds, 80 down to 60, in even steps (one
    band between: 60, a pass).  Four bands give 100, 80, 60, 0.

    >>> [str(point) for point in default_points(5)], [str(point) for point in default_points(3)]
    (['100', '80', '70', '60', '0'], ['100', '60', '0'])
    """
    middle = bands - 2
    if middle <= 0:
        return (Decimal(100), Decimal(0))
    if middle == 1:
        between = [Decimal(60)]
    else:
        step = CONTEXT.divide(Decimal(20), Decimal(middle - 1))
        between = [Decimal(format_decimal((Decimal(80) - step * k).quantize(Decimal("0.01")))) for k in range(middle)]
    return (Decimal(100), *between, Decimal(0))


@functools.cache
def national_scale() -> Criteria:
    """The national scale as a criteria (whole points: 89.5 falls in its gap, 良)."""
    return Criteria.parse_scale(NATIONAL_SCALE)


def _outcome(filled: tuple[tuple[str, str], ...]) -> tuple[object, bool]:
    """The outcome to grade from a results entry's filled pairs, and whether it is a plain rate."""
    if len(filled) == 1:
        name, value = filled[0]
        return value, name == COMPLETION_RATE
    return {name: value for name, value in filled if name not in ("", ACTUAL)}, False


class _Grader:
    """Grades the rows of one scoring run.

    Rows that repeat a tier set and its figures (a rate of 100% on the usual
    95% | 85%-94% | … set) share one grade, worked out once: the figures alone
    decide a grade, and grades are immutable.
    """

    def __init__(
        self,
        results: Results,
        points: Callable[[int], tuple[Decimal, ...]],
        shares: Shares = DEFAULT_SHARES,
        fractions: bool = False,
        lang: Language = "zh",
    ) -> None:
        self.results = results
        self.fractions = fractions
        self.lang = lang
        self.points = points
        self.shares = shares
        # By the criteria's identity (each is kept alive by its table rows) and the figures.
        self._worked: dict[tuple[int, tuple[tuple[str, str], ...]], Grade | str] = {}

    def row(self, row: TableRow, entry: ResultEntry | None) -> ScoredRow:
        weight, weight_problem = _weight_of(row, entry, self.lang)
        location = None if entry is None else entry.location
        if entry is None and (row.actual or row.score):
            entry = _entry_of(row)  # the self-evaluation form holds its own figures
        problem = _unscorable(row, entry, self.results, weight_problem, self.lang)
        if problem is not None:
            return ScoredRow(row, problem[0], None, problem[1], weight, None, location, entry=entry)
        assert entry is not None
        if row.form is not None:
            return self._form_row(row, entry, weight, location)
        criteria = row.criteria
        assert criteria is not None
        key = (id(criteria), entry.filled)
        grade = self._worked.get(key)
        if grade is None:
            grade = self._worked[key] = _work(criteria, entry.filled, self.fractions, self.lang)
        if isinstance(grade, str):
            return ScoredRow(row, "invalid", None, grade, weight, None, location, entry=entry)
        band = grade.decision.band
        if band is None:
            return ScoredRow(row, "no-band", grade, grade.explain(self.lang), weight, None, location, entry=entry)
        points = self.points(len(criteria.tiers))[band]
        if not entry.score:  # the usual case: no 得分 written by hand to check
            return ScoredRow(row, "graded", grade, "", weight, points, location, entry=entry)
        points, check, note = _checked(row, entry, points, None, self.lang)
        return ScoredRow(row, "graded", grade, "", weight, points, location, check=check, note=note, entry=entry)

    def _form_row(
        self, row: TableRow, entry: ResultEntry, weight: Decimal, location: SourceLocation | None
    ) -> ScoredRow:
        """A row of the national form without tiers, scored by the form's rule (:mod:`kpi.national`)."""
        assert row.form is not None
        actual = entry.filled[0][1] if entry.filled else ""
        try:
            assessment = assess(row.form, actual, self.shares, self.lang)
        except KpiError as error:
            reason = error.says(self.lang).replace("\n", " ")
            return ScoredRow(row, "invalid", None, reason, weight, None, location, entry=entry)
        points, check, note = _checked(row, entry, CONTEXT.multiply(assessment.share, _HUNDRED), assessment, self.lang)
        return ScoredRow(row, "graded", None, "", weight, points, location, assessment, check, note, entry)


_HUNDRED: Final = Decimal(100)


def _entry_of(row: TableRow) -> ResultEntry:
    """The figures a self-evaluation form holds in its own 实际完成值 and 得分 cells, as a results entry."""
    needed = needed_values(row) if row.form is None else (ACTUAL,)
    name = "" if needed[0] == ACTUAL else needed[0].split("（")[0]
    return ResultEntry(row.id, ((name, row.actual),), "", row.location, "", row.score)


def _checked(
    row: TableRow, entry: ResultEntry, points: Decimal, assessment: Assessment | None, lang: Language = "zh"
) -> tuple[Decimal, str, str]:
    """The points to count, what is wrong with a 得分 written by hand (empty when it
    agrees or there is none), and a note when the written one is counted.

    A written 得分 is out of the row's 分值; kpi's is 分值 × points ÷ 100.  For a
    qualitative grade, a written 得分 within the grade's range is the evaluator's
    choice, and counts.
    """
    if not entry.score or row.points is None:
        return points, "", ""
    earned = CONTEXT.divide(CONTEXT.multiply(row.points, points), _HUNDRED)
    allowed = None if assessment is None else assessment.allowed
    checked = check_score(entry.score, earned, row.points, allowed)
    if checked is None:
        return points, "", ""
    counted, agrees = checked
    said = words(lang)
    span = ""
    if allowed is not None:
        low, high = (format_decimal(CONTEXT.multiply(share, row.points)) for share in allowed[:2])
        span = f"{low}–{high}"
    if agrees:
        if counted == earned or not row.points:
            return points, "", ""
        note = said.score_chosen.format(written=entry.score, range=span)
        return CONTEXT.divide(CONTEXT.multiply(counted, _HUNDRED), row.points), "", note
    computed = format_decimal(earned.quantize(Decimal("0.01")))
    if assessment is not None and allowed is not None:
        message = said.score_out_of_range.format(
            place=entry.location.says(lang),
            id=row.id,
            written=entry.score,
            grade=assessment.grade,
            range=span,
            computed=computed,
        )
    else:
        place = entry.location.says(lang)
        message = said.score_differs.format(place=place, id=row.id, written=entry.score, computed=computed)
    return points, message, ""


def _work(
    criteria: Criteria, filled: tuple[tuple[str, str], ...], fractions: bool = False, lang: Language = "zh"
) -> Grade | str:
    """The grade of *filled* figures on *criteria*, or why they cannot be graded."""
    outcome, is_rate = _outcome(filled)
    try:
        if is_rate:
            return criteria.grade(outcome, fractions=fractions)  # type: ignore[arg-type]
        return criteria.grade_actuals(outcome, fractions=fractions)  # type: ignore[arg-type]
    except KpiError as error:
        return error.says(lang).replace("\n", " ")


def _unscorable(
    row: TableRow, entry: ResultEntry | None, results: Results, weight_problem: str, lang: Language = "zh"
) -> tuple[Status, str] | None:
    """Why the row cannot be graded (status and reason), or ``None`` when it can."""
    if row.criteria is None and row.form is None:
        error = row.error.says(lang) if row.error is not None else ""
        return "invalid", words(lang).unreadable_tiers.format(error=error.splitlines()[0] if error else "")
    if entry is None:
        return "missing", words(lang).no_result_row
    if results.duplicates and row.id in results.duplicates:
        places = "、".join(str(place.line) for place in results.duplicates[row.id])
        return "invalid", words(lang).duplicate_id.format(id=row.id, lines=places)
    if entry.problem:
        return "invalid", entry.problem
    if weight_problem:
        return "invalid", weight_problem
    filled = entry.filled
    empty = [name for name, value in filled if not value]
    if filled and not empty:
        return None
    if len(empty) == len(filled):
        return "missing", words(lang).no_value
    return "invalid", words(lang).missing_values.format(names="、".join(name or ACTUAL for name in empty))


_ONE: Final = Decimal(1)


def _weight_of(row: TableRow, entry: ResultEntry | None, lang: Language = "zh") -> tuple[Decimal, str]:
    """The row's weight (the results file's, else the table's 权重 or 分值, else 1) and what is wrong with it."""
    text = entry.weight if entry is not None else ""
    if not text:
        given = row.weight if row.weight is not None else row.points
        return (given if given is not None else _ONE), ""
    try:
        return parse_weight(text), ""
    except WeightError as error:
        said = words(lang)
        return _ONE, (said.weight_negative if error.negative else said.weight_not_a_number).format(text=error.text)


@attrs.frozen
class _Totals:
    """The rows of a group added up: counts per band label, rows graded and not,
    rows counted as zero, total weight and total weight × points."""

    counts: Mapping[str, int]
    graded: int
    ungraded: int
    weight: Decimal
    weighted: Decimal
    zeroed: int = 0

    @classmethod
    def of(cls, rows: Iterable[ScoredRow], missing: Missing = "exclude") -> _Totals:
        counts: dict[str, int] = {}
        graded = ungraded = zeroed = 0
        total_weight = weighted = Decimal(0)
        for scored in rows:
            if scored.status != "graded" or scored.points is None:
                ungraded += 1
                if missing == "zero" and _figure_missing(scored):
                    # Not reported, or not readable: 0 points at its weight, as evaluators count it.
                    zeroed += 1
                    total_weight = CONTEXT.add(total_weight, scored.weight)
                continue
            graded += 1
            label = scored.label or ""
            counts[label] = counts.get(label, 0) + 1
            total_weight = CONTEXT.add(total_weight, scored.weight)
            weighted = CONTEXT.add(weighted, CONTEXT.multiply(scored.weight, scored.points))
        return cls(counts, graded, ungraded, total_weight, weighted, zeroed)

    @classmethod
    def merged(cls, parts: Sequence[_Totals]) -> _Totals:
        counts: dict[str, int] = {}
        for part in parts:
            for label, count in part.counts.items():
                counts[label] = counts.get(label, 0) + count
        return cls(
            counts,
            sum(part.graded for part in parts),
            sum(part.ungraded for part in parts),
            sum((part.weight for part in parts), Decimal(0)),
            sum((part.weighted for part in parts), Decimal(0)),
            sum(part.zeroed for part in parts),
        )

    def summary(self, activity: tuple[str, ...]) -> Summary:
        score = CONTEXT.divide(self.weighted, self.weight) if self.weight else None
        grade = None if score is None else national_scale().grade(score)
        return Summary(activity, self.counts, self.graded, self.ungraded, score, grade, self.zeroed)


#: How a row without a usable figure counts: left out of the score, or as 0 points.
Missing = Literal["exclude", "zero"]


def _figure_missing(scored: ScoredRow) -> bool:
    """Whether the row's figure is missing or unreadable (not its tiers, which are the table's)."""
    row = scored.row
    return scored.status == "missing" or (
        scored.status == "invalid" and (row.criteria is not None or row.form is not None)
    )


def _points_by_count(points: Points | None) -> Callable[[int], tuple[Decimal, ...]]:
    """Points per band for a tier set of each size, from what the caller gave, checked."""
    given: dict[int, tuple[Decimal, ...]] = {}
    if points is not None:
        sequences = points.items() if isinstance(points, Mapping) else [(len(points), points)]
        for count, values in sequences:
            checked = tuple(Decimal(str(value)) for value in values)
            if len(checked) != count or not all(value.is_finite() and abs(value) <= 1000 for value in checked):
                raise ValueError(f"points must give {count} numbers up to 1000, best band first, not {values!r}")
            given[count] = checked

    @functools.cache
    def of(count: int) -> tuple[Decimal, ...]:
        return given.get(count) or default_points(count)

    return of


def score(
    table: Table | str | os.PathLike[str],
    results: Results | str | os.PathLike[str] | Mapping[str, object] | Any = None,
    *,
    points: Points | None = None,
    shares: Shares | str | None = None,
    missing: Missing = "exclude",
    fractions: bool = False,
    lang: Language = "zh",
    progress: Callable[[Iterable[TableRow]], Iterable[TableRow]] | None = None,
) -> Scorecard:
    """Grade every indicator of *table* with the figures in *results* (a results
    file, a mapping ``{id: figure or {metric: figure}}``, or a pandas DataFrame
    with the fill-in sheet's columns), or with
    the figures the table holds itself (the national self-evaluation form's
    实际完成值) when *results* is ``None`` or has no row for an indicator.

    *points* gives the points of each band, best first (for four bands 100,
    80, 60, 0 by default; see :func:`default_points` for other counts), as one
    sequence or a mapping from a number of bands to its sequence.  The score
    of a group is the weighted mean of its graded indicators' points (weights
    from the results' or the table's 权重 column, 1 by default), and its band
    is read off the national scale.  Indicators that could not be graded are
    listed, not counted.  Rows that repeat a tier set and its figures share
    one :class:`kpi.Grade`.

    A row of the national form without tiers is scored by the form's rule
    (:mod:`kpi.national`): its points are the share of its 分值 it earns,
    times 100, and its weight is its 分值, so that a form whose 分值 add up
    to 100 scores the sum of its 得分.  *shares* gives the shares of 达成,
    部分达成 and 未达成 (``"100,60,0"`` by default).  A 得分 written by hand
    is checked against kpi's: a disagreement is one of the card's problems.

    *missing* says how a row whose figure is missing or unreadable counts:
    ``"exclude"`` (the default) leaves it out of every score, ``"zero"``
    counts it as 0 points at its weight, as evaluators do when a result is
    not reported.  Either way the summaries say how many rows it concerns.
    With *fractions*, figures written without a unit on percentage tiers are
    fractions (0.965 for 96.5%), as pandas reads Excel percentages; without
    it such a figure gets the note ``fraction`` (see :meth:`kpi.Criteria.grade`).
    *lang* is the language of the card: explanations, reasons, notes and the
    records' field names (``"zh"``, or ``"en"``).

    >>> from pathlib import Path
    >>> root = Path(__file__).parents[2]
    >>> card = score(root / "seeds" / "handan-hrss-2018-budget.txt", root / "examples" / "handan-2018-results.csv")
    >>> len(card.rows) == len(card.table.indicators)
    True
    """
    points_of = _points_by_count(points)
    if not isinstance(table, Table):
        table = load_table(table)
    if results is None:
        results = Results("", {}, {})
    elif isinstance(results, Mapping):
        results = results_from_mapping(results)
    elif hasattr(results, "itertuples") and hasattr(results, "columns"):
        results = results_from_frame(results)  # a pandas DataFrame
    elif not isinstance(results, Results):
        results = load_results(results)
    if not isinstance(shares, Shares):
        shares = DEFAULT_SHARES if shares is None else Shares.parse(shares)
    indicators: Iterable[TableRow] = table.indicators
    if progress is not None:
        indicators = progress(indicators)
    grade_row = _Grader(results, points_of, shares, fractions, lang).row
    entries = results.entries
    scored = tuple(grade_row(row, entries.get(row.id)) for row in indicators)
    # Each row is tallied once, under its own activity; a duty's summary adds up
    # those of the activities under it.  Groups come in the order they first appear.
    members: dict[tuple[str, ...], list[ScoredRow]] = {}
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for row in scored:
        activity = row.row.activity
        if activity not in members:
            members[activity] = []
            for depth in range(1, len(activity) + 1):
                groups.setdefault(activity[:depth], []).append(activity)
        members[activity].append(row)
    if missing not in ("exclude", "zero"):
        raise ValueError(f"missing must be 'exclude' or 'zero', not {missing!r}")
    parts = {activity: _Totals.of(rows, missing) for activity, rows in members.items()}
    activities = tuple(
        _Totals.merged([parts[member] for member in group]).summary(prefix) for prefix, group in groups.items()
    )
    total = _Totals.merged(list(parts.values())).summary(())
    return Scorecard(table, results, scored, activities, total, results.unknown(table), points_of(4), missing, lang)
