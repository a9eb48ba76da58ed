"""A plan-mode session started between an answer and its same-day step waits for the
step, as the session that answered it does (fiftieth round, tests/study/plan_walks.py):
started again a minute after an Again, it never asked the card, while Home and a restart
after the step took it back among the day's reviews."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating, Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.days import StudyZone
from tests.study.plan_walks import CARDS, Zone, plan_session

START = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_a_session_started_before_an_again_s_step_asks_it_when_it_comes(tmp_path: Path) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open(tmp_path / "db.sqlite", now=START) as store:
        interview = START.date() + timedelta(days=10)
        store.set_interview_plan(InterviewPlan(interview, 30.0, 0.9, START - timedelta(days=1)))
        zone = Zone(StudyZone(UTC, 4))
        first, planned = plan_session(store, CARDS, START, zone, scheduler)
        assert planned is not None and planned.same_day_steps
        card = first.current
        assert card is not None
        first.rate(Rating.Again, now=START + timedelta(seconds=10))  # its step: a minute on
        again = START + timedelta(seconds=20)
        second, _ = plan_session(store, CARDS, again, zone, scheduler)
        second.show(now=again)
        assert second.current is not None and second.current.id != card.id, "not before its step"
        assert card.id in {c.id for c in second.queued}, "it waits for its step"
        stepped = START + timedelta(minutes=2)
        second.show(now=stepped)
        assert second.current is not None and second.current.id == card.id, "asked once due"
        restart, home = plan_session(store, CARDS, stepped, zone, scheduler)
        assert home is not None and card.id in home.offered, "Home counts it too"
        assert card.id in {c.id for c in restart.queued}
