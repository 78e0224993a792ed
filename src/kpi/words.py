"""What each comparator word means: which side it bounds and whether it includes.

The defaults follow 民法典 第1259条: 以上, 以下, 以内 include the number
itself; 超过, 不满, 以外 exclude it.  A few regulations define 以下 as
exclusive; callers override a word's inclusivity with
``parse_rule(text, inclusive={"以下": False})``.  Every word the grammar
accepts before or after a value is a key here; a test keeps them in step.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

__all__ = ["WORDS", "Side", "WordMeaning", "meaning_of"]


class Side(enum.Enum):
    """Which end of an interval a word fixes."""

    LOWER = "lower"
    UPPER = "upper"


@attrs.frozen
class WordMeaning:
    side: Side
    inclusive: bool


_LOWER_INCLUSIVE = (
    "以上",
    "及以上",
    "或以上",
    "及其以上",
    "不低于",
    "不少于",
    "不小于",
    "至少",
    "最少",
    "大于等于",
    "大于或等于",
    "高于或等于",
)
_LOWER_EXCLUSIVE = ("超过", "超出", "高于", "大于", "多于", "以外")
_UPPER_INCLUSIVE = (
    "以下",
    "及以下",
    "或以下",
    "及其以下",
    "以内",
    "之内",
    "内",
    "不超过",
    "不高于",
    "不大于",
    "不多于",
    "未超过",
    "至多",
    "最多",
    "小于等于",
    "小于或等于",
    "低于或等于",
)
_UPPER_EXCLUSIVE = ("低于", "小于", "少于", "不足", "不满", "未满", "未达到", "未达", "不到")

WORDS: Final[Mapping[str, WordMeaning]] = MappingProxyType(
    {word: WordMeaning(Side.LOWER, True) for word in _LOWER_INCLUSIVE}
    | {word: WordMeaning(Side.LOWER, False) for word in _LOWER_EXCLUSIVE}
    | {word: WordMeaning(Side.UPPER, True) for word in _UPPER_INCLUSIVE}
    | {word: WordMeaning(Side.UPPER, False) for word in _UPPER_EXCLUSIVE}
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
