"""Comparators that say "better than" (优于, 等于或优于, 劣于): which side of the number they mean.

``最佳矫正视力等于或优于0.02,而低于0.05`` compares with a standard by quality, not by size: the side
of 0.02 it means depends on which way the metric gets better, which the words alone never say (a
higher 视力 is better, a higher 误差 worse).  The tier's other bound on the same metric says it: a
range is closed on both sides, so a 优于 a followed by 低于 b with a < b can only be a lower bound
(≥ a), one followed by 高于 b with a > b only an upper one; and so for 劣于 (误差等于或劣于0.1,而小于0.5
is 误差≥0.1且<0.5).  kpi reads 优于 that way, and refuses it
when no such bound follows (``视力优于1.0`` alone), rather than guess the direction.  优于 before a
name, not a number (``空气质量优于二级标准天数比例≥80%``), or before a class (``地表水优于3类水体比例``), is part
of the metric's name and left alone.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Final

from kpi.errors import KpiSyntaxError
from kpi.text.normalise import Normalised
from kpi.units import SYMBOL_UNIT, unit_names

__all__ = ["TRIGGERS", "read_betterness"]

#: Cheap tests: a tier is looked at only when it holds one of these.
TRIGGERS: Final = ("优于", "劣于")

_NUMBER: Final = r"[0-9]+(?:\.[0-9]+)?"
# 等于或优于 a (closed), 优于 a (open), and the same with 劣于; then the tier's other bound right after it,
# joined by a comma and 而/且/但/并, with no metric's name between: 等于或优于0.02,而低于0.05.
_BETTER: Final = re.compile(
    r"(?P<word>(?P<closed_before>等于或|等于或者)?(?:优于|劣于)(?P<closed_after>或等于|或者等于)?)\s*"
    r"(?P<value>" + _NUMBER + r")(?!\s*[类级等档星型])"
)
# The comparator word each reading is spelled with, by (lower bound, closed): the grammar's own words.
_WORDS: Final = {(True, True): "不低于", (True, False): "高于", (False, True): "不高于", (False, False): "低于"}


@functools.cache
def _other() -> re.Pattern[str]:
    """The other bound of the range, right after the value and its unit (a unit kpi knows, never a name)."""
    units = "|".join(sorted((re.escape(name) for name in unit_names()), key=len, reverse=True))
    return re.compile(
        rf"\s*(?:{units}|{SYMBOL_UNIT})?\s*[,、]?\s*(?P<joiner>而且|而|并且|并|且|但)?\s*"
        r"(?:(?P<upper>低于|小于|不足|未达到|不到|少于|<)|(?P<lower>高于|大于|超过|多于|>))\s*"
        r"(?P<value>" + _NUMBER + r")"
    )


def _refuse(normalised: Normalised, at: int, word: str) -> KpiSyntaxError:
    return KpiSyntaxError(
        f"{word} says better than, and no other bound of the tier says which way the metric gets better: write ≥ or ≤",
        normalised.source,
        normalised.source_position(at),
        zh=f"{word}表示优劣，本档没有另一端的界限说明指标哪一方向更好：请写作 ≥ 或 ≤",
    )


def read_betterness(normalised: Normalised) -> Normalised:
    """*normalised* with every 优于/劣于 before a number spelled as the comparator it means (see the
    module); raises :class:`kpi.KpiSyntaxError` when the tier does not say which way is better."""
    text = normalised.text
    chars: list[str] = []
    origin: list[int] = []
    position = 0
    for match in _BETTER.finditer(text):
        other = _other().match(text, match.end())
        if other is None:
            raise _refuse(normalised, match.start("word"), match["word"])
        value, bound = Decimal(match["value"]), Decimal(other["value"])
        if other["upper"] is not None and value < bound:
            lower = True
        elif other["lower"] is not None and value > bound:
            lower = False
        else:
            raise _refuse(normalised, match.start("word"), match["word"])
        closed = match["closed_before"] is not None or match["closed_after"] is not None
        word = _WORDS[lower, closed]
        start, end = match.span("word")
        chars.append(text[position:start])
        origin.extend(normalised.origin[position:start])
        chars.append(word)
        origin.extend([normalised.origin[start]] * len(word))
        position = end
        if other["joiner"] is not None:
            # 而 joins the two bounds of one range (,而低于0.05): no metric's name, which the grammar would take it for.
            chars.append(text[position : other.start("joiner")])
            origin.extend(normalised.origin[position : other.start("joiner")])
            position = other.end("joiner")
    if position == 0:
        return normalised
    chars.append(text[position:])
    origin.extend(normalised.origin[position:])
    return Normalised("".join(chars), tuple(origin), normalised.source)
