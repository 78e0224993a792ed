"""Hostile input: the parsers are total, and outcomes are graded exactly or refused.

The number of examples comes from KPI_FUZZ_EXAMPLES (default 1,000 per test
in CI); the long run documented in the README uses 100,000:

    KPI_FUZZ_EXAMPLES=100000 python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpi
from kpi.strategies import grammar_texts, tier_texts
from kpi.text.grammar import MAX_TEXT_LENGTH

EXAMPLES = int(os.environ.get("KPI_FUZZ_EXAMPLES", "1000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Characters that matter to the lexer, control characters and lookalikes.
pieces = st.sampled_from(
    [
        *"0123456789.%％-－~～—<>=≥≤＜＞（）()[]【】,，、;；。且或以上下内及不低高于超过满达到为在之间含其余率九十百千万亿零两人小时个工作日分元项",
        "设备完好率",
        "负增长",
        "以上",
        "不低于",
        "两项指标中任意一项超额完成且高于1%",
        "“",
        "”",
        "\x00",
        "\t",
        "\n",
        "\u200b",
        "\ufeff",
        "\u202e",
        "٣",
        "１",
        "\ud7ff",
        "𝟗",
    ]
)
texts = st.one_of(
    st.text(max_size=60),
    st.lists(pieces, max_size=40).map("".join),
    tier_texts(),
    grammar_texts(),
    st.integers(1, 200).map(lambda n: "≥1%且" * n + "≥2%"),
    st.integers(1, 250).map(lambda n: "率" * n + "≥90%"),
    st.integers(0, 40).map(lambda n: "9" * (MAX_TEXT_LENGTH - 1 + n)),
)


@given(texts)
@FUZZ
def test_any_text_parses_or_raises_kpi_syntax_error(text: str) -> None:
    try:
        rule = kpi.parse_rule(text)
    except kpi.KpiSyntaxError as error:
        assert 0 <= error.position <= len(text)
        assert str(error)
    else:
        assert len(text) <= MAX_TEXT_LENGTH
        assert kpi.parse_rule(str(rule)) == rule


@given(st.lists(texts, min_size=4, max_size=4))
@settings(FUZZ, max_examples=max(EXAMPLES // 10, 100))
def test_any_tier_set_builds_or_raises_a_kpi_error(tiers: list[str]) -> None:
    try:
        criteria = kpi.Criteria.parse(tiers)
    except kpi.KpiError:
        return
    criteria.lint()


@given(st.one_of(st.text(max_size=200), st.lists(pieces, max_size=60).map("".join)))
@FUZZ
def test_any_indicator_text_reads(text: str) -> None:
    indicator = kpi.Indicator.parse(text)
    assert all(isinstance(target, kpi.Target) for target in indicator.targets)


CRITERIA = kpi.Criteria.parse("95% | 85%-94% | 70%-84% | 69%以下")
outcome_inputs = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.booleans(),
    st.none(),
    st.text(max_size=20),
    st.lists(pieces, max_size=8).map("".join),
    st.sampled_from(
        [
            -0.0,
            Decimal("-0"),
            Decimal("1E-999999"),
            Decimal("1E+999999"),
            Decimal("sNaN"),
            "1e400",
            "95%%",
            "95 %",
            "９５％",
            "95小时",
            "95%。",
            "95万",
            "",
            " ",
            [],
            {},
            object(),
        ]
    ),
)


@given(outcome_inputs)
@FUZZ
def test_any_outcome_is_graded_exactly_or_refused(outcome: object) -> None:
    try:
        grade = CRITERIA.grade(outcome)  # type: ignore[arg-type]
    except kpi.OutcomeError:
        return
    assert grade.band is not None
    if isinstance(outcome, int | Decimal) and not isinstance(outcome, bool):
        assert grade.outcome.value == Decimal(outcome)
    elif isinstance(outcome, float):
        assert grade.outcome.value == Decimal(repr(outcome))
    assert grade.explain()


csv_pieces = st.sampled_from(
    [*'编号填报项实际值完成率权重R0123,"\n\r\t%；', "R002", "完成率", "96%", ',"', '""', "\ufeff"]
)


@given(st.lists(csv_pieces, max_size=60).map("".join))
@settings(max_examples=max(EXAMPLES // 10, 50), deadline=None, suppress_health_check=list(HealthCheck))
def test_any_results_file_is_read_or_refused_with_its_place(text: str) -> None:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.csv"
        path.write_text("编号,填报项1,实际值1\n" + text, encoding="utf-8")
        try:
            results = kpi.load_results(path)
        except kpi.FileError as error:
            assert str(error).startswith(str(path))
        else:
            lines = path.read_text(encoding="utf-8").count("\n") + 1
            assert all(1 <= entry.location.line <= lines for entry in results.entries.values())
