"""Year-end results files: the fill-in sheet for a table, and reading it back.

The sheet has one row per indicator, keyed by the table's row id, with
pairs of columns 填报项N / 实际值N: what to fill (a metric or target name,
with its unit as a hint, or 完成率 for an assessed completion rate) and the
figure.  Reading it back keeps every row's place in the file, reports rows
for ids the table does not have and ids that appear twice, and never drops
anything.
"""

from __future__ import annotations

import functools
import operator
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from kpi.errors import FileError, Notice
from kpi.io.documents import find_sheets, read_sheets
from kpi.io.files import Sheet
from kpi.io.rows import ACTIVITY_SEPARATOR, SourceLocation, Table, TableRow
from kpi.text.normalise import BLANK, normalise
from kpi.wording import words

__all__ = [
    "COMPLETION_RATE",
    "FORM_ACTUAL",
    "FORM_TEMPLATE",
    "ResultEntry",
    "Results",
    "is_form",
    "load_results",
    "needed_values",
    "results_from_frame",
    "results_from_mapping",
    "template_records",
]

#: The 填报项 that stands for an assessed completion rate.
COMPLETION_RATE: Final = "完成率"
#: The 填报项 of a single value with no metric name.
ACTUAL: Final = "实际值"
#: The national form's column of the year's figures (or grades, for a qualitative target).
FORM_ACTUAL: Final = "实际完成值"
_ID: Final = ("编号", "id", "序号", "指标编号")
# Which of them is the id where a heading has several: 序号 only where nothing else is.
_ID_FIRST: Final = ("编号", "指标编号", "id", "序号")
# A unit hint closing a 填报项: （人）, (%).  Matched on the stripped name, so it runs in linear time.
_HINT: Final = re.compile(r"[(（][^()（）]*[)）]$")


def needed_values(row: TableRow) -> tuple[str, ...]:
    """What a results file must give for *row*, as 填报项 labels with unit hints."""
    criteria = row.criteria
    if criteria is None:
        return (COMPLETION_RATE,)
    model = criteria.model
    targets = row.indicator.targets
    if model.grades_rate:
        if targets:
            return tuple(_label(target.metric, target.unit) for target in targets)
        return (f"{COMPLETION_RATE}（%）",)
    if model.metrics != (None,):
        return tuple(_label(metric, model.units.get(metric)) for metric in model.metrics)
    # Values in a unit of their own (≤24小时): the indicator's one target names them.
    metric = targets[0].metric if len(targets) == 1 else None
    return (_label(metric, model.units[None]),)


def _label(metric: str | None, unit: object) -> str:
    name = metric or ACTUAL
    return f"{name}（{unit}）" if unit else name


#: The columns of the national form's fill-in sheet.
FORM_TEMPLATE: Final = (
    "编号",
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "评价标准",
    "分值",
    FORM_ACTUAL,
    "得分",
    "偏差原因分析及改进措施",
    "填报说明",
    "备注",
)


def is_form(table: Table) -> bool:
    """Whether *table* is the national form: its rows carry a 指标值 or a 分值."""
    return any(row.target or row.points is not None for row in table.indicators)


def template_records(table: Table) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the fill-in sheet for *table*: one row per indicator.

    For the national form the sheet is the form's own: the indicator's levels,
    指标值 and 分值, with the 实际完成值 column to fill (and 得分 and 偏差原因
    to write by hand, if the evaluator wishes: kpi checks a written 得分).
    A figure the table holds already is filled in.
    """
    if is_form(table):
        return list(FORM_TEMPLATE), [_form_template_row(row) for row in table.indicators]
    needs = {row.id: needed_values(row) for row in table.indicators}
    width = max((len(values) for values in needs.values()), default=1)
    header = ["编号", "职责活动", "绩效指标", "评价标准"]
    for number in range(1, width + 1):
        header += [f"填报项{number}", f"实际值{number}"]
    header += ["权重", "填报说明", "备注"]
    rows = []
    for row in table.indicators:
        cells = [row.id, ACTIVITY_SEPARATOR.join(row.activity), row.indicator.text, " | ".join(row.tiers)]
        values = needs[row.id]
        for number in range(width):
            cells += [values[number] if number < len(values) else "", ""]
        note = "" if row.error is None else words().unreadable_tiers.format(error=row.error.says("zh").splitlines()[0])
        cells += ["" if row.weight is None else str(row.weight), note, ""]
        rows.append(cells)
    return header, rows


def _form_template_row(row: TableRow) -> list[str]:
    levels = (*row.activity, "", "")[:2]
    note = "" if row.error is None else row.error.says("zh").splitlines()[0]
    if row.form is not None and row.form.qualitative:
        note = note or "定性指标：实际完成值填 达成、部分达成 或 未达成"
    points = "" if row.points is None else str(row.points)
    tiers = " | ".join(row.tiers)
    return [row.id, *levels, row.indicator.text, row.target, tiers, points, row.actual, row.score, row.reason, note, ""]


@attrs.frozen
class ResultEntry:
    """One row of a results file: the values filled in for one indicator."""

    id: str
    values: tuple[tuple[str, str], ...]
    weight: str
    location: SourceLocation
    problem: str = ""
    #: A 得分 written by hand (the national form's), checked against kpi's.
    score: str = ""
    #: The evaluator's own 备注, kept as written.
    note: str = ""

    #: The (name, value) pairs that carry a name or a value.  Scoring reads it
    #: for every row: it is worked out once, as the entry is made.
    filled: tuple[tuple[str, str], ...] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(lambda self: _filled(self.values), takes_self=True),
    )


def _filled(values: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple(filter(any, values))


@attrs.frozen
class Results:
    """A results file: entries by id, and what could not be matched."""

    path: str
    entries: Mapping[str, ResultEntry]
    duplicates: Mapping[str, tuple[SourceLocation, ...]]
    unnamed: tuple[SourceLocation, ...] = ()
    notices: tuple[Notice, ...] = ()

    def unknown(self, table: Table) -> tuple[ResultEntry, ...]:
        """Entries for ids that *table* does not have."""
        known = {row.id for row in table.rows}
        return tuple(entry for entry in self.entries.values() if entry.id not in known)


# Where a results sheet's cells are: the id, the (填报项, 实际值) pairs (a negative
# 填报项 column stands for a fixed name), the 权重 and the 得分 written by hand.
# The last is the headings kpi reads that head more than one column, with their columns.
_Columns = tuple[int, list[tuple[int, int]], int | None, int | None, int | None, str]


def _columns(header: Sequence[str]) -> _Columns | None:
    names = [normalise(cell).text.strip().lower() for cell in header]
    # 序号 counts the rows; beside it, 编号 is the indicator's id.
    id_name = next((spelling for spelling in _ID_FIRST if spelling in names), None)
    if id_name is None:
        return None
    id_column = names.index(id_name)
    pairs: list[tuple[int, int]] = []
    # Each column by its name, first occurrence: a header of thousands of pairs is read in one pass.
    position: dict[str, int] = {}
    for index, name in enumerate(names):
        position.setdefault(name, index)
    for index, name in enumerate(names):
        match = re.fullmatch(r"填报项([0-9]*)", name)
        if match:
            value = position.get(f"实际值{match.group(1)}")
            if value is not None:
                pairs.append((index, value))
    if not pairs:
        for label in (ACTUAL, FORM_ACTUAL, COMPLETION_RATE):
            value = position.get(label)
            if value is not None:
                pairs.append((-2 if label == COMPLETION_RATE else -1, value))
                break
    if not pairs:
        return None
    weight, score, note = position.get("权重"), position.get("得分"), position.get("备注")
    used = {id_column, *(name for name, _ in pairs if name >= 0), *(value for _, value in pairs), weight, score, note}
    repeated = "; ".join(
        f"{names[index]}: {', '.join(str(i + 1) for i, name in enumerate(names) if name == names[index])}"
        for index in sorted(column for column in used if column is not None and column >= 0)
        if names.count(names[index]) > 1
    )
    return id_column, pairs, weight, score, note, repeated


@functools.lru_cache(maxsize=4096)
def _without_hint(name: str) -> str:
    """A 填报项, stripped, without its unit hint: 城镇新增就业（人） is 城镇新增就业."""
    return _HINT.sub("", name.strip()).rstrip()


def _cells_at(indices: Sequence[int]) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """A function that picks the cells at *indices* out of a row, as a tuple."""
    if len(indices) == 1:
        (index,) = indices
        return lambda cells: (cells[index],)
    return operator.itemgetter(*indices)


_MISSING: Final = "no heading row with 编号 and 填报项/实际值 (or 实际值, 实际完成值, 完成率) columns"
_MISSING_ZH: Final = "没有含“编号”和“填报项/实际值”（或“实际值”“实际完成值”“完成率”）列的表头行"


def _heading(cells: tuple[str, ...], _following: tuple[str, ...]) -> tuple[_Columns, int] | None:
    found = _columns(cells)
    return None if found is None else (found, 1)


def read_results(sheet: Sheet) -> Results:
    """The entries of a results sheet (CSV or XLSX rows)."""
    columns, rows = sheet.after_heading(_heading, _MISSING, _MISSING_ZH)
    return _read(sheet, columns, rows)


def _read(sheet: Sheet, columns: _Columns, rows: Iterable[tuple[int, tuple[str, ...]]]) -> Results:
    id_column, pairs, weight_column, score_column, note_column, repeated_headings = columns
    if repeated_headings:
        # Two columns headed 实际值 (one hidden, one an old year's): which holds the figures is not for kpi to guess.
        raise FileError(
            f"{sheet.path}: headings in more than one column (heading: columns): {repeated_headings};"
            " keep one column of each",
            zh=f"{sheet.path}: 以下表头出现在多列中（表头：列号）：{repeated_headings}；每个表头只保留一列",
        )
    width = (
        max([id_column, *(max(pair) for pair in pairs), weight_column or 0, score_column or 0, note_column or 0]) + 1
    )
    entries: dict[str, ResultEntry] = {}
    repeated: dict[str, list[SourceLocation]] = {}  # ids seen more than once: every place
    unnamed: list[SourceLocation] = []
    skipped: list[Notice] = []
    # A value-only column has a fixed name; a missing column reads the empty cell appended to each row.
    fixed = {-1: "", -2: COMPLETION_RATE}
    name_cells = _cells_at([max(name_column, -1) for name_column, _ in pairs])
    value_cells = _cells_at([value_column for _, value_column in pairs])
    # Every row repeats one of a few sets of 填报项: each set is read once.
    known_names: dict[tuple[str, ...], tuple[str, ...]] = {}
    weight_index = -1 if weight_column is None else weight_column
    score_index = -1 if score_column is None else score_column
    note_index = -1 if note_column is None else note_column
    csv_sheet = sheet.kind == "csv"
    # A row as long as the heading's columns is read as it is, unless some
    # meaning needs the empty cell appended to every row.
    pad_always = (
        weight_column is None
        or score_column is None
        or note_column is None
        or any(name_column < 0 for name_column, _ in pairs)
    )
    path = sheet.path
    for line, cells in rows:
        if not (cells and cells[0].strip(BLANK)) and not "".join(cells).strip(BLANK):
            continue  # a blank row, zero-width spaces and all (the first cell is checked first: it is seldom blank)
        short = len(cells) < width
        if short:
            padded = (*cells, *("",) * (width - len(cells)), "")
        elif pad_always:
            padded = (*cells, "")
        else:
            padded = cells
        row_id = unicodedata.normalize("NFKC", padded[id_column]).strip()
        if not row_id:
            unnamed.append(SourceLocation(path, line, sheet.table))
            continue
        if row_id.lower() in _ID and _columns(cells) == columns:
            # The heading again: a sheet printed over pages, or two sheets pasted one under the other.
            place = SourceLocation(path, line, sheet.table)
            skipped.append(Notice(f"{place}: the heading repeated, skipped", f"{place.says('zh')}: 表头重复，已跳过"))
            continue
        raw_names = name_cells(padded)
        names = known_names.get(raw_names)
        if names is None:
            names = known_names[raw_names] = tuple(
                [
                    fixed[name_column] if name_column < 0 else _without_hint(name)
                    for (name_column, _), name in zip(pairs, raw_names, strict=True)
                ]
            )
        values = tuple(zip(names, map(str.strip, value_cells(padded)), strict=True))
        # A spreadsheet writes every cell of a row: fewer means a cut-off file,
        # and a cut-off figure (95.3 → 95) must not be graded.
        problem = f"结果行只有 {len(cells)} 列（应有 {width} 列），文件可能被截断" if short and csv_sheet else ""
        first = entries.get(row_id)
        if first is None:
            entries[row_id] = ResultEntry(
                row_id,
                values,
                padded[weight_index].strip(),
                SourceLocation(path, line, sheet.table),
                problem,
                padded[score_index].strip(),
                padded[note_index].strip(),
            )
        else:
            repeated.setdefault(row_id, [first.location]).append(SourceLocation(path, line, sheet.table))
    # In the order the ids first appear, as a reader of the file meets them.
    by_first = sorted(repeated.items(), key=lambda item: item[1][0].line)
    duplicates = {row_id: tuple(places) for row_id, places in by_first}
    return Results(sheet.path, entries, duplicates, tuple(unnamed), (*sheet.notices, *skipped))


def _figure_text(value: object) -> str:
    """A figure given from Python as the text a sheet would hold: floats by their shortest
    repr (numpy's too), a missing value (None, NaN) as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value != value:
        return ""  # NaN: pandas' empty cell
    if isinstance(value, Decimal | int) or type(value).__module__ == "numpy":
        text = str(value)
        return "" if text in ("nan", "NaN", "<NA>") else text
    if isinstance(value, float):
        return repr(value)
    return str(value)


def results_from_mapping(figures: Mapping[str, object], path: str = "<mapping>") -> Results:
    """Results given from Python: ``{indicator id: figure}`` or ``{indicator id: {metric: figure}}``.

    A lone figure is the indicator's one value (its completion rate, or its one
    target's actual); a mapping names each metric, as a results file's 填报项 do.
    Each entry's place is its position in the mapping.
    """
    entries: dict[str, ResultEntry] = {}
    for number, (key, value) in enumerate(figures.items(), 1):
        row_id = unicodedata.normalize("NFKC", str(key)).strip()
        if isinstance(value, Mapping):
            values = tuple((_without_hint(str(name)), _figure_text(figure)) for name, figure in value.items())
        else:
            values = (("", _figure_text(value)),)
        entries[row_id] = ResultEntry(row_id, values, "", SourceLocation(path, number))
    return Results(path, entries, {})


def results_from_frame(frame: Any, path: str = "<DataFrame>") -> Results:
    """Results from a pandas DataFrame with the fill-in sheet's columns (编号, 填报项N /
    实际值N or 实际完成值, 权重, 备注): read as that sheet is, row by row.

    Places are the frame's rows counted as a sheet's, its heading row first.
    """
    header = tuple(str(name) for name in frame.columns)
    rows = [(1, header)]
    for number, values in enumerate(frame.itertuples(index=False, name=None), 2):
        rows.append((number, tuple(_figure_text(value) for value in values)))
    return read_results(Sheet(path, tuple(rows), kind="frame"))


def load_results(path: str | os.PathLike[str], *, sheet: str | int | None = None) -> Results:
    """The results file at *path* (.csv, .xlsx, .xls, .docx): its first sheet
    with a results heading, or the one *sheet* names."""
    found, notices = find_sheets(str(path), read_sheets(path), _heading, _MISSING, missing_zh=_MISSING_ZH, choose=sheet)
    first, columns, rows = found[0]
    results = _read(first, columns, rows)
    return attrs.evolve(results, notices=(*notices, *results.notices))
