"""Reading year-end outcomes: numbers, strings with units, mappings of metrics.

Outcomes come from spreadsheets and scripts: ints, floats, Decimals, numpy
scalars, strings such as ``"96.5％"`` or ``"9.6万人"``.  They become exact
``Decimal`` values; anything that is not a finite number is refused with a
clear :class:`kpi.OutcomeError`, because a missing value graded as a number
would put a wrong band into an official report.  A float is read through
its shortest repr, so ``95.0`` is exactly 95 and ``0.1`` is exactly 0.1.
"""

from __future__ import annotations

import functools
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, TypeAlias

import attrs

from kpi.errors import KpiSyntaxError, MissingOutcome, OutcomeError
from kpi.numbers import CONTEXT
from kpi.text.grammar import MAX_TEXT_LENGTH
from kpi.text.normalise import metric_key, normalise
from kpi.text.numerals import MAGNITUDES, scaled
from kpi.text.quantities import parse_quantity
from kpi.text.words import RANK_UNIT, one_rank
from kpi.units import PERCENT, Quantity, Unit, convert, of_base, unit_named, unit_names

__all__ = ["LARGEST_EXPONENT", "MOST_DIGITS", "OutcomeInput", "Outcomes", "read_outcome", "unitless_in"]

ScalarInput: TypeAlias = "Decimal | int | float | str | Quantity | numbers.Real"
OutcomeInput: TypeAlias = "ScalarInput | Mapping[str, ScalarInput]"

#: Outcomes are figures in reports: no larger than 10^15, no finer than 10^-15,
LARGEST_EXPONENT: Final = 15
#: and written with at most this many digits.
MOST_DIGITS: Final = 40


def read_outcome(value: object, metric: str | None = None) -> Quantity:
    """One outcome as an exact quantity, its unit kept when one is written.

    A text may name the *metric* it is for before its figure (``AQI 35``, ``得分：92分``), as
    a results column headed by something else holds it; a text naming another is refused.

    >>> [str(read_outcome(value)) for value in (95.0, 0.1, "９６.５％", "9.6万人", "十八小时")]
    ['95', '0.1', '96.5%', '96000人', '18小时']
    >>> str(read_outcome("AQI：35", "AQI"))
    '35'
    """
    if type(value) is str or isinstance(value, str):
        if len(value) > MAX_TEXT_LENGTH:
            # Not remembered, and quoted only in part: a pasted document is no figure.
            raise OutcomeError(
                f"outcome {value[:20]!r}… is longer than {MAX_TEXT_LENGTH} characters",
                zh=f"实际值“{value[:20]}”…超过 {MAX_TEXT_LENGTH} 个字符",
            )
        read = _reading(value)
        if type(read) is tuple:
            figure = None if metric is None else _after_name(value, metric)
            read = read if figure is None else _reading(figure)
            if type(read) is tuple:
                raise OutcomeError(read[0], zh=read[1])
        return read  # type: ignore[return-value]
    if isinstance(value, Quantity):
        _plausible(value.value, value)
        return value
    if value is None:
        raise OutcomeError("outcome is missing (None)", zh="实际值缺失（None）")
    if isinstance(value, bool):
        raise OutcomeError(f"outcome {value!r} is a boolean, not a number", zh=f"实际值 {value!r} 是布尔值，不是数字")
    if isinstance(value, Decimal):
        return Quantity(_plausible(value, value))
    if isinstance(value, numbers.Integral):
        return Quantity(_plausible(Decimal(int(value)), value))
    if isinstance(value, Fraction):
        return Quantity(_plausible(_exact_fraction(value), value))
    if isinstance(value, numbers.Real) and not isinstance(value, float) and type(value).__module__ == "numpy":
        # A NumPy float (float32, longdouble) by its own shortest repr: float(float32(84.7))
        # is 84.69999694824219, which misses 84.7%以上.
        try:
            exact = Decimal(str(value))
        except ArithmeticError:
            raise OutcomeError(
                f"outcome {value!r} is not a number kpi can read exactly", zh=f"实际值 {value!r} 无法精确读取为数字"
            ) from None
        return Quantity(_plausible(exact, value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            raise OutcomeError(f"outcome {value!r} is not a finite number", zh=f"实际值 {value!r} 不是有限的数字")
        return Quantity(_plausible(Decimal(repr(number)), value))
    raise OutcomeError(
        f"outcome {value!r} is not a number or a text with a number",
        zh=f"实际值 {value!r} 既不是数字，也不是含数字的文本",
    )


def _exact_fraction(value: Fraction) -> Decimal:
    """A fraction as an exact decimal, when it has one (847/10 is 84.7; 1/3 has none)."""
    denominator = value.denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    if denominator != 1:
        raise OutcomeError(
            f"outcome {value} is not exact as a decimal; give it rounded, as a report would",
            zh=f"实际值 {value} 无法精确写成小数；请像报告中那样给出四舍五入后的数值",
        )
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


def _plausible(number: Decimal, shown: object, *, short: bool = False) -> Decimal:
    """*number*, when it is a figure kpi grades: finite, of a size reports use, not too long
    (a *short* one is known to have few enough digits)."""
    if not number.is_finite():
        raise OutcomeError(f"outcome {shown!r} is not a finite number", zh=f"实际值{_quoted(shown)}不是有限的数字")
    if number and not -LARGEST_EXPONENT <= number.adjusted() <= LARGEST_EXPONENT:
        raise OutcomeError(
            f"outcome {shown!r} is outside the sizes kpi grades (1E-{LARGEST_EXPONENT} to 1E+{LARGEST_EXPONENT})",
            zh=f"实际值{_quoted(shown)}超出 kpi 评定的数值范围（1E-{LARGEST_EXPONENT} 至 1E+{LARGEST_EXPONENT}）",
        )
    if not short and len(number.as_tuple().digits) > MOST_DIGITS:
        raise OutcomeError(
            f"outcome {shown!r} has more than {MOST_DIGITS} digits",
            zh=f"实际值{_quoted(shown)}超过 {MOST_DIGITS} 位数字",
        )
    return number


def _quoted(shown: object) -> str:
    """An outcome as a Chinese message shows it: a text in quotes, anything else as its repr."""
    return f"“{shown}”" if isinstance(shown, str) else f" {shown!r} "


def _after_name(text: str, metric: str) -> str | None:
    """The rest of *text* after the name *metric* and a space, colon, 为 or 是; ``None`` without
    the name, or where name and figure run together into one number (PM2 and ``PM2.535``)."""
    written = normalise(text).text.strip().strip('“”"「」')
    if not written.startswith(metric):
        return None
    rest = written[len(metric) :].lstrip('“”"「」')
    joined = rest[:1] in (" ", ":", "为", "是")
    rest = rest.strip()
    for joint in (":", "为", "是"):
        rest = rest.removeprefix(joint).lstrip()
    if not joined and (metric[-1].isdigit() or metric[-1] == "." or rest[:1] == "."):
        return None
    return rest or None


@functools.cache
def _plain_spelling() -> re.Pattern[str]:
    """The common spelling of an outcome (96.5%, 18小时, 9.6万人, 3万元), which the
    grammar's ``outcome`` rule would read the same: the fast path of :func:`_read_text`."""
    units = "|".join(sorted((re.escape(name) for name in unit_names()), key=len, reverse=True))
    magnitudes = "|".join(sorted(MAGNITUDES, key=len, reverse=True))
    # A unit spelled with a magnitude (万元) is a unit, as the grammar lexes it.
    return re.compile(
        rf" ?(-?)([0-9]{{1,20}}(?:\.[0-9]{{1,20}})?) ?(?:({units})|({magnitudes}) ?({units})?)? ?(?:[。.;!] ?)?"
    )


@functools.lru_cache(maxsize=65_536)
def _reading(text: str) -> Quantity | tuple[str, str | None]:
    """:func:`_read_text`, remembered, with an error kept as its message and its Chinese: results
    files repeat figures (100%) and words where a figure belongs (良好), whose error costs a parse."""
    try:
        return _read_text(text)
    except OutcomeError as error:
        return str(error), error.zh


def _read_text(text: str) -> Quantity:
    """An outcome written as text; the grammar's ``outcome`` rule reads it, unless it is
    spelled the plain way, which a regular expression reads alike (a property test checks)."""
    if not text.strip():
        raise OutcomeError("outcome is empty", zh="实际值为空")
    plain = _plain_spelling().fullmatch(text) or _plain_spelling().fullmatch(normalise(text).text)
    if plain is not None:
        minus, number, unit_alone, magnitude, unit_after = plain.groups()
        unit = unit_alone or unit_after
        value = Decimal(minus + number) if magnitude is None else scaled(number, magnitude, negative=bool(minus))
        # The pattern reads at most 2 × 20 digits: never more than MOST_DIGITS.
        return Quantity(_plausible(value, text, short=True), None if unit is None else unit_named(unit), magnitude)
    written = normalise(text).text.strip()
    if _SCIENTIFIC.search(written):
        # 1e3 read 1 in a unit e3: a sheet shows a number too wide for its column so, rounded (1.23457E+11).
        raise OutcomeError(
            f"outcome {text!r} is not a number with an optional unit: it is written in scientific notation,"
            " as a sheet shows a number too wide for its column, perhaps rounded; give the figure in full",
            zh=f"实际值“{text}”不是数字（可带单位）：它是科学计数法，表格列宽不够时这样显示数字，"
            "可能已四舍五入；请写出完整数值",
        )
    try:
        quantity = parse_quantity(text)
    except KpiSyntaxError as error:
        detail = error.reason.removeprefix("cannot read outcome: ")
        why = f"outcome {text!r} is not a number with an optional unit ({detail}, column {error.position + 1})"
        detail_zh = (error.reason_zh or detail).removeprefix("无法读取实际值：")
        why_zh = f"实际值“{text}”不是数字（可带单位）（{detail_zh}，第{error.position + 1}列）"
    else:
        unit = quantity.unit
        if unit is None and written.startswith("第"):
            # 第3 is a place, 3名: as a bare 3 it read 3% on tiers in %, and 优 on a scale of fractions.
            unit = unit_named(RANK_UNIT)
        return Quantity(_plausible(quantity.value, text), unit, quantity.magnitude)
    raise OutcomeError(why, zh=why_zh)  # after the handler: raised in it, the syntax error and its frames would linger


# A figure in scientific notation (1e3, 1.2E+05, 2.5e-3): digits, an e, digits.
_SCIENTIFIC: Final = re.compile(r"[0-9.][eE][-+−]?[0-9]")

# A bracketed note in a name (中毒(重傷)), which a tier reads apart from its metric.
_BRACKETED: Final = re.compile(r"\([^()]*\)")


@attrs.frozen
class Outcomes:
    """The outcomes for one grading, keyed by metric (``None`` for an unnamed one)."""

    values: Mapping[str | None, Quantity]

    @classmethod
    def read(
        cls,
        outcome: object,
        metrics: Sequence[str | None],
        aliases: Mapping[str, str] | None = None,
    ) -> Outcomes:
        """Outcomes for a rule or criteria that reads *metrics*.

        A bare value grades the only metric there is; a mapping is matched by
        metric name, after the same normalisation as tier texts and the
        caller's *aliases* (column name → metric name); a rank's noun alone
        (排名, 名次) names the one rank the tiers read (:func:`kpi.text.words.one_rank`), and a name
        as a tier writes it names the metric without its bracketed note (中毒(重傷): 中毒).
        """
        # dict and str first: an ABC check is slow, and most outcomes are one or the other.
        if type(outcome) is dict or (type(outcome) is not str and isinstance(outcome, Mapping)):
            values: dict[str | None, Quantity] = {}
            names = {metric_key(alias): metric_key(name) for alias, name in aliases.items()} if aliases else {}
            for key, value in outcome.items():
                if not isinstance(key, str):
                    raise OutcomeError(f"metric name {key!r} is not a text", zh=f"指标名称 {key!r} 不是文本")
                name = metric_key(key)
                name = names.get(name, name)
                if name not in metrics and "(" in name:
                    # 中毒(重傷) as a tier writes it, which reads its bracket as a note: the metric 中毒.
                    bare = _BRACKETED.sub("", name)
                    name = bare if bare in metrics else name
                try:
                    values[name] = read_outcome(value, name)
                except OutcomeError as error:
                    raise OutcomeError(f"{key}: {error}", zh=f"{key}：{error.says('zh')}") from error
            if None in metrics and None not in values and len(values) == 1 and len(metrics) == 1:
                values[None] = next(iter(values.values()))
            for metric in metrics:
                # A rank given as 排名 for tiers that write 第1-5名 (名次): one rank, in other words.
                ranks = [key for key in values if key not in metrics and one_rank(metric, key)]
                if metric not in values and len(ranks) == 1:
                    values[metric] = values[ranks[0]]
            return cls(values)
        if len(set(metrics)) > 1:
            named = [metric for metric in metrics if metric is not None]
            raise OutcomeError(
                "these tiers read several metrics (" + "、".join(named) + "); give a mapping {metric: value}",
                zh="这些档次涉及多个指标（" + "、".join(named) + "）；请按 {指标: 数值} 逐个给出",
            )
        metric = metrics[0] if metrics else None
        return cls({metric: read_outcome(outcome, metric)})

    def lookup(self, metric: str | None, unit: Unit | None) -> Decimal:
        """The outcome of *metric* in *unit*; a missing metric is an error naming it."""
        quantity = self._given(metric)
        if quantity.unit is None and unit is not None:
            return unitless_in(metric, quantity, unit)
        return convert(quantity.value, quantity.unit, unit)

    def check_shares(self, bases: Mapping[str | None, str]) -> None:
        """Raise :class:`kpi.OutcomeError` for the outcome of a metric graded as a share of its base in
        *bases* (增值额: 扣除项目金额) that is not given as that share, in percent (5000元, or 50 with no
        unit): kpi has no amount of the base, and the figure read as the metric itself would earn a band
        by accident."""
        for metric, base in bases.items():
            quantity = self.values.get(metric)
            if quantity is None or quantity.unit is PERCENT:
                continue
            name = metric or "the outcome"
            written = "a number with no unit" if quantity.unit is None else str(quantity)
            raise OutcomeError(
                f"{name} is graded as a share of {base}: give it in %, as {name} ÷ {base} (e.g. 50%), not {written}",
                zh=f"{metric or '实际值'}按占{base}的比例评定：请以%给出{metric or ''}÷{base}（如50%），"
                f"而不是{'不带单位的数值' if quantity.unit is None else '“' + str(quantity) + '”'}",
            )

    def require(self, metrics: Iterable[str | None]) -> bool:
        """``False``, when every one of *metrics* has an outcome; else the error naming the first
        without one.  A condition's "no" leaves out alternatives (或) on a metric with no figure
        (死亡≥30人或重伤≥100人 on 死亡 5人 alone), so it is only known when none is missing."""
        for metric in metrics:
            self._given(metric)
        return False

    def quantity(self, metric: str | None, unit: Unit | None) -> Quantity:
        """The outcome of *metric* as given when it is given in *unit*, or in no unit, or when
        *unit* is ``None`` (a target that states none: 参教人数3万 takes 27000人); else converted."""
        quantity = self._given(metric)
        if quantity.unit is unit or unit is None:
            return quantity
        if quantity.unit is None:
            return Quantity(unitless_in(metric, quantity, unit), unit)
        return Quantity(convert(quantity.value, quantity.unit, unit), unit)

    def _given(self, metric: str | None) -> Quantity:
        try:
            return self.values[metric]
        except KeyError:
            known = "、".join(name for name in self.values if name is not None)
            raise MissingOutcome(
                f"no outcome for metric {metric or '(unnamed)'}; outcomes given for: {known or 'none'}",
                zh=f"没有指标{metric or '（未命名）'}的实际值；已给出实际值的指标：{known or '无'}",
            ) from None


def unitless_in(metric: str | None, quantity: Quantity, unit: Unit) -> Decimal:
    """An outcome of no unit in *unit*: as it stands, or written with a magnitude (80万) that many of
    the base of a unit that is a magnitude of it (80万 is 80万元; it read 800000万元); refused beside
    another multiple (3千 on tiers in 公里)."""
    if quantity.magnitude is None:
        return quantity.value
    value = of_base(quantity.value, unit)
    if value is None:
        name = metric or "the outcome"
        raise OutcomeError(
            f"{name} is written with the magnitude {quantity.magnitude} and no unit; the tiers are in {unit}:"
            f" give it in {unit}",
            zh=f"{metric or '实际值'}写了数量级“{quantity.magnitude}”而未写单位，评价标准以“{unit}”计：请以{unit}给出",
        )
    return value
