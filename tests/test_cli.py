"""The kpi command end to end: on the seed, and on broken inputs."""

from __future__ import annotations

import csv
import io
import json
import re
import string
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

import kpi
from cases import SEED
from kpi import cli
from kpi.cli import main
from kpi.command_wording import COMMAND_EN, COMMAND_ZH, CommandWords
from kpi.io.files import _umask, write_output
from kpi.scorecard import RECORD_FIELDS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "handan-2018-results.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def score_json(capsys: pytest.CaptureFixture[str], results: Path, *extra: str) -> tuple[int, dict, str]:
    status, out, err = run(capsys, "score", SEED, results, "--format", "json", *extra)
    return status, json.loads(out), err


def rows_by_id(document: dict) -> dict[str, dict]:
    return {row["编号"]: row for row in document["逐项结果"]}


def test_score_the_seed_with_the_example_results(capsys: pytest.CaptureFixture[str]) -> None:
    status, document, err = score_json(capsys, EXAMPLE)
    assert status == 1  # some indicators could not be graded
    assert len(document["逐项结果"]) == 102
    assert document["总计"] == {
        "得分": "75.00",
        "等级": "中",
        "已评定": 94,
        "未评定": 8,
        "缺失处理": "exclude",
        "按零分计入": 0,
        "各档分值": ["100", "80", "60", "0"],
    }
    assert err == ""
    assert main(["score", str(SEED), str(EXAMPLE), "--format", "json", "--allow-ungraded"]) == 0


def test_score_prints_tables_on_a_terminal_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "score", SEED, EXAMPLE, "--allow-ungraded")
    assert status == 0
    assert "R002" in out and "汇总 (summary)" in out
    assert (
        out.rstrip().splitlines()[-1]
        == "总分 75.00 / 100，等级 中；已评定 94 项，未评定 8 项（未评定的指标不计入总分；按 0 分计入请用 --missing zero）"
    )


def test_score_leaves_a_long_table_to_its_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpi import cli, terminal

    monkeypatch.setattr(cli, "CONSOLE_ROWS", 5)  # the seed's 102 rows and 7 duties stand for a long table
    monkeypatch.setattr(terminal, "SUMMARY_ROWS", 5)
    out = tmp_path / "out.csv"
    status, shown, err = run(capsys, "score", SEED, EXAMPLE, "-o", out, "--allow-ungraded")
    assert status == 0 and err.strip().splitlines()[0] == f"已写入 102 行到 {out}"
    assert f"102 项指标，逐项结果见 {out}" in shown and "R002" not in shown
    assert "促进就业政策及管理" in shown and "全部" in shown  # duties and the total
    assert "就业创业扶持政策的制定及管理" not in shown  # activities below a duty are left out
    summary = tmp_path / "out.summary.csv"
    assert f"另有 62 项职责活动的汇总未在此列出（见 {summary}）" in " ".join(shown.split())  # the CSV's summary
    english = tmp_path / "english.csv"
    status, shown, _ = run(capsys, "score", SEED, EXAMPLE, "-o", english, "--allow-ungraded", "--lang", "en")
    said = " ".join(shown.split())
    summary = tmp_path / "english.summary.csv"
    assert f"the summaries of 62 more duties and activities are not listed here (see {summary})" in said
    assert "另有" not in said and "汇总" not in said
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 103
    short = tmp_path / "short.csv"
    with monkeypatch.context() as patch:
        patch.setattr(cli, "CONSOLE_ROWS", 200)
        run(capsys, "score", SEED, EXAMPLE, "-o", short, "--allow-ungraded")
    assert out.read_bytes() == short.read_bytes()  # rows written as they are graded are the same rows
    book = tmp_path / "out.xlsx"
    status, shown, _ = run(capsys, "score", SEED, EXAMPLE, "-o", book, "--allow-ungraded")
    assert f"另有 62 项职责活动的汇总未在此列出（见 {book} 的汇总）" in shown
    assert openpyxl.load_workbook(book).sheetnames == ["结果", "汇总", "问题"]
    status, shown, _ = run(capsys, "score", SEED, EXAMPLE, "--allow-ungraded")
    assert "102 项指标，逐项结果请用 -o 写入文件" in shown and "R002" not in shown  # never thousands of lines


def test_score_shows_everything_of_a_short_table_on_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, shown, _ = run(capsys, "score", SEED, EXAMPLE, "-o", tmp_path / "out.csv", "--allow-ungraded")
    assert status == 0
    assert "R002" in shown and "就业创业扶持政策的制定及管理" in shown and "另有" not in shown


def test_score_writes_csv_for_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    status, _, err = run(capsys, "score", SEED, EXAMPLE, "-o", out, "--format", "csv")
    assert status == 1
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\xe7\xbc\x96\xe5\x8f\xb7,")  # BOM, then 编号
    lines = data.decode("utf-8-sig").splitlines()
    assert len(lines) == 103
    assert err.strip().splitlines()[0] == f"已写入 102 行到 {out}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "out.summary.csv"]  # no temporary file left
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_score_writes_json_without_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    run(capsys, "score", SEED, EXAMPLE, "-o", out, "--format", "json")
    text = out.read_text(encoding="utf-8")
    assert "\\u" not in text and "促进就业政策及管理" in text
    document = json.loads(text)
    assert set(document) == {"表格", "结果文件", "逐项结果", "汇总", "总计", "问题", "读取提示"}


def test_score_writes_xlsx_with_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.xlsx"
    run(capsys, "score", SEED, EXAMPLE, "-o", out, "--format", "json")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["结果", "汇总", "问题"]
    assert book["结果"].max_row == 1 + 102 + 7  # the heading, the indicators, a group row for each duty
    assert "全部" in [row[0] for row in book["汇总"].iter_rows(values_only=True)]


def test_score_never_writes_over_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "results.csv"
    results.write_bytes(EXAMPLE.read_bytes())
    status, _, err = run(capsys, "score", SEED, results, "-o", results)
    assert status == 2
    assert err.strip() == f"kpi：错误：{results}: 不能覆盖输入文件"
    assert results.read_bytes() == EXAMPLE.read_bytes()


def test_template_then_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "sheet.xlsx"
    status, out, err = run(capsys, "template", SEED, "-o", sheet)
    assert (status, out) == (0, "")
    assert err.strip() == f"已写入 102 行到 {sheet}（略去 7 个标题行）"
    book = openpyxl.load_workbook(sheet)
    rows = book.active
    assert rows.max_row == 103
    assert rows["A2"].value == "R002" and rows["E2"].value == "农村劳动力转移就业新增（人）"
    rows["F2"] = "3.2万人"
    rows["H2"] = 0.035  # a percentage cell: Excel stores 3.5% as 0.035
    rows["H2"].number_format = "0.0%"
    book.save(sheet)
    status, document, _ = score_json(capsys, sheet)
    assert rows_by_id(document)["R002"]["档次"] == "优"
    assert rows_by_id(document)["R003"]["状态"] == "未填报"


def test_truncated_results_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truncated = tmp_path / "truncated.csv"
    data = EXAMPLE.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    status, document, err = score_json(capsys, truncated)
    assert status == 1
    assert err.strip() == f"提示：{truncated}: 文件在一个字符中间结束，似乎不完整"
    rows = rows_by_id(document)
    assert rows["R052"]["状态"] == "无效"
    assert rows["R052"]["原因"] == "结果行只有 2 列（应有 14 列），文件可能被截断"
    missing = [row["编号"] for row in document["逐项结果"] if row["状态"] == "未填报"]
    assert missing[:4] == ["R008", "R033", "R053", "R054"]
    assert sum(row["状态"] == "未填报" for row in document["逐项结果"]) == 55


def test_gbk_results_file_reads_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(EXAMPLE.read_text(encoding="utf-8-sig").encode("gb18030"))
    _, utf8_document, _ = score_json(capsys, EXAMPLE)
    status, document, err = score_json(capsys, gbk)
    assert status == 1
    assert err.strip() == f"提示：{gbk}: 不是 UTF-8 文本，已按 GBK/GB18030（Excel 的中文 CSV）读取"
    strip = [{k: v for k, v in row.items() if k != "结果位置"} for row in utf8_document["逐项结果"]]
    assert [{k: v for k, v in row.items() if k != "结果位置"} for row in document["逐项结果"]] == strip


@pytest.mark.parametrize(
    ("content", "chinese", "english"),
    [
        (b"", "{path}: 文件为空", "{path}: the file is empty"),
        (b"\xef\xbb\xbf", "{path}: 文件为空", "{path}: the file is empty"),
        (
            "编号,指标\r\nR002,95%\r\n".encode(),
            "{path}: 没有含“编号”和“填报项/实际值”（或“实际值”“实际完成值”“完成率”）列的表头行",
            "{path}: no heading row with 编号 and 填报项/实际值 (or 实际值, 实际完成值, 完成率) columns",
        ),
        (
            b"\x00\x00\x00",
            "{path}: 含有 NUL 字节，不是 CSV 文本文件",
            "{path}: contains NUL bytes; it is not a CSV text file",
        ),
    ],
)
def test_unreadable_results_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, chinese: str, english: str
) -> None:
    path = tmp_path / "results.csv"
    path.write_bytes(content)
    status, out, err = run(capsys, "score", SEED, path)
    assert (status, out) == (2, "")
    assert err.strip() == "kpi：错误：" + chinese.format(path=path)
    status, out, err = run(capsys, "score", SEED, path, "--lang", "en")
    assert (status, out) == (2, "")
    assert err.strip() == "kpi: error: " + english.format(path=path)


def test_duplicate_ids_and_non_numeric_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "results.csv"
    path.write_text(
        "编号,填报项1,实际值1,填报项2,实际值2\r\n"
        "R003,完成率,96%,,\r\n"
        "R003,完成率,80%,,\r\n"
        "R005,任务完成率,九十六,,\r\n"
        "R007,基层工作人员岗位培训合格率,N/A,,\r\n"
        "R021,设备完好率,#DIV/0!,,\r\n"
        "R024,顾客满意率,,,\r\n"
        "R999,完成率,96%,,\r\n",
        encoding="utf-8",
    )
    status, document, err = score_json(capsys, path)
    assert status == 1
    rows = rows_by_id(document)
    assert rows["R003"]["原因"] == "结果文件中编号 R003 出现多次（第2、3行），无法确定采用哪一行"
    assert rows["R005"]["档次"] == "良"  # 九十六 is a number, 96
    assert rows["R007"]["原因"] == "实际值“N/A”不是数字（可带单位）（“N/A”处应为数字，第1列）"
    assert rows["R021"]["原因"] == "实际值“#DIV/0!”不是数字（可带单位）（“#”处应为数字，第1列）"
    assert (rows["R024"]["状态"], rows["R024"]["原因"]) == ("未填报", "未填写实际值")
    assert err.strip().splitlines() == [
        f"{path}:8: 编号 R999 的结果在表格中没有对应的行",
        f"{path}:3: 编号 R003 出现 2 次（第一次在 {path}:2）",
    ]


def test_lint_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "lint", SEED, "--severity", "warning")
    assert status == 0
    lines = out.splitlines()
    suspicious = [line for line in lines if ": 疑似笔误: " in line]
    assert len(suspicious) == 13
    assert suspicious[0] == (
        f"{SEED}:674: 警告: 疑似笔误: 最差档“61%以下”侵入了更好的档次：[60%, 61%] 已由更好的档次评定，"
        "该档实际只适用于 (-∞, 60%)，疑为笔误"
    )
    assert lines[-2] == "102 项指标：错误 0 条，警告 129 条，提示 0 条；186 条低于所选级别未列出"
    assert lines[-1].startswith("提示：95 条缺口不含任何整数（如 (94%, 95%)）")
    assert main(["lint", str(SEED), "--fail-on", "warning"]) == 1


def test_lint_groups_findings_said_alike_of_many_rows(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "lint", SEED)
    lines = out.splitlines()
    assert status == 0 and len(lines) < 60  # 316 findings, most of them the same few, on 102 rows
    assert lines[0] == (
        f"{SEED}:204: 警告: 缺口: 没有任何档次覆盖 (69%, 70%)：这样的结果按较低一档评为差"
        "（共 12 行，另见第 214, 224, 344, 654, 824, 834, 844 等 行）"
    )
    assert "另有 185 条相邻两档共用端点的提示未列出（--all 可显示）" in lines[-2]
    status, everything, _ = run(capsys, "lint", SEED, "--all", "--statistics", "--lang", "en")
    assert "102 indicators: 0 errors, 129 warnings, 186 notes" in everything
    assert "   100  gap" in everything.splitlines()
    status, quiet, _ = run(capsys, "lint", SEED, "-q")
    assert quiet.splitlines()[0].startswith("102 项指标：错误 0 条")


def test_lint_whole_percent_removes_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "lint", SEED, "--severity", "warning", "--precision", "1", "--format", "json")
    findings = json.loads(out)
    assert status == 0
    # Whole percents close the one-point gaps (94%, 95%); what is left is real.
    assert [(f["位置"].rsplit(":", 1)[1], f["说明"]) for f in findings if f["类别"] == "缺口"] == [
        ("524", "没有任何档次覆盖 (60%, 75%)：这样的结果按较低一档评为差"),
        ("534", "没有任何档次覆盖 (60%, 75%)：这样的结果按较低一档评为差"),
        ("544", "没有任何档次覆盖 (60%, 75%)：这样的结果按较低一档评为差"),
        ("604", "没有任何档次覆盖 10%：这样的结果按较低一档评为差"),
        ("1014", "没有任何档次覆盖 (22%, +∞)：这样的结果无法定档"),
    ]


def test_lint_reports_unreadable_rows_as_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "职责活动,年度预算数,内容描述,绩效目标,绩效指标,评价标准,,,\r\n就业,,,,制卷达标率≥97%,两项指标均完成,其余,其余,其余\r\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "lint", table)
    assert status == 1
    assert out.splitlines()[0] == (
        f"{table}:2: 错误: 无法读取: {table}:2: “两项指标均完成” speaks of 2 targets, "
        "but the indicator states 1: 制卷达标率≥97%"
    )


def test_parse_a_tier_set(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "95% | 85%－94% | 70%-84% | 69%以下", "--format", "json")
    document = json.loads(out)
    assert status == 0
    assert [tier["canonical"] for tier in document["tiers"]] == ["95%", "85%-94%", "70%-84%", "≤69%"]
    assert document["scale"] == "higher"
    status, out, _ = run(capsys, "parse", "95% | 85%－94% | 70%-84% | 69%以下")
    assert "方向：越高越好；指标：—" in out and "警告: 缺口: 没有任何档次覆盖 (69%, 70%)" in out
    status, out, _ = run(capsys, "parse", "95% | 85%－94% | 70%-84% | 69%以下", "--lang", "en")
    assert "scale: higher is better; metrics: —" in out and "warning: gap: no tier covers (69%, 70%)" in out


def test_parse_one_tier_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "parse", "设备完好率＜90%且≥80%") == (
        0,
        "设备完好率＜90%且≥80% → 设备完好率≥80%且<90%\n指标：设备完好率\n",
        "",
    )


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["parse", "85%--94%"], "85%--94% → 85%-94%（笔误已更正：85%--94% → 85%-94%）\n"),
        (["parse", "60分一下", "--lang", "en"], "60分一下 → ≤60分 (typo corrected: 60分一下 → 60分以下)\n"),
        (
            ["parse", "考评分40分以下的或直接判级确定"],
            "考评分40分以下的或直接判级确定 → 考评分≤40分（档次中条件以外、无法由数值判断的内容未予考虑：直接判级确定）"
            "\n指标：考评分\n",
        ),
    ],
)
def test_parse_shows_what_the_reading_corrected_or_set_aside(
    capsys: pytest.CaptureFixture[str], args: list[str], shown: str
) -> None:
    # The canonical text alone hides them: 85%--94% → 85%-94% looked like a plain reading.
    assert run(capsys, *args) == (0, shown, "")
    document = json.loads(run(capsys, *args[:2], "--format", "json")[1])
    assert bool(document["corrections"]) is ("笔误" in shown or "typo" in shown)


def test_parse_error_shows_the_caret(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "parse", "90%-")
    assert (status, out) == (2, "")
    assert err == "kpi：错误：无法读取评价标准：文本在此处结束，应为数字 (第5列)\n    90%-\n        ^\n"


@pytest.mark.parametrize("command", ["template", "score", "lint", "parse"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    assert f"用法：kpi {command}" in capsys.readouterr().out


def test_version_is_the_installed_one(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out == f"kpi {version('kpi')}\n"
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "--version" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "chinese", "english"),
    [
        (
            ["score", str(SEED), str(EXAMPLE), "--points", "100"],
            "kpi score：错误：参数 --points：请给出 2 至 10 个不超过 1000 的数，最好的档次在前，如 100,80,60,0；而不是 '100'",
            "kpi score: error: argument --points: give 2 to 10 numbers up to 1000, best band first",
        ),
        (
            ["score", str(SEED), str(EXAMPLE), "--points", "100,80,60,1e9"],
            "请给出 2 至 10 个不超过 1000 的数",
            "give 2 to 10 numbers up to 1000",
        ),
        (
            ["score", str(SEED), str(EXAMPLE), "--points", "100,优"],
            "参数 --points：不是一组数字：'100,优'",
            "not a list of numbers: '100,优'",
        ),
        (
            ["lint", str(SEED), "--precision", "abc"],
            "参数 --precision：不是数字：'abc'",
            "argument --precision: not a number: 'abc'",
        ),
        (
            ["lint", str(SEED), "--precision", "-1"],
            "请给出正数，如 1 或 0.1；而不是 '-1'",
            "give a positive number such as 1 or 0.1; not '-1'",
        ),
        (
            ["lint", str(SEED), "--severity", "fatal"],
            "参数 --severity：无效的选项 'fatal'（可选：'info', 'warning', 'error'）",
            "argument --severity: invalid choice: 'fatal'",
        ),
        (
            ["score", str(SEED), "--shares", "1,2"],
            "请给出达成、部分达成、未达成三档的份额",
            "give three shares for 达成",
        ),
        (
            ["lint"],
            "kpi lint：错误：缺少必需的参数：table",
            "kpi lint: error: the following arguments are required: table",
        ),
        (["lint", str(SEED), "--bogus"], "kpi：错误：无法识别的参数：--bogus", "unrecognized arguments: --bogus"),
        (["grade"], "kpi：错误：参数 COMMAND：无效的选项 'grade'", "argument COMMAND: invalid choice: 'grade'"),
    ],
)
def test_error_usage_exits_2_with_a_message_in_chinese_or_english(
    arguments: list[str], chinese: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv, message, usage in ((arguments, chinese, "用法："), ([*arguments, "--lang", "en"], english, "usage: ")):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
        error = capsys.readouterr().err
        assert message in error and error.startswith(usage) and "Traceback" not in error


def test_help_is_chinese_unless_english_is_asked_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def helped(*argv: str) -> str:
        with pytest.raises(SystemExit) as caught:
            main(list(argv))
        assert caught.value.code == 0
        return capsys.readouterr().out

    chinese = helped("score", "--help")
    assert "用法：kpi score" in chinese and "位置参数" in chinese and "显示本帮助并退出" in chinese
    assert "用 RESULTS 中的数值评定 TABLE" in chinese and "结果缺少或无法读取的行" in chinese
    english = helped("score", "--help", "--lang", "en")
    assert "usage: kpi score" in english and "Grade every indicator of TABLE" in english
    assert not re.search(r"[\u4e00-\u9fff]{6}", english.replace("未填报 or 无效", ""))  # no Chinese sentence
    assert "usage: kpi" in helped("--lang=en", "--help")
    monkeypatch.setenv("KPI_LANG", "en")
    assert "usage: kpi lint" in helped("lint", "--help")
    assert "用法：kpi lint" in helped("lint", "--help", "--lang", "zh")


def test_scoring_a_table_without_figures_needs_a_results_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(SEED)]) == 2
    error = capsys.readouterr().err
    assert "表中没有实际完成值；请同时给出结果文件" in error
    assert main(["score", str(SEED), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert "the table holds no 实际完成值; give the results file too" in " ".join(error.split())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("out.csv", b"\xef\xbb\xbf\xe7\xbc\x96\xe5\x8f\xb7,b\r\nR1,\r\n,1.50\r\n"),
        (
            "out.json",
            '[\n  {"编号": "R1", "b": null},\n  {"编号": null, "b": 1.5}\n]\n'.encode(),
        ),
    ],
)
def test_output_files_write_missing_cells_empty(tmp_path: Path, name: str, expected: bytes) -> None:
    write_output(tmp_path / name, ["编号", "b"], iter([["R1", None], [None, Decimal("1.50")]]))
    assert (tmp_path / name).read_bytes() == expected


def test_file_locations_print_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # rich would print “t.csv:100:” as “t.csv💯” and “:1234:” as “🔢”.
    table = tmp_path / "t.csv"
    rows = ["职责活动,绩效指标,优,良,中,差"] + ["就业,任务完成率100%,95%,85%-94%,70%-84%,69%以下"] * 149
    rows[99] = "就业,任务完成率100%,95%,85%-94%,70%-84%,59%以下"  # line 100: a finding of its own
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    main(["lint", str(table)])
    out = capsys.readouterr().out
    assert f"{table}:100:" in out and "💯" not in out


def test_a_total_on_fewer_than_half_the_rows_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "few.csv"
    lines = EXAMPLE.read_text(encoding="utf-8-sig").splitlines()
    results.write_text("\n".join(lines[:7]) + "\n", encoding="utf-8")  # 6 of 102 rows: 5 figures, 1 empty
    assert main(["score", str(SEED), str(results), "--allow-ungraded"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "未评定的指标不计入总分；按 0 分计入请用 --missing zero" in out
    assert "注意：总分只依据 5 / 102 项指标，不足一半" in out
    assert main(["score", str(SEED), str(results), "--allow-ungraded", "--missing", "zero"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "其中未填报或无效的 97 项按 0 分计入总分" in out


def test_output_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(SEED), str(EXAMPLE), "-o", "-", "--allow-ungraded"]) == 0
    captured = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(captured.out)))
    assert rows[0] == list(RECORD_FIELDS) and len(rows) == 103  # the data alone: no table, no message
    assert "已写入 102 行到 标准输出" in captured.err
    assert main(["score", str(SEED), str(EXAMPLE), "-o", "-", "--format", "json", "--allow-ungraded"]) == 0
    assert len(json.loads(capsys.readouterr().out)["逐项结果"]) == 102
    assert main(["template", str(SEED), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("编号,职责活动,绩效指标,评价标准,填报项1,实际值1")
    assert "已写入 102 行到 标准输出（略去 7 个标题行）" in captured.err


def test_the_summary_goes_beside_a_csv_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(SEED), str(EXAMPLE), "-o", str(tmp_path / "out.csv"), "--allow-ungraded"]) == 0
    with (tmp_path / "out.summary.csv").open(encoding="utf-8-sig", newline="") as stream:
        summary = list(csv.reader(stream))
    assert summary[0] == ["职责活动", "优", "良", "中", "差", "未评定", "得分", "等级"]
    expected = kpi.score(SEED, EXAMPLE).summary_records()
    assert summary[1:] == [[str(value) for value in record.values()] for record in expected]
    assert summary[-1][0] == "全部" and summary[-1][-2:] == ["75", "中"]
    book = tmp_path / "summary.xlsx"
    assert main(["score", str(SEED), str(EXAMPLE), "--summary", str(book), "--allow-ungraded"]) == 0
    assert openpyxl.load_workbook(book).active.max_row == len(summary)
    assert f"已将 {len(summary) - 1} 组的汇总写入 {book}" in " ".join(capsys.readouterr().err.split())


def test_the_xlsx_output_is_ready_for_a_report(tmp_path: Path) -> None:
    book_path = tmp_path / "out.xlsx"
    assert main(["score", str(SEED), str(EXAMPLE), "-o", str(book_path), "--allow-ungraded"]) == 0
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["结果", "汇总", "问题"]
    sheet = book["结果"]
    header = [cell.value for cell in sheet[1]]
    assert header == list(RECORD_FIELDS) and sheet.max_row == 1 + 102 + 7
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:R{sheet.max_row}"
    column = {name: index for index, name in enumerate(header)}
    # Each duty heads its rows as in the table: a bold group row, the rows under it folded one level.
    groups = [row for row in sheet.iter_rows(min_row=2) if row[0].value is None]
    assert [row[column["职责活动"]].value for row in groups][:2] == ["促进就业政策及管理", "社会保险政策及管理"]
    first = groups[0][0].row
    assert groups[0][column["职责活动"]].font.b and sheet.row_dimensions[first].outlineLevel == 0
    assert sheet[first + 1][column["职责活动"]].value.startswith("促进就业政策及管理 › ")
    assert sheet.row_dimensions[first + 1].outlineLevel == 1
    assert sheet.sheet_properties.outlinePr.summaryBelow is False
    assert sum(1 for row in sheet.iter_rows(min_row=2) if row[0].value) == 102  # every indicator, once
    r003 = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "R003")
    assert (r003[column["完成率"]].value, r003[column["完成率"]].number_format) == (1.004, "0.00%")
    assert r003[column["得分"]].data_type == "n" and r003[column["权重"]].value == 1
    assert r003[column["档次"]].fill.fgColor.rgb.endswith("C6EFCE")  # 优, green
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width
    summary = book["汇总"]
    (chart,) = summary._charts
    assert chart.title is not None and len(chart.series) == 4  # 优 良 中 差, per duty
    names = [row[0] for row in summary.iter_rows(values_only=True)]
    assert names.index("各职责档次分布") > names.index("全部")


def test_english_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.csv"
    assert main(["score", str(SEED), str(EXAMPLE), "-o", str(out), "--lang", "en", "--allow-ungraded"]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert "score 75.00 / 100, band 中; 94 graded, 8 not" in printed
    with out.open(encoding="utf-8-sig", newline="") as stream:
        rows = {row["id"]: row for row in csv.DictReader(stream)}
    assert rows["R003"]["explanation"] == "100.4% ≥ 95% (5.4 percentage points above) → 优 (excellent)"
    assert rows["R008"]["status"] == "missing"
    assert main(["score", str(SEED), str(EXAMPLE), "--format", "json", "--lang", "en", "--allow-ungraded"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"table", "results", "rows", "summary", "total", "problems", "notices"}
    assert document["total"]["score"] == "75.00" and document["summary"][-1]["activity"] == "all"
    book_path = tmp_path / "out.xlsx"
    assert main(["score", str(SEED), str(EXAMPLE), "-o", str(book_path), "--lang", "en", "--allow-ungraded"]) == 0
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["results", "summary", "problems"]
    assert book["results"].max_row == 1 + 102 + 7 and book["summary"]._charts[0].series
    header = [cell.value for cell in book["results"][1]]
    r003 = next(row for row in book["results"].iter_rows(min_row=2) if row[0].value == "R003")
    assert r003[header.index("completion")].number_format == "0.00%"
    assert r003[header.index("band")].fill.fgColor.rgb.endswith("C6EFCE")


def test_progress_shows_on_a_terminal_while_reading_grading_and_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from kpi import terminal

    screen = io.StringIO()
    made: list[Console] = []

    def on_a_terminal(stderr: bool = False) -> Console:
        # What kpi prints on a terminal, recorded: the progress bars are drawn only there.
        made.append(Console(file=screen, force_terminal=True, width=100, emoji=False, highlight=False))
        return made[-1]

    monkeypatch.setattr(terminal, "console", on_a_terminal)
    monkeypatch.setattr(cli, "console", on_a_terminal)
    monkeypatch.setattr(terminal, "PROGRESS_THRESHOLD", 5)  # the seed's 102 rows stand for a long table
    assert main(["score", str(SEED), str(EXAMPLE), "-o", str(tmp_path / "out.xlsx"), "--allow-ungraded"]) == 0
    shown = screen.getvalue()
    for step in (f"读取 {SEED}", f"读取 {EXAMPLE}", "评定", "写出"):
        assert step in shown, step
    assert (tmp_path / "out.xlsx").exists()


def test_no_progress_when_the_output_is_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "score", SEED, EXAMPLE, "-o", tmp_path / "out.csv", "--allow-ungraded")
    assert status == 0 and "读取" not in err and "\x1b" not in err


def _generated(folder: Path, size: int) -> tuple[Path, Path]:
    """A table of *size* indicators made of the seed's rows under new ids and duties,
    and its results: the example's figures, each row's own."""
    seed = kpi.load_table(SEED)
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader)
        figures = {row[0]: row[1:] for row in reader}
    table, results = folder / "table.csv", folder / "results.csv"
    with table.open("w", encoding="utf-8", newline="") as t, results.open("w", encoding="utf-8", newline="") as r:
        tables, result = csv.writer(t), csv.writer(r)
        tables.writerow(
            [
                "编号",
                "部门职责",
                "工作活动",
                "年度预算数",
                "内容描述",
                "绩效目标",
                "绩效指标",
                "评价标准",
                "",
                "",
                "",
                "科室",
            ]
        )
        result.writerow(header)
        for number in range(size):
            row = seed.indicators[number % len(seed.indicators)]
            new = f"G{number:04d}"
            cells = [row.budget or "", row.description, row.goal, row.indicator.text, *row.tiers]
            tables.writerow([new, f"职责{number // 40:02d}", row.activity[-1], *cells, "就业科"])
            result.writerow([new, *figures[row.id]])
    return table, results


def test_a_generated_table_scores_alike_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table, results = _generated(tmp_path, 250)
    base = ["score", str(table), str(results), "--allow-ungraded"]
    assert main([*base, "-o", str(tmp_path / "out.csv")]) == 0
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as stream:
        by_csv = {row["编号"]: (row["档次"], row["得分"]) for row in csv.DictReader(stream)}
    assert len(by_csv) == 250 and (tmp_path / "out.summary.csv").exists()
    assert main([*base, "-o", str(tmp_path / "out.json")]) == 0
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    by_json = {
        row["编号"]: (row["档次"] or "", "" if row["得分"] is None else format(Decimal(str(row["得分"])), "f"))
        for row in document["逐项结果"]
    }
    assert by_json == by_csv
    # What the table's reader noticed is in the document too, not only on the terminal.
    assert document["读取提示"] == [f"{table}: kpi 不读取的列，随各行原样保留：科室"]
    assert main([*base, "-o", str(tmp_path / "out.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["结果"]
    header = [cell.value for cell in sheet[1]]
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] is not None]
    by_xlsx = {row[0]: (row[header.index("档次")] or "", row[header.index("得分")]) for row in rows}
    assert set(by_xlsx) == set(by_csv) and all(
        points is None or isinstance(points, int | float) for _, points in by_xlsx.values()
    )
    assert {key: band for key, (band, _) in by_xlsx.items()} == {key: band for key, (band, _) in by_csv.items()}
    groups = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] is None]
    assert [row[header.index("职责活动")] for row in groups] == [f"职责{number:02d}" for number in range(7)]
    capsys.readouterr()
    assert main([*base, "-o", "-"]) == 0
    streamed = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {row["编号"]: (row["档次"], row["得分"]) for row in streamed} == by_csv
    assert main(base) == 0  # the terminal: 250 rows are too many to list; the summary and the total
    shown = capsys.readouterr().out
    assert "G0249" not in shown and "职责06" in shown and "总分" in shown


# -- the command's own sentences (kpi.command_wording), in both languages ------------
@pytest.mark.parametrize("field", [field.name for field in attrs.fields(CommandWords)])
def test_both_languages_of_a_command_sentence_take_the_same_values(field: str) -> None:
    def names(template: object) -> set[str]:
        texts = template if isinstance(template, tuple) else (template,)
        return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    zh, en = getattr(COMMAND_ZH, field), getattr(COMMAND_EN, field)
    assert zh and en and names(zh) == names(en)


_SAID: dict[str, dict[str, str]] = {
    "template": {
        "zh": "已写入 1 行到 {out}（略去 0 个标题行）\n{table}:2：评价标准无法读取；该行改为填报完成率\n",
        "en": "wrote 1 rows to {out} (0 headings left out)\n{table}:2: tiers cannot be read; the row asks for a completion rate\n",
    },
    "template to stdout": {
        "zh": "已写入 1 行到 标准输出（略去 0 个标题行）",
        "en": "wrote 1 rows to standard output (0 headings left out)",
    },
    "written": {
        "zh": "已写入 102 行到 {out}\n已将 68 组的汇总写入 {summary}\n",
        "en": "wrote 102 rows to {out}\nwrote the summary of 68 groups to {summary}\n",
    },
    "more problems": {
        "zh": "……另有 5 个问题（全部问题：--format json）",
        "en": "… and 5 more problems (all of them: --format json)",
    },
    "excluded": {
        "zh": "未评定 97 项（未评定的指标不计入总分；按 0 分计入请用 --missing zero） 注意：总分只依据 5 / 102 项指标，不足一半",
        "en": "5 graded, 97 not (left out of the score; --missing zero counts them as 0 points) note: the score rests on 5 of 102 indicators, fewer than half",
    },
    "zeroed": {
        "zh": "总分 3.65 / 100，等级 差；已评定 5 项，未评定 97 项（其中未填报或无效的 97 项按 0 分计入总分，其余不计入）",
        "en": "score 3.65 / 100, band 差; 5 graded, 97 not (97 missing or unreadable figures count as 0 points)",
    },
    "long, written": {"zh": "250 项指标，逐项结果见 {out}", "en": "250 indicators, each in {out}"},
    "long, not written": {"zh": "250 项指标，逐项结果请用 -o 写入文件", "en": "250 indicators, write each with -o"},
    "lint": {
        "zh": "（共 149 行，另见第 3, 4, 5, 6, 7, 8, 9 等 行） 149 项指标：错误 0 条，警告 447 条，提示 0 条 提示：447 条缺口不含任何整数（如 (94%, 95%)）；若结果按整数填报，用 --precision 1 可免去这些提示",
        "en": "(149 rows; also lines 3, 4, 5, 6, 7, 8, 9, …) 149 indicators: 0 errors, 447 warnings, 0 notes hint: 447 gaps hold no whole number, such as (94%, 95%); if outcomes are whole numbers, --precision 1 drops them",
    },
    "lint, left out": {
        "zh": "提示 1 条；另有 185 条相邻两档共用端点的提示未列出（--all 可显示）",
        "en": "1 notes; 185 notes on bounds neighbouring tiers share not shown (--all shows them)",
    },
    "lint, below": {
        "zh": "提示 0 条；186 条低于所选级别未列出",
        "en": "0 notes; 186 below the severity asked not shown",
    },
    "parse": {"zh": "┃ 档次 ┃ 原文 ┃ 规范写法 ┃", "en": "┃ label ┃ text ┃ canonical ┃"},
    "parse, qualitative": {"zh": "95% → 95% 指标目标：—（定性）", "en": "95% → 95% indicator targets: — (qualitative)"},
    "parse, metrics": {"zh": "方向：越高越好；指标：— ", "en": "scale: higher is better; metrics: — "},
    "parse, unread": {
        "zh": "指标目标：新增就业≥30000人 未能读成目标值的数字：完成率≥≥95%（完成率须另行评估）",
        "en": "indicator targets: 新增就业≥30000人 figures read as no target: 完成率≥≥95% (assess the completion rate",
    },
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", sorted(_SAID))
def test_the_command_says_its_own_sentences_in_either_language(
    case: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unreadable = tmp_path / "t.csv"
    unreadable.write_text(
        "职责活动,年度预算数,内容描述,绩效目标,绩效指标,评价标准,,,\r\n就业,,,,制卷达标率≥97%,两项指标均完成,其余,其余,其余\r\n",
        encoding="utf-8",
    )
    lines = EXAMPLE.read_text(encoding="utf-8-sig").splitlines()
    few, unknown, alike = tmp_path / "few.csv", tmp_path / "unknown.csv", tmp_path / "alike.csv"
    few.write_text("\n".join(lines[:7]) + "\n", encoding="utf-8")
    unknown.write_text(
        "\n".join(lines + [f"X{n:03d},就业,x,x,x,1,,,,,,,," for n in range(25)]) + "\n", encoding="utf-8"
    )
    alike.write_text(
        "\n".join(["职责活动,绩效指标,优,良,中,差", *["就业,任务完成率100%,95%,85%-94%,70%-84%,69%以下"] * 149]) + "\n",
        encoding="utf-8",
    )
    out, summary = tmp_path / "out.csv", tmp_path / "out.summary.csv"
    long = _generated(tmp_path, 250) if case.startswith("long") else (SEED, EXAMPLE)
    argv: dict[str, list[object]] = {
        "template": ["template", unreadable, "-o", out],
        "template to stdout": ["template", unreadable, "-o", "-"],
        "written": ["score", SEED, EXAMPLE, "-o", out, "--allow-ungraded"],
        "more problems": ["score", SEED, unknown],
        "excluded": ["score", SEED, few, "--allow-ungraded"],
        "zeroed": ["score", SEED, few, "--allow-ungraded", "--missing", "zero"],
        "long, written": ["score", *long, "-o", out, "--allow-ungraded"],
        "long, not written": ["score", *long, "--allow-ungraded"],
        "lint": ["lint", alike],
        "lint, left out": ["lint", SEED],
        "lint, below": ["lint", SEED, "--severity", "warning", "--precision", "1"],
        "parse": ["parse", "95% | 85%－94% | 70%-84% | 69%以下"],
        "parse, qualitative": ["parse", "95%", "--indicator", "有所提升"],
        "parse, metrics": ["parse", "95% | 85%－94% | 70%-84% | 69%以下"],
        "parse, unread": ["parse", "95%", "--indicator", "完成率≥≥95%，新增就业3万人"],
    }
    _, shown, err = run(capsys, *argv[case], "--lang", lang)
    expected = _SAID[case][lang].format(out=out, summary=summary, table=unreadable)
    if case in ("template", "written"):
        assert err == expected
    else:
        assert expected in " ".join((shown + err).split()) + " "
