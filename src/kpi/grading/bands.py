"""Evaluation bands: one per tier of a tier set, best first.

A tier set has 2 to 10 bands (优/良/中/差, 优秀/合格/不合格, A–E, 一档…五档);
how many, and what they are called, belongs to the tier set (see
:class:`kpi.Criteria`).  A band is its place (``index`` 0 is the best) and
its label; bands compare by merit: a better band is greater.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

import attrs

from kpi.equivalents import join_equivalents
from kpi.rules import Rule, any_of

__all__ = ["BAND_LABELS", "MAX_BANDS", "MIN_BANDS", "Band", "default_labels", "one_band_each"]

#: The labels of the national evaluation scale, best first: the default for four tiers.
BAND_LABELS: Final = ("优", "良", "中", "差")
#: How many bands a tier set may have.
MIN_BANDS: Final = 2
MAX_BANDS: Final = 10


@functools.total_ordering
@attrs.frozen(order=False)
class Band:
    """A band of a tier set: ``index`` 0 is the best, ``label`` the document's name for it."""

    index: int
    label: str

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Band):
            return NotImplemented
        return self.index > other.index  # a higher index is a worse band

    def __str__(self) -> str:
        return self.label


def default_labels(count: int) -> tuple[str, ...]:
    """The band names of a tier set that names none: 优良中差 for four tiers, 第1档… otherwise.

    >>> default_labels(4), default_labels(3)
    (('优', '良', '中', '差'), ('第1档', '第2档', '第3档'))
    """
    return BAND_LABELS if count == len(BAND_LABELS) else tuple(f"第{number}档" for number in range(1, count + 1))


def one_band_each(rules: Sequence[Rule], labels: Sequence[str]) -> tuple[tuple[Rule, ...], tuple[str, ...]]:
    """Neighbouring tiers a document gives one label (``250~350`` and ``350~500``, both 严重污染)
    as one band, their conditions joined by 或 and their texts by ；.  The band is marked ``joined``:
    a label typed twice by mistake (优, 优, 差 for 优, 良, 差) would join two bands, so every grade in
    it carries the note ``joined`` and lint reports it.  Any other label given twice stays, for the
    check of the labels to refuse.

    >>> from kpi import parse_rule
    >>> rules, labels = one_band_each([parse_rule(t) for t in ("0~35", "35~75", "75~115")], ["优", "良", "良"])
    >>> [str(rule) for rule in rules], [rule.text for rule in rules], [rule.joined for rule in rules], labels
    (['0-35', '35-75或75-115'], ['0~35', '35~75；75~115'], [False, True], ('优', '良'))
    """
    if len(rules) != len(labels):
        return tuple(rules), tuple(labels)
    joined: list[Rule] = []
    names: list[str] = []
    for rule, label in zip(rules, labels, strict=True):
        if names and names[-1] == label:
            last = joined[-1]
            together = attrs.evolve(
                last,
                condition=any_of([last.condition, rule.condition]),
                text=f"{last.text}；{rule.text}",
                corrections=(*last.corrections, *rule.corrections),
                set_aside=(*last.set_aside, *rule.set_aside),
                met=(*last.met, *rule.met),
                notes=tuple(dict.fromkeys((*last.notes, *rule.notes))),
                joined=True,
            )
            joined[-1] = join_equivalents(last, rule, together)  # <3mmol/L(100mg/dl)；3~5mmol/L(100~190mg/dl)
        else:
            joined.append(rule)
            names.append(label)
    return tuple(joined), tuple(names)
