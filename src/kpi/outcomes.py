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
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final, TypeAlias

import attrs

from kpi._construct import maker
from kpi._text import normalise
from kpi.errors import KpiSyntaxError, OutcomeError
from kpi.units import Quantity, Unit, convert, unit_named, unit_names

__all__ = ["OutcomeInput", "Outcomes", "number_value", "read_outcome"]

ScalarInput: TypeAlias = "Decimal | int | float | str | Quantity | numbers.Real"
OutcomeInput: TypeAlias = "ScalarInput | Mapping[str, ScalarInput]"


def read_outcome(value: object) -> Quantity:
    """One outcome as an exact quantity, its unit kept when one is written.

    >>> [str(read_outcome(value)) for value in (95.0, 0.1, "９６.５％", "9.6万人", "十八小时")]
    ['95', '0.1', '96.5%', '96000人', '18小时']
    """
    kind = type(value)
    if kind is str:
        # Result files give text: ask for it first.
        return _read_text_cached(value)  # type: ignore[arg-type]
    if kind is Quantity:
        return Quantity(_finite(value.value, value), value.unit)  # type: ignore[attr-defined]
    if value is None:
        raise OutcomeError("outcome is missing (None)")
    if isinstance(value, bool):
        raise OutcomeError(f"outcome {value!r} is a boolean, not a number")
    if isinstance(value, Decimal):
        return Quantity(_finite(value, value))
    if isinstance(value, numbers.Integral):
        return Quantity(_finite(Decimal(int(value)), value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if not math.isfinite(number):
            raise OutcomeError(f"outcome {value!r} is not a finite number")
        return Quantity(_finite(Decimal(repr(number)), value))
    if isinstance(value, str):
        return _read_text_cached(value)
    if isinstance(value, Quantity):
        return Quantity(_finite(value.value, value), value.unit)
    raise OutcomeError(f"outcome {value!r} is not a number or a text with a number")


#: Outcomes are figures in reports: no larger than 10^15, no finer than 10^-15.
LARGEST_EXPONENT: Final = 15
MOST_DIGITS: Final = 40


def number_value(value: int | float | Decimal) -> Decimal:
    """A plain number (not a bool) as an exact, plausible decimal; the fast path of :func:`read_outcome`."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise OutcomeError(f"outcome {value!r} is not a finite number")
        return _finite(Decimal(repr(value)), value)
    return _finite(value if isinstance(value, Decimal) else Decimal(value), value)


def _finite(number: Decimal, shown: object) -> Decimal:
    if not number.is_finite():
        raise OutcomeError(f"outcome {shown!r} is not a finite number")
    if number and not -LARGEST_EXPONENT <= number.adjusted() <= LARGEST_EXPONENT:
        raise OutcomeError(
            f"outcome {shown!r} is outside the sizes kpi grades (1E-{LARGEST_EXPONENT} to 1E+{LARGEST_EXPONENT})"
        )
    # A number's text is at least as long as its digits: the short ones need no count.
    if len(str(number)) > MOST_DIGITS and len(number.as_tuple().digits) > MOST_DIGITS:
        raise OutcomeError(f"outcome {shown!r} has more than {MOST_DIGITS} digits")
    return number


@functools.cache
def _plain_quantity() -> re.Pattern[str]:
    """The common spelling of an outcome (96.5%, 18小时, 9.6万人), read without the
    parser; anything else goes to the grammar's ``outcome`` rule."""
    units = "|".join(sorted((re.escape(name) for name in unit_names()), key=len, reverse=True))
    # A unit spelled with a magnitude (万元) is a unit, as the grammar lexes it.
    return re.compile(
        rf"[ \t]*(-?)([0-9]+(?:\.[0-9]+)?)[ \t]*(?:({units})|([万千亿])[ \t]*({units})?)?[ \t]*(?:[。.;!][ \t]*)?"
    )


# Digits and point of a written number that _finite would always accept: at
# most 15 characters make at most 15 digits, below 10^15 and, if not zero, at
# least 10^-13.
_SURELY_PLAUSIBLE: Final = LARGEST_EXPONENT
# Made once per figure read: see kpi._construct.
_make_quantity: Final = maker(Quantity)
_MAGNITUDE_SHIFT: Final = {"": 0, "万": 4, "千": 3, "亿": 8}


def _read_text_cached(text: str) -> Quantity:
    """:func:`_read_text`, remembered: result files repeat figures such as 100%,
    and words such as 良好 where a figure belongs, whose error costs a parse.
    The error is kept as its message, without its traceback and the parser's frames."""
    read = _READINGS.get(text)
    if read is None:
        try:
            read = _read_text(text)
        except OutcomeError as error:
            read = str(error)
        if len(_READINGS) >= _READINGS_KEPT:
            _READINGS.clear()  # a new file's figures soon fill it again; cheaper than keeping the most recent
        _READINGS[text] = read
    if type(read) is str:
        raise OutcomeError(read)
    return read  # type: ignore[return-value]


#: How many texts are remembered before starting afresh.
_READINGS_KEPT: Final = 65_536
_READINGS: dict[str, Quantity | str] = {}


def _read_text(text: str) -> Quantity:
    if not text.strip():
        raise OutcomeError("outcome is empty")
    pattern = _plain_quantity()
    # Normalising leaves the pattern's characters (digits, units, 万) as they are,
    # so a text that matches as written reads the same folded: fold only the others.
    plain = pattern.fullmatch(text)
    if plain is None and not text.isascii():
        plain = pattern.fullmatch(normalise(text).text)
    if plain is not None and len(text) <= 100:
        minus, number, unit_alone, magnitude, unit_after = plain.groups()
        unit = unit_alone or unit_after
        if magnitude:
            _, digits, exponent = Decimal(number).as_tuple()
            value = _finite(Decimal((1 if minus else 0, digits, int(exponent) + _MAGNITUDE_SHIFT[magnitude])), text)
        elif len(number) <= _SURELY_PLAUSIBLE:
            value = Decimal(minus + number)  # too few digits to be too large, too small or too long
        else:
            value = _finite(Decimal(minus + number), text)
        return _make_quantity(value, unit_named(unit) if unit else None)
    from kpi._parser import parse_quantity  # the grammar, for the spellings the pattern does not cover

    try:
        quantity = parse_quantity(text)
    except KpiSyntaxError as error:
        detail = error.reason.removeprefix("cannot read outcome: ")
        raise OutcomeError(
            f"outcome {text!r} is not a number with an optional unit ({detail}, column {error.position + 1})"
        ) from None
    return Quantity(_finite(quantity.value, text), quantity.unit)


@functools.lru_cache(maxsize=4096)
def metric_key(name: str) -> str:
    """A metric name as kpi compares it: normalised like tier texts, no spaces."""
    return normalise(name).text.replace(" ", "").strip('“”"「」')


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
        caller's *aliases* (column name → metric name).
        """
        if type(outcome) is dict or (type(outcome) is not str and isinstance(outcome, Mapping)):
            values: dict[str | None, Quantity] = {}
            names = {metric_key(alias): metric_key(name) for alias, name in aliases.items()} if aliases else {}
            for key, value in outcome.items():
                if not isinstance(key, str):
                    raise OutcomeError(f"metric name {key!r} is not a text")
                name = metric_key(key)
                name = names.get(name, name)
                try:
                    values[name] = read_outcome(value)
                except OutcomeError as error:
                    raise OutcomeError(f"{key}: {error}") from error
            if None in metrics and None not in values and len(values) == 1 and len(metrics) == 1:
                values[None] = next(iter(values.values()))
            return cls(values)
        if len(metrics) > 1 and len(set(metrics)) > 1:
            named = [metric for metric in metrics if metric is not None]
            raise OutcomeError(
                "these tiers read several metrics (" + "、".join(named) + "); give a mapping {metric: value}"
            )
        quantity = read_outcome(outcome)
        return cls({metrics[0] if metrics else None: quantity})

    def lookup(self, metric: str | None, unit: Unit | None) -> Decimal:
        """The outcome of *metric* in *unit*; a missing metric is an error naming it."""
        quantity = self._given(metric)
        return convert(quantity.value, quantity.unit, unit)

    def quantity(self, metric: str | None, unit: Unit | None) -> Quantity:
        """:meth:`lookup` with its unit: the outcome as given when given in *unit*."""
        quantity = self._given(metric)
        if quantity.unit is unit:
            return quantity
        return Quantity(convert(quantity.value, quantity.unit, unit), unit)

    def _given(self, metric: str | None) -> Quantity:
        try:
            return self.values[metric]
        except KeyError:
            known = "、".join(name for name in self.values if name is not None) or "none"
            raise OutcomeError(f"no outcome for metric {metric or '(unnamed)'}; outcomes given for: {known}") from None
