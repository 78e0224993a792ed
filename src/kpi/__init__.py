"""kpi: read and grade the tier texts (评价标准) of Chinese budget performance tables.

The year-end job (tables, results files, scoring) and lint load on first
use, so that ``import kpi`` for grading stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kpi.bands import BAND_LABELS, Band
from kpi.criteria import Criteria
from kpi.direction import Direction
from kpi.errors import CriteriaError, KpiError, KpiSyntaxError, OutcomeError, UngradedError
from kpi.grades import Grade
from kpi.rules import (
    AllOf,
    AnyOf,
    BareValue,
    Comparison,
    Condition,
    Otherwise,
    Quantified,
    Rule,
    TargetOutcome,
    parse_rule,
)
from kpi.units import Quantity, Unit

__all__ = [
    "BAND_LABELS",
    "NATIONAL_SCALE",
    "STATUS_LABELS",
    "AllOf",
    "AnyOf",
    "Band",
    "BareValue",
    "Comparison",
    "Completion",
    "Condition",
    "Criteria",
    "CriteriaError",
    "Direction",
    "FileError",
    "Finding",
    "Grade",
    "Indicator",
    "KpiError",
    "KpiSyntaxError",
    "Otherwise",
    "OutcomeError",
    "Quantified",
    "Quantity",
    "Rule",
    "Scorecard",
    "Table",
    "TableRow",
    "Target",
    "TargetCompletion",
    "TargetOutcome",
    "UngradedError",
    "Unit",
    "load_results",
    "load_table",
    "parse_rule",
    "score",
]

# Loaded on first use: name -> module.
_LAZY = {
    "Completion": "kpi.indicators",
    "Indicator": "kpi.indicators",
    "Target": "kpi.indicators",
    "TargetCompletion": "kpi.indicators",
    "FileError": "kpi._files",
    "Finding": "kpi.lint",
    "NATIONAL_SCALE": "kpi.scoring",
    "STATUS_LABELS": "kpi.scoring",
    "Scorecard": "kpi.scoring",
    "score": "kpi.scoring",
    "Table": "kpi.tables",
    "TableRow": "kpi.tables",
    "load_table": "kpi.tables",
    "load_results": "kpi.results",
}

if TYPE_CHECKING:
    from kpi._files import FileError
    from kpi.indicators import Completion, Indicator, Target, TargetCompletion
    from kpi.lint import Finding
    from kpi.results import load_results
    from kpi.scoring import NATIONAL_SCALE, STATUS_LABELS, Scorecard, score
    from kpi.tables import Table, TableRow, load_table


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kpi' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
