"""A card left in a learning or relearning step by an earlier answer (the evening before,
or a session before the plan was set), under a plan: asked when its step is due on a day
that takes same-day steps, as Anki and a due session without a plan ask it; said to wait
on a day that has no room for steps (docs/plan.md, "Same-day steps only when there is
time for them")."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from quiz.store import Store
from quiz.study.options import SessionOptions
from quiz.study.plan import (
    DayPlan,
    Pace,
    plan_day,
    rest_of_day,
    steps_due,
    takes_steps,
    with_steps_waiting,
)
from quiz.study.plan_phrases import steps_wait
from quiz.study.plan_status import plan_status
from quiz.study.plan_today import plan_queue
from quiz.study.session import Session
from tests.study.test_plan import START, C, a_plan, plan_session, reviewed

EVENING = START - timedelta(hours=10)
"""22:00 the day before START (08:00): a plain due session, no plan yet."""


def lapsed_at(scheduler: Scheduler, moment: datetime) -> Card:
    """A card in review answered Again at `moment`: in its 10-minute relearning step."""
    card, _ = scheduler.review_card(reviewed(5, 3.0), Rating.Again, review_datetime=moment)
    assert card.state == State.Relearning
    assert card.due == moment + timedelta(minutes=10)
    return card


def lapse_in_a_plain_session(store: Store, cards: list[C], scheduler: Scheduler) -> str:
    """Due sessions without a plan: the first card learned four days before START, then
    answered Again at 22:00 the evening before (into its 10-minute relearning step), the
    session ended before the step was due. Returns its id."""
    card = cards[0]

    def answer(moment: datetime, rating: Rating) -> bool:
        session = Session(store, [card], SessionOptions(), now=moment, scheduler=scheduler)
        assert session.current is not None and session.current.id == card.id
        requeued = session.rate(rating, now=moment + timedelta(seconds=20), duration_ms=20_000)
        session.finish(now=moment + timedelta(seconds=30))
        return requeued.requeued

    learned = EVENING - timedelta(days=4)
    answer(learned, Rating.Good)
    answer(learned + timedelta(minutes=15), Rating.Good)
    assert answer(EVENING, Rating.Again), "without a plan the step is asked in the session"
    state = store.card_state(card.id)
    assert state is not None and state.state == State.Relearning
    assert Card.from_json(state.fsrs_card).due == EVENING + timedelta(seconds=20, minutes=10)
    return card.id


def test_a_step_left_from_yesterday_is_asked_at_once_on_a_day_with_steps(
    store: Store, scheduler: Scheduler
) -> None:
    cards = [C(f"c{i:03d}") for i in range(10)]
    stepped = lapse_in_a_plain_session(store, cards, scheduler)
    # the plan is set the next morning, with room for every card and its steps
    store.set_interview_plan(a_plan(30, minutes=30))
    planned = plan_queue(store, cards, START, tz=UTC, scheduler=scheduler)
    assert planned is not None and planned.same_day_steps
    assert stepped in planned.offered, "its step was due at 22:10 last night: asked now"
    assert planned.ids[0] != stepped, "... after the new cards, as today's steps are"
    status = plan_status(store, cards, START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.today is not None
    assert status.today.reviews == (stepped,), "counted in the day's load as a step"
    assert status.load().startswith("today: 1 review + 9 new")
    assert status.steps_note() is None and "learning step" not in status.load()
    # the session asks it, and it leaves the list once answered
    session = plan_session(store, cards, START, scheduler)
    assert stepped in {card.id for card in session.planned}
    later = START + timedelta(minutes=5)
    left = plan_queue(store, cards, later, tz=UTC, scheduler=scheduler)
    assert left is not None and stepped in left.ids, "not answered yet: still asked"


def test_a_step_left_over_is_asked_and_a_due_review_still_waits(scheduler: Scheduler) -> None:
    # plan_day over the memory the morning after: the step is among today's reviews; a
    # review card that is merely due (no step) still waits for the last pass
    cards = [C("lapsed"), C("due"), *(C(f"c{i:03d}") for i in range(8))]
    due = reviewed(10, 3.0)  # due by fsrs, not in a step
    memory = {"lapsed": lapsed_at(scheduler, EVENING), "due": due}
    plan = a_plan(30, minutes=30)
    today = plan_day(cards, memory, plan, START, tz=UTC, scheduler=scheduler)
    assert today is not None and today.same_day_steps
    assert today.reviews == ("lapsed",)
    assert "due" not in today.queue, "a plain due review still waits for the last pass"
    assert with_steps_waiting(today, cards, memory, START, UTC) == today, "steps: none wait"


def test_a_step_due_later_today_comes_back_when_it_is_due(scheduler: Scheduler) -> None:
    # A day-long learning step (or a study day starting at 04:00): the step is due
    # within today, after the day was decided; it joins the reviews once due
    long_step = Scheduler(enable_fuzzing=False, learning_steps=(timedelta(hours=10),))
    answered, _ = long_step.review_card(
        Card(card_id=1, due=EVENING), Rating.Again, review_datetime=EVENING
    )
    assert answered.state == State.Learning and answered.due == START
    cards = [C("stepped"), *(C(f"c{i:03d}") for i in range(5))]
    memory = {"stepped": answered}
    plan = a_plan(30, minutes=30)
    early = START - timedelta(hours=1)
    day = plan_day(cards, memory, plan, early, tz=UTC, scheduler=long_step)
    assert day is not None and day.same_day_steps and "stepped" not in day.queue
    assert steps_due(memory, early, UTC) == [], "not due at 07:00"
    assert steps_due(memory, START, UTC) == ["stepped"], "due at 08:00: within the minute"
    kinds = {card.id: card.kind for card in cards}
    rest = rest_of_day(day, kinds, Pace.default(), stepping=steps_due(memory, START, UTC))
    assert rest.reviews == ("stepped",) and rest.seconds > day.seconds
    # a step due tomorrow is not today's
    tomorrow_step = replace(answered, due=START + timedelta(days=1))
    assert steps_due({"stepped": tomorrow_step}, START + timedelta(hours=15), UTC) == []


def test_a_step_left_over_counts_in_whether_the_steps_fit(scheduler: Scheduler) -> None:
    # The day's steps decision counts a step left from yesterday as one of today's own:
    # 20 unseen cards and 40 seen fit with their steps in 4 days of 20 minutes; with the
    # 40 seen cards each owing a relearning step today they no longer do, and the day
    # asks no step (each would cost an answer the new cards need)
    cards = [C(f"c{i:03d}") for i in range(60)]
    plan = a_plan(4, minutes=20)
    pace = Pace.default()
    seen = {f"c{i:03d}": reviewed(0.4, 3.0) for i in range(40)}
    lapsed = {f"c{i:03d}": lapsed_at(scheduler, EVENING) for i in range(40)}
    assert takes_steps(cards, seen, plan, START, tz=UTC, pace=pace)
    assert not takes_steps(cards, lapsed, plan, START, tz=UTC, pace=pace)
    day = plan_day(cards, lapsed, plan, START, tz=UTC, scheduler=scheduler)
    assert day is not None and not day.same_day_steps and day.reviews == ()
    assert day.steps_waiting == (), "plan_day alone (the forecast's days) does not look"
    said = with_steps_waiting(day, cards, lapsed, START, UTC)
    assert said.steps_waiting == tuple(sorted(lapsed)), "said to wait, every one"
    assert replace(said, steps_waiting=()) == day


def test_in_the_last_pass_a_step_left_over_is_a_look_like_any_other(
    scheduler: Scheduler,
) -> None:
    # the eve takes no same-day steps: the lapsed card gets the last pass's one look when
    # the day has room for it, and is said to wait when it has none
    cards = [C("lapsed"), C("other")]
    memory = {"lapsed": lapsed_at(scheduler, EVENING), "other": reviewed(2, 20.0)}

    def eve(minutes: float) -> DayPlan:
        day = plan_day(
            cards,
            memory,
            a_plan(1, minutes=minutes, target=0.97),
            START,
            tz=UTC,
            scheduler=scheduler,
        )
        assert day is not None and day.last_pass and not day.same_day_steps
        return with_steps_waiting(day, cards, memory, START, UTC)

    roomy = eve(30)
    assert "lapsed" in roomy.forward and roomy.steps_waiting == ()
    full = eve(0.1)
    assert full.queue == () and full.steps_waiting == ("lapsed",)
    assert steps_wait(1, last_pass=True) == (
        "1 card left in a learning step: the plan reviews it on a later day if needed"
    )
    assert (
        steps_wait(2, last_pass=False) == "2 cards left in a learning step wait for the last days"
    )


def test_a_day_without_room_for_steps_says_the_step_waits(
    store: Store, scheduler: Scheduler
) -> None:
    cards = [C(f"c{i:03d}") for i in range(60)]
    stepped = lapse_in_a_plain_session(store, cards, scheduler)
    # three 10-minute days for 60 cards: no room for same-day steps
    store.set_interview_plan(a_plan(3, minutes=10))
    status = plan_status(store, cards, START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.today is not None
    assert not status.today.same_day_steps and not status.today.last_pass
    assert stepped not in status.today.queue, "no room: it waits"
    assert status.today.steps_waiting == (stepped,)
    assert status.load().endswith("; 1 card left in a learning step waits for the last days")
    note = status.steps_note()
    assert note is not None and note.endswith(
        " 1 card left in a learning step by earlier answers is not asked at its step "
        "either: it waits for the last days."
    )
