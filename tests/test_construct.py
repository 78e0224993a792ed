"""The makers of kpi._construct make the very objects attrs' __init__ makes."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import kpi
from cases import SEED
from kpi._construct import maker
from kpi.indicators import Indicator
from kpi.results import ResultEntry
from kpi.scoring import ScoredRow
from kpi.tables import SourceLocation
from kpi.units import Quantity, unit_named

TABLE = kpi.load_table(SEED)
CRITERIA = kpi.Criteria.parse(["95%", "85%-94%", "70%-84%", "69%以下"], indicator="城镇新增就业10万人")
GRADE = CRITERIA.grade_actuals("96000人")
COMPLETION = GRADE.completion
assert COMPLETION is not None


@pytest.mark.parametrize(
    "made",
    [
        GRADE,
        kpi.Criteria.parse("两项指标均完成 | 两项指标中任意一项未完成 | 其他 | 其他", indicator="甲10人，乙5人").grade(
            {"甲": 12, "乙": 4}
        ),
        COMPLETION,
        COMPLETION.per_target[0],
        Quantity(Decimal("96000"), unit_named("人")),
        SourceLocation("results.csv", 7),
        TABLE.indicators[3],
        ResultEntry("R004", (("城镇新增就业", "9.6万人"), ("失业人员再就业", "")), "", SourceLocation("r.csv", 2)),
        ScoredRow(TABLE.indicators[3], "graded", GRADE, "", Decimal(1), Decimal(100), None),
    ],
    ids=lambda made: type(made).__name__,
)
def test_a_maker_makes_what_init_makes(made: object) -> None:
    cls = type(made)
    copy = maker(cls)(*(getattr(made, field.name) for field in attrs.fields(cls)))
    assert type(copy) is cls
    # Every field, compared or not (a grade's criteria and evaluation), is the one given.
    assert all(getattr(copy, field.name) is getattr(made, field.name) for field in attrs.fields(cls))
    assert copy == made
    assert repr(copy) == repr(made)
    assert hash(copy) == hash(made)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        copy.anything = 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("cls", [kpi.Criteria, Indicator])
def test_no_maker_for_classes_that_convert_or_validate(cls: type) -> None:
    with pytest.raises(TypeError, match="converts or validates"):
        maker(cls)
