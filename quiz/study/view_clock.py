"""When what a screen shows of today goes out of date by the clock alone.

One rule for every screen that shows today (Home's counts, the stats, the card browser's
due times, a session's summary): what was read at a moment holds until a horizon (the
study day's end, or for Home the next due time of a card not yet due, `counts_change_at`)
and while that moment's study day is still today in the person's zone. A clock set back
over the day's start, or a changed `day_starts_at`, makes it stale too: the horizon alone
missed both. Pure: the caller gives the time and the zone; a screen's timer asks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo

from quiz.study.days import local_date, next_day_start

Horizon = Callable[[datetime, tzinfo], datetime]
"""From a moment and the zone, the moment what was read then changes by the clock alone."""

LONGEST_WAIT = 300.0
"""Longest wait (s) between two looks at the clock: a computer that slept, or a clock set
forward, runs no timer on time, so the clock is read again at least this often."""

TIMER_SLACK = 0.5
"""Seconds a look waits past the horizon, so a timer firing a hair early finds it passed."""


class ViewClock:
    """The moment a view was read, and whether the clock has since made it stale."""

    def __init__(self, horizon: Horizon = next_day_start) -> None:
        self._horizon = horizon
        self._day: tuple[date, tzinfo] | None = None
        self.changes_at: datetime | None = None
        """The horizon of the last read (None before the first): the view holds until then."""

    def read_at(self, now: datetime, tz: tzinfo) -> None:
        """The view was just read at `now`: it holds until the horizon, on this study day."""
        self._day = (local_date(now, tz), tz)
        self.changes_at = self._horizon(now, tz)

    def stale(self, now: datetime, tz: tzinfo) -> bool:
        """Whether the view read last is out of date at `now` (never before a first read)."""
        if self._day is None or self.changes_at is None:
            return False
        return now >= self.changes_at or (local_date(now, tz), tz) != self._day

    def wait(self, now: datetime) -> float:
        """Seconds until the next look at the clock: the horizon, at most LONGEST_WAIT."""
        return LONGEST_WAIT if self.changes_at is None else look_again_in(self.changes_at, now)


def look_again_in(moment: datetime, now: datetime) -> float:
    """Seconds a timer waits at `now` for `moment` to pass: just past it, at most
    LONGEST_WAIT (the caller reads the clock again when it fires)."""
    ahead = (moment - now).total_seconds()
    return min(max(ahead, 0.0) + TIMER_SLACK, LONGEST_WAIT)
