"""A "name" around a value that names no metric: a second bound, a band, the full marks.

After a range widened by a word (及以上) or a span threshold (一千元至三千元以上) the grammar
expects at most a metric name, and the lexer, which reads a Chinese numeral inside a name,
took 不满九十五分 for one: the tier read a metric 不满九十五分 of at least 90分, without a word.
A name after a value that opens with a comparator word and a figure is that comparator and that
figure, which these forms cannot join: it is refused, with what to write instead.  So is a band word
after a value when the tier names its band already (中:7079分及格: it read a metric 及格 and dropped
及格:6069分; alone, 60分及格 is read as the band's name before the grammar sees it), and 满分 on either
side (满分100分，90分以上 read 满分100分且满分≥90分).  The other end of a range after a value (至一百分者)
and a bound in Chinese numerals inside a name (十二以上 before 未達13.5) are refused too: the lexer read them
as names where a figure stands.
"""

from __future__ import annotations

import re
from typing import Final

from kpi.text.band_names import BAND_WORDS
from kpi.text.grammar import Problem
from kpi.text.words import BEFORE
from kpi.units import unit_names

__all__ = ["check_name", "check_name_after"]

_BOUND: Final = re.compile("(?:" + "|".join(map(re.escape, BEFORE)) + ")[-−0-9零〇一二两三四五六七八九十百千万.]")
# A figure and its word inside a name: 十二以上未達13.5 read a metric 十二以上 of less than 13.5.
_UNIT_NAMES: Final = "|".join(sorted(map(re.escape, unit_names()), key=len, reverse=True))
# A quantity in Chinese numerals at the end of a name, or a range of them inside it: 五千万元7以下 read a metric
# 五千万元 of at most 7, 诈骗…价值三千元一万元以上 one 诈骗…价值三千元 of at least 10000元, 超過7一億元 one 一亿元.
_FIGURE_AT_END: Final = re.compile(
    rf"[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?(?:{_UNIT_NAMES})$"
    r"|[零〇一二两三四五六七八九十百千万亿](?:" + _UNIT_NAMES + r")?[至到][零〇一二两三四五六七八九十百千万亿]"
    # …or an amount run into a broken comparator word: 销售金额五万元上不满二十万元 read 销售金额五万元上<200000元.
    r"|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*元[以上下元]"
)
# The other end of a range after a value: 90分及以上至一百分者 read a metric 至一百分者 of at least 90分, and
# 一千萬元元至一千五百萬元者 one 元至一千五百万元者.
_OTHER_END: Final = re.compile(rf"(?:{_UNIT_NAMES})?[至到~～—-][零〇一二两三四五六七八九十百千万亿]")
_FIGURE_WORD: Final = re.compile(
    "[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?(?:及|或)?以[上下内]"
)


def check_name_after(name: str, start: int) -> None:
    """Refuse *name*, written after a value from *start*, when it is a comparator and a figure."""
    if _BOUND.match(name):
        raise Problem(
            f"“{name}” after the value is a second bound, not a metric name: write 且 between the two bounds",
            start,
            zh=f"数值之后的“{name}”是另一个界值，不是指标名称：请在两个界值之间写“且”",
        )
    if _OTHER_END.match(name):
        raise Problem(
            f"“{name}” after the value is the other end of a range: write the range alone (90-100分) or one bound",
            start,
            zh=f"数值之后的“{name}”是区间的另一端：请只写区间（90-100分）或只写一端",
        )
    if BAND_WORDS.match(name):
        raise Problem(
            f"{name} after a value names a band, not a metric", start, zh=f"数值后的“{name}”是等级名称，不是指标名称"
        )


def check_name(name: str, start: int, *, quoted: bool = False) -> None:
    """Refuse *name* before or after a value when it is no metric's: 满分 (the full marks), a figure in
    Chinese numerals (unless the name is *quoted*: “一度” is what the author called it)."""
    if name == "满分":
        raise Problem("满分 states the full marks, not a condition", start, zh="“满分”是满分值，不是条件")
    figure = None if quoted else _FIGURE_WORD.search(name) or _FIGURE_AT_END.search(name)
    if figure is not None:
        raise Problem(
            f"“{figure[0]}” is a bound, not part of a metric name: write it in digits, or 且 between the two bounds",
            start,
            zh=f"“{figure[0]}”是界值，不是指标名称的一部分：请用阿拉伯数字书写，或在两个界值之间写“且”",
        )
