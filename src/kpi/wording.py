"""Every sentence kpi writes for an evaluator, in Chinese and in English.

Explanations of grades, lint findings, scoring reasons and notes are
templates here, one :class:`Words` per language, keyed by what is said, so
that the two languages stay in step; the modules that decide what to say
(:mod:`kpi.grading.grades`, :mod:`kpi.grading.lint`, :mod:`kpi.scoring`)
fill them in; the ``kpi`` command's own sentences are :attr:`Words.command`
(:mod:`kpi.command_wording`), and what the notes on a grade mean and how each language says them
lives in :mod:`kpi.note_wording`.  Templates are ``str.format`` strings with named fields; the
few said on every graded row are functions (an f-string costs a quarter of
``str.format``, and a table explains a hundred thousand rows).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final, Literal

import attrs

from kpi.command_wording import COMMAND_EN, COMMAND_ZH, CommandWords
from kpi.note_wording import (
    NOTE_NAMES_EN,
    NOTE_NAMES_ZH,
    NOTE_TEXTS_EN,
    NOTE_TEXTS_ZH,
    NOTES,
    STRICT_WHY_EN,
    STRICT_WHY_ZH,
)

__all__ = ["NOTES", "Language", "Words", "english_band", "words"]

Language = Literal["zh", "en"]

# The national scale's labels and what English readers call them.
_ENGLISH_BANDS: Final = {"优": "excellent", "良": "good", "中": "fair", "差": "poor"}


def english_band(label: str) -> str:
    """How an English explanation names a band: a Chinese national label with its
    English name beside it (优 (excellent)), any other label as it is."""
    english = _ENGLISH_BANDS.get(label)
    return label if english is None else f"{label} ({english})"


@attrs.frozen
class Words:
    """One language's sentences, keyed by what they say."""

    # -- explaining a grade --------------------------------------------------
    join: str  # between listed items
    above_by: Callable[[str], str]  # amount: how far above a lower bound
    below_by: Callable[[str], str]  # amount: how far below an upper bound
    exactly: str
    within: Callable[[str, str], str]  # value, range
    share: str  # {metric} {base}: a metric graded as a share of a base (增值额占扣除项目金额的比例)
    otherwise: str  # {shown} {text}
    uncovered: str
    span: str  # {shown} {low} {high} {label}: an outcome inside a span threshold (kpi.span_thresholds)
    no_band: str
    tier_named: Callable[[str], str]  # label: a band named as a tier (优档, 第1档, not 第1档档)
    gap: str  # {shown} {better} {better_text} {label} {text}
    unearned: str  # {shown} {better} {better_text} {label}
    above: str  # {shown} {label} {text}
    below: str  # {shown} {label} {text}
    completion: Callable[[str, str, str], str]  # rate, details, how (empty for a single target)
    target_rate: Callable[[str, str, str, str], str]  # metric, actual, target, rate
    aggregates: Mapping[str, str]  # lowest, mean, weighted
    and_: str
    points: str  # the unit of a difference of percentages
    note_texts: Mapping[str, str]
    note_names: Mapping[str, str]  # each note as a short phrase, for a report's 备注 column
    typo: str  # {correction}: a tier read with the correction of a typo
    set_aside: str  # {wording}: what the tiers say besides a condition a figure can meet
    condition_met: str  # {wording}: the clauses of the tiers' conditions without a figure, taken as met
    unmeasured: str  # {metrics}: metrics with no outcome, whose alternatives were left out
    unit_span: str  # {written} {low} {high} {unit}: an outcome that converts only approximately, and its span
    meets: str  # {shown} {text}: such an outcome, in a tier wherever in its span it lies
    unit_range: str  # {calendar} {shortest} {longest}: why the span, and that the band is the same throughout
    unit_straddles: str  # {shown} {bands} {unit} {calendar} {shortest} {longest}: refused, the band not certain
    calendars: Mapping[str, str]  # 个月, 季度, 年: a calendar unit as a sentence names one of them
    met_exactly: str
    beaten_by: str  # {amount}{unit}
    missed_by: str  # {amount}{unit}
    strict_unmatched: str  # {explained}: a grade placed by the gap rules, refused by grade(..., strict=True)
    strict_refused: str  # {note} {name} {why} {explained}: a grade read on a guess, refused likewise
    strict_why: Mapping[str, str]  # why each note read on a guess is refused (fraction, unit-assumed, …)
    # -- lint ----------------------------------------------------------------
    severities: Mapping[str, str]  # error, warning, info
    kinds: Mapping[str, str]  # gap, overlap, …
    tier: str  # {label} {text}: how a finding names a tier
    worst_tier: str  # {text}
    contradiction: str  # {tier}
    empty_alternative: str  # {tier}, {part}: an alternative (或) of it that no outcome can meet
    never_chosen: str  # {tier}
    swallows: str  # {tier} {shared} {effective}
    overlap: str  # {tier} {better} {shared} {winner}
    shared_bound: str  # {value} {tier}
    typo_read: str  # {tier} {correction}
    joined_tiers: str  # {label} {texts}: neighbouring tiers given one label, read as one band
    band_order: str  # {tier} {label} {before}: a tier named better than the one before it
    names_one: str  # tiers whose names were read as one metric's, some naming none
    exception_assumed: str  # a tier's exception of its band that no figure shows, taken not to apply
    span_tier: str  # {tier} {low} {high}: a threshold fixed locally within a span (kpi.span_thresholds)
    names_apart: str  # {names}: tiers whose names may be one score's
    gap_lower: str  # {span} {label}
    gap_none: str  # {span}
    declared_against: str  # {name} {declared} {inferred}
    rank_against: str  # {name} {inferred}: a rank (1 is best) on tiers ordered otherwise
    bare_non_monotone: str  # {name}
    non_monotone: str  # {name}
    no_direction: str  # {name}
    metric_name: str  # {metric}: a metric named in front of a finding
    directions: Mapping[str, str]  # higher, lower, non-monotone
    # -- why a row of a table was not graded ---------------------------------
    unreadable_tiers: str  # {error}
    no_result_row: str
    duplicate_id: str  # {id} {lines}
    no_value: str
    missing_values: str  # {names}
    weight_not_a_number: str  # {text}
    weight_negative: str  # {text}
    # -- the national form's rule (kpi.national) -------------------------------
    form_met: str  # {actual} {target}
    form_missed: str  # {actual} {target} {share} {how}
    form_reach: str
    form_limit: str
    form_qualitative: str  # {grade} {share}
    form_word: str  # {actual} {grade} {share}
    form_needs_word: str  # {target} {actual}
    form_budget: str  # {rate} {share}
    form_unit: str  # {actual} {target}
    form_unitless: str  # {unit}
    form_fraction: str  # {actual}
    form_bare_reach: str
    form_bare_limit: str
    score_differs: str  # {place} {id} {written} {computed}
    score_chosen: str  # {written} {range}
    score_out_of_range: str  # {place} {id} {written} {grade} {range} {computed}
    # -- what in a results file matches no row of the table ---------------------
    unknown_id: str  # {place} {id}
    repeated_id: str  # {place} {id} {times} {first}
    no_id: str  # {place}
    # -- where in a file: a Word document's tables (a CSV's or a sheet's rows are path:line) --
    table_name: str  # {table}: a table of a Word document, by its number
    table_row: str  # {path} {table} {line}: a row of such a table
    # -- what the kpi command says of its own (kpi.command_wording) --------------
    command: CommandWords


_ZH: Final = Words(
    join="、",
    above_by=lambda amount: f"（高出{amount}）",
    below_by=lambda amount: f"（低于上限{amount}）",
    exactly="（恰好达到）",
    within=lambda value, range_: f"{value} 在 {range_} 之内",
    share="{metric}占{base}的比例",
    otherwise="{shown} 不属于以上各档，按“{text}”",
    uncovered="不在任何一档之内",
    span="{shown}在{low}至{high}之间：{label}的起点由各地在此区间内确定",
    no_band="未定档",
    tier_named=lambda label: label if label.endswith("档") else f"{label}档",
    gap="{shown} 未达到{better}“{better_text}”，高于{label}“{text}”",
    unearned="{shown}：不满足{better}“{better_text}”，按较低一档",
    above="{shown} 优于最高档{label}“{text}”",
    below="{shown} 未达到最低档{label}“{text}”",
    completion=lambda rate, details, how: f"完成率 {rate}（{details}{'，' + how if how else ''}）：",
    target_rate=lambda metric, actual, target, rate: f"{metric} {actual}（目标{target}）= {rate}",
    aggregates=MappingProxyType({"lowest": "取最低值", "mean": "取平均值", "weighted": "取加权平均值"}),
    and_="，且",
    points="个百分点",
    note_texts=NOTE_TEXTS_ZH,
    note_names=NOTE_NAMES_ZH,
    typo="（笔误已更正：{correction}）",
    set_aside="（档次中条件以外、无法由数值判断的内容未予考虑：{wording}）",
    condition_met="（档次中没有数值的条件视为已满足：{wording}）",
    unmeasured="（未给出实际值的指标未予考虑，以“或”连接的相应条件不参与评定：{metrics}）",
    unit_span="{written}（折合{low}至{high}{unit}）",
    meets="{shown} 在“{text}”之内",
    unit_range="（{calendar}为{shortest}至{longest}天，无论按多少天折算都在这一档）",
    unit_straddles="{shown}跨越{bands}（{calendar}为{shortest}至{longest}天，档次取决于按多少天折算）：请以“{unit}”给出实际值",
    calendars=MappingProxyType({"个月": "一个月", "季度": "一个季度", "年": "一年"}),
    met_exactly="（恰好完成）",
    beaten_by="（超额{amount}{unit}）",
    missed_by="（差{amount}{unit}）",
    strict_unmatched="没有哪一档直接且单独地符合：{explained}",
    strict_refused="严格评定不予评定（备注：{name}）：{why}。{explained}",
    strict_why=STRICT_WHY_ZH,
    severities=MappingProxyType({"error": "错误", "warning": "警告", "info": "提示"}),
    kinds=MappingProxyType(
        {
            "gap": "缺口",
            "overlap": "重叠",
            "unreachable": "不可达",
            "suspicious": "疑似笔误",
            "shared-bound": "共用端点",
            "typo": "笔误",
            "metric-names": "指标名称",
            "joined": "合并档次",
            "assumption": "假定",
            "exception": "例外情形",
            "direction": "方向",
            "unreadable": "无法读取",
        }
    ),
    tier="{label}“{text}”",
    worst_tier="最差档“{text}”",
    contradiction="{tier}的条件互相矛盾，任何结果都不可能满足",
    empty_alternative="{tier}中以“或”连接的条件“{part}”互相矛盾，任何结果都不可能满足，疑为笔误：该档只按其余条件评定",
    never_chosen="{tier}永远不会被采用：它覆盖的结果都已归入更好的档次",
    swallows="{tier}侵入了更好的档次：{shared} 已由更好的档次评定，该档实际只适用于 {effective}，疑为笔误",
    overlap="{tier}与{better}重叠于 {shared}，按先匹配原则评为{winner}",
    shared_bound="{value} 是相邻两档共用的端点，归明示包含它的{tier}",
    typo_read="{tier}有笔误，按更正后的文字理解：{correction}",
    joined_tiers="相邻各档“{texts}”的等级名称同为“{label}”，合为一档；如等级名称有误，请更正",
    band_order="{tier}的等级名称“{label}”好于排在它前面的“{before}”：各档应从好到差排列，等级名称或次序可能有误",
    names_one="各档所写的指标名称不同，有的档未写指标：按同一指标评定，每个评定结果都注明",
    span_tier="{tier}是区间门槛：起点由各地在{low}至{high}之间确定，落在其中的结果不定档",
    exception_assumed="有的档写有无法由数值判断的例外情形（但…不得评为…）：按不存在例外情形评定，每个评定结果都注明",
    names_apart=(
        "各档的指标名称不同（{names}），可能指同一得分：按名称分别给出实际值时分别评定；"
        "只给一个数值时，若各档合起来单调排列，按同一指标评定并注明"
    ),
    gap_lower="没有任何档次覆盖 {span}：这样的结果按较低一档评为{label}",
    gap_none="没有任何档次覆盖 {span}：这样的结果无法定档",
    declared_against="{name}方向声明为{declared}，但各档次的顺序表明{inferred}",
    rank_against="{name}数值越小名次越好（第1名最好），但各档次的顺序表明{inferred}",
    bare_non_monotone="{name}档次不按数值单调排列，单独的数值只能按“等于”理解",
    non_monotone="{name}档次不按数值单调排列：不在任何档次内的结果无法定档",
    no_direction="{name}无法从档次判断方向，单独的数值按“不低于”理解",
    metric_name="{metric}的",
    directions=MappingProxyType({"higher": "越高越好", "lower": "越低越好", "non-monotone": "非单调"}),
    unreadable_tiers="评价标准无法读取：{error}",
    no_result_row="结果文件中没有这一行",
    duplicate_id="结果文件中编号 {id} 出现多次（第{lines}行），无法确定采用哪一行",
    no_value="未填写实际值",
    missing_values="缺少 {names} 的实际值",
    weight_not_a_number="权重“{text}”不是数字",
    weight_negative="权重“{text}”不是非负数",
    form_met="实际完成值 {actual} 达到指标值“{target}”：得满分",
    form_missed="实际完成值 {actual} 未达到指标值“{target}”：得分为分值的 {share}（{how}）",
    form_reach="实际 ÷ 指标",
    form_limit="指标 ÷ 实际",
    form_qualitative="定性指标评为{grade}：得分为分值的 {share}",
    form_word="实际完成值“{actual}”是评定而非数字：按{grade}计，得分为分值的 {share}",
    form_needs_word="指标值“{target}”是定性指标：实际完成值应填 达成、部分达成 或 未达成，而不是“{actual}”",
    form_budget="预算执行率 {rate}：得分为分值 × 执行率，即分值的 {share}（不超过分值）",
    form_unit="实际完成值“{actual}”的单位与指标值“{target}”的不同，无法比较",
    form_unitless="实际完成值未写单位，按指标值的单位 {unit} 读",
    form_fraction="实际完成值 {actual} 未写单位：是 {actual}% 还是 {actual} × 100%？请写明 %",
    form_bare_reach="指标值未写 ≥ 或 ≤，按应达到的数值（≥）读",
    form_bare_limit="指标值未写 ≥ 或 ≤，成本指标按不应超过的上限（≤）读",
    score_differs="{place}: 编号 {id} 手填得分 {written}，kpi 计得 {computed}",
    score_chosen="手填得分 {written} 在该评定的得分区间 {range} 内，采用手填得分",
    score_out_of_range="{place}: 编号 {id} 手填得分 {written} 不在{grade}的得分区间（{range}）内；kpi 计得 {computed}",
    unknown_id="{place}: 编号 {id} 的结果在表格中没有对应的行",
    repeated_id="{place}: 编号 {id} 出现 {times} 次（第一次在 {first}）",
    no_id="{place}: 结果行没有编号",
    table_name="表格 {table}",
    table_row="{path}: 表格 {table} 第 {line} 行",
    command=COMMAND_ZH,
)

_EN: Final = Words(
    join=", ",
    above_by=lambda amount: f" ({amount} above)",
    below_by=lambda amount: f" ({amount} under the limit)",
    exactly=" (exactly)",
    within=lambda value, range_: f"{value} lies within {range_}",
    share="{metric} as a share of {base}",
    otherwise="{shown} matches none of the tiers above, so “{text}” applies",
    uncovered="lies in no tier",
    span="{shown} lies between {low} and {high}: where {label} starts is fixed locally within that span",
    no_band="no band",
    tier_named=str,
    gap="{shown} falls short of {better} “{better_text}” but exceeds {label} “{text}”",
    unearned="{shown}: {better} “{better_text}” is not earned, so the lower tier applies",
    above="{shown} is beyond the best tier, {label} “{text}”",
    below="{shown} falls short of the worst tier, {label} “{text}”",
    completion=lambda rate, details, how: f"completion {rate} ({details}{'; ' + how if how else ''}): ",
    target_rate=lambda metric, actual, target, rate: f"{metric} {actual} (target {target}) = {rate}",
    aggregates=MappingProxyType(
        {"lowest": "the lowest counts", "mean": "the mean counts", "weighted": "the weighted mean counts"}
    ),
    and_=", and ",
    points=" percentage points",
    note_texts=NOTE_TEXTS_EN,
    note_names=NOTE_NAMES_EN,
    typo=" (typo corrected: {correction})",
    set_aside=" (what the tiers say besides a condition a figure can meet is not considered: {wording})",
    condition_met=" (conditions in the tiers without a figure are taken as met: {wording})",
    unmeasured=" (no figure for {metrics}: the alternatives (或) on them were left out of the decision)",
    unit_span="{written} ({low} to {high}{unit})",
    meets="{shown} lies within “{text}”",
    unit_range=" ({calendar} is {shortest} to {longest} days: the band is the same whichever length it is)",
    unit_straddles=(
        "{shown} spans {bands} ({calendar} is {shortest} to {longest} days, and the band depends on which):"
        " give the outcome in {unit}"
    ),
    calendars=MappingProxyType({"个月": "a month", "季度": "a quarter", "年": "a year"}),
    met_exactly=" (exactly met)",
    beaten_by=" (beaten by {amount}{unit})",
    missed_by=" (missed by {amount}{unit})",
    strict_unmatched="no tier matches directly and alone: {explained}",
    strict_refused="strict grading refuses a grade noted {note} ({name}): {why}. {explained}",
    strict_why=STRICT_WHY_EN,
    severities=MappingProxyType({"error": "error", "warning": "warning", "info": "info"}),
    kinds=MappingProxyType(
        {
            "gap": "gap",
            "overlap": "overlap",
            "unreachable": "unreachable",
            "suspicious": "suspicious",
            "shared-bound": "shared-bound",
            "typo": "typo",
            "metric-names": "metric-names",
            "joined": "joined",
            "assumption": "assumption",
            "exception": "exception",
            "direction": "direction",
            "unreadable": "unreadable",
        }
    ),
    tier="{label} “{text}”",
    worst_tier="the worst tier “{text}”",
    contradiction="{tier} can never hold: its conditions contradict each other",
    empty_alternative=(
        "{tier} has an alternative (或) no outcome can meet, {part}: perhaps a typo; the tier is graded"
        " on its other alternatives alone"
    ),
    never_chosen="{tier} can never be chosen: better tiers already take every value it covers",
    swallows=(
        "{tier} swallows better tiers: {shared} is graded by them first, so it only applies to {effective};"
        " probably a slip"
    ),
    overlap="{tier} and {better} share {shared}; {winner} wins (first match)",
    shared_bound="{value} is a bound two neighbouring tiers share: it goes to {tier}, which marks it",
    typo_read="{tier} has a typo and is read as corrected: {correction}",
    joined_tiers=(
        "neighbouring tiers “{texts}” are all labelled {label} and were read as one band;"
        " correct the labels if that is a slip"
    ),
    band_order=(
        "{tier} is named {label}, better than {before} before it: tiers go best first, so a label or the order"
        " may be a slip"
    ),
    names_one="the tiers name their metric differently and some name none: read as one metric, noted on every grade",
    span_tier=(
        "{tier} is a span threshold: where it starts is fixed locally from {low} to {high}; outcomes inside get no band"
    ),
    exception_assumed=(
        "a tier makes an exception of its band that no figure can show (但…不得评为…): it is taken not to apply,"
        " noted on every grade"
    ),
    names_apart=(
        "the tiers name their metric differently ({names}), perhaps one score: figures given per name are"
        " graded apart; a single figure, where the tiers together run one way, as one metric's, noted"
    ),
    gap_lower="no tier covers {span}: such outcomes get the lower neighbour, {label}",
    gap_none="no tier covers {span}: such outcomes get no band",
    declared_against="{name}declared {declared} is better, but the tiers read {inferred}",
    rank_against="{name}a rank is better the smaller it is (1st is best), but the tiers read {inferred}",
    bare_non_monotone="{name}the tiers are not ordered by value, so a bare value can only mean that exact value",
    non_monotone="{name}the tiers are not ordered by value: outcomes outside every tier get no band",
    no_direction="{name}the direction cannot be read from the tiers; bare values are read as minimums",
    metric_name="{metric}: ",
    directions=MappingProxyType({"higher": "higher", "lower": "lower", "non-monotone": "non-monotone"}),
    unreadable_tiers="the tiers cannot be read: {error}",
    no_result_row="the results file has no row for it",
    duplicate_id="id {id} appears more than once in the results file (lines {lines}): which row applies is unclear",
    no_value="no figure filled in",
    missing_values="no figure for {names}",
    weight_not_a_number="weight “{text}” is not a number",
    weight_negative="weight “{text}” is not a non-negative number",
    form_met="实际完成值 {actual} meets the target “{target}”: full points",
    form_missed="实际完成值 {actual} misses the target “{target}”: {share} of the points ({how})",
    form_reach="actual ÷ target",
    form_limit="target ÷ actual",
    form_qualitative="a qualitative target graded {grade}: {share} of the points",
    form_word="实际完成值 “{actual}” is a judgement, not a figure: counted as {grade}, {share} of the points",
    form_needs_word=(
        "the target “{target}” is qualitative: its 实际完成值 must be 达成, 部分达成 or 未达成, not “{actual}”"
    ),
    form_budget="budget execution rate {rate}: points × the rate, {share} of the points (never more than all)",
    form_unit="the unit of 实际完成值 “{actual}” is not that of the target “{target}”: they cannot be compared",
    form_unitless="实际完成值 has no unit: read in the target's unit, {unit}",
    form_fraction="实际完成值 {actual} has no unit: is it {actual}% or {actual} × 100%? Write the %",
    form_bare_reach="the target has no ≥ or ≤: read as a figure to reach (≥)",
    form_bare_limit="the target has no ≥ or ≤: a cost indicator's is read as a limit not to exceed (≤)",
    score_differs="{place}: id {id}: 得分 {written} written by hand, kpi works out {computed}",
    score_chosen="得分 {written} written by hand lies in the grade's range {range}, and counts",
    score_out_of_range=(
        "{place}: id {id}: 得分 {written} written by hand is outside the range of {grade} ({range}); kpi works out"
        " {computed}"
    ),
    unknown_id="{place}: result for unknown id {id}; the table has no such row",
    repeated_id="{place}: id {id} appears {times} times (first at {first})",
    no_id="{place}: result row without an id",
    table_name="table {table}",
    table_row="{path}: table {table}, row {line}",
    command=COMMAND_EN,
)

_BY_LANGUAGE: Final[Mapping[str, Words]] = MappingProxyType({"zh": _ZH, "en": _EN})


def words(lang: Language = "zh") -> Words:
    """The sentences of *lang*: ``"zh"`` (the default) or ``"en"``."""
    try:
        return _BY_LANGUAGE[lang]
    except KeyError:
        raise ValueError(f"language must be 'zh' or 'en', not {lang!r}") from None
