"""kpi: read and grade the tier texts (评价标准) of Chinese budget performance tables."""

from __future__ import annotations

from kpi._files import FileError
from kpi.bands import BAND_LABELS, Band
from kpi.criteria import Criteria
from kpi.direction import Direction
from kpi.errors import CriteriaError, KpiError, KpiSyntaxError, OutcomeError, UngradedError
from kpi.grades import Grade
from kpi.indicators import Completion, Indicator, Target, TargetCompletion
from kpi.lint import Finding
from kpi.results import load_results
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
from kpi.scoring import NATIONAL_SCALE, STATUS_LABELS, Scorecard, score
from kpi.tables import Table, TableRow, load_table
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
