"""Today's plan queue at its edges: no plan at all, and a day whose list is done with
nothing to offer ahead (its minutes used, its last pass, no next card that fits)."""

from __future__ import annotations

from datetime import UTC, timedelta

from fsrs import Rating, Scheduler

from quiz.overview import StudyRequest, session_options
from quiz.settings import Settings
from quiz.store import Store
from quiz.study.plan import TimeBox
from quiz.study.plan_status import plan_status
from quiz.study.plan_today import AheadNone, PlanQueue, plan_queue
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


def done_queue(why: AheadNone) -> PlanQueue:
    """A day whose list is done with 10 minutes left, nothing offered ahead for `why`."""
    box = TimeBox(seconds_left=600.0, long_answer={"concept": 90.0})
    return PlanQueue(ids=(), box=box, same_day_steps=True, ahead_box=box, no_ahead=why)


def test_a_done_day_in_its_last_pass_says_so_and_offers_nothing() -> None:
    queue = done_queue("last_pass")
    assert queue.no_ahead_reason() == (
        "the plan is in its last pass: it places each card's last look on its best day itself"
    )
    assert queue.offer_note() is None


def test_a_done_day_whose_minutes_fit_no_next_card_says_how_many_are_left() -> None:
    queue = done_queue("fit")
    assert queue.no_ahead_reason() == "no new card of the next days fits in the 10 min left"
    assert queue.offer_note() is None
