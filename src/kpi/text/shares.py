"""A metric compared with a share of a base quantity: ``增值额未超过扣除项目金额50%``.

Tax law and appraisal rules bound a metric by a percentage of another quantity, its base:
``增值额超过扣除项目金额50%、未超过扣除项目金额100%的部分`` (土地增值税: 增值额 between 50% and
100% of 扣除项目金额), ``各一级评审项目得分不低于应得分的80%``.  The grammar lexes the name, the
comparator word and the base as one metric name before a bare value; :func:`share_name` finds
the word in it, and :func:`read_share` reads the whole as metric ``A``, taken as a share of base
``B``, compared with the value (``A ÷ B ≤ 50%``).  The outcome is that share, in percent: kpi
never has the base's amount, so a figure in another unit (元) is refused, never graded as
``A`` itself (:mod:`kpi.grading.model`).

A second bound after the first, with the same base and no name of its own
(``、未超过扣除项目金额100%``), bounds the same metric (:func:`continues`).

A quantifier before the name says the bound holds for each of several items: ``各…不低于应得分
的80%`` (every item at least 80%) and ``任何一项…低于应得分的60%`` (some item below 60%).  Both
are what the lowest item's share says, so the name is read without the quantifier and the figure
given for it is the lowest item's share; the other pairings (各 with an upper bound, 任何一项 with
a lower one) would need the highest item's, and are refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from kpi.intervals import Bound, Interval
from kpi.rules import BareValue, Comparison
from kpi.text.grammar import Problem, metric_needs_quotes
from kpi.text.spelling import SHARE_WORDS
from kpi.text.words import BEFORE, TYPOS, Side, meaning_of
from kpi.units import PERCENT

__all__ = ["QUANTIFIERS", "ShareName", "continues", "read_share", "share_name"]

#: Quantifiers before a metric name that say each (各) or any (任何一项) of several items, longest first.
QUANTIFIERS: Final = ("任何一项", "任意一项", "任一项", "任一", "各项", "各")
#: The quantifiers of every item, which a lower bound takes when the figure is the lowest item's share
#: (an upper bound takes the others, of some item).
_EVERY: Final = ("各项", "各")
_WORDS: Final = tuple(word for word in BEFORE if len(word) > 1 and word not in TYPOS)
#: Endings of a rate, a change or an index: ``实际增幅超过本省增幅2%`` may say "by 2 points" as well as
#: "2% of", so without 的 (``…增幅的2%``) a share is not read off such names.
_RATES: Final = ("率", "幅", "比", "比例", "比重", "指数", "增速", "增长", "水平")


@attrs.frozen
class ShareName:
    """A name before a bare value split at its comparator word: the metric (``""`` when the name
    begins with the word), the word, the base (without 的), and the quantifier read off the metric."""

    metric: str
    word: str
    base: str
    quantifier: str = ""


def _first_word(text: str) -> tuple[int, str] | None:
    """The leftmost comparator word written before values in *text* (the longest there), and where."""
    for at in range(len(text)):
        word = next((word for word in _WORDS if text.startswith(word, at)), None)
        if word is not None:
            return at, word
    return None


def share_name(name: str) -> ShareName | None:
    """*name* as a metric, a comparator word and a base, or ``None`` when it holds no such word, or
    either side would not read back as a name of its own, or a rate's name without 的 leaves it open
    whether the value is a share or a difference: the base holds another comparator word,
    the metric begins with a second quantifier, or ends where a canonical word would run into it
    (X未 and 超过 make 未超过).

    >>> share_name("增值额未超过扣除项目金额")
    ShareName(metric='增值额', word='未超过', base='扣除项目金额', quantifier='')
    >>> share_name("各一级评审项目得分不低于应得分的").quantifier
    '各'
    """
    found = _first_word(name)
    if found is None:
        return None
    at, word = found
    metric, base = name[:at], name[at + len(word) :].removesuffix("的")
    if not name.endswith("的") and (metric.endswith(_RATES) or base.endswith(_RATES)):
        return None  # 实际增幅超过本省增幅2%: by 2 points, or 2% of it?
    quantifier = next((q for q in QUANTIFIERS if metric.startswith(q) and len(metric) > len(q)), "")
    metric = metric[len(quantifier) :]
    if not base or _first_word(base) is not None or metric_needs_quotes(base):
        return None
    if metric and (metric_needs_quotes(metric) or metric.startswith(QUANTIFIERS)):
        return None
    if any(_first_word(metric + canonical) != (len(metric), canonical) for canonical in SHARE_WORDS.values()):
        return None
    return ShareName(metric, word, base, quantifier)


def read_share(
    found: ShareName, value: BareValue, where: int, inclusive: Mapping[str, bool] | None = None
) -> Comparison:
    """The comparison ``found.metric ÷ found.base`` *word* *value*, a percentage; its metric is
    ``None`` when the name begins with the word (:func:`continues` names it)."""
    meaning = meaning_of(found.word, inclusive)
    lower = meaning.side is Side.LOWER
    if found.quantifier and lower != (found.quantifier in _EVERY):
        raise Problem(
            f"“{found.quantifier}{found.metric}” with “{found.word}” speaks of the highest of the items;"
            f" kpi reads a figure for {found.metric} only as the lowest item's share of {found.base}"
            " (各 with a lower bound, 任何一项 with an upper one)",
            where,
            zh=f"“{found.quantifier}{found.metric}”与“{found.word}”说的是各项中最高的一项；kpi 只把"
            f"{found.metric}的数值读作最低一项占{found.base}的比例（“各”配下限，“任何一项”配上限）",
        )
    bound = Bound(value.value, meaning.inclusive)
    interval = Interval(bound, None) if lower else Interval(None, bound)
    return Comparison(interval, PERCENT, found.metric or None, base=found.base)


def continues(share: Comparison, previous: object) -> Comparison | None:
    """*share*, a bound with no name of its own, as a bound on the metric of *previous* when that is
    a share of the same base (增值额超过扣除项目金额50%、未超过扣除项目金额100%); else ``None``."""
    if isinstance(previous, Comparison) and previous.base == share.base and previous.metric is not None:
        return attrs.evolve(share, metric=previous.metric)
    return None
