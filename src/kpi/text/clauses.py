"""Tiers written as clauses: the words around a condition, and an inline band label.

Authors wrap the condition of a tier in a clause: ``当合格率在90%以上时``,
``出勤率不足80%者。``, ``考核得分在90分以上的为优秀``, ``优秀：90分以上``,
``A级（≥90分）``, ``完成80%以上(16分到19分)``.  :func:`read_clause` finds the
condition inside such a clause, and the band label the clause names, so that
the grammar sees the condition alone.  It only cuts text away: what remains
keeps, character by character, its place in the tier as written, so an error
still points into the author's text.  The tier's text as written stays the one
explanations quote.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from kpi.text.normalise import Normalised, normalise

__all__ = ["BAND_WORDS", "Clause", "begins_with_label", "read_clause"]

# Words that introduce a condition: 当…时, 凡…的, 如果…, 指标值为….
_LEADING: Final = re.compile(r"^(?:当|凡|如果|如|若|对于|指标值为|其中|即|相当于)\s*")
# A condition followed by what follows from it: …不满一年的，试用期不得超过一个月; 六個月以上一年未滿者,三日.
_CONSEQUENCE: Final = re.compile(r"(?:的|者)\s*[,:;]")
# Words that close a clause after its condition, longest first.
_TRAILING: Final = re.compile(
    r"(?:的部分|的地区|的单位|的企业|的情况|的情形|的时候|的|者|时|之时|[,;。.!、:\s]|则|就)+$"
)
# A label the clause names after the condition: …的为优秀, …评为良好, …属于合格等级, …为A级.
_LABEL_AFTER: Final = re.compile(
    r"(?:的|者|时)?(?:[,;]\s*[^\d,;。]{1,10}?)?[,;:\s]*(?:则|即)?(?:评定为|评为|定为|确定为|认定为|为|属于|属|是|即为|记为|列为|计为|视为)"
    r"\s*[“\"「]?(?P<label>[^\d\s“”\"「」%≥≤<>=()\[\],;。.、:·-]{1,8}?)[”\"」]?"
    r"(?:等级|等次|档次|级别|档)?[,;。.!\s]*$"
)
# A label named before the condition: 优秀：90分以上, A级(≥90分).
_LABEL_BEFORE: Final = re.compile(r"^(?P<label>[^\d\s:()\[\]%≥≤<>=,;。.、-]{1,8}?)\s*[:：]\s*")
_LABEL_AROUND: Final = re.compile(r"^(?P<label>[^\d\s:()\[\]%≥≤<>=,;。.、-]{1,8}?)\s*\((?P<condition>[^()]+)\)\s*$")
# A parenthetical that is a note, not part of the condition: (下同), (10分到13分), (200mg/dl).
# An inclusion note (含80分), (不含), (包括80分) belongs to the condition and stays.
_NOTE: Final = re.compile(r"\((?!不?(?:包?含|包括))[^()]*\)")
#: Words that name bands, for a clause that names a band the caller did not.
BAND_WORDS: Final = re.compile(
    r"^(?:优秀|优良|优|良好|良|较好|好|中等|中|一般|较差|差|合格|不合格|及格|不及格|达标|基本达标|不达标|"
    r"称职|基本称职|不称职|满意|基本满意|不满意|[A-E]级?|[甲乙丙丁]等?|[一二三四五六七八九十]+(?:级|档|等|类)|"
    r"第[一二三四五六七八九十0-9]+(?:级|档|等|类))$"
)


@attrs.frozen
class Clause:
    """The condition of a tier (a :class:`~kpi.text.normalise.Normalised` that maps back
    to the tier as written) and the band label the clause names, if any."""

    condition: Normalised
    label: str | None = None

    @property
    def changed(self) -> bool:
        return self.condition.text != self.condition.source


def _cut(text: Normalised, keep: list[tuple[int, int]]) -> Normalised:
    """*text* with only the spans *keep* (start, end) left, each character keeping its source index."""
    chars: list[str] = []
    origin: list[int] = []
    for start, end in keep:
        chars.append(text.text[start:end])
        origin.extend(text.origin[start:end])
    return Normalised("".join(chars), tuple(origin), text.source)


def _spans_without(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` that *pattern* does not match."""
    spans: list[tuple[int, int]] = []
    position = start
    for match in pattern.finditer(text, start, end):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < end:
        spans.append((position, end))
    return spans


def _is_label(word: str, hint: str | None) -> bool:
    """Whether *word* names a band: the caller's label for the tier, or a band word."""
    bare = word.strip('“”"「」')
    if hint is not None:
        return bare == hint or bare.rstrip("级等档") == hint.rstrip("级等档")
    return BAND_WORDS.match(bare) is not None


def begins_with_label(text: str, label: str) -> int:
    """How much of *text* its band's *label* takes up front (with a joining 为, 是, ：, 相当于),
    or 0 when it does not begin with it: 低热37.5~38.0℃ begins with 低热, 优秀率≥90% not with 优."""
    name = normalise(label).text.strip()
    if not name or not text.startswith(name):
        return 0
    rest = _AFTER_LABEL.match(text, len(name))
    assert rest is not None
    if rest.end() == len(name) and len(text) > len(name) and not _STARTS_VALUE.match(text, len(name)):
        return 0  # 优秀率: the label runs on into a word
    return rest.end()


_AFTER_LABEL: Final = re.compile(r"\s*(?:[:,]|为|是|即|相当于)?\s*")
_STARTS_VALUE: Final = re.compile(r"[-−0-9零〇一二两三四五六七八九十百<>=≥≤≦≧\[(~\s]|百分之|千分之")


def read_clause(tier: Normalised, label: str | None = None) -> Clause:
    """The condition inside a tier written as a clause, and the band label it names.

    *label* is the caller's name for the tier's band, when known: a clause may
    then name it anywhere a band word could stand (低热为37.3至38℃).

    >>> from kpi.text.normalise import normalise
    >>> clause = read_clause(normalise("考核得分在90分以上的为优秀"))
    >>> clause.condition.text, clause.label
    ('考核得分在90分以上', '优秀')
    >>> read_clause(normalise("当合格率在90%以上时")).condition.text
    '合格率在90%以上'
    >>> read_clause(normalise("A级（≥90分）")).condition.text, read_clause(normalise("A级（≥90分）")).label
    ('≥90分', 'A级')
    """
    text = tier.text
    start, end = 0, len(text.rstrip())
    found: str | None = None
    around = _LABEL_AROUND.match(text)
    if around and _is_label(around.group("label"), label):
        found = around.group("label")
        start, end = around.start("condition"), around.end("condition")
    before = _LABEL_BEFORE.match(text, start, end) if found is None else None
    if before and _is_label(before.group("label"), label):
        found, start = before.group("label"), before.end()
    if found is None and label is not None:
        named = begins_with_label(text[start:end], label)
        if named:
            # The tier begins with its own band's name: 优90-100分, 低热为37.3至38℃, 1级,BMI 30~34.9.
            found, start = label, start + named
    leading = _LEADING.match(text, start, end)
    if leading:
        start = leading.end()
    spans = _spans_without(text, start, end, _NOTE)
    kept = _cut(tier, spans)
    consequence = _CONSEQUENCE.search(kept.text)
    if consequence and consequence.start() > 0:
        kept = _cut(kept, [(0, consequence.start())])
    if found is None:
        after = _LABEL_AFTER.search(kept.text)
        if after and _is_label(after.group("label"), label):
            found = after.group("label")
            kept = _cut(kept, [(0, after.start())])
    trailing = _TRAILING.search(kept.text)
    if trailing and trailing.start() > 0:
        kept = _cut(kept, [(0, trailing.start())])
    return Clause(kept, found)
