"""The scored table: one row per indicator, the summaries, and how they are written out.

:func:`kpi.score` makes a :class:`Scorecard`; this module says what a scored
row and a summary hold and how they become the cells of a sheet, the records
of a JSON document, and the document itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from kpi.grading.bands import BAND_LABELS
from kpi.grading.grades import Grade
from kpi.io.results import ResultEntry, Results
from kpi.io.rows import ACTIVITY_SEPARATOR, SourceLocation, Table, TableRow
from kpi.national import Assessment
from kpi.numbers import CONTEXT, format_decimal
from kpi.wording import Language, words

__all__ = [
    "NUMBER_FIELDS",
    "RECORD_FIELDS",
    "RECORD_FIELDS_EN",
    "STATUS_LABELS",
    "Scorecard",
    "ScoredRow",
    "Status",
    "Summary",
    "record_fields",
]

Status = Literal["graded", "missing", "invalid", "no-band"]
#: How each status reads in a report.
STATUS_LABELS: Final[Mapping[str, str]] = {
    "graded": "已评定",
    "missing": "未填报",
    "invalid": "无效",
    "no-band": "未定档",
}
#: The fields of a scored row's record, in order (see :meth:`ScoredRow.record`).
RECORD_FIELDS: Final = (
    "编号",
    "职责活动",
    "绩效指标",
    "评价标准",
    "填报值",
    "完成率",
    "档次",
    "得分",
    "权重",
    "评定依据",
    "说明",
    "备注",
    "填报备注",
    "原因",
    "状态",
    "表格位置",
    "结果位置",
    "表格其他列",
)
#: The fields whose values are numbers (Decimal, or ``None`` when there is none).
NUMBER_FIELDS: Final = ("完成率", "得分", "权重")
#: The record's fields as an English reader gets them (``lang="en"``), in the same order.
RECORD_FIELDS_EN: Final = (
    "id",
    "activity",
    "indicator",
    "tiers",
    "entered",
    "completion",
    "band",
    "points",
    "weight",
    "deciding tier",
    "explanation",
    "notes",
    "results note",
    "reason",
    "status",
    "table place",
    "results place",
    "other columns",
)
# The JSON document's keys, in English and in Chinese.
_KEY_NAMES: Final = (
    "table",
    "results",
    "rows",
    "summary",
    "total",
    "score",
    "band",
    "graded",
    "ungraded",
    "missing",
    "zeroed",
    "points",
    "problems",
    "notices",
)
_KEY_NAMES_ZH: Final = (
    "表格",
    "结果文件",
    "逐项结果",
    "汇总",
    "总计",
    "得分",
    "等级",
    "已评定",
    "未评定",
    "缺失处理",
    "按零分计入",
    "各档分值",
    "问题",
    "读取提示",
)
_STATUS_EN: Final = {"graded": "graded", "missing": "missing", "invalid": "invalid", "no-band": "no band"}


def record_fields(lang: Language = "zh") -> tuple[str, ...]:
    """The fields of a scored row's record in *lang*."""
    return RECORD_FIELDS if lang == "zh" else RECORD_FIELDS_EN


@attrs.frozen
class ScoredRow:
    """One indicator of the table, graded or marked with why it was not.

    ``points`` are out of 100.  A row of the national form scored by its own
    rule has its ``assessment`` instead of a grade; a row with a 分值 has
    ``earned`` points out of it; ``check`` says where a 得分 written by hand
    disagrees with kpi's, ``note`` where kpi counts the written one.
    """

    row: TableRow
    status: Status
    grade: Grade | None
    reason: str
    weight: Decimal
    points: Decimal | None
    result: SourceLocation | None
    assessment: Assessment | None = None
    check: str = ""
    note: str = ""
    #: The results file's row (or the form's own figures) the row was graded with.
    entry: ResultEntry | None = None

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def label(self) -> str | None:
        """The band (or the national form's grade: 完成, 未完成, 达成, 部分达成, 未达成) the row got."""
        if self.grade is not None:
            return self.grade.label
        return None if self.assessment is None else self.assessment.grade

    @property
    def earned(self) -> Decimal | None:
        """The points out of the row's 分值 (分值 × points ÷ 100), for a row that has one."""
        if self.points is None or self.row.points is None:
            return None
        return CONTEXT.divide(CONTEXT.multiply(self.row.points, self.points), _HUNDRED)

    def record(self, lang: Language = "zh") -> dict[str, object]:
        """The row as a flat record for CSV, XLSX and JSON output."""
        return dict(zip(record_fields(lang), self.cells(lang), strict=True))

    def cells(self, lang: Language = "zh") -> tuple[object, ...]:
        """The values of :meth:`record` in the order of ``RECORD_FIELDS``: a sheet's row."""
        return self._cells(_own_cells(self) if self.grade is None else _grade_cells(self.grade, lang), lang)

    def _cells(self, graded: _GradeCells, lang: Language = "zh") -> tuple[object, ...]:
        """:meth:`cells`, given the grade's own cells (rows that share a grade share them)."""
        row = self.row
        label, basis, explanation, notes, rate = graded
        if self.note or self.check:
            notes = "、".join(filter(None, (notes, self.note, self.check)))
        points = self.points
        if points is not None and row.points is not None:
            points = _rounded(CONTEXT.divide(CONTEXT.multiply(row.points, points), _HUNDRED))  # out of the 分值
        entry = self.entry
        return (
            row.id,
            _activity_name(row.activity),
            row.indicator.text,
            _tiers_cell(row.tiers) if row.tiers else row.target,
            "" if entry is None else _entered(entry.filled),
            rate,
            label,
            points,
            self.weight,
            basis,
            explanation,
            notes,
            "" if entry is None else entry.note,
            self.reason,
            STATUS_LABELS[self.status] if lang == "zh" else _STATUS_EN[self.status],
            row.location.says(lang),
            "" if self.result is None else self.result.says(lang),
            "；".join(f"{name}：{value}" for name, value in row.others) if row.others else "",
        )


_HUNDRED: Final = Decimal(100)


@functools.lru_cache(maxsize=4096)
def _activity_name(activity: tuple[str, ...]) -> str:
    """An activity path as one cell; a table has few activities, and each of many rows."""
    return ACTIVITY_SEPARATOR.join(activity)


#: The tiers as one cell: a table has few tier sets, on many rows.
_tiers_cell: Final = functools.lru_cache(maxsize=4096)(" | ".join)


@functools.lru_cache(maxsize=4096)
def _entered(filled: tuple[tuple[str, str], ...]) -> str:
    """The figures as entered, each with its metric: 城镇新增就业：96000人；失业人员再就业：33000人."""
    return "；".join(f"{name}：{value}" if name else value for name, value in filled)


# A grade's own cells of a record: 档次, 评定依据, 说明, 备注 and 完成率.
_GradeCells = tuple[str, str, str, str, Decimal | None]
_NO_GRADE: Final[_GradeCells] = ("", "", "", "", None)


def _rounded(value: Decimal) -> Decimal:
    """Points as a report shows them: to the hundredth (7.68 of 8), when finer."""
    exponent = value.as_tuple().exponent
    return value.quantize(Decimal("0.01")) if isinstance(exponent, int) and exponent < -2 else value


def _own_cells(row: ScoredRow) -> _GradeCells:
    """The cells of a row without a grade: the national form's assessment, or none."""
    assessment = row.assessment
    if assessment is None:
        return _NO_GRADE
    return (assessment.grade, row.row.target, assessment.explanation, "、".join(assessment.notes), None)


def _grade_cells(grade: Grade, lang: Language = "zh") -> _GradeCells:
    basis = grade.basis
    names = words(lang).note_names
    return (
        grade.label or "",
        "" if basis is None else grade.tiers_text(basis),
        grade.explain(lang),
        "、".join(names.get(note, note) for note in grade.notes),
        _rate_of(grade),
    )


def _rate_of(grade: Grade) -> Decimal | None:
    """The completion rate graded, in percent, where the tiers grade a rate."""
    if grade.completion is not None:
        return _rounded(grade.completion.rate)
    if grade.model.grades_rate and len(grade.values) == 1 and grade.model.units.get(None) is not None:
        return _rounded(grade.values[0][1])
    return None


@attrs.frozen
class Summary:
    """Counts per band, score and overall band of a group of indicators."""

    activity: tuple[str, ...]
    counts: Mapping[str, int]
    graded: int
    ungraded: int
    score: Decimal | None
    grade: Grade | None
    #: Rows without a usable figure counted as 0 points (``missing="zero"``).
    zeroed: int = 0

    @property
    def name(self) -> str:
        return ACTIVITY_SEPARATOR.join(self.activity) or "全部"

    @property
    def band(self) -> str:
        return (self.grade.label or "") if self.grade else ""

    def record(self, labels: Sequence[str], lang: Language = "zh") -> dict[str, object]:
        zh = lang == "zh"
        record: dict[str, object] = {"职责活动" if zh else "activity": self.name if zh or self.activity else "all"}
        record.update({label: self.counts.get(label, 0) for label in labels})
        record.update(
            {
                "未评定" if zh else "ungraded": self.ungraded,
                "得分" if zh else "score": ""
                if self.score is None
                else format_decimal(self.score.quantize(Decimal("0.01"))),
                "等级" if zh else "band": self.band,
            }
        )
        return record


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
    #: How rows without a usable figure count: ``"exclude"`` or ``"zero"`` (see :func:`kpi.score`).
    missing: str = "exclude"
    #: The language of what the card says (explanations, reasons, notes, field names).
    lang: Language = "zh"

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields of the rows' records, in the card's language."""
        return record_fields(self.lang)

    @property
    def complete(self) -> bool:
        """Whether every indicator was graded, every result matched and every 得分 written by hand agrees."""
        return (
            all(row.status == "graded" and not row.check for row in self.rows)
            and not self.unknown
            and not self.results.duplicates
        )

    def problems(self, lang: Language | None = None) -> list[str]:
        """Every result that did not match a row, every duplicate, every unreadable line,
        every 得分 written by hand that disagrees; in *lang* (the card's by default)."""
        lang = lang or self.lang
        said = words(lang)
        messages = [said.unknown_id.format(place=entry.location.says(lang), id=entry.id) for entry in self.unknown]
        for row_id, places in self.results.duplicates.items():
            first, again = places[0].says(lang), places[1].says(lang)
            messages.append(said.repeated_id.format(place=again, id=row_id, times=len(places), first=first))
        messages += [said.no_id.format(place=place.says(lang)) for place in self.results.unnamed]
        messages += [row.check for row in self.rows if row.check]
        return messages

    def records(self) -> list[dict[str, object]]:
        """One flat record per indicator (see :meth:`ScoredRow.record`)."""
        fields = self.fields
        return [dict(zip(fields, cells, strict=True)) for cells in self.iter_cells()]

    def iter_cells(self) -> Iterator[tuple[object, ...]]:
        """Each row's cells (see :meth:`ScoredRow.cells`), one at a time, for writing
        a large table without holding them all.

        Rows that repeat a tier set and its figures share one grade (see
        :func:`score`), and its explanation is written once.
        """
        worked: dict[int, _GradeCells] = {}  # by the grade's identity: self.rows keeps every grade alive
        lang = self.lang
        for row in self.rows:
            grade = row.grade
            if grade is None:
                yield row._cells(_own_cells(row), lang)
                continue
            graded = worked.get(id(grade))
            if graded is None:
                graded = worked[id(grade)] = _grade_cells(grade, lang)
            yield row._cells(graded, lang)

    def to_frame(self) -> Any:
        """The records as a pandas DataFrame (pandas is optional): one row per indicator,
        完成率, 得分 and 权重 as floats (NaN where there is none), every other column text."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - pandas comes with the bench and dev extras
            raise ImportError("Scorecard.to_frame needs pandas: pip install pandas") from None
        fields = self.fields
        frame = pd.DataFrame.from_records(self.records(), columns=list(fields))
        for name in (fields[RECORD_FIELDS.index(number)] for number in NUMBER_FIELDS):
            frame[name] = pd.to_numeric(frame[name].map(lambda value: None if value is None else float(value)))
        return frame

    @property
    def labels(self) -> tuple[str, ...]:
        """The band labels the summaries count: 优良中差, then any other label the rows got."""
        return tuple(dict.fromkeys((*BAND_LABELS, *self.total.counts)))

    def summary_records(self) -> list[dict[str, object]]:
        """One record per activity, then one for the whole document."""
        labels = self.labels
        return [summary.record(labels, self.lang) for summary in (*self.activities, self.total)]

    def document(self, records: list[dict[str, object]] | None = None, *, with_rows: bool = True) -> dict[str, object]:
        """The scorecard as one JSON document: rows, summaries, total, problems and
        notices, its keys in the card's language like its records'.

        *records* are the rows' records when already worked out; without
        *with_rows* the document is the summary alone.
        """
        total = self.total
        keys = _DOCUMENT_KEYS[self.lang]
        rows = {keys["rows"]: self.records() if records is None else records} if with_rows else {}
        return {
            keys["table"]: self.table.path,
            keys["results"]: self.results.path,
            **rows,
            keys["summary"]: self.summary_records(),
            keys["total"]: {
                keys["score"]: None if total.score is None else str(total.score.quantize(Decimal("0.01"))),
                keys["band"]: total.band,
                keys["graded"]: total.graded,
                keys["ungraded"]: total.ungraded,
                keys["missing"]: self.missing,
                keys["zeroed"]: total.zeroed,
                keys["points"]: [str(point) for point in self.points],
            },
            keys["problems"]: self.problems(),
            # What the readers of both inputs read past (a 合计 row, columns kpi does not read), each once.
            keys["notices"]: [
                notice.says(self.lang) for notice in dict.fromkeys((*self.table.notices, *self.results.notices))
            ],
        }


_DOCUMENT_KEYS: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {key: key for key in _KEY_NAMES},
    "zh": dict(zip(_KEY_NAMES, _KEY_NAMES_ZH, strict=True)),
}
