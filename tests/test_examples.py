"""The scripts in examples/ run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("script", "last_line"),
    [
        ("score_handan.py", "for example R003: 100.4% ≥ 95%（高出5.4个百分点）→ 优"),
        ("pandas_by_duty.py", "0.965 → 差（fraction）; with fractions=True → 优"),
        (
            "seed_report.py",
            "109 rows: 102 indicators, 7 headings; 0 unreadable; findings: 0 errors, 129 warnings, 186 notes",
        ),
    ],
)
def test_example_script_runs(script: str, last_line: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script)], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == last_line
