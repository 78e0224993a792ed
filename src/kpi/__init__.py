"""kpi: read and grade the tier texts (评价标准) of Chinese budget performance tables."""

from __future__ import annotations

from kpi.errors import CriteriaError, KpiError, KpiSyntaxError, OutcomeError, UngradedError
from kpi.rules import AllOf, AnyOf, Comparison, Condition, Otherwise, Rule, Target, parse_rule

__all__ = [
    "AllOf",
    "AnyOf",
    "Comparison",
    "Condition",
    "CriteriaError",
    "KpiError",
    "KpiSyntaxError",
    "Otherwise",
    "OutcomeError",
    "Rule",
    "Target",
    "UngradedError",
    "parse_rule",
]
