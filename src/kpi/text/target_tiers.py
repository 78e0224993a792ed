"""Tiers about the indicator's own targets (两项指标中任意一项超额完成且高于1%): their builder.

The counts and the outcome words become a :class:`kpi.targets.Quantified`, checked against the
indicator's targets when the tier set is bound to them (:mod:`kpi.grading.model`).
"""

from __future__ import annotations

from typing import Any

from lark import Token

from kpi.intervals import Bound, Interval
from kpi.targets import Quantified, TargetOutcome
from kpi.text.building import INCLUSIVE, Located
from kpi.text.grammar import Problem
from kpi.text.quantities import chinese_value, start_of
from kpi.text.words import Side, meaning_of
from kpi.units import PERCENT

__all__ = ["TargetTierBuilder"]


class TargetTierBuilder:
    """The callbacks of the grammar's ``quantified`` and ``margin`` rules; a part of
    :class:`kpi.text.parser.TierBuilder`."""

    def _quantified(self, total: Token, at_least: Token | None, outcome: Token, margin: Interval | None) -> Located:
        def count(token: Token) -> int:
            text = str(token)
            return int(text) if text.isdigit() else int(chinese_value(token))

        items = None if at_least is None else count(at_least)
        whole = count(total)
        if at_least is not None and items is not None and not 0 < items <= whole:
            raise Problem(
                f"{items} of {whole} targets cannot be", start_of(at_least), zh=f"{whole}项指标中不可能有{items}项"
            )
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
        if unit is None:
            # 超额完成且高于1: 1% or 1 of the target's own unit (1万人)?  Not guessed.
            raise Problem(
                "a margin needs its unit: write it in percent (1%)",
                written.start,
                zh="幅度应写明单位：请以百分比书写（1%）",
            )
        if unit is not PERCENT:
            raise Problem(
                f"a margin is in percentage points, not {unit}", written.start, zh=f"幅度应以百分点计，而不是{unit}"
            )
        meaning = meaning_of(str(word), INCLUSIVE.get())
        bound = Bound(written.quantity.value, meaning.inclusive)
        return Interval(bound, None) if meaning.side is Side.LOWER else Interval(None, bound)
