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

import collections
import functools
import operator
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Final, Literal

import attrs

from kpi._collector import collection_paused
from kpi._construct import maker
from kpi.bands import BAND_LABELS, Band
from kpi.criteria import Criteria
from kpi.errors import KpiError
from kpi.grades import Grade
from kpi.intervals import format_decimal
from kpi.results import ACTUAL, COMPLETION_RATE, ResultEntry, Results, load_results
from kpi.tables import SourceLocation, Table, TableRow, load_table

__all__ = [
    "DEFAULT_POINTS",
    "NATIONAL_SCALE",
    "RECORD_FIELDS",
    "STATUS_LABELS",
    "Scorecard",
    "ScoredRow",
    "Summary",
    "national_scale",
    "score",
]

#: The national score-to-band scale for evaluation results (财政部预算司).
NATIONAL_SCALE: Final = "优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)"
#: Points per band, best first, unless the caller gives others.
DEFAULT_POINTS: Final = (Decimal(100), Decimal(80), Decimal(60), Decimal(0))

Status = Literal["graded", "missing", "invalid", "no-band"]
#: How each status reads in a report.
STATUS_LABELS: Final[Mapping[str, str]] = {
    "graded": "已评定",
    "missing": "未填报",
    "invalid": "无效",
    "no-band": "未定档",
}


@functools.cache
def national_scale() -> Criteria:
    """The national scale as a criteria (whole points: 89.5 falls in its gap, 良)."""
    return Criteria.parse_scale(NATIONAL_SCALE)


#: The fields of a scored row's record, in order (see :meth:`ScoredRow.record`).
RECORD_FIELDS: Final = (
    "编号",
    "职责活动",
    "绩效指标",
    "状态",
    "档次",
    "评定依据",
    "说明",
    "备注",
    "得分",
    "权重",
    "原因",
    "表格位置",
    "结果位置",
)


@attrs.frozen
class ScoredRow:
    """One indicator of the table, graded or marked with why it was not."""

    row: TableRow
    status: Status
    grade: Grade | None
    reason: str
    weight: Decimal
    points: Decimal | None
    result: SourceLocation | None

    @property
    def id(self) -> str:
        return self.row.id

    def record(self) -> dict[str, object]:
        """The row as a flat record for CSV, XLSX and JSON output."""
        return dict(zip(RECORD_FIELDS, self.cells(), strict=True))

    def cells(self) -> tuple[object, ...]:
        """The values of :meth:`record` in the order of ``RECORD_FIELDS``: a sheet's row."""
        return self._cells(_NO_GRADE if self.grade is None else _grade_cells(self.grade))

    def _cells(self, graded: _GradeCells) -> tuple[object, ...]:
        """:meth:`cells`, given the grade's own cells (rows that share a grade share them)."""
        row = self.row
        label, basis, explanation, notes = graded
        return (
            row.id,
            _activity_name(row.activity),
            row.indicator.text,
            STATUS_LABELS[self.status],
            label,
            basis,
            explanation,
            notes,
            "" if self.points is None else _plain(self.points),
            _plain(self.weight),
            self.reason,
            str(row.location),
            "" if self.result is None else str(self.result),
        )


# A grade's own cells of a record: 档次, 评定依据, 说明 and 备注.
_GradeCells = tuple[str, str, str, str]
_NO_GRADE: Final[_GradeCells] = ("", "", "", "")


def _grade_cells(grade: Grade) -> _GradeCells:
    basis = grade.basis
    return (
        grade.label or "",
        "" if basis is None else grade.tiers_text(basis),
        grade.explain(),
        "、".join(grade.notes),
    )


@functools.lru_cache(maxsize=4096)
def _activity_name(activity: tuple[str, ...]) -> str:
    """An activity path as one cell; rows of one activity share it."""
    return " › ".join(activity)


@attrs.frozen
class Summary:
    """Counts per band, score and overall band of a group of indicators."""

    activity: tuple[str, ...]
    counts: Mapping[str, int]
    graded: int
    ungraded: int
    score: Decimal | None
    grade: Grade | None

    @property
    def name(self) -> str:
        return " › ".join(self.activity) or "全部"

    @property
    def band(self) -> str:
        return (self.grade.label or "") if self.grade else ""

    def record(self, labels: Sequence[str]) -> dict[str, object]:
        record: dict[str, object] = {"职责活动": self.name}
        record.update({label: self.counts.get(label, 0) for label in labels})
        record.update(
            {
                "未评定": self.ungraded,
                "得分": "" if self.score is None else _plain(self.score.quantize(Decimal("0.01"))),
                "等级": self.band,
            }
        )
        return record


@functools.lru_cache(maxsize=1024)
def _plain(value: Decimal) -> str:
    """Points and weights without trailing zeros; a table has few distinct ones."""
    return format_decimal(value)


@attrs.frozen
class Scorecard:
    """The scored table: one row per indicator, summaries, and what did not match."""

    table: Table
    results: Results
    rows: tuple[ScoredRow, ...]
    activities: tuple[Summary, ...]
    total: Summary
    unknown: tuple[ResultEntry, ...]
    points: tuple[Decimal, ...]

    @property
    def complete(self) -> bool:
        """Whether every indicator was graded and every result matched."""
        return all(row.status == "graded" for row in self.rows) and not self.unknown and not self.results.duplicates

    def problems(self) -> list[str]:
        """Every result that did not match a row, every duplicate, every unreadable line."""
        messages = [
            f"{entry.location}: result for unknown id {entry.id}; the table has no such row" for entry in self.unknown
        ]
        for row_id, places in self.results.duplicates.items():
            messages.append(f"{places[1]}: id {row_id} appears {len(places)} times (first at {places[0]})")
        messages += [f"{place}: result row without an id" for place in self.results.unnamed]
        return messages

    def records(self) -> list[dict[str, object]]:
        """One flat record per indicator (see :meth:`ScoredRow.record`)."""
        with collection_paused():
            return list(self.iter_records())

    def iter_records(self) -> Iterator[dict[str, object]]:
        """The records one at a time, for writing a large table without holding them all."""
        return (dict(zip(RECORD_FIELDS, cells, strict=True)) for cells in self.iter_cells())

    def iter_cells(self) -> Iterator[tuple[object, ...]]:
        """Each row's cells (see :meth:`ScoredRow.cells`), one at a time.

        Rows that repeat a tier set and its figures share one grade (see
        :func:`score`), and its explanation is written once.
        """
        worked: dict[int, _GradeCells] = {}  # by the grade's identity: self.rows keeps every grade alive
        for row in self.rows:
            grade = row.grade
            if grade is None:
                yield row._cells(_NO_GRADE)
                continue
            graded = worked.get(id(grade))
            if graded is None:
                graded = worked[id(grade)] = _grade_cells(grade)
            yield row._cells(graded)

    def summary_records(self) -> list[dict[str, object]]:
        """One record per activity, then one for the whole document."""
        return [summary.record(BAND_LABELS) for summary in (*self.activities, self.total)]


def _outcome(filled: tuple[tuple[str, str], ...]) -> tuple[object, bool]:
    """The outcome to grade from a results entry's filled pairs, and whether it is a plain rate."""
    if len(filled) == 1:
        name, value = filled[0]
        return value, name == COMPLETION_RATE
    return {name: value for name, value in filled if name not in ("", ACTUAL)}, False


# A grade worked out for a tier set and figures, or why the figures could not be graded.
_Worked = Grade | str


class _Grader:
    """Grades the rows of one scoring run.

    Rows that repeat a tier set and its figures (a rate of 100% on the usual
    95% | 85%-94% | … set) share one grade, worked out once: the figures alone
    decide a grade, and grades are immutable.
    """

    def __init__(self, results: Results, points: Sequence[Decimal]) -> None:
        self.results = results
        self.points = points
        # By the criteria's identity (each is kept alive by its table rows) and the figures.
        self._worked: dict[tuple[int, tuple[tuple[str, str], ...]], _Worked] = {}

    def row(self, row: TableRow, entry: ResultEntry | None) -> ScoredRow:
        criteria = row.criteria
        if entry is None or criteria is None or entry.problem or entry.weight:
            return self._other_row(row, entry)
        filled = entry.filled
        if len(filled) != 1 or not filled[0][1] or (self.results.duplicates and row.id in self.results.duplicates):
            return self._other_row(row, entry)
        # The common row, one figure and nothing amiss: what _other_row does, in short.
        return self._graded(row, criteria, filled, _ONE if row.weight is None else row.weight, entry.location)

    def _other_row(self, row: TableRow, entry: ResultEntry | None) -> ScoredRow:
        weight, weight_problem = _weight_of(row, entry)
        criteria = row.criteria
        problem = _unscorable(row, entry, self.results, weight_problem)
        if problem is not None:
            return ScoredRow(row, problem[0], None, problem[1], weight, None, None if entry is None else entry.location)
        assert entry is not None and criteria is not None
        return self._graded(row, criteria, entry.filled, weight, entry.location)

    def _graded(
        self,
        row: TableRow,
        criteria: Criteria,
        filled: tuple[tuple[str, str], ...],
        weight: Decimal,
        location: SourceLocation,
    ) -> ScoredRow:
        key = (id(criteria), filled)
        grade = self._worked.get(key)
        if grade is None:
            grade = self._worked[key] = _work(criteria, filled)
        if type(grade) is str:
            return ScoredRow(row, "invalid", None, grade, weight, None, location)
        assert isinstance(grade, Grade)
        band = grade.decision[0]
        if band is None:
            return ScoredRow(row, "no-band", grade, grade.explain(), weight, None, location)
        return _make_scored_row(row, "graded", grade, "", weight, self.points[band._value_], location)


# A scored row is made per indicator: see kpi._construct.
_make_scored_row: Final = maker(ScoredRow)


def _work(criteria: Criteria, filled: tuple[tuple[str, str], ...]) -> _Worked:
    outcome, is_rate = _outcome(filled)
    try:
        return criteria.grade(outcome) if is_rate else criteria.grade_actuals(outcome)  # type: ignore[arg-type]
    except KpiError as error:
        return str(error).replace("\n", " ")


def _unscorable(
    row: TableRow, entry: ResultEntry | None, results: Results, weight_problem: str
) -> tuple[Status, str] | None:
    """Why the row cannot be graded (status and reason), or ``None`` when it can."""
    if row.criteria is None:
        return "invalid", f"评价标准无法读取：{str(row.error).splitlines()[0]}"
    if entry is None:
        return "missing", "结果文件中没有这一行"
    if results.duplicates and row.id in results.duplicates:
        places = "、".join(str(place.line) for place in results.duplicates[row.id])
        return "invalid", f"结果文件中编号 {row.id} 出现多次（第{places}行），无法确定采用哪一行"
    if entry.problem:
        return "invalid", entry.problem
    if weight_problem:
        return "invalid", weight_problem
    filled = entry.filled
    if filled and all(map(_VALUE, filled)):
        return None
    empty = [name for name, value in filled if not value]
    if len(empty) == len(filled):
        return "missing", "未填写实际值"
    return "invalid", f"缺少 {'、'.join(name or ACTUAL for name in empty)} 的实际值"


_VALUE: Final = operator.itemgetter(1)


def _weight_of(row: TableRow, entry: ResultEntry | None) -> tuple[Decimal, str]:
    text = entry.weight if entry is not None else ""
    if not text:
        return (row.weight if row.weight is not None else _ONE), ""
    try:
        weight = Decimal(text)
    except InvalidOperation:
        return _ONE, f"权重“{text}”不是数字"
    if not weight.is_finite() or weight < 0:
        return _ONE, f"权重“{text}”不是非负数"
    return weight, ""


# What a summary needs of one scored row: its band label, weight and weight × points
# (label None for a row that was not graded).
_Tally = tuple[str | None, Decimal, Decimal]


def _tally(scored: ScoredRow) -> _Tally:
    grade = scored.grade
    if scored.status != "graded" or grade is None or scored.points is None:
        return _NOT_GRADED
    return grade.label or "", scored.weight, scored.weight * scored.points


_ONE: Final = Decimal(1)
_NOT_GRADED: Final[_Tally] = (None, Decimal(0), Decimal(0))


@attrs.frozen
class _Totals:
    """The tallies of a group of rows added up: counts per band label, rows
    graded and not, total weight and total weight × points."""

    counts: Mapping[str, int]
    graded: int
    ungraded: int
    weight: Decimal
    weighted: Decimal

    @classmethod
    def of(cls, tallies: Iterable[_Tally]) -> _Totals:
        counts: dict[str, int] = {}
        graded = ungraded = 0
        total_weight = weighted = Decimal(0)
        for label, weight, points in tallies:
            if label is None:
                ungraded += 1
                continue
            graded += 1
            counts[label] = counts.get(label, 0) + 1
            total_weight += weight
            weighted += points
        return cls(counts, graded, ungraded, total_weight, weighted)

    @classmethod
    def merged(cls, parts: Sequence[_Totals]) -> _Totals:
        counts: collections.Counter[str] = collections.Counter()
        for part in parts:
            counts.update(part.counts)
        return cls(
            dict(counts),
            sum(part.graded for part in parts),
            sum(part.ungraded for part in parts),
            sum((part.weight for part in parts), Decimal(0)),
            sum((part.weighted for part in parts), Decimal(0)),
        )

    def summary(self, activity: tuple[str, ...]) -> Summary:
        score = self.weighted / self.weight if self.weight else None
        grade = None if score is None else national_scale().grade(score)
        return Summary(activity, self.counts, self.graded, self.ungraded, score, grade)


def score(
    table: Table | str | os.PathLike[str],
    results: Results | str | os.PathLike[str],
    *,
    points: Sequence[Decimal | int | str] = DEFAULT_POINTS,
    progress: Callable[[Iterable[TableRow]], Iterable[TableRow]] | None = None,
) -> Scorecard:
    """Grade every indicator of *table* with the figures in *results*.

    *points* gives the points of each band, best first (100, 80, 60, 0 by
    default); the score of a group is the weighted mean of its graded
    indicators' points (weights from the results' or the table's 权重
    column, 1 by default), and its band is read off the national scale.
    Indicators that could not be graded are listed, not counted.  Rows
    that repeat a tier set and its figures share one :class:`kpi.Grade`.

    >>> from pathlib import Path
    >>> root = Path(__file__).parents[2]
    >>> card = score(root / "seeds" / "handan-hrss-2018-budget.txt", root / "examples" / "handan-2018-results.csv")
    >>> len(card.rows) == len(card.table.indicators)
    True
    """
    band_points = tuple(Decimal(str(value)) for value in points)
    if len(band_points) != len(Band) or not all(value.is_finite() and abs(value) <= 1000 for value in band_points):
        raise ValueError(f"points must give {len(Band)} numbers up to 1000, best band first, not {points!r}")
    with collection_paused():
        return _score(table, results, band_points, progress)


def _score(
    table: Table | str | os.PathLike[str],
    results: Results | str | os.PathLike[str],
    band_points: tuple[Decimal, ...],
    progress: Callable[[Iterable[TableRow]], Iterable[TableRow]] | None,
) -> Scorecard:
    if not isinstance(table, Table):
        table = load_table(table)
    if not isinstance(results, Results):
        results = load_results(results)
    indicators: Iterable[TableRow] = table.indicators
    if progress is not None:
        indicators = progress(indicators)
    grade_row = _Grader(results, band_points).row
    entries = results.entries
    scored = tuple([grade_row(row, entries.get(row.id)) for row in indicators])
    # Each row is tallied once, under its own activity; a duty's summary adds up
    # those of the activities under it.  Groups come in the order they first appear.
    tallies: dict[tuple[str, ...], list[_Tally]] = {}
    groups: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    activity: tuple[str, ...] | None = None
    members: list[_Tally] = []
    for row in scored:
        if row.row.activity is not activity:
            # Rows of one activity come together and share its tuple: look it up once.
            activity = row.row.activity
            if activity not in tallies:
                for depth in range(1, len(activity) + 1):
                    groups.setdefault(activity[:depth], []).append(activity)
            members = tallies.setdefault(activity, [])
        members.append(_tally(row))
    parts = {activity: _Totals.of(rows) for activity, rows in tallies.items()}
    activities = tuple(
        _Totals.merged([parts[member] for member in group]).summary(prefix) for prefix, group in groups.items()
    )
    total = _Totals.merged(list(parts.values())).summary(())
    return Scorecard(table, results, scored, activities, total, results.unknown(table), band_points)
