"""Normalisation of tier texts before they reach the grammar.

Real documents mix full-width and half-width forms (``＜`` and ``<``, ``％``
and ``%``), traditional and simplified characters, and stray spaces.  The
grammar sees one canonical spelling; error messages still point into the
text the user wrote, so normalisation keeps a map from every normalised
character back to its source index.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

import attrs

__all__ = ["BLANK", "Normalised", "metric_key", "normalise"]

# Traditional characters that occur in comparator words, units and the
# common metric vocabulary; mapping them lets 低於, 未滿, 以內 read as 低于,
# 未满, 以内.  Metric names are mapped too, so 滿意度 and 满意度 are one metric.
_SIMPLIFIED = str.maketrans(
    "於滿內達過餘與個時萬億項兩點為間長負數標準務業單門統較並僅無歲週區縣戶場臺條噸畝鐘圍規範處執結辦資營類蓋訪問認證記錄計劃動勞參險醫療養補貼發報質實際環節級總體學員設備網絡斷顧權換額擬訴訟檢測驗審確積極態轉織導華優開關聯連運維護應響試題議費預決帳賬財稅價錢銷購貨產廠農職崗訓練貧創復覽歷評屬績錯敗義歸稱診況說災脅遷潛經濟損糧",
    "于满内达过余与个时万亿项两点为间长负数标准务业单门统较并仅无岁周区县户场台条吨亩钟围规范处执结办资营类盖访问认证记录计划动劳参险医疗养补贴发报质实际环节级总体学员设备网络断顾权换额拟诉讼检测验审确积极态转织导华优开关联连运维护应响试题议费预决账账财税价钱销购货产厂农职岗训练贫创复览历评属绩错败义归称诊况说灾胁迁潜经济损粮",
)

# Characters that NFKC leaves alone but that mean a dash or a comparator the
# grammar already knows; mapping them here keeps the grammar small.
_PUNCTUATION = str.maketrans(
    {"﹣": "-", "－": "-", "～": "~", "〜": "~", "∼": "~", "⁓": "~", "‐": "-", "‑": "-", "‒": "-"}
)


@attrs.frozen
class Normalised:
    """Normalised text plus, for each of its characters, the source index."""

    text: str
    origin: tuple[int, ...]
    source: str

    def source_position(self, index: int) -> int:
        """Index in the source text of the normalised character at *index*; past the
        end, the place just after the last character kept (trailing spaces aside)."""
        if index >= len(self.origin):
            end = self.origin[-1] + 1 if self.origin else len(self.source)
            return min(end, len(self.source.rstrip()))
        return self.origin[index]


def normalise(source: str) -> Normalised:
    """Fold full-width, traditional and whitespace variants to one spelling.

    >>> normalise("设备完好率＜９０％").text
    '设备完好率<90%'
    >>> normalise("低於７０％").text
    '低于70%'

    A space between two Chinese characters splits no word (5 年以上 10 年以 下), nor one between a word and
    the figure it governs (不超过 36,000): it goes.  So does the
    pinyin reading a web page writes in brackets after a character (評(píng)為, 級(jí)), which splits a
    word too: only tone-marked Latin letters, never anything else in brackets.

    >>> normalise("A級(jí)得分90分以上").text, normalise("评为A级(含90分)").text
    ('A级得分90分以上', '评为A级(含90分)')
    """
    pieces = list(map(_fold, source))
    text = "".join(pieces)
    # Most characters fold to one (９ to 9, 於 to 于): then each keeps its index.
    if len(text) == len(source) and "" not in pieces:
        origin: list[int] | range = range(len(source))
    else:
        origin = [index for index, piece in enumerate(pieces) for _ in piece]
    # 零下5℃ is -5℃ (it read a metric 零下 of at most 5°C): 零 becomes the sign, 下 goes; 负5% is -5%;
    # 正负5% is ±5%, which no tier reads (it read a metric 误差正负 of at most 5%), 负 going too.
    below = [match.start() for match in _BELOW_ZERO.finditer(text)] if "零下" in text else []
    minus = [match.start() for match in _MINUS_WORD.finditer(text)] if "负" in text else []
    either = [match.start() for match in _EITHER_SIGN.finditer(text)] if "正负" in text else []
    below += either
    if below or minus:
        signs = dict.fromkeys(below + minus, "-") | dict.fromkeys(either, "±")
        text = "".join(signs.get(i, char) for i, char in enumerate(text))
    split = " " in text and _SPLIT_WORD.search(text)
    if split or below or ("(" in text and _PINYIN.search(text)):
        dropped = {
            i
            for pattern in (_SPLIT_WORD, _PINYIN)
            for match in pattern.finditer(text)
            for i in range(match.start() + 1, match.end())
        } | {i + 1 for i in below}
        kept = [i for i in range(len(text)) if i not in dropped]
        return Normalised("".join(text[i] for i in kept), tuple(origin[i] for i in kept), source)
    return Normalised(text, tuple(origin), source)


# What a metric's key leaves out: spaces and quotes.
_NO_QUOTES: Final = str.maketrans("", "", ' “”"「」')
# 零下 before a figure: a minus sign.
_BELOW_ZERO: Final = re.compile(r"零下(?= ?[0-9零〇一二两三四五六七八九十])")
# 负 before a figure (负5%以上, ≥负5%, 至负5%, 增长率负5%): a minus sign; but for the words that end in it
# (税负5%, 减负20%以上: a burden 20% lighter, not 减≥-20%; 胜负, 抱负, 自负, 担负, 肩负, 欺负).
_MINUS_WORD: Final = re.compile(r"(?<![税减胜正抱自担肩欺])负(?=[0-9零〇一二两三四五六七八九十])")
# 正负 before a figure: ±.
_EITHER_SIGN: Final = re.compile(r"正负(?= ?[0-9零〇一二两三四五六七八九十])")
# A run of spaces between two Chinese characters, or between one and the figure after it (不超过 36,000,
# 在 3 秒内: the word read as a metric's name), from the character before it.
_SPLIT_WORD: Final = re.compile(r"[\u4e00-\u9fff] +(?=[\u4e00-\u9fff]|[-−]?[0-9])")
# A character's pinyin in brackets after it, from the character: 級(jí), 評(píng), 數(shù); one syllable
# of Latin letters with a tone mark (a bracket of plain letters, (ji) or (mg), may be anything else).
_TONED: Final = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN: Final = re.compile(rf"[\u4e00-\u9fff]\((?=[a-zü]{{0,5}}[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")


# An item's number in a list written in one cell (①95%以上, ⒈95%以上, ❶, ㉑): NFKC makes ① a 1 that
# glues onto the figure after it (①95% read as 195%), so every enclosed number or letter is a space.
_ENCLOSED: Final = ((0x2460, 0x24FF), (0x2776, 0x2793), (0x3251, 0x325F), (0x3280, 0x3289), (0x32B1, 0x32BF))
# Characters that show nothing (a zero-width space pasted from a web page, a soft hyphen): they go.
_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
#: What a cell that looks empty may hold: any white space, and characters that show nothing.
BLANK: Final = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + "".join(sorted(_INVISIBLE))


@functools.lru_cache(maxsize=8192)
def _fold(char: str) -> str:
    """One source character as the grammar sees it (one or more characters, or none)."""
    if char in _INVISIBLE:
        return ""
    if any(first <= ord(char) <= last for first, last in _ENCLOSED):
        return " "
    folded = unicodedata.normalize("NFKC", char).translate(_SIMPLIFIED).translate(_PUNCTUATION)
    return "".join(" " if piece.isspace() else piece for piece in folded)


@functools.lru_cache(maxsize=4096)
def metric_key(name: str) -> str:
    """A metric name as kpi compares it: normalised like tier texts, no spaces, no quotes
    (around it, or around part of it: “三公经费”变动率).

    >>> metric_key(" 滿意度 "), metric_key("“超过期限案件数”"), metric_key("收缩压范围"), metric_key("“三公经费”变动率")
    ('满意度', '超过期限案件数', '收缩压', '三公经费变动率')
    """
    key = normalise(name).text.translate(_NO_QUOTES)
    # 收缩压范围在140-159 and 收缩压≥180 speak of one metric.
    return key.removesuffix("范围") if len(key) > 2 else key
