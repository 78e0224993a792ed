"""Chinese numerals (九十五, 两万, 八十五点五) as exact decimals.

Tier texts written out in characters (``九十五分以上``) and counts in
multi-target tiers (``任意两项``) both need them; the grammar only finds the
run of numeral characters, this module says what number it is.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

__all__ = ["MAGNITUDES", "chinese_number", "scaled"]

#: Magnitude characters written after a number (3万人, 1.5亿元), as powers of ten.
#: The one table of them: digits and Chinese numerals both read through it.
MAGNITUDES: Final = {"千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7, "亿": 8}

_DIGITS: Final = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS: Final = {char: 10 ** MAGNITUDES[char] for char in ("万", "亿")}


def _integer(text: str) -> int:
    """Value of an integer numeral; raises ValueError on malformed ones."""
    if not text:
        raise ValueError("empty numeral")
    if all(char in _DIGITS for char in text) and len(text) > 1:
        # Digit by digit, as in 二〇一八.
        return int("".join(str(_DIGITS[char]) for char in text))
    total = 0
    place = 1  # of the last unit written: a digit alone after it counts one place lower
    for large, factor in sorted(_LARGE_UNITS.items(), key=lambda item: -item[1]):
        if large in text:
            head, text = text.split(large, 1)
            if large in text:
                raise ValueError(f"{large} written twice")
            total += (_integer(head) if head else 1) * factor
            place = factor
    section = 0
    digit: int | None = None
    last_unit = 10_000
    zero = False
    for char in text:
        if char in _DIGITS:
            if digit is not None and _DIGITS[char] != 0:
                raise ValueError("two digits in a row")
            digit = _DIGITS[char] or None
            zero = zero or digit is None
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if unit >= last_unit:
                raise ValueError(f"{char} out of order")
            section += (1 if digit is None else digit) * unit
            digit = None
            last_unit = place = unit
            zero = False
        else:
            raise ValueError(f"{char} is not a numeral")
    if digit is not None and not zero:
        # 两万五 is 25000, 三千五 3500, 一百五 150 (两万零五 is 20005): it read 20005.
        digit *= max(place // 10, 1)
    return total + section + (digit or 0)


def chinese_number(text: str) -> Decimal:
    """The value of a Chinese numeral, exactly.

    >>> chinese_number("九十五"), chinese_number("两万"), chinese_number("八十五点五")
    (Decimal('95'), Decimal('20000'), Decimal('85.5'))
    >>> chinese_number("两万五"), chinese_number("一百五"), chinese_number("一百零五")
    (Decimal('25000'), Decimal('150'), Decimal('105'))
    >>> chinese_number("四点五万")
    Decimal('4.5E+4')
    """
    whole, _, fraction = text.partition("点")
    integer = _integer(whole)
    if not fraction:
        return Decimal(integer)
    # A magnitude after the fraction scales the whole number: 四点五万 is 45000.
    magnitude = next((name for name in sorted(MAGNITUDES, key=len, reverse=True) if fraction.endswith(name)), None)
    if magnitude is not None:
        fraction = fraction[: -len(magnitude)]
    if not fraction or any(char not in _DIGITS for char in fraction):
        raise ValueError(f"{fraction} is not a decimal fraction")
    return scaled(f"{integer}." + "".join(str(_DIGITS[char]) for char in fraction), magnitude)


def scaled(digits: str, magnitude: str | None = None, *, negative: bool = False) -> Decimal:
    """The number written *digits* (``9.6``) times *magnitude* (``万``), exactly.

    Arithmetic would round a long number to the context's digits; shifting
    the exponent never does.

    >>> scaled("9.6", "万"), scaled("3", None, negative=True)
    (Decimal('9.6E+4'), Decimal('-3'))
    """
    value = Decimal(digits)
    shift = MAGNITUDES[magnitude] if magnitude else 0
    if not shift and not negative:
        return value  # most figures (90%): nothing to shift or negate
    _, digit_tuple, exponent = value.as_tuple()
    return Decimal((1 if negative else 0, digit_tuple, int(exponent) + shift))
