"""What the notes on a grade mean, and how each language says them.

A note (``gap``, ``overlap``, ``joined``…) is one word on a grade that a careful
reader must not miss; its meaning, the words an explanation adds for it, its short
name in a table's notes column, and why ``strict=True`` refuses a grade that rests on
it belong together, apart from the rest of :mod:`kpi.wording`, which fills its
:class:`kpi.wording.Words` from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "NOTES",
    "NOTE_NAMES_EN",
    "NOTE_NAMES_ZH",
    "NOTE_TEXTS_EN",
    "NOTE_TEXTS_ZH",
    "STRICT_WHY_EN",
    "STRICT_WHY_ZH",
]

#: Every note a grade can carry, and what it means.
NOTES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "gap": "the outcome fell between two tiers and got the worse neighbour",
        "above-scale": "the outcome is better than every tier and got the best band",
        "below-scale": "the outcome is worse than every tier and got the worst band",
        "uncovered": "no tier covers the outcome on a scale that is not monotone: no band",
        "span": (
            "the outcome lies inside the span within which a tier's threshold is fixed locally (一千元至三千元以上):"
            " the local standard decides, which the text does not give: no band"
        ),
        "overlap": "a later tier also claims the outcome and nothing in the text settles it: the first applies",
        "shared-bound": "the outcome is a bound two tiers share: it goes to the tier that marks it (（含）, 以上, ≥)",
        "typo": "the deciding tier was read with the correction of a typo",
        "fraction": "a number from 0 to 1 without %, on a scale whose bounds are all above 1%: a fraction (0.965)?",
        "magnitude": "a number without a unit, 1000 times the largest bound of tiers in 万元 (万人) or 10000: in 元?",
        "unit-assumed": "the tiers write no unit and the outcome does: the tiers were read in the outcome's unit",
        "set-aside": "a tier says more than a condition a figure can meet (或直接判级确定, …的，试用期…): set aside",
        "condition-met": "a clause of a tier's condition has no figure (为谋取不正当利益，…): it was taken as met",
        "full-completion": (
            "a tier names no figure, only full completion or its failure (全部完成, 未完成计划): it was read as"
            " 100% or more, or less than 100%, of the ratio the other tiers grade in percent"
        ),
        "one-metric": (
            "the tiers name their metric in different words (考评结果, 考评分), which may be one score's:"
            " they were read as one"
        ),
        "joined": (
            "the band joins neighbouring tiers given one label (250~350 and 350~500, both 严重污染): if a label"
            " was typed twice by mistake, the band is wrong"
        ),
        "exception-assumed": (
            "a tier makes an exception of its band that no figure can show (但存在特定情形者不得评为A级):"
            " the exception was taken not to apply"
        ),
        "alternative-assumed": (
            "a tier's alternative no figure can show (或一票否决, 或造成严重经济损失) was set aside: the grade"
            " assumes it does not hold"
        ),
        "unit-range": (
            "the outcome's unit converts to the tiers' only approximately (20天 on tiers in 个月, a month being 28"
            " to 31 days): it got the band every reading of it earns"
        ),
        "unmeasured": (
            "the outcome gives no figure for some metrics: alternatives (或) on them were left out of the decision"
            " (死亡35人 for 死亡≥30人或重伤≥100人); a condition (且) on one is refused"
        ),
        "impossible": (
            "a better tier, or an alternative (或) of one, can never hold (500万元以上、5000元以下, a typo for"
            " 5000万元?): the outcome may belong there had the text said what was meant"
        ),
        "negative-decrease": (
            "a negative outcome of a metric named as a decrease (同比下降 -6%), whose tiers write no negative"
            " value: a fall of 6% written with its sign, or a rise of 6%? It was read as written"
        ),
        "rounding": (
            "the outcome has 15 digits or more and lies within a float's rounding of a bound (94.99999999999999"
            " for 95%: a formula's result, which Excel shows as 95%): it was graded as written, and may belong"
            " to the bound's other side"
        ),
        "percent": (
            "a bare number from twice the largest bound to 100 on tiers written as fractions (90 on ≥0.95 | …):"
            " perhaps a percentage, 90% being 0.9; it was read as written"
        ),
    }
)

#: In Chinese, the words an explanation adds for a note.
NOTE_TEXTS_ZH: Final[Mapping[str, str]] = MappingProxyType(
    {
        "gap": "（落在两档之间，按较低一档评定）",
        "above-scale": "（超出评分范围，按最高档评定）",
        "below-scale": "（低于评分范围，按最低档评定）",
        "overlap": "（后面的档次也包含这一结果，按先匹配原则评定）",
        "shared-bound": "（两档共用的端点，归明示包含它的一档）",
        "fraction": "（不带 % 的 0 到 1 之间的数按百分数读；若是小数形式的比率，如 0.965 即 96.5%，请写 %）",
        "magnitude": "（不带单位的数按各档的单位读，它达到最大档界的一千倍或一万，疑以元、人等基本单位填写，请写单位）",
        "unit-assumed": "（各档数值未写单位，按实际值所写的单位理解）",
        "full-completion": "（该档未写数值，只写全部完成或未完成，按其余各档所评比率的100%理解）",
        "one-metric": "（各档所写的指标名称不同，按同一指标理解）",
        "joined": "（相邻两档的等级名称相同，合为一档）",
        "exception-assumed": "（档次所写的例外情形无法由数值判断，按不存在例外情形评定）",
        "impossible": "（前面有一档或其中“或”的一项，任何数值都不能满足，疑为笔误，结果可能应属那一档）",
        "negative-decrease": "（指标名称是下降、减少等，实际值却是负数：按所写的负数评定；若是下降了这么多，请写正数）",
        "rounding": "（实际值与档界只差浮点舍入误差，疑为公式算出的界值，如 94.99999999999999 即 95，按所写数值评定）",
        "percent": "（各档按小数写，不带单位的数却远大于各档，疑为百分数，如 90 即 0.9；按所写数值评定）",
    }
)

#: In Chinese, a note's short name in a table's notes column.
NOTE_NAMES_ZH: Final[Mapping[str, str]] = MappingProxyType(
    {
        "gap": "落在两档之间",
        "above-scale": "超出评分范围",
        "below-scale": "低于评分范围",
        "uncovered": "不在任何一档之内",
        "span": "落在区间门槛之内，由各地标准决定",
        "overlap": "档次重叠",
        "shared-bound": "两档共用端点",
        "typo": "笔误已更正",
        "fraction": "疑为小数形式的百分比",
        "magnitude": "疑以基本单位填写",
        "unit-assumed": "各档未写单位，按实际值的单位理解",
        "set-aside": "未考虑条件以外无法由数值判断的内容",
        "condition-met": "没有数值的条件视为已满足",
        "unmeasured": "部分指标未给出实际值，其“或”条件未予考虑",
        "unit-range": "单位只能近似换算，各种折算结果同档",
        "full-completion": "“全部完成”“未完成”按100%理解",
        "one-metric": "各档指标名称不同，按同一指标理解",
        "joined": "同名相邻档次合为一档",
        "exception-assumed": "按不存在例外情形评定",
        "alternative-assumed": "“或”所写情形按不存在评定",
        "impossible": "前面有一档的条件无法满足，疑为笔误",
        "negative-decrease": "下降（减少）量写成负数",
        "rounding": "与档界只差舍入误差",
        "percent": "疑为百分数",
    }
)

#: In Chinese, why strict=True refuses a grade resting on the note.
STRICT_WHY_ZH: Final[Mapping[str, str]] = MappingProxyType(
    {
        "fraction": "按百分数读只是推测，实际值也可能是小数形式的比率",
        "magnitude": "按各档的单位（如万元）读只是推测，实际值也可能以元、人等基本单位填写",
        "unit-assumed": "单位是推测的，各档并未写明",
        "unmeasured": "评定未考虑缺少实际值的指标，它们可能改变结果",
        "one-metric": "各档名称不同的指标是否为同一指标只是推测",
        "condition-met": "没有数值的条件是否满足只是假定",
        "exception-assumed": "档次所写的例外情形是否存在无法由数值判断，只是假定不存在",
        "alternative-assumed": "档次中“或”所写的情形（如一票否决）无法由数值判断，只是假定不存在，它可能改变档次",
        "impossible": "前面有一档（或其中“或”的一项）的条件任何数值都不能满足，疑为笔误；按原意结果可能属于那一档",
        "negative-decrease": "下降（减少）量为负数，可能是带符号写的下降，也可能是上升，无法确定",
        "rounding": "实际值与档界只差浮点舍入误差，可能就是界值本身，应属哪一档无法确定",
        "percent": "各档按小数写，实际值可能是百分数，按所写数值评定只是猜测",
    }
)

#: In English, the words an explanation adds for a note.
NOTE_TEXTS_EN: Final[Mapping[str, str]] = MappingProxyType(
    {
        "gap": " (between two tiers: the lower one applies)",
        "above-scale": " (above the scale: the best band applies)",
        "below-scale": " (below the scale: the worst band applies)",
        "overlap": " (a later tier also claims this outcome: the first applies)",
        "shared-bound": " (a bound two tiers share goes to the tier that marks it)",
        "fraction": (
            " (a number from 0 to 1 without % is read as that many percent; if it is a fraction,"
            " 0.965 for 96.5%, write the % or read it as a fraction)"
        ),
        "magnitude": (
            " (a number without a unit is read in the tiers' unit; it is a thousand times their largest"
            " bound or 10000, perhaps written in the base unit (元, 人): write its unit)"
        ),
        "unit-assumed": " (the tiers write no unit: they were read in the outcome's unit)",
        "full-completion": " (a tier writes no figure, only 完成 or 未完成: read against 100% of the ratio)",
        "one-metric": " (the tiers name their metric in different words: read as one)",
        "joined": " (neighbouring tiers given one label were joined into one band)",
        "exception-assumed": " (a tier's exception no figure can show was taken not to apply)",
        "impossible": (
            " (a better tier, or an alternative of one, can never hold, perhaps a typo: the outcome may belong there)"
        ),
        "negative-decrease": (
            " (a negative value of a decrease, read as written: if it fell by that much, write it positive)"
        ),
        "rounding": " (within a float's rounding of a bound, a formula's result for it? graded as written)",
        "percent": " (far above tiers written as fractions: perhaps a percentage, 90 for 0.9; read as written)",
    }
)

#: In English, a note's short name in a table's notes column.
NOTE_NAMES_EN: Final[Mapping[str, str]] = MappingProxyType(
    {
        "gap": "between two tiers",
        "above-scale": "above the scale",
        "below-scale": "below the scale",
        "uncovered": "in no tier",
        "span": "inside a span threshold, the local standard decides",
        "overlap": "tiers overlap",
        "shared-bound": "a shared bound",
        "typo": "typo corrected",
        "fraction": "perhaps a fraction",
        "magnitude": "perhaps in the base unit",
        "unit-assumed": "tiers read in the outcome's unit",
        "set-aside": "what the tiers say besides their conditions not considered",
        "condition-met": "conditions without figures taken as met",
        "unmeasured": "metrics without figures left out",
        "unit-range": "unit converted approximately, one band for every reading",
        "full-completion": "done or not done read as 100%",
        "one-metric": "differently named metrics read as one",
        "joined": "neighbouring tiers of one label joined",
        "exception-assumed": "exception taken not to apply",
        "alternative-assumed": "alternatives without figures taken not to hold",
        "impossible": "a better tier can never hold, perhaps a typo",
        "negative-decrease": "a decrease written negative",
        "rounding": "within rounding of a bound",
        "percent": "perhaps a percentage",
    }
)

#: In English, why strict=True refuses a grade resting on the note.
STRICT_WHY_EN: Final[Mapping[str, str]] = MappingProxyType(
    {
        "fraction": "reading the outcome as percent is a guess, and it may be a fraction",
        "magnitude": "reading the number in the tiers' unit (万元) is a guess, and it may be in 元",
        "unit-assumed": "the unit is a guess, not written in the tiers",
        "unmeasured": "the decision left out the metrics with no figure, which could change it",
        "one-metric": "that the differently named metrics are one is a guess",
        "condition-met": "that the conditions without a figure are met is only assumed",
        "exception-assumed": "that the tier's exception does not apply is assumed, no figure shows it",
        "alternative-assumed": (
            "that a tier's alternative without a figure (或一票否决) does not hold is assumed; it could change the band"
        ),
        "impossible": (
            "a better tier (or an alternative of one) can never hold, perhaps a typo; as meant, it might be the band"
        ),
        "negative-decrease": "a negative decrease may be a fall written with its sign or a rise: it cannot be told",
        "rounding": "an outcome within a float's rounding of a bound may be the bound itself: its band cannot be told",
        "percent": "on tiers written as fractions, the outcome may be a percentage: reading it as written is a guess",
    }
)
