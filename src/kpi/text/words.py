"""The comparator words and symbols of tier texts: where each is written and what it means.

This is the one table of them.  The grammar's terminals for words before a
value, words after it, verbs and symbols are filled from it when the parser
is built (see :mod:`kpi.text.grammar`), and the parser looks every word's
meaning up here.

The defaults follow 民法典 第1259条: 以上, 以下, 以内 include the number
itself; 超过, 不满, 以外 exclude it; and common usage: 及以上/及以下/不低于/
不超过/不少于/至少/达到 include, 低于/高于/大于/小于/少于/不足/未达到
exclude.  A few regulations define 以下 as exclusive; callers override a
word's inclusivity with ``parse_rule(text, inclusive={"以下": False})``.

=============  =====  =========  ===========================================
word           bound  includes   written
=============  =====  =========  ===========================================
以上 …         lower  yes        after the value (95%以上, 95%及以上)
超过 …         lower  no         before the value (超过90%)
以下 …         upper  yes        after the value (69%以下, 30日内)
低于 …         upper  no         before the value (低于70%)
=============  =====  =========  ===========================================

The full table is :data:`WORDS`; ``python -m kpi.text.words`` prints it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

import attrs

from kpi.intervals import Bound, Interval
from kpi.units import Unit

__all__ = [
    "AFTER",
    "BEFORE",
    "CAUSATIVES",
    "CAUSES",
    "DEDUCTIONS",
    "FIXED_WORDS",
    "HEDGES",
    "NAME_ENDS",
    "NOT_HEDGES",
    "NOT_NAME_ENDINGS",
    "NOT_NAME_STARTS",
    "RANK_NOUNS",
    "RANK_UNIT",
    "RANK_VERBS",
    "SYMBOLS",
    "TYPOS",
    "VERBS",
    "WORDS",
    "Side",
    "Verb",
    "WordMeaning",
    "comparator_inside",
    "cut_comparator",
    "is_rank",
    "joint_names",
    "meaning_of",
    "one_rank",
    "without_cause",
]


class Side(enum.Enum):
    """Which end of an interval a word fixes."""

    LOWER = "lower"
    UPPER = "upper"


@attrs.frozen
class WordMeaning:
    """What a comparator word says: which end it bounds and whether the number itself belongs."""

    side: Side
    inclusive: bool


_L, _U = Side.LOWER, Side.UPPER

# word: (bound, includes the number, written before the value, written after it)
_TABLE: Final[dict[str, tuple[Side, bool, bool, bool]]] = {
    # at least: the number belongs
    "以上": (_L, True, False, True),
    "及以上": (_L, True, False, True),
    "或以上": (_L, True, False, True),
    "及其以上": (_L, True, False, True),
    "不低于": (_L, True, True, False),
    "不少于": (_L, True, True, False),
    "不小于": (_L, True, True, False),
    "至少": (_L, True, True, False),
    "最少": (_L, True, True, False),
    "大于等于": (_L, True, True, False),
    "大于或等于": (_L, True, True, False),
    "高于或等于": (_L, True, True, False),
    # more than: the number does not belong
    "超过": (_L, False, True, False),
    "超出": (_L, False, True, False),
    "高于": (_L, False, True, False),
    "大于": (_L, False, True, False),
    "多于": (_L, False, True, False),
    "以外": (_L, False, False, True),
    # at most: the number belongs
    "以下": (_U, True, False, True),
    "及以下": (_U, True, False, True),
    "或以下": (_U, True, False, True),
    "及其以下": (_U, True, False, True),
    "以内": (_U, True, False, True),
    "之内": (_U, True, False, True),
    "内": (_U, True, False, True),
    "不超过": (_U, True, True, False),
    "不高于": (_U, True, True, False),
    "不大于": (_U, True, True, False),
    "不多于": (_U, True, True, False),
    "未超过": (_U, True, True, False),
    "至多": (_U, True, True, False),
    "最多": (_U, True, True, False),
    "小于等于": (_U, True, True, False),
    "小于或等于": (_U, True, True, False),
    "低于或等于": (_U, True, True, False),
    # less than: the number does not belong
    "低于": (_U, False, True, False),
    "小于": (_U, False, True, False),
    "少于": (_U, False, True, False),
    "不足": (_U, False, True, False),
    "不满": (_U, False, True, True),
    "未满": (_U, False, True, True),
    "未达到": (_U, False, True, False),
    "未达": (_U, False, True, False),
    "不到": (_U, False, True, True),
    # more authors' idioms
    "满": (_L, True, True, False),
    "达到或超过": (_L, True, True, False),
    "达到或高于": (_L, True, True, False),
    "高于或者等于": (_L, True, True, False),
    "大于或者等于": (_L, True, True, False),
    "不得低于": (_L, True, True, False),
    "不得少于": (_L, True, True, False),
    "不应低于": (_L, True, True, False),
    "应不低于": (_L, True, True, False),
    "须不少于": (_L, True, True, False),
    "须不低于": (_L, True, True, False),
    "逾": (_L, False, True, False),
    "已满": (_L, True, True, False),
    "已达到": (_L, True, True, False),
    "已达": (_L, True, True, False),
    "已超过": (_L, False, True, False),
    "以及以上": (_L, True, False, True),
    "+": (_L, True, False, True),  # 20%+: 20% and more (e-zyc-ai-jiaotong-jifen-1)
    "小于或者等于": (_U, True, True, False),
    "低于或者等于": (_U, True, True, False),
    "不得超过": (_U, True, True, False),
    "不得高于": (_U, True, True, False),
    "不应超过": (_U, True, True, False),
    "未逾": (_U, True, True, False),
    "没有达到": (_U, False, True, False),
    "没达到": (_U, False, True, False),
    "未能达到": (_U, False, True, False),
    "达不到": (_U, False, True, False),
    "以及以下": (_U, True, False, True),
}

#: Misspellings read as the word meant, with a note: 60分一下 is 60分以下; 小于在5.18 is 小于5.18.
TYPOS: Final[Mapping[str, str]] = MappingProxyType(
    {"一下": "以下", "已下": "以下", "一上": "以上", "已上": "以上", "小于在": "小于", "大于在": "大于"}
)
for _typo, _meant in TYPOS.items():
    _TABLE[_typo] = _TABLE[_meant]

#: Every comparator word and its meaning.
WORDS: Final[Mapping[str, WordMeaning]] = MappingProxyType(
    {word: WordMeaning(side, inclusive) for word, (side, inclusive, _, _) in _TABLE.items()}
)
#: Words written before a value (不低于95%), longest first as the lexer must try them.
BEFORE: Final = tuple(sorted((w for w, row in _TABLE.items() if row[2]), key=len, reverse=True))
#: Words written after a value (95%以上), longest first.
AFTER: Final = tuple(sorted((w for w, row in _TABLE.items() if row[3]), key=len, reverse=True))
#: Words that end a metric name written before a value even where no value follows them
#: (二级以上医院数 is a name; 以上 after a name is not).
NAME_ENDS: Final = ("以上", "以下", "以内")

#: The nouns that name a rank, where a smaller number is better (第1名 is the best): 排名第3, 考核名次.
RANK_NOUNS: Final = ("名次", "排名", "排位", "位次")
#: The verbs that place a rank, written before it: 位列前10名, 名列第一.
RANK_VERBS: Final = ("位列", "名列", "位居", "排在")
#: The unit of a rank: 第5名 is rank 5.
RANK_UNIT: Final = "名"


def is_rank(metric: str | None, unit: Unit | None) -> bool:
    """Whether *metric*, in *unit*, is a rank: its name ends in a rank's noun (名次, 考核排名) and
    it counts in 名.  第1-5名 reads the metric 名次; 10名以上 is a count."""
    return metric is not None and unit is not None and unit.name == RANK_UNIT and metric.endswith(RANK_NOUNS)


def one_rank(metric: str | None, key: str | None) -> bool:
    """Whether an outcome named *key* is the rank *metric*: both names end in a rank's noun and
    one of them is the noun alone, which says no more than "the rank" (排名 for 名次, 名次 for 考核排名;
    考核排名 and 分数排名 may be two rankings)."""
    if metric is None or key is None or metric == key:
        return False
    return metric.endswith(RANK_NOUNS) and key.endswith(RANK_NOUNS) and (metric in RANK_NOUNS or key in RANK_NOUNS)


#: Words a metric name never ends in: a negation or a modal word there means the
#: lexer cut a comparator in two (不得低于95% is not the metric 不得, <95%).
NOT_NAME_ENDINGS: Final = (
    "不得",
    "没有",
    "没",
    "不到",
    "不",
    "未",
    "未能",
    "应",
    "须",
    "要",
    "必须",
    "接近",
    "约",
    # a modal word or a hedge before the comparator (正常值应低于5.2, …水平通常为3.9至5.6): see HEDGES
    "应该",
    "应当",
    "理应",
    "需要",
    "需",
    "通常",
    "往往",
    "持续",
    "则是",
    "则为",
    # …相符的得10分: points that follow from a clause, not a metric and its value
    "的得",
    "的扣",
    "的计",
    "的记",
    "的加",
    "的减",
)

#: Modal words and hedges that say how a value is stated, not what it is: written between a metric's
#: name and its comparator (正常值应低于5.2, 空腹血糖水平通常为3.9至5.6, 高压应在120-129之间), they are
#: read through, as wording, unless a negation comes before them (不应超过 is a comparator of its own).
HEDGES: Final = ("应该", "应当", "理应", "必须", "需要", "通常", "往往", "持续", "则是", "则为", "应", "须", "需")
#: Words that end in a one-character hedge and are no hedge (响应, 供应, 所需), or negate it (无需, 毋须):
#: a name ending in one is never read through (响应≤30分钟, X无需超过5% stay refused).
NOT_HEDGES: Final = (
    *(first + "应" for first in "供响反适对相感效呼答回报顺照内"),
    *(first + "需" for first in "所必急刚无毋"),
    *(first + "须" for first in "胡触无毋"),
)

#: Verbs that end the wording before a quantity and the noun after it, which is the metric
#: (造成30人以上死亡, 特种设备事故造成…, 因环境污染直接导致…, 发生3人以上死亡): a name before the
#: value that ends in one is wording, not a second metric.
CAUSATIVES: Final = ("造成", "导致", "发生", "致使", "引起")
#: Verbs of what is done within a time (3个工作日内办结, 20天内完成): 内 before them is the bound.
WITHIN_VERBS: Final = ("办结", "办理", "完成", "到位", "解决", "答复", "回复", "反馈", "处理", "落实")
#: Causes of one word written before a metric's noun (因灾死亡和失踪30人以上 counts 死亡和失踪), longest
#: first.  Only the disaster of disaster statistics: 因病缺勤率 is a metric of its own beside 缺勤率.
CAUSES: Final = ("因灾害", "因灾难", "因灾")
# Words that introduce a condition, written before its metric's name (如得分≥90分, 否则得分<60分, 其中得分…):
# no part of the name.  如期, 如实, 如数 and 若干 begin names of their own.
_LEADS: Final = re.compile(r"(?:否则|如果|假如|倘若|若(?!干)|如(?![期实数])|其中)(?=[^\W\d_])")

#: Comparison symbols, half- and full-width (NFKC leaves ≧ and ≦ alone).
SYMBOLS: Final[Mapping[str, WordMeaning | None]] = MappingProxyType(
    {
        "≥": WordMeaning(_L, True),
        ">=": WordMeaning(_L, True),
        "=>": WordMeaning(_L, True),  # 24.0=<BMI<28.0: the two signs written the other way round
        "≧": WordMeaning(_L, True),
        ">": WordMeaning(_L, False),
        "≤": WordMeaning(_U, True),
        "<=": WordMeaning(_U, True),
        "=<": WordMeaning(_U, True),
        "≦": WordMeaning(_U, True),
        "<": WordMeaning(_U, False),
        "==": None,
        "=": None,
    }
)


@attrs.frozen
class Verb:
    """A verb that introduces a value: 达到95%, 为0, 在85%-100%之间.

    ``alone`` is the bound a verb sets when a bare value follows it (达到95% is
    ≥95%); ``exact`` verbs name the value itself (为0 is =0).  A verb with
    neither needs a range or a comparator word after it.
    """

    alone: Side | None = None
    exact: bool = False


_DOWN: Final = ("缩短", "降低", "下降", "降", "压缩", "压减", "减少")
VERBS: Final[Mapping[str, Verb]] = MappingProxyType(
    {
        "达到": Verb(alone=_L),
        "控制在": Verb(alone=_U),
        # A figure brought down to a value is at most it (处理时限缩短至3天, 投诉率下降到1%): 缩短至 read as part
        # of the name, and a bare value as a minimum.
        **{f"{verb}{to}": Verb(alone=_U) for verb in _DOWN for to in "至到"},
        "保持在": Verb(),
        "介于": Verb(),
        "介乎": Verb(),  # 介于 in Cantonese and older writing: 如介乎5.6至6.9 mmol/L
        "等于": Verb(exact=True),
        "达": Verb(alone=_L),
        "为": Verb(exact=True),
        "是": Verb(exact=True),  # 空腹的正常血糖指标范围是3.9到6.1
        "在": Verb(),
        "由": Verb(),  # 由15,001元至30,000元: from one end to the other
        "从": Verb(),
    }
)

#: Deductions of points whose absence is a figure: 没有扣分 and 无扣分 are 扣分≤0 (none of a deduction is 0
#: of it).  Only these: 没有完成, 无违纪行为 and 没有满分 state no figure of a metric.
DEDUCTIONS: Final = ("扣分", "减分", "失分")

#: How a metric name never begins: a negation of having before a comparator (没有扣分超过5分, 无扣分超过5分: no
#: deduction above 5 points, not a metric 没有扣分 above 5; 无 alone begins names such as 无障碍设施覆盖率).
NOT_NAME_STARTS: Final = ("没有", "没", *(f"{no}{word}" for no in ("无", "未", "不") for word in DEDUCTIONS))


def cut_comparator(metric: str) -> bool:
    """Whether *metric*, unquoted, cannot be a name: it ends in a negation or a modal word
    (:data:`NOT_NAME_ENDINGS`: 不得低于 cut in two) or begins with a negation of having
    (:data:`NOT_NAME_STARTS`: 没有扣分超过5分), so the lexer cut a comparator out of it."""
    return metric.endswith(NOT_NAME_ENDINGS) or metric.startswith(NOT_NAME_STARTS)


#: Words that name a region by themselves.
FIXED_WORDS: Final[Mapping[str, Interval]] = MappingProxyType(
    {
        "负增长": Interval(None, Bound(Decimal(0), closed=False)),
        "零增长": Interval.point(Decimal(0)),
        "正增长": Interval(Bound(Decimal(0), closed=False), None),
    }
)


def meaning_of(word: str, inclusive: Mapping[str, bool] | None = None) -> WordMeaning:
    """The meaning of *word*, with the caller's inclusivity override applied.

    >>> meaning_of("以下").inclusive, meaning_of("以下", {"以下": False}).inclusive
    (True, False)
    """
    meaning = WORDS[word]
    if inclusive and word in inclusive:
        return WordMeaning(meaning.side, inclusive[word])
    return meaning


def comparator_inside(name: str) -> str | None:
    """A comparator word written before values, of two or more characters, inside *name* after
    its start (增值额未超过扣除项目金额 has 未超过; 不满意率 and 超过期限案件数 have none inside), or ``None``.

    >>> comparator_inside("增值额未超过扣除项目金额"), comparator_inside("不满意率")
    ('未超过', None)
    """
    for word in BEFORE:
        if len(word) > 1 and name.find(word, 1) > 0:
            return word
    return None


# 甲和乙均≥90%: names joined by 和, 与, 及, 以及 or 、 before 均 (都, 皆) say that each of them is bound alike.
# The count of the names may stand between (甲和乙两项均); 均 of 平均 or 人均 binds nothing (甲和乙平均: their mean).
_JOINT: Final = re.compile(r"(?P<names>.+?(?:以及|和|与|及|、).+?)(?:两项指标|两项|两者|二者)?(?<![平人])(?:均|都|皆)$")
# Words that pick one of the names, or some of them (甲和乙其中一项均, 甲与乙中任一均): no bound on each.
_SOME: Final = re.compile(r"其中|任一|任何|之一|一项|中任|至少|部分")
# 及 joins only where nothing else does: 合格率和及时率 is 合格率 and 及时率; and never as the first
# character of 及时 or 及格 (合格率及及时率 is 合格率 and 及时率, 完成及时率均 one name).
_JOINERS: Final = (re.compile(r"以及|和|与|、"), re.compile(r"及(?![时格])"))


def joint_names(name: str) -> tuple[str, ...]:
    """The metrics *name* holds: each of the names joined before 均, 都 or 皆, which bind them alike
    (a name read whole would be a metric 甲和乙均 that no outcome names); else *name* alone.  Without
    a joining word, 均 stays part of the name: 平均, 人均, 合格率均.

    >>> joint_names("合格率和及时率均"), joint_names("收入、支出以及结余都"), joint_names("人均")
    (('合格率', '及时率'), ('收入', '支出', '结余'), ('人均',))
    """
    joint = _JOINT.fullmatch(name)
    if joint is not None and _SOME.search(joint["names"]):
        return (name,)
    for joiner in _JOINERS if joint else ():
        parts = joiner.split(joint["names"]) if joint else []
        if len(parts) > 1:
            return tuple(parts) if all(parts) else (name,)
    return (name,)


def without_cause(name: str) -> str:
    """*name*, a metric named before its value, without the cause written in front of its noun: after
    因, up to a causative verb (因灾造成直接经济损失 counts 直接经济损失), or a cause of one word
    (:data:`CAUSES`).  A longer cause with no causative runs into the noun and stays in the name.

    A word that introduces the condition (如, 否则, 其中) is no part of the name either.

    >>> without_cause("因灾造成直接经济损失"), without_cause("因灾害死亡人数"), without_cause("因环境污染疏散人员")
    ('直接经济损失', '死亡人数', '因环境污染疏散人员')
    >>> without_cause("否则得分"), without_cause("如期完成率")
    ('得分', '如期完成率')
    """
    if (lead := _LEADS.match(name)) is not None:
        name = name[lead.end() :]
    if not name.startswith("因"):
        return name
    found = [(at, word) for word in CAUSATIVES if (at := name.find(word, 2)) > 0]
    if found:
        at, word = min(found)
        noun = name[at + len(word) :]
        return noun if noun and not noun.startswith("的") else name
    cause = next((cause for cause in CAUSES if name.startswith(cause)), "")
    return name[len(cause) :] if len(name) > len(cause) else name


def inclusivity_table() -> str:
    """Every comparator word and verb with the bound it sets and whether it includes the
    number, as the Markdown table of ``docs/comparator-words.md`` (a test keeps the two alike)."""
    sides = {Side.LOWER: "下限（≥ 或 >）", Side.UPPER: "上限（≤ 或 <）"}
    lines = ["| 词语 | 设定 | 含本数 | 位置 |", "|---|---|---|---|"]
    for word, (side, includes, before, after) in _TABLE.items():
        where = "、".join(place for place, flag in (("数字前", before), ("数字后", after)) if flag)
        lines.append(f"| {word} | {sides[side]} | {'含' if includes else '不含'} | {where} |")
    for word, verb in VERBS.items():
        if verb.alone is not None:
            lines.append(f"| {word}X（动词） | {sides[verb.alone]} | 含 | 数字前 |")
        elif verb.exact:
            lines.append(f"| {word}X（动词） | 等于 X | 含 | 数字前 |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - prints the table of docs/comparator-words.md
    print(inclusivity_table(), end="")
