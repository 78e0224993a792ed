"""The ``kpi`` command: template, score, lint and parse, for evaluators at a terminal.

Terminal output uses rich, which lays out tables by display width so that
Chinese text lines up, and shows a progress bar for long tables when the
output is a terminal.  ``--format json`` or ``csv`` gives machine-readable
output instead.  Exit status: 0 when everything was graded or read, 1 when
some row could not be graded or a table has errors, 2 when an input cannot
be read or the command line is wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import json
import signal
import sys
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from kpi.errors import KpiError
from kpi.grading.bands import MAX_BANDS, MIN_BANDS
from kpi.grading.criteria import Criteria
from kpi.indicators import Indicator
from kpi.io.files import write_output
from kpi.io.report import write_report
from kpi.io.results import load_results, template_records
from kpi.io.tables import SEVERITY_ORDER, Table, lint_records, lint_report, load_table
from kpi.national import Shares
from kpi.scoring import score
from kpi.terminal import CONSOLE_ROWS, console, escape, print_lint, print_parse, print_records, print_scorecard, track
from kpi.text.reading import parse_rule

if TYPE_CHECKING:
    pass

__all__ = ["main"]

FORMATS: Final = ("table", "json", "csv")
#: A long list of problems shows its first ones and a count of the rest.
PROBLEMS_SHOWN: Final = 20
#: The output path that stands for standard output.
STDOUT: Final = "-"


def _points(text: str) -> tuple[Decimal, ...]:
    """``--points``: the points of each band, best first, for tier sets of that many bands."""
    try:
        values = tuple(Decimal(part.strip()) for part in text.replace("，", ",").split(","))
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not MIN_BANDS <= len(values) <= MAX_BANDS or not all(
        value.is_finite() and abs(value) <= 1000 for value in values
    ):
        raise argparse.ArgumentTypeError(
            f"give {MIN_BANDS} to {MAX_BANDS} numbers up to 1000, best band first, such as 100,80,60,0; not {text!r}"
        )
    return values


def _shares(text: str) -> Shares:
    try:
        return Shares.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _precision(text: str) -> Decimal:
    """``--precision``: a positive number."""
    try:
        value = Decimal(text.strip())
    except ArithmeticError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite() or value <= 0:
        raise argparse.ArgumentTypeError(f"give a positive number such as 1 or 0.1; not {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kpi",
        description="Read, check and grade the tier texts (评价标准) of budget performance tables.",
    )
    parser.add_argument("--version", action=_ShowVersion)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    template = commands.add_parser(
        "template", help="write a fill-in sheet for a table's year-end results", description=_doc(_template)
    )
    _table_arguments(template)
    template.add_argument(
        "-o", "--output", required=True, help="the sheet to write: .csv or .xlsx; - writes CSV to standard output"
    )

    scoring = commands.add_parser("score", help="grade every indicator of a table", description=_doc(_score))
    _table_arguments(scoring)
    scoring.add_argument(
        "results",
        nargs="?",
        help="year-end results: .csv, .xlsx, .xls, as written by kpi template; leave it out for a self-evaluation"
        " form that holds its own 实际完成值",
    )
    scoring.add_argument(
        "-o",
        "--output",
        help="also write the graded rows: .csv (the summary goes beside it, to NAME.summary.csv), .xlsx (with"
        " 汇总 and 问题 sheets) or .json; - writes CSV (or --format json) to standard output",
    )
    scoring.add_argument("--summary", help="write the summary per activity here too: .csv, .xlsx or .json")
    scoring.add_argument("--format", choices=FORMATS, default="table", help="what to print (default: table)")
    scoring.add_argument(
        "--points",
        type=_points,
        default=None,
        help="points of each band, best first, for tier sets of that many bands (default for 优,良,中,差: 100,80,60,0)",
    )
    scoring.add_argument(
        "--shares",
        type=_shares,
        default=None,
        help="the national form's shares of 分值 for a qualitative 达成, 部分达成, 未达成 (default: 100,60,0)",
    )
    scoring.add_argument(
        "--missing",
        choices=("exclude", "zero"),
        default="exclude",
        help="a row whose figure is missing or unreadable: left out of the score (exclude, the default),"
        " or counted as 0 points (zero)",
    )
    scoring.add_argument(
        "--fractions",
        action="store_true",
        help="figures written without %% on percentage tiers are fractions: 0.965 is 96.5%%",
    )
    scoring.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="the language of explanations, reasons and headers"
    )
    scoring.add_argument(
        "--allow-ungraded",
        action="store_true",
        help="exit 0 even when some indicator could not be graded",
    )

    linting = commands.add_parser("lint", help="check every tier set of a table", description=_doc(_lint))
    _table_arguments(linting)
    linting.add_argument("--format", choices=FORMATS, default="table", help="what to print (default: table)")
    linting.add_argument(
        "--severity",
        choices=("info", "warning", "error"),
        default="info",
        help="show findings of this severity and above (default: info, everything)",
    )
    linting.add_argument(
        "--precision", type=_precision, help="step in which outcomes are reported, e.g. 1 for whole percent"
    )
    linting.add_argument("-q", "--quiet", action="store_true", help="errors only")
    linting.add_argument(
        "--all", action="store_true", help="also the bounds neighbouring tiers share, settled as the text says"
    )
    linting.add_argument("--statistics", action="store_true", help="also count the findings of each kind")
    linting.add_argument("--lang", choices=("zh", "en"), default="zh", help="the language of the findings")
    linting.add_argument(
        "--fail-on",
        choices=("warning", "error"),
        default="error",
        help="exit 1 when there are findings of this severity or above (default: error)",
    )

    parsing = commands.add_parser("parse", help="show how a tier text or tier set is read", description=_doc(_parse))
    parsing.add_argument("text", help="one tier text, or four separated by | (best first)")
    parsing.add_argument("--indicator", help="the indicator text the tiers belong to")
    parsing.add_argument("--format", choices=("table", "json"), default="table", help="what to print")
    parsing.add_argument("--lang", choices=("zh", "en"), default="zh", help="the language of what is printed")
    return parser


_TABLE_HELP: Final = "indicator table (the disclosure's or the national form): .txt, .csv, .xlsx, .xls or .docx"


def _table_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("table", help=_TABLE_HELP)
    command.add_argument(
        "--sheet",
        help="the sheet of a workbook to read (its name or number), or the table of a .docx (its number);"
        " default: the first sheet with an indicator table, every such table of a .docx",
    )


def _load_table(args: argparse.Namespace) -> Table:
    """The table the arguments name, with what its reader noticed (lines read past) said on stderr."""
    table = load_table(args.table, sheet=args.sheet)
    errors = console(stderr=True)
    for notice in table.notices:
        errors.print(f"[yellow]notice: {escape(notice)}[/]")
    return table


def _doc(function: Any) -> str:
    return str(function.__doc__ or "").strip()


class _ShowVersion(argparse.Action):
    """``--version``: kpi's version, looked up in the installed package's metadata only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **_: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show kpi's version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        sys.stdout.write(f"kpi {_version()}\n")
        parser.exit()


def _version() -> str:
    try:
        return version("kpi")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


# -- template -----------------------------------------------------------------
def _template(args: argparse.Namespace) -> int:
    """Write the fill-in sheet for a table: one row per indicator with its id,
    activity, indicator text and tiers, what to fill (填报项: the metrics or
    targets the tiers need, with units, or 完成率 for an assessed completion
    rate) and empty 实际值 columns.  Fill the 实际值 cells, then run kpi score."""
    table = _load_table(args)
    header, rows = template_records(table)
    if args.output == STDOUT:
        print_records([dict(zip(header, row, strict=True)) for row in rows], "csv")
    else:
        write_output(args.output, header, rows, inputs=[args.table])
    out = console(stderr=True)  # what was written is said where kpi score says it, never mixed with the data
    where = "standard output" if args.output == STDOUT else args.output
    out.print(f"wrote {len(rows)} rows to {escape(where)} ({len(table) - len(rows)} headings left out)")
    for row in table.indicators:
        if row.error is not None:
            out.print(
                f"[yellow]{escape(str(row.location))}: tiers cannot be read; the row asks for a completion rate[/]"
            )
    return 0


# -- score --------------------------------------------------------------------
def _score(args: argparse.Namespace) -> int:
    """Grade every indicator of TABLE with the figures in RESULTS: band, the
    tier text that decided it, explanation, notes and points; then a summary
    per activity and for the whole document, with a score out of 100 and the
    overall band on the national scale 优(90-100分)、良(80-89分)、中(60-79分)、
    差(0-59分).  Every indicator of the table gets exactly one output row; a
    missing or unreadable result is marked 未填报 or 无效 with the reason.
    Exits 1 when any indicator could not be graded, unless --allow-ungraded."""
    table = _load_table(args)
    if args.results is None and not any(row.actual for row in table.indicators):
        raise KpiError(
            f"{args.table}: the table holds no 实际完成值; give the results file too (kpi template writes one to fill)"
        )
    results = None if args.results is None else load_results(args.results)
    card = score(
        table,
        results,
        points=args.points,
        shares=args.shares,
        missing=args.missing,
        fractions=args.fractions,
        lang=args.lang,
        progress=lambda rows: track(list(rows), "grading"),
    )
    results = card.results
    # A long table written to a sheet is not shown row by row: its records are
    # worked out as they are written, and not kept.
    to_stdout = args.output == STDOUT
    if to_stdout:  # -o -: the rows are the data on standard output, CSV unless JSON is asked for
        args.format, args.output = ("json" if args.format == "json" else "csv"), None
    # A long table is not shown row by row on the terminal (100,000 rows help nobody and
    # take minutes); written to a sheet, its records are worked out as they are written.
    long = args.format == "table" and len(card.rows) > CONSOLE_ROWS
    left_to_file = long and args.output is not None and Path(args.output).suffix.lower() != ".json"
    records = [] if left_to_file else card.records()  # the explanations, worked out once
    summary = card.summary_records()
    document = card.document(records)
    inputs = [args.table, *([args.results] if args.results else [])]
    rows: Iterable[Sequence[object]] = (
        card.iter_cells() if left_to_file else [list(record.values()) for record in records]
    )
    if args.output and Path(args.output).suffix.lower() == ".xlsx":
        streamed = iter(rows)
        sample = list(itertools.islice(streamed, CONSOLE_ROWS))  # sizes the columns; then the rest streams
        write_report(
            args.output,
            card.fields,
            itertools.chain(sample, streamed),
            summary=summary,
            labels=card.labels,
            problems=card.problems(),
            inputs=inputs,
            sample=sample,
        )
    elif args.output:
        write_output(args.output, list(card.fields), rows, inputs=inputs, document=document)
    summary_path = args.summary or (
        _beside(args.output, ".summary.csv") if args.output and Path(args.output).suffix.lower() == ".csv" else None
    )
    if summary_path:
        write_output(
            summary_path,
            list(summary[0].keys()),
            [list(record.values()) for record in summary],
            inputs=[args.table, *([args.results] if args.results else []), *([args.output] if args.output else [])],
            document=card.document(records, with_rows=False),
        )
    errors = console(stderr=True)
    for notice in results.notices:
        errors.print(f"[yellow]notice: {escape(notice)}[/]")
    if args.format != "table":
        print_records(records, args.format, document)
    else:
        print_scorecard(card, records, summary, (args.output or "") if long else None, summary_path)
    problems = card.problems()
    for problem in problems[:PROBLEMS_SHOWN]:
        errors.print(f"[red]{escape(problem)}[/]")
    if len(problems) > PROBLEMS_SHOWN:
        errors.print(f"[red]… and {len(problems) - PROBLEMS_SHOWN} more problems (all of them: --format json)[/]")
    if args.output or to_stdout:
        errors.print(f"wrote {len(card.rows)} rows to {escape(args.output or 'standard output')}")
    if summary_path:
        errors.print(f"wrote the summary of {len(summary)} groups to {escape(str(summary_path))}")
    return 0 if card.complete or args.allow_ungraded else 1


def _beside(path: str, suffix: str) -> str:
    """The path of a file beside *path*: out.csv → out.summary.csv."""
    file = Path(path)
    return str(file.with_name(file.stem + suffix))


# -- lint ---------------------------------------------------------------------
def _lint(args: argparse.Namespace) -> int:
    """Print the findings of every row of TABLE with its file:line: gaps,
    overlaps, unreachable and unsatisfiable tiers, direction problems,
    suspicious tiers (a worst tier reaching into better ones), and rows whose
    tiers cannot be read or do not fit their indicator.  On a terminal one
    finding said of many rows alike is one line, with the rows listed; a bound
    two neighbouring tiers share, settled as the text says, is left out unless
    --all.  Exits 1 when there are errors."""
    table = _load_table(args)
    severity = "error" if args.quiet else args.severity
    report = lint_report(table, severity=severity, precision=args.precision, everything=args.all)
    records = lint_records(report, args.lang)
    if args.format != "table":
        print_records(records, args.format)
    else:
        print_lint(report, args.lang, statistics=args.statistics, precision_given=args.precision is not None)
    failing = SEVERITY_ORDER[args.fail_on]
    return 1 if any(SEVERITY_ORDER[found.severity] >= failing for found in report.findings) else 0


# -- parse --------------------------------------------------------------------
def _parse(args: argparse.Namespace) -> int:
    """Show how kpi reads TEXT: one tier text (its canonical form and metrics),
    or a tier set separated by | (each tier, the direction of the scale, and
    the lint findings).  --indicator gives the indicator the tiers belong to."""
    text: str = args.text
    indicator = Indicator.parse(args.indicator) if args.indicator else None
    if "|" in text or "｜" in text or "\n" in text:
        criteria = Criteria.parse(text, indicator=indicator)
        document: dict[str, object] = {
            "tiers": [
                {"label": label, "text": rule.text.strip(), "canonical": str(rule)}
                for label, rule in zip(criteria.labels, criteria.tiers, strict=True)
            ],
            "metrics": list(criteria.metrics),
            "scale": criteria.scale.value,
            "findings": [
                {"severity": f.severity, "kind": f.kind, "message": f.message if args.lang == "zh" else f.message_en}
                for f in criteria.lint()
            ],
        }
    else:
        rule = parse_rule(text)
        document = {"text": text, "canonical": str(rule), "metrics": [m for m in rule.metrics if m], "repr": repr(rule)}
    if indicator is not None:
        document["indicator"] = {"text": indicator.text, "targets": [str(target) for target in indicator.targets]}
    if args.format == "json":
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print_parse(document, args.lang)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kpi`` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler = {"template": _template, "score": _score, "lint": _lint, "parse": _parse}[args.command]
    # SIGTERM ends the run as Ctrl-C does: half-written outputs are removed on the way out.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        with _no_cyclic_collection():
            return handler(args)
    except (KpiError, OSError) as error:
        console(stderr=True).print(f"[red]kpi: error:[/] {escape(str(error))}")
        return 2


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _no_cyclic_collection() -> Iterator[None]:
    """One command's run with Python's cyclic garbage collector off.

    A run over a large table makes millions of small immutable objects, none
    in a reference cycle; the collector would walk all of them again and
    again and find nothing (a sixth of a 100,000-row run).  Reference
    counting still frees every object dropped.  The command owns its
    process, so it may decide this; the library never does.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
