"""Hypothesis strategies for tier texts, tier sets and outcomes.

Evaluators write their own tier sets; these strategies let them
property-test the boundaries: ``boundary_outcomes(c)`` gives every bound of
a criteria and the values just inside and just outside it, which is where
a wrong band hides.  Importing this module needs Hypothesis (``pip install
hypothesis``); ``import kpi`` alone never imports it.  When kpi is installed
and Hypothesis loads its plugins, ``st.from_type(kpi.Criteria)`` draws from
:func:`criteria`.

>>> from hypothesis import given
>>> from kpi.strategies import criteria, boundary_outcomes
>>> @given(st.data())
... def test_my_bands(data):
...     c = data.draw(criteria())
...     assert c.grade(data.draw(boundary_outcomes(c))) is not None
>>> test_my_bands()
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any, Final

from hypothesis import strategies as st

from kpi.direction import Direction
from kpi.grading.bands import MAX_BANDS, MIN_BANDS
from kpi.grading.criteria import Criteria
from kpi.text.grammar import build_lark
from kpi.units import Quantity

__all__ = ["boundary_outcomes", "criteria", "grammar_texts", "outcomes", "tier_texts"]

# Spellings documents use, half- and full-width.
_DASHES: Final = ("-", "－", "~", "～", "—", "至", "-", "-")
_SYMBOLS: Final = ("≥", ">", "＞", "<", "＜", "≤", "=", ">=", "<=")
_SUFFIX_WORDS: Final = ("以上", "以下", "以内", "及以上", "及以下")
_PREFIX_WORDS: Final = ("低于", "不低于", "不超过", "高于", "超过", "不满", "未达到", "不少于")
_UNITS: Final = ("%", "%", "%", "％", "小时", "个工作日", "人", "分", "")
_METRICS: Final = ("设备完好率", "按期结案率", "顾客满意率", "业务中断时间", "任务完成率", "满意度", "增长比例")
_ENDINGS: Final = ("", "", "", "。", " ")
_FULL_WIDTH: Final = str.maketrans("0123456789%<>=-~.", "０１２３４５６７８９％＜＞＝－～．")

#: Tier sets of the seed document, for users who want real ones.
SEED_TIER_SETS: Final = (
    ("95%", "85%-94%", "70%-84%", "69%以下"),
    ("100%", "90%-99%", "80%-89%", "79%及以下"),
    ("0%", "＜5%", "＜10%", "＞10%"),
    ("20个工作日以内", "25个工作日以内", "30个工作日以内", "30个工作日以上"),
    ("85%以上", "70%-85%", "60%-70%", "61%以下"),
    ("90%", "85%", "75%", "60%以下"),
    ("100%", "≥95%", "≥90%", "90%以下"),
    ("95%以上", "90%－94%", "85%－89%", "75%－84%"),
    ("设备完好率>90%", "设备完好率=90%", "设备完好率<90%且≥80%", "设备完好率<80%"),
    ("顾客满意率>94%", "顾客满意率=94%", "顾客满意率=93%", "顾客满意率<93%"),
    ("业务中断时间≤10小时", "业务中断时间≤15小时", "业务中断时间≤20小时", "业务中断时间≤25小时"),
    ("增长比例6%-14%", "增长比例14%-22%", "增长比例0-6%", "负增长"),
    ("90-100分", "80-89分", "60-79分", "0-59分"),
)


def _number(value: int, tenths: int) -> str:
    return f"{value}.{tenths}" if tenths else str(value)


@st.composite
def _tier_text(draw: st.DrawFn, full_width: bool | None, metrics: bool) -> str:
    unit = draw(st.sampled_from(_UNITS))
    low = draw(st.integers(0, 200))
    high = low + draw(st.integers(1, 50))
    low_text = _number(low, draw(st.sampled_from((0, 0, 5))))
    high_text = _number(high, 0)
    form = draw(st.sampled_from(("bare", "range", "symbol", "suffix", "prefix", "span")))
    if form == "bare":
        body = f"{low_text}{unit}"
    elif form == "span":  # 一千元至三千元以上: a threshold fixed within a span (kpi.span_thresholds)
        body = f"{low_text}{unit or '元'}至{high_text}{unit or '元'}以上"
    elif form == "range":
        left_unit = unit if draw(st.booleans()) else ""
        body = f"{low_text}{left_unit}{draw(st.sampled_from(_DASHES))}{high_text}{unit}"
    elif form == "symbol":
        body = f"{draw(st.sampled_from(_SYMBOLS))}{low_text}{unit}"
    elif form == "suffix":
        body = f"{low_text}{unit}{draw(st.sampled_from(_SUFFIX_WORDS))}"
    else:
        body = f"{draw(st.sampled_from(_PREFIX_WORDS))}{low_text}{unit}"
    if metrics and draw(st.booleans()):
        body = draw(st.sampled_from(_METRICS)) + body
    wide = draw(st.booleans()) if full_width is None else full_width
    if wide:
        body = body.translate(_FULL_WIDTH)
    return body + draw(st.sampled_from(_ENDINGS))


def tier_texts(*, full_width: bool | None = None, metrics: bool = True) -> st.SearchStrategy[str]:
    """Valid single tier texts in the forms documents use.

    Bare values, ranges with every dash, symbols and comparator words before
    or after the value, span thresholds (1000元至3000元以上), units or none, metric names in front, trailing
    punctuation; ``full_width=True``/``False`` forces full- or half-width
    digits and symbols (default: either).
    """
    return _tier_text(full_width, metrics)


@functools.cache
def _grammar_strategy() -> st.SearchStrategy[str]:
    from hypothesis.extra.lark import from_lark  # needs lark, which kpi always has

    grammar = build_lark(strict=False)
    explicit = {
        "PREFIX_METRIC": st.sampled_from(_METRICS),
        "SUFFIX_METRIC": st.sampled_from(("与外部数据交换", "业务系统能够协调")),
        "QUOTED_METRIC": st.sampled_from(("“二级以上医院数”", "「其他收入占比」")),
        "RANK": st.sampled_from(("第", "前", "后", "排名第", "位列前")),
    }
    return from_lark(grammar, start="start", explicit=explicit)


def grammar_texts() -> st.SearchStrategy[str]:
    """Texts drawn from kpi's own grammar (``hypothesis.extra.lark.from_lark``).

    Each is syntactically a tier text; some fail kpi's semantic checks (a
    range whose ends are in different units) and raise ``KpiSyntaxError``.
    """
    return _grammar_strategy()


# Band names documents give tier sets, by how many bands they name.
_NAMED_BANDS: Final[dict[int, tuple[tuple[str, ...], ...]]] = {
    3: (("优秀", "合格", "不合格"), ("称职", "基本称职", "不称职")),
    4: (("优秀", "良好", "合格", "不合格"), ("甲", "乙", "丙", "丁")),
    5: (("A", "B", "C", "D", "E"),),
}
_NUMERALS: Final = "一二三四五六七八九十"


def _label_sets(count: int) -> tuple[tuple[str, ...], ...]:
    """The names a document might give *count* bands: its own family, or 一档…, which fits any count."""
    return (*_NAMED_BANDS.get(count, ()), tuple(f"{numeral}档" for numeral in _NUMERALS[:count]))


def _check_bands(bands: int | None) -> None:
    # Fail when the strategy is built, not at the first draw deep inside a test.
    if bands is None:
        return
    if isinstance(bands, bool) or not isinstance(bands, int):
        raise TypeError(f"bands is a number of bands, {MIN_BANDS} to {MAX_BANDS}, or None; got {bands!r}")
    if not MIN_BANDS <= bands <= MAX_BANDS:
        raise ValueError(f"a tier set has {MIN_BANDS} to {MAX_BANDS} bands; got bands={bands}")


def _families(cuts: list[int], gap: int, unit: str) -> dict[Direction, dict[str, tuple[str, ...]]]:
    """Each way documents write tiers on *cuts* (best first for higher-is-better), by the direction it runs.

    Growth bands are the one non-monotone form documents use, and they only
    come in four (a sweet spot, above it, below it, negative): there is none
    for other counts rather than an invented one.
    """
    c, u, count = cuts, unit, len(cuts) + 1
    rising = sorted(cuts)  # lower is better: the best tier has the smallest limit
    families: dict[Direction, dict[str, tuple[str, ...]]] = {
        Direction.HIGHER_IS_BETTER: {
            "ranges": (
                f"{c[0]}{u}以上",
                *(f"{c[i + 1]}-{c[i] - gap}{u}" for i in range(count - 2)),
                f"{c[-1] - gap}{u}以下",
            ),
            "thresholds": (*(f"≥{cut}{u}" for cut in c), f"<{c[-1]}{u}"),
            "bare": (*(f"{cut}{u}" for cut in c), f"{c[-1]}{u}以下"),
            "words": (
                f"不低于{c[0]}{u}",
                *(f"{c[i + 1]}{u}以上，不满{c[i]}{u}" for i in range(count - 2)),
                f"不满{c[-1]}{u}",
            ),
        },
        Direction.LOWER_IS_BETTER: {
            "limits": (*(f"{cut}小时以内" for cut in rising), f"超过{rising[-1]}小时"),
            "ceilings": (f"≤{rising[0]}{u}", *(f"<{cut}{u}" for cut in rising[1:]), f"≥{rising[-1]}{u}"),
        },
    }
    if count == 4:
        high, middle, low = c
        families[Direction.NON_MONOTONE] = {
            "growth": (f"{low}%-{middle}%", f"{middle}%-{high}%", f"0-{low}%", "负增长")
        }
    return families


@st.composite
def _tier_set(draw: st.DrawFn, bands: int | None, direction: Direction | None) -> tuple[str, ...]:
    # Four bands stay common, because the national scale and most documents use four.
    if bands is not None:
        count = bands
    elif direction is Direction.NON_MONOTONE:
        count = 4
    else:
        count = draw(st.sampled_from((4, 4, *range(MIN_BANDS, MAX_BANDS + 1))))
    cuts = sorted(
        draw(st.lists(st.integers(1, 100), min_size=count - 1, max_size=count - 1, unique=True)), reverse=True
    )
    gap = draw(st.integers(0, 1))
    unit = draw(st.sampled_from(("%", "%", "分", "")))
    metric = draw(st.sampled_from(("", "", *_METRICS[:3])))
    families = _families(cuts, gap, unit)
    if direction is None:
        # Twice as many higher-is-better sets as each other kind, as in documents.
        runs = [Direction.HIGHER_IS_BETTER, *families]
        direction = draw(st.sampled_from(runs))
    family = families[direction]
    tiers = family[draw(st.sampled_from(sorted(family)))]
    if metric and direction is not Direction.NON_MONOTONE:
        tiers = tuple(metric + tier for tier in tiers)
    return tiers


@st.composite
def _labelled(draw: st.DrawFn, bands: int | None, direction: Direction | None) -> Criteria:
    """A generated tier set read the ways users hand one to kpi: bare, with ``labels=``, or as a labelled scale."""
    tiers = draw(_tier_set(bands, direction))
    labels = draw(st.none() | st.sampled_from(_label_sets(len(tiers))))
    if labels is None:
        return Criteria.parse(tiers)
    if draw(st.booleans()):
        return Criteria.parse(tiers, labels=labels)
    separator = draw(st.sampled_from(("、", "；")))
    return Criteria.parse_scale(separator.join(f"{label}（{tier}）" for label, tier in zip(labels, tiers, strict=True)))


def criteria(
    *, direction: Direction | None = None, seed_sets: bool = True, bands: int | None = None
) -> st.SearchStrategy[Criteria]:
    """Valid tier sets, as :class:`kpi.Criteria`, of every direction and 2 to 10 bands.

    Generated from cut points in the forms documents use (ranges, thresholds,
    bare values, word pairs, time limits, growth bands), sometimes with the
    band names documents use (优秀/合格/不合格, A–E, 一档…), and the seed
    document's own sets unless ``seed_sets=False``.  ``direction`` keeps
    only scales that run that way; ``bands`` only tier sets of that many
    bands (any, by default, and often four, like the national scale).
    Non-monotone sets come in four bands only, as growth bands do.
    """
    _check_bands(bands)
    if direction is Direction.NON_MONOTONE and bands not in (None, 4):
        raise ValueError(f"non-monotone tier sets have 4 bands, as growth bands do; got bands={bands}")
    generated = _labelled(bands, direction)
    if not seed_sets:
        return generated
    seeds = [Criteria.parse(tiers) for tiers in SEED_TIER_SETS]
    chosen = [
        c for c in seeds if (direction is None or c.scale is direction) and (bands is None or len(c.tiers) == bands)
    ]
    return st.one_of(generated, st.sampled_from(chosen)) if chosen else generated


def _step(criteria: Criteria) -> Decimal:
    """The smallest difference that matters: the precision, or a hundredth of
    the finest decimal place the tiers write."""
    if criteria.precision is not None:
        return criteria.precision
    exponents = [value.as_tuple().exponent for _, value in criteria.bounds()]
    places = max((-exponent for exponent in exponents if isinstance(exponent, int)), default=0)
    return Decimal(1).scaleb(-max(places, 0) - 2)


def _gradable(value: Decimal) -> bool:
    """Whether an outcome of this size is one kpi grades (1E-15 … 1E+15, or zero)."""
    return value == 0 or -15 <= value.adjusted() <= 15


def _shown(criteria: Criteria, metric: str | None, value: Decimal, as_text: bool) -> object:
    unit = criteria.model.units.get(metric)
    # A share of a base is given as such, in percent: a bare number is refused (kpi.grading.bases).
    return str(Quantity(value, unit)) if as_text or metric in criteria.model.bases else value


def _pack(criteria: Criteria, values: dict[str | None, object]) -> object:
    metrics = criteria.model.metrics
    if len(metrics) == 1 and metrics[0] is None:
        return values[None]
    if len(metrics) == 1:
        return values[metrics[0]]
    return {metric: values[metric] for metric in metrics}


def outcomes(criteria: Criteria) -> st.SearchStrategy[Any]:
    """Outcomes in the criteria's unit: numbers, or texts with the unit, for
    every metric it reads (a mapping when it reads several)."""
    bounds = criteria.bounds() or [(None, Decimal(0))]
    metrics = criteria.model.metrics

    def around(metric: str | None) -> st.SearchStrategy[object]:
        values = [value for name, value in bounds if name == metric] or [value for _, value in bounds]
        low, high = min(values), max(values)
        span = max(high - low, Decimal(10))
        numbers = st.decimals(min_value=low - span, max_value=high + span, places=2, allow_nan=False).filter(_gradable)
        return st.tuples(numbers, st.booleans()).map(lambda pair: _shown(criteria, metric, pair[0], pair[1]))

    return st.fixed_dictionaries({metric: around(metric) for metric in metrics}).map(
        lambda values: _pack(criteria, dict(values))
    )


def boundary_outcomes(criteria: Criteria) -> st.SearchStrategy[Any]:
    """Every bound the tiers write, and the nearest values just inside and
    just outside it at the criteria's precision (a hundredth of the finest
    written place when none is declared).  For a criteria that reads
    several metrics, one metric sits on a boundary and the others vary."""
    step = _step(criteria)
    metrics = criteria.model.metrics
    points: dict[str | None, list[Decimal]] = {metric: [] for metric in metrics}
    for metric, value in criteria.bounds():
        for candidate in (value - step, value, value + step):
            if metric in points and candidate not in points[metric] and _gradable(candidate):
                points[metric].append(candidate)
    for metric in metrics:
        points[metric] = sorted(points[metric]) or [Decimal(0)]

    def on(metric: str | None) -> st.SearchStrategy[object]:
        return st.tuples(st.sampled_from(points[metric]), st.booleans()).map(
            lambda pair: _shown(criteria, metric, pair[0], pair[1])
        )

    return st.fixed_dictionaries({metric: on(metric) for metric in metrics}).map(
        lambda values: _pack(criteria, dict(values))
    )
