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
    form = draw(st.sampled_from(("bare", "range", "symbol", "suffix", "prefix")))
    if form == "bare":
        body = f"{low_text}{unit}"
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
    or after the value, units or none, metric names in front, trailing
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
    }
    return from_lark(grammar, start="start", explicit=explicit)


def grammar_texts() -> st.SearchStrategy[str]:
    """Texts drawn from kpi's own grammar (``hypothesis.extra.lark.from_lark``).

    Each is syntactically a tier text; some fail kpi's semantic checks (a
    range whose ends are in different units) and raise ``KpiSyntaxError``.
    """
    return _grammar_strategy()


@st.composite
def _tier_set(draw: st.DrawFn) -> tuple[tuple[str, ...], Direction]:
    high, middle, low = sorted(draw(st.lists(st.integers(1, 100), min_size=3, max_size=3, unique=True)), reverse=True)
    gap = draw(st.integers(0, 1))
    unit = draw(st.sampled_from(("%", "%", "分", "")))
    metric = draw(st.sampled_from(("", "", *_METRICS[:3])))
    h, m, lo, u = high, middle, low, unit
    higher: dict[str, tuple[str, ...]] = {
        "ranges": (f"{h}{u}以上", f"{m}-{h - gap}{u}", f"{lo}-{m - gap}{u}", f"{lo - gap}{u}以下"),
        "thresholds": (f"≥{h}{u}", f"≥{m}{u}", f"≥{lo}{u}", f"<{lo}{u}"),
        "bare": (f"{h}{u}", f"{m}{u}", f"{lo}{u}", f"{lo}{u}以下"),
        "words": (f"不低于{h}{u}", f"{m}{u}以上，不满{h}{u}", f"{lo}{u}以上，不满{m}{u}", f"不满{lo}{u}"),
    }
    lower: dict[str, tuple[str, ...]] = {
        "limits": (f"{lo}小时以内", f"{m}小时以内", f"{h}小时以内", f"超过{h}小时"),
        "ceilings": (f"≤{lo}{u}", f"<{m}{u}", f"<{h}{u}", f"≥{h}{u}"),
    }
    neither: dict[str, tuple[str, ...]] = {
        "growth": (f"{low}%-{middle}%", f"{middle}%-{high}%", f"0-{low}%", "负增长"),
    }
    family = draw(st.sampled_from((higher, higher, lower, neither)))
    tiers = family[draw(st.sampled_from(sorted(family)))]
    if metric and family is not neither:
        tiers = tuple(metric + tier for tier in tiers)
    direction = (
        Direction.HIGHER_IS_BETTER
        if family is higher
        else Direction.LOWER_IS_BETTER
        if family is lower
        else Direction.NON_MONOTONE
    )
    return tiers, direction


def criteria(*, direction: Direction | None = None, seed_sets: bool = True) -> st.SearchStrategy[Criteria]:
    """Valid tier sets, as :class:`kpi.Criteria`, of every direction.

    Generated from cut points in the forms documents use (ranges, thresholds,
    bare values, word pairs, time limits, growth bands), and the seed
    document's own sets unless ``seed_sets=False``.  ``direction`` keeps
    only scales that run that way.
    """
    generated = (
        _tier_set()
        .filter(lambda pair: direction is None or pair[1] is direction)
        .map(lambda pair: Criteria.parse(pair[0]))
    )
    if not seed_sets:
        return generated
    seeds = [Criteria.parse(tiers) for tiers in SEED_TIER_SETS]
    chosen = [c for c in seeds if direction is None or c.scale is direction]
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
    return str(Quantity(value, unit)) if as_text else value


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
