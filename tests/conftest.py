"""Test settings: the case tables in tests/ import as a plain module."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# The benchmarks print figures; they are run by hand, never collected.
collect_ignore = ["benchmarks"]
