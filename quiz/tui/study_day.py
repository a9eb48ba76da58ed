"""A screen's watch on the clock: what it shows of "today" is read again when it goes stale.

The rule is `quiz.study.view_clock.ViewClock`'s; here only the timer that asks it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TYPE_CHECKING

from quiz.study.days import next_day_start
from quiz.study.view_clock import Horizon, ViewClock

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.timer import Timer

    from quiz.workspace import Workspace


class StudyDayWatch:
    """Calls `changed` once what the screen shows is stale by the workspace's clock: its
    horizon passed (by default the study day's end, in the workspace's zone, which a changed
    `day_starts_at` replaces) or its study day is no longer today (in the machine's zone,
    looked at again at each check: a laptop that travelled counts today where it is).

    A screen left open over the day's end (4 am by default) kept the day it was opened on:
    the stats' "today", the last day of the reviews chart and the readiness plot's first
    day stayed yesterday's until the screen was opened again. Home gives its own horizon
    (`counts_change_at`: a learning step falling due changes its counts too)."""

    def __init__(
        self,
        owner: DOMNode,
        workspace: Workspace,
        changed: Callable[[], Awaitable[None] | None],
        horizon: Horizon = next_day_start,
    ) -> None:
        self._owner = owner
        self._workspace = workspace
        self._changed = changed
        self.clock = ViewClock(horizon)
        self._timer: Timer | None = None

    def start(self, at: datetime | None = None) -> None:
        """What the screen shows was just read (`at`: the clock read before the reads, else
        now): wait until it is stale. A moment read after the reads takes a study day that
        began during them for the one they counted, and waits a whole day more."""
        ws = self._workspace
        self.clock.read_at(ws.now() if at is None else at, ws.tz)
        self._arm()

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._owner.set_timer(self.clock.wait(self._workspace.now()), self.check)

    def check(self) -> None:
        """The timer's call: tell the screen when what it shows is stale, and wait on."""
        ws = self._workspace
        ws.follow_zone()  # a changed machine zone changes today too
        now, tz = ws.now(), ws.tz
        if self.clock.stale(now, tz):
            self.clock.read_at(now, tz)
            self._owner.call_later(self._changed)  # awaited when a coroutine
        self._arm()
