"""An evaluation script: score the Handan 2018 table with its year-end results.

Run from the repository root:  python examples/score_handan.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import kpi

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "seeds" / "handan-hrss-2018-budget.txt"
RESULTS = ROOT / "examples" / "handan-2018-results.csv"


def main() -> None:
    card = kpi.score(TABLE, RESULTS)
    statuses = Counter(row.status for row in card.rows)
    print(f"{len(card.rows)} indicators: " + ", ".join(f"{kpi.STATUS_LABELS[s]} {n}" for s, n in statuses.items()))
    for row in card.rows:
        if row.status != "graded":
            print(f"  {row.id} {kpi.STATUS_LABELS[row.status]}: {row.reason}")
    print("\nper duty:")
    for summary in card.activities:
        if len(summary.activity) == 1:
            score = "—" if summary.score is None else f"{summary.score:.2f}"
            counts = " ".join(f"{label}{summary.counts.get(label, 0)}" for label in kpi.BAND_LABELS)
            print(f"  {summary.name:<12} {counts}  {score:>6} {summary.band}")
    total = card.total
    print(f"\ntotal {total.score:.2f} / 100 → {total.band} (national scale: {kpi.NATIONAL_SCALE})")
    best = max((row for row in card.rows if row.grade), key=lambda row: row.points or 0)
    assert best.grade is not None
    print(f"\nfor example {best.id}: {best.grade.explain()}")


if __name__ == "__main__":
    main()
