"""Studying ahead under a plan: once the day's list is done with minutes left, the next
days' new cards that fit in them, offered apart from the day's counts (Anki's custom study)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating, Scheduler

import quiz.study.plan
from quiz.overview import StudyRequest, nothing_to_study, session_options
from quiz.settings import Settings
from quiz.store import Store
from quiz.study.plan_reads import current_memory, memory_at
from quiz.study.plan_status import PlanStatus, plan_status
from quiz.study.plan_today import PlanQueue, plan_queue, today_decision
from quiz.study.session import Session
from tests.study.test_plan import START, C, yesterday_s_plan

DECK = [C(f"c{i:03d}") for i in range(120)]
BIG = [C(f"c{i:03d}") for i in range(600)]


def study(
    store: Store,
    queue: PlanQueue,
    moment: datetime,
    scheduler: Scheduler,
    *,
    seconds: float,
    ahead: bool = False,
    deck: list[C] = DECK,
) -> tuple[Session, datetime]:
    """A plan-mode due session as the workspace builds it (`ahead`: studying ahead),
    every card answered Good in `seconds` until none is left; returns it and the time."""
    options = session_options(StudyRequest(mode="due", ahead=ahead), Settings(), UTC, queue)
    session = Session(store, deck, options, now=moment, scheduler=scheduler)
    while session.current is not None:
        session.show(now=moment)
        moment += timedelta(seconds=seconds)
        session.rate(Rating.Good, now=moment, duration_ms=int(seconds * 1000))
    session.finish(now=moment)
    return session, moment


def day_done_quickly(
    store: Store, scheduler: Scheduler, deck: list[C] = DECK
) -> tuple[PlanStatus, datetime]:
    """A 14-day plan of 30 min a day set the day before START; today's list (planned at
    the default pace: no answer yet) answered at 5 s an answer. The plan's status then."""
    store.set_interview_plan(yesterday_s_plan(14, minutes=30))
    morning = plan_queue(store, deck, START, tz=UTC, scheduler=scheduler)
    assert morning is not None and morning.offered and morning.ahead == ()
    _session, moment = study(store, morning, START, scheduler, seconds=5.0, deck=deck)
    status = plan_status(store, deck, moment, tz=UTC, scheduler=scheduler)
    assert status is not None and status.queue is not None
    return status, moment


def test_nothing_is_offered_ahead_while_the_day_s_list_has_cards(
    store: Store, scheduler: Scheduler, monkeypatch: pytest.MonkeyPatch
) -> None:
    # not even computed: Home counts the plan at every refresh while the day is studied
    def refused(*_args: object, **_kwargs: object) -> tuple[str, ...]:
        raise AssertionError("study_ahead computed while the day's list has cards")

    monkeypatch.setattr(quiz.study.plan, "study_ahead", refused)
    store.set_interview_plan(yesterday_s_plan(14, minutes=30))
    status = plan_status(store, DECK, START, tz=UTC, scheduler=scheduler)
    assert status is not None and status.queue is not None and status.offered
    assert status.ahead == () and status.queue.ahead_box is None
    assert "ahead" not in status.line(ahead_key="a")
    assert status.as_dict()["today"]["ahead"] == 0  # type: ignore[index]
    count = len(status.offered)
    assert status.queue.no_ahead_reason() == (
        f"today's list still has {count} cards; study them first (drillbit study)"
    )
    # an empty session studying ahead: not fsrs's due cards, and `d`'s note says why
    session, _moment = study(store, status.queue, START, scheduler, seconds=5.0, ahead=True)
    assert session.planned == () and session.plan_mode
    assert nothing_to_study(session, status.queue, ahead=True) == (
        f"Nothing to study ahead: today's list still has {count} cards; study them first "
        "(drillbit study)."
    )


def test_a_day_done_early_offers_the_next_new_cards_that_fit_in_the_minutes_left(
    store: Store, scheduler: Scheduler
) -> None:
    status, _moment = day_done_quickly(store, scheduler)
    queue = status.queue
    assert queue is not None and queue.ahead_box is not None
    assert status.offered == () and queue.ids == (), "the day's list is done"
    seen = set(store.card_states([card.id for card in DECK]))
    unseen = [card.id for card in DECK if card.id not in seen]
    assert status.ahead, "minutes are left, and the pace measured now is quick"
    assert status.ahead == tuple(unseen[: len(status.ahead)]), "the next cards, in order"
    assert all(queue.ahead_box.fits("concept", 0.0) for _ in status.ahead)
    left = 30 * 60 - queue.spent_seconds
    assert queue.ahead_box.seconds_left == pytest.approx(left)
    minutes = int(left // 60)
    # apart from the day's counts: the day is done, what is ahead is said beside it
    assert status.load().startswith("today: done, ")
    assert status.status() == "done", "plan --json says what Home says, not 'nothing_planned'"
    assert status.line(ahead_key="a").endswith(f" · ahead: {len(status.ahead)} new (a)")
    today = status.as_dict()["today"]
    assert isinstance(today, dict)
    assert (today["new"], today["review_total"], today["ahead"]) == (0, 0, len(status.ahead))
    assert status.ahead_note() == (
        f"Study ahead: {len(status.ahead)} new cards of the next days fit in the {minutes} "
        "min left: drillbit study --ahead."
    )
    # `d` on the done day offers it
    session, _end = study(store, queue, _moment, scheduler, seconds=5.0)
    assert session.planned == ()
    assert nothing_to_study(session, queue) == (
        f"Today's plan is done. Study ahead: {len(status.ahead)} new cards of the next days "
        f"fit in the {minutes} min left: press a (drillbit study --ahead)."
    )


def test_studying_ahead_studies_the_offer_and_leaves_the_day_s_counts_at_zero(
    store: Store, scheduler: Scheduler
) -> None:
    status, moment = day_done_quickly(store, scheduler, BIG)
    assert status.queue is not None and status.today is not None
    offer = status.ahead
    day_new = {review.card_id for review in store.reviews(since=START)}
    session, moment = study(
        store, status.queue, moment, scheduler, seconds=5.0, ahead=True, deck=BIG
    )
    assert tuple(card.id for card in session.planned) == offer, "exactly the offer, in order"
    assert session.plan_mode and session.options.time_box == status.queue.ahead_box
    assert {answer.card.id for answer in session.answers} == set(offer)
    after = plan_status(store, BIG, moment, tz=UTC, scheduler=scheduler)
    assert after is not None and after.queue is not None
    assert after.offered == () and after.queue.ids == (), "the day's counts stay at 0"
    used = round(after.queue.spent_seconds / 60)
    assert after.load() == f"today: done, {used} of 30 min used"
    assert after.queue.spent_seconds > status.queue.spent_seconds, "the minutes count"
    # the next day plans its new cards after them: none is introduced again
    tomorrow = plan_status(
        store, BIG, START + timedelta(days=1, hours=1), tz=UTC, scheduler=scheduler
    )
    assert tomorrow is not None and tomorrow.today is not None and tomorrow.today.new
    assert not set(tomorrow.today.new) & (set(offer) | day_new)
    unseen = [card.id for card in BIG if card.id not in day_new | set(offer)]
    assert tomorrow.today.new == tuple(unseen[: len(tomorrow.today.new)])


def test_once_every_card_is_seen_nothing_is_ahead_and_the_reason_says_so(
    store: Store, scheduler: Scheduler
) -> None:
    status, moment = day_done_quickly(store, scheduler)
    assert status.queue is not None
    _session, moment = study(store, status.queue, moment, scheduler, seconds=5.0, ahead=True)
    after = plan_status(store, DECK, moment, tz=UTC, scheduler=scheduler)
    assert after is not None and after.queue is not None
    assert len(store.card_states([card.id for card in DECK])) == len(DECK), "all seen"
    assert after.ahead == () and after.queue.no_ahead == "seen"
    assert after.status() == "done", "studied today, nothing more fits ahead"
    assert after.queue.no_ahead_reason() == "every card is seen: the plan's next days only review"
    assert "ahead" not in after.line(ahead_key="a")


def test_the_time_box_stops_a_session_studying_ahead_when_the_minutes_run_out(
    store: Store, scheduler: Scheduler
) -> None:
    status, moment = day_done_quickly(store, scheduler)
    assert status.queue is not None and len(status.ahead) > 2
    # each answer far slower than the pace that chose the offer
    session, moment = study(store, status.queue, moment, scheduler, seconds=240.0, ahead=True)
    answered = {answer.card.id for answer in session.answers}
    assert answered and answered < set(status.ahead), "the minutes ran out first"
    assert session.left_for_later, "the rest wait"
    after = plan_status(store, DECK, moment, tz=UTC, scheduler=scheduler)
    assert after is not None and after.queue is not None
    # the cards it left in a learning step are the day's now (as any answer's step is),
    # and wait for tomorrow with the minutes used
    assert after.ahead == () and after.queue.no_ahead_reason() == "today's plan minutes are used"
    assert after.load().startswith(f"today: done, {round(after.queue.spent_seconds / 60)} of 30")


def test_a_done_day_s_status_reads_the_card_states_once(
    store: Store, scheduler: Scheduler, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the day's start, the offer ahead and readiness on the day each read every card's
    # state (the whole table, each state parsed): three reads in one status
    status, moment = day_done_quickly(store, scheduler)
    assert status.ahead, "the list done with minutes left: the offer ahead is computed"
    reads: list[object] = []
    read = Store.card_states

    def counted(self: Store, card_ids: object = None) -> object:
        reads.append(card_ids)
        return read(self, card_ids)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "card_states", counted)
    again = plan_status(store, DECK, moment, tz=UTC, scheduler=scheduler, with_forecast=True)
    assert len(reads) == 1
    assert again is not None and again.forecast
    assert replace(again, forecast=()) == status, "the same status"


def test_the_day_s_parts_from_the_states_read_once_are_those_read_each_time(
    store: Store, scheduler: Scheduler
) -> None:
    status, moment = day_done_quickly(store, scheduler)
    plan = store.interview_plan()
    assert plan is not None
    ids = [card.id for card in DECK]
    current = current_memory(store, ids)
    assert current and len(current) < len(DECK), "some cards seen, some new"
    # the memory at the day's start: today's answers taken back, from the states given
    assert memory_at(store, ids, START, current) == memory_at(store, ids, START)
    assert memory_at(store, ids[::-1], START, current) == memory_at(store, ids[::-1], START)
    given = today_decision(store, DECK, plan, moment, tz=UTC, scheduler=scheduler, current=current)
    assert given == today_decision(store, DECK, plan, moment, tz=UTC, scheduler=scheduler)
    assert given is not None and given[1] == status.queue
