"""Finding a bound's equivalent in another unit, in brackets after it: ``<5.18mmol/L(200mg/dl)``.

The bracket restates the value (or the range, ``5.18~6.18mmol/L(200~239mg/dl)``) before it in
another unit; the tier is read twice, once as written without the brackets and once with each
bracketed value in place of the value it follows (``<200mg/dl``), giving the metric a second
scale (:mod:`kpi.equivalents`).  ``str()`` of such a rule writes the whole second condition in
one bracket at the end (``<5.18mmol/L(<200mg/dL)``), which is read the same way.

Only a bracket holding values in a unit that measures something (:func:`kpi.equivalents.measures`),
of another dimension than the value before it, is an equivalent: ``≥90%(10分)``, ``（200人）``,
``≥1米(100厘米)`` or ``(含)`` stay what they were (a note, or part of the condition).  A bracket of
bare numbers after a bare number (``<5.2 (200)``) restates the value in a unit neither names, and is
refused: no outcome's unit could say which of the two scales it belongs to.  So is a bracket that gives
another bound as an alternative (``饱和率 90% (或7.5)``), which no note is.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import attrs

from kpi.equivalents import measures
from kpi.errors import KpiSyntaxError
from kpi.text.normalise import Normalised
from kpi.units import SYMBOL_UNIT, Unit, unit_named, unit_names

__all__ = ["Equivalent", "split_equivalent"]

_NUMBER: Final = r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?"
# A value's sign is its own (<-5mmol/L(-200mg/dL)); a dash after a number is a range's (5.18-6.18).
_SIGNED: Final = r"(?<![0-9.])[-−]?[0-9]+(?:\.[0-9]+)?"
_SEPARATOR: Final = r"\s*(?:-|~|–|—|至|到)\s*"
_BRACKET: Final = re.compile(r"\(([^()]*)\)")
# 饱和率 90% (或7.5), the 7.5 in mg/L: an alternative bound, no note (it was dropped, and 80% got the next band).
_ALTERNATIVE: Final = re.compile(r"\s*或者?\s*[-−]?[0-9]")
_RANGE_BEFORE: Final = re.compile(_SEPARATOR + "$")


@attrs.frozen
class Equivalent:
    """A tier read twice: as written without its equivalents, and in their unit."""

    main: Normalised
    other: Normalised
    #: The source index of the first equivalent's bracket, for messages.
    at: int


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(map(re.escape, unit_names()), key=len, reverse=True))
    unit = rf"(?:{names}|{SYMBOL_UNIT})"
    value = rf"{_SIGNED}\s*(?P<unit>{unit})?"
    span = rf"{_SIGNED}\s*(?:{unit})?{_SEPARATOR}{_SIGNED}\s*(?P<unit>{unit})?"
    return (
        re.compile(rf"\s*{value}\s*"),  # a value in the bracket
        re.compile(rf"\s*{span}\s*"),  # a range in the bracket
        re.compile(rf"(?P<value>{value})\s*$"),  # the value before it
        re.compile(rf"(?P<value>{span})\s*$"),  # the range before it
        re.compile(rf"{_NUMBER}\s*(?P<unit>{unit})"),  # the values of a whole condition in the bracket
    )


def _unit(spelling: str | None) -> Unit | None:
    return None if spelling is None else unit_named(spelling)


def _refuse(text: Normalised, index: int, reason: str, zh: str) -> KpiSyntaxError:
    return KpiSyntaxError(f"cannot read tier text: {reason}", text.source, text.source_position(index), zh=zh)


def _piece(text: Normalised, spans: list[tuple[int, int]]) -> Normalised:
    chars = "".join(text.text[start:end] for start, end in spans)
    origin = tuple(index for start, end in spans for index in text.origin[start:end])
    return Normalised(chars, origin, text.source)


def split_equivalent(text: Normalised) -> Equivalent | None:
    """*text* (normalised, with a bracket) read as written and in its brackets' unit, or ``None``
    when no bracket restates a value in another unit; raises :class:`kpi.KpiSyntaxError` for a
    bracket that restates a value in a way no reading can take for sure."""
    one, two, before_one, before_two, any_value = _patterns()
    source = text.text
    main: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    position = 0
    first: int | None = None
    for bracket in _BRACKET.finditer(source):
        open_at, close_at = bracket.start(), bracket.end()
        content = (bracket.start(1), bracket.end(1))
        if _ALTERNATIVE.match(bracket[1]):
            raise _refuse(
                text,
                open_at,
                f"“{bracket[0]}” gives another bound as an alternative, in a unit or of a metric it does not name",
                f"无法读取评价标准：“{bracket[0]}”给出另一个可选的界限，但未写明其单位或指标",
            )
        ranged = two.fullmatch(source, *content)
        single = None if ranged else one.fullmatch(source, *content)
        found = ranged or single
        ahead = None if found is None else (before_two if ranged else before_one).search(source, position, open_at)
        if ahead is None or found is None:
            whole = first is None and close_at == len(source.rstrip()) and source[position:open_at].strip()
            if whole and _whole(source, content, any_value):
                # <5.18mmol/L(<200mg/dL), >0mmol/L且<1mmol/L(0mg/dL-1mg/dL): the whole condition again,
                # as str() writes it; whether it bounds the same sides is checked when both are read.
                main.append((position, open_at))
                other.append(content)
                position, first = close_at, open_at
            elif found is not None and measures(_unit(found["unit"])):  # 达标(200mg/dL): restates what?
                raise _refuse(
                    text,
                    open_at,
                    f"“{bracket[0]}” restates no value or range right before it",
                    f"无法读取评价标准：“{bracket[0]}”之前没有与之对应的数值或范围",
                )
            continue
        written, restated = _unit(ahead["unit"]), _unit(found["unit"])
        if written is None and restated is None:
            raise _refuse(
                text,
                open_at,
                f"“{bracket[0]}” gives the value before it again, in a unit that neither names",
                f"无法读取评价标准：“{bracket[0]}”以另一单位重述其前的数值，但两者都未写单位",
            )
        if (
            restated is None
            or not measures(restated)
            or (written is not None and written.dimension == restated.dimension)
        ):
            continue  # ≥90%(10分), (200人), 1米(100厘米): a note
        if written is None or not measures(written):
            raise _refuse(
                text,
                open_at,
                f"“{bracket[0]}” restates a value written without a unit it can be told from",
                f"无法读取评价标准：“{bracket[0]}”重述的数值未写可区分的单位",
            )
        if single and _RANGE_BEFORE.search(source, position, ahead.start()):
            raise _refuse(
                text,
                open_at,
                f"“{bracket[0]}” follows a value after a dash: it may restate one end of a range",
                f"无法读取评价标准：“{bracket[0]}”前的数值跟在横线之后，可能只重述范围的一端",
            )
        main.append((position, open_at))
        other.extend(((position, ahead.start()), content))
        position, first = close_at, open_at if first is None else first
    if first is None:
        return None
    main.append((position, len(source)))
    other.append((position, len(source)))
    return Equivalent(_piece(text, main), _piece(text, other), text.source_position(first))


def _whole(source: str, content: tuple[int, int], any_value: re.Pattern[str]) -> bool:
    """Whether the bracket at *content* holds a whole condition in one unit that measures."""
    units = {_unit(match["unit"]) for match in any_value.finditer(source, *content)}
    return len(units) == 1 and measures(next(iter(units)))
