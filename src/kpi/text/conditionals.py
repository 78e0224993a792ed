"""Tiers written as conditional sentences (假设句): conditions, the last closed by 的, then a consequence.

Laws and regulations state their tiers as ``劳动合同期限三个月以上不满一年的，试用期不得超过一个月``:
clauses of condition, the last ending in 的 (or 者, 的部分, …), then what follows from them.
The consequence is no part of the condition, even when it holds figures (试用期不得超过一个月,
减除费用八百元): it is set aside, and every grade of the scale says so (note ``set-aside``).
A clause of the condition without a figure (``为谋取不正当利益，向国家工作人员行贿，数额在三万元以上的``,
``中华人民共和国成立后参加革命工作,连续工龄满二十年的``, a topic such as ``财产租赁所得，``) is one a
reader takes as met: it is read through, and every grade says which (note ``condition-met``, which
``strict=True`` refuses).  A clause with a figure is never taken as met: two of them are two
conditions (``实际工作年限十年以下的,在本单位工作年限五年以下的`` is …且…).  An alternative without a
figure (``…,或者…的``) or an exception (``但…``) is not a condition to take as met: such a sentence is
left to the other readings.  :func:`read_conditional` only finds the spans; :mod:`kpi.text.clauses`
cuts them.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from kpi.text.words import BEFORE, DEDUCTIONS, VERBS

__all__ = ["Conditional", "read_conditional"]

# Where one clause ends and the next begins: a comma (not one between the digits of 15,001), ; or :.
_SEPARATOR: Final = re.compile(r"\s*(?:(?<![0-9]),|,(?![0-9])|[;:])\s*")
# A figure, in digits or in Chinese numerals, 半 (过半数同意: more than half), or none of a deduction
# (没有扣分 is 扣分≤0): a clause that has one is never taken as met.
_FIGURE: Final = re.compile(r"[0-9%‰零〇一二两三四五六七八九十百千万亿半]|(?:没有|无)(?:" + "|".join(DEDUCTIONS) + ")")
# A value, right before the 的 or 者 that closes a condition.
_VALUE: Final = r"(?:(?<=以上)|(?<=以下)|(?<=以内)|(?<=之间)|(?<=[0-9%‰零〇一二两三四五六七八九十百千万亿]))"
# A clause that closes the condition: …以上的, …者, …的部分, …的地区, …的情况下; after a value, …的为三个月.
_CLOSES: Final = re.compile(r"(?:(?:的部分|的地区|的情况之?下|的|者)|" + _VALUE + r"(?:的|者)\s*为[^,;:]+)$")
# Failing that, a clause with a figure whose 的 and a few words end it, before another: 已满十六周岁的人犯罪，….
_CLOSES_NOUN: Final = re.compile(r"的[^\W\d_零〇一二两三四五六七八九十百千万亿]{1,4}$")
# The 的 (and the person or thing it describes) that ends a clause of the condition before another:
# 已满十四周岁不满十六周岁的人，…; 累计工作满1年不满10年的职工，…; 实际工作年限十年以下的,….
_CLOSER: Final = re.compile(r"(?:的部分|的地区|的情况之?下|的[^\W\d_零〇一二两三四五六七八九十百千万亿]{0,4}|者)$")
# A clause that is an alternative (或者…) or an exception (但…, 除…): where one is, no clause is taken as met
# (在中国境内有住所，或者…满一百八十三天的 is met without the days).
_EITHER: Final = re.compile(r"(?:或|但|除|否则|如果不|若不)")
# How a clause after the condition begins when it is another condition, not a consequence: 且, 并且, 而且, 或
# (工作年限10年以上的，且年龄不满50岁).  并 alone begins consequences (…，并处罚金).
_JOINED: Final = re.compile(r"且|并且|而且|或")
# A clause that begins with its value and names no metric: a clause without a figure before it may name
# the metric (考核得分，90分以上的) or the band (A级，90分以上的), and is not taken as met.
_VALUE_FIRST: Final = re.compile(
    r"(?:[-−0-9零〇一二两三四五六七八九十百<>=≥≤≦≧\[(~]|百分之|千分之|"
    + "|".join(sorted(map(re.escape, (*BEFORE, *VERBS)), key=len, reverse=True))
    + ")"
)
# A clause that refers to other text (实施前款规定行为): what it asks is not in the tier, never taken as met.
_ELSEWHERE: Final = re.compile(r"前款|前项|前条|本条|本款|上述|前述|上款|下列|以下情形")


@attrs.frozen
class Conditional:
    """The parts of a tier written as a conditional sentence, as spans (start, end) of its text."""

    #: The condition's clauses with a figure, and what joins them.
    condition: tuple[tuple[int, int], ...]
    #: The clauses without a figure, taken as met.
    met: tuple[tuple[int, int], ...] = ()
    #: What follows from the condition, set aside.
    consequence: tuple[int, int] | None = None


def _clauses(text: str) -> list[tuple[int, int, int]]:
    """Each clause of *text* as (start of the separator before it, start, end)."""
    found: list[tuple[int, int, int]] = []
    position = before = 0
    for separator in _SEPARATOR.finditer(text):
        if separator.start() > position:
            found.append((before, position, separator.start()))
            before = separator.start()
        position = separator.end()
    if position < len(text.rstrip()):
        found.append((before, position, len(text.rstrip())))
    return found


def read_conditional(text: str) -> Conditional | None:
    """The parts of *text* (normalised, its notes cut) when it is a conditional sentence whose
    condition holds a figure and ends in 的 or 者 (or a few words after 的 and a figure), and has a
    consequence after it, a clause without a figure in it or two clauses joined; else ``None``.

    >>> text = "财产租赁所得,每次收入不超过四千元的,减除费用八百元"
    >>> sentence = read_conditional(text)
    >>> [text[a:b] for a, b in sentence.condition], [text[a:b] for a, b in sentence.met]
    (['每次收入不超过四千元的'], ['财产租赁所得'])
    >>> text[slice(*sentence.consequence)]
    '减除费用八百元'
    >>> read_conditional("连续工龄满十五年不满二十年的") is None
    True
    """
    clauses = _clauses(text)
    closing = [index for index, (_, start, end) in enumerate(clauses) if _CLOSES.search(text, start, end)]
    if not closing:
        closing = [
            index
            for index, (_, start, end) in enumerate(clauses[:-1])
            if _FIGURE.search(text, start, end) and _CLOSES_NOUN.search(text, start, end)
        ][:1]
    if not closing:
        return None
    last = closing[-1]
    condition: list[tuple[int, int]] = []
    met: list[tuple[int, int]] = []
    joined = False  # whether a 的 was cut between two clauses of the condition
    for index, (before, start, end) in enumerate(clauses[: last + 1]):
        if not _FIGURE.search(text, start, end):
            if _ELSEWHERE.search(text, start, end):
                return None
            met.append((start, end))
            continue
        if met and met[-1][1] == before and _VALUE_FIRST.match(text, start):
            return None  # 考核得分，90分以上的: the clause before names the metric, perhaps
        closer = _CLOSER.search(text, start, end) if index < last else None
        if closer is not None and closer.start() > start and _FIGURE.search(text, start, closer.start()):
            end, joined = closer.start(), True  # 实际工作年限十年以下的, before another condition: no value's 的
        condition.append((before if condition else start, end))
    consequence = (clauses[last + 1][1], clauses[-1][2]) if last + 1 < len(clauses) else None
    if consequence is not None and _JOINED.match(text, consequence[0]):
        return None  # 工作年限10年以上的，且年龄不满50岁: a second condition, no consequence to set aside
    if not condition or (consequence is None and not met and not joined):
        return None
    if met and any(_EITHER.match(text, start) for _, start, _ in clauses[: last + 1]):
        return None
    return Conditional(tuple(condition), tuple(met), consequence)
