"""Exact numbers: the decimal context kpi computes in, and how numbers are written.

Bounds, outcomes, rates and points are ``Decimal`` values.  Arithmetic on
them (unit conversion, completion rates, weighted means) runs in kpi's own
context, so a caller who set ``decimal.getcontext().prec = 2`` or trapped
``Inexact`` for their own work gets the same grades as everyone else.
"""

from __future__ import annotations

import decimal
from decimal import Decimal, InvalidOperation
from typing import Final

__all__ = ["CONTEXT", "WeightError", "format_decimal", "format_rounded", "parse_weight"]

#: The context of every computation kpi makes: Python's default context (28
#: significant digits, half-even rounding), fixed, whatever the caller's is.
CONTEXT: Final = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def format_decimal(value: Decimal) -> str:
    """Shortest plain spelling of a decimal: no exponent, no trailing zeros.

    >>> format_decimal(Decimal("95.0")), format_decimal(Decimal("1E+2")), format_decimal(Decimal("-0"))
    ('95', '100', '0')
    """
    # Not value.normalize(): that rounds to the context's digits, and a bound
    # of 40 digits must print as itself.  str() is the quick way while it
    # writes no exponent (1E+2, 1E-7 need the "f" format).
    text = str(value)
    if "E" in text:
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_rounded(value: Decimal, places: int = 2) -> str:
    """*value* rounded to *places* for a sentence (96.666… → 96.67); a value too
    long to round is shown whole rather than raising."""
    step = _STEPS[places] if 0 <= places < len(_STEPS) else Decimal(1).scaleb(-places)
    try:
        return format_decimal(value.quantize(step, context=CONTEXT))
    except InvalidOperation:
        return format_decimal(value)


_STEPS: Final = tuple(Decimal(1).scaleb(-places) for places in range(8))


class WeightError(ValueError):
    """A weight that is not a non-negative number; ``text`` is the weight as written."""

    def __init__(self, text: str, *, negative: bool) -> None:
        self.text = text
        self.negative = negative
        super().__init__(f"weight “{text}” is not {'a non-negative number' if negative else 'a number'}")


def parse_weight(value: Decimal | int | str) -> Decimal:
    """A weight as a table or results file writes it: a non-negative number, such as
    ``2``, ``0.5`` or ``60%`` (weights are relative, so a percent sign changes nothing).

    >>> parse_weight("60%"), parse_weight(" 1.5 "), parse_weight(2)
    (Decimal('60'), Decimal('1.5'), Decimal('2'))
    """
    written = str(value).strip()
    try:
        weight = Decimal(written.replace("％", "%").removesuffix("%").strip())
    except InvalidOperation:
        raise WeightError(written, negative=False) from None
    if not weight.is_finite() or weight < 0:
        raise WeightError(written, negative=True)
    return weight
