"""A clock set back after answers were given: they are dated after "now". Each answer counts
on the day its time falls on, once: the earlier day does not count it too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating, Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.options import SessionOptions
from quiz.study.plan_status import plan_status
from quiz.study.scheduling import review_card
from quiz.study.session import Session
from quiz.study.stats import compute_stats
from tests.study.fakes import NOW, deck
from tests.study.test_plan import a_mixed_deck, answer_current, plan_session

AHEAD = timedelta(days=1)
"""How far ahead the clock was when the answers were given."""


def test_plan_minutes_given_a_day_ahead_count_on_that_day_only(
    store: Store, scheduler: Scheduler
) -> None:
    # A clock a day ahead, then set right: the evening's 8 answers were dated tomorrow,
    # and today's plan counted their minutes as used today, then again tomorrow.
    cards = a_mixed_deck(60)
    now = datetime(2026, 3, 10, 20, 0, tzinfo=UTC)
    store.set_interview_plan(InterviewPlan(now.date() + timedelta(days=10), 30.0, 0.9, now))
    session = plan_session(store, cards, now + AHEAD, scheduler)
    moment = now + AHEAD
    for _answer in range(8):
        moment = answer_current(session, moment, 20.0)
    session.finish(now=moment)
    today = plan_status(store, cards, now, tz=UTC, scheduler=scheduler)
    tomorrow = plan_status(store, cards, moment + timedelta(minutes=1), tz=UTC, scheduler=scheduler)
    assert today is not None and today.queue is not None
    assert tomorrow is not None and tomorrow.queue is not None
    assert tomorrow.queue.spent_seconds > 0, "the answers' own day counts them"
    assert today.queue.spent_seconds == 0, "not today as well"
    # studying today after the clock was set back goes on, and nothing is asked twice
    again = plan_session(store, cards, now, scheduler)
    answered = {review.card_id for review in store.reviews()}
    assert again.remaining > 0 and not answered & {card.id for card in again.planned}
    moment = now
    while again.current is not None:
        moment = answer_current(again, moment, 20.0)
        again.show(now=moment)
    after = plan_status(store, cards, moment, tz=UTC, scheduler=scheduler)
    assert after is not None and 0 < after.on_the_day.overall <= 1


def test_new_cards_introduced_a_day_ahead_leave_today_s_allowance_alone(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck()
    for card in cards[:3]:  # answered with the clock a day ahead
        review_card(store, scheduler, card.id, Rating.Good, now=NOW + AHEAD, correct=True)
    session = Session(store, cards, SessionOptions(new_per_day=3), now=NOW, scheduler=scheduler)
    assert len(session.planned) == 3, "today's three new cards (the old count: none)"
    tomorrow = Session(
        store, cards, SessionOptions(new_per_day=3), now=NOW + AHEAD, scheduler=scheduler
    )
    # no new card: tomorrow's three are used, counted once, on their day; the three
    # themselves, in their 10-minute step, wait in the session for it
    assert [card.id for card in tomorrow.planned] == [card.id for card in cards[:3]]


def test_a_card_answered_before_its_last_review_is_scheduled_and_counted_once(
    store: Store, scheduler: Scheduler
) -> None:
    review_card(store, scheduler, "adam-bias", Rating.Good, now=NOW + AHEAD, correct=True)
    review = review_card(store, scheduler, "adam-bias", Rating.Good, now=NOW, correct=True)
    assert review.card_after is not None
    saved = store.card_state("adam-bias")
    assert saved is not None and saved.due > NOW
    stats = compute_stats(store, deck(), NOW + 2 * AHEAD)
    days = {day.date: day.reviews for day in stats.reviews_per_day}
    assert days[NOW.date()] == 1 and days[(NOW + AHEAD).date()] == 1
    assert sum(days.values()) == 2
