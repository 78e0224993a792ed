"""Reading tier texts: the functions callers use, and what a reading holds.

:func:`read_tier` reads a tier text with the grammar; a text it cannot read may
be a clause around a condition, which :mod:`kpi.text.clauses` cuts down to the
condition and the band label it names.  Typos that the grammar reads with a
correction (``85%--94%``) come back as such, so that grades can note them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from kpi.equivalents import equivalent_problem, same_scale, with_equivalent
from kpi.errors import KpiSyntaxError, too_long
from kpi.intervals import Bound, Interval, IntervalSet
from kpi.rules import BareValue, Comparison, Condition, Rule
from kpi.text.betterness import TRIGGERS, read_betterness
from kpi.text.building import CORRECTIONS, INCLUSIVE
from kpi.text.clauses import Clause, clause_first, per_point, read_clause
from kpi.text.equivalents import split_equivalent
from kpi.text.grammar import MAX_TEXT_LENGTH, parse_text
from kpi.text.item_numbers import refuse_glued_item_numbers
from kpi.text.normalise import Normalised, normalise
from kpi.text.parser import tier_parser
from kpi.text.per_minute import TRIGGER, read_per_minute
from kpi.text.words import WORDS
from kpi.units import PERCENT

__all__ = ["Reading", "parse_condition", "parse_rule", "read_tier", "read_tiers", "scale_items", "split_tiers"]

# A line break in any spelling: a carriage return alone is a Word paragraph's end pasted into a cell.
_TIER_SEPARATORS: Final = ("|", "｜", "\n", "\r", "\u2028", "\u2029")


def _check_inclusive(inclusive: Mapping[str, bool]) -> None:
    for word, value in inclusive.items():
        if word not in WORDS:
            raise ValueError(f"{word!r} is not a comparator word kpi knows; known words: {'、'.join(WORDS)}")
        if not isinstance(value, bool):
            raise TypeError(f"inclusive[{word!r}] must be True or False, not {value!r}")


@attrs.frozen
class Reading:
    """What a tier text says: its condition, the band label its clause names, the
    typos read with a correction (each as ``tier as written → tier as read``), the
    alternatives no figure can show and the consequences of the condition, set aside
    (…或直接判级确定: 直接判级确定), and the clauses of the condition without a figure, taken as met."""

    condition: Condition
    label: str | None = None
    corrections: tuple[str, ...] = ()
    set_aside: tuple[str, ...] = ()
    met: tuple[str, ...] = ()
    #: Notes the reading puts on every grade of its scale (``exception-assumed``).
    notes: tuple[str, ...] = ()
    #: The condition again in another unit, from brackets after its values (<5.18mmol/L(200mg/dl)).
    equivalent: Condition | None = None


def read_tier(text: str, *, inclusive: Mapping[str, bool] | None = None, label: str | None = None) -> Reading:
    """The reading of a tier text; raises :class:`kpi.KpiSyntaxError`.

    The grammar reads the text as it is; a text it cannot read may be a clause
    around a condition (``考核得分在90分以上的为优秀``), which :mod:`kpi.text.clauses`
    cuts down to the condition and its label.  *label* is the caller's name for
    the tier's band, which such a clause may repeat.  Tables repeat the same few
    tier texts row after row, so readings are cached (they are immutable).
    """
    if not isinstance(text, str):
        raise TypeError(f"tier text must be a str, not {type(text).__name__}")
    if (error := too_long(text, "tier text", MAX_TEXT_LENGTH)) is not None:
        raise error
    if inclusive:
        _check_inclusive(inclusive)
        reset = INCLUSIVE.set(inclusive)
        try:
            return _fits(_read(text, label), text)
        finally:
            INCLUSIVE.reset(reset)
    return _read_cached(text, label)


def _read(text: str, label: str | None) -> Reading:
    normalised = normalise(text)
    if TRIGGERS[0] in normalised.text or TRIGGERS[1] in normalised.text:
        normalised = read_betterness(normalised)  # 等于或优于0.02,而低于0.05: the other bound says which way
    if TRIGGER in normalised.text:
        normalised = read_per_minute(normalised)  # 每分钟小于60次: 次/分钟
    twice = split_equivalent(normalised) if "(" in normalised.text else None
    if twice is None:
        return _bare_beside_condition(_read_normalised(normalised, label), normalised)
    # <5.18mmol/L(200mg/dl): read as written and in the bracket's unit, a second scale (kpi.equivalents).
    main, other = _read_normalised(twice.main, label), _read_normalised(twice.other, label)
    if same_scale(main.condition, other.condition):
        return _read_normalised(normalised, label)
    problem = equivalent_problem(main.condition, other.condition)
    if problem is not None:
        raise KpiSyntaxError(
            f"cannot read tier text: {problem[0]}", text, twice.at, zh=f"无法读取评价标准：{problem[1]}"
        )
    return attrs.evolve(main, equivalent=other.condition)


# A bracket that holds a condition: a number and a comparator word, a dash or a sign (（80-100分）, (80分以上)).
_CONDITION_IN_BRACKETS: Final = re.compile(
    r"\((?=[^()]*[0-9零〇一二两三四五六七八九十])[^()]*(?:以上|以下|以内|以外|不足|超过|低于|高于|[-~至到<>≥≤])[^()]*\)"
)


def _bare_beside_condition(reading: Reading, normalised: Normalised) -> Reading:
    """Refuse a bare value beside a condition in brackets (得3分（80-100分）, 4星(80分以上)): it read the
    points or the grade outside as the tier's value and dropped the condition, so 75分 got the best band."""
    found = _CONDITION_IN_BRACKETS.search(normalised.text) if isinstance(reading.condition, BareValue) else None
    if found is None:
        return reading
    raise KpiSyntaxError(
        f"cannot read tier text: “{found.group()}” holds a condition beside the value {reading.condition}:"
        " write the condition alone",
        normalised.source,
        normalised.source_position(found.start()),
        zh=f"无法读取评价标准：“{found.group()}”中是一个条件，旁边另有数值{reading.condition}：请只写条件",
    )


def _read_normalised(normalised: Normalised, label: str | None) -> Reading:
    if clause_first(normalised.text, label):
        # 低热37.5~38.0℃, 90分以上评为优秀, ≥90%,计5分: the band's name, or its points, are no metric name.
        clause = read_clause(normalised, label)
        return _with_clause(_read_condition(clause.condition), clause)
    try:
        return _read_condition(normalised)
    except KpiSyntaxError as error:
        failure = error
    clause = read_clause(normalised, label)
    if not clause.changed or not clause.condition.text.strip():
        raise failure.with_traceback(None)
    return _with_clause(_read_condition(clause.condition), clause)


def _with_clause(reading: Reading, clause: Clause) -> Reading:
    return attrs.evolve(reading, label=clause.label, set_aside=clause.set_aside, met=clause.met, notes=clause.notes)


def _read_condition(text: Normalised) -> Reading:
    found: list[tuple[int, int, str]] = []
    reset = CORRECTIONS.set(found)
    try:
        condition: Condition = parse_text(tier_parser(), text, "start", "tier text")
    finally:
        CORRECTIONS.reset(reset)
    return Reading(
        condition, None, tuple(_corrected(text, start, end, fix) for start, end, fix in found) if found else ()
    )


def _corrected(normalised: Normalised, start: int, end: int, fix: str) -> str:
    """``as written → as read`` for a typo at ``normalised.text[start:end]`` read as *fix*."""
    source = normalised.source
    begin, finish = normalised.source_position(start), normalised.source_position(end - 1) + 1
    return f"{source.strip()} → {(source[:begin] + fix + source[finish:]).strip()}"


@functools.lru_cache(maxsize=16_384)
def _read_cached(text: str, label: str | None) -> Reading:
    return _fits(_read(text, label), text)


def parse_condition(text: str, *, inclusive: Mapping[str, bool] | None = None) -> Condition:
    """The condition a tier text states; raises :class:`kpi.KpiSyntaxError`."""
    return read_tier(text, inclusive=inclusive).condition


def parse_rule(text: str, *, inclusive: Mapping[str, bool] | None = None, label: str | None = None) -> Rule:
    """Parse one tier text into a :class:`kpi.Rule`.

    *inclusive* overrides whether a comparator word includes its number,
    e.g. ``{"以下": False}`` for regulations that read 以下 as exclusive;
    *label* is the name of the tier's band, which a clause may repeat
    (``低热为37.3至38℃``).  Raises :class:`kpi.KpiSyntaxError` for anything it
    cannot read.

    >>> parse_rule("９５％以上")
    <Rule('≥95%')>
    >>> parse_rule("设备完好率<90%且≥80%")
    <Rule('设备完好率≥80%且<90%')>
    >>> parse_rule("考核得分在90分以上的为优秀").label
    '优秀'
    """
    reading = read_tier(text, inclusive=inclusive, label=label)
    rule = Rule(
        reading.condition,
        text,
        label=reading.label,
        corrections=reading.corrections,
        set_aside=reading.set_aside,
        met=reading.met,
        notes=(*reading.notes, *(("condition-met",) if reading.met else ())),
    )
    return with_equivalent(rule, reading.equivalent)


def read_tiers(
    tiers: Sequence[str | Rule],
    names: Sequence[str],
    *,
    inclusive: Mapping[str, bool] | None = None,
    labels: Sequence[str] | None = None,
) -> list[Rule]:
    """The rules of a tier set, best first; a tier that cannot be read raises
    :class:`kpi.KpiSyntaxError` naming it by its label (*labels*, else *names*).

    The best or the worst tier, when it cannot be read alone, may be read from the
    other tiers (see :func:`_from_the_others`): ``完成(20分)`` and ``全部完成`` as 100% or
    more of the ratio they grade, ``未完成计划的`` as less, and a last tier that is only a
    scoring formula (``每超过一个百分点扣0.5分,扣完为止``) as what lies beyond them (``>100%``).
    """
    if tiers and isinstance(tiers[0], str) and tiers[0][:1] in _DIGITS:
        refuse_glued_item_numbers(tiers)
    rules: list[Rule] = []
    failed: list[tuple[int, KpiSyntaxError]] = []
    for index, tier in enumerate(tiers):
        if isinstance(tier, Rule):
            rules.append(tier)
            continue
        hint = labels[index] if labels is not None and index < len(labels) else None
        try:
            rules.append(parse_rule(tier, inclusive=inclusive, label=hint))
        except KpiSyntaxError as error:
            label = hint or names[index]
            failed.append(
                (
                    index,
                    KpiSyntaxError(
                        f"tier {index + 1} ({label}): {error.reason}",
                        error.text,
                        error.position,
                        zh=f"第{index + 1}档（{label}）：{error.reason_zh or error.reason}",
                    ),
                )
            )
            if len(failed) > 1 or index not in (0, len(tiers) - 1):
                raise failed[0][1] from None
    if failed:
        index, failure = failed[0]
        hint = labels[index] if labels is not None and index < len(labels) else None
        read = _from_the_others(tiers[index], index == 0, rules, hint)
        if read is None:
            raise failure.with_traceback(None)
        rules.insert(index, read)
    if labels is None:
        return rules
    return [_named_otherwise(rule, index, labels) for index, rule in enumerate(rules)]


# What a tier numbered as a list item may start with (1 and its full-width form, after a space).
_DIGITS: Final = frozenset(" 1１\u3000")


@functools.lru_cache(maxsize=4096)
def _names_band(text: str, label: str) -> str | None:
    """The name a tier written as a clause gives the band the caller calls *label*, if any (…为良好 names 良好)."""
    return read_clause(normalise(text), label).label


def _named_otherwise(rule: Rule, index: int, labels: Sequence[str]) -> Rule:
    """*rule*, or when its clause names no band of its own but another tier's (…的为良好 in the tier the
    caller calls 优秀; 属于高血压 in 理想血压's), *rule* with that name, which the caller's labels then
    contradict: a verdict is read through only when it names no band of the set."""
    if rule.label is not None:
        return rule
    for other, label in enumerate(labels):
        if other != index and (named := _names_band(rule.text, label)) is not None:
            return attrs.evolve(rule, label=named)
    return rule


# A tier that says the work is done in full and writes no figure: 完成, 全部完成, 资金全部到位, 总资金所有到位.
# A subject needs 全部/所有/全面 after it (按时完成, 基本完成 and 未完成 say something else).
_FULLY: Final = re.compile(
    r"(?:(?:(?P<subject>(?:(?!未|不|没|非|无|基本|部分|大部|尚|待)[^\W\d_]){1,8}?))?(?:全部|所有|全面))?"
    r"(?P<verb>完成|到位)[。.;!\s]*"
)
# A tier that says the plan was not met and writes no figure: 未完成, 未完成计划(的), 没有完成任务.
_UNDONE: Final = re.compile(r"(?:未|没有|没)(?P<verb>完成|到位)(?:计划|任务|目标)?[。.;!\s]*")
# What a ratio of the verb is called: 完成, 完成率, 完成比例; 到位率; 资金到位率.
_RATIO_NAMES: Final = ("", "率", "比例", "比率")
_FULL: Final = Decimal(100)


def _from_the_others(text: str | Rule, best: bool, others: Sequence[Rule], label: str | None) -> Rule | None:
    """The best or worst tier *text*, which names no figure, read from the *others*, or ``None``.

    A tier of full completion (完成, 全部完成, 资金全部到位) as the best is ``≥100%``, and one of
    the plan not met (未完成计划) as the worst ``<100%``, of the ratio the others grade: each must
    be a percentage of one metric named for the verb (完成, 完成率, 完成比例; 到位率), their bounds
    all below 100% (all at 100% or more for 未完成).  Such a rule carries the note
    ``full-completion`` onto every grade of its scale.  A worst tier of nothing but a scoring
    formula per point (每超过一个百分点扣0.5分) is what lies beyond the others (>100% after ≤100%),
    when they cover one span in percent that ends where the formula begins counting.
    """
    if isinstance(text, Rule):
        return None
    normalised = normalise(text)
    side = None if best else per_point(normalised.text)
    if side is not None:
        rest = _beyond(side, others)
        return None if rest is None else Rule(rest, text)
    clause = read_clause(normalised, label)
    words = (_FULLY if best else _UNDONE).fullmatch(clause.condition.text.strip())
    leaves = [leaf for rule in others for leaf in rule.condition.leaves()]
    if words is None or not leaves:
        return None
    metrics = {leaf.metric for leaf in leaves}
    metric = metrics.pop() if len(metrics) == 1 else None
    subjects = ("", words.groupdict().get("subject") or "")
    if metric is None or metric not in {s + words["verb"] + n for s in subjects for n in _RATIO_NAMES}:
        return None
    for leaf in leaves:
        values = [leaf.value] if isinstance(leaf, BareValue) else [b.value for b in _ends(leaf)]
        if leaf.unit is not PERCENT or (max(values) >= _FULL if best else min(values) < _FULL):
            return None
    interval = Interval(Bound(_FULL), None) if best else Interval(None, Bound(_FULL, closed=False))
    return Rule(Comparison(interval, PERCENT, metric), text, label=clause.label, notes=("full-completion",))


def _ends(leaf: Comparison) -> list[Bound]:
    return [bound for bound in (leaf.interval.lower, leaf.interval.upper) if bound is not None]


def _beyond(side: str, others: Sequence[Rule]) -> Comparison | None:
    """What lies beyond the tiers *others* on *side* (``"above"``: >100% after ≤100%, or after
    90%-100% | ≤90%), when they grade one metric in percent and together cover one span that runs
    from the far end to a bound on that side; else ``None``."""
    metrics = {metric for rule in others for metric in rule.metrics}
    leaves = [leaf for rule in others for leaf in rule.condition.leaves()]
    if len(metrics) != 1 or not leaves or any(leaf.unit is not PERCENT for leaf in leaves):
        return None
    metric = metrics.pop()
    region = functools.reduce(IntervalSet.union, (rule.condition.region(metric) for rule in others))
    if len(region.intervals) != 1:
        return None
    span = region.intervals[0]
    near, far = (span.upper, span.lower) if side == "above" else (span.lower, span.upper)
    if near is None or far is not None:
        return None
    end = Bound(near.value, not near.closed)
    return Comparison(Interval(end, None) if side == "above" else Interval(None, end), PERCENT, metric)


def _fits(reading: Reading, text: str) -> Reading:
    """*reading*, when its canonical text is short enough to be read back (quotes or
    expanded magnitudes can make it longer than the text as written)."""
    canonical = str(reading.condition)
    if len(canonical) > MAX_TEXT_LENGTH:
        raise KpiSyntaxError(
            f"cannot read tier text: its canonical form ({len(canonical)} characters) would be longer than"
            f" {MAX_TEXT_LENGTH}",
            text[:60] + ("…" if len(text) > 60 else ""),
            min(len(text), 60),
            zh=f"无法读取评价标准：其规范写法（{len(canonical)} 个字符）将超过 {MAX_TEXT_LENGTH} 个字符",
        )
    return reading


def split_tiers(text: str, *, semicolons: bool = False) -> list[str]:
    """The tier texts of one text that holds them all, separated by ``|`` or line breaks.

    A sheet's one 评价标准 cell may separate them by semicolons instead
    (``优：95%以上；良：85%-95%；…``): with *semicolons*, a cell with no other
    separator is split at them.
    """
    for separator in _TIER_SEPARATORS[1:]:
        text = text.replace(separator, _TIER_SEPARATORS[0])
    if semicolons and _TIER_SEPARATORS[0] not in text:
        text = text.replace("；", _TIER_SEPARATORS[0]).replace(";", _TIER_SEPARATORS[0])
    return [part for part in text.split(_TIER_SEPARATORS[0]) if part.strip()]


def scale_items(text: str) -> list[tuple[str | None, str]]:
    """The labelled items of a scale written in one text, each band's name and its tier: 优(90-100分),
    A（≥90分）, “A优秀”-[90-100].  Failing that form, the items of a scale whose clauses name their
    bands (``A级：90分以上；B级：75-89分``, ``90分以上为优秀，80-89分为良好``), with no name: at
    semicolons, or failing them at commas, never one between digits (1,000人), failing those at 、.
    Whether every such item names its band is for the caller to check: one that does not was cut
    from its tier."""
    text = _LINE_BREAK.sub(" ", text)
    items = [(quoted or label, interval or tier) for quoted, interval, label, tier in _SCALE_ITEM.findall(text)]
    if items and not _SCALE_ITEM.sub("", text).strip(_SCALE_SEPARATORS):
        return list(items)
    for separators in (_SCALE_SEMICOLONS, _SCALE_COMMAS, _SCALE_ENUMERATION):
        pieces = [piece.strip() for piece in separators.split(text)]
        if len(pieces) > 1:
            return [(None, piece) for piece in pieces if piece]
    return [(None, text.strip())]


# One labelled band of a scale: 优(90-100分) or A（≥90分）, or a quoted label before an interval: “A优秀”-[90-100].
_SCALE_ITEM: Final = re.compile(
    r"\s*(?:[“\"]([^”\"]+)[”\"]\s*[-–—:：]?\s*([\[(][^\[\]()]+[\])])|([^\s(（)）、,，;；|]+)\s*[(（]([^()（）]+)[)）])"
)
_SCALE_SEPARATORS: Final = " \t、,，;；|"
# A line break a scale copied from a web page keeps: 良好（6-7）<br />较差（4-5分）.
_LINE_BREAK: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SCALE_SEMICOLONS: Final = re.compile(r"[;；|｜\n]")
_SCALE_COMMAS: Final = re.compile(r"，|,(?![0-9])|(?<![0-9]),")
_SCALE_ENUMERATION: Final = re.compile("、")
