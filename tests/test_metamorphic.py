"""Meaning-preserving rewrites of the real tier sets grade alike (tests/metamorph.py).

Each tier of every set kpi reads, and of the seed, is rewritten in ways that keep
its meaning (full-width and half-width characters, 以上 and 及以上, ≥, a closing 。
or ；, Chinese numerals, the range's dash, （含） on an inclusive bound, a space
before the unit, 不低于, 在…之间, a clause around the condition).  A rewrite may be
refused, or grade an outcome with a note of the typo it read; it must never give
a labelled outcome or a bound another band or other notes silently.
"""

from __future__ import annotations

from metamorph import differences


def test_no_rewrite_of_a_real_tier_misreads_silently() -> None:
    silent = [line for quiet, line in differences() if quiet]
    assert silent == [], "\n".join(silent)
