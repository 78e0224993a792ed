"""Text to rule objects: the Lark parser and the Transformer behind it.

The grammar (``grammar/kpi.lark``, shipped inside the wheel as
``kpi/grammar/kpi.lark``) says what a tier text may look like; the
Transformer here turns its tree into the value objects of :mod:`kpi.rules`
and nothing more.  The parser is built once, on first use, with
``strict=True`` so that a grammar change that makes two terminals collide
fails at once instead of lexing some text the wrong way.  Every failure
becomes a :class:`kpi.KpiSyntaxError` that points into the caller's text.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Mapping
from contextvars import ContextVar
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from kpi._numerals import chinese_number
from kpi._text import Normalised, normalise
from kpi.errors import CriteriaError, KpiSyntaxError, describe_character
from kpi.intervals import Bound, Interval
from kpi.outcomes import metric_key
from kpi.rules import BareValue, Comparison, Condition, Otherwise, Quantified, TargetOutcome, all_of, any_of
from kpi.units import PERCENT, Quantity, Unit, unit_named
from kpi.words import WORDS, Side, meaning_of

__all__ = [
    "MAX_TEXT_LENGTH",
    "grammar_text",
    "metric_needs_quotes",
    "parse_condition",
    "parse_quantity",
    "parse_uncached",
]

#: Longest tier text kpi reads.  Real tier texts are a few dozen characters;
#: the limit keeps a pasted document or a hostile cell from costing seconds.
MAX_TEXT_LENGTH: Final = 500

_GRAMMAR: Final = "kpi.lark"


def grammar_text() -> str:
    """The grammar, from the installed package or, in a source checkout, from ``grammar/``."""
    packaged = importlib.resources.files("kpi").joinpath("grammar", _GRAMMAR)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install imports kpi from src/, where the grammar is not
    # copied: read it from the checkout's top-level grammar/ folder.
    checkout = Path(__file__).resolve().parents[2] / "grammar" / _GRAMMAR
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise RuntimeError(f"kpi's grammar file {_GRAMMAR} is missing; reinstall kpi")


@functools.cache
def _lark() -> Lark:
    # The builder runs inside the LALR parser: no tree is built in between.
    return Lark(
        grammar_text(),
        parser="lalr",
        strict=True,
        start=["start", "outcome"],
        maybe_placeholders=True,
        transformer=_Builder(visit_tokens=False),
    )


# The caller's inclusivity overrides for the parse under way ({"以下": False}).
_INCLUSIVE: ContextVar[Mapping[str, bool] | None] = ContextVar("kpi_inclusive", default=None)


class _Problem(Exception):
    """A semantic problem found while building objects, at a normalised index."""

    def __init__(self, reason: str, position: int) -> None:
        super().__init__(reason)
        self.reason = reason
        self.position = position


@attrs.frozen
class _Written:
    quantity: Quantity
    start: int


@attrs.frozen
class _Bound:
    written: _Written
    closed: bool | None  # an explicit (含)/(不含) mark, if any


@attrs.frozen
class _Note:
    closed: bool
    values: tuple[_Written, ...]


@attrs.frozen
class _Number:
    value: Decimal
    start: int


@attrs.frozen
class _Located:
    condition: Condition
    start: int


# Powers of ten of the magnitude characters (3万 is 3 × 10^4).
_MAGNITUDES: Final = {"万": 4, "千": 3, "亿": 8}
_FIXED_WORDS: Final = {
    "负增长": Interval(None, Bound(Decimal(0), closed=False)),
    "零增长": Interval.point(Decimal(0)),
    "正增长": Interval(Bound(Decimal(0), closed=False), None),
}
# What a verb means when no comparator word follows the value.
_VERBS: Final[Mapping[str, Side | None]] = {
    "达到": Side.LOWER,
    "达": Side.LOWER,
    "控制在": Side.UPPER,
    "为": None,
    "等于": None,
}


def _is_inclusive_mark(mark: Token | None) -> bool | None:
    return None if mark is None else "不" not in mark


def _one_unit(first: _Written, second: _Written) -> Unit | None:
    a, b = first.quantity.unit, second.quantity.unit
    if a is not None and b is not None and a != b:
        raise _Problem(f"the two ends are in different units ({a} and {b})", second.start)
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
            raise _Problem(f"the note names {written.quantity}, which is not an end of the range", written.start)
    return lower, upper


def _interval(lower: Bound | None, upper: Bound | None, where: int) -> Interval:
    interval = Interval.between(lower, upper)
    if interval is None:
        raise _Problem("this range contains no value", where)
    return interval


_INCLUSIVE_SYMBOLS: Final = frozenset(("≥", ">=", "≧", "≤", "<=", "≦"))


def _start(token: Token) -> int:
    return token.start_pos or 0


class _Builder(Transformer[Token, Any]):
    """Builds rule objects from the parse tree; no grading logic lives here.

    It runs inside the LALR parser (Lark's tree-less mode), so methods take
    the list of children as Lark gives it and carry each piece's start
    position in the objects they return, for error messages.  The caller's
    inclusivity overrides come from a context variable, per parse.  Tokens
    need no callbacks of their own (``visit_tokens=False``).
    """

    # -- values ------------------------------------------------------------
    def arabic(self, children: list[Any]) -> _Number:
        minus, number, magnitude = children
        # Exact: arithmetic would round a long number to the context's 28 digits.
        _, digits, exponent = Decimal(str(number)).as_tuple()
        shift = _MAGNITUDES[str(magnitude)] if magnitude else 0
        value = Decimal((1 if minus else 0, digits, int(exponent) + shift))
        return _Number(value, _start(minus or number))

    def chinese(self, children: list[Any]) -> _Number:
        minus, numeral = children
        return _Number(self._chinese(numeral, negative=minus is not None), _start(minus or numeral))

    @staticmethod
    def _chinese(numeral: Token, *, negative: bool = False) -> Decimal:
        try:
            value = chinese_number(str(numeral))
        except ValueError as error:
            raise _Problem(f"{numeral} is not a well-formed Chinese numeral ({error})", _start(numeral)) from None
        return value.copy_negate() if negative else value

    def quantity(self, children: list[Any]) -> _Written:
        number, unit = children
        return _Written(Quantity(number.value, None if unit is None else unit_named(str(unit))), number.start)

    def percent_words(self, children: list[Any]) -> _Written:
        words, number = children
        return _Written(Quantity(number.value, PERCENT), _start(words))

    def bound(self, children: list[Any]) -> _Bound:
        written, mark = children
        return _Bound(written, _is_inclusive_mark(mark))

    def note(self, children: list[Any]) -> _Note:
        opening, *values = children
        return _Note("不" not in opening, tuple(value for value in values if isinstance(value, _Written)))

    # -- one condition, without its metric -----------------------------------
    def symbol_bound(self, children: list[Any]) -> _Located:
        symbol, bound = children
        quantity = bound.written.quantity
        if symbol.type == "EQUAL":
            if bound.closed is False:
                raise _Problem("“=” and (不含) contradict each other", bound.written.start)
            return _Located(Comparison(Interval.point(quantity.value), quantity.unit), _start(symbol))
        closed = symbol in _INCLUSIVE_SYMBOLS
        if bound.closed is not None and bound.closed != closed:
            raise _Problem(f"“{symbol}” already says whether {quantity} is included", bound.written.start)
        side = Side.LOWER if symbol.type == "GREATER" else Side.UPPER
        return _Located(self._one_sided(side, closed, bound.written), _start(symbol))

    def prefix_bound(self, children: list[Any]) -> _Located:
        word, bound = children
        meaning = meaning_of(str(word), _INCLUSIVE.get())
        closed = meaning.inclusive if bound.closed is None else bound.closed
        return _Located(self._one_sided(meaning.side, closed, bound.written), _start(word))

    def suffix_bound(self, children: list[Any]) -> _Located:
        verb, bound, word, mark, note = children
        meaning = meaning_of(str(word), _INCLUSIVE.get())
        closed = meaning.inclusive if bound.closed is None else bound.closed
        after = _is_inclusive_mark(mark)
        if after is not None:
            if bound.closed is not None and bound.closed != after:
                raise _Problem("the two (含)/(不含) marks contradict each other", bound.written.start)
            closed = after
        if note is not None:
            for written in note.values:
                if written.quantity.value != bound.written.quantity.value:
                    raise _Problem(f"the note names {written.quantity}, which is not the bound", written.start)
            closed = note.closed
        start = _start(verb) if verb is not None else bound.written.start
        return _Located(self._one_sided(meaning.side, closed, bound.written), start)

    @staticmethod
    def _one_sided(side: Side, closed: bool, written: _Written) -> Comparison:
        bound = Bound(written.quantity.value, closed)
        interval = Interval(bound, None) if side is Side.LOWER else Interval(None, bound)
        return Comparison(interval, written.quantity.unit)

    def two_sided(self, children: list[Any]) -> _Located:
        first, second = children
        if (first.condition.interval.lower is None) == (second.condition.interval.lower is None):
            kind = "upper" if first.condition.interval.lower is None else "lower"
            raise _Problem(f"both parts give a {kind} bound; a two-sided range needs one of each", first.start)
        try:
            return _Located(all_of([first.condition, second.condition]), first.start)
        except CriteriaError as error:
            raise _Problem(str(error), first.start) from None

    def target(self, children: list[Any]) -> _Located:
        verb, written = children
        quantity = written.quantity
        if verb is None:
            return _Located(BareValue(quantity.value, quantity.unit), written.start)
        if str(verb) not in _VERBS:
            raise _Problem(f"after “{verb}” a range or 以上/以下 is expected", written.start)
        side = _VERBS[str(verb)]
        if side is None:
            return _Located(Comparison(Interval.point(quantity.value), quantity.unit), _start(verb))
        return _Located(self._one_sided(side, True, written), _start(verb))

    def range(self, children: list[Any]) -> _Located:
        verb, low, _dash, high, _between, note = children
        unit = _one_unit(low.written, high.written)
        start = _start(verb) if verb is not None else low.written.start
        if low.written.quantity.value > high.written.quantity.value:
            low, high = high, low  # a descending range (100-85分) means the same
        lower = Bound(low.written.quantity.value, True if low.closed is None else low.closed)
        upper = Bound(high.written.quantity.value, True if high.closed is None else high.closed)
        lower, upper = _apply_note(lower, upper, note)
        return _Located(Comparison(_interval(lower, upper, high.written.start), unit), start)

    def bracketed(self, children: list[Any]) -> _Located:
        opening, low, *rest = children
        *_, high, closing = rest  # the separator is a comma or a dash token
        unit = _one_unit(low, high)
        if low.quantity.value > high.quantity.value:
            raise _Problem("the lower end of an interval must come first", low.start)
        lower = Bound(low.quantity.value, opening == "[")
        upper = Bound(high.quantity.value, closing == "]")
        return _Located(Comparison(_interval(lower, upper, high.start), unit), _start(opening))

    # -- clauses and their combinations --------------------------------------
    def clause(self, children: list[Any]) -> _Located:
        before, located, after = children
        if before is not None and after is not None:
            raise _Problem(f"two metric names: {metric_key(str(before))} and {metric_key(str(after))}", _start(before))
        condition = located.condition
        name = before if before is not None else after
        if name is not None:
            metric = metric_key(str(name))
            condition = condition.map_leaves(lambda leaf: attrs.evolve(leaf, metric=metric))
        return _Located(condition, _start(before) if before is not None else located.start)

    def _chain(self, high: _Written, upper: Token, name: Token, lower: Token, low: _Written, start: int) -> _Located:
        unit = _one_unit(high, low)
        interval = _interval(
            Bound(low.quantity.value, lower in _INCLUSIVE_SYMBOLS),
            Bound(high.quantity.value, upper in _INCLUSIVE_SYMBOLS),
            start,
        )
        return _Located(Comparison(interval, unit, metric_key(str(name))), start)

    def chain_descending(self, children: list[Any]) -> _Located:
        high, s1, name, s2, low = children
        return self._chain(high, s1, name, s2, low, high.start)

    def chain_ascending(self, children: list[Any]) -> _Located:
        low, s1, name, s2, high = children
        return self._chain(high, s2, name, s1, low, low.start)

    def fixed(self, children: list[Any]) -> _Located:
        (word,) = children
        return _Located(Comparison(_FIXED_WORDS[str(word)]), _start(word))

    def otherwise(self, children: list[Any]) -> _Located:
        (word,) = children
        return _Located(Otherwise(), _start(word))

    @staticmethod
    def _combined(parts: list[_Located], combine: Any) -> _Located:
        for part in parts:
            if isinstance(part.condition, BareValue) and part.condition.metric is None:
                raise _Problem(
                    f"a bare value ({part.condition}) cannot be combined with other conditions;"
                    " expected a comparator (≥, 以上, …) or a metric name",
                    part.start,
                )
        try:
            return _Located(combine([part.condition for part in parts]), parts[0].start)
        except CriteriaError as error:
            raise _Problem(str(error), parts[0].start) from None

    def all_of(self, children: list[Any]) -> _Located:
        return self._combined(children, all_of)

    def any_of(self, children: list[Any]) -> _Located:
        return self._combined(children, any_of)

    # -- tiers about the indicator's targets -----------------------------------
    def _quantified(self, total: Token, at_least: Token | None, outcome: Token, margin: Interval | None) -> _Located:
        def count(token: Token) -> int:
            text = str(token)
            return int(text) if text.isdigit() else int(self._chinese(token))

        items = None if at_least is None else count(at_least)
        whole = count(total)
        if at_least is not None and items is not None and not 0 < items <= whole:
            raise _Problem(f"{items} of {whole} targets cannot be", _start(at_least))
        return _Located(Quantified(whole, TargetOutcome(str(outcome)), items, margin), _start(total))

    def some_targets(self, children: list[Any]) -> _Located:
        total, at_least, outcome, margin = children
        return self._quantified(total, at_least, outcome, margin)

    def all_targets(self, children: list[Any]) -> _Located:
        total, outcome, margin = children
        return self._quantified(total, None, outcome, margin)

    def margin(self, children: list[Any]) -> Interval:
        word, written = children
        unit = written.quantity.unit
        if unit not in (None, PERCENT):
            raise _Problem(f"a margin is in percentage points, not {unit}", written.start)
        meaning = meaning_of(str(word), _INCLUSIVE.get())
        return self._one_sided(meaning.side, meaning.inclusive, written).interval

    def start(self, children: list[Any]) -> Condition:
        tier, _end = children
        condition: Condition = tier.condition
        return condition

    def outcome(self, children: list[Any]) -> Quantity:
        written, _end = children
        quantity: Quantity = written.quantity
        return quantity


# Readable names for what the parser expected, most useful first.
_EXPECTED: Final = {
    "NUMBER": "a number",
    "CN_NUMBER": "a number",
    "PERCENT_WORDS": "a number",
    "MINUS": "a number",
    "PERCENT": "a unit (%, 小时, 个工作日, …)",
    "UNIT": "a unit (%, 小时, 个工作日, …)",
    "MAGNITUDE": "a unit (%, 小时, 个工作日, …)",
    "GREATER": "a comparator (≥ > ≤ < =)",
    "LESS": "a comparator (≥ > ≤ < =)",
    "EQUAL": "a comparator (≥ > ≤ < =)",
    "PREFIX_WORD": "a comparator word (不低于, 低于, …)",
    "VERB": "a comparator word (不低于, 低于, …)",
    "SUFFIX_WORD": "以上, 以下 or 以内",
    "DASH": "a dash (-, ~, 至)",
    "TO": "a dash (-, ~, 至)",
    "OPEN_BRACKET": "a bracket",
    "CLOSE_BRACKET": "a closing bracket",
    "CLOSE_PAREN": "a closing bracket",
    "MARK": "(含) or (不含)",
    "NOTE_OPEN": "(含) or (不含)",
    "BETWEEN": "之间",
    "PREFIX_METRIC": "a metric name",
    "SUFFIX_METRIC": "a metric name",
    "QUOTED_METRIC": "a metric name",
    "FIXED_WORD": "负增长",
    "TARGET_COUNT": "a number of targets (两项指标…)",
    "ITEM_COUNT": "a number of targets (任意一项…)",
    "_TARGETS": "项指标",
    "_AMONG": "中任意",
    "_ITEM": "项",
    "_ALL": "均",
    "TARGET_OUTCOME": "完成, 超额完成 or 未完成",
    "OTHERWISE": "其余",
    "_AND": "且",
    "_COMMA": "且",
    "_ALSO": "且",
    "_OR": "或",
    "END": "the end of the text",
    "$END": "the end of the text",
}


def _describe_expected(names: set[str]) -> str:
    order = list(dict.fromkeys(_EXPECTED.values()))
    described = {_EXPECTED.get(name, name) for name in names}
    ranked = sorted(described, key=lambda text: order.index(text) if text in order else len(order))
    if not ranked:
        return "nothing more"
    if len(ranked) == 1:
        return ranked[0]
    return ", ".join(ranked[:-1]) + " or " + ranked[-1]


def _accepted(error: UnexpectedToken) -> set[str]:
    """The tokens the parser would really take where *error* stopped it."""
    if error.interactive_parser is None:
        return set(error.expected)
    accepted: set[str] = error.interactive_parser.accepts()  # type: ignore[no-untyped-call]
    return accepted


def _syntax_error(error: UnexpectedInput, normalised: Normalised, kind: str) -> KpiSyntaxError:
    if isinstance(error, UnexpectedToken):
        token = error.token
        end = token.type == "$END"
        index = len(normalised.text) if end else token.start_pos or 0
        found = "the end of the text" if end else f"“{token}”"
        # LALR states merge lookaheads of many contexts; asking the parser
        # which tokens it really accepts here keeps the message precise.
        expected = _accepted(error)
    elif isinstance(error, UnexpectedCharacters):
        index = error.pos_in_stream or 0
        found = describe_character(normalised.text[index])
        expected = set(error.allowed or ())
    else:
        index = len(normalised.text)
        found = "the end of the text"
        expected = set(getattr(error, "expected", ()) or ())
    position = normalised.source_position(index)
    return KpiSyntaxError(
        f"cannot read {kind}: found {found}, expected {_describe_expected(expected)}",
        normalised.source,
        position,
    )


def _check_inclusive(inclusive: Mapping[str, bool] | None) -> None:
    for word, value in (inclusive or {}).items():
        if word not in WORDS:
            raise ValueError(f"{word!r} is not a comparator word kpi knows; known words: {'、'.join(WORDS)}")
        if not isinstance(value, bool):
            raise TypeError(f"inclusive[{word!r}] must be True or False, not {value!r}")


def _parse(text: str, start: str, kind: str, inclusive: Mapping[str, bool] | None = None) -> Any:
    if not isinstance(text, str):
        raise TypeError(f"{kind} must be a str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_LENGTH:
        raise KpiSyntaxError(f"cannot read {kind}: longer than {MAX_TEXT_LENGTH} characters", text[:60] + "…", 60)
    normalised = normalise(text)
    if not normalised.text.strip():
        raise KpiSyntaxError(f"cannot read {kind}: it is empty", text, 0)
    reset = _INCLUSIVE.set(inclusive)
    try:
        return _lark().parse(normalised.text, start=start)
    except UnexpectedInput as error:
        raise _syntax_error(error, normalised, kind) from None
    except _Problem as problem:
        position = normalised.source_position(problem.position)
        raise KpiSyntaxError(f"cannot read {kind}: {problem.reason}", text, position) from None
    finally:
        _INCLUSIVE.reset(reset)


def parse_condition(text: str, *, inclusive: Mapping[str, bool] | None = None) -> Condition:
    """The condition a tier text states; raises :class:`kpi.KpiSyntaxError`.

    Tables repeat the same few tier texts row after row, so readings are
    cached (conditions are immutable); texts that fail are read again.
    """
    if inclusive:
        _check_inclusive(inclusive)
        return parse_uncached(text, inclusive=inclusive)
    if not isinstance(text, str):
        raise TypeError(f"tier text must be a str, not {type(text).__name__}")
    return _parse_cached(text)


@functools.lru_cache(maxsize=16_384)
def _parse_cached(text: str) -> Condition:
    return parse_uncached(text)


def parse_uncached(text: str, *, inclusive: Mapping[str, bool] | None = None) -> Condition:
    """Like :func:`parse_condition`, without the cache (for benchmarks and overrides)."""
    condition: Condition = _parse(text, "start", "tier text", inclusive)
    return condition


def parse_quantity(text: str) -> Quantity:
    """A value with an optional unit, as written in a results file (``96.5%``)."""
    quantity: Quantity = _parse(text, "outcome", "outcome")
    return quantity


@functools.lru_cache(maxsize=4096)
def metric_needs_quotes(metric: str) -> bool:
    """Whether *metric* must be quoted to read back as one name before a value.

    The question is put to the parser itself, so every terminal that could
    claim part of the name (负增长, 达到, 以上, a trailing numeral) is considered.
    """
    if metric_key(metric) != metric or not metric:
        return True
    for follower in ("≥0", "0", "=0"):
        try:
            condition = parse_condition(metric + follower)
        except KpiSyntaxError:
            return True
        if not isinstance(condition, Comparison | BareValue) or condition.metric != metric:
            return True
    return False
