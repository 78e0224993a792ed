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
import csv
import gc
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

from kpi.errors import KpiError
from kpi.grading.bands import MAX_BANDS, MIN_BANDS
from kpi.grading.criteria import Criteria
from kpi.indicators import Indicator
from kpi.io.files import write_output
from kpi.io.results import load_results, template_records
from kpi.io.tables import Table, lint_table, load_table
from kpi.scorecard import RECORD_FIELDS, Scorecard
from kpi.scoring import score
from kpi.text.reading import parse_rule

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["main"]

FORMATS: Final = ("table", "json", "csv")
#: Tables longer than this get a progress bar on a terminal.
PROGRESS_THRESHOLD: Final = 500
#: With an output file, longer tables are not listed row by row on the terminal,
CONSOLE_ROWS: Final = 200
#: and then a summary shows at most this many duties (an .xlsx or .json output has every activity).
SUMMARY_ROWS: Final = 50
T = TypeVar("T")


def escape(text: str) -> str:
    """*text* safe to print with rich markup (a tier text may hold “[80,90)”)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _console(stderr: bool = False) -> Console:
    try:
        from rich.console import Console
    except ImportError:  # pragma: no cover - the cli extra installs rich
        sys.exit("kpi: the command line needs the cli extra: pip install 'kpi[cli]'")
    # soft_wrap: a finding or an error stays on one line, whatever the width,
    # so that file:line and message can be grepped together.
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


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
    template.add_argument("table", help="indicator table: disclosure .txt, .csv or .xlsx")
    template.add_argument("-o", "--output", required=True, help="the sheet to write: .csv or .xlsx")

    scoring = commands.add_parser("score", help="grade every indicator of a table", description=_doc(_score))
    scoring.add_argument("table", help="indicator table: disclosure .txt, .csv or .xlsx")
    scoring.add_argument("results", help="year-end results: .csv or .xlsx, as written by kpi template")
    scoring.add_argument("-o", "--output", help="also write the graded rows: .csv, .xlsx or .json")
    scoring.add_argument("--format", choices=FORMATS, default="table", help="what to print (default: table)")
    scoring.add_argument(
        "--points",
        type=_points,
        default=None,
        help="points of each band, best first, for tier sets of that many bands (default for 优,良,中,差: 100,80,60,0)",
    )
    scoring.add_argument(
        "--allow-ungraded",
        action="store_true",
        help="exit 0 even when some indicator could not be graded",
    )

    linting = commands.add_parser("lint", help="check every tier set of a table", description=_doc(_lint))
    linting.add_argument("table", help="indicator table: disclosure .txt, .csv or .xlsx")
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
    return parser


def _load_table(path: str) -> Table:
    """The table at *path*, with what its reader noticed (lines read past) said on stderr."""
    table = load_table(path)
    errors = _console(stderr=True)
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


def _track(items: Sequence[T], description: str) -> Iterable[T]:
    """*items*, with a progress bar on a terminal when there are many."""
    console = _console(stderr=True)
    if len(items) < PROGRESS_THRESHOLD or not console.is_terminal:
        return items
    from rich.progress import track

    return track(items, description=description, console=console, transient=True)


def _print_records(records: Sequence[dict[str, object]], fmt: str, document: object = None) -> None:
    if fmt == "json":
        print(json.dumps(document if document is not None else records, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\n")
        if records:
            writer.writerow(records[0].keys())
            writer.writerows([list(record.values()) for record in records])
        sys.stdout.write(stream.getvalue())


def _rich_table(title: str, records: Sequence[dict[str, object]], columns: Sequence[str]) -> Any:
    from rich.table import Table as RichTable
    from rich.text import Text

    # Text objects: cells are data, never markup.
    table = RichTable(title=Text(title), title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    for record in records:
        table.add_row(*(Text(str(record.get(column, ""))) for column in columns))
    return table


# -- template -----------------------------------------------------------------
def _template(args: argparse.Namespace) -> int:
    """Write the fill-in sheet for a table: one row per indicator with its id,
    activity, indicator text and tiers, what to fill (填报项: the metrics or
    targets the tiers need, with units, or 完成率 for an assessed completion
    rate) and empty 实际值 columns.  Fill the 实际值 cells, then run kpi score."""
    table = _load_table(args.table)
    header, rows = template_records(table)
    write_output(args.output, header, rows, inputs=[args.table])
    console = _console()
    console.print(f"wrote {len(rows)} rows to {escape(args.output)} ({len(table) - len(rows)} headings left out)")
    for row in table.indicators:
        if row.error is not None:
            console.print(
                f"[yellow]{escape(str(row.location))}: tiers cannot be read; the row asks for a completion rate[/]"
            )
    return 0


# -- score --------------------------------------------------------------------
_ROW_COLUMNS: Final = ("编号", "职责活动", "档次", "得分", "备注", "原因")


def _score(args: argparse.Namespace) -> int:
    """Grade every indicator of TABLE with the figures in RESULTS: band, the
    tier text that decided it, explanation, notes and points; then a summary
    per activity and for the whole document, with a score out of 100 and the
    overall band on the national scale 优(90-100分)、良(80-89分)、中(60-79分)、
    差(0-59分).  Every indicator of the table gets exactly one output row; a
    missing or unreadable result is marked 未填报 or 无效 with the reason.
    Exits 1 when any indicator could not be graded, unless --allow-ungraded."""
    table = _load_table(args.table)
    results = load_results(args.results)
    card = score(table, results, points=args.points, progress=lambda rows: _track(list(rows), "grading"))
    # A long table written to a sheet is not shown row by row: its records are
    # worked out as they are written, and not kept.
    left_to_file = (
        args.output is not None
        and args.format == "table"
        and len(card.rows) > CONSOLE_ROWS
        and Path(args.output).suffix.lower() != ".json"
    )
    records = [] if left_to_file else card.records()  # the explanations, worked out once
    summary = card.summary_records()
    document = card.document(records)
    if args.output:
        write_output(
            args.output,
            list(RECORD_FIELDS),
            card.iter_cells() if left_to_file else [list(record.values()) for record in records],
            inputs=[args.table, args.results],
            document=document,
            extra_sheets=[
                ("汇总", list(summary[0].keys()), [list(record.values()) for record in summary]),
                ("问题", ["问题"], [[problem] for problem in card.problems()]),
            ],
        )
    errors = _console(stderr=True)
    for notice in results.notices:
        errors.print(f"[yellow]notice: {escape(notice)}[/]")
    if args.format != "table":
        _print_records(records, args.format, document)
    else:
        _print_scorecard(card, records, summary, args.output if left_to_file else None)
    for problem in card.problems():
        errors.print(f"[red]{escape(problem)}[/]")
    if args.output:
        errors.print(f"wrote {len(card.rows)} rows to {escape(args.output)}")
    return 0 if card.complete or args.allow_ungraded else 1


def _print_scorecard(
    card: Scorecard, records: list[dict[str, object]], summary: list[dict[str, object]], left_to: str | None
) -> None:
    """The rows and the summary as tables; a long table written to a file (*left_to*)
    is left there (a terminal of 100,000 rows helps nobody and takes minutes)."""
    console = _console()
    title = f"{card.table.path} × {card.results.path}"
    if left_to is not None:
        console.print(f"{title}：{len(card.rows)} 项指标，逐项结果见 {escape(left_to)}")
    else:
        shown = [
            {**record, "职责活动": str(record["职责活动"]).split(" › ")[-1], "档次": record["档次"] or record["状态"]}
            for record in records
        ]
        console.print(_rich_table(title, shown, _ROW_COLUMNS))
    columns = list(summary[0].keys()) if summary else []
    left_out = ""
    if left_to is not None and len(summary) > SUMMARY_ROWS:
        # A long table: the duties, then the whole document.
        *activities, document = summary
        duties = [record for record in activities if " › " not in str(record["职责活动"])]
        summary = [*duties[:SUMMARY_ROWS], document]
        where = (
            f"见 {escape(left_to)} 的汇总"
            if Path(left_to).suffix.lower() == ".xlsx"
            else "完整汇总请输出 .xlsx 或 .json"
        )
        left_out = f"另有 {len(activities) - len(summary) + 1} 项职责活动的汇总未在此列出（{where}）"
    console.print(_rich_table("汇总 (summary)", summary, columns))
    if left_out:
        console.print(left_out)
    total = card.total
    points = "—" if total.score is None else f"{total.score.quantize(Decimal('0.01'))}"
    console.print(
        f"总分 {points} / 100，等级 {total.band or '—'}；已评定 {total.graded} 项，未评定 {total.ungraded} 项"
        + ("" if total.ungraded == 0 else "（未评定的指标不计入总分）")
    )


# -- lint ---------------------------------------------------------------------
_SEVERITY_ORDER: Final = {"info": 0, "warning": 1, "error": 2}


def _lint_records(table: Table, severity: str, precision: Decimal | None) -> list[dict[str, object]]:
    return [
        {
            "位置": str(found.row.location),
            "编号": found.row.id,
            "级别": found.severity,
            "类别": found.kind,
            "说明": found.message,
        }
        for found in lint_table(table, precision=precision)
        if _SEVERITY_ORDER[found.severity] >= _SEVERITY_ORDER[severity]
    ]


def _lint(args: argparse.Namespace) -> int:
    """Print every finding of every row of TABLE with its file:line: gaps,
    overlaps, unreachable and unsatisfiable tiers, direction problems,
    suspicious tiers (a worst tier reaching into better ones), and rows whose
    tiers cannot be read or do not fit their indicator.  Exits 1 when there
    are errors."""
    table = _load_table(args.table)
    records = _lint_records(table, args.severity, args.precision)
    if args.format != "table":
        _print_records(records, args.format)
    else:
        console = _console()
        for record in records:
            colour = {"error": "red", "warning": "yellow"}.get(str(record["级别"]), "dim")
            console.print(
                f"{escape(str(record['位置']))}: [{colour}]{record['级别']}[/]: "
                f"{record['类别']}: {escape(str(record['说明']))}"
            )
        counts = {level: sum(1 for r in records if r["级别"] == level) for level in _SEVERITY_ORDER}
        console.print(
            f"{len(table.indicators)} indicators: {counts['error']} errors, "
            f"{counts['warning']} warnings, {counts['info']} notes"
        )
    failing = _SEVERITY_ORDER[args.fail_on]
    return 1 if any(_SEVERITY_ORDER[str(record["级别"])] >= failing for record in records) else 0


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
            "findings": [{"severity": f.severity, "kind": f.kind, "message": f.message} for f in criteria.lint()],
        }
    else:
        rule = parse_rule(text)
        document = {"text": text, "canonical": str(rule), "metrics": [m for m in rule.metrics if m], "repr": repr(rule)}
    if indicator is not None:
        document["indicator"] = {"text": indicator.text, "targets": [str(target) for target in indicator.targets]}
    if args.format == "json":
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    console = _console()
    if "tiers" in document:
        tiers = document["tiers"]
        assert isinstance(tiers, list)
        console.print(_rich_table("tiers", tiers, ("label", "text", "canonical")))
        console.print(f"scale: {document['scale']} is better; metrics: {'、'.join(document['metrics']) or '—'}")  # type: ignore[arg-type]
        for finding in document["findings"]:  # type: ignore[attr-defined]
            console.print(f"{finding['severity']}: {finding['kind']}: {finding['message']}", markup=False)
    else:
        console.print(f"{document['text']} → {document['canonical']}", markup=False)
        if document["metrics"]:
            console.print(f"metrics: {'、'.join(document['metrics'])}", markup=False)  # type: ignore[arg-type]
    if indicator is not None:
        targets = document["indicator"]["targets"]  # type: ignore[index]
        console.print(f"indicator targets: {'、'.join(targets) or '— (qualitative)'}", markup=False)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kpi`` command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    handler = {"template": _template, "score": _score, "lint": _lint, "parse": _parse}[args.command]
    try:
        with _no_cyclic_collection():
            return handler(args)
    except (KpiError, OSError) as error:
        _console(stderr=True).print(f"[red]kpi: error:[/] {escape(str(error))}")
        return 2


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
