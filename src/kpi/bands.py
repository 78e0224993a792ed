"""The four evaluation bands, 优 良 中 差, best first.

Bands compare by merit: ``Band.EXCELLENT > Band.POOR``.  Documents from
other places name the bands A/B/C/D or 一档…四档; those names are labels a
:class:`kpi.Criteria` carries, while the band itself stays one of these four.
"""

from __future__ import annotations

import enum
import functools
from typing import Final

__all__ = ["BAND_LABELS", "Band"]

#: The labels of the national evaluation scale, best first.
BAND_LABELS: Final = ("优", "良", "中", "差")
_ENGLISH: Final = ("excellent", "good", "fair", "poor")


@functools.total_ordering
class Band(enum.Enum):
    """One of the four bands; ``index`` 0 is the best."""

    EXCELLENT = 0
    GOOD = 1
    FAIR = 2
    POOR = 3

    # _value_ rather than value: Enum.value is a descriptor, slow in a loop over rows.
    @property
    def index(self) -> int:
        index: int = self._value_
        return index

    @property
    def label(self) -> str:
        """The Chinese label: 优, 良, 中 or 差."""
        return BAND_LABELS[self._value_]

    @property
    def english(self) -> str:
        return _ENGLISH[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Band):
            return NotImplemented
        return self.value > other.value  # a higher index is a worse band

    def __str__(self) -> str:
        return self.label
