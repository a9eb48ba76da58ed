"""A due session's queue: the day's reviews left, a `--limit`, the steps that wait for later.

Found by the thirty-seventh round's mutation audit of quiz/study/queue.py
(docs/mutation-audits.md); each of these changes passed every study test: `mode_queue`
skipping the review limit, a day with no reviews left still asking its one review beside a
step, a limit taking every step due later today whatever room it had left, and steps due
at one moment put in order by comparing the cards themselves (which cannot be compared).
"""

from __future__ import annotations

from datetime import UTC, timedelta

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.store.timefmt import to_db
from quiz.study.options import SessionOptions
from quiz.study.queue import plan_due, steps_due_later
from quiz.study.rest_of_day import RestOfDay
from quiz.study.scheduling import review_card
from quiz.study.session import Session
from tests.study.fakes import NOW, deck


def test_a_due_session_asks_only_the_reviews_the_day_has_left(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck()
    # five cards out of learning (Easy) long ago, due since, the oldest first
    for days_ago, card in zip(range(60, 55, -1), cards, strict=False):
        review_card(
            store, scheduler, card.id, Rating.Easy, now=NOW - timedelta(days=days_ago), correct=True
        )
    # one of them reviewed earlier today: one of the day's three reviews is done
    review_card(
        store, scheduler, cards[4].id, Rating.Good, now=NOW - timedelta(hours=1), correct=True
    )
    options = SessionOptions(new_per_day=0, max_reviews_per_day=3)
    session = Session(store, cards, options, now=NOW, scheduler=scheduler)
    assert [card.id for card in session.planned] == [cards[0].id, cards[1].id]
    unlimited = Session(store, cards, SessionOptions(new_per_day=0), now=NOW, scheduler=scheduler)
    assert [card.id for card in unlimited.planned] == [card.id for card in cards[:4]]


def test_a_day_with_no_reviews_left_asks_its_step_and_not_its_one_review() -> None:
    cards = deck()
    due_at = {
        cards[0].id: to_db(NOW - timedelta(hours=1)),
        cards[1].id: to_db(NOW - timedelta(hours=2)),
    }
    planned = plan_due(
        cards, due_at, NOW, new_allowance=0, review_allowance=0, stepping={cards[0].id}
    )
    assert [card.id for card in planned] == [cards[0].id]


def test_a_limit_leaves_out_the_steps_due_later_that_it_has_no_room_for(
    store: Store, scheduler: Scheduler
) -> None:
    cards = deck()
    review_card(
        store, scheduler, cards[0].id, Rating.Easy, now=NOW - timedelta(days=60), correct=True
    )
    # a new card answered Again half a minute ago: its one-minute step is due later today
    review_card(
        store, scheduler, cards[1].id, Rating.Again, now=NOW - timedelta(seconds=30), correct=True
    )
    options = SessionOptions(new_per_day=0, limit=1)
    session = Session(store, cards, options, now=NOW, scheduler=scheduler)
    assert [card.id for card in session.planned] == [cards[0].id]
    roomy = Session(
        store, cards, SessionOptions(new_per_day=0, limit=2), now=NOW, scheduler=scheduler
    )
    assert [card.id for card in roomy.planned] == [cards[0].id, cards[1].id]


def test_steps_due_at_the_same_moment_wait_in_content_order() -> None:
    cards = deck()
    at = to_db(NOW + timedelta(minutes=10))
    columns = {card.id: (int(State.Learning), at) for card in (cards[5], cards[2], cards[3])}
    later = steps_due_later(cards, columns, RestOfDay.at(NOW, UTC))
    assert [card.id for _due, card in later] == [cards[2].id, cards[3].id, cards[5].id]
