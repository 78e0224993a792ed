"""Tier texts to rule objects: the Transformer that builds them, and the parse functions.

The grammar (:mod:`kpi.text.grammar`) says what a tier text may look like;
:class:`TierBuilder` turns each rule it matches into the value objects of
:mod:`kpi.rules` and nothing more: what the words mean comes from
:mod:`kpi.text.words`, what the objects do from :mod:`kpi.rules`.  The
builder runs inside the LALR parser (Lark's tree-less mode), so it carries
each piece's start position in what it returns, for error messages.  Every
failure becomes a :class:`kpi.KpiSyntaxError` that points into the
caller's text.

``python -m kpi.text.parser`` saves the parsers' tables after a change to
the grammar or to the word tables (a test fails until it is run).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any, Final

import attrs
from lark import Lark, Token

from kpi.errors import CriteriaError
from kpi.intervals import Bound, Interval
from kpi.rules import BareValue, Comparison, Condition, Otherwise, Rule, all_of, any_of
from kpi.targets import Quantified, TargetOutcome
from kpi.text.grammar import Problem, parse_text, saved_lark, write_tables
from kpi.text.normalise import metric_key
from kpi.text.quantities import QuantityBuilder, Written, chinese_value, start_of
from kpi.text.words import FIXED_WORDS, SYMBOLS, VERBS, WORDS, Side, meaning_of
from kpi.units import PERCENT, Unit

__all__ = ["TierBuilder", "parse_condition", "parse_rule"]

# The caller's inclusivity overrides for the parse under way ({"以下": False}).
_INCLUSIVE: ContextVar[Mapping[str, bool] | None] = ContextVar("kpi_inclusive", default=None)


@attrs.frozen
class _Bound:
    written: Written
    closed: bool | None  # an explicit (含)/(不含) mark, if any


@attrs.frozen
class _Note:
    closed: bool
    values: tuple[Written, ...]


@attrs.frozen
class Located:
    """A condition and where its text starts."""

    condition: Condition
    start: int


def _symbol_includes(symbol: Token) -> bool:
    meaning = SYMBOLS[str(symbol)]
    return meaning is None or meaning.inclusive


def _is_inclusive_mark(mark: Token | None) -> bool | None:
    return None if mark is None else "不" not in mark


def _one_unit(first: Written, second: Written) -> Unit | None:
    a, b = first.quantity.unit, second.quantity.unit
    if a is not None and b is not None and a != b:
        raise Problem(f"the two ends are in different units ({a} and {b})", second.start)
    return a or b


def _apply_note(lower: Bound, upper: Bound, note: _Note | None) -> tuple[Bound, Bound]:
    if note is None:
        return lower, upper
    for written in note.values:
        value = written.quantity.value
        if value == lower.value:
            lower = Bound(lower.value, note.closed)
        elif value == upper.value:
            upper = Bound(upper.value, note.closed)
        else:
            raise Problem(f"the note names {written.quantity}, which is not an end of the range", written.start)
    return lower, upper


def _interval(lower: Bound | None, upper: Bound | None, where: int) -> Interval:
    interval = Interval.between(lower, upper)
    if interval is None:
        raise Problem("this range contains no value", where)
    return interval


class TierBuilder(QuantityBuilder):
    """Builds rule objects from what the grammar matched; no grading logic lives here.

    The caller's inclusivity overrides come from a context variable, per parse.
    """

    def bound(self, children: list[Any]) -> _Bound:
        written, mark = children
        return _Bound(written, _is_inclusive_mark(mark))

    def note(self, children: list[Any]) -> _Note:
        opening, *values = children
        return _Note("不" not in opening, tuple(value for value in values if isinstance(value, Written)))

    # -- one condition, without its metric -----------------------------------
    def symbol_bound(self, children: list[Any]) -> Located:
        symbol, bound = children
        quantity = bound.written.quantity
        if symbol.type == "EQUAL":
            if bound.closed is False:
                raise Problem("“=” and (不含) contradict each other", bound.written.start)
            return Located(Comparison(Interval.point(quantity.value), quantity.unit), start_of(symbol))
        closed = _symbol_includes(symbol)
        if bound.closed is not None and bound.closed != closed:
            raise Problem(f"“{symbol}” already says whether {quantity} is included", bound.written.start)
        side = Side.LOWER if symbol.type == "GREATER" else Side.UPPER
        return Located(self._one_sided(side, closed, bound.written), start_of(symbol))

    def prefix_bound(self, children: list[Any]) -> Located:
        word, bound = children
        meaning = meaning_of(str(word), _INCLUSIVE.get())
        closed = meaning.inclusive if bound.closed is None else bound.closed
        return Located(self._one_sided(meaning.side, closed, bound.written), start_of(word))

    def suffix_bound(self, children: list[Any]) -> Located:
        verb, bound, word, mark, note = children
        meaning = meaning_of(str(word), _INCLUSIVE.get())
        closed = meaning.inclusive if bound.closed is None else bound.closed
        after = _is_inclusive_mark(mark)
        if after is not None:
            if bound.closed is not None and bound.closed != after:
                raise Problem("the two (含)/(不含) marks contradict each other", bound.written.start)
            closed = after
        if note is not None:
            for written in note.values:
                if written.quantity.value != bound.written.quantity.value:
                    raise Problem(f"the note names {written.quantity}, which is not the bound", written.start)
            closed = note.closed
        start = start_of(verb) if verb is not None else bound.written.start
        return Located(self._one_sided(meaning.side, closed, bound.written), start)

    @staticmethod
    def _one_sided(side: Side, closed: bool, written: Written) -> Comparison:
        bound = Bound(written.quantity.value, closed)
        interval = Interval(bound, None) if side is Side.LOWER else Interval(None, bound)
        return Comparison(interval, written.quantity.unit)

    def two_sided(self, children: list[Any]) -> Located:
        first, second = children
        if (first.condition.interval.lower is None) == (second.condition.interval.lower is None):
            kind = "upper" if first.condition.interval.lower is None else "lower"
            raise Problem(f"both parts give a {kind} bound; a two-sided range needs one of each", first.start)
        try:
            return Located(all_of([first.condition, second.condition]), first.start)
        except CriteriaError as error:
            raise Problem(str(error), first.start) from None

    def target(self, children: list[Any]) -> Located:
        verb, written = children
        quantity = written.quantity
        if verb is None:
            return Located(BareValue(quantity.value, quantity.unit), written.start)
        meaning = VERBS[str(verb)]
        if meaning.exact:
            return Located(Comparison(Interval.point(quantity.value), quantity.unit), start_of(verb))
        if meaning.alone is None:
            raise Problem(f"after “{verb}” a range or 以上/以下 is expected", written.start)
        return Located(self._one_sided(meaning.alone, True, written), start_of(verb))

    def range(self, children: list[Any]) -> Located:
        verb, low, _dash, high, _between, note = children
        unit = _one_unit(low.written, high.written)
        start = start_of(verb) if verb is not None else low.written.start
        if low.written.quantity.value > high.written.quantity.value:
            low, high = high, low  # a descending range (100-85分) means the same
        lower = Bound(low.written.quantity.value, True if low.closed is None else low.closed)
        upper = Bound(high.written.quantity.value, True if high.closed is None else high.closed)
        lower, upper = _apply_note(lower, upper, note)
        return Located(Comparison(_interval(lower, upper, high.written.start), unit), start)

    def bracketed(self, children: list[Any]) -> Located:
        opening, low, *rest = children
        *_, high, closing = rest  # the separator is a comma or a dash token
        unit = _one_unit(low, high)
        if low.quantity.value > high.quantity.value:
            raise Problem("the lower end of an interval must come first", low.start)
        lower = Bound(low.quantity.value, opening == "[")
        upper = Bound(high.quantity.value, closing == "]")
        return Located(Comparison(_interval(lower, upper, high.start), unit), start_of(opening))

    # -- clauses and their combinations --------------------------------------
    def clause(self, children: list[Any]) -> Located:
        before, located, after = children
        if before is not None and after is not None:
            raise Problem(f"two metric names: {metric_key(str(before))} and {metric_key(str(after))}", start_of(before))
        condition = located.condition
        name = before if before is not None else after
        if name is not None:
            metric = metric_key(str(name))
            condition = condition.map_leaves(lambda leaf: attrs.evolve(leaf, metric=metric))
        return Located(condition, start_of(before) if before is not None else located.start)

    def _chain(self, high: Written, upper: Token, name: Token, lower: Token, low: Written, start: int) -> Located:
        unit = _one_unit(high, low)
        interval = _interval(
            Bound(low.quantity.value, _symbol_includes(lower)),
            Bound(high.quantity.value, _symbol_includes(upper)),
            start,
        )
        return Located(Comparison(interval, unit, metric_key(str(name))), start)

    def chain_descending(self, children: list[Any]) -> Located:
        high, s1, name, s2, low = children
        return self._chain(high, s1, name, s2, low, high.start)

    def chain_ascending(self, children: list[Any]) -> Located:
        low, s1, name, s2, high = children
        return self._chain(high, s2, name, s1, low, low.start)

    def fixed(self, children: list[Any]) -> Located:
        (word,) = children
        return Located(Comparison(FIXED_WORDS[str(word)]), start_of(word))

    def otherwise(self, children: list[Any]) -> Located:
        (word,) = children
        return Located(Otherwise(), start_of(word))

    @staticmethod
    def _combined(parts: list[Located], combine: Any) -> Located:
        for part in parts:
            if isinstance(part.condition, BareValue) and part.condition.metric is None:
                raise Problem(
                    f"a bare value ({part.condition}) cannot be combined with other conditions;"
                    " expected a comparator (≥, 以上, …) or a metric name",
                    part.start,
                )
        try:
            return Located(combine([part.condition for part in parts]), parts[0].start)
        except CriteriaError as error:
            raise Problem(str(error), parts[0].start) from None

    def all_of(self, children: list[Any]) -> Located:
        return self._combined(children, all_of)

    def any_of(self, children: list[Any]) -> Located:
        return self._combined(children, any_of)

    # -- tiers about the indicator's targets -----------------------------------
    def _quantified(self, total: Token, at_least: Token | None, outcome: Token, margin: Interval | None) -> Located:
        def count(token: Token) -> int:
            text = str(token)
            return int(text) if text.isdigit() else int(chinese_value(token))

        items = None if at_least is None else count(at_least)
        whole = count(total)
        if at_least is not None and items is not None and not 0 < items <= whole:
            raise Problem(f"{items} of {whole} targets cannot be", start_of(at_least))
        return Located(Quantified(whole, TargetOutcome(str(outcome)), items, margin), start_of(total))

    def some_targets(self, children: list[Any]) -> Located:
        total, at_least, outcome, margin = children
        return self._quantified(total, at_least, outcome, margin)

    def all_targets(self, children: list[Any]) -> Located:
        total, outcome, margin = children
        return self._quantified(total, None, outcome, margin)

    def margin(self, children: list[Any]) -> Interval:
        word, written = children
        unit = written.quantity.unit
        if unit not in (None, PERCENT):
            raise Problem(f"a margin is in percentage points, not {unit}", written.start)
        meaning = meaning_of(str(word), _INCLUSIVE.get())
        return self._one_sided(meaning.side, meaning.inclusive, written).interval

    def start(self, children: list[Any]) -> Condition:
        tier, _end = children
        condition: Condition = tier.condition
        return condition


@functools.cache
def _lark() -> Lark:
    return saved_lark("tiers", TierBuilder)


def _check_inclusive(inclusive: Mapping[str, bool]) -> None:
    for word, value in inclusive.items():
        if word not in WORDS:
            raise ValueError(f"{word!r} is not a comparator word kpi knows; known words: {'、'.join(WORDS)}")
        if not isinstance(value, bool):
            raise TypeError(f"inclusive[{word!r}] must be True or False, not {value!r}")


def parse_condition(text: str, *, inclusive: Mapping[str, bool] | None = None) -> Condition:
    """The condition a tier text states; raises :class:`kpi.KpiSyntaxError`.

    Tables repeat the same few tier texts row after row, so readings are
    cached (conditions are immutable); texts that fail are read again.
    """
    if inclusive:
        _check_inclusive(inclusive)
        reset = _INCLUSIVE.set(inclusive)
        try:
            return _parse(text)
        finally:
            _INCLUSIVE.reset(reset)
    if not isinstance(text, str):
        raise TypeError(f"tier text must be a str, not {type(text).__name__}")
    return _parse_cached(text)


def _parse(text: str) -> Condition:
    condition: Condition = parse_text(_lark(), text, "start", "tier text")
    return condition


_parse_cached: Final = functools.lru_cache(maxsize=16_384)(_parse)


def parse_rule(text: str, *, inclusive: Mapping[str, bool] | None = None) -> Rule:
    """Parse one tier text into a :class:`kpi.Rule`.

    *inclusive* overrides whether a comparator word includes its number,
    e.g. ``{"以下": False}`` for regulations that read 以下 as exclusive.
    Raises :class:`kpi.KpiSyntaxError` for anything it cannot read.

    >>> parse_rule("９５％以上")
    <Rule('≥95%')>
    >>> parse_rule("设备完好率<90%且≥80%")
    <Rule('设备完好率≥80%且<90%')>
    """
    return Rule(parse_condition(text, inclusive=inclusive), text)


if __name__ == "__main__":
    # The builder is saved by reference to its class: name it by its module, not by __main__.
    from kpi.text import parser

    print(write_tables("tiers", parser.TierBuilder()))
    print(write_tables("trees", None))
