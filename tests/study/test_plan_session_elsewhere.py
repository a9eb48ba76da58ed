"""A running plan-mode session picks up another drillbit's writes as a restart does, and
counts its minutes as a restart does (fifty-first round, tests/study/plan_walks.py).

Before, a card put back or answered into a step in another drillbit reached a restarted
plan session only (490 steps of 500 walks), and the session counted the feedback after
its last answer, which the store does not record, so it ended on "minutes used" while
Home and a restart still offered cards (413 steps)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.days import StudyZone
from quiz.study.scheduling import review_card
from quiz.study.session import Session
from tests.study.plan_walks import CARDS, Zone, plan_session, restart

START = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _plain(session: Session) -> Counter[str]:
    """The session's cards not waiting for a step later today."""
    return Counter(card.id for card in session.queued if card.id not in session._waiting)


def _plan(store: Store, minutes: float = 30.0) -> None:
    interview = START.date() + timedelta(days=10)
    store.set_interview_plan(InterviewPlan(interview, minutes, 0.9, START - timedelta(days=1)))


@pytest.fixture
def two_drillbits(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two drillbits open on one store, a plan set: the session runs in the first."""
    path = tmp_path / "db.sqlite"
    with Store.open(path, now=START) as store, Store.open(path, now=START) as other:
        _plan(store)
        yield store, other


def test_a_card_put_back_in_another_drillbit_comes_back_into_the_running_session(
    two_drillbits: tuple[Store, Store],
) -> None:
    store, other = two_drillbits
    scheduler = Scheduler(enable_fuzzing=False)
    zone = Zone(StudyZone(UTC, 4))
    session, _ = plan_session(store, CARDS, START, zone, scheduler)
    session.show(now=START)
    card = session.current
    assert card is not None
    session.rate(Rating.Good, now=START + timedelta(seconds=20))  # the day is decided
    at = START + timedelta(seconds=30)
    session.show(now=at)
    buried = session.current
    assert buried is not None
    session.set_aside(suspend=False, now=at)
    back = at + timedelta(minutes=1)
    other.set_flag(buried.id, suspended=False, buried_until=None, now=back)
    session.show(now=back)
    restart, home = plan_session(store, CARDS, back, zone, scheduler)
    assert buried.id in _plain(restart), "a restart takes it back"
    assert _plain(session) == _plain(restart), "the running session too"
    assert home is not None and len(home.offered) == sum(_plain(session).values())


def test_a_card_answered_into_a_step_in_another_drillbit_waits_for_it_here(
    two_drillbits: tuple[Store, Store],
) -> None:
    store, other = two_drillbits
    scheduler = Scheduler(enable_fuzzing=False)
    zone = Zone(StudyZone(UTC, 4))
    session, planned = plan_session(store, CARDS, START, zone, scheduler)
    assert planned is not None and planned.same_day_steps
    session.show(now=START)
    queued = [card.id for card in session.queued]
    elsewhere = queued[-1]
    at = START + timedelta(seconds=30)
    review_card(other, scheduler, elsewhere, Rating.Again, now=at, correct=False)
    session.show(now=at + timedelta(seconds=5))
    assert elsewhere in session._waiting, "not dropped: it waits for its step"
    assert [news for news in session.elsewhere_news() if "step" in news or "again" in news]
    due = at + timedelta(minutes=2)
    session.show(now=due)
    assert session.current is not None and session.current.id == elsewhere, "asked once due"
    restart, _ = plan_session(store, CARDS, due, zone, scheduler)
    assert _plain(session) == _plain(restart)


def test_the_time_box_counts_the_feedback_as_a_restart_after_quitting_does(
    tmp_path: Path,
) -> None:
    """Feedback read after the last answer counts when the next card would show (fifty-
    second round, Anki's time box), and a session quit then records it as its end: for
    every pause on it, the session offers the cards a restart offers then (`restart`)."""
    scheduler = Scheduler(enable_fuzzing=False)
    differed = []
    for pause in range(0, 181, 10):
        with Store.open(tmp_path / f"db-{pause}.sqlite", now=START) as store:
            _plan(store, minutes=5.0)
            zone = Zone(StudyZone(UTC, 4))
            session, _ = plan_session(store, CARDS, START, zone, scheduler)
            moment = START
            for _ in range(3):
                session.show(now=moment)
                if session.current is None:
                    break
                moment += timedelta(seconds=40)
                session.rate(Rating.Easy, now=moment)
            moment += timedelta(seconds=pause)
            session.show(now=moment)
            fresh, home = restart(store, session, moment, zone, scheduler)
            assert home is not None
            if _plain(session) != _plain(fresh) or len(home.offered) != len(fresh.queued):
                differed.append(pause)
    assert differed == []
