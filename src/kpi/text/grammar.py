"""The grammar of tier texts, and the Lark parsers made from it.

The grammar (``grammar/kpi.lark``, shipped inside the wheel as
``kpi/grammar/kpi.lark``) describes syntax only.  Its word lists are filled
in from kpi's tables (:mod:`kpi.text.words`, :mod:`kpi.units`,
:mod:`kpi.text.numerals`) through Lark's ``edit_terminals`` option, so each
word is listed once.

Building the parser with ``strict=True`` (terminal collisions and LALR
conflicts fail at once) takes most of a second, so the built parsers are
saved with Lark's own ``Lark.save`` next to this module and loaded with
``Lark.load``.  Each saved file starts with a line naming the grammar it was built
from; when the grammar changed since, kpi warns and builds the parser afresh.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import io
import json
import re
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import attrs
import lark
from lark import Lark, Token, Transformer, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken, VisitError
from lark.lexer import PatternRE, TerminalDef

from kpi.errors import KpiSyntaxError, describe_character, kind_zh, too_long
from kpi.text import words
from kpi.text.normalise import Normalised, metric_key, normalise
from kpi.text.numerals import MAGNITUDES
from kpi.units import AFTER_DIGITS, SYMBOL_UNIT, unit_names

__all__ = [
    "MAX_TEXT_LENGTH",
    "Problem",
    "build_lark",
    "grammar_digest",
    "grammar_text",
    "metric_needs_quotes",
    "parse_text",
    "saved_lark",
    "tables_path",
    "tree_parser",
    "write_tables",
]

_GRAMMAR: Final = "kpi.lark"
#: Longest text kpi parses: real tier texts are a few dozen characters; a pasted document costs seconds.
MAX_TEXT_LENGTH: Final = 500
#: Options of every parser made from the grammar.
OPTIONS: Final[dict[str, Any]] = {"parser": "lalr", "start": ["start", "outcome"], "maybe_placeholders": True}


def grammar_text() -> str:
    """The grammar, from the installed package or, in a source checkout, from ``grammar/``."""
    packaged = importlib.resources.files("kpi").joinpath("grammar", _GRAMMAR)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    # An editable install imports kpi from src/, where the grammar is not copied: read the checkout's.
    checkout = Path(__file__).resolve().parents[3] / "grammar" / _GRAMMAR
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    raise RuntimeError(f"kpi's grammar file {_GRAMMAR} is missing; reinstall kpi")


def _alternatives(choices: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of *choices*, longest first, as the lexer must try them."""
    return "|".join(re.escape(choice) for choice in sorted(choices, key=len, reverse=True))


def _after_word(word: str) -> str:
    """A word after a value, guarded where it could begin something else: 不满 and 未满 also come before a
    value (不满60%), 内 alone begins words (内部, but 3个工作日内办结 read a metric 内办结), + a sum (1+N)."""
    if not word.isalnum():
        guard = r"(?![^\W_]|[-−.])"
    elif word in words.BEFORE or word.startswith(("不", "未")):
        guard = "(?![-−0-9零〇一二两三四五六七八九十百])"
    else:
        within = "|".join(words.WITHIN_VERBS) if word == "内" else "(?!)"
        guard = rf"(?!(?!{within})[^\W0-9_])" if len(word) == 1 else ""
    return re.escape(word) + guard


@functools.cache
def _fills() -> dict[str, str]:
    """What each @NAME of the grammar's patterns stands for."""
    symbols = words.SYMBOLS
    return {
        "@BEFORE": _alternatives(words.BEFORE),
        "@AFTER": "|".join(_after_word(word) for word in words.AFTER),
        "@VERBS": _alternatives(list(words.VERBS)),
        "@NAME_ENDS": _alternatives(words.NAME_ENDS),
        "@DEDUCTIONS": _alternatives(words.DEDUCTIONS),
        "@GREATER": _alternatives([s for s, m in symbols.items() if m is not None and m.side is words.Side.LOWER]),
        "@LESS": _alternatives([s for s, m in symbols.items() if m is not None and m.side is words.Side.UPPER]),
        "@EQUAL": _alternatives([s for s, m in symbols.items() if m is None]),
        "@UNITS": _alternatives([name for name in unit_names() if name not in ("%", "‰", *AFTER_DIGITS)]),
        "@AFTER_DIGITS": _alternatives(AFTER_DIGITS),
        "@SYMBOL_UNIT": SYMBOL_UNIT,
        "@MAGNITUDES": _alternatives(list(MAGNITUDES)),
        "@RANK": _rank_opening(),
    }


def _rank_opening() -> str:
    """What opens a rank: 第, 前 or 后 before a number of 名 (第1-5名, 综合得分前10名; not 第三季度 nor
    前10名额), or after a rank's noun or verb (排名第3, 位列前10名) before any number.  A name that ends
    in 第, 前 or 后 is quoted before a value (“提前”3天), which a rank would otherwise claim."""
    number = "(?:[0-9]+|[零〇一二两三四五六七八九十百]+)"
    places = rf"\s*{number}(?:\s*[-−~–至到]\s*{number})?\s*"
    named = _alternatives([*words.RANK_NOUNS, *words.RANK_VERBS])
    unit = re.escape(words.RANK_UNIT) + "(?![次单额称义字])"
    # After a noun or a verb the number may end the rank (排名第3); never run into a word (排名第三季度).
    return rf"(?:{named})\s*[第前后](?={places}(?:{unit}|(?![^\W\d_])|且|或))|[第前后](?={places}{unit})"


_PLACEHOLDER: Final = re.compile(r"@[A-Z_]+")


def _fill(terminal: TerminalDef) -> None:
    """Lark's ``edit_terminals`` hook: put the word lists into the patterns that name them."""
    pattern = terminal.pattern
    if isinstance(pattern, PatternRE) and "@" in pattern.value:
        fills = _fills()
        value = _PLACEHOLDER.sub(lambda match: fills[match.group(0)], pattern.value)
        terminal.pattern = PatternRE(value, pattern.flags, pattern.raw)


def build_lark(*, strict: bool = True, transformer: Transformer[Token, Any] | None = None) -> Lark:
    """A parser built from the grammar itself; ``strict=True`` checks terminal collisions."""
    return Lark(grammar_text(), strict=strict, transformer=transformer, edit_terminals=_fill, **OPTIONS)


def grammar_digest() -> str:
    """What a saved parser was built from: the grammar with its word lists filled in."""
    filled = json.dumps(sorted(_fills().items()), ensure_ascii=False)
    return hashlib.sha256((grammar_text() + filled).encode("utf-8")).hexdigest()


def tables_path(name: str) -> Path:
    """Where the parser *name* is saved: beside this module, in the package."""
    return Path(__file__).with_name(f"{name}.lark-tables")


def write_tables(name: str, transformer: Transformer[Token, Any] | None) -> Path:
    """Save the strict build with *transformer* as the parser *name* (run by ``python -m kpi.text.parser``)."""
    stream = io.BytesIO()
    build_lark(transformer=transformer).save(stream)
    header = json.dumps({"grammar": grammar_digest(), "lark": lark.__version__}).encode("utf-8")
    path = tables_path(name)
    path.write_bytes(header + b"\n" + stream.getvalue())
    return path


def saved_lark(name: str, transformer: Callable[[], Transformer[Token, Any] | None]) -> Lark:
    """The parser *name* as saved, or built afresh, with a warning, when the saved one is stale.

    The saved file carries its transformer (pickled by reference to its class),
    so the parser builds objects as it parses, with no tree in between.
    """
    path = tables_path(name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _stale(f"{path.name} is missing", transformer)
    header, _, body = data.partition(b"\n")
    saved = json.loads(header)
    if saved.get("grammar") != grammar_digest():
        return _stale(f"{path.name} was saved from another version of the grammar", transformer)
    try:
        loaded: Lark = Lark.load(io.BytesIO(body))
    except Exception as error:  # unpickling raises what it meets; said aloud, then built afresh
        return _stale(f"{path.name} cannot be loaded with Lark {lark.__version__} ({error!r})", transformer)
    return loaded


def _stale(why: str, transformer: Callable[[], Transformer[Token, Any] | None]) -> Lark:
    warnings.warn(
        f"kpi: {why}; building the parser from the grammar instead (about a second). "
        "Run `python -m kpi.text.parser` to save it again.",
        RuntimeWarning,
        stacklevel=3,
    )
    return build_lark(transformer=transformer())


@functools.cache
def tree_parser() -> Lark:
    """The parser that builds plain Lark trees: for the lexer's view of a name, and for reading figures."""
    return saved_lark("trees", lambda: None)


@functools.lru_cache(maxsize=4096)
def metric_needs_quotes(metric: str) -> bool:
    """Whether *metric* must be quoted to read back as one name before a value.

    The question is put to the parser itself, so every terminal that could
    claim part of the name (负增长, 达到, 以上, a trailing numeral, 负0 normalised to -0) is considered:
    at the start of a text, and after 或 and 且, where the lexer may read the
    name's first characters with the joining word (或以上 is a comparator word).

    >>> metric_needs_quotes("设备完好率"), metric_needs_quotes("负增长率"), metric_needs_quotes("上3级")
    (False, True, True)
    """
    if not metric or metric_key(metric) != metric or words.cut_comparator(metric):
        return True
    if words.without_cause(metric) != metric:
        return True  # 因灾死亡 would read back as 死亡, its cause cut off
    if words.comparator_inside(metric) is not None:
        return True  # 一不满于0: a bare value after a name with 不满 inside is refused unless quoted
    parser = tree_parser()
    for before in ("", "甲≥0或", "甲≥0且"):
        for follower in ("≥0", "0", "=0", "-1", "1名"):  # 第1名 is a rank, not the metric 第
            try:
                tree = parser.parse(normalise(before + metric + follower).text, start="start")
            except LarkError:
                return True
            if not _names_last_clause(tree, metric):
                return True
    return False


def _names_last_clause(tree: Tree[Token], metric: str) -> bool:
    """Whether the text's last condition is a comparison named *metric* before its value."""
    node: Any = tree.children[0]
    if isinstance(node, Tree) and node.data in ("any_of", "all_of"):
        node = node.children[-1]
    if not (isinstance(node, Tree) and node.data == "clause"):
        return False
    name, comparison, after = node.children
    return (
        isinstance(name, Token)
        and name.type == "PREFIX_METRIC"
        and metric_key(str(name)) == metric
        and after is None
        and isinstance(comparison, Tree)
        and comparison.data in ("symbol_bound", "target")
    )


class Problem(Exception):
    """A problem a builder finds in what it builds (two units on one range), at a normalised index;
    *zh* is the reason in Chinese."""

    def __init__(self, reason: str, position: int, *, zh: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.position = position
        self.zh = zh


def parse_text(
    parser: Lark,
    text: str | Normalised,
    start: str,
    kind: str,
    transform: Callable[[Any], Any] | None = None,
) -> Any:
    """*text* parsed by *parser* from the rule *start* (then *transform*-ed), every failure
    a :class:`kpi.KpiSyntaxError` that points into the caller's text and says what was expected.

    *text* is the caller's text, or part of it already normalised (see
    :mod:`kpi.text.clauses`); *kind* names it in messages (``tier text``, ``outcome``).
    """
    if isinstance(text, Normalised):
        normalised = text
    else:
        if not isinstance(text, str):
            raise TypeError(f"{kind} must be a str, not {type(text).__name__}")
        if (error := too_long(text, kind, MAX_TEXT_LENGTH)) is not None:
            raise error
        normalised = normalise(text)
    if not normalised.text.strip():
        raise KpiSyntaxError(
            f"cannot read {kind}: it is empty",
            normalised.source,
            normalised.source_position(0),
            zh=f"无法读取{kind_zh(kind)}：内容为空",
        )
    # The error is raised after its handler ends, and no variable holds it: either
    # would keep it, its frames and their callers' alive in a reference cycle.
    try:
        parsed = parser.parse(normalised.text, start=start)
        return parsed if transform is None else transform(parsed)
    except UnexpectedInput as error:
        reason, index, zh = _syntax_reason(error, normalised)
    except VisitError as error:
        if not isinstance(error.orig_exc, Problem):
            raise
        reason, index, zh = error.orig_exc.reason, error.orig_exc.position, error.orig_exc.zh or error.orig_exc.reason
    except Problem as problem:
        reason, index, zh = problem.reason, problem.position, problem.zh or problem.reason
    raise KpiSyntaxError(
        f"cannot read {kind}: {reason}",
        normalised.source,
        normalised.source_position(index),
        zh=f"无法读取{kind_zh(kind)}：{zh}",
    )


# Readable names for what the parser expected, most useful first.
_EXPECTED: Final = {
    "NUMBER": "a number",
    "CN_NUMBER": "a number",
    "PERCENT_WORDS": "a number",
    "MINUS": "a number",
    "_ORDINAL": "a number",
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
    "ABOVE_TO": "a dash (-, ~, 至)",
    "DOUBLE_DASH": "a dash (-, ~, 至)",
    "_WITH": "与",
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
    "RANK": "a rank (第5名, 前10名)",
    "NO_DEDUCTION": "负增长",  # a word naming a region by itself, as 负增长 does (没有扣分)
    "TARGET_COUNT": "a number of targets (两项指标…)",
    "ITEM_COUNT": "a number of targets (任意一项…)",
    "_TARGETS": "项指标",
    "_AMONG": "中任意",
    "_ITEM": "项",
    "_ALL": "均",
    "TARGET_OUTCOME": "完成, 超额完成 or 未完成",
    "OTHERWISE": "其余",
    "_AND": "且",
    "_AND_WORD": "且",
    "_COMMA": "且",
    "_ALSO": "且",
    "_OR": "或",
    "END": "the end of the text",
    "$END": "the end of the text",
}
_ORDER: Final = list(dict.fromkeys(_EXPECTED.values()))
# The same in Chinese; a name not listed is a word of the text (与, 之间, 且), quoted.
_EXPECTED_ZH: Final = {
    "a number": "数字",
    "a unit (%, 小时, 个工作日, …)": "单位（%、小时、个工作日等）",
    "a comparator (≥ > ≤ < =)": "比较符号（≥ > ≤ < =）",
    "a comparator word (不低于, 低于, …)": "比较词（不低于、低于等）",
    "以上, 以下 or 以内": "“以上”“以下”或“以内”",
    "a dash (-, ~, 至)": "连接符（-、~、至）",
    "a bracket": "括号",
    "a closing bracket": "右括号",
    "(含) or (不含)": "(含)或(不含)",
    "a metric name": "指标名称",
    "a rank (第5名, 前10名)": "名次（第5名、前10名）",
    "a number of targets (两项指标…)": "指标项数（两项指标…）",
    "a number of targets (任意一项…)": "指标项数（任意一项…）",
    "完成, 超额完成 or 未完成": "“完成”“超额完成”或“未完成”",
    "the end of the text": "文本结尾",
}


def _ranked(names: set[str]) -> list[str]:
    described = {_EXPECTED.get(name, name) for name in names}
    return sorted(described, key=lambda text: _ORDER.index(text) if text in _ORDER else len(_ORDER))


def _describe_expected(names: set[str]) -> str:
    ranked = _ranked(names)
    if not ranked:
        return "nothing more"
    if len(ranked) == 1:
        return ranked[0]
    return ", ".join(ranked[:-1]) + " or " + ranked[-1]


def _describe_expected_zh(names: set[str]) -> str:
    """What was expected, in Chinese: 数字、单位（…）或比较符号（…）; empty when nothing was."""
    ranked = [_EXPECTED_ZH.get(text, f"“{text}”") for text in _ranked(names)]
    return "或".join(["、".join(ranked[:-1]), ranked[-1]]) if len(ranked) > 1 else "".join(ranked)


@attrs.frozen
class _State:
    """Where an interactive parser stopped: its stack of states, and the parser to ask.

    Compared by the stack alone, the only thing the answer depends on."""

    stack: tuple[Any, ...]
    parser: Any = attrs.field(eq=False, hash=False)


@functools.lru_cache(maxsize=4096)
def _accepts(state: _State) -> frozenset[str]:
    accepted: frozenset[str] = frozenset(state.parser.accepts())
    return accepted


def _accepted(error: UnexpectedToken) -> set[str]:
    """The tokens the parser would really take where *error* stopped it.

    LALR states merge lookaheads of many contexts, so ``error.expected`` is
    too wide; asking costs a trial parse per terminal (about a millisecond),
    so the answer is remembered by the stack of states.
    """
    parser = error.interactive_parser
    if parser is None:
        return set(error.expected)
    state = parser.parser_state
    return set(_accepts(_State((id(state.parse_conf.parse_table), *state.state_stack), parser)))


def _syntax_reason(error: UnexpectedInput, normalised: Normalised) -> tuple[str, int, str]:
    """What the parser found and expected where it stopped, where (a normalised index), and the same in Chinese."""
    if isinstance(error, UnexpectedToken):
        token = error.token
        end = token.type == "$END"
        index = len(normalised.text) if end else token.start_pos or 0
        found = "the end of the text" if end else f"“{token}”"
        expected = _accepted(error)
    elif isinstance(error, UnexpectedCharacters):
        index = error.pos_in_stream or 0
        found = describe_character(normalised.text[index])
        expected = set(error.allowed or ())
    else:
        index = len(normalised.text)
        found = "the end of the text"
        expected = set(getattr(error, "expected", ()) or ())
    wanted = _describe_expected_zh(expected)
    if found == "the end of the text":
        zh = f"文本在此处结束，应为{wanted}" if wanted else "文本在此处结束"
    else:
        zh = f"{found}处应为{wanted}" if wanted else f"{found}处不应再有内容"
    return f"found {found}, expected {_describe_expected(expected)}", index, zh
