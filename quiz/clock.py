"""The wall clock, read in one place: the app's workspace and every command take it from here.

Code below them takes `now` from its caller; tests give a fixed clock instead of waiting
for a day's end (`Workspace(clock=...)`, `quiz.cli.main(args, clock=...)`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

__all__ = ["Clock", "utc_now"]

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware; tests inject a fake one."""


def utc_now() -> datetime:
    """The wall clock in UTC: the only place the app reads it."""
    return datetime.now(UTC)
