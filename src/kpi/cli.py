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
from pathlib import Path
from typing import Final

from kpi.arguments import lang_of, parser
from kpi.command_wording import CommandWords
from kpi.errors import KpiError
from kpi.grading.criteria import Criteria
from kpi.indicators import Indicator
from kpi.io.files import write_output
from kpi.io.report import write_report
from kpi.io.results import load_results, template_records
from kpi.io.tables import SEVERITY_ORDER, Table, lint_records, lint_report, load_table
from kpi.scorecard import RECORD_FIELDS
from kpi.scoring import score
from kpi.terminal import (
    CONSOLE_ROWS,
    console,
    escape,
    print_lint,
    print_parse,
    print_records,
    print_scorecard,
    track,
    working,
)
from kpi.text.reading import parse_rule
from kpi.wording import words

__all__ = ["main"]

#: A long list of problems shows its first ones and a count of the rest.
PROBLEMS_SHOWN: Final = 20
#: The output path that stands for standard output.
STDOUT: Final = "-"


def _load_table(args: argparse.Namespace) -> Table:
    """The table the arguments name, with what its reader noticed (lines read past) said on stderr."""
    with working(_said(args).reading.format(path=escape(args.table))):
        table = load_table(args.table, sheet=args.sheet)
    errors = console(stderr=True)
    for notice in table.notices:
        errors.print(f"[yellow]{_said(args).notice.format(notice=escape(notice.says(args.lang)))}[/]")
    return table


def _said(args: argparse.Namespace) -> CommandWords:
    """What the command says to its reader, in the language asked for (:mod:`kpi.command_wording`)."""
    return words(args.lang).command


# -- template -----------------------------------------------------------------
def _template(args: argparse.Namespace) -> int:
    """``kpi template`` (its help, in both languages, is in :mod:`kpi.arguments`): what
    was written is said on standard error, so that ``-o -`` leaves the sheet alone on stdout."""
    table = _load_table(args)
    said = _said(args)
    header, rows = template_records(table)
    if args.output == STDOUT:
        print_records([dict(zip(header, row, strict=True)) for row in rows], "csv")
    else:
        write_output(args.output, header, track(rows, said.writing), inputs=[args.table])
    out = console(stderr=True)  # what was written is said where kpi score says it, never mixed with the data
    where = escape(said.standard_output if args.output == STDOUT else args.output)
    headings = len(table) - len(rows)
    out.print(said.written.format(rows=len(rows), where=where) + said.headings_left_out.format(headings=headings))
    for row in table.indicators:
        if row.error is not None:
            place = escape(row.location.says(args.lang))
            out.print(f"[yellow]{said.template_unreadable.format(place=place)}[/]")
    return 0


# -- score --------------------------------------------------------------------
def _score(args: argparse.Namespace) -> int:
    """``kpi score``: every indicator gets exactly one output row, never fewer; a long
    table is streamed to its file, not kept as records nor listed on the terminal."""
    table = _load_table(args)
    said = _said(args)
    if args.results is None and not any(row.actual for row in table.indicators):
        raise KpiError(
            words("en").command.no_actual.format(table=args.table),
            zh=words("zh").command.no_actual.format(table=args.table),
        )
    with working(said.reading.format(path=escape(str(args.results)))):
        results = None if args.results is None else load_results(args.results)
    card = score(
        table,
        results,
        points=args.points,
        shares=args.shares,
        missing=args.missing,
        fractions=args.fractions,
        lang=args.lang,
        progress=lambda rows: track(list(rows), said.grading),
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
    if args.output:
        rows = track(rows, said.writing, total=len(card.rows))
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
            activity=card.fields[RECORD_FIELDS.index("职责活动")],
            lang=args.lang,
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
        errors.print(f"[yellow]{said.notice.format(notice=escape(notice.says(args.lang)))}[/]")
    if args.format != "table":
        print_records(records, args.format, document)
    else:
        print_scorecard(card, records, summary, (args.output or "") if long else None, summary_path)
    problems = card.problems()
    for problem in problems[:PROBLEMS_SHOWN]:
        errors.print(f"[red]{escape(problem)}[/]")
    if len(problems) > PROBLEMS_SHOWN:
        errors.print(f"[red]{said.more_problems.format(more=len(problems) - PROBLEMS_SHOWN)}[/]")
    if args.output or to_stdout:
        errors.print(said.written.format(rows=len(card.rows), where=escape(args.output or said.standard_output)))
    if summary_path:
        errors.print(said.summary_written.format(groups=len(summary), where=escape(str(summary_path))))
    return 0 if card.complete or args.allow_ungraded else 1


def _beside(path: str, suffix: str) -> str:
    """The path of a file beside *path*: out.csv → out.summary.csv."""
    file = Path(path)
    return str(file.with_name(file.stem + suffix))


# -- lint ---------------------------------------------------------------------
def _lint(args: argparse.Namespace) -> int:
    """``kpi lint``: on a terminal findings said alike of many rows are grouped, so that a
    long table's few real problems are not lost among its repeated tier sets."""
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
    """``kpi parse``: the reading of one tier text or tier set, for an author checking a text."""
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
        # What the reading corrected, set aside or took as met, which the canonical text alone does not show.
        document |= {"label": rule.label, "corrections": list(rule.corrections), "set_aside": list(rule.set_aside)}
        document["met"] = list(rule.met)
    if indicator is not None:
        targets = [str(target) for target in indicator.targets]
        document["indicator"] = {"text": indicator.text, "targets": targets, "unread": list(indicator.unread)}
    if args.format == "json":
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print_parse(document, args.lang)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kpi`` command; returns the exit status."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    args = parser(lang_of(arguments)).parse_args(arguments)
    handler = {"template": _template, "score": _score, "lint": _lint, "parse": _parse}[args.command]
    # SIGTERM ends the run as Ctrl-C does: half-written outputs are removed on the way out.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        with _no_cyclic_collection():
            return handler(args)
    except (KpiError, OSError) as error:
        message = error.says(args.lang) if isinstance(error, KpiError) else str(error)
        console(stderr=True).print(f"[red]{_said(args).error}[/]{escape(message)}")
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
