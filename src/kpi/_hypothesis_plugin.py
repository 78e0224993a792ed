"""The Hypothesis plugin kpi registers, so that ``st.from_type(kpi.Criteria)`` works.

Hypothesis imports its plugins while it is itself being imported, so this
module imports nothing from kpi.strategies until a strategy is asked for.
"""

from __future__ import annotations

from typing import Any


def _criteria(_: type) -> Any:
    from kpi.strategies import criteria

    return criteria()


def setup() -> None:
    """Register :func:`kpi.strategies.criteria` for :class:`kpi.Criteria`."""
    from hypothesis import strategies as st

    from kpi.criteria import Criteria

    st.register_type_strategy(Criteria, _criteria)
