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
    zh = card.lang == "zh"
    key = dict(zip(RECORD_FIELDS, card.fields, strict=True))  # the records' keys in the card's language
    activity, band, status = key["职责活动"], key["档次"], key["状态"]
    title = f"{card.table.path} × {card.results.path}"
    if left_to is not None:
        if zh:
            where = f"逐项结果见 {escape(left_to)}" if left_to else "逐项结果请用 -o 写入文件"
        else:
            where = f"each in {escape(left_to)}" if left_to else "write each with -o"
        out.print(
            f"{title}：{len(card.rows)} 项指标，{where}" if zh else f"{title}: {len(card.rows)} indicators, {where}"
        )
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
            where = f"见 {escape(left_to)} 的汇总"
        elif summary_to:
            where = f"见 {escape(summary_to)}"
        else:
            where = "完整汇总请用 -o 输出，或 --summary"
        left_out = f"另有 {len(activities) - len(summary) + 1} 项职责活动的汇总未在此列出（{where}）"
    out.print(rich_table("汇总 (summary)", summary, columns))
    if left_out:
        out.print(left_out)
    _print_total(out, card)


def _print_total(out: Console, card: Scorecard) -> None:
    total = card.total
    zh = card.lang == "zh"
    points = "—" if total.score is None else f"{total.score.quantize(Decimal('0.01'))}"
    if total.ungraded == 0:
        policy = ""
    elif card.missing == "zero":
        policy = (
            f"（其中未填报或无效的 {total.zeroed} 项按 0 分计入总分，其余不计入）"
            if zh
            else f" ({total.zeroed} missing or unreadable figures count as 0 points)"
        )
    else:
        policy = (
            "（未评定的指标不计入总分；按 0 分计入请用 --missing zero）"
            if zh
            else " (left out of the score; --missing zero counts them as 0 points)"
        )
    out.print(
        (
            f"总分 {points} / 100，等级 {total.band or '—'}；已评定 {total.graded} 项，未评定 {total.ungraded} 项"
            if zh
            else f"score {points} / 100, band {total.band or '—'}; {total.graded} graded, {total.ungraded} not"
        )
        + policy
    )
    rows = total.graded + total.ungraded
    if rows and total.graded * 2 < rows:
        out.print(
            f"[bold red]注意：总分只依据 {total.graded} / {rows} 项指标，不足一半[/]"
            if zh
            else f"[bold red]note: the score rests on {total.graded} of {rows} indicators, fewer than half[/]"
        )


#: How many of a group's rows a lint line lists before it counts the rest.
ROWS_LISTED: Final = 8
_COLOURS: Final = {"error": "red", "warning": "yellow"}


def print_lint(
    report: LintReport, lang: Language = "zh", *, statistics: bool = False, precision_given: bool = False
) -> None:
    """Lint's findings, one line per finding said alike of several rows, and what was left out."""
    out = console()
    said = words(lang)
    zh = lang == "zh"
    for group in report.groups():
        found = group.first
        colour = _COLOURS.get(found.severity, "dim")
        line = (
            f"{escape(str(found.row.location))}: [{colour}]{said.severities[found.severity]}[/]: "
            f"{said.kinds.get(found.kind, found.kind)}: {escape(found.message if zh else found.message_en)}"
        )
        if len(group.rows) > 1:
            listed = ", ".join(str(row.location.line) for row in group.rows[1:ROWS_LISTED])
            more = len(group.rows) > ROWS_LISTED
            line += escape(
                f"（共 {len(group.rows)} 行，另见第 {listed}{' 等' if more else ''} 行）"
                if zh
                else f" ({len(group.rows)} rows; also lines {listed}{', …' if more else ''})"
            )
        out.print(line)
    counts = {
        level: sum(1 for found in report.findings if found.severity == level) for level in ("error", "warning", "info")
    }
    if statistics:
        for kind, count in sorted(report.counts().items(), key=lambda item: -item[1]):
            out.print(f"{count:>6}  {said.kinds.get(kind, kind)}")
    if zh:
        summary = (
            f"{report.indicators} 项指标：错误 {counts['error']} 条，警告 {counts['warning']} 条，"
            f"提示 {counts['info']} 条"
        )
        if report.routine:
            summary += f"；另有 {report.routine} 条相邻两档共用端点的提示未列出（--all 可显示）"
        if report.below:
            summary += f"；{report.below} 条低于所选级别未列出"
    else:
        summary = (
            f"{report.indicators} indicators: {counts['error']} errors, {counts['warning']} warnings,"
            f" {counts['info']} notes"
        )
        if report.routine:
            summary += f"; {report.routine} notes on bounds neighbouring tiers share not shown (--all shows them)"
        if report.below:
            summary += f"; {report.below} below the severity asked not shown"
    out.print(summary)
    gaps = report.whole_number_gaps
    if not precision_given and gaps and gaps * 2 >= len(report.findings):
        out.print(
            f"提示：{gaps} 条缺口不含任何整数（如 (94%, 95%)）；若结果按整数填报，用 --precision 1 可免去这些提示"
            if zh
            else f"hint: {gaps} gaps hold no whole number, such as (94%, 95%); if outcomes are whole numbers,"
            " --precision 1 drops them"
        )


def print_parse(document: Mapping[str, Any], lang: Language = "zh") -> None:
    """How kpi reads a tier text or a tier set (the document ``kpi parse --format json`` prints)."""
    out = console()
    said = words(lang)
    zh = lang == "zh"
    if "tiers" in document:
        names = ("档次", "原文", "规范写法") if zh else ("label", "text", "canonical")
        tiers = [dict(zip(names, (t["label"], t["text"], t["canonical"]), strict=True)) for t in document["tiers"]]
        out.print(rich_table("档次" if zh else "tiers", tiers, names))
        direction = said.directions.get(document["scale"], document["scale"])
        metrics = "、".join(document["metrics"]) or "—"
        out.print(
            escape(f"方向：{direction}；指标：{metrics}" if zh else f"scale: {direction} is better; metrics: {metrics}")
        )
        for finding in document["findings"]:
            kind = said.kinds.get(finding["kind"], finding["kind"])
            out.print(escape(f"{said.severities[finding['severity']]}: {kind}: {finding['message']}"))
    else:
        out.print(escape(f"{document['text']} → {document['canonical']}"))
        if document["metrics"]:
            out.print(escape(("指标：" if zh else "metrics: ") + "、".join(document["metrics"])))
    if "indicator" in document:
        targets = "、".join(document["indicator"]["targets"]) or ("—（定性）" if zh else "— (qualitative)")
        out.print(escape(("指标目标：" if zh else "indicator targets: ") + targets))
