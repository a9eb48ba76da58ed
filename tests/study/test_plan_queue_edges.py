"""Today's plan queue at its edges: no plan at all, and a day whose list is done with
nothing to offer ahead (its minutes used, its last pass, no next card that fits)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from fsrs import Rating, Scheduler

from quiz.overview import StudyRequest, session_options
from quiz.settings import Settings
from quiz.store import Store
from quiz.study.plan import TimeBox
from quiz.study.plan_status import plan_status
from quiz.study.plan_today import AheadNone, PlanQueue, _first_answer, plan_queue
from quiz.study.session import Session
from tests.study.test_plan import START, a_plan
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
    """A day whose list is done with 10 minutes left at the pace measured now (the day's
    own box, at its morning's pace, reads none), nothing offered ahead for `why`."""
    day_box = TimeBox(seconds_left=-30.0, long_answer={"concept": 90.0})
    ahead_box = TimeBox(seconds_left=600.0, long_answer={"concept": 60.0})
    return PlanQueue(ids=(), box=day_box, same_day_steps=True, ahead_box=ahead_box, no_ahead=why)


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


def test_the_day_s_first_plan_answer_is_after_the_plan_was_made_or_a_sooner_set_aside(
    store: Store,
) -> None:
    made = START + timedelta(hours=2)
    plan = replace(a_plan(14), created_at=made)

    def answer(at: datetime) -> None:
        store.record_review(
            card_id="c001", rating=3, correct=True, reviewed_at=at, mode="due", state_before=None
        )

    answer(START + timedelta(hours=1))  # a due session before the plan: not the plan's
    assert _first_answer(store, plan, made + timedelta(hours=1), UTC) is None
    buried = made + timedelta(minutes=30)
    store.set_flag("c002", suspended=False, buried_until=START + timedelta(days=1), now=buried)
    answer(made + timedelta(minutes=45))
    assert _first_answer(store, plan, made + timedelta(hours=1), UTC) == buried


def test_a_session_studying_ahead_without_a_plan_has_no_card_no_minute_and_no_requeue() -> None:
    queue = PlanQueue.empty()
    assert queue.ids == () and queue.offered == () and queue.ahead == ()
    assert queue.minutes_used and queue.ahead_seconds_left() == 0.0
    assert not queue.same_day_steps
