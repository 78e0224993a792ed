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
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError
from lark.tree import Meta

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
    return Lark(
        grammar_text(),
        parser="lalr",
        strict=True,
        start=["start", "outcome"],
        propagate_positions=True,
        maybe_placeholders=True,
    )


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


@v_args(inline=True)
class _Builder(Transformer[Token, Any]):
    """Builds rule objects from the parse tree; no grading logic lives here."""

    # Tokens need no callbacks of their own: rules receive them as they are.
    __visit_tokens__ = False

    def __init__(self, inclusive: Mapping[str, bool] | None) -> None:
        super().__init__()
        self._inclusive = inclusive

    # -- values ------------------------------------------------------------
    def arabic(self, minus: Token | None, number: Token, magnitude: Token | None) -> Decimal:
        # Exact: arithmetic would round a long number to the context's 28 digits.
        _, digits, exponent = Decimal(str(number)).as_tuple()
        shift = _MAGNITUDES[str(magnitude)] if magnitude else 0
        return Decimal((1 if minus else 0, digits, int(exponent) + shift))

    def chinese(self, minus: Token | None, numeral: Token) -> Decimal:
        try:
            value = chinese_number(str(numeral))
        except ValueError as error:
            raise _Problem(
                f"{numeral} is not a well-formed Chinese numeral ({error})", numeral.start_pos or 0
            ) from None
        return value.copy_negate() if minus else value

    def unit(self, token: Token) -> Unit:
        return unit_named(str(token))

    @v_args(inline=True, meta=True)
    def quantity(self, meta: Meta, value: Decimal, unit: Unit | None) -> _Written:
        return _Written(Quantity(value, unit), meta.start_pos)

    @v_args(inline=True, meta=True)
    def percent_words(self, meta: Meta, _: Token, value: Decimal) -> _Written:
        return _Written(Quantity(value, PERCENT), meta.start_pos)

    def bound(self, written: _Written, mark: Token | None) -> _Bound:
        return _Bound(written, _is_inclusive_mark(mark))

    def note(self, opening: Token, *values: Any) -> _Note:
        return _Note("不" not in opening, tuple(value for value in values if isinstance(value, _Written)))

    # -- one condition, without its metric -----------------------------------
    def symbol(self, token: Token) -> Token:
        return token

    def symbol_bound(self, symbol: Token, bound: _Bound) -> Comparison:
        quantity = bound.written.quantity
        if symbol.type == "EQUAL":
            if bound.closed is False:
                raise _Problem("“=” and (不含) contradict each other", bound.written.start)
            return Comparison(Interval.point(quantity.value), quantity.unit)
        closed = symbol in ("≥", ">=", "≧", "≤", "<=", "≦")
        if bound.closed is not None and bound.closed != closed:
            raise _Problem(f"“{symbol}” already says whether {quantity} is included", bound.written.start)
        side = Side.LOWER if symbol.type == "GREATER" else Side.UPPER
        return self._one_sided(side, closed, bound.written)

    def prefix_bound(self, word: Token, bound: _Bound) -> Comparison:
        meaning = meaning_of(str(word), self._inclusive)
        closed = meaning.inclusive if bound.closed is None else bound.closed
        return self._one_sided(meaning.side, closed, bound.written)

    def suffix_bound(
        self, verb: Token | None, bound: _Bound, word: Token, mark: Token | None, note: _Note | None
    ) -> Comparison:
        meaning = meaning_of(str(word), self._inclusive)
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
        return self._one_sided(meaning.side, closed, bound.written)

    @staticmethod
    def _one_sided(side: Side, closed: bool, written: _Written) -> Comparison:
        bound = Bound(written.quantity.value, closed)
        interval = Interval(bound, None) if side is Side.LOWER else Interval(None, bound)
        return Comparison(interval, written.quantity.unit)

    @v_args(inline=True, meta=True)
    def two_sided(self, meta: Meta, first: Comparison, second: Comparison) -> Condition:
        sides = {first.interval.lower is None, second.interval.lower is None}
        if sides != {True, False}:
            kind = "upper" if first.interval.lower is None else "lower"
            raise _Problem(f"both parts give a {kind} bound; a two-sided range needs one of each", meta.start_pos)
        try:
            return all_of([first, second])
        except CriteriaError as error:
            raise _Problem(str(error), meta.start_pos) from None

    def target(self, verb: Token | None, written: _Written) -> Condition:
        quantity = written.quantity
        if verb is None:
            return BareValue(quantity.value, quantity.unit)
        if str(verb) not in _VERBS:
            raise _Problem(f"after “{verb}” a range or 以上/以下 is expected", written.start)
        side = _VERBS[str(verb)]
        if side is None:
            return Comparison(Interval.point(quantity.value), quantity.unit)
        return self._one_sided(side, True, written)

    def range(self, low: _Bound, dash: Token, high: _Bound, between: Token | None, note: _Note | None) -> Comparison:
        unit = _one_unit(low.written, high.written)
        if low.written.quantity.value > high.written.quantity.value:
            low, high = high, low  # a descending range (100-85分) means the same
        lower = Bound(low.written.quantity.value, True if low.closed is None else low.closed)
        upper = Bound(high.written.quantity.value, True if high.closed is None else high.closed)
        lower, upper = _apply_note(lower, upper, note)
        return Comparison(_interval(lower, upper, high.written.start), unit)

    def verb_range(self, verb: Token | None, comparison: Comparison) -> Comparison:
        return comparison

    def bracketed(self, opening: Token, low: _Written, *rest: Any) -> Comparison:
        *_, high, closing = rest  # the separator is a comma or a dash token
        unit = _one_unit(low, high)
        if low.quantity.value > high.quantity.value:
            raise _Problem("the lower end of an interval must come first", low.start)
        lower = Bound(low.quantity.value, opening == "[")
        upper = Bound(high.quantity.value, closing == "]")
        return Comparison(_interval(lower, upper, high.start), unit)

    # -- clauses and their combinations --------------------------------------
    def prefix_metric(self, token: Token) -> str:
        return metric_key(str(token))

    suffix_metric = prefix_metric

    @v_args(inline=True, meta=True)
    def clause(self, meta: Meta, before: str | None, condition: Condition, after: str | None) -> _Located:
        if before is not None and after is not None:
            raise _Problem(f"two metric names: {before} and {after}", meta.start_pos)
        metric = before or after
        if metric is not None:
            condition = condition.map_leaves(lambda leaf: attrs.evolve(leaf, metric=metric))
        return _Located(condition, meta.start_pos)

    def _chain(self, meta: Meta, high: _Written, upper: Token, metric: str, lower: Token, low: _Written) -> _Located:
        unit = _one_unit(high, low)
        interval = _interval(
            Bound(low.quantity.value, lower in ("≥", ">=", "≧", "≤", "<=", "≦")),
            Bound(high.quantity.value, upper in ("≥", ">=", "≧", "≤", "<=", "≦")),
            meta.start_pos,
        )
        return _Located(Comparison(interval, unit, metric), meta.start_pos)

    @v_args(inline=True, meta=True)
    def chain_descending(
        self, meta: Meta, high: _Written, s1: Token, metric: str, s2: Token, low: _Written
    ) -> _Located:
        return self._chain(meta, high, s1, metric, s2, low)

    @v_args(inline=True, meta=True)
    def chain_ascending(self, meta: Meta, low: _Written, s1: Token, metric: str, s2: Token, high: _Written) -> _Located:
        return self._chain(meta, high, s2, metric, s1, low)

    @v_args(inline=True, meta=True)
    def fixed(self, meta: Meta, word: Token) -> _Located:
        return _Located(Comparison(_FIXED_WORDS[str(word)]), meta.start_pos)

    @v_args(inline=True, meta=True)
    def otherwise(self, meta: Meta, _: Token) -> _Located:
        return _Located(Otherwise(), meta.start_pos)

    @staticmethod
    def _combined(parts: tuple[_Located, ...], combine: Any) -> _Located:
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

    def all_of(self, *parts: _Located) -> _Located:
        return self._combined(parts, all_of)

    def any_of(self, *parts: _Located) -> _Located:
        return self._combined(parts, any_of)

    # -- tiers about the indicator's targets -----------------------------------
    def _quantified(self, total: Token, at_least: Token | None, outcome: Token, margin: Interval | None) -> _Located:
        def count(token: Token) -> int:
            text = str(token)
            return int(text) if text.isdigit() else int(self.chinese(None, token))

        items = None if at_least is None else count(at_least)
        whole = count(total)
        if items is not None and not 0 < items <= whole:
            raise _Problem(f"{items} of {whole} targets cannot be", at_least.start_pos or 0)  # type: ignore[union-attr]
        return _Located(Quantified(whole, TargetOutcome(str(outcome)), items, margin), total.start_pos or 0)

    def some_targets(self, total: Token, at_least: Token, outcome: Token, margin: Interval | None) -> _Located:
        return self._quantified(total, at_least, outcome, margin)

    def all_targets(self, total: Token, outcome: Token, margin: Interval | None) -> _Located:
        return self._quantified(total, None, outcome, margin)

    def margin(self, word: Token, written: _Written) -> Interval:
        unit = written.quantity.unit
        if unit not in (None, PERCENT):
            raise _Problem(f"a margin is in percentage points, not {unit}", written.start)
        meaning = meaning_of(str(word), self._inclusive)
        return self._one_sided(meaning.side, meaning.inclusive, written).interval

    def start(self, tier: _Located, end: Token | None) -> Condition:
        return tier.condition

    def outcome(self, written: _Written, end: Token | None) -> Quantity:
        return written.quantity


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
    try:
        tree = _lark().parse(normalised.text, start=start)
        return _Builder(inclusive).transform(tree)
    except UnexpectedInput as error:
        raise _syntax_error(error, normalised, kind) from None
    except VisitError as error:
        if isinstance(error.orig_exc, _Problem):
            position = normalised.source_position(error.orig_exc.position)
            raise KpiSyntaxError(f"cannot read {kind}: {error.orig_exc.reason}", text, position) from None
        raise error.orig_exc from None  # a bug in kpi, not in the text: show it, not Lark's wrapper


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
