"""The mock interview's countdown, shown by the study screen and the drill screen alike."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import TYPE_CHECKING

from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label

if TYPE_CHECKING:
    from quiz.study import Session


def format_clock(left: timedelta) -> str:
    """mm:ss (or h:mm:ss) of a time span."""
    seconds = max(0, int(left.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def countdown_clock(left: timedelta) -> str:
    """A countdown's mm:ss: the seconds begun, as a kitchen timer shows them. Rounded down,
    a 2-minute interview read 01:59 from its first frame and 00:00 a second before the end."""
    return format_clock(timedelta(seconds=math.ceil(max(0.0, left.total_seconds()))))


def until_next_second(left: timedelta) -> float:
    """Seconds until the countdown's display changes: when the time left crosses its next
    whole second. A fixed once-a-second timer from the screen's mount was up to a second
    late at every change, the end included."""
    fraction = left.total_seconds() % 1.0
    return fraction if fraction > 0 else 1.0


class MockClock(Label):
    """Counts a session's time down once a second; posts TimeUp once when it reaches zero.

    Hidden for untimed sessions (and without a session).
    """

    class TimeUp(Message):
        """The session's time ran out."""

    def __init__(self, session: Session | None, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__("", id=id)
        self.session = session
        self._timer: Timer | None = None
        self._announced = False

    @property
    def timed(self) -> bool:
        """True when the session has a time limit."""
        return self.session is not None and self.session.time_limit is not None

    def on_mount(self) -> None:
        self.tick()

    def _scheduled_tick(self) -> None:
        self._timer = None
        self.tick()

    def time_left(self) -> timedelta | None:
        """The time left, or None when untimed."""
        return self.session.time_left() if self.session is not None else None

    def tick(self) -> None:
        """Redraw; post TimeUp the first time the clock reads zero."""
        left = self.time_left()
        self.display = left is not None
        if left is None:
            return
        self.update(f"⏱ {countdown_clock(left)}")
        self.set_class(left <= timedelta(minutes=1), "-urgent")
        if self._timer is not None:  # a tick called from outside: one timer, the next second
            self._timer.stop()
            self._timer = None
        if left > timedelta(0):
            self._timer = self.set_timer(until_next_second(left), self._scheduled_tick)
        elif not self._announced:
            self._announced = True
            self.post_message(self.TimeUp())
