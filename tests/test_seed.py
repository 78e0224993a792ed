"""The seed document as a corpus: every tier text and tier set of its table."""

from __future__ import annotations

from decimal import Decimal

import pytest

import kpi
from cases import QUANTIFIED_SEED_SETS, SEED
from kpi.io.tables import load_table

TABLE = load_table(SEED)
SETS = sorted({row.tiers for row in TABLE.indicators})
TEXTS = sorted({text for tiers in SETS for text in tiers})
SINGLE_METRIC_SETS = [tiers for tiers in SETS if tiers not in QUANTIFIED_SEED_SETS]
SINGLE_METRIC_TEXTS = sorted({text for tiers in SINGLE_METRIC_SETS for text in tiers})


def test_seed_table_has_every_row() -> None:
    # 102 indicator rows and 7 duty headings (促进就业政策及管理 … 人社政务管理);
    # the first heading follows the column header with no blank line between.
    assert len(TABLE) == 109
    assert len(TABLE.indicators) == 102
    assert [row.activity for row in TABLE if row.is_heading] == [
        ("促进就业政策及管理",),
        ("社会保险政策及管理",),
        ("人才队伍建设",),
        ("人事管理",),
        ("工资政策制定及管理",),
        ("劳动关系管理",),
        ("人社政务管理",),
    ]
    assert len(SETS) == 61
    assert len(TEXTS) == 144


def test_seed_rows_keep_their_place_in_the_document() -> None:
    first = TABLE.indicators[0]
    assert first.activity == ("促进就业政策及管理", "就业创业扶持政策的制定及管理")
    assert first.budget == Decimal("1000")
    assert first.tiers == ("95%", "85%-94%", "70%-84%", "69%以下")
    assert first.location.line == 204
    assert [row.id for row in TABLE] == [f"R{number:03d}" for number in range(1, 110)]


@pytest.mark.parametrize("text", TEXTS)
def test_every_seed_tier_text_parses_and_round_trips(text: str) -> None:
    rule = kpi.parse_rule(text)
    assert kpi.parse_rule(str(rule)) == rule


@pytest.mark.parametrize("tiers", SINGLE_METRIC_SETS, ids=" | ".join)
def test_every_single_metric_seed_tier_set_builds_criteria_alone(tiers: tuple[str, ...]) -> None:
    criteria = kpi.Criteria.parse(tiers)
    assert len(criteria.tiers) == 4
    assert kpi.Criteria.parse([str(rule) for rule in criteria.tiers]) == criteria


@pytest.mark.parametrize("row", TABLE.indicators, ids=lambda row: row.id)
def test_every_seed_row_builds_criteria_with_its_indicator(row: kpi.tables.TableRow) -> None:
    assert row.error is None, row.location
    assert row.criteria == kpi.Criteria.parse(row.tiers, indicator=row.indicator)
    assert row.criteria.indicator is row.indicator


def test_quantified_seed_sets_need_their_indicator() -> None:
    for tiers in QUANTIFIED_SEED_SETS:
        with pytest.raises(kpi.CriteriaError, match="speaks of the indicator's targets; pass indicator="):
            kpi.Criteria.parse(tiers)


def _probes(criteria: kpi.Criteria) -> list[Decimal]:
    """Every bound of every tier, and values just beside it."""
    return sorted({value + step for _, value in criteria.bounds() for step in (Decimal("-0.5"), 0, Decimal("0.5"))})


@pytest.mark.parametrize(
    "tiers", [tiers for tiers in SINGLE_METRIC_SETS if len(kpi.Criteria.parse(tiers).metrics) <= 1], ids=" | ".join
)
def test_every_single_metric_seed_tier_set_grades_its_own_boundaries(tiers: tuple[str, ...]) -> None:
    criteria = kpi.Criteria.parse(tiers)
    for value in _probes(criteria):
        grade = criteria.grade(value)
        assert grade.band is not None or grade.notes == ("uncovered",)
        assert grade.explain()


def test_seed_autofill_run_is_reported_as_suspicious() -> None:
    suspicious = {}
    for row in TABLE.indicators:
        if row.criteria is not None:
            for finding in row.criteria.lint():
                if finding.kind == "suspicious":
                    suspicious[row.tiers[3]] = finding
    assert sorted(suspicious) == [f"{n}%以下" for n in range(61, 74)]
    assert suspicious["73%以下"].message == (
        "最差档“73%以下”侵入了更好的档次：[60%, 73%] 已由更好的档次评定，该档实际只适用于 (-∞, 60%)，疑为笔误"
    )
