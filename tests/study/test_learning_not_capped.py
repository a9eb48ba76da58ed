"""max_reviews_per_day caps the day's reviews, not its learning steps (as Anki's limit)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating, Scheduler, State

from quiz.overview import home_rows
from quiz.store import Store
from quiz.store.timefmt import to_db
from quiz.study.counts import deck_counts
from quiz.study.options import SessionOptions
from quiz.study.queue import plan_due, steps_due_later
from quiz.study.rest_of_day import RestOfDay
from quiz.study.session import Session
from tests.study.fakes import NOW, deck

LIMITS = SessionOptions(new_per_day=3, max_reviews_per_day=2)


def _three_cards_in_their_steps(store: Store, scheduler: Scheduler) -> datetime:
    """Three new cards each answered twice in their steps (Again, then Good): the moment,
    returned, when their ten-minute steps are due."""
    cards = deck()
    session = Session(store, cards, LIMITS, now=NOW, scheduler=scheduler)
    moment = NOW
    for rating in (Rating.Again,) * 3 + (Rating.Good,) * 3:
        if rating == Rating.Good and moment < NOW + timedelta(minutes=2):
            moment = NOW + timedelta(minutes=2)  # the one-minute steps are due
        session.show(now=moment)
        session.rate(rating, now=moment)
        moment += timedelta(seconds=5)
    session.finish(now=moment)
    return moment + timedelta(minutes=11)


def test_cards_in_their_steps_are_asked_after_the_days_reviews_are_done(
    store: Store, scheduler: Scheduler
) -> None:
    """Three new cards, each answered twice in their steps, took three of the day's two
    reviews: quit and come back, and Home said 0 and `d` asked none of the three, their
    next step left for the next day. Anki counts the day's learning apart."""
    later = _three_cards_in_their_steps(store, scheduler)
    cards = deck()
    counts = deck_counts(store, cards, later, new_per_day=3, max_reviews_per_day=2)
    assert counts.reviews_done == 0, "steps are no reviews against the limit"
    assert (counts.total.due, counts.total.steps_due) == (3, 3)
    assert counts.studies_today(counts.total) == 3
    again = Session(store, cards, LIMITS, now=later, scheduler=scheduler)
    assert [card.id for card in again.planned] == [card.id for card in cards[:3]]


def test_homes_rows_count_the_steps_as_the_headline_does(
    store: Store, scheduler: Scheduler
) -> None:
    """Home's table left the steps due out of its rows' counts, so its "today" column
    capped them with the reviews: a heavy home's headline said 1,932 due (200 reviews and
    1,732 steps) and the row beside it 220 (200 + 20 new)."""
    later = _three_cards_in_their_steps(store, scheduler)
    counts = deck_counts(store, deck(), later, new_per_day=3, max_reviews_per_day=2)
    pack_row, *topic_rows = home_rows({}, counts)
    assert pack_row.counts == counts.total
    assert counts.studies_today(pack_row.counts) == counts.studies_today(counts.total) == 3
    (topics,) = counts.by_pack_topic.values()
    assert [row.counts for row in topic_rows] == [topics[row.topic or ""] for row in topic_rows]


def test_the_limit_takes_the_oldest_reviews_and_every_step_due() -> None:
    cards = deck()
    due_at = {card.id: to_db(NOW - timedelta(hours=n)) for n, card in enumerate(cards)}
    stepping = {cards[0].id, cards[5].id}
    planned = plan_due(cards, due_at, NOW, new_allowance=0, review_allowance=2, stepping=stepping)
    oldest_reviews = [cards[7].id, cards[6].id]  # seven and six hours overdue
    assert [card.id for card in planned] == [
        oldest_reviews[0],
        oldest_reviews[1],
        cards[5].id,
        cards[0].id,
    ]
    capped = plan_due(cards, due_at, NOW, new_allowance=0, review_allowance=2)
    assert [card.id for card in capped] == oldest_reviews, "no steps named: all capped"
    limited = plan_due(
        cards, due_at, NOW, new_allowance=0, review_allowance=2, stepping=stepping, limit=3
    )
    assert [card.id for card in limited] == oldest_reviews + [cards[5].id], "limit: all"


def test_steps_without_a_review_limit_are_queued_with_the_rest_by_due_time() -> None:
    """Only a review limit sets the steps apart; with none, every due card is in, oldest first."""
    cards = deck()
    due_at = {card.id: to_db(NOW - timedelta(hours=n)) for n, card in enumerate(cards[:4])}
    planned = plan_due(cards, due_at, NOW, new_allowance=0, stepping={cards[1].id})
    assert [card.id for card in planned] == [cards[n].id for n in (3, 2, 1, 0)]


def test_steps_due_later_today_are_waited_for_earliest_first() -> None:
    """In due time, not content order: a session waits for the nearest step first."""
    cards = deck()
    columns = {
        cards[0].id: (int(State.Learning), to_db(NOW + timedelta(minutes=50))),
        cards[1].id: (int(State.Review), to_db(NOW + timedelta(minutes=5))),  # no step
        cards[2].id: (int(State.Relearning), to_db(NOW + timedelta(minutes=10))),
        cards[3].id: (int(State.Learning), to_db(NOW + timedelta(days=2))),  # not today
    }
    later = steps_due_later(cards, columns, RestOfDay.at(NOW, UTC))
    assert [(due, card.id) for due, card in later] == [
        (NOW + timedelta(minutes=10), cards[2].id),
        (NOW + timedelta(minutes=50), cards[0].id),
    ]
