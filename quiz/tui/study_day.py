"""A screen's watch on the study day: what it shows of "today" is read again when it ends."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from quiz.study.days import local_date, next_day_start

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.timer import Timer

    from quiz.workspace import Workspace

DAY_CHECK_WAIT = 300.0
"""Longest wait (s) between two looks at the clock: a computer that slept, or a clock set
forward, runs no timer on time, so the clock is read again at least this often."""


class StudyDayWatch:
    """Calls `new_day` once the study day shown (in the workspace's zone, which a changed
    `day_starts_at` replaces) is no longer today by the workspace's clock.

    A screen left open over the day's end (4 am by default) kept the day it was opened on:
    the stats' "today", the last day of the reviews chart and the readiness plot's first
    day stayed yesterday's until the screen was opened again."""

    def __init__(
        self, owner: DOMNode, workspace: Workspace, new_day: Callable[[], Awaitable[None] | None]
    ) -> None:
        self._owner = owner
        self._workspace = workspace
        self._new_day = new_day
        self._shown: tuple[date, tzinfo] | None = None
        self._timer: Timer | None = None

    def _today(self) -> tuple[date, tzinfo]:
        ws = self._workspace
        return local_date(ws.now(), ws.tz), ws.tz

    def start(self) -> None:
        """Take today as the day shown and wait for its end."""
        self._shown = self._today()
        self._arm()

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        ws = self._workspace
        now = ws.now()
        wait = (next_day_start(now, ws.tz) - now).total_seconds()
        self._timer = self._owner.set_timer(min(max(wait, 0.0) + 0.5, DAY_CHECK_WAIT), self.check)

    def check(self) -> None:
        """The timer's call: tell the screen when the day (or the zone) changed, and wait on."""
        today = self._today()
        if self._shown is not None and today != self._shown:
            self._shown = today
            self._owner.call_later(self._new_day)  # awaited when a coroutine
        self._arm()
