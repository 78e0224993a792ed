"""The Hypothesis plugin kpi registers, so that ``st.from_type(kpi.Criteria)`` works.

Hypothesis imports its plugins while it is itself being imported, and this
module may be what imported Hypothesis (a doctest collector importing it,
say): so Hypothesis, and kpi.strategies which needs it, load only when
:func:`setup` runs and when a strategy is asked for.
"""

from __future__ import annotations

from typing import Any

from kpi.grading.criteria import Criteria


def _criteria(_: type) -> Any:
    from kpi.strategies import criteria  # needs Hypothesis, imported by now

    return criteria()


def setup() -> None:
    """Register :func:`kpi.strategies.criteria` for :class:`kpi.Criteria`."""
    from hypothesis import strategies as st

    st.register_type_strategy(Criteria, _criteria)
