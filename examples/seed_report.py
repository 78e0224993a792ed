"""Read every indicator of the seed document, lint its tier set and grade its boundaries.

Run from the repository root:  python examples/seed_report.py [TABLE]
"""

from __future__ import annotations

import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import kpi
from kpi.io.tables import load_table

SEED = Path(__file__).resolve().parents[1] / "seeds" / "handan-hrss-2018-budget.txt"


def boundary_values(criteria: kpi.Criteria) -> list[Decimal]:
    """The bounds the tiers write, and the values half a unit beside them."""
    values = {value for _, value in criteria.bounds()}
    return sorted(v + d for v in values for d in (Decimal("-0.5"), Decimal(0)))


def main(path: Path) -> int:
    table = load_table(path)
    severities: Counter[str] = Counter()
    unreadable = 0
    for row in table.indicators:
        activity = " › ".join(row.activity)
        print(f"{row.id}  {row.location}  {activity}\n    指标: {row.indicator.text}")
        if row.criteria is None:
            unreadable += 1
            print("    cannot be read:", str(row.error).replace("\n", "\n    "))
            continue
        criteria = row.criteria
        print(f"    评价标准: {criteria}   ({criteria.scale.value} is better)")
        for finding in criteria.lint():
            severities[finding.severity] += 1
            if finding.severity != "info":
                print(f"    {finding}")
        if len(criteria.metrics) <= 1:
            grades = ", ".join(
                f"{value.normalize():f}→{criteria.grade(value).label or '—'}" for value in boundary_values(criteria)
            )
            print(f"    boundaries: {grades}")
    print(
        f"\n{len(table)} rows: {len(table.indicators)} indicators, {len(table) - len(table.indicators)} headings; "
        f"{unreadable} unreadable; "
        f"findings: {severities['error']} errors, {severities['warning']} warnings, {severities['info']} notes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SEED))
