"""The plan's clock: a card's time from shown to the next shown, the pace learnt from
first looks, and no learning-step backlog left when plan mode drops the steps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from fsrs import Card, Rating, Scheduler, State

from quiz.browser import card_rows
from quiz.overview import StudyRequest, nothing_to_study, session_options
from quiz.settings import Settings
from quiz.store import InterviewPlan, Store
from quiz.study.cards import Filters
from quiz.study.days import day_start
from quiz.study.options import SessionOptions
from quiz.study.plan_phrases import PRACTISE_MORE, minutes_used_note
from quiz.study.plan_reads import pace_from_store, spent_between
from quiz.study.plan_status import plan_status
from quiz.study.plan_today import plan_queue
from quiz.study.session import Session
from quiz.study.spent import AFTER_ANSWER_CAP, ANSWER_CAP, card_seconds
from tests.study.fakes import NOW, deck
from tests.study.test_plan import START, a_mixed_deck, answer_current, yesterday_s_plan

T = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T + timedelta(seconds=seconds)


def test_a_card_s_time_runs_from_shown_to_the_next_card_shown() -> None:
    # card 1 shown at 0, answered at 20, feedback read until 50 (card 2 shown at 50)
    # card 2 answered at 60, a coffee break, card 3 shown at 60 + 20 min, answered 10 s later
    answers = [(at(20), 20.0), (at(60), 10.0), (at(60 + 1200 + 10), 10.0)]
    times = card_seconds(answers, end=at(1270 + 15))
    assert times == [50.0, 10.0 + AFTER_ANSWER_CAP, 25.0]
    assert card_seconds(answers, end=None)[-1] == 10.0, "a session not ended: answer time only"
    assert card_seconds([(at(4000), 4000.0)], end=None) == [ANSWER_CAP]


def _answer(session: Session, shown: datetime, seconds: float, rating: Rating) -> datetime:
    session.show(now=shown)
    answered = shown + timedelta(seconds=seconds)
    session.rate(rating, now=answered)
    return answered


def test_the_budget_counts_the_feedback_read_after_an_answer(store: Store) -> None:
    cards = deck()
    plan = InterviewPlan(
        interview=date(2026, 3, 12), minutes_per_day=30.0, target=0.9, created_at=T
    )
    store.set_interview_plan(plan)
    concepts = [card for card in cards if card.kind == "concept"]
    session = Session(store, cards, SessionOptions(plan_queue=tuple(c.id for c in concepts)), now=T)
    moment = T
    for _card in concepts[:2]:
        moment = _answer(session, moment, 20.0, Rating.Good) + timedelta(seconds=40)
    session.show(now=moment)
    session.finish(now=moment)
    # two cards: 20 s answering and 40 s reading each, the last until the session's end
    assert spent_between(store, day_start(moment, UTC)) == pytest.approx(120.0)


def test_a_plan_session_counts_the_time_after_an_answer_when_the_next_card_would_show(
    store: Store,
) -> None:
    """The feedback read after an answer counts when the next card would show, as Anki
    checks its time box (fifty-second round): a 30 s answer no longer fitting in what is
    left, the session ends on the minutes set. The fifty-first round counted it only once
    the store recorded it, with the next answer, and ran one feedback pause over."""
    from quiz.study.plan import TimeBox

    cards = [card for card in deck() if card.kind == "concept"]
    box = TimeBox(seconds_left=100.0, long_answer={"concept": 30.0})
    options = SessionOptions(plan_queue=tuple(card.id for card in cards), time_box=box)
    session = Session(store, cards, options, now=T)
    answered = _answer(session, T, 20.0, Rating.Good)
    assert session.current is not None, "20 s used: a 30 s answer still fits in 100 s"
    session.show(now=answered + timedelta(seconds=50))  # 70 s: 30 s more fit
    assert session.current is not None
    session.show(now=answered + timedelta(seconds=51))  # a second later, 71 s: they do not
    assert session.current is None
    assert session.time_box_note is not None


def test_the_pace_learns_a_new_drill_s_time_from_the_first_looks(store: Store) -> None:
    """A fake history: three drills first looked at for 200 s each plus 30 s reading the
    verdict, and a quick concept card's learning step; the plan's new-drill time moves
    from the default toward 230 s at once."""
    cards = deck()
    drills = [card for card in cards if card.kind == "coding"]
    assert len(drills) >= 1
    # each drill looked at once: a first look, not its learning step asked again
    options = SessionOptions(filters=Filters(kind="coding"), requeue=False)
    session = Session(store, cards, options, now=T)
    moment = T
    looked = 0
    while session.current is not None and looked < 3:
        session.show(now=moment)
        moment += timedelta(seconds=200)
        session.answer_drill(passed=True, hints_used=0, failed_attempts=0, now=moment)
        moment += timedelta(seconds=30)
        looked += 1
    session.show(now=moment)
    session.finish(now=moment)
    pace = pace_from_store(store, cards, moment, UTC)
    default = 300.0
    expected = (looked * 230.0 + (5 - looked) * default) / 5
    assert pace.new_seconds("coding", steps=False) == pytest.approx(expected)
    # no learning steps configured: a new card costs its first look alone
    none = Scheduler(learning_steps=(), relearning_steps=())
    assert pace_from_store(store, cards, moment, UTC, none).new_seconds("coding") == (
        pytest.approx(expected)
    )


def test_a_plan_day_without_steps_leaves_no_card_in_a_learning_step(store: Store) -> None:
    """After the interview the tester found cards stuck at the first learning step: plan
    mode had dropped the same-day steps, so each card's Again or Good on its day left it
    in a step no session asked. Without steps, answers go to review as fsrs schedules."""
    cards = [card for card in deck() if card.kind == "concept"]
    scheduler = Scheduler(enable_fuzzing=False)
    options = SessionOptions(
        plan_queue=tuple(card.id for card in cards), requeue=False, same_day_steps=False
    )
    session = Session(store, cards, options, now=NOW, scheduler=scheduler)
    ratings = [Rating.Again, Rating.Good, Rating.Hard]
    for rating in ratings[: len(cards)]:
        assert not session.rate(rating, now=NOW).requeued
    states = store.card_states()
    assert states and all(state.state == State.Review for state in states.values())
    # the memory is what fsrs gives with steps: only the state and the due time differ
    stepped, _log = scheduler.review_card(
        Card(card_id=1, due=NOW), Rating.Again, review_datetime=NOW
    )
    first = Card.from_json(states[cards[0].id].fsrs_card)
    assert first.stability == pytest.approx(stepped.stability)
    # a day later, plain fsrs (the plan over) finds no learning step due
    later = Session(
        store, cards, SessionOptions(), now=NOW + timedelta(days=1), scheduler=scheduler
    )
    assert all(
        store.card_state(card.id).state == State.Review  # type: ignore[union-attr]
        for card in later.planned
    )


def test_plan_queue_passes_on_whether_today_takes_steps(store: Store) -> None:
    cards = deck()
    store.set_interview_plan(
        InterviewPlan(interview=date(2026, 3, 3), minutes_per_day=30.0, target=0.9, created_at=T)
    )
    planned = plan_queue(store, cards, T, tz=UTC, scheduler=Scheduler())
    assert planned is not None and not planned.same_day_steps, "the eve: the last pass"


def test_an_again_during_learning_is_no_lapse(store: Store) -> None:
    cards = [card for card in deck() if card.kind == "concept"][:1]
    scheduler = Scheduler(enable_fuzzing=False)
    session = Session(store, cards, SessionOptions(), now=NOW, scheduler=scheduler)
    moment = NOW
    for _ in range(4):  # Again in the learning steps, asked again each time
        moment += timedelta(minutes=1)
        assert session.rate(Rating.Again, now=moment).requeued
    session.rate(Rating.Good, now=moment)
    (row,) = card_rows(cards, store, moment, tz=UTC)
    assert row.state == "learning" and row.lapses == 0, "four Agains while learning: no lapse"
    moment += timedelta(minutes=10)
    step = Session(store, cards, SessionOptions(), now=moment, scheduler=scheduler)
    step.rate(Rating.Good, now=moment)
    assert store.card_state(cards[0].id).state == State.Review  # type: ignore[union-attr]
    (row,) = card_rows(cards, store, moment, tz=UTC)
    assert row.lapses == 0, "never forgotten once learned"
    review = Session(
        store, cards, SessionOptions(), now=moment + timedelta(days=30), scheduler=scheduler
    )
    review.rate(Rating.Again, now=moment + timedelta(days=30))
    (row,) = card_rows(cards, store, moment + timedelta(days=30), tz=UTC)
    assert row.lapses == 1


def test_a_drill_given_up_in_seconds_does_not_make_the_plan_expect_quick_drills(
    store: Store,
) -> None:
    """The new user's walkthrough: a drill given up with ctrl+g after 23 s counted as a
    23 s first look, so the plan priced new drills lower and scheduled more of them. A
    give-up says the drill takes longer than that, not how long: the estimate stays.
    Solved drills, and cram answers, still teach it; a mock's rushed answers do not."""
    cards = deck()
    default = 300.0
    session = Session(store, cards, SessionOptions(filters=Filters(kind="coding")), now=T)
    given_up = session.current
    assert given_up is not None and given_up.kind == "coding"
    session.show(now=T)
    moment = T + timedelta(seconds=23)
    session.answer_drill(passed=False, hints_used=0, failed_attempts=0, now=moment)
    moment += timedelta(seconds=5)
    session.show(now=moment)
    session.finish(now=moment)
    pace = pace_from_store(store, cards, moment, UTC)
    assert pace.new_seconds("coding", steps=False) == pytest.approx(default)
    assert pace.answer_seconds("coding") == pytest.approx(default)
    assert pace.long_answer_seconds("coding") == pytest.approx(2.5 * default)

    # a drill solved in 200 s (and 30 s reading the verdict) is a first look that counts
    session = Session(store, cards, SessionOptions(filters=Filters(kind="coding")), now=moment)
    while session.current is not None and session.current.id == given_up.id:
        session.skip(now=moment)
    session.show(now=moment)
    moment += timedelta(seconds=200)
    session.answer_drill(passed=True, hints_used=0, failed_attempts=0, now=moment)
    moment += timedelta(seconds=30)
    session.show(now=moment)
    session.finish(now=moment)
    pace = pace_from_store(store, cards, moment, UTC)
    assert pace.new_seconds("coding", steps=False) == pytest.approx((230 + 4 * default) / 5)

    # quick mock answers (its own time limit, no feedback read) leave the pace alone
    before = pace_from_store(store, cards, moment, UTC)
    mock = SessionOptions(mode="mock", filters=Filters(kind="concept"), limit=3)
    session = Session(store, cards, mock, now=moment)
    while session.current is not None:
        session.show(now=moment)
        moment += timedelta(seconds=3)
        session.answer(True, now=moment)
    session.finish(now=moment)
    assert pace_from_store(store, cards, moment, UTC) == before

    # cram answers are answers like any: 10 s first looks at concept cards teach the pace
    cram = SessionOptions(mode="cram", filters=Filters(kind="concept"))
    session = Session(store, cards, cram, now=moment)
    looked = 0
    while session.current is not None:
        session.show(now=moment)
        moment += timedelta(seconds=10)
        session.rate(Rating.Good, now=moment)
        looked += 1
    session.show(now=moment)
    session.finish(now=moment)
    pace = pace_from_store(store, cards, moment, UTC)
    # the mock's looks came first, so the cram answers are later answers, not first looks
    assert pace.answer_seconds("concept") < pace.new_seconds("concept", steps=False)
    assert pace.answer_seconds("concept") == pytest.approx((looked * 10 + (5 - looked) * 30) / 5)


def test_a_drill_longer_than_the_whole_day_is_not_said_to_wait_for_tomorrow(
    store: Store, scheduler: Scheduler
) -> None:
    # 10 minutes a day: a drill's long answer at the default pace (12.5 min) fits no day,
    # and a fresh day with nothing used said "1 card waits for tomorrow", every day.
    cards = a_mixed_deck(60)
    store.set_interview_plan(yesterday_s_plan(7, minutes=10.0))
    status = plan_status(store, cards, START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.queue is not None
    load = status.load()
    assert "waits for tomorrow" not in load, load
    assert "longer than a day's 10 min (more minutes a day fit" in load, load
    assert status.queue.too_long and set(status.queue.too_long) <= set(status.queue.waiting)
    store.set_interview_plan(yesterday_s_plan(7, minutes=30.0))
    status = plan_status(store, cards, START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.queue is not None and not status.queue.too_long


def test_plan_json_counts_the_cards_no_day_fits_apart_from_those_waiting(
    store: Store, scheduler: Scheduler
) -> None:
    """`plan --json` counted a drill no day fits in `today.waiting` and called a fresh
    10-minute day of drills only `minutes_used`, while Home said 'today: done, 0 of 10 min
    used; 2 cards longer than a day's 10 min'."""
    store.set_interview_plan(yesterday_s_plan(7, minutes=10.0))
    status = plan_status(store, a_mixed_deck(60), START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.queue is not None
    today = status.as_dict()["today"]
    assert isinstance(today, dict)
    too_long = len(status.queue.too_long)
    assert too_long and today["longer_than_a_day"] == too_long
    assert today["waiting"] == len(status.queue.waiting) - too_long
    drills = [card for card in a_mixed_deck(60) if card.kind == "coding"]
    status = plan_status(store, drills, START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.queue is not None
    today = status.as_dict()["today"]
    assert isinstance(today, dict)
    assert "today: done, 0 of 10 min used; " in status.load(), status.load()
    assert (today["waiting"], today["longer_than_a_day"]) == (0, len(status.queue.waiting))
    assert status.status() == "done", "no minute of today was used"


def test_d_on_a_day_of_drills_longer_than_the_day_does_not_say_they_wait_for_tomorrow(
    store: Store, scheduler: Scheduler
) -> None:
    """A 10-minute plan over drills only (12.5 min each at the default pace): Home said
    'today: done, 0 of 10 min used; 2 cards longer than a day's 10 min', and `d` said
    'Today's plan minutes are used: 2 cards wait for tomorrow' (the session's note counted
    every card its time box left out, `PlanQueue.for_tomorrow` does not)."""
    store.set_interview_plan(yesterday_s_plan(7, minutes=10.0))
    drills = [card for card in a_mixed_deck(60) if card.kind == "coding"]
    queue = plan_queue(store, drills, START, tz=UTC, scheduler=scheduler)
    assert queue is not None and queue.too_long and queue.for_tomorrow == ()
    options = session_options(StudyRequest(mode="due"), Settings(), UTC, queue)
    session = Session(store, drills, options, now=START, scheduler=scheduler)
    assert session.current is None
    note = nothing_to_study(session, queue)
    assert "wait for tomorrow" not in note and "minutes are used" not in note, note
    assert note == (
        f"Today's plan is done: {len(queue.too_long)} cards longer than a day's 10 min "
        f"(more minutes a day fit them). {PRACTISE_MORE}"
    )


def test_d_once_the_minutes_are_used_counts_only_the_cards_that_wait_for_tomorrow(
    store: Store, scheduler: Scheduler
) -> None:
    """Concept cards and drills no day fits, the minutes used: `d` counted both as
    waiting for tomorrow, where `drillbit plan` counts the concept cards only."""
    store.set_interview_plan(yesterday_s_plan(7, minutes=10.0))
    cards = a_mixed_deck(60)
    start = partial(plan_queue, store, cards, tz=UTC, scheduler=scheduler)
    queue = start(START)
    assert queue is not None
    session = Session(
        store, cards, session_options(StudyRequest(mode="due"), Settings(), UTC, queue), now=START
    )
    moment = START
    while session.current is not None:
        moment = answer_current(session, moment, 60.0)
    session.finish(now=moment)
    queue = start(moment)
    assert queue is not None and queue.too_long and queue.for_tomorrow
    options = session_options(StudyRequest(mode="due"), Settings(), UTC, queue)
    session = Session(store, cards, options, now=moment, scheduler=scheduler)
    assert session.current is None
    assert len(session.left_for_later) == len(queue.for_tomorrow) + len(queue.too_long)
    assert nothing_to_study(session, queue) == minutes_used_note(len(queue.for_tomorrow))


def test_a_session_done_with_minutes_left_is_not_said_cut_for_a_card_no_day_fits(
    store: Store, scheduler: Scheduler
) -> None:
    """Today's cards all studied in 1 of 10 minutes, the only card left out a drill no
    day fits: the summary said "The session's last cards no longer fit in today's plan
    minutes", which had not cut it."""
    store.set_interview_plan(yesterday_s_plan(7, minutes=10.0))
    cards = a_mixed_deck(60)
    queue = plan_queue(store, cards, START, tz=UTC, scheduler=scheduler)
    assert queue is not None and queue.too_long and not queue.for_tomorrow
    options = session_options(StudyRequest(mode="due"), Settings(), UTC, queue)
    session = Session(store, cards, options, now=START, scheduler=scheduler)
    assert [card.id for card in session.left_for_later] == list(queue.too_long)
    moment = START
    while session.current is not None:
        moment = answer_current(session, moment, 5.0)
    assert session.finish(now=moment).note is None
