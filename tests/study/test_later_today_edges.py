"""Home's count of today and a due session's queue apply one rule for a learning step
that falls due later today (`RestOfDay.step_later`): at the day's edges they agree."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone, next_day_start
from quiz.study.options import SessionOptions
from quiz.study.rest_of_day import RestOfDay
from quiz.study.scheduling import review_card, step_due_today
from quiz.study.session import Session
from tests.study.fakes import FakeCard

STEP = timedelta(minutes=10)
BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)

DAYS = {
    "midnight in UTC": (UTC, datetime(2026, 3, 10, 20, 0, tzinfo=UTC)),
    "4 am in UTC, at 1 am": (StudyZone(UTC, 4), datetime(2026, 3, 11, 1, 0, tzinfo=UTC)),
    # the clocks go forward at 2 am: the study day ending at 4 am CEST is 23 hours long
    "Berlin, clocks forward": (BERLIN, datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
    # the clocks go back at 3 am: the study day ending at 4 am CET is 25 hours long
    "Berlin, clocks back": (BERLIN, datetime(2026, 10, 25, 2, 30, tzinfo=UTC)),
}


def test_the_berlin_days_are_the_short_and_the_long_one() -> None:
    spring, autumn = DAYS["Berlin, clocks forward"][1], DAYS["Berlin, clocks back"][1]
    assert next_day_start(spring, BERLIN) == datetime(2026, 3, 29, 2, 0, tzinfo=UTC)
    assert next_day_start(autumn, BERLIN) == datetime(2026, 10, 25, 3, 0, tzinfo=UTC)


@pytest.mark.parametrize("day", list(DAYS))
@pytest.mark.parametrize(
    ("before_the_end", "today"),
    [(timedelta(seconds=1), True), (timedelta(0), False), (-timedelta(seconds=1), False)],
    ids=["a second before the day's end", "at the day's end", "a second after"],
)
def test_home_and_the_session_agree_on_a_step_at_the_days_end(
    store: Store, day: str, before_the_end: timedelta, today: bool
) -> None:
    tz, in_the_day = DAYS[day]
    due = next_day_start(in_the_day, tz) - before_the_end
    answered, looked_at = due - STEP, due - STEP / 2  # Home drawn, d pressed: mid-step
    steps = Scheduler(learning_steps=(STEP,), enable_fuzzing=False)
    card = FakeCard("step")
    review = review_card(store, steps, card.id, Rating.Again, now=answered, correct=False)
    assert review.card_after is not None and f'"due": "{due.isoformat()}"' in review.card_after

    counts = deck_counts(store, [card], looked_at, new_per_day=0, tz=tz)
    session = Session(
        store, [card], SessionOptions(new_per_day=0, tz=tz), now=looked_at, scheduler=steps
    )
    assert counts.total.later_today == today
    assert counts.studies_today(counts.total) == len(session.planned) == today
    assert step_due_today(review, tz) == today, "the session asks it again when answered"


def test_the_count_and_the_queue_ask_one_rule(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home's count, the session's queue and its asking again read `RestOfDay.step_later`
    alone: changed there, all three change (two copies of it had to be kept in step)."""
    steps = Scheduler(learning_steps=(STEP,), enable_fuzzing=False)
    card = FakeCard("step")
    answered = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    review = review_card(store, steps, card.id, Rating.Again, now=answered, correct=False)
    looked_at = answered + STEP / 2
    monkeypatch.setattr(RestOfDay, "step_later", lambda _rest, _state, _due: False)
    counts = deck_counts(store, [card], looked_at, new_per_day=0)
    session = Session(store, [card], SessionOptions(new_per_day=0), now=looked_at)
    assert (counts.total.later_today, len(session.planned)) == (0, 0)
    assert not step_due_today(review, UTC)
