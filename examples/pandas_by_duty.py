"""Results from pandas, and the scored table back as a DataFrame, grouped by duty.

An evaluator who keeps the year's figures in Excel may read them with pandas.
pandas reads a cell formatted as a percentage as a fraction (96.5% arrives as
0.965): ``fractions=True`` says so, and without it kpi notes such a figure
(疑为小数形式的百分比) rather than grade it as 0.965%.

Run from the repository root:  python examples/pandas_by_duty.py
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import kpi

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "seeds" / "handan-hrss-2018-budget.txt"
RESULTS = ROOT / "examples" / "handan-2018-results.csv"


def main() -> None:
    figures = pd.read_csv(RESULTS, dtype=str, keep_default_na=False)  # the fill-in sheet, as text
    card = kpi.score(TABLE, figures)
    frame = card.to_frame()
    frame["职责"] = frame["职责活动"].str.split(" › ").str[0]
    graded = frame[frame["状态"] == "已评定"]
    by_duty = graded.groupby("职责", sort=False).agg(指标数=("编号", "size"), 平均得分=("得分", "mean"))
    print(by_duty.round(2).to_string())
    # A figure given as a fraction, as pandas reads an Excel percentage.
    fraction = card.rows[1].row.criteria
    assert fraction is not None
    print(f"0.965 → {fraction.grade(0.965).label}（{'、'.join(fraction.grade(0.965).notes)}）; ", end="")
    print(f"with fractions=True → {fraction.grade(0.965, fractions=True).label}")


if __name__ == "__main__":
    main()
