"""What is left of the study day from a moment: the one rule for "a learning step falls
due later today", which Home's count, a due session's queue and its asking a card again
all apply, so no two of them can disagree at the day's edge.

Due times are compared as the store's fixed-width UTC text (`to_db`), which orders as
time: counting reads 10,000 of them and parses none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from quiz.store.timefmt import to_db
from quiz.study.days import as_utc, next_day_start

REVIEW_STATE = 2
"""fsrs `State.Review` as the store's `state` column holds it (its tally triggers too), kept
here so that counting does not import fsrs (`drillbit stats`); a test compares the two."""


def in_step(state: int) -> bool:
    """Whether a card in this store `state` is in a learning or relearning step (not in
    review): its answers are the day's learning, which `max_reviews_per_day` leaves alone."""
    return state != REVIEW_STATE


@dataclass(frozen=True, slots=True)
class RestOfDay:
    """From `now` (exclusive) to the start of the next study day (exclusive), as store text."""

    now_text: str
    end_text: str

    @classmethod
    def at(cls, now: datetime, tz: tzinfo) -> RestOfDay:
        """The rest of the study day `now` falls on in `tz` (its `day_starts_at` hour, its
        clock changes: a day is 23 to 25 hours long)."""
        moment = as_utc(now)
        return cls(to_db(moment), to_db(next_day_start(moment, tz)))

    def due_now(self, due_text: str) -> bool:
        """Whether a card due at `due_text` is due at `now` (its time has come)."""
        return due_text <= self.now_text

    def due_today(self, state: int, due_text: str) -> bool:
        """Whether a card is due on this study day: its time has come, or it is in review
        and due before the day ends. As in Anki, a review is due by the day, not the hour:
        fsrs dates one at the time of day of the last answer, so a card answered at 20:00
        was not asked at 09:00 on the day it fell due, and Home counted it nowhere until
        20:00. A learning step keeps its minute (`step_later`)."""
        return self.due_now(due_text) or (state == REVIEW_STATE and due_text < self.end_text)

    def step_later(self, state: int, due_text: str) -> bool:
        """Whether a card in a learning or relearning step (any state but review) falls due
        after `now` and before the day ends: a due session started now queues it and waits
        for it, and Home counts it in today's cards, as Anki's learning count does. One due
        exactly at the day's end belongs to the next day."""
        return in_step(state) and self.now_text < due_text < self.end_text
