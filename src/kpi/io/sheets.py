"""Indicator tables as spreadsheets (CSV, XLSX): columns found by their headings.

A sheet has the disclosure's columns (职责活动, 年度预算数, 内容描述, 绩效目标,
绩效指标) and the tiers as four columns under 评价标准 or headed 优/良/中/差,
with optional 编号 and 权重 columns; a title or unit line may stand above the
heading row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from kpi.io.files import Sheet
from kpi.io.rows import RowBuilder, SourceLocation, Table
from kpi.text.normalise import normalise

__all__ = ["read_sheet_table"]


# Column headings of spreadsheet tables, by meaning.
_HEADINGS: Final = {
    "id": ("编号", "id", "序号", "指标编号"),
    "activity": ("职责活动", "工作活动"),
    "budget": ("年度预算数", "预算数", "年度预算"),
    "description": ("内容描述",),
    "goal": ("绩效目标",),
    "indicator": ("绩效指标",),
    "weight": ("权重",),
}
_BAND_HEADINGS: Final = ("优", "良", "中", "差")


def _heading(cell: str) -> str:
    text = normalise(cell).text.replace(" ", "").lower()
    return re.sub(r"\((万元|元|%)\)$", "", text)


def _columns(header: Sequence[str]) -> dict[str, int | tuple[int, ...]] | None:
    """Which column holds what, or ``None`` if *header* is not the heading row."""
    names = [_heading(cell) for cell in header]
    found: dict[str, int | tuple[int, ...]] = {}
    for meaning, spellings in _HEADINGS.items():
        for index, name in enumerate(names):
            if name in spellings or (meaning != "id" and any(name.startswith(s) for s in spellings)):
                found.setdefault(meaning, index)
    if "activity" not in found or "indicator" not in found:
        return None
    bands = [
        next((i for i, name in enumerate(names) if name in (band, f"评价标准{band}", f"评价标准-{band}")), -1)
        for band in _BAND_HEADINGS
    ]
    if all(index >= 0 for index in bands):
        found["tiers"] = tuple(bands)
        return found
    start = next((i for i, name in enumerate(names) if name.startswith("评价标准")), -1)
    if start < 0:
        return None
    found["tiers"] = tuple(range(start, start + 4))
    return found


def read_sheet_table(sheet: Sheet) -> Table:
    """The indicator table in a spreadsheet's rows (CSV or XLSX)."""
    columns, rows = sheet.after_heading(
        _columns, "no heading row with 职责活动, 绩效指标 and 评价标准 (or 优/良/中/差) columns"
    )
    builder = RowBuilder(sheet.path)
    width = max(index if isinstance(index, int) else max(index) for index in columns.values()) + 1

    def at(meaning: str) -> int:
        # A meaning the sheet lacks reads the empty cell appended to every row.
        index = columns.get(meaning)
        return index if isinstance(index, int) else -1

    activity, budget, description, goal, indicator, row_id, weight = map(
        at, ("activity", "budget", "description", "goal", "indicator", "id", "weight")
    )
    tier_columns = columns["tiers"]
    assert isinstance(tier_columns, tuple)
    first_tier, *other_tiers = tier_columns
    consecutive = tuple(other_tiers) == tuple(range(first_tier + 1, first_tier + len(tier_columns)))
    path = sheet.path
    for line, cells in rows:
        if not (cells and cells[0].strip()) and not "".join(cells).strip():
            continue  # a blank row (the first cell is checked first: it is seldom blank)
        problem = None
        if len(cells) < width:
            if sheet.kind == "csv":
                # A spreadsheet writes every cell of a row; fewer means a cut-off file.
                problem = f"expected {width} cells, found {len(cells)}: the row is cut short"
            padded = (*cells, *("",) * (width - len(cells)), "")
        else:
            padded = (*cells, "")
        builder.add(
            SourceLocation(path, line),
            padded[activity],
            padded[budget],
            padded[description],
            padded[goal],
            padded[indicator],
            padded[first_tier : first_tier + len(tier_columns)]
            if consecutive
            else [padded[index] for index in tier_columns],
            padded[row_id],
            padded[weight],
            problem,
        )
    return builder.table()
