"""What the tier builder hands up the parse: a condition and where its text starts.

The builder (:mod:`kpi.text.parser`, with the ranks of :mod:`kpi.text.ranks`) runs inside the
LALR parser, where no tree keeps positions; each piece carries its own, for error messages.
"""

from __future__ import annotations

import attrs

from kpi.rules import Condition

__all__ = ["Located"]


@attrs.frozen
class Located:
    """A condition and where its text starts; ``named_after``: its metric is the noun after its value."""

    condition: Condition
    start: int
    named_after: bool = False
