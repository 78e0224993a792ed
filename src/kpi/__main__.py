"""``python -m kpi``: the kpi command line."""

from __future__ import annotations

import sys

from kpi.cli import main

sys.exit(main())
