"""A card an earlier answer left in a learning or relearning step (the evening before, or
a session before the plan was set), under a plan: Anki and a due session without a plan
ask it when its step is due; plan mode leaves it to the last pass, as any review before
it (a review nearer the day adds more recall on the day; asking it cost the bench's plan
29 more reviews a learner at 14 days for none), and since the forty-seventh round says so
where it said nothing (docs/plan.md, "Steps left from an earlier answer")."""

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
    step_owed,
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


def test_a_step_left_from_yesterday_waits_and_the_plan_says_so(
    store: Store, scheduler: Scheduler
) -> None:
    cards = [C(f"c{i:03d}") for i in range(10)]
    stepped = lapse_in_a_plain_session(store, cards, scheduler)
    # the plan is set the next morning, with room for every card and its steps
    store.set_interview_plan(a_plan(30, minutes=30))
    planned = plan_queue(store, cards, START, tz=UTC, scheduler=scheduler)
    assert planned is not None and planned.same_day_steps
    assert stepped not in planned.ids, "its step was due at 22:10: it waits for the last days"
    status = plan_status(store, cards, START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.today is not None
    assert status.today.steps_waiting == (stepped,)
    assert status.load() == (
        "today: 0 reviews + 9 new, about 10 min at your pace; "
        "1 card left in a learning step waits for the last days"
    )
    assert status.steps_note() == (
        "1 card an earlier answer left in a learning step is not asked at its step: a "
        "review nearer the interview adds more recall on the day than one now, so the plan "
        "reviews it in the last days before it if needed."
    )
    # the session does not ask it; answered elsewhere (cram leaves it), still said
    session = plan_session(store, cards, START, scheduler)
    assert stepped not in {card.id for card in session.planned}
    later = plan_status(store, cards, START + timedelta(hours=3), tz=UTC, scheduler=scheduler)
    assert later is not None and later.today is not None
    assert later.today.steps_waiting == (stepped,), "the day's decision, kept all day"


def test_a_step_left_over_waits_as_a_due_review_does_and_today_s_own_is_asked(
    scheduler: Scheduler,
) -> None:
    cards = [C("lapsed"), C("due"), C("today"), *(C(f"c{i:03d}") for i in range(7))]
    memory = {
        "lapsed": lapsed_at(scheduler, EVENING),
        "due": reviewed(10, 3.0),  # due by fsrs, not in a step
        "today": lapsed_at(scheduler, START - timedelta(hours=1)),  # before the plan, today
    }
    plan = a_plan(30, minutes=30)
    day = plan_day(cards, memory, plan, START, tz=UTC, scheduler=scheduler)
    assert day is not None and day.same_day_steps
    assert day.reviews == ("today",), "today's own step is asked"
    assert "lapsed" not in day.queue and "due" not in day.queue
    assert day.steps_waiting == (), "plan_day alone (the forecast's days) does not look"
    said = with_steps_waiting(day, cards, memory, START, UTC)
    assert said.steps_waiting == ("lapsed",), "the due review is no step: not said"
    assert replace(said, steps_waiting=()) == day, "nothing else moves"
    # the steps decision is the same with the step left over or without it
    seen = {**memory, "lapsed": reviewed(0.4, 3.0)}
    pace = Pace.default()
    assert takes_steps(cards, memory, plan, START, tz=UTC, pace=pace) == takes_steps(
        cards, seen, plan, START, tz=UTC, pace=pace
    )


def test_a_step_due_later_today_is_said_to_wait_and_one_due_tomorrow_is_not(
    scheduler: Scheduler,
) -> None:
    # a ten-hour learning step: the Again at 22:00 is due at 08:00, within today
    long_step = Scheduler(enable_fuzzing=False, learning_steps=(timedelta(hours=10),))
    answered, _ = long_step.review_card(
        Card(card_id=1, due=EVENING), Rating.Again, review_datetime=EVENING
    )
    assert answered.state == State.Learning and answered.due == START
    cards = [C("stepped"), *(C(f"c{i:03d}") for i in range(5))]
    plan = a_plan(30, minutes=30)
    early = START - timedelta(hours=1)

    def waiting(card: Card, now: datetime) -> tuple[str, ...]:
        memory = {"stepped": card}
        day = plan_day(cards, memory, plan, now, tz=UTC, scheduler=long_step)
        assert day is not None and day.same_day_steps and "stepped" not in day.queue
        return with_steps_waiting(day, cards, memory, now, UTC).steps_waiting

    assert waiting(answered, early) == ("stepped",), "owed today, due at 08:00"
    assert steps_due({"stepped": answered}, START, UTC) == [], "never asked as a step today"
    tomorrow = replace(answered, due=START + timedelta(days=1))
    assert waiting(tomorrow, early) == (), "a step due tomorrow is not today's"
    # fsrs's new card is in Learning with no answer: no step is owed
    assert not step_owed(Card(card_id=2, due=EVENING), START.date(), START, UTC)


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
    assert stepped not in status.today.queue
    assert status.today.steps_waiting == (stepped,)
    assert status.load().endswith("; 1 card left in a learning step waits for the last days")
    note = status.steps_note()
    assert note is not None and note.startswith("Too few days for every card")
    assert note.endswith(
        " 1 card an earlier answer left in a learning step is not asked at its step: a "
        "review nearer the interview adds more recall on the day than one now, so the plan "
        "reviews it in the last days before it if needed."
    )


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
