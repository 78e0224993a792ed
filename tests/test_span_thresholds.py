"""Span thresholds (kpi.span_thresholds): a threshold each province fixes within 一千元至三千元.

Real texts from judicial interpretations (tests/corpus/sets c-daoqie, c-qiaozha, c-zhapian), the
outcomes a careful reader places and those that depend on the local standard, and the texts the
reading must not take: they keep the refusal of a range followed by 以上.
"""

from __future__ import annotations

import pytest

import kpi
from kpi.span_thresholds import SpanThreshold

AMBIGUOUS = "a range followed by “以上” is ambiguous"

# (tier text, its canonical text): the drafting convention, 至 between two ends in one unit.
READ = [
    ("盗窃公私财物价值一千元至三千元以上", "盗窃公私财物价值1000元至3000元以上"),
    ("三万元至十万元以上", "30000元至100000元以上"),
    ("三十万元至五十万元以上的", "300000元至500000元以上"),
    ("敲诈勒索公私财物价值二千元至五千元以上", "敲诈勒索公私财物价值2000元至5000元以上"),
    ("诈骗公私财物价值三千元至一万元以上", "诈骗公私财物价值3000元至10000元以上"),
    ("30万元至50万元以上", "30万元至50万元以上"),
    ("盗窃数额一千元至三千元以上、不满三万元", "盗窃数额1000元至3000元以上且盗窃数额<30000元"),
]


@pytest.mark.parametrize(("text", "canonical"), READ)
def test_a_span_threshold_reads_and_writes_back(text: str, canonical: str) -> None:
    rule = kpi.parse_rule(text)
    assert any(isinstance(leaf, SpanThreshold) for leaf in rule.condition.leaves())
    assert str(rule) == canonical
    assert kpi.parse_rule(str(rule)) == rule


# (tier text, the refusal's start): texts that are not the convention keep a refusal.
REFUSED = [
    ("80-90分以上", AMBIGUOUS),  # a dash: in a performance table, probably a typo
    ("80至90分以上", AMBIGUOUS),  # the low end writes no unit
    ("一千至三千元以上", AMBIGUOUS),
    ("90分至80分以上", AMBIGUOUS),  # descending: no span
    ("3000元至3000元以上", AMBIGUOUS),  # no span at all
    ("1000元到3000元以上", AMBIGUOUS),  # 到, not the drafting's 至
    ("1000元~3000元以上", AMBIGUOUS),
    ("1000元至3000元以下", "cannot read tier text: a range followed by “以下” is ambiguous"),
    ("1000元(含)至3000元以上", AMBIGUOUS),  # a mark on an end says a range
    ("3000元至1万元以上", AMBIGUOUS),  # two units: the span reading takes ranges in one
    ("-3000元至1000元以上", AMBIGUOUS),  # a threshold of an amount is not negative
    # a second bound after the span read as a metric 不满三万元 (also after 及以上)
    ("一千元至三千元以上不满三万元的", "cannot read tier text: “不满三万元” after the value is a second bound"),
    ("90-100分及以上不满九十五分", "cannot read tier text: “不满九十五分” after the value is a second bound"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_texts_the_span_reading_does_not_take(text: str, message: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError) as raised:
        kpi.parse_rule(text)
    assert message in str(raised.value)


DAOQIE = kpi.Criteria.parse(
    ["三十万元至五十万元以上的", "三万元至十万元以上", "盗窃公私财物价值一千元至三千元以上"],
    labels=["数额特别巨大", "数额巨大", "数额较大"],
)

# (outcome, band label or None, explanation in Chinese): c-daoqie-1, the highest start surely reached.
GRADES = [
    ("3000元", "数额较大", "盗窃公私财物价值 3000元 ≥ 3000元（恰好达到）→ 数额较大"),
    ("29万元", "数额巨大", "盗窃公私财物价值 290000元 ≥ 100000元（高出190000元）→ 数额巨大"),
    ("50万元", "数额特别巨大", "盗窃公私财物价值 500000元 ≥ 500000元（恰好达到）→ 数额特别巨大"),
    ("2000元", None, "2000元在1000元至3000元之间：数额较大的起点由各地在此区间内确定 → 未定档"),
    ("1000元", None, "1000元在1000元至3000元之间：数额较大的起点由各地在此区间内确定 → 未定档"),
    (2000, None, "2000元在1000元至3000元之间：数额较大的起点由各地在此区间内确定 → 未定档"),
    ("40万元", None, "400000元在300000元至500000元之间：数额特别巨大的起点由各地在此区间内确定 → 未定档"),
]


@pytest.mark.parametrize(("outcome", "label", "explained"), GRADES)
def test_an_outcome_inside_a_span_gets_no_band(outcome: object, label: str | None, explained: str) -> None:
    grade = DAOQIE.grade(outcome)  # type: ignore[arg-type]
    assert grade.label == label
    assert grade.explain() == explained
    assert ("span" in grade.notes) == (label is None)


def test_strict_refuses_an_outcome_inside_a_span_and_says_why_in_english() -> None:
    with pytest.raises(kpi.UngradedError, match="2000元 lies between 1000元 and 3000元"):
        DAOQIE.grade("2000元", strict=True)
    assert DAOQIE.grade("5000元", strict=True).label == "数额较大"


def test_the_compiled_search_and_the_model_agree_inside_a_span() -> None:
    assert [DAOQIE.grade(v).label for v in (999, 1000, 2999, 3000, 29999, 30000, 100000)] == [
        "数额较大",  # below every standard: the worst band, noted below-scale
        None,
        None,
        "数额较大",
        "数额较大",
        None,
        "数额巨大",
    ]
    assert DAOQIE.grade_many([2000, 5000]) == [None, DAOQIE.bands[2]]


def test_lint_notes_each_span_threshold() -> None:
    found = [finding for finding in DAOQIE.lint() if finding.kind == "span"]
    assert [finding.tiers for finding in found] == [(0,), (1,), (2,)]
    assert found[2].message == (
        "数额较大档“盗窃公私财物价值一千元至三千元以上”是区间门槛：起点由各地在1000元至3000元之间确定，落在其中的结果不定档"
    )
