"""The Hypothesis plugin kpi registers, so that ``st.from_type(kpi.Criteria)`` works.

Hypothesis imports its plugins while it is itself being imported, and
kpi.strategies imports Hypothesis, so this module loads kpi (and with it
Lark) only when Hypothesis calls :func:`setup`, and kpi.strategies only when
a strategy is asked for.
"""

from __future__ import annotations

from typing import Any


def _criteria(_: type) -> Any:
    from kpi.strategies import criteria

    return criteria()


def setup() -> None:
    """Register :func:`kpi.strategies.criteria` for :class:`kpi.Criteria`."""
    from hypothesis import strategies as st

    from kpi.grading.criteria import Criteria

    st.register_type_strategy(Criteria, _criteria)
