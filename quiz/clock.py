"""The wall clock and the machine's time zone, read in one place: the app's workspace and
every command take them from here.

Code below them takes `now` (and the zone) from its caller; tests give a fixed clock
instead of waiting for a day's end (`Workspace(clock=...)`, `quiz.cli.main(args,
clock=...)`) and a fake zone instead of moving the machine (`Workspace(zone=...)`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

__all__ = ["Clock", "Zone", "utc_now"]

Clock = Callable[[], datetime]
"""Returns the current time, timezone-aware; tests inject a fake one."""

Zone = Callable[[], tzinfo]
"""Returns the machine's time zone as it is now, read again at each call (the app's is
`quiz.study.days.local_timezone`); tests inject a fake one that changes."""


def utc_now() -> datetime:
    """The wall clock in UTC: the only place the app reads it."""
    return datetime.now(UTC)
