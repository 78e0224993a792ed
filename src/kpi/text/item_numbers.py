"""Tiers numbered as a list with the number glued to the figure: ``1.95%以上 | 2.85%-95% | …``.

An author who numbers the lines of a 评价标准 cell writes ``1.95%以上`` for
item 1, 95% or more; the grammar, rightly, reads the figure 1.95%.  Where
every tier of a set starts with its own position and a point (1., 2., 3., …)
right before a digit, the two readings cannot be told apart: the set is
refused, so that no figure is graded against 1.95% when 95% was meant.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

from kpi.errors import KpiSyntaxError

__all__ = ["refuse_glued_item_numbers"]

# A tier's start: its item number, a point, and the digit that follows, in any width (１．95%).
_NUMBERED: Final = re.compile(r"\s*([0-9]{1,2})\.\s*[0-9]")


def refuse_glued_item_numbers(tiers: Sequence[object]) -> None:
    """Raise :class:`KpiSyntaxError` when every tier text starts ``N.`` and a digit, N its position."""
    if len(tiers) < 2:
        return
    for position, tier in enumerate(tiers, 1):
        if not isinstance(tier, str):
            return
        match = _NUMBERED.match(unicodedata.normalize("NFKC", tier[:8]))
        if match is None or int(match.group(1)) != position:
            return
    first = tiers[0]
    assert isinstance(first, str)
    raise KpiSyntaxError(
        f"every tier starts with its own number and a point ({first.strip()[:8]}…): an item number"
        " before a figure (1. 95%) or a figure (1.95%)? Write the tiers without their numbers",
        first,
        len(first) - len(first.lstrip()),
        zh=f"每一档都以其序号加点开头（{first.strip()[:8]}…）：是编号加数字（1. 95%），还是一个数（1.95%）？"
        "请去掉各档的编号后再读取",
    )
