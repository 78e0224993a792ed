"""How a tier's words name its band: the caller's label, a band word, a label before or after.

A tier written as a clause often names its band (…的为优秀, A级得分90分以上, 90到100优秀); whether a
word is the band the caller calls it, and where a label begins or ends a tier, is asked here, by the
clause reader (:mod:`kpi.text.clauses`) and by the check that a clause's name agrees with the labels
(:mod:`kpi.grading.criteria`).
"""

from __future__ import annotations

import re
from typing import Final

from kpi.text.normalise import normalise

__all__ = [
    "BAND_WORDS",
    "ENDS_VALUE",
    "NOTE",
    "STARTS_VALUE",
    "band_rank",
    "begins_with_label",
    "ends_with_label",
    "is_label",
    "names_own_band",
    "same_band",
]

# An inclusion note (含80分), (不含), (包括80分) belongs to the condition and stays; so does a bare number
# right after a value without a unit (<5.2 (200)): the value again in another unit, neither one named,
# so the tier is refused rather than read in a unit it may not be in.  Nor is a bracket a note that makes an
# exception or a condition of its own (扣分者除外, 有扣分的降一档, 但…, 不含扣分), nor an alternative bound
# (饱和率 90% (或7.5), the other in mg/L): the tier is refused.  Nor is a bracket with a bound in it
# (优秀(T ≥ 68)7 read 7, and dropped T≥68), nor one that ends in a joining word (和(7或) read 和, 且).
NOTE: Final = re.compile(
    r"(?:(?<![0-9])(?<![0-9] )|(?!\(\s*[0-9.]+\s*\)))"
    r"\((?!不?(?:包?含|包括)\s*(?:[-−0-9零〇一二两三四五六七八九十百]|本数|本级|在内|\)))"
    r"(?![^()]*(?:除外|不得|不能|不予|降[一二两三]?[档级等]|但|否则|如果|扣分|或\s*[0-9]|[<>=≥≤≦≧]\s*[-−0-9]))"
    r"(?![^()]*(?:或|且)\s*\))[^()]*\)"
)
# Band words in Chinese; letters (A级) only name a band alone, never at the end of a text (52dB, 5A).
_CHINESE_BAND_WORDS: Final = (
    r"优秀|优良|优|良好|良|较好|好|中等|中|一般|较差|差|合格|不合格|及格|不及格|达标|基本达标|不达标|"
    r"称职|基本称职|不称职|满意|基本满意|不满意|特等|特级|[甲乙丙丁]等?|[一二三四五六七八九十]+(?:级|档|等|类)|"
    r"第[一二三四五六七八九十0-9]+(?:级|档|等|类)"
)
# How good a band word is, 0 the best, within its kind of scale: the words of 优秀/良好/中等/合格/不合格,
# 优良中差, 称职/基本称职/不称职 and 满意/基本满意/不满意 on one ladder; 甲乙丙丁 and A–E each on their own.
# Numbered grades are left out: 一级 is the best air quality and the worst disability.
_WORD_RANKS: Final = {
    **dict.fromkeys(("特等", "特级"), 0),
    **dict.fromkeys(("优秀", "优"), 2),
    "优良": 3,
    **dict.fromkeys(("良好", "良", "较好", "好"), 4),
    **dict.fromkeys(("中等", "中", "一般"), 6),
    **dict.fromkeys(("合格", "及格", "达标", "称职", "满意"), 7),
    **dict.fromkeys(("基本合格", "基本达标", "基本称职", "基本满意"), 8),
    "较差": 9,
    **dict.fromkeys(("差", "不合格", "不及格", "不达标", "不称职", "不满意"), 10),
}


def band_rank(label: str) -> tuple[str, int] | None:
    """The kind of scale *label* belongs to and its place on it (0 the best), or ``None`` for a name
    kpi cannot place: ``band_rank("良好") < band_rank("合格")``; 甲等 and A级 rank among their own."""
    name = NOTE.sub("", normalise(label).text).strip().removesuffix("级")
    if name in _WORD_RANKS:
        return "words", _WORD_RANKS[name]
    if len(name) <= 2 and name[:1] in "甲乙丙丁" and name[1:] in ("", "等"):
        return "甲乙丙丁", "甲乙丙丁".index(name[0])
    if len(name) == 1 and name in "ABCDE":
        return "A-E", "ABCDE".index(name)
    return None


#: Words that name bands, for a clause that names a band the caller did not.
BAND_WORDS: Final = re.compile(rf"^(?:{_CHINESE_BAND_WORDS}|[A-E]级?)$")
# A band word in Chinese at the end of a text: 60分及格, 90分以上优秀.
_ENDS_BAND_WORD: Final = re.compile(rf"(?:{_CHINESE_BAND_WORDS})$")
_BAND_WORD_ENDINGS: Final = frozenset("秀良优好等中般差格标职意级档类")


# After a label, its pinyin (D級(ji):), the band's value or range (正常值应为低于5.6) and the word that
# joins it to the condition, perhaps with a hedge (轻度近视通常指视力在…, 重度近视则是低于4.5, 正常空腹血糖应在…,
# 高血压通常定义为…).
_AFTER_LABEL: Final = re.compile(
    r"\s*(?:\([a-zà-ǜ]+\))?(?:值|范围)?\s*(?:[:,]|即|相当于|(?:通常|一般)(?:定义为|是指|指|为|是)|则是|则为|是指|定义为|应该|应当|应为|应|为|是)?\s*"
)
# The score a grade's label runs on into, then its value: A级得分90分以上, B级得分70-89分.
_GRADE_SCORE: Final = re.compile(r"得分(?=\s*(?:在|为)?\s*[-−0-9零〇一二两三四五六七八九十百<>=≥≤≦≧])")
# Whose band it is, before its name and a word that joins it to the condition: 成人的正常血压为高压小于120mmHg.
_TOPIC: Final = re.compile(r"[^\W\d_]{1,6}?的")
STARTS_VALUE: Final = re.compile(r"[-−0-9零〇一二两三四五六七八九十百<>=≥≤≦≧\[(~\s]|百分之|千分之")
ENDS_VALUE: Final = re.compile(r"(?:[0-9%‰)\]]|分|以上|以下|以内|之间|其余|其他|其它)\s*$")


def same_band(own: str, given: str) -> bool:
    """Whether a clause's own name for its band (…为A级) names the band the caller calls *given*:
    alike once normalised, but for a trailing 级/等/档 (优等 for 優等), or *given* a longer name that
    begins with it, a letter or two characters at least (A级 for A级信用; 优 is not 优良)."""
    name = NOTE.sub("", normalise(own).text).strip('“”"「」 ').rstrip("级等档")
    meant = NOTE.sub("", normalise(given).text).strip().rstrip("级等档")  # 優(yōu)秀: the pinyin is a note
    return name == meant or ((len(name) > 1 or name.isascii()) and bool(name) and meant.startswith(name))


def is_label(word: str, hint: str | None) -> bool:
    """Whether *word* names a band: the caller's label for the tier, or a band word."""
    if hint is not None:
        return same_band(word, hint)
    return BAND_WORDS.match(word.strip('“”"「」')) is not None


def begins_with_label(text: str, label: str) -> int:
    """How much of *text* its band's *label* takes up front (with a joining 为, 是, ：, 相当于),
    or 0 when it does not begin with it: 低热37.5~38.0℃ begins with 低热, 优秀率≥90% not with 优; whose
    band it is may come first, then a joining word and a name (成人的正常血压为高压…, not 成人的正常血压120以下
    nor 收缩压的正常为90-139mmHg, whose topic may be the metric).
    A grade (A级, 一等) may run on into the score it grades: A级得分90分以上 is A级's 得分≥90分."""
    name = normalise(label).text.strip()
    if not name:
        return 0
    if not text.startswith(name):
        # 成人的正常血压为…: a topic before the name, then a word that joins it to its condition.
        topic = _TOPIC.match(text) if "的" in text[:7] else None
        if topic is None or not text.startswith(name, topic.end()):
            return 0
        joined = _AFTER_LABEL.match(text, topic.end() + len(name))
        assert joined is not None
        # Only before a name: in 收缩压的正常为90-139mmHg the topic may be the metric itself.
        named = joined.end() > topic.end() + len(name) and not STARTS_VALUE.match(text, joined.end())
        return joined.end() if named and joined.end() < len(text) else 0
    rest = _AFTER_LABEL.match(text, len(name))
    assert rest is not None
    if rest.end() == len(name) and len(text) > len(name) and not STARTS_VALUE.match(text, len(name)):
        return len(name) if _GRADE_SCORE.match(text, len(name)) and name.endswith(("级", "等", "档")) else 0
    return rest.end()


def ends_with_label(text: str, label: str | None) -> int:
    """Where *text* ends with its band's *label* right after a value (90到100优秀, 80到89分不错),
    or 0: 合格率≥90%基本合格 does not end with the label 合格.  With no label given, a band word
    in Chinese (60分及格, never a letter: 52dB, 5A) is one: the grammar read it as a metric 及格."""
    if label is None and text.rstrip("。.;!, )")[-1:] not in _BAND_WORD_ENDINGS:
        return 0  # every tier asks: the quick test first
    body = NOTE.sub("", text).rstrip("。.;!, ")
    if label is None:
        word = _ENDS_BAND_WORD.search(body) if body[-1:] in _BAND_WORD_ENDINGS else None
        if word is None:
            return 0
        label = word.group()
    name = NOTE.sub("", normalise(label).text).strip()
    if not name or not body.endswith(name) or len(body) == len(name):
        return 0
    start = len(body) - len(name)
    start = len(body[:start].rstrip(": "))  # 90分以上:特等, the label after a colon
    return start if ENDS_VALUE.search(body, 0, start) else 0


def names_own_band(named: str, found: str | None, hint: str | None) -> bool:
    """Whether an exception (…不得评为A级) speaks of the tier's own band: the caller's label for it, else the
    label the clause names (A级:90分以上,但…); with neither, the tier's band is unknown, and it is refused."""
    own = hint if hint is not None else found
    return own is not None and same_band(named, own)
