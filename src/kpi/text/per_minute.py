"""A count per minute written around its value: 每分钟60到100次, 每分钟小于60次 are 次/分钟.

Health texts put the time a count is taken over before the comparison and the count's unit after the
number (``心率是在每分钟60到100次之间``, ``每分钟大于100次的心率``): the unit is 次/分钟, the rate the
outcome is given in (``75次/分``).  kpi reads 每分钟 as that unit only when what stands between it and the
number is a comparator word (or 在, 为, 是), and the number (or the range's second number) is followed by
次 and no other unit: ``每分钟通话次数不超过3次`` names a metric between them, and is left as written.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from kpi.text.normalise import Normalised
from kpi.text.words import BEFORE

__all__ = ["TRIGGER", "read_per_minute"]

#: The cheap test: a tier is looked at only when it holds this.
TRIGGER: Final = "每分钟"

_NUMBER: Final = r"[0-9]+(?:\.[0-9]+)?"
_UNIT: Final = "次/分钟"


@functools.cache
def _per_minute() -> re.Pattern[str]:
    comparators = "|".join(sorted(map(re.escape, BEFORE), key=len, reverse=True))
    return re.compile(
        rf"(?P<per>每分钟)\s*(?:在|为|是)?\s*(?:(?:{comparators}|[<>=≥≤])\s*)?"
        rf"{_NUMBER}(?:\s*(?:-|~|到|至)\s*{_NUMBER})?\s*(?P<count>次)(?![0-9/\w]*?(?:/|每))"
    )


def read_per_minute(normalised: Normalised) -> Normalised:
    """*normalised* with each 每分钟 … N次 written as N次/分钟 (see the module)."""
    text = normalised.text
    chars: list[str] = []
    origin: list[int] = []
    position = 0
    for match in _per_minute().finditer(text):
        per, count = match.span("per"), match.span("count")
        chars.append(text[position : per[0]])
        origin.extend(normalised.origin[position : per[0]])
        chars.append(text[per[1] : count[0]])
        origin.extend(normalised.origin[per[1] : count[0]])
        chars.append(_UNIT)
        origin.extend([normalised.origin[count[0]]] * len(_UNIT))
        position = count[1]
    if position == 0:
        return normalised
    chars.append(text[position:])
    origin.extend(normalised.origin[position:])
    return Normalised("".join(chars), tuple(origin), normalised.source)
