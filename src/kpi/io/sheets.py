"""Indicator tables as sheets (CSV, XLSX, XLS, a Word table): columns found by their headings.

Two layouts are read.  The disclosure's: 职责活动, 年度预算数, 内容描述,
绩效目标, 绩效指标 and the tiers under 评价标准 (or headed 优/良/中/差,
优秀/良好/合格/不合格 …), with optional 编号 and 权重.  And the national
form's: 一级指标, 二级指标, 三级指标 and 指标值 (or 年度指标值, with 指标性质
and 度量单位 beside it), and on the self-evaluation form 实际完成值, 分值,
得分 and 偏差原因分析及改进措施; tiers, where a form has them too, decide.

Sheets are laid out by hand: title rows above the heading, a heading of two
rows (评价标准 merged over 优/良/中/差, 绩效指标 over 一级/二级/三级指标),
the heading repeated on a new page, blank spacer rows and a 合计 row.  The
headings and the total are read past, each said in a notice; every other
row is kept, with its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from kpi.errors import FileError, Notice
from kpi.grading.bands import default_labels
from kpi.io.files import Sheet
from kpi.io.rows import RowBuilder, SourceLocation, Table
from kpi.text.normalise import BLANK, normalise
from kpi.text.reading import split_tiers

__all__ = ["MISSING_HEADING", "read_sheet_table", "recognise_heading"]


# Column headings by meaning, as written after spaces and a trailing note in brackets are dropped.
_HEADINGS: Final[Mapping[str, tuple[str, ...]]] = {
    "id": ("编号", "id", "序号", "指标编号"),
    "activity": ("职责活动", "工作活动"),
    "level1": ("一级指标", "部门职责", "一级项目"),
    "level2": ("二级指标", "二级项目"),
    "budget": ("年度预算数", "预算数", "年度预算"),
    "description": ("内容描述",),
    "goal": ("绩效目标",),
    "indicator": ("三级指标", "绩效指标"),
    "target": ("指标值", "年度指标值", "年度目标值", "目标值", "预期指标值"),
    "relation": ("指标性质",),
    "unit": ("度量单位", "计量单位"),
    "points": ("分值",),
    "weight": ("权重",),
    "actual": ("实际完成值", "完成值", "全年实际值", "全年完成值", "实际值"),
    "score": ("得分", "自评得分"),
    "reason": ("偏差原因分析及改进措施", "未完成原因分析", "偏差原因分析", "原因分析", "偏差原因"),
}
# Headings matched by how they begin (年度预算数万元, 职责活动名称).
_PREFIXED: Final = ("activity", "budget", "description")
_MEANING: Final = {spelling: meaning for meaning, spellings in _HEADINGS.items() for spelling in spellings}
_TIERS: Final = "评价标准"
# The meanings of columns that hold figures, which two columns of one heading leave in doubt.
_FIGURES: Final = frozenset({"points", "weight", "actual", "score"})
# Band names a tier column may be headed with, on their own or under 评价标准, best first.
_BAND_SEQUENCES: Final = (
    ("优", "良", "中", "差"),
    ("优秀", "良好", "合格", "不合格"),
    ("优秀", "良好", "及格", "不及格"),
    ("优秀", "良好", "中等", "较差"),
    ("好", "较好", "一般", "较差", "差"),
    tuple("ABCDE"),
    tuple(f"{numeral}档" for numeral in "一二三四五六七八九十"),
    tuple(f"第{numeral}档" for numeral in "一二三四五六七八九十"),
    tuple(f"第{number}档" for number in range(1, 11)),
)
_BAND_NAMES: Final = frozenset(name for sequence in _BAND_SEQUENCES for name in sequence)
_BRACKETED: Final = re.compile(r"\([^()]*\)$")
_TOTALS: Final = frozenset(("合计", "总计", "小计", "总分", "合计得分", "总得分", "得分合计"))
_NOT_A_LABEL: Final = re.compile(r"[0-9%％<>≤≥=]")


def _heading(cell: str) -> str:
    text = normalise(cell).text.replace(" ", "").replace("\u3000", "").lower()
    return _BRACKETED.sub("", text)


def _meaning(name: str) -> str | None:
    meaning = _MEANING.get(name)
    if meaning is None:
        meaning = next((m for m in _PREFIXED if any(name.startswith(s) for s in _HEADINGS[m])), None)
    return meaning


@attrs.frozen
class _Columns:
    """Which column holds what: ``fields`` by meaning, the tier columns, and the
    bands' names where the heading gives names other than the defaults."""

    fields: Mapping[str, int]
    tiers: tuple[int, ...]
    labels: tuple[str, ...] | None
    #: One 评价标准 heading over the tier columns: a row may hold every tier in its first one.
    spread: bool = False
    #: Columns kpi has no meaning for (备注, 责任科室): their headings by column, kept with each row.
    others: Mapping[int, str] = attrs.field(factory=dict)
    #: Headings of figures (分值, 权重, 实际值, 得分) over more than one column, with the columns.
    repeated: Mapping[str, tuple[int, ...]] = attrs.field(factory=dict)

    @property
    def width(self) -> int:
        return max((*self.fields.values(), *self.tiers, *self.others)) + 1


# The tier columns, their names, and whether one heading stands over four columns.
_Span = tuple[tuple[int, ...], tuple[str, ...] | None, bool]


def _tier_span(upper: Sequence[str], lower: Sequence[str]) -> _Span:
    """The tier columns and their names: under 评价标准, or headed by band names."""
    start = next((i for i, name in enumerate(upper) if name.startswith(_TIERS)), -1)
    if start >= 0:
        if lower:
            # 评价标准 over the names of the bands: as many tiers as names under it.
            span = []
            for index in range(start, len(upper)):
                if index < len(lower) and lower[index] and (upper[index].startswith(_TIERS) or not upper[index]):
                    span.append(index)
                else:
                    break
            if len(span) >= 2:
                return tuple(span), tuple(lower[index] for index in span), False
        merged = [i for i in range(start, len(upper)) if upper[i] == upper[start]]
        run = [i for n, i in enumerate(merged) if i == start + n]
        if len(run) >= 2:
            return tuple(run), None, False  # 评价标准 merged across the tier columns
        suffixed = [i for i, name in enumerate(upper) if name.startswith(_TIERS) and name[len(_TIERS) :].strip("-_")]
        if len(suffixed) >= 2:  # 评价标准-优 … 评价标准-差
            return tuple(suffixed), tuple(upper[i][len(_TIERS) :].strip("-_") for i in suffixed), False
        if any(upper[start + 1 : start + 4]):
            return (start,), None, False  # one column: each cell holds every tier, separated by | or line breaks
        return tuple(range(start, start + 4)), None, True  # one 评价标准 cell over four columns, or one cell
    # Columns headed by band names, in any order: best first by the names' own order.
    position = {name: index for index, name in reversed(list(enumerate(upper))) if name in _BAND_NAMES}
    best: tuple[int, ...] = ()
    for sequence in _BAND_SEQUENCES:
        present = tuple(position[name] for name in sequence if name in position)
        if len(present) > len(best) and all(name in position for name in sequence[: len(present)]):
            best = present
    if len(best) >= 2:
        return best, tuple(upper[i] for i in best), False
    return (), None, False


def _columns(upper: Sequence[str], lower: Sequence[str] = ()) -> _Columns | None:
    """The columns of a heading (of two rows when *lower* is given), or ``None`` if it is no heading."""
    names = [lower[i] if i < len(lower) and lower[i] else name for i, name in enumerate(upper)]
    fields: dict[str, int] = {}
    figures: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        meaning = _meaning(name)
        if meaning in _FIGURES:
            figures.setdefault(name, []).append(index)
        # 三级指标 beside 绩效指标 is the indicator; 序号 beside 编号 counts the rows, 编号 is the id.
        if meaning is not None and (meaning not in fields or name == "三级指标" or names[fields[meaning]] == "序号"):
            fields[meaning] = index
    tiers, labels, spread = _tier_span(upper, lower)
    if not tiers and lower:
        tiers, labels, spread = _tier_span(names, ())
    if "indicator" not in fields or not (tiers or "target" in fields):
        return None
    if not ({"activity", "level1", "level2"} & fields.keys() or names[fields["indicator"]] == "三级指标"):
        return None
    if "level1" in fields and "level2" not in fields and names[fields.get("activity", 0)] == "工作活动":
        fields["level2"] = fields.pop("activity")  # 部门职责 with 工作活动 under it: two levels
    if "points" not in fields and "weight" in fields and "target" in fields:
        fields["points"] = fields.pop("weight")  # the form's 权重 is its 分值
    if labels is not None and (labels == default_labels(len(labels)) or any(map(_NOT_A_LABEL.search, labels))):
        labels = None
    known = {*fields.values(), *tiers}
    # The cells under a spread 评价标准 heading, and columns past it, have no heading of their own.
    others = {
        index: cells_name
        for index, cells_name in enumerate(names)
        if cells_name and index not in known and not cells_name.startswith(_TIERS) and cells_name not in _BAND_NAMES
    }
    repeated = {name: tuple(at) for name, at in figures.items() if len(at) > 1}
    return _Columns(fields, tiers, labels, spread, others, repeated)


def _is_subheading(cells: Sequence[str]) -> bool:
    """Whether a row holds headings and band names only (as both rows of a two-row heading do)."""
    names = [name for name in map(_heading, cells) if name]
    return bool(names) and all(
        _meaning(name) is not None or name in _BAND_NAMES or name.startswith(_TIERS) for name in names
    )


def recognise_heading(cells: tuple[str, ...], following: tuple[str, ...]) -> tuple[_Columns, int] | None:
    """The columns of an indicator table's heading at *cells*, and how many rows it takes (1 or 2)."""
    upper = [_heading(cell) for cell in cells]
    single = _columns(upper)
    if following and _is_subheading(following) and _is_subheading(cells):
        lower = [_heading(cell) for cell in following]
        upper += [""] * (len(lower) - len(upper))
        double = _columns(upper, lower)
        if double is not None:
            return double, 2
    return None if single is None else (single, 1)


#: What a file without an indicator table lacks.
MISSING_HEADING: Final = (
    "no heading row with 职责活动, 绩效指标 and 评价标准 (or 优/良/中/差) columns,"
    " nor the national form's 三级指标 and 指标值"
)


def read_sheet_table(found: Sequence[tuple[Sheet, _Columns, Iterable[tuple[int, tuple[str, ...]]]]]) -> Table:
    """The indicator table in sheets whose headings were found (CSV, XLSX, a Word document's tables)."""
    builder: RowBuilder | None = None
    notices: list[Notice] = []
    for sheet, columns, rows in found:
        if columns.repeated:
            # Two columns headed 权重 (one an old year's): which holds the figures is not for kpi to guess.
            listed = "；".join(f"{name}: {', '.join(str(i + 1) for i in at)}" for name, at in columns.repeated.items())
            raise FileError(
                f"{sheet.path}: headings in more than one column (heading: columns): {listed}; keep one column of each",
                zh=f"{sheet.path}: 以下表头出现在多列中（表头：列号）：{listed}；每个表头只保留一列",
            )
        if builder is None:
            builder = RowBuilder(sheet.path, labels=columns.labels, form="target" in columns.fields)
        if columns.others:
            listed = "、".join(columns.others.values())
            notices.append(
                Notice(
                    f"{sheet.path}: columns kpi does not read, kept with each row as written: {listed}",
                    f"{sheet.path}: kpi 不读取的列，随各行原样保留：{listed}",
                )
            )
        _read_rows(sheet, columns, rows, builder, notices)
    assert builder is not None
    return builder.table(tuple(notices))


# Most rows are indicators, whose texts are long: only a short cell is normalised to be compared.
_LONGEST_TOTAL: Final = 12
# A character every spelling of a total row has (合计, 合計, 总分), in any width or script.
_MAY_TOTAL: Final = re.compile("[计計分]")


def _is_indicator_heading(cell: str) -> bool:
    """Whether an indicator cell is its column's heading (绩效指标, 三级指标): the heading again."""
    return len(cell) <= _LONGEST_TOTAL and "指" in cell and _heading(cell) in _HEADINGS["indicator"]


def _place(sheet: Sheet, line: int) -> SourceLocation:
    return SourceLocation(sheet.path, line, sheet.table)


_SEPARATED: Final = re.compile("[|｜\n\r\u2028\u2029；;]")


def _in_one_cell(cells: Sequence[str], tiers: Sequence[int]) -> bool:
    """Whether a row holds every tier in its first tier cell (what kpi template writes), the others empty."""
    first = tiers[0]
    return (
        first < len(cells)
        and not any(cells[index].strip() for index in tiers[1:] if index < len(cells))
        and bool(_SEPARATED.search(cells[first]))
    )


def _read_rows(
    sheet: Sheet,
    columns: _Columns,
    rows: Iterable[tuple[int, tuple[str, ...]]],
    builder: RowBuilder,
    notices: list[Notice],
) -> None:
    fields, tiers = columns.fields, columns.tiers
    width = columns.width

    def at(meaning: str) -> int:
        # A meaning the sheet lacks reads the empty cell appended to every row.
        return fields.get(meaning, -1)

    activity, level1, level2, budget, description, goal, indicator, row_id, weight = map(
        at, ("activity", "level1", "level2", "budget", "description", "goal", "indicator", "id", "weight")
    )
    target, relation, unit, points, actual, score, reason = map(
        at, ("target", "relation", "unit", "points", "actual", "score", "reason")
    )
    levels = [index for index in (level1, level2) if index >= 0]
    others = list(columns.others.items())
    path, table = sheet.path, sheet.table
    heading_again = False
    for line, cells in rows:
        if not (cells and cells[0].strip(BLANK)) and not "".join(cells).strip(BLANK):
            continue  # a blank row, zero-width spaces and all (the first cell is checked first: it is seldom blank)
        problem = None
        # A row whose tiers all stand in the first tier column, under one 评价标准 heading.
        one_cell = columns.spread and _in_one_cell(cells, tiers)
        if len(cells) < (tiers[0] + 1 if one_cell and len(cells) == tiers[0] + 1 else width):
            if sheet.kind == "csv":
                # A spreadsheet writes every cell of a row; fewer means a cut-off file.
                problem = f"expected {width} cells, found {len(cells)}: the row is cut short"
            padded = (*cells, *("",) * (width - len(cells)), "")
        else:
            padded = (*cells, "")
        if _is_indicator_heading(padded[indicator]) or (heading_again and _is_subheading(cells)):
            # The heading again, on a new page (and its second row after it).
            heading_again = not heading_again
            notices.append(
                Notice(
                    f"{_place(sheet, line)}: the heading repeated (a new page), skipped",
                    f"{_place(sheet, line).says('zh')}: 表头重复（新的一页），已跳过",
                )
            )
            continue
        heading_again = False
        first = cells[0] if cells[0].strip() else next((cell for cell in cells if cell.strip()), "")
        if len(first) <= _LONGEST_TOTAL and _MAY_TOTAL.search(first) and (first := _heading(first)) in _TOTALS:
            notices.append(
                Notice(
                    f"{_place(sheet, line)}: a {first} row, not an indicator, skipped",
                    f"{_place(sheet, line).says('zh')}: {first}行，不是绩效指标，已跳过",
                )
            )
            continue
        target_text = "".join(padded[index] for index in (relation, target, unit)).strip() if target >= 0 else ""
        builder.add(
            SourceLocation(path, line, table),
            padded[activity] if activity >= 0 or not levels else tuple(padded[index] for index in levels),
            padded[budget],
            padded[description],
            padded[goal],
            padded[indicator],
            split_tiers(padded[tiers[0]], semicolons=True)
            if len(tiers) == 1 or one_cell
            else [padded[index] for index in tiers],
            padded[row_id],
            padded[weight],
            problem,
            target=target_text,
            points=padded[points],
            actual=padded[actual],
            score=padded[score],
            reason=padded[reason],
            others=tuple((name, padded[index]) for index, name in others if padded[index].strip()) if others else (),
        )
