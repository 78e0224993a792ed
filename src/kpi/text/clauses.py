"""Tiers written as clauses: the words around a condition, and an inline band label.

Authors wrap the condition of a tier in a clause: ``当合格率在90%以上时``,
``出勤率不足80%者。``, ``考核得分在90分以上的为优秀``, ``优秀：90分以上``,
``A级（≥90分）``, ``90分以上的優等成績``, ``完成80%以上(16分到19分)``,
``重点支出安排率≥90%,计5分``, ``考评分40分以下的或直接判级确定``; a verdict
that names no band (``体温超过41°C属危急情况``, ``…被归类为糖尿病前期状态``,
``空气污染指数 ≤ 50 优级``), what follows from the condition
(``…5年以下的为6个月``, ``…满十五年不满二十年的,按…发给``), the event
that caused the figure (``压力容器、压力管道有毒介质泄漏，造成…``, ``受地质灾害威胁,需…``)
and what else it names after a semicolon (``…1亿元以上;造成江河支流被阻断…``).
:func:`read_clause` finds the condition inside such a clause, the band label
the clause names, the alternatives no figure can show and the consequences of a
conditional sentence (:mod:`kpi.text.conditionals`: set aside, and noted when
grading), and the clauses of its condition without a figure (taken as met, and
noted), so that the grammar sees the condition alone.  It only cuts
text away: what remains keeps, character by character, its place in the tier
as written, so an error still points into the author's text.  The tier's text
as written stays the one explanations quote.  :func:`clause_first` says when
the clause must be cut before the grammar reads the tier at all: a band's
name or points after a condition would otherwise read as a metric name, and
a conditional sentence's consequence as a second condition.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Final

import attrs

from kpi.errors import KpiSyntaxError
from kpi.text.band_names import (
    BAND_WORDS,
    ENDS_VALUE,
    NOTE,
    STARTS_VALUE,
    begins_with_label,
    ends_with_label,
    is_label,
    names_own_band,
)
from kpi.text.conditionals import read_conditional
from kpi.text.normalise import Normalised
from kpi.text.verdicts import LABEL_AFTER, LABEL_WORDS, NOT_NOUN, VERDICT, bare_verdict, label_after, verdict_after
from kpi.text.words import BEFORE, CAUSATIVES, DEDUCTIONS, HEDGES, NOT_HEDGES, VERBS
from kpi.units import SYMBOL_UNIT, unit_names

__all__ = ["Clause", "clause_first", "per_point", "read_clause"]

# Words that introduce a condition: 当…时, 凡…的, 如果…, 指标值为…, 而… (而重度近视则是低于4.5), and the
# full marks a scale states before its first tier (满分100分，90分以上为优秀), which are no condition.
_LEADING: Final = re.compile(
    r"(?:当|凡|如果说|如果是|如果|如|若|对于|指标值为|其中|即|相当于|而(?!且)|满分为?\s*[0-9]+(?:\.[0-9]+)?\s*分\s*[,;])\s*"
)
# What follows from the condition after …的为, a figure that is no band's name: 在本单位工作年限5年以下的为6个月.
# Only an amount, a number and its unit: …的为优秀且扣分不超过5分, …者为投诉率低于5% hold another condition.
_RESULT: Final = re.compile(
    r"(?:的|者)\s*为\s*(?:[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+)\s*"
    r"(?!\S*(?:以上|以下|以内|以外|及以|之间))(?:%|[^\W\d_零〇一二两三四五六七八九十百千万]{1,3})?[。.;!\s]*$"
)
# Words that close a clause after its condition, longest first; after the noun that follows a value,
# 的 and the thing the clause describes (…1亿元以上直接财产损失的火灾), never a verdict, a negation or a
# joining word (…60分以下的不评为优秀, …的且合格), nor what is done to the band (…的降为良好, …的降一档), nor a
# metric (…90分以上的合格率 names two; 每分钟大于100次的心率 names its metric after the value: all stay, and
# are refused).
_TRAILING: Final = re.compile(
    r"(?:的部分|的地区|的单位|的企业|的情况之?下|的情况|的情形|的时候|(?<=[^\W\d_])的(?![为是属按评计得记不未非没无且或但并除])"
    r"(?![^\W\d_]{0,7}(?:[降升评计扣记]|(?<!行)为))[^\W\d_零〇一二两三四五六七八九十百千万]{1,8}"
    + NOT_NOUN
    + r"|的|者|(?<![小工课学])时|之时|[,;。.!、:\s]|则|就)+$"
)
# The circumstance a clause names before what it caused, with no figure: 压力容器、压力管道有毒介质泄漏，造成…;
# the threat before what it calls for (需), which is counted: 受地质灾害威胁,需搬迁转移人数在1000人以上.
_CIRCUMSTANCE: Final = re.compile(
    r"[^\d,;。]{1,30}?,\s*(?=(?:是指|指)?(?:" + "|".join(CAUSATIVES) + r"))|受[^\d,;。]{1,30}?威胁\s*,\s*需要?"
)
# A label named before the condition: 优秀：90分以上, A级(≥90分), 3.0–优秀,即不小于90分 (its grade
# point before it).  These and _LEADING are used with .match at the start of what is left of the
# tier, which anchors them there.
_LABEL_BEFORE: Final = re.compile(
    r"(?:[0-9.]+\s*[-–—]\s*(?=[^\d\s:,]{1,8}\s*,\s*即))?"
    r"(?P<label>[^\d\s:()\[\]%≥≤<>=,;。.、–—-]{1,8}?)\s*(?:[:：]|,\s*(?=即))\s*"
)
# A band's name in brackets after its condition: 得分≥90分(优秀), the band the tier's note names.
_LABEL_NOTE: Final = re.compile(r"(?<=[0-9%‰分上下内间])\s*\((?P<label>[^\d\s()]{1,8})\)[。.;!\s]*$")
_LABEL_AROUND: Final = re.compile(r"(?P<label>[^\d\s:()\[\]%≥≤<>=,;。.、-]{1,8}?)\s*\((?P<condition>[^()]+)\)\s*$")
# The points a band earns, written after its condition: …≥90%,计5分; 100%:5分; 1-3名,7分; PE<15 满20分;
# 低于60%不得分; ≥90%得满分 (right after the value); ,扣完为止.  Only after a separator (, : ;) or
# 计/得/记: 90分以上 is a condition in 分.
# Or how they are counted per point beyond the standard: …,每超过一个百分点扣0.5分,扣完为止; 每超出1个百分点加0. 1分
# (a number a PDF spaced); a tier that is only that formula names no condition (see :func:`per_point`).
_NUMBER: Final = r"(?:[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?)"
_PER_POINT: Final = (
    r"每\s*(?:(?P<above>超过|超出|高于|多于|增加|提高)|(?P<below>不足|低于|少于|减少|降低))\s*"
    r"(?:[0-9]+|[一二两三四五六七八九十])\s*个?\s*百分点\s*[,]?\s*(?:加|扣|减)\s*[0-9]+(?:\.\s?[0-9]+)?\s*分"
)
_POINTS: Final = re.compile(
    r"(?:\s*(?:[,:;]\s*(?:计|得|记|给|加|扣|减|满)?|计|得|记|(?<=[0-9%‰a-zA-Z])\s+满)\s*(?:"
    + _NUMBER
    + r"\s*分?\s*[-~到至]\s*)?"
    + _NUMBER
    + r"\s*分"
    r"|\s*[,:;]?\s*(?:不得分|不计分|(?<=[0-9%‰上下内])(?:计|得|记)满分|"
    + _PER_POINT
    + r"))(?:\s*[,;]?\s*扣完为止)?[。.;!\s]*$"
)
# An alternative that no figure can show, after the condition: …40分以下的或直接判级确定的, and the thing the
# clause describes after it (…或造成严重经济损失的地震灾害).  A figure
# is graded by the condition it can meet; the alternative (with no number in it) is wording around it.
# Only after a value: in …100人以下中毒或重伤的, 或 joins two nouns.
# 一票否决 (a veto, quoted or not: …或有“一票否决”情形的) is the name of a rule, and 一定 (…或造成一定经济损失
# 的) says "some": their 一 is no figure.  或以上 and 或以下 (90分或以上的为优秀) are comparator words.
_ALTERNATIVE: Final = re.compile(
    r"(?:的)?\s*或者?\s*(?!以上|以下|以内)(?P<alternative>(?:[“\"「]?一票否决[”\"」]?|一定|[^\d%<>=≥≤≦≧\[\]()零〇一二两三四五六七八九十百千万,;]){2,12}?"
    r"|[“\"「]?一票否决[”\"」]?)"
    r"(?:的[^\W\d_零〇一二两三四五六七八九十百千万]{1,8})?[的。.;!\s]*$"
)
# What else the clause names after its figures, each after a semicolon, the first led by a causative and none
# with a figure (…1亿元以上;造成江河支流被阻断,严重影响群众生命财产安全的地质灾害险情): other circumstances
# of the same level, which no figure can show, set aside like an alternative after 或.
_CONSEQUENCES: Final = re.compile(
    r";\s*(?P<alternative>(?:" + "|".join(CAUSATIVES) + r")[^\d%‰<>=≥≤()\[\];。零〇一二两三四五六七八九十百千万]+?"
    r"(?:;[^\d%‰<>=≥≤()\[\];。零〇一二两三四五六七八九十百千万]+?)*)"
    r"(?:的[^\W\d_零〇一二两三四五六七八九十百千万]{1,8})?[。.;!\s]*$"
)
# What a band is awarded, after its condition (第1-5名,奖励资金3520万元; …,每县获得2950万元; 其余13个实施县各获得
# 1500万元; …,奖励10学豆, in a unit of its own, never 分, which may be a condition; …,无学豆奖励): no
# condition, set aside like an alternative no figure can show, and noted.
# In Chinese numerals too (其余十三个实施县各获得一千五百万元 read a metric 其余十三个实施县各获得).
_AMOUNT: Final = r"(?:[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
_AWARD: Final = re.compile(
    r"(?:\s*[,;:]\s*|(?<=其余|其他|其它))(?P<award>(?:(?:[0-9]+|[一二两三四五六七八九十百]+)个[^\W\d_]{1,6}?)?"
    r"(?:每[^\W\d_]{1,3}?|各|均)?(?:获得|奖励|奖补|补助|拨付|给予|发放)[^\W\d_]{0,6}?\s*"
    + _AMOUNT
    + r"\s*(?:[万亿]?元|(?!分)(?![^\W\d_]*(?:以上|以下|以内))[^\W\d_零〇一二两三四五六七八九十百千万]{1,3})"
    r"|(?:无|没有|不予)[^\W\d_]{0,4}?奖励|不奖励)"
    r"[。.;!\s]*$"
)
# Those a rank names after it (考核位列前10名的光泽、德化、…、寿宁): who holds those places, no condition; never a
# negation, a verdict or a joining word (前10名的除外, …的不予奖励, …的且得分高), nor a metric (前10名的合格率).
_RANKED: Final = re.compile(
    r"(?<=名)的(?![为是属按评计得记不未非没无且或但并除])"
    r"[^\W\d_]{1,8}" + NOT_NOUN + r"(?:、[^\W\d_]{1,8}" + NOT_NOUN + r")*[。.;!\s]*$"
)
# An exception the tier makes of its own band after its condition, with no figure: A级得分90分以上,但存在特定情形者
# 不得评为A级.  No figure can show whether it applies: the condition is read as met when it is not (noted).
_EXCEPTION: Final = re.compile(
    r"\s*[,;]\s*但(?:是|若|如|凡)?\s*(?P<exception>[^\d%‰<>=≥≤()\[\],;。零〇一二两三四五六七八九十百千万]{2,20}?)"
    r"(?:的|者)?\s*(?:不得|不能|不予)(?:评定|评|定|认定|确定|列)为\s*[“\"「]?(?P<label>[^\d\s“”\"「」,;。]{1,12}?)[”\"」]?"
    r"(?:等级|等次|档次|级别|档)?[。.;!\s]*$"
)
# A currency sign before an amount in 元, the unit written twice (由$15,001元至30,000元): wording.
_CURRENCY_SIGN: Final = re.compile(r"\$(?=\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*[万亿]?元)")
# A value after a metric's colon, or a verb and a value (超出豁免額之部分: 由$1元至15,000元).
_VALUE_AFTER_VERB: Final = re.compile(r"(?:" + "|".join(VERBS) + r")\s*\$?\s*[-−0-9零〇一二两三四五六七八九十百]")
_SCORE_ONLY: Final = re.compile(_NUMBER + r"\s*分[。.;!\s]*$")
# What a figure is written with, on either side of a cut.
_FIGURE: Final = frozenset("0123456789.")


# A parenthetical that is a note, not part of the condition: (下同), (10分到13分), (200mg/dl), 完成50%及以上(5).
@attrs.frozen
class Clause:
    """The condition of a tier (a :class:`~kpi.text.normalise.Normalised` that maps back
    to the tier as written) and the band label the clause names, if any."""

    condition: Normalised
    label: str | None = None
    #: What the clause names besides the condition that no figure can show (或直接判级确定), and what
    #: follows from the condition (…不满一年的，试用期不得超过一个月: 试用期不得超过一个月).
    set_aside: tuple[str, ...] = ()
    #: The clauses of the condition without a figure, taken as met (为谋取不正当利益).
    met: tuple[str, ...] = ()
    #: Notes its reading puts on every grade (``exception-assumed``: 但存在特定情形者不得评为A级).
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.condition.text != self.condition.source


def _cut(text: Normalised, keep: list[tuple[int, int]]) -> Normalised:
    """*text* with only the spans *keep* (start, end) left, each character keeping its source index."""
    chars: list[str] = []
    origin: list[int] = []
    for start, end in keep:
        chars.append(text.text[start:end])
        origin.extend(text.origin[start:end])
    return Normalised("".join(chars), tuple(origin), text.source)


def _written(text: Normalised, span: tuple[int, int]) -> str:
    """The words of *text* at *span* (start, end) as the tier wrote them."""
    return text.source[text.source_position(span[0]) : text.source_position(span[1] - 1) + 1]


def _spans_without(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` that *pattern* does not match."""
    spans: list[tuple[int, int]] = []
    position = start
    for match in pattern.finditer(text, start, end):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < end:
        spans.append((position, end))
    return spans


def _check_no_figures_joined(text: Normalised, spans: list[tuple[int, int]]) -> None:
    """Refuse a note or a sign cut from between two figures: 中毒7(重傷)100人 read 中毒≥7100人, 50(70分)7 read
    507, 由7$1元 read 71元, 中毒(重傷1)00人 read 中毒≥0人; the figures of one value are never written apart, so
    the text is not what it says."""
    for (_, end), (start, _) in itertools.pairwise(spans):
        before, cut, after = text.text[:end].rstrip(), text.text[end:start].rstrip(" )]"), text.text[start:].lstrip()
        if start > end and (before[-1:] in _FIGURE or cut[-1:] in _FIGURE) and after[:1] in _FIGURE:
            at = text.source_position(end)
            raise KpiSyntaxError(
                f"cannot read tier text: “{_written(text, (end, start)).strip()}” stands between two figures",
                text.source,
                at,
                zh=f"无法读取评价标准：“{_written(text, (end, start)).strip()}”夹在两个数字之间",
            )


def _outside(span: tuple[int, int], hole: tuple[int, int]) -> list[tuple[int, int]]:
    """The parts of *span* (start, end) outside *hole*."""
    (start, end), (first, last) = span, hole
    parts = [(start, min(end, first)), (max(start, last), end)]
    return [(a, b) for a, b in parts if a < b]


def clause_first(text: str, label: str | None) -> bool:
    """Whether *text* (normalised) must be read as a clause before the grammar reads it: it names its
    band in front (低热37.5~38.0℃) or after its condition (90分以上评为优秀, 90到100优秀), or ends with
    the points the band earns (≥90%,计5分), all of which the grammar would take for a metric name."""
    if label is not None and (begins_with_label(text, label) or ends_with_label(text, label)):
        return True
    if ends_with_label(text, None):
        return True  # 60分及格: a band word the grammar reads as a metric
    # Every tier comes here: the quick tests first (points are in 分; a label follows a verb, 的 or 按).
    points = _POINTS.search(text) if "分" in text else None
    if points is not None and points.start() > 0:
        return True
    award = _AWARD.search(text) if "元" in text else None
    if award is not None and award.start() > 0:
        return True
    if ("的" in text or "者" in text) and (sentence := read_conditional(text)) and sentence.consequence:
        return True  # 三年以上…的劳动合同，试用期不得超过六个月: the consequence is no second condition
    note = _LABEL_NOTE.search(text) if "(" in text else None
    if note is not None and is_label(note["label"], label):
        return True  # 得分≥90分(优秀): the note names the band, which the labels must agree with
    if not LABEL_WORDS.search(text):
        return False
    after = label_after(NOTE.sub("", text) if "(" in text else text)
    return after is not None and after.start() > 0 and is_label(after.group("label"), label)


def per_point(text: str) -> str | None:
    """Where the outcomes lie that a tier of nothing but a scoring formula per point speaks of,
    ``"above"`` the standard of the tiers before it (每超过一个百分点扣0.5分,扣完为止) or ``"below"`` it
    (每不足1个百分点减0.1分); ``None`` when *text* (normalised) is more or other than such a formula."""
    formula = _POINTS.match(text.strip())
    if formula is None or formula.start() != 0 or not (formula["above"] or formula["below"]):
        return None
    return "above" if formula["above"] else "below"


@functools.cache
def _hedge() -> re.Pattern[str]:
    """A modal word or a hedge (:data:`kpi.text.words.HEDGES`) right before a comparator word, a verb
    or a symbol, and after no negation: 正常值应低于5.2 is 正常值低于5.2; 不应超过 is a word of its own."""
    comparators = "|".join(sorted(map(re.escape, (*BEFORE, *VERBS)), key=len, reverse=True))
    hedges = [
        f"(?<![{''.join(word[0] for word in NOT_HEDGES if word[1:] == hedge)}]){hedge}" if len(hedge) == 1 else hedge
        for hedge in HEDGES
    ]
    return re.compile(rf"(?<![不未没非无毋])(?:{'|'.join(hedges)})(?=\s*(?:{comparators}|[<>=≥≤≦≧]))")


@functools.cache
def _ends_quantity() -> re.Pattern[str]:
    """Text that ends with a value: a number, a number's unit, or a word after a value (以上, 之间)."""
    units = "|".join(sorted((re.escape(name) for name in unit_names()), key=len, reverse=True))
    return re.compile(rf"(?:[0-9%‰)\]]|[0-9]\s*(?:{units}|{SYMBOL_UNIT})|以上|以下|以内|之间|范围内|区间内)\s*$")


def read_clause(tier: Normalised, label: str | None = None) -> Clause:
    """The condition inside a tier written as a clause, and the band label it names.

    *label* is the caller's name for the tier's band, when known: a clause may
    then name it anywhere a band word could stand (低热为37.3至38℃).

    >>> from kpi.text.normalise import normalise
    >>> clause = read_clause(normalise("考核得分在90分以上的为优秀"))
    >>> clause.condition.text, clause.label
    ('考核得分在90分以上', '优秀')
    >>> read_clause(normalise("当合格率在90%以上时")).condition.text
    '合格率在90%以上'
    >>> read_clause(normalise("A级（≥90分）")).condition.text, read_clause(normalise("A级（≥90分）")).label
    ('≥90分', 'A级')
    """
    text = tier.text
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())  # a cell's padding (优（90-100分） | 良…)
    found: str | None = None
    around = _LABEL_AROUND.match(text, start)
    if around and is_label(around.group("label"), label):
        found = around.group("label")
        start, end = around.start("condition"), around.end("condition")
    note = _LABEL_NOTE.search(text, start, end) if found is None else None
    if note and is_label(note["label"], label):
        found, end = note["label"], note.start()
    before = _LABEL_BEFORE.match(text, start, end) if found is None else None
    colon: tuple[int, int] | None = None
    if before and is_label(before.group("label"), label):
        found, start = before.group("label"), before.end()
        # A :优秀(≥90分): the band's name in words around the condition, after its letter.
        named = _LABEL_AROUND.match(text, start, end)
        if named and BAND_WORDS.match(named.group("label")):
            start, end = named.start("condition"), named.end("condition")
    elif (
        before
        and (STARTS_VALUE.match(text, before.end()) or _VALUE_AFTER_VERB.match(text, before.end()))
        and not _SCORE_ONLY.match(text, before.end(), end)
    ):
        # AQI:0-50, 参考分:85—100: no band's name but the metric's, before its value; 明确:3分
        # gives the points of a judgement, no value of a metric 明确.
        colon = (before.end("label"), before.end())
    if found is None and label is not None:
        named_at = begins_with_label(text[start:end], label)
        if named_at:
            # The tier begins with its own band's name: 优90-100分, 低热为37.3至38℃, 1级,BMI 30~34.9.
            found, start = label, start + named_at
    leading = _LEADING.match(text, start, end) or _CIRCUMSTANCE.match(text, start, end)
    if leading:
        start = leading.end()
        if found is None and label is not None and (named_at := begins_with_label(text[start:end], label)):
            found, start = label, start + named_at  # 而重度近视则是低于4.5
    spans = [
        piece for span in _spans_without(text, start, end, NOTE) for piece in _spans_without(text, *span, _hedge())
    ]
    spans = [piece for span in spans for piece in _spans_without(text, *span, _CURRENCY_SIGN)]
    _check_no_figures_joined(tier, spans)
    if colon is not None:
        spans = [piece for span in spans for piece in _outside(span, colon)]
    kept = _cut(tier, spans)
    points = _POINTS.search(kept.text)
    if points and points.start() > 0:
        kept = _cut(kept, [(0, points.start())])
    set_aside: tuple[str, ...] = ()
    award = _AWARD.search(kept.text)
    if award and award.start() > 0:
        set_aside, kept = (award["award"],), _cut(kept, [(0, award.start())])
    ranked = _RANKED.search(kept.text)
    if ranked and ranked.start() > 0:
        kept = _cut(kept, [(0, ranked.start())])
    notes: tuple[str, ...] = ()
    exception = _EXCEPTION.search(kept.text)
    if (
        exception
        and exception.start() > 0
        and names_own_band(exception["label"], found, label)
        and not any(word in exception["exception"] for word in DEDUCTIONS)  # 但有扣分者: 扣分>0, a figure
    ):
        notes = ("exception-assumed",)
        kept = _cut(kept, [(0, exception.start())])
    # A conditional sentence (…不满一年的，试用期不得超过一个月): its consequence set aside, but for a band's
    # name (…的,为一般事故); its clauses without a figure taken as met (为谋取不正当利益，…).
    sentence = read_conditional(kept.text)
    met: tuple[str, ...] = ()
    consequence: tuple[str, ...] = ()
    if sentence is not None:
        met = tuple(_written(kept, span) for span in sentence.met)
        if sentence.consequence is not None:
            named = LABEL_AFTER.match(kept.text, sentence.consequence[0])
            if named is not None and is_label(named.group("label"), label):
                found = found or named.group("label")
            elif not VERDICT.match(kept.text, sentence.consequence[0]):  # 这叫做窦性心动过缓: wording
                consequence = (_written(kept, sentence.consequence),)
        kept = _cut(kept, list(sentence.condition))
    if found is None:
        after = label_after(kept.text)
        if after and is_label(after.group("label"), label):
            found = after.group("label")
            kept = _cut(kept, [(0, after.start())])
    if found is None and (ending := ends_with_label(kept.text, label)):
        found = label or NOTE.sub("", kept.text).rstrip("。.;!, ")[ending:].lstrip(": ")  # 60分及格, 90分以上:特等
        kept = _cut(kept, [(0, ending)])
    elif found is None and label is not None and (ending := ends_with_label(kept.text, None)):
        kept = _cut(kept, [(0, ending)])  # 90分以上优秀 labelled A: another name of the band, as 良好 beside 二级
    if found is None:
        verdict = verdict_after(kept.text) or _RESULT.search(kept.text)
        if verdict and verdict.start() > 0 and _ends_quantity().search(kept.text, 0, verdict.start()):
            kept = _cut(kept, [(0, verdict.start())])
        elif bare := bare_verdict(kept.text):
            kept = _cut(kept, [(0, bare)])
    alternative = _ALTERNATIVE.search(kept.text) or _CONSEQUENCES.search(kept.text)
    if (
        alternative
        and alternative.start() > 0
        # after a value, or a clause of its own after the metric's noun (…死亡或造成严重经济损失的)
        and (ENDS_VALUE.search(kept.text, 0, alternative.start()) or alternative["alternative"].startswith(CAUSATIVES))
    ):
        set_aside += tuple(alternative.group("alternative").split(";"))
        notes += ("alternative-assumed",)  # 或一票否决: it could give another band, so strict refuses
        kept = _cut(kept, [(0, alternative.start())])
    trailing = _TRAILING.search(kept.text)
    if trailing and trailing.start() > 0:
        kept = _cut(kept, [(0, trailing.start())])
    return Clause(kept, found, (*set_aside, *consequence), met, notes)
