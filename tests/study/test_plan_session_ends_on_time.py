"""A plan-mode session ends on the minutes the person set: the time box is checked when
the next card would show (Anki's rule), the feedback read after the last answer counted
up to then (at most `AFTER_ANSWER_CAP`), though the store records that reading only at
the next answer or the session's end. Until the fifty-second round the session counted
only what the store held, and ran up to one feedback pause (180 s) over its minutes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating, Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.plan_today import plan_queue
from quiz.study.session import Session
from quiz.study.spent import AFTER_ANSWER_CAP
from tests.study.plan_walks import CARDS, Zone, plan_session

START = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
"""Concept cards only: a long answer of 75 s each while the person has no history."""


def five_minutes(store: Store) -> None:
    """A plan of 5 minutes a day (300 s): four concept cards fit at its start."""
    store.set_interview_plan(
        InterviewPlan(START.date() + timedelta(days=10), 5.0, 0.9, START - timedelta(hours=1))
    )


def answered(store: Store, scheduler: Scheduler, pause: float) -> tuple[Session, datetime]:
    """A session whose first card took 200 s, its feedback read for `pause` seconds: the
    moment the next card would show."""
    five_minutes(store)
    session, planned = plan_session(store, CARDS, START, Zone(UTC), scheduler)
    assert planned is not None and len(session.queued) >= 2
    session.show(now=START)
    first = START + timedelta(seconds=200)
    session.rate(Rating.Easy, now=first)  # 200 s used: a 75 s card still fits (275 s)
    assert session.current is not None
    return session, first + timedelta(seconds=pause)


def test_a_feedback_read_into_the_last_minutes_ends_the_session_on_time(
    store: Store, scheduler: Scheduler
) -> None:
    """200 s answered and 60 s of feedback: a 75 s card would end at 335 s, past the 300 s
    set, so the next card is not shown (it was, the minutes then run over by up to 35 s
    and more), and the session says the minutes are used."""
    session, moment = answered(store, scheduler, pause=60.0)
    session.show(now=moment)
    assert session.current is None
    assert session.time_box_note is not None
    assert "minutes are used" in session.time_box_note
    # the app ends it (the summary): Home and a restart count its minutes alike
    session.finish(now=moment)
    home = plan_queue(store, CARDS, moment, tz=UTC, scheduler=scheduler)
    assert home is not None and home.offered == ()
    assert home.spent_seconds == 260.0


def test_a_short_feedback_leaves_room_for_the_next_card(store: Store, scheduler: Scheduler) -> None:
    """200 s answered and 10 s of feedback: 285 s with the next card's 75 s fits."""
    session, moment = answered(store, scheduler, pause=10.0)
    session.show(now=moment)
    assert session.current is not None


def test_a_pause_counts_no_more_than_the_cap(store: Store, scheduler: Scheduler) -> None:
    """An answer of 40 s left open for an hour counts 40 s and 180 s of reading: 220 s,
    and a 75 s card still fits (295 s), as Home and a restart count the hour."""
    five_minutes(store)
    session, _planned = plan_session(store, CARDS, START, Zone(UTC), scheduler)
    session.show(now=START)
    session.rate(Rating.Easy, now=START + timedelta(seconds=40))
    later = START + timedelta(seconds=40, hours=1)
    session.show(now=later)
    assert session.current is not None
    assert AFTER_ANSWER_CAP == 180.0
    session.finish(now=later)
    home = plan_queue(store, CARDS, later, tz=UTC, scheduler=scheduler)
    assert home is not None and home.spent_seconds == 220.0
    assert home.offered != ()
