"""kpi: read and grade the tier texts (评价标准) of Chinese budget performance tables.

The public names are listed once, in ``_PUBLIC`` (name → the module that
owns it); each module loads when one of its names is first used, so that
``import kpi`` costs next to nothing and a script that only grades never
loads the file readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from kpi.errors import (
    CriteriaError,
    FileError,
    KpiError,
    KpiSyntaxError,
    OutcomeError,
    TableError,
    UngradedError,
)

# name -> module that owns it, in the order a reader meets them.
_PUBLIC: Final = {
    # reading tier texts
    "parse_rule": "kpi.text.reading",
    "Rule": "kpi.rules",
    "Condition": "kpi.rules",
    "Comparison": "kpi.rules",
    "BareValue": "kpi.rules",
    "AllOf": "kpi.rules",
    "AnyOf": "kpi.rules",
    "Otherwise": "kpi.rules",
    "Quantity": "kpi.units",
    "Unit": "kpi.units",
    "Direction": "kpi.direction",
    "MAX_TEXT_LENGTH": "kpi.text.grammar",
    # grading
    "Criteria": "kpi.grading.criteria",
    "Band": "kpi.grading.bands",
    "BAND_LABELS": "kpi.grading.bands",
    "Decision": "kpi.grading.model",
    "GradingModel": "kpi.grading.model",
    "Grade": "kpi.grading.grades",
    "NOTES": "kpi.wording",
    "Finding": "kpi.grading.lint",
    # indicators and their targets
    "Indicator": "kpi.indicators",
    "Target": "kpi.targets",
    "TargetCompletion": "kpi.targets",
    "Completion": "kpi.targets",
    "Quantified": "kpi.targets",
    "TargetOutcome": "kpi.targets",
    # tables, results and scoring
    "Table": "kpi.io.tables",
    "TableRow": "kpi.io.tables",
    "SourceLocation": "kpi.io.tables",
    "load_table": "kpi.io.tables",
    "lint_table": "kpi.io.tables",
    "Results": "kpi.io.results",
    "ResultEntry": "kpi.io.results",
    "load_results": "kpi.io.results",
    "score": "kpi.scoring",
    "Scorecard": "kpi.scorecard",
    "ScoredRow": "kpi.scorecard",
    "Summary": "kpi.scorecard",
    "NATIONAL_SCALE": "kpi.scoring",
    "STATUS_LABELS": "kpi.scorecard",
}

__all__ = [
    "KpiError",
    "KpiSyntaxError",
    "OutcomeError",
    "CriteriaError",
    "UngradedError",
    "FileError",
    "TableError",
    *_PUBLIC,
]

if TYPE_CHECKING:
    from kpi.direction import Direction as Direction
    from kpi.grading.bands import BAND_LABELS as BAND_LABELS
    from kpi.grading.bands import Band as Band
    from kpi.grading.criteria import Criteria as Criteria
    from kpi.grading.grades import Grade as Grade
    from kpi.grading.lint import Finding as Finding
    from kpi.grading.model import Decision as Decision
    from kpi.grading.model import GradingModel as GradingModel
    from kpi.indicators import Indicator as Indicator
    from kpi.io.results import ResultEntry as ResultEntry
    from kpi.io.results import Results as Results
    from kpi.io.results import load_results as load_results
    from kpi.io.tables import (
        SourceLocation as SourceLocation,
    )
    from kpi.io.tables import (
        Table as Table,
    )
    from kpi.io.tables import (
        TableRow as TableRow,
    )
    from kpi.io.tables import (
        lint_table as lint_table,
    )
    from kpi.io.tables import (
        load_table as load_table,
    )
    from kpi.rules import (
        AllOf as AllOf,
    )
    from kpi.rules import (
        AnyOf as AnyOf,
    )
    from kpi.rules import (
        BareValue as BareValue,
    )
    from kpi.rules import (
        Comparison as Comparison,
    )
    from kpi.rules import (
        Condition as Condition,
    )
    from kpi.rules import (
        Otherwise as Otherwise,
    )
    from kpi.rules import (
        Rule as Rule,
    )
    from kpi.scorecard import STATUS_LABELS as STATUS_LABELS
    from kpi.scorecard import Scorecard as Scorecard
    from kpi.scorecard import ScoredRow as ScoredRow
    from kpi.scorecard import Summary as Summary
    from kpi.scoring import (
        NATIONAL_SCALE as NATIONAL_SCALE,
    )
    from kpi.scoring import (
        score as score,
    )
    from kpi.targets import (
        Completion as Completion,
    )
    from kpi.targets import (
        Quantified as Quantified,
    )
    from kpi.targets import (
        Target as Target,
    )
    from kpi.targets import (
        TargetCompletion as TargetCompletion,
    )
    from kpi.targets import (
        TargetOutcome as TargetOutcome,
    )
    from kpi.text.grammar import MAX_TEXT_LENGTH as MAX_TEXT_LENGTH
    from kpi.text.reading import parse_rule as parse_rule
    from kpi.units import Quantity as Quantity
    from kpi.units import Unit as Unit
    from kpi.wording import NOTES as NOTES


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'kpi' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
