"""A 0..1 value as a whole percent: '90%'. The one place drillbit rounds a fraction to
whole percent for people to read (accuracy, retention, readiness), so the stats screen,
the session's summary, `drillbit stats` and the plan's lines say the same number the
same way. A value as set (a target of 92.5%) is `quiz.settings.as_percent`'s, exact.
"""

from __future__ import annotations

import math

__all__ = ["MISSING", "whole_percent"]

MISSING = "–"
"""What a screen shows for a percentage with nothing to count yet (an en dash)."""


def whole_percent(value: float | None, *, missing: str = MISSING, down: bool = False) -> str:
    """`value` (0..1) in whole percent: 0.905 -> '90%' (to nearest, ties as Python's
    format rounds them), `missing` for None. `down` rounds down, for a forecast that must
    never read as reaching a target it falls short of (0.897 is '89%' beside 'target 90%').
    The stats screen, the summary and `drillbit stats` each had their own `_percent`."""
    if value is None:
        return missing
    if down:
        return f"{math.floor(value * 100 + 1e-9)}%"
    return f"{value:.0%}"
