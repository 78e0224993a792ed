"""What the builders of a tier text share while a parse is under way.

The parser's builders (:mod:`kpi.text.parser`, :mod:`kpi.text.ranks`, :mod:`kpi.text.target_tiers`) run inside
Lark's LALR parser, one callback per rule matched: what they pass up is a condition with
where its text starts, and what they read of the caller comes through context variables,
one value per parse.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar

import attrs

from kpi.rules import Comparison, Condition
from kpi.text.grammar import Problem

__all__ = ["CORRECTIONS", "INCLUSIVE", "Located"]

# The caller's inclusivity overrides for the parse under way ({"以下": False}).
INCLUSIVE: ContextVar[Mapping[str, bool] | None] = ContextVar("kpi_inclusive", default=None)
# The typos read with a correction during the parse under way: (start, end, read as).
CORRECTIONS: ContextVar[list[tuple[int, int, str]]] = ContextVar("kpi_corrections")


@attrs.frozen
class Located:
    """A condition and where its text starts; ``named_after``: its metric is the noun after its value.

    ``continues``: the clause may instead be a second bound on a share, with no name of its own
    (``、未超过扣除项目金额100%``; :func:`kpi.text.shares.continues`), as it is right after a share of the
    same base; ``refused``: why the clause cannot be read when it is not.
    """

    condition: Condition
    start: int
    named_after: bool = False
    continues: Comparison | None = None
    refused: Problem | None = None
