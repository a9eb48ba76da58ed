"""Today's plan queue at its edges: no plan at all, and a day whose minutes studying ahead
used up after its list was done."""

from __future__ import annotations

from datetime import UTC, timedelta

from fsrs import Rating, Scheduler

from quiz.overview import StudyRequest, session_options
from quiz.settings import Settings
from quiz.store import Store
from quiz.study.plan_status import plan_status
from quiz.study.plan_today import plan_queue
from quiz.study.session import Session
from tests.study.test_plan import START
from tests.study.test_plan_ahead import DECK, day_done_quickly


def test_without_a_plan_there_is_no_plan_queue(store: Store, scheduler: Scheduler) -> None:
    assert store.interview_plan() is None
    assert plan_queue(store, DECK, START, tz=UTC, scheduler=scheduler) is None


def test_a_done_day_whose_minutes_studying_ahead_used_says_the_minutes_are_used(
    store: Store, scheduler: Scheduler
) -> None:
    status, moment = day_done_quickly(store, scheduler)
    assert status.queue is not None and status.ahead
    # studying ahead, each card known at once (Easy: no learning step brings it back
    # today) and far slower than the pace that chose the offer: the minutes run out
    options = session_options(StudyRequest(mode="due", ahead=True), Settings(), UTC, status.queue)
    session = Session(store, DECK, options, now=moment, scheduler=scheduler)
    while session.current is not None:
        session.show(now=moment)
        moment += timedelta(seconds=240)
        session.rate(Rating.Easy, now=moment, duration_ms=240_000)
    session.finish(now=moment)
    after = plan_status(store, DECK, moment, tz=UTC, scheduler=scheduler)
    assert after is not None and after.queue is not None
    assert after.queue.ids == (), "no card of the day is left: the list stays done"
    assert after.ahead == () and after.queue.no_ahead == "minutes"
    assert after.queue.ahead_box is not None and after.queue.ahead_box.used_up
    assert after.queue.no_ahead_reason() == "today's plan minutes are used"
