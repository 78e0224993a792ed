"""What the ``kpi`` command itself says on a terminal, in Chinese and in English.

These are the command's own sentences (what it read and wrote, the
scorecard's and lint's summaries, how ``kpi parse`` shows a reading), one
:class:`CommandWords` per language, as :mod:`kpi.wording` holds the
library's; ``kpi.wording.words(lang).command`` gives them, so that a reader
of either language is served from one place.  Templates are ``str.format``
strings with named fields; the values put in them are the caller's to
escape (rich markup) and to colour.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["COMMAND_EN", "COMMAND_ZH", "CommandWords"]


@attrs.frozen
class CommandWords:
    """One language's sentences of the ``kpi`` command, keyed by what they say."""

    # -- what the command reads and writes ------------------------------------
    reading: str  # {path}: while a file is read
    grading: str  # while rows are graded
    writing: str  # while rows are written
    notice: str  # {notice}: what a reader noticed
    error: str  # in front of an error
    standard_output: str  # the output named "-"
    written: str  # {rows} {where}
    headings_left_out: str  # {headings}: after written, for kpi template
    summary_written: str  # {groups} {where}
    more_problems: str  # {more}: problems not listed
    template_unreadable: str  # {place}: a row kpi template asks a completion rate of
    no_actual: str  # {table}: a table scored without figures
    # -- the scorecard ----------------------------------------------------------
    each_in: str  # {path}: where each row's result is, for a table too long to list
    each_with_o: str  # for a table too long to list, written nowhere
    long_table: str  # {title} {rows} {where}
    summary_title: str
    summary_in_book: str  # {path}
    summary_in: str  # {path}
    summary_whole: str
    summary_left_out: str  # {activities} {where}
    total: str  # {points} {band} {graded} {ungraded}
    total_zeroed: str  # {zeroed}
    total_excluded: str
    fewer_than_half: str  # {graded} {rows}
    # -- lint -------------------------------------------------------------------
    rows_alike: str  # {rows} {listed} {more}: a finding said alike of several rows
    rows_more: str  # {more} when more rows than listed
    lint_summary: str  # {indicators} {errors} {warnings} {notes}
    lint_routine: str  # {routine}
    lint_below: str  # {below}
    whole_number_hint: str  # {gaps}
    # -- kpi parse --------------------------------------------------------------
    tier_columns: tuple[str, str, str]  # label, text, canonical
    tiers_title: str
    scale_and_metrics: str  # {direction} {metrics}
    metrics: str  # {metrics}
    qualitative: str  # an indicator stating no target
    indicator_targets: str  # {targets}
    indicator_unread: str  # {clauses}: clauses with a figure read as no target


COMMAND_ZH: Final = CommandWords(
    reading="读取 {path}",
    grading="评定",
    writing="写出",
    notice="提示：{notice}",
    error="kpi：错误：",
    standard_output="标准输出",
    written="已写入 {rows} 行到 {where}",
    headings_left_out="（略去 {headings} 个标题行）",
    summary_written="已将 {groups} 组的汇总写入 {where}",
    more_problems="……另有 {more} 个问题（全部问题：--format json）",
    template_unreadable="{place}：评价标准无法读取；该行改为填报完成率",
    no_actual="{table}: 表中没有实际完成值；请同时给出结果文件（kpi template 可写出一份供填报）",
    each_in="逐项结果见 {path}",
    each_with_o="逐项结果请用 -o 写入文件",
    long_table="{title}：{rows} 项指标，{where}",
    summary_title="汇总 (summary)",
    summary_in_book="见 {path} 的汇总",
    summary_in="见 {path}",
    summary_whole="完整汇总请用 -o 输出，或 --summary",
    summary_left_out="另有 {activities} 项职责活动的汇总未在此列出（{where}）",
    total="总分 {points} / 100，等级 {band}；已评定 {graded} 项，未评定 {ungraded} 项",
    total_zeroed="（其中未填报或无效的 {zeroed} 项按 0 分计入总分，其余不计入）",
    total_excluded="（未评定的指标不计入总分；按 0 分计入请用 --missing zero）",
    fewer_than_half="注意：总分只依据 {graded} / {rows} 项指标，不足一半",
    rows_alike="（共 {rows} 行，另见第 {listed}{more} 行）",
    rows_more=" 等",
    lint_summary="{indicators} 项指标：错误 {errors} 条，警告 {warnings} 条，提示 {notes} 条",
    lint_routine="；另有 {routine} 条相邻两档共用端点的提示未列出（--all 可显示）",
    lint_below="；{below} 条低于所选级别未列出",
    whole_number_hint=(
        "提示：{gaps} 条缺口不含任何整数（如 (94%, 95%)）；若结果按整数填报，用 --precision 1 可免去这些提示"
    ),
    tier_columns=("档次", "原文", "规范写法"),
    tiers_title="档次",
    scale_and_metrics="方向：{direction}；指标：{metrics}",
    metrics="指标：{metrics}",
    qualitative="—（定性）",
    indicator_targets="指标目标：{targets}",
    indicator_unread="未能读成目标值的数字：{clauses}（完成率须另行评估）",
)

COMMAND_EN: Final = CommandWords(
    reading="reading {path}",
    grading="grading",
    writing="writing",
    notice="notice: {notice}",
    error="kpi: error: ",
    standard_output="standard output",
    written="wrote {rows} rows to {where}",
    headings_left_out=" ({headings} headings left out)",
    summary_written="wrote the summary of {groups} groups to {where}",
    more_problems="… and {more} more problems (all of them: --format json)",
    template_unreadable="{place}: tiers cannot be read; the row asks for a completion rate",
    no_actual="{table}: the table holds no 实际完成值; give the results file too (kpi template writes one to fill)",
    each_in="each in {path}",
    each_with_o="write each with -o",
    long_table="{title}: {rows} indicators, {where}",
    summary_title="summary",
    summary_in_book="see the summary in {path}",
    summary_in="see {path}",
    summary_whole="for the whole summary write with -o, or use --summary",
    summary_left_out="the summaries of {activities} more duties and activities are not listed here ({where})",
    total="score {points} / 100, band {band}; {graded} graded, {ungraded} not",
    total_zeroed=" ({zeroed} missing or unreadable figures count as 0 points)",
    total_excluded=" (left out of the score; --missing zero counts them as 0 points)",
    fewer_than_half="note: the score rests on {graded} of {rows} indicators, fewer than half",
    rows_alike=" ({rows} rows; also lines {listed}{more})",
    rows_more=", …",
    lint_summary="{indicators} indicators: {errors} errors, {warnings} warnings, {notes} notes",
    lint_routine="; {routine} notes on bounds neighbouring tiers share not shown (--all shows them)",
    lint_below="; {below} below the severity asked not shown",
    whole_number_hint=(
        "hint: {gaps} gaps hold no whole number, such as (94%, 95%); if outcomes are whole numbers,"
        " --precision 1 drops them"
    ),
    tier_columns=("label", "text", "canonical"),
    tiers_title="tiers",
    scale_and_metrics="scale: {direction} is better; metrics: {metrics}",
    metrics="metrics: {metrics}",
    qualitative="— (qualitative)",
    indicator_targets="indicator targets: {targets}",
    indicator_unread="figures read as no target: {clauses} (assess the completion rate instead)",
)
