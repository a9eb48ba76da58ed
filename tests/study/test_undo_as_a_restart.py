"""After an undo the session shows the undone card again, as Anki does, and the counts
and the cards after it are those a restart would give, the undone card in the place of
the restart's last new card (or review, under max_reviews_per_day).

Where a restart would queue another card than the undone one (its day's room taken by
another drillbit meanwhile, or by the new day's cards once 4:00 passed while it was on
screen again), the session kept both and ended the day one over its limit.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.scheduling import review_card
from quiz.study.session import Session
from tests.study.fakes import FakeCard, save_due
from tests.study.rollover import BERLIN, MINUTE, ROLLED, START, BerlinDeck, ids, options

CARDS = [FakeCard(f"card-{n:02d}", topic=f"t{n % 2}") for n in range(6)]
DECK = BerlinDeck(CARDS)


def test_an_undone_review_on_screen_over_4_keeps_the_new_day_s_review_limit(
    store: Store, scheduler: Scheduler
) -> None:
    reviews = [card.id for card in CARDS[3:]]  # due three, two and one days ago
    for n, card_id in enumerate(reviews):
        save_due(store, card_id, State.Review, START - timedelta(days=3 - n))
    limits = {"new_per_day": 0, "max_reviews_per_day": 2}
    session = Session(store, CARDS, options(**limits), now=START, scheduler=scheduler)
    assert ids(session) == reviews[:2]
    session.set_aside(suspend=False, now=START + MINUTE)  # the oldest, until 4:00
    assert ids(session) == reviews[1:], "the limit's room goes to the third"
    session.skip(now=START + 2 * MINUTE)
    session.rate(Rating.Good, now=START + 3 * MINUTE)  # the newest, March 9's review
    session.undo(now=START + 4 * MINUTE)
    assert session.current is not None and session.current.id == reviews[2]
    session.show(now=ROLLED)  # the oldest is back; March 10 allows two reviews
    assert session.current is not None and session.current.id == reviews[2], "still shown"
    assert len(ids(session)) == len(DECK.restart(store, scheduler, ROLLED, **limits)) == 2
    assert ids(session) == [reviews[2], reviews[0]], "the restart's last one leaves"
    session.rate(Rating.Good, now=ROLLED + MINUTE)
    session.show(now=ROLLED + MINUTE)
    assert ids(session) == DECK.restart(store, scheduler, ROLLED + MINUTE, **limits)
    assert len(ids(session)) == DECK.home(store, ROLLED + MINUTE, **limits) == 1


def test_an_old_day_s_new_card_undone_after_4_is_shown_in_the_new_day_s_place(
    store: Store, scheduler: Scheduler
) -> None:
    """new_per_day 1: the first new card buried, its stand-in suspended, the next one
    answered at 03:43, undone at 04:01, when a restart would queue the first (its burial
    over). Anki shows the undone card: so does the session, as the day's one new card."""
    limits = {"new_per_day": 1}
    session = Session(store, CARDS, options(**limits), now=START, scheduler=scheduler)
    session.set_aside(suspend=False, now=START + MINUTE)  # card-00, until 4:00
    session.set_aside(suspend=True, now=START + 2 * MINUTE)  # card-01, for good
    answered = session.current
    assert answered is not None and answered.id == CARDS[2].id
    session.rate(Rating.Easy, now=START + 3 * MINUTE)
    session.show(now=ROLLED)
    assert ids(session) == [CARDS[0].id] == DECK.restart(store, scheduler, ROLLED, **limits)
    session.undo(now=ROLLED + MINUTE)
    assert ids(session) == [answered.id], "the undone card, and no second new card"
    assert len(DECK.restart(store, scheduler, ROLLED + MINUTE, **limits)) == 1
    assert DECK.home(store, ROLLED + MINUTE, **limits) == 1
    session.rate(Rating.Easy, now=ROLLED + 2 * MINUTE)
    session.show(now=ROLLED + 2 * MINUTE)
    assert ids(session) == [] == DECK.restart(store, scheduler, ROLLED + 2 * MINUTE, **limits)


def test_an_undo_after_another_drillbit_took_the_day_s_room_keeps_the_limit(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """new_per_day 2: the first new card answered Again here, another drillbit answers a
    new card there, then the answer here is undone. One new card is left for the day: the
    undone one, shown again, and the second leaves, as a restart queues only one."""
    limits = {"new_per_day": 2}
    noon = datetime(2026, 3, 10, 12, 0, tzinfo=BERLIN.zone).astimezone(UTC)
    session = Session(store, CARDS, options(**limits), now=noon, scheduler=scheduler)
    assert ids(session) == [CARDS[0].id, CARDS[1].id]
    first = session.rate(Rating.Again, now=noon + MINUTE).card
    review_card(other, scheduler, CARDS[5].id, Rating.Easy, now=noon + 2 * MINUTE, correct=True)
    session.undo(now=noon + 3 * MINUTE)
    assert session.current == first
    assert ids(session) == [first.id] == DECK.restart(store, scheduler, noon + 3 * MINUTE, **limits)
    assert DECK.home(store, noon + 3 * MINUTE, **limits) == 1
    session.rate(Rating.Easy, now=noon + 4 * MINUTE)
    session.show(now=noon + 4 * MINUTE)
    assert ids(session) == [] == DECK.restart(store, scheduler, noon + 4 * MINUTE, **limits)
