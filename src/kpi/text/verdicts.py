"""Verdicts after a tier's condition: the band's name a clause gives it, and words that judge it.

A tier written as a clause often says what its condition makes of the band after it: a label
(…的为优秀, …评为良好, 90分以上的優等成績), a verdict that names no band (…属危急情况, …被归类为糖尿病前期状态)
or a band's name right after the value (空气污染指数 ≤ 50 优级).  These are found here, for
:mod:`kpi.text.clauses`, which cuts them from the condition; what is not surely a verdict (…,扣分的为良好,
≤50很少, …的合格率) is left in the condition, so that the tier is refused rather than read without it.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from kpi.text.band_names import is_label
from kpi.text.numerals import MAGNITUDES
from kpi.units import unit_names

__all__ = ["LABEL_AFTER", "LABEL_WORDS", "NOT_NOUN", "VERDICT", "bare_verdict", "label_after", "verdict_after"]

# How a metric's noun ends (合格率, 扣分, 人数, 金额, 数量, 血糖值): words after a value that end so name a metric,
# never a band's name, nor the thing a clause describes.
_NOUN_ENDS: Final = ("率", "分", "数", "额", "量", "值")
NOT_NOUN: Final = "(?<![" + "".join(_NOUN_ENDS) + "])"
# Verbs that say what a condition makes of its band, besides 为/是/属于: …被归类为糖尿病前期状态,
# …称为空腹血糖受损, …定义为肥胖, …可诊断为高血压, …就考虑糖尿病, …需临床干预.
_VERDICT_VERBS: Final = (
    r"被归类为|归类为|被定义为|定义为|被视为|(?:则?可以|则?可能|可)?诊断为|称之为|称为|叫做"
    r"|可以考虑|考虑为|考虑|需要|需"
)
# How words after a comparison's number begin when they are another condition, or words after one, not a
# verdict: 或, 且, 但 (得分≥10且很多); a negation of having, which states a condition of its own (没有扣分 is
# 扣分≤0, 无违纪, 未扣分, …除外).  不 begins a band's name (≥60不合格), so it is not among them.
_NOT_VERDICT_START: Final = ("或", "且", "并且", "而且", "但", "同时", "没", "无", "未", "非", "除")
# A label the clause names after the condition (up to 12 characters): …的为优秀, …评为良好, …属于合格等级, …为A级,
# a label 的 attaches to a noun: 90分以上的优等成绩, 60%以上的评及格; and 其余按待及格的标准评定.
# Words between the condition and the verb (…,视为…, …,空气质量为优) are read through, but never a clause
# of their own, closed by 的 or 者 or begun by a joining word: 90分以上,且无扣分的为优秀 is 90分以上且无扣分.
# Never after a negation: …,但存在特定情形者不得评为A级 does not name its band.  A diagnosis may say who has it:
# …便是患上糖尿病 names the band 糖尿病.
LABEL_AFTER: Final = re.compile(
    r"(?:(?:的|者|时)?(?:[,;]\s*(?!" + "|".join(_NOT_VERDICT_START) + r")[^\d,;。的者]{1,10}?)?[,;:\s]*(?:则|即|就|便)?"
    r"(?<!不得)(?<!不能)(?<!不予)(?<!不)(?:"
    + _VERDICT_VERBS
    + r"|评定为|评为|定为|确定为|认定为|为|属于|属|是|即为|记为|列为|计为|视为|评)|的|按)"
    r"\s*(?:患上|患有)?\s*[“\"「]?(?P<label>[^\d\s“”\"「」%≥≤<>=()\[\],;。.、:·-]{1,12}?)[”\"」]?"
    r"(?:等级|等次|档次|级别|档|成绩|水平|范围|状态|的?标准评定|评定)?[,;。.!\s]*$"
)
# A negated verdict right before a label: …,扣分者不得评为A级, …不评为优秀, …不是A级 says what the band is not,
# however the verb's characters are split (the search may begin at its 为).
_NEGATED_VERB: Final = re.compile(
    r"[不未非没无](?:得|能|予|应|可|会)?(?:评定|确定|认定|评|定|列|计|记|视|属于|属|是|为|按)*\s*[“\"「]?$"
)


def _unnegated(text: str, pattern: re.Pattern[str], group: str) -> re.Match[str] | None:
    """*pattern*'s label or verdict clause after the condition (…的为优秀, …属危急情况), never one a negation
    says the band is not (…,扣分者不得评为A级, …的不评为优秀: an exception of the band, which
    :mod:`kpi.text.clauses` reads or the tier refuses)."""
    after = pattern.search(text)
    return None if after is None or _NEGATED_VERB.search(text, 0, after.start(group)) else after


def label_after(text: str) -> re.Match[str] | None:
    return _unnegated(text, LABEL_AFTER, "label")


# A character every label clause after the condition has (of its verb, 的 or 按).
LABEL_WORDS: Final = re.compile(r"[为属是评定视记列计的按称叫诊考需]")
# A verdict after the condition that does not name the band (体温超过41°C属危急情况 for the band 超高热,
# BMI在18.5-23.9之间属于健康体重范围 for 正常范围): wording, read through, never a metric.  Only
# right after a value (a number, its unit, 以上, 之间, …): 质量为优 states no figure.
VERDICT: Final = re.compile(
    r"(?:的|者|时)?\s*[,;]?\s*(?:这|则|就|即)?\s*(?<![不未])(?:"
    + _VERDICT_VERBS
    + r"|属于|属|为|是)\s*(?P<verdict>[^\d零〇一二两三四五六七八九十百千万%‰<>=≥≤()\[\],;。.、]{1,16})[。.;!\s]*$"
)


@functools.cache
def _unit_spellings() -> tuple[str, ...]:
    """Every unit and magnitude a value may be written with (50人次, 3万人): no verdict begins with one."""
    return (*unit_names(), *MAGNITUDES)


# A word right after a number that follows a comparison symbol, its metric named before (空气污染指数≤50优级).
_BARE_VERDICT: Final = re.compile(r"[<>=≥≤≦≧]\s*[0-9]+(?:\.[0-9]+)?\s*(?P<verdict>[\u4e00-\u9fff]{2,8})[。.;!\s]*$")
_NAMED_FIRST: Final = re.compile(r"[^\W\d_]+\s*(?:[<>=≥≤≦≧]|[0-9])")


# What a word after the value must look like to be dropped as a band's name: a band word (良好), a grade
# (优级, 一类, 二等) or a degree of severity (轻度污染, 重度贫血).  Any other word (很少, 较多) may qualify the
# condition, and is never dropped unread.
_BAND_NAME_FORM: Final = re.compile(r"[^\W\d_]{1,3}[级等档类]|(?:轻度|中度|重度|极重度|严重|轻微)[^\W\d_]{1,4}")


def bare_verdict(text: str) -> int:
    """Where a word right after the number of a comparison begins, its metric named before the value
    (空气污染指数≤50优级: a verdict, not a second metric), or 0; never a unit or magnitude (≤50人次)."""
    bare = _BARE_VERDICT.search(text)
    if bare is None or bare["verdict"].startswith(_unit_spellings()) or not _NAMED_FIRST.match(text):
        return 0
    if bare["verdict"].startswith(_NOT_VERDICT_START) or bare["verdict"].endswith(_NOUN_ENDS):
        return 0  # 得分≥10或很多, 得分≥90没有扣分, ≥90合格率: another condition or metric, never a band's name to drop
    if not (is_label(bare["verdict"], None) or _BAND_NAME_FORM.fullmatch(bare["verdict"])):
        return 0  # 空气污染指数≤50很少: no band's name, perhaps a condition of its own
    return bare.start("verdict")


def verdict_after(text: str) -> re.Match[str] | None:
    """A verdict after the condition that names no band (…属危急情况), never a negated one."""
    return _unnegated(text, VERDICT, "verdict")
