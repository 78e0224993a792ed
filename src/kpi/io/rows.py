"""The rows of an indicator table, whatever file they come from, and how rows are made.

Every reader (a disclosure's text, a CSV or XLSX sheet) hands its rows of
cells to :class:`RowBuilder`, which follows the activity hierarchy (an
activity cell indented with ideographic spaces ``　　`` is a sub-activity of
the duty above it; a row whose activity cell is empty continues the one
before), reads the indicator and its tiers, and keeps every row: a duty
heading carries no tiers, and a row whose tiers cannot be read keeps its
error and its place so that it can be reported, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import Final

import attrs

from kpi.errors import KpiError, KpiSyntaxError, Notice
from kpi.grading.criteria import Criteria
from kpi.indicators import Indicator
from kpi.national import FormTarget
from kpi.numbers import WeightError, parse_weight
from kpi.wording import Language, words

__all__ = ["ACTIVITY_SEPARATOR", "RowBuilder", "SourceLocation", "Table", "TableRow"]

#: How a row's activity path (duty, activity) is written in one cell: 就业 › 农村劳动力转移.
ACTIVITY_SEPARATOR: Final = " › "

_INDENT: Final = "\u3000"


@attrs.frozen
class SourceLocation:
    """Where a row starts: file and 1-based line (or row) number, and the
    table's number in a document of several tables (a .docx)."""

    path: str
    line: int
    table: int | None = None

    def __str__(self) -> str:
        """Where the row is, in English (for programmers and logs; :meth:`says` for reports)."""
        return self.says("en")

    def says(self, lang: Language = "zh") -> str:
        """Where the row is, for a reader of *lang*: ``path:line``, or a Word table's row
        (``path: 表格 2 第 4 行``, ``path: table 2, row 4``)."""
        if self.table is None:
            return f"{self.path}:{self.line}"
        return words(lang).table_row.format(path=self.path, table=self.table, line=self.line)


@attrs.frozen
class TableRow:
    """One row of an indicator table.

    ``criteria`` is ``None`` for a heading (a row with no tiers) and for a
    row whose tiers could not be read; then ``error`` says why.  A row of the
    national form has its 指标值 as ``target`` (read as ``form`` when it has
    no tiers), its 分值 as ``points``, and what the self-evaluation form
    holds: ``actual`` (实际完成值), ``score`` (得分) and ``reason`` (偏差原因).
    """

    id: str
    activity: tuple[str, ...]
    budget: Decimal | None
    description: str
    goal: str
    indicator: Indicator
    tiers: tuple[str, ...]
    criteria: Criteria | None
    error: KpiError | None
    location: SourceLocation
    weight: Decimal | None = None
    target: str = ""
    form: FormTarget | None = None
    points: Decimal | None = None
    actual: str = ""
    score: str = ""
    reason: str = ""
    #: Cells of columns kpi has no meaning for, by their heading: kept as written.
    others: tuple[tuple[str, str], ...] = ()

    @property
    def is_heading(self) -> bool:
        return not any(self.tiers) and not self.target and self.error is None


@attrs.frozen
class Table:
    """The rows of one indicator table, in document order, and what the reader
    noticed on the way (``notices``: lines read past, with their place)."""

    path: str
    rows: tuple[TableRow, ...]
    notices: tuple[Notice, ...] = ()

    def __iter__(self) -> Iterator[TableRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def indicators(self) -> tuple[TableRow, ...]:
        """The rows that carry tiers (readable or not), headings left out."""
        return tuple(row for row in self.rows if not row.is_heading)


def _budget(cell: str) -> Decimal | None:
    text = cell.strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise _not_a_budget(cell) from None
    if not value.is_finite():
        raise _not_a_budget(cell)
    return value


def _not_a_budget(cell: str) -> KpiError:
    return KpiError(f"budget “{cell.strip()}” is not a number", zh=f"年度预算数“{cell.strip()}”不是数字")


def _in_chinese(error: ValueError) -> str:
    """What a cell's *error* says in Chinese (a weight's, a budget's, a 分值's)."""
    if isinstance(error, WeightError):
        said = words("zh")
        return (said.weight_negative if error.negative else said.weight_not_a_number).format(text=error.text)
    return error.says("zh") if isinstance(error, KpiError) else str(error)


# What a reader says of a row it could not read whole (kpi.io.sheets writes it in English only), in Chinese.
_PROBLEMS_ZH: Final = (
    (
        re.compile(r"expected ([0-9]+) cells, found ([0-9]+): the row is cut short"),
        "应有 {0} 个单元格，实际只有 {1} 个：该行不完整",
    ),
    (re.compile(r"expected ([0-9]+) cells, found ([0-9]+)"), "应有 {0} 个单元格，实际为 {1} 个"),
)


def _problem_zh(problem: str) -> str:
    for pattern, zh in _PROBLEMS_ZH:
        match = pattern.fullmatch(problem)
        if match:
            return zh.format(*match.groups())
    return problem


# What a row's tier and indicator cells read as: the tiers stripped (empty for a
# heading), the indicator, the criteria, and why the tiers could not be read.
_Reading = tuple[tuple[str, ...], Indicator, Criteria | None, KpiError | None]


class RowBuilder:
    """Turns rows of cells into table rows, following the activity hierarchy."""

    def __init__(self, path: str, *, labels: Sequence[str] | None = None, form: bool = False) -> None:
        self.path = path
        #: The bands' names, where the table's heading names them (优秀/良好/合格/不合格).
        self.labels = None if labels is None else tuple(labels)
        #: Whether the table is the national form (a 指标值 per row).
        self.form = form
        self.rows: list[TableRow] = []
        self.activity: tuple[str, ...] = ()
        # The activity cell as last read: rows of one activity repeat it, or leave it empty.
        self._activity_cell = ""
        # Tables repeat indicator texts and tier sets row after row; the
        # objects are immutable, so rows that repeat them share one, and a
        # pair of cells seen before is not read again.
        self._readings: dict[tuple[tuple[str, ...], str], _Reading] = {}
        self._indicators: dict[str, Indicator] = {}
        self._criteria: dict[tuple[tuple[str, ...], str], Criteria] = {}

    def _read(self, tiers: tuple[str, ...], indicator_cell: str) -> _Reading:
        stripped = tuple(cell.strip() for cell in tiers)
        text = indicator_cell.strip()
        indicator = self._indicators.get(text)
        try:
            if indicator is None:
                indicator = self._indicators[text] = Indicator.parse(text)
            if not any(stripped):
                if text and not self.form:
                    # An indicator with no tiers is no heading: it is a row that cannot be graded.
                    raise KpiError(
                        "no tiers: its 评价标准 cells are empty (merged with the row above's, or left blank?)",
                        zh="评价标准为空（是否与上一行合并了单元格，或漏填？）",
                    )
                return (), indicator, None, None
            if not all(stripped):
                empty = stripped.index("") + 1
                raise KpiError(
                    f"tier {empty} is empty; a row needs a text for every tier",
                    zh=f"第{empty}档为空；每一档都需要填写评价标准",
                )
            key = (stripped, text)  # by text: indicators without targets are all equal
            criteria = self._criteria.get(key)
            if criteria is None:
                criteria = self._criteria[key] = Criteria.parse(stripped, indicator=indicator, labels=self.labels)
            return stripped, indicator, criteria, None
        except KpiError as problem:
            # Kept with the row for its report; its traceback, and the frames in it, are not needed.
            error = problem.with_traceback(None)
            return stripped if any(stripped) else (), indicator or Indicator((), text), None, error

    def add(
        self,
        location: SourceLocation,
        activity: str | Sequence[str],
        budget: str,
        description: str,
        goal: str,
        indicator: str,
        tiers: Sequence[str],
        row_id: str = "",
        weight: str = "",
        problem: str | None = None,
        *,
        problem_zh: str | None = None,
        target: str = "",
        points: str = "",
        actual: str = "",
        score: str = "",
        reason: str = "",
        others: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """One row of cells, by meaning, as any table format gives them.

        *activity* is one cell, a sub-activity indented under its duty with
        ideographic spaces, or the cells of the levels (一级指标, 二级指标).  *problem* is
        why the row cannot be read whole, and *problem_zh* the same in Chinese.
        """
        error: KpiError | None = None
        if problem is not None:
            error = KpiError(
                f"{location}: {problem}", zh=f"{location.says('zh')}: {problem_zh or _problem_zh(problem)}"
            )
        if isinstance(activity, str):
            self._follow(activity)
        else:
            self.activity = _levels(self.activity, activity)
        budget_value = weight_value = points_value = None
        try:
            budget_value = _budget(budget) if budget else None
            weight_value = parse_weight(weight) if weight.strip() else None
            points_value = _points(points) if points.strip() else None
        except ValueError as bad:
            error = error or KpiError(f"{location}: {bad}", zh=f"{location.says('zh')}: {_in_chinese(bad)}")
        key = (tiers if type(tiers) is tuple else tuple(tiers), indicator)
        reading = self._readings.get(key)
        if reading is None:
            reading = self._readings[key] = self._read(*key)
        stripped, found, criteria, unreadable = reading
        form: FormTarget | None = None
        if self.form and not stripped and (target.strip() or indicator.strip()):
            try:
                form = FormTarget.parse(target, indicator=indicator, levels=self.activity)
            except KpiError as bad:
                unreadable = unreadable or KpiError(f"指标值: {bad}", zh=f"指标值：{bad.says('zh')}")
        if unreadable is None and (stripped or target.strip()) and not indicator.strip():
            # Tiers or a 指标值 with no indicator: its cell merged with the row above's, or left blank.
            unreadable = KpiError(_NO_INDICATOR, zh=_NO_INDICATOR_ZH)
        if error is not None:
            criteria = form = None  # a row already known to be broken is not graded
        elif unreadable is not None:
            error = _located(unreadable, location)
            criteria = form = None
        self.rows.append(
            TableRow(
                # Ｒ002 and R002 are one id, in the table as in a results file.
                unicodedata.normalize("NFKC", row_id).strip() or f"R{len(self.rows) + 1:03d}",
                self.activity,
                budget_value,
                description.strip(),
                goal.strip(),
                found,
                stripped,
                criteria,
                error,
                location,
                weight_value,
                # Only the national form has these cells: most tables pass them empty.
                target.strip() if target else "",
                form,
                points_value,
                actual.strip() if actual else "",
                score.strip() if score else "",
                reason.strip() if reason else "",
                others,
            )
        )

    def _follow(self, activity: str) -> None:
        """Follow an activity cell: indented under a duty, or empty to continue the one before."""
        if activity != self._activity_cell:
            self._activity_cell = activity
            if activity.strip():
                depth = (len(activity) - len(activity.lstrip(_INDENT))) // 2
                self.activity = (*self.activity[:depth], activity.strip())

    def table(self, notices: tuple[Notice, ...] = ()) -> Table:
        rows = self.rows
        notices = (*notices, *_empty_headings(rows))
        if len({row.id for row in rows}) == len(rows):
            return Table(self.path, tuple(rows), notices)  # no id is used twice, the usual case
        seen: dict[str, TableRow] = {}
        rows = list(rows)
        for index, row in enumerate(rows):
            if row.id in seen:
                first = seen[row.id]
                problem = KpiError(
                    f"{row.location}: id {row.id} is used again (first at line {first.location.line})",
                    zh=f"{row.location.says('zh')}: 编号 {row.id} 重复使用（首次出现在第 {first.location.line} 行）",
                )
                rows[index] = attrs.evolve(row, criteria=None, error=problem)
            else:
                seen[row.id] = row
        return Table(self.path, tuple(rows), notices)


def _empty_headings(rows: Sequence[TableRow]) -> list[Notice]:
    """A notice for each duty or activity heading with no indicator under it: where a
    document lost rows (a cut file, a page read badly), this is where it shows."""
    found = []
    for index, row in enumerate(rows):
        if not row.is_heading or not row.activity:
            continue
        depth = len(row.activity)
        following = index + 1
        # The rows under a heading follow it: look until the first indicator, or the first row not under it.
        while following < len(rows) and rows[following].activity[:depth] == row.activity:
            if not rows[following].is_heading:
                break
            following += 1
        else:
            found.append(
                Notice(
                    f"{row.location}: {row.activity[-1]} has no indicator under it; are rows missing?",
                    f"{row.location.says('zh')}: {row.activity[-1]} 下面没有绩效指标；是否缺行？",
                )
            )
    return found


def _levels(current: tuple[str, ...], cells: Sequence[str]) -> tuple[str, ...]:
    """The path of level cells (一级指标, 二级指标): an empty cell continues the
    row above's (merged down or left empty), unless a level above it changed."""
    path: list[str] = []
    for depth, cell in enumerate(cells):
        text = cell.strip()
        if text:
            path.append(text)
        elif depth < len(current) and tuple(path) == current[:depth]:
            path.append(current[depth])
        else:
            break
    return tuple(path)


def _points(cell: str) -> Decimal:
    """A 分值: a non-negative number, 10 or 10分."""
    text = unicodedata.normalize("NFKC", cell).strip().removesuffix("分").strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise KpiError(f"分值 “{cell.strip()}” is not a number", zh=f"分值“{cell.strip()}”不是数字") from None
    if not value.is_finite() or value < 0:
        raise KpiError(f"分值 “{cell.strip()}” is not a non-negative number", zh=f"分值“{cell.strip()}”不是非负数")
    return value


_NO_INDICATOR: Final = (
    "no indicator: its 绩效指标 (三级指标) cell is empty (merged with the row above's, or left blank?)"
)
_NO_INDICATOR_ZH: Final = "绩效指标（三级指标）为空（是否与上一行合并了单元格，或漏填？）"


def _located(error: KpiError, location: SourceLocation) -> KpiError:
    """*error* of the same type with the row's place in front, for reports."""
    if isinstance(error, KpiSyntaxError):
        return KpiSyntaxError(
            f"{location}: {error.reason}",
            error.text,
            error.position,
            zh=f"{location.says('zh')}: {error.reason_zh or error.reason}",
        )
    return type(error)(f"{location}: {error}", zh=f"{location.says('zh')}: {error.says('zh')}")
