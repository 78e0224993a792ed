"""Numbers and units as the grammar reads them: 96.5%, 9.6万人, 十八小时, 百分之九十五.

:class:`QuantityBuilder` turns the grammar's number and unit rules into
:class:`kpi.Quantity` values; the tier parser (:mod:`kpi.text.parser`)
extends it, and :func:`parse_quantity` uses it alone for an outcome written
in a results file.  Each value keeps where it starts in the text, for error
messages.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

import attrs
from lark import Token, Transformer

from kpi.intervals import Bound
from kpi.text.grammar import Problem, parse_text, tree_parser
from kpi.text.numerals import MAGNITUDES, chinese_number, scaled
from kpi.units import Quantity, Unit, convert, of_base, unit_named

__all__ = [
    "Note",
    "Number",
    "QuantityBuilder",
    "Written",
    "apply_note",
    "chinese_value",
    "in_one_unit",
    "one_unit",
    "parse_quantity",
    "start_of",
    "unit_of",
]


@attrs.frozen
class Number:
    """A number as written, where it starts, and the magnitude written after it (万, 亿)."""

    value: Decimal
    start: int
    magnitude: str | None = None


@attrs.frozen
class Written:
    """A value with its unit as written, where it starts, and its magnitude (万, 亿)."""

    quantity: Quantity
    start: int
    magnitude: str | None = None


@attrs.frozen
class Note:
    """An inclusion note after a range, (含85%) or (不含100%和0%): whether the values it names belong."""

    closed: bool
    values: tuple[Written, ...]


def apply_note(lower: Bound, upper: Bound, note: Note | None) -> tuple[Bound, Bound]:
    """The ends of a range with what its *note* says of them."""
    if note is None:
        return lower, upper
    for written in note.values:
        value = written.quantity.value
        if value == lower.value:
            lower = Bound(lower.value, note.closed)
        elif value == upper.value:
            upper = Bound(upper.value, note.closed)
        else:
            raise Problem(
                f"the note names {written.quantity}, which is not an end of the range",
                written.start,
                zh=f"注明的 {written.quantity} 不是区间的端点",
            )
    return lower, upper


def one_unit(first: Written, second: Written) -> Unit | None:
    """The unit of two ends of a range: the one they write (either may write none)."""
    a, b = first.quantity.unit, second.quantity.unit
    if a is not None and b is not None and a is not b and a != b:
        raise Problem(
            f"the two ends are in different units ({a} and {b})", second.start, zh=f"两端的单位不同（{a}与{b}）"
        )
    return a or b


def _in_one_unit(low: Written, high: Written) -> tuple[Written, Written]:
    """Two ends in two units of one dimension (超过55000元至8万元), both in the smaller unit; refused
    if they then run downwards (500万元至5000元: a 万 lost, or a range written downwards?)."""
    a, b = low.quantity.unit, high.quantity.unit
    if a is None or b is None or a == b or a.dimension != b.dimension:
        return low, high
    unit = a if a.factor <= b.factor else b
    ends = [
        Written(Quantity(convert(end.quantity.value, end.quantity.unit, unit), unit), end.start) for end in (low, high)
    ]
    if ends[0].quantity.value > ends[1].quantity.value:
        raise Problem(
            f"the two ends are in different units ({a} and {b}) and then run downwards",
            high.start,
            zh=f"两端的单位不同（{a}与{b}），换算后由大到小",
        )
    return ends[0], ends[1]


def in_one_unit(low: Written, high: Written) -> tuple[Written, Written, Unit | None]:
    """The two ends of a range, of any form (3-6亿元, [3,6亿元], 3<x<6亿元), and their one unit.

    A magnitude written on one end of a range only applies to both: 3-6亿元 is 3亿元-6亿元; and two
    units of one dimension are one, the smaller: 55000元至8万元 is 55000元-80000元.

    An end with a magnitude and no unit beside one in a unit that is a magnitude of its base
    (3万-5万元, 3千-5千克) is that many of the base, in the other end's unit: 3万元-5万元, 0.3万元
    for 3千; it read 30000万元.  Beside any other multiple of a base (3千-5千米, read 公里) it is refused.
    A bare end of at least the magnitude (五千-40000, 50000-10万) is written in full: nobody writes
    40000千, and carried it read 5000-40000000.
    """
    low, high = _in_one_unit(low, high)
    for end, other in ((low, high), (high, low)):
        unit, magnitude = other.quantity.unit, end.magnitude or other.magnitude
        if (
            end.magnitude is None
            and end.quantity.unit is None
            and other.magnitude is not None
            and abs(end.quantity.value) < Decimal(1).scaleb(MAGNITUDES[other.magnitude])
        ):
            value = scaled(str(abs(end.quantity.value)), magnitude, negative=end.quantity.value < 0)
            if (value < other.quantity.value) != (end.quantity.value < other.quantity.value):
                # 9999-1万: 9999 up to 10000, or 9999万 down to 1万?  Carried, it read 1万-9999万.
                raise Problem(
                    f"the magnitude {magnitude} on one end of the range turns it around if the other has it too:"
                    " write the magnitude on both ends, or neither",
                    end.start,
                    zh=f"区间一端的数量级“{magnitude}”若也用于另一端，区间方向就会颠倒：请两端都写或都不写数量级",
                )
        elif end.magnitude is not None and end.quantity.unit is None and unit is not None and unit.factor != 1:
            in_unit = of_base(end.quantity.value, unit)
            if in_unit is None:
                raise Problem(
                    f"the magnitude {end.magnitude} on one end and the unit {unit} on the other do not tell its"
                    " value: write the unit on both ends",
                    end.start,
                    zh=f"一端写数量级“{end.magnitude}”、另一端写单位“{unit}”，无法确定数值：请两端都写单位",
                )
            value = in_unit
        else:
            continue
        fixed = Written(Quantity(value, unit if end.magnitude is not None else None), end.start, magnitude)
        low, high = (fixed, high) if end is low else (low, fixed)
        return low, high, one_unit(low, high)
    if (low.magnitude is None) != (high.magnitude is None) and low.quantity.value > high.quantity.value:
        # 3万-5人: 3万人-5万人 with a 万 lost, or 5人-30000人 written downwards? Not for kpi to guess.
        raise Problem(
            "a magnitude on one end of a range that then runs downwards does not tell its values:"
            " write the magnitude on both ends",
            low.start,
            zh="区间只有一端写了数量级，且按此读作由大到小，无法确定数值：请两端都写数量级",
        )
    return low, high, one_unit(low, high)


def start_of(token: Token) -> int:
    """Where *token* starts in the normalised text."""
    return token.start_pos or 0


# What :func:`kpi.text.numerals.chinese_number` says of a malformed numeral, in Chinese.
_NUMERAL_ZH: Final = (
    (re.compile(r"empty numeral"), "数字为空"),
    (re.compile(r"(.+) written twice"), "“{0}”写了两次"),
    (re.compile(r"two digits in a row"), "两个数字连写"),
    (re.compile(r"(.+) out of order"), "“{0}”的位置不对"),
    (re.compile(r"(.+) is not a numeral"), "“{0}”不是数字"),
    (re.compile(r"(.+) is not a decimal fraction"), "“{0}”不是小数部分"),
)


def _numeral_zh(reason: str) -> str:
    for pattern, zh in _NUMERAL_ZH:
        match = pattern.fullmatch(reason)
        if match:
            return zh.format(*match.groups())
    return reason


def chinese_value(numeral: Token, *, negative: bool = False) -> Decimal:
    """The value of a Chinese numeral token; a malformed one is a :class:`Problem` at its place."""
    try:
        value = chinese_number(str(numeral))
    except ValueError as error:
        raise Problem(
            f"{numeral} is not a well-formed Chinese numeral ({error})",
            start_of(numeral),
            zh=f"“{numeral}”不是规范的中文数字（{_numeral_zh(str(error))}）",
        ) from None
    return value.copy_negate() if negative else value


class QuantityBuilder(Transformer[Token, Any]):
    """Builds numbers and quantities from the grammar's rules; nothing else.

    Methods take the list of children as Lark gives it (tokens need no
    callbacks of their own: ``visit_tokens=False``).
    """

    def __init__(self) -> None:
        super().__init__(visit_tokens=False)

    def arabic(self, children: list[Any]) -> Number:
        minus, number, magnitude = children
        written = None if magnitude is None else str(magnitude)
        # 1,000: the commas group digits.
        value = scaled(str(number).replace(",", ""), written, negative=minus is not None)
        return Number(value, start_of(minus or number), written)

    def chinese(self, children: list[Any]) -> Number:
        # 三至五万元 is 3万-5万元, as 3-5万元 is: a numeral with a magnitude carries it like digits do, and
        # one with a magnitude inside takes none from the other end (一万五-两万人 is 15000人-20000人).
        minus, numeral = children
        magnitude = next((char for char in "亿万千" if char in str(numeral)), None)
        return Number(chinese_value(numeral, negative=minus is not None), start_of(minus or numeral), magnitude)

    def quantity(self, children: list[Any]) -> Written:
        number, unit = children
        if unit is not None and str(unit) == "%%":
            # A figure is not corrected silently: there is no note to carry the correction.
            raise Problem("the percent sign is written twice", start_of(unit), zh="百分号写了两次")
        return Written(Quantity(number.value, unit_of(unit)), number.start, number.magnitude)

    def percent_words(self, children: list[Any]) -> Written:
        words, number = children
        return Written(Quantity(number.value, unit_named("%" if str(words) == "百分之" else "‰")), start_of(words))

    def outcome(self, children: list[Any]) -> Quantity:
        written, _end = children
        quantity: Quantity = written.quantity
        return quantity if quantity.unit is not None else attrs.evolve(quantity, magnitude=written.magnitude)


def unit_of(token: Token | None) -> Unit | None:
    """The unit a unit token names; ``%%`` is a typo of ``%`` (the tier parser notes it)."""
    if token is None:
        return None
    return unit_named("%" if str(token) == "%%" else str(token))


_BUILDER = QuantityBuilder()


def parse_quantity(text: str) -> Quantity:
    """A value with an optional unit, as written in a results file; raises :class:`kpi.KpiSyntaxError`.

    >>> str(parse_quantity("９６.５％")), str(parse_quantity("十八小时")), str(parse_quantity("9.6万人"))
    ('96.5%', '18小时', '96000人')
    """
    quantity: Quantity = parse_text(tree_parser(), text, "outcome", "outcome", _BUILDER.transform)
    return quantity
