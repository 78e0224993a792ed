"""The ``kpi`` command line: its options, help and usage errors, in Chinese or English.

argparse writes its help and errors in English and has no Chinese catalogue;
an evaluator reads the help in Chinese, so its headings and the errors it
knows are said in Chinese here, and the language is known before the line
is parsed (``--lang`` anywhere on it, or ``KPI_LANG``).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Final, NoReturn

from kpi.errors import KpiError
from kpi.grading.bands import MAX_BANDS, MIN_BANDS
from kpi.national import Shares
from kpi.wording import Language

__all__ = ["FORMATS", "lang_of", "parser"]

FORMATS: Final = ("table", "json", "csv")


class _Types:
    """The converters of option values, whose refusals are said in the reader's language."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang

    def _refuse(self, zh: str, en: str) -> argparse.ArgumentTypeError:
        return argparse.ArgumentTypeError(en if self.lang == "en" else zh)

    def points(self, text: str) -> tuple[Decimal, ...]:
        """``--points``: the points of each band, best first, for tier sets of that many bands."""
        try:
            values = tuple(Decimal(part.strip()) for part in text.replace("，", ",").split(","))
        except ArithmeticError:
            raise self._refuse(f"不是一组数字：{text!r}", f"not a list of numbers: {text!r}") from None
        if not MIN_BANDS <= len(values) <= MAX_BANDS or not all(
            value.is_finite() and abs(value) <= 1000 for value in values
        ):
            raise self._refuse(
                f"请给出 {MIN_BANDS} 至 {MAX_BANDS} 个不超过 1000 的数，最好的档次在前，"
                f"如 100,80,60,0；而不是 {text!r}",
                f"give {MIN_BANDS} to {MAX_BANDS} numbers up to 1000, best band first, such as 100,80,60,0;"
                f" not {text!r}",
            )
        return values

    def shares(self, text: str) -> Shares:
        """``--shares``: the national form's shares of 分值."""
        try:
            return Shares.parse(text)
        except KpiError as error:
            raise argparse.ArgumentTypeError(error.says(self.lang)) from None

    def precision(self, text: str) -> Decimal:
        """``--precision``: a positive number."""
        try:
            value = Decimal(text.strip())
        except ArithmeticError:
            raise self._refuse(f"不是数字：{text!r}", f"not a number: {text!r}") from None
        if not value.is_finite() or value <= 0:
            raise self._refuse(
                f"请给出正数，如 1 或 0.1；而不是 {text!r}", f"give a positive number such as 1 or 0.1; not {text!r}"
            )
        return value


#: argparse's own words (it has no Chinese catalogue), and how its errors begin, in Chinese.
_ARGPARSE_ZH: Final = {
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
}
_ARGPARSE_ERRORS_ZH: Final = (
    (re.compile(r"the following arguments are required: (.*)"), r"缺少必需的参数：\1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"无法识别的参数：\1"),
    (re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"), r"参数 \1：无效的选项 \2（可选：\3）"),
    (re.compile(r"argument (\S+): expected one argument"), r"参数 \1：需要一个值"),
    (re.compile(r"argument (\S+): (.*)"), r"参数 \1：\2"),
    (re.compile(r"invalid choice: (.*?) \(choose from (.*)\)"), r"无效的命令 \1（可选：\2）"),
)


def _chinese_argparse_error(message: str) -> str:
    """An argparse error in Chinese, where its form is known; otherwise as argparse words it."""
    for pattern, replacement in _ARGPARSE_ERRORS_ZH:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


class _ChineseHelp(argparse.HelpFormatter):
    """Help whose headings argparse writes in English (usage, options), in Chinese."""

    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_ARGPARSE_ZH.get(heading or "", heading))


class _Parser(argparse.ArgumentParser):
    """argparse's parser, its usage errors said in the reader's language (exit 2, as argparse does)."""

    def __init__(self, *args: Any, lang: Language = "zh", **kwargs: Any) -> None:
        zh = lang == "zh"
        kwargs.setdefault("formatter_class", _ChineseHelp if zh else argparse.HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.lang: Language = lang
        self.add_argument(
            "-h", "--help", action="help", help="显示本帮助并退出" if zh else "show this help message and exit"
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        if self.lang == "en":
            self.exit(2, f"{self.prog}: error: {message}\n")
        self.exit(2, f"{self.prog}：错误：{_chinese_argparse_error(message)}\n")


def lang_of(argv: Sequence[str]) -> Language:
    """The reader's language, known before the command line is parsed (its help and
    usage errors are said in it): ``--lang en`` anywhere on the line, else the
    ``KPI_LANG`` environment variable, else Chinese."""
    given = os.environ.get("KPI_LANG", "zh")
    for index, argument in enumerate(argv):
        if argument == "--lang" and index + 1 < len(argv):
            given = argv[index + 1]
        elif argument.startswith("--lang="):
            given = argument.removeprefix("--lang=")
    return "en" if given.strip().lower().startswith("en") else "zh"


#: Each command's description, Chinese and English.
_DESCRIPTIONS: Final = {
    "kpi": (
        "读取、检查并评定预算绩效目标表的评价标准。",
        "Read, check and grade the tier texts (评价标准) of budget performance tables.",
    ),
    "template": (
        "为一张表写出年终结果填报表：每个绩效指标一行，含编号、职责活动、绩效指标和评价标准，"
        "填报项（档次需要的指标或目标，带单位；或按完成率评定时的“完成率”）和空的实际值列。"
        "填好实际值后运行 kpi score。",
        "Write the fill-in sheet for a table: one row per indicator with its id, activity, indicator text and"
        " tiers, what to fill (填报项: the metrics or targets the tiers need, with units, or 完成率 for an assessed"
        " completion rate) and empty 实际值 columns.  Fill the 实际值 cells, then run kpi score.",
    ),
    "score": (
        "用 RESULTS 中的数值评定 TABLE 的每个绩效指标：档次、决定档次的评价标准、评定依据、说明和得分；"
        "再按职责活动和全表汇总，给出百分制总分和国家等级 优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)。"
        "表中每个绩效指标恰好输出一行；缺少或无法读取的结果标为未填报或无效，并说明原因。"
        "有指标无法评定时退出码为 1，除非给出 --allow-ungraded。",
        "Grade every indicator of TABLE with the figures in RESULTS: band, the tier text that decided it,"
        " explanation, notes and points; then a summary per activity and for the whole document, with a score out"
        " of 100 and the overall band on the national scale 优(90-100分)、良(80-89分)、中(60-79分)、差(0-59分)."
        "  Every indicator of the table gets exactly one output row; a missing or unreadable result is marked"
        " 未填报 or 无效 with the reason.  Exits 1 when any indicator could not be graded, unless --allow-ungraded.",
    ),
    "lint": (
        "逐行检查 TABLE 的评价标准并给出文件:行号：缺口、重叠、达不到或不可能满足的档次、方向问题、"
        "可疑的档次（最差一档伸进较好的档次）、各档写法不同的指标名称，"
        "以及评价标准无法读取或与绩效指标不符的行。"
        "在终端上，多行相同的问题合为一行并列出各行；相邻档次共用、按原文已确定归属的端点不列出，除非给出 --all。"
        "有错误时退出码为 1。",
        "Print the findings of every row of TABLE with its file:line: gaps, overlaps, unreachable and"
        " unsatisfiable tiers, direction problems, suspicious tiers (a worst tier reaching into better ones), metric"
        " names the tiers write differently, and rows whose tiers cannot be read or do not fit their indicator."
        "  On a terminal one finding said of many rows alike is one line, with the rows listed; a bound two"
        " neighbouring tiers share, settled as the text says, is left out unless --all.  Exits 1 when there are"
        " errors.",
    ),
    "parse": (
        "显示 kpi 如何读取 TEXT：一条评价标准（其规范写法和指标），或用 | 分隔的一组评价标准"
        "（各档、评分方向和检查结果）。--indicator 给出这些档次所属的绩效指标。",
        "Show how kpi reads TEXT: one tier text (its canonical form and metrics), or a tier set separated by |"
        " (each tier, the direction of the scale, and the lint findings).  --indicator gives the indicator the"
        " tiers belong to.",
    ),
}


def parser(lang: Language = "zh") -> argparse.ArgumentParser:
    def say(zh: str, en: str) -> str:
        return en if lang == "en" else zh

    def described(command: str) -> str:
        return say(*_DESCRIPTIONS[command])

    def with_lang(made: argparse.ArgumentParser) -> argparse.ArgumentParser:
        made.add_argument(
            "--lang",
            choices=("zh", "en"),
            default=lang,
            help=say(
                "帮助、提示和输出所用的语言（默认：zh；也可设环境变量 KPI_LANG）",
                "the language of help, messages and output (default: zh; or set KPI_LANG)",
            ),
        )
        return made

    types = _Types(lang)
    parser = with_lang(_Parser(prog="kpi", description=described("kpi"), lang=lang))
    parser.add_argument(
        "--version", action=_ShowVersion, help=say("显示 kpi 的版本并退出", "show kpi's version and exit")
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser, title=say("命令", "commands")
    )

    def with_format(made: argparse.ArgumentParser, choices: Sequence[str]) -> None:
        made.add_argument(
            "--format",
            choices=choices,
            default="table",
            help=say("打印的格式（默认：table）", "what to print (default: table)"),
        )

    def command(name: str, zh: str, en: str) -> argparse.ArgumentParser:
        return with_lang(commands.add_parser(name, help=say(zh, en), description=described(name), lang=lang))

    template = command("template", "写出填报年终结果的表", "write a fill-in sheet for a table's year-end results")
    _table_arguments(template, say)
    template.add_argument(
        "-o",
        "--output",
        required=True,
        help=say(
            "要写出的填报表：.csv 或 .xlsx；- 表示以 CSV 写到标准输出",
            "the sheet to write: .csv or .xlsx; - writes CSV to standard output",
        ),
    )

    scoring = command("score", "评定表中每个绩效指标", "grade every indicator of a table")
    _table_arguments(scoring, say)
    scoring.add_argument(
        "results",
        nargs="?",
        help=say(
            "年终结果：kpi template 写出的 .csv、.xlsx、.xls；自评表自带实际完成值时可省略",
            "year-end results: .csv, .xlsx, .xls, as written by kpi template; leave it out for a self-evaluation"
            " form that holds its own 实际完成值",
        ),
    )
    scoring.add_argument(
        "-o",
        "--output",
        help=say(
            "同时写出逐项结果：.csv（汇总写在旁边的 NAME.summary.csv）、.xlsx（含汇总和问题工作表）或 .json；"
            "- 表示以 CSV（或 --format json）写到标准输出",
            "also write the graded rows: .csv (the summary goes beside it, to NAME.summary.csv), .xlsx (with"
            " 汇总 and 问题 sheets) or .json; - writes CSV (or --format json) to standard output",
        ),
    )
    scoring.add_argument(
        "--summary",
        help=say(
            "把按职责活动的汇总也写到这里：.csv、.xlsx 或 .json",
            "write the summary per activity here too: .csv, .xlsx or .json",
        ),
    )
    with_format(scoring, FORMATS)
    scoring.add_argument(
        "--points",
        type=types.points,
        default=None,
        help=say(
            "各档得分，最好的档次在前，用于相同档数的评价标准（优、良、中、差默认为 100,80,60,0）",
            "points of each band, best first, for tier sets of that many bands (default for 优,良,中,差: 100,80,60,0)",
        ),
    )
    scoring.add_argument(
        "--shares",
        type=types.shares,
        default=None,
        help=say(
            "国家表中定性指标达成、部分达成、未达成所得分值的比例（默认：100,60,0）",
            "the national form's shares of 分值 for a qualitative 达成, 部分达成, 未达成 (default: 100,60,0)",
        ),
    )
    scoring.add_argument(
        "--missing",
        choices=("exclude", "zero"),
        default="exclude",
        help=say(
            "结果缺少或无法读取的行：不计入总分（exclude，默认），或按 0 分计入（zero）",
            "a row whose figure is missing or unreadable: left out of the score (exclude, the default),"
            " or counted as 0 points (zero)",
        ),
    )
    scoring.add_argument(
        "--fractions",
        action="store_true",
        help=say(
            "百分比档次下不带 %% 的数值是小数：0.965 即 96.5%%",
            "figures written without %% on percentage tiers are fractions: 0.965 is 96.5%%",
        ),
    )
    scoring.add_argument(
        "--allow-ungraded",
        action="store_true",
        help=say("即使有指标无法评定，也以 0 退出", "exit 0 even when some indicator could not be graded"),
    )

    linting = command("lint", "检查表中每组评价标准", "check every tier set of a table")
    _table_arguments(linting, say)
    with_format(linting, FORMATS)
    linting.add_argument(
        "--severity",
        choices=("info", "warning", "error"),
        default="info",
        help=say(
            "显示该级别及以上的问题（默认：info，全部）",
            "show findings of this severity and above (default: info, everything)",
        ),
    )
    linting.add_argument(
        "--precision",
        type=types.precision,
        help=say("结果填报的步长，如整数百分比为 1", "step in which outcomes are reported, e.g. 1 for whole percent"),
    )
    linting.add_argument("-q", "--quiet", action="store_true", help=say("只显示错误", "errors only"))
    linting.add_argument(
        "--all",
        action="store_true",
        help=say(
            "也列出相邻档次共用、按原文已确定归属的端点",
            "also the bounds neighbouring tiers share, settled as the text says",
        ),
    )
    linting.add_argument(
        "--statistics", action="store_true", help=say("同时统计每类问题的数量", "also count the findings of each kind")
    )
    linting.add_argument(
        "--fail-on",
        choices=("warning", "error"),
        default="error",
        help=say(
            "出现该级别及以上的问题时以 1 退出（默认：error）",
            "exit 1 when there are findings of this severity or above (default: error)",
        ),
    )

    parsing = command("parse", "显示一条或一组评价标准如何被读取", "show how a tier text or tier set is read")
    parsing.add_argument(
        "text",
        help=say(
            "一条评价标准，或用 | 分隔的一组（最好的在前）", "one tier text, or several separated by | (best first)"
        ),
    )
    parsing.add_argument("--indicator", help=say("这些档次所属的绩效指标", "the indicator text the tiers belong to"))
    with_format(parsing, ("table", "json"))
    return parser


def _table_arguments(command: argparse.ArgumentParser, say: Callable[[str, str], str]) -> None:
    command.add_argument(
        "table",
        help=say(
            "绩效目标表（预算公开文本或国家表）：.txt、.csv、.xlsx、.xls 或 .docx",
            "indicator table (the disclosure's or the national form): .txt, .csv, .xlsx, .xls or .docx",
        ),
    )
    command.add_argument(
        "--sheet",
        help=say(
            "要读取的工作表（名称或序号），或 .docx 中的表格（序号）；"
            "默认：第一个含绩效目标表的工作表，.docx 中每个这样的表格",
            "the sheet of a workbook to read (its name or number), or the table of a .docx (its number);"
            " default: the first sheet with an indicator table, every such table of a .docx",
        ),
    )


class _ShowVersion(argparse.Action):
    """``--version``: kpi's version, looked up in the installed package's metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        sys.stdout.write(f"kpi {_version()}\n")
        parser.exit()


def _version() -> str:
    try:
        return version("kpi")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"
