"""What the ``kpi`` command prints on a terminal: rich tables, progress bars, the scorecard.

rich lays out tables by display width, so that Chinese text lines up, and
shows progress for long tables only on a terminal.  Every text that comes
from a user's file is printed as data, never as markup.
"""

from __future__ import annotations

import contextlib
import csv
import io
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

from kpi.io.files import csv_safe, json_text
from kpi.io.rows import ACTIVITY_SEPARATOR
from kpi.io.tables import LintReport
from kpi.scorecard import RECORD_FIELDS, Scorecard
from kpi.wording import Language, words

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "CONSOLE_ROWS",
    "console",
    "escape",
    "print_lint",
    "print_parse",
    "print_records",
    "print_scorecard",
    "rich_table",
    "track",
    "working",
]

#: Tables longer than this get a progress bar on a terminal (grading, writing).
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


def console(stderr: bool = False) -> Console:
    try:
        from rich.console import Console
    except ImportError:  # pragma: no cover - the cli extra installs rich
        sys.exit("kpi: the command line needs the cli extra: pip install 'kpi[cli]'")
    # soft_wrap: a finding or an error stays on one line, whatever the width,
    # so that file:line and message can be grepped together.
    # emoji=False: rich would turn “table.csv:100:” into “table.csv💯”.
    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def track(items: Iterable[T], description: str, total: int | None = None) -> Iterable[T]:
    """*items* (*total* of them, when they are not a sequence), with a progress bar on a
    terminal when there are many: grading or writing 100,000 rows takes a while."""
    count = len(items) if isinstance(items, Sequence) else total
    out = console(stderr=True)
    if count is None or count < PROGRESS_THRESHOLD or not out.is_terminal:
        return items
    from rich.progress import track as progress

    return progress(items, description=description, total=count, console=out, transient=True)


@contextlib.contextmanager
def working(description: str) -> Iterator[None]:
    """A spinner with the time spent, on a terminal, while kpi does what it cannot count
    ahead (reading a file: its rows are known only once read), so that a long read
    does not look like a hung command."""
    out = console(stderr=True)
    if not out.is_terminal:
        yield
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=out, transient=True) as progress:
        progress.add_task(description, total=None)
        yield


def print_records(records: Sequence[dict[str, object]], fmt: str, document: object = None) -> None:
    if fmt == "json":
        sys.stdout.write(json_text(document if document is not None else records))
    elif fmt == "csv":
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\n")
        if records:
            writer.writerow(csv_safe(list(records[0].keys())))
            writer.writerows([csv_safe(list(record.values())) for record in records])
        sys.stdout.write(stream.getvalue())


def rich_table(title: str, records: Sequence[dict[str, object]], columns: Sequence[str]) -> Any:
    from rich.table import Table as RichTable
    from rich.text import Text

    # Text objects: cells are data, never markup.
    table = RichTable(title=Text(title), title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    for record in records:
        table.add_row(*(Text(str(record.get(column, ""))) for column in columns))
    return table


_ROW_COLUMNS: Final = ("编号", "职责活动", "档次", "得分", "备注", "原因")


def print_scorecard(
    card: Scorecard,
    records: list[dict[str, object]],
    summary: list[dict[str, object]],
    left_to: str | None,
    summary_to: str | None = None,
) -> None:
    """The rows and the summary as tables; a long table is left to the file it was
    written to (*left_to*, empty when there is none): only its summary is shown, and
    of a long summary the duties (the whole one is in *summary_to* or the workbook)."""
    out = console()
    said = words(card.lang).command
    key = dict(zip(RECORD_FIELDS, card.fields, strict=True))  # the records' keys in the card's language
    activity, band, status = key["职责活动"], key["档次"], key["状态"]
    title = f"{card.table.path} × {card.results.path}"
    if left_to is not None:
        where = said.each_in.format(path=escape(left_to)) if left_to else said.each_with_o
        out.print(said.long_table.format(title=title, rows=len(card.rows), where=where))
    else:
        shown = [
            {
                **record,
                activity: str(record[activity]).split(ACTIVITY_SEPARATOR)[-1],
                band: record[band] or record[status],
            }
            for record in records
        ]
        out.print(rich_table(title, shown, [key[name] for name in _ROW_COLUMNS]))
    columns = list(summary[0].keys()) if summary else []
    left_out = ""
    if left_to is not None and len(summary) > SUMMARY_ROWS:
        # A long table: the duties, then the whole document.
        *activities, document = summary
        duties = [record for record in activities if ACTIVITY_SEPARATOR not in str(record[columns[0]])]
        summary = [*duties[:SUMMARY_ROWS], document]
        if left_to and Path(left_to).suffix.lower() == ".xlsx":
            where = said.summary_in_book.format(path=escape(left_to))
        elif summary_to:
            where = said.summary_in.format(path=escape(summary_to))
        else:
            where = said.summary_whole
        left_out = said.summary_left_out.format(activities=len(activities) - len(summary) + 1, where=where)
    out.print(rich_table(said.summary_title, summary, columns))
    if left_out:
        out.print(left_out)
    _print_total(out, card)


def _print_total(out: Console, card: Scorecard) -> None:
    total = card.total
    said = words(card.lang).command
    points = "—" if total.score is None else f"{total.score.quantize(Decimal('0.01'))}"
    if total.ungraded == 0:
        policy = ""
    elif card.missing == "zero":
        policy = said.total_zeroed.format(zeroed=total.zeroed)
    else:
        policy = said.total_excluded
    band = total.band or "—"
    out.print(said.total.format(points=points, band=band, graded=total.graded, ungraded=total.ungraded) + policy)
    rows = total.graded + total.ungraded
    if rows and total.graded * 2 < rows:
        out.print(f"[bold red]{said.fewer_than_half.format(graded=total.graded, rows=rows)}[/]")


#: How many of a group's rows a lint line lists before it counts the rest.
ROWS_LISTED: Final = 8
_COLOURS: Final = {"error": "red", "warning": "yellow"}


def print_lint(
    report: LintReport, lang: Language = "zh", *, statistics: bool = False, precision_given: bool = False
) -> None:
    """Lint's findings, one line per finding said alike of several rows, and what was left out."""
    out = console()
    said = words(lang)
    command = said.command
    zh = lang == "zh"
    for group in report.groups():
        found = group.first
        colour = _COLOURS.get(found.severity, "dim")
        line = (
            f"{escape(found.row.location.says(lang))}: [{colour}]{said.severities[found.severity]}[/]: "
            f"{said.kinds.get(found.kind, found.kind)}: {escape(found.message if zh else found.message_en)}"
        )
        if len(group.rows) > 1:
            listed = ", ".join(str(row.location.line) for row in group.rows[1:ROWS_LISTED])
            more = len(group.rows) > ROWS_LISTED
            line += escape(
                command.rows_alike.format(rows=len(group.rows), listed=listed, more=command.rows_more if more else "")
            )
        out.print(line)
    counts = {
        level: sum(1 for found in report.findings if found.severity == level) for level in ("error", "warning", "info")
    }
    if statistics:
        for kind, count in sorted(report.counts().items(), key=lambda item: -item[1]):
            out.print(f"{count:>6}  {said.kinds.get(kind, kind)}")
    summary = command.lint_summary.format(
        indicators=report.indicators, errors=counts["error"], warnings=counts["warning"], notes=counts["info"]
    )
    if report.routine:
        summary += command.lint_routine.format(routine=report.routine)
    if report.below:
        summary += command.lint_below.format(below=report.below)
    out.print(summary)
    gaps = report.whole_number_gaps
    if not precision_given and gaps and gaps * 2 >= len(report.findings):
        out.print(command.whole_number_hint.format(gaps=gaps))


def print_parse(document: Mapping[str, Any], lang: Language = "zh") -> None:
    """How kpi reads a tier text or a tier set (the document ``kpi parse --format json`` prints)."""
    out = console()
    said = words(lang)
    command = said.command
    if "tiers" in document:
        names = command.tier_columns
        tiers = [dict(zip(names, (t["label"], t["text"], t["canonical"]), strict=True)) for t in document["tiers"]]
        out.print(rich_table(command.tiers_title, tiers, names))
        direction = said.directions.get(document["scale"], document["scale"])
        metrics = "、".join(document["metrics"]) or "—"
        out.print(escape(command.scale_and_metrics.format(direction=direction, metrics=metrics)))
        for finding in document["findings"]:
            kind = said.kinds.get(finding["kind"], finding["kind"])
            out.print(escape(f"{said.severities[finding['severity']]}: {kind}: {finding['message']}"))
    else:
        said_more = "".join(
            [said.typo.format(correction=fix) for fix in document["corrections"]]
            + [said.set_aside.format(wording=said.join.join(document["set_aside"]))] * bool(document["set_aside"])
            + [said.condition_met.format(wording=said.join.join(document["met"]))] * bool(document["met"])
        )
        out.print(escape(f"{document['text']} → {document['canonical']}{said_more}"))
        if document["metrics"]:
            out.print(escape(command.metrics.format(metrics="、".join(document["metrics"]))))
    if "indicator" in document:
        targets = "、".join(document["indicator"]["targets"]) or command.qualitative
        out.print(escape(command.indicator_targets.format(targets=targets)))
        if unread := document["indicator"]["unread"]:
            out.print(escape(command.indicator_unread.format(clauses="、".join(unread))))
