"""What is left of the study day from a moment: the one rule for "a learning step falls
due later today", which Home's count, a due session's queue and its asking a card again
all apply, so no two of them can disagree at the day's edge.

Due times are compared as the store's fixed-width UTC text (`to_db`), which orders as
time: counting reads 10,000 of them and parses none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Generic, TypeVar

from quiz.store.timefmt import to_db
from quiz.study.days import as_utc, next_day_start

REVIEW_STATE = 2
"""fsrs `State.Review` as the store's `state` column holds it (its tally triggers too), kept
here so that counting does not import fsrs (`drillbit stats`); a test compares the two."""


def in_step(state: int) -> bool:
    """Whether a card in this store `state` is in a learning or relearning step (not in
    review): its answers are the day's learning, which `max_reviews_per_day` leaves alone."""
    return state != REVIEW_STATE


Moment = TypeVar("Moment", str, datetime)
"""A due time and the bounds it is compared with: all store text (`to_db`) or all datetimes."""

TICK = timedelta(microseconds=1)
"""The finest step of a stored due time: due at `now` is due before `now + TICK`."""


@dataclass(frozen=True, slots=True)
class DueBefore(Generic[Moment]):
    """The due rule of a study day, as two bounds: a card is due on it when its due time is
    before `step` (a learning or relearning step: its time has come, `now` included) or,
    in review, before `review` (the next study day's start: as in Anki, a review is due by
    its day). Made by one function (`on_day`), so Home's count, a due session's queue
    and the card browser's rows cannot disagree on the rule's moments or its edges.

    Home's count (`count_groups`) and the queue's `reviews_later_today` read the two bounds
    once and compare each card inline, `due < (review if state == REVIEW_STATE else step)`,
    rather than call `due`: on a heavy home (10,000 saved states) a call per card made
    Home's count 16% slower (2.88 to 3.43 ms of CPU) and `reviews_later_today` 26% (0.51 to
    0.64 ms), side by side in one run (docs/study.md). The browser's rows call it: there it
    is within the noise of making the rows."""

    step: Moment
    review: Moment

    @staticmethod
    def on_day(now: datetime, tz: tzinfo) -> DueBefore[datetime]:
        """The due rule of the study day `now` falls on in `tz` (its `day_starts_at` hour,
        its clock changes: a day is 23 to 25 hours long), on datetimes (`RestOfDay` holds it
        as store text): the one place the rule's bounds are made."""
        moment = as_utc(now)
        return DueBefore(moment + TICK, next_day_start(moment, tz))

    def due(self, state: int, due: Moment) -> bool:
        """Whether a card in store `state`, due at `due`, is due on this study day."""
        return due < (self.review if state == REVIEW_STATE else self.step)

    def asked_today(self, due: Moment) -> bool:
        """Whether a due session started now asks a scheduled card due at `due` today, in
        any state: due (`due`), or in a learning step later in the day, which the session
        waits for (`RestOfDay.step_later`) and Home counts among today's cards."""
        return due < self.review


@dataclass(frozen=True, slots=True)
class RestOfDay:
    """From `now` (exclusive) to the start of the next study day (exclusive), as store text."""

    now_text: str
    end_text: str
    due_before: DueBefore[str]
    """The day's due rule (`DueBefore.on_day`) in store text."""

    @classmethod
    def at(cls, now: datetime, tz: tzinfo) -> RestOfDay:
        """The rest of the study day `now` falls on in `tz` (its `day_starts_at` hour, its
        clock changes: a day is 23 to 25 hours long)."""
        moment = as_utc(now)
        rule = DueBefore.on_day(moment, tz)
        end = to_db(rule.review)
        return cls(to_db(moment), end, DueBefore(to_db(rule.step), end))

    def due_now(self, due_text: str) -> bool:
        """Whether a card due at `due_text` is due at `now` (its time has come)."""
        return due_text <= self.now_text

    def due_today(self, state: int, due_text: str) -> bool:
        """Whether a card is due on this study day: its time has come, or it is in review
        and due before the day ends. As in Anki, a review is due by the day, not the hour:
        fsrs dates one at the time of day of the last answer, so a card answered at 20:00
        was not asked at 09:00 on the day it fell due, and Home counted it nowhere until
        20:00. A learning step keeps its minute (`step_later`)."""
        return self.due_before.due(state, due_text)

    def step_later(self, state: int, due_text: str) -> bool:
        """Whether a card in a learning or relearning step (any state but review) falls due
        after `now` and before the day ends: a due session started now queues it and waits
        for it, and Home counts it in today's cards, as Anki's learning count does. One due
        exactly at the day's end belongs to the next day."""
        return in_step(state) and self.now_text < due_text < self.end_text
