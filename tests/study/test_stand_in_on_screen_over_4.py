"""A card queued before 4:00 in the place of one buried (`_stand_in`, `_review_stand_in`)
and still on screen when the day rolls over stays on screen: the burial has ended, and a
restart then would queue the buried card in its place, but the person is reading (or
typing an answer to) the card shown, and Anki's reviewer answers the card it shows too.
The new day's limit holds all the same: the buried card waits behind the day's last place,
the count is a restart's and Home's, and once the card shown is answered the session's
cards are a restart's. Not on screen, the stand-in leaves at 4:00 for the card it stood
in for. Seeds 128 (a review) and 253 (a new card) of the restart walks, made small.
"""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.session import Session
from tests.study.fakes import FakeCard, save_due
from tests.study.rollover import MINUTE, ROLLED, START, BerlinDeck, ids, options

CARDS = [FakeCard(f"card-{n:02d}", topic=f"t{n % 2}") for n in range(4)]
DECK = BerlinDeck(CARDS)
NEW, SECOND_NEW, OLDER, NEWER = (card.id for card in CARDS)


def _two_reviews(store: Store) -> None:
    """Two reviews due, OLDER two days ago, NEWER one: a limit of one asks OLDER."""
    save_due(store, OLDER, State.Review, START - timedelta(days=2))
    save_due(store, NEWER, State.Review, START - timedelta(days=1))


def _session(store: Store, scheduler: Scheduler, **limits: int) -> Session:
    session = Session(store, CARDS, options(**limits), now=START, scheduler=scheduler)
    session.show(now=START)
    return session


def test_a_review_standing_in_on_screen_over_4_stays_and_the_buried_one_waits(
    store: Store, scheduler: Scheduler
) -> None:
    """Seed 128: the older review buried at 03:41, the newer one queued for it and shown."""
    _two_reviews(store)
    limits = {"new_per_day": 1, "max_reviews_per_day": 1}
    session = _session(store, scheduler, **limits)
    assert ids(session) == [OLDER, NEW]
    session.set_aside(suspend=False, now=START + MINUTE)
    session.show(now=START + MINUTE)
    assert ids(session) == [NEWER, NEW] == DECK.restart(store, scheduler, START + MINUTE, **limits)
    session.show(now=ROLLED)
    assert DECK.restart(store, scheduler, ROLLED, **limits) == [OLDER, NEW], "its burial is over"
    assert ids(session) == [NEWER, NEW], "the card on screen stays, in the review's one place"
    assert len(ids(session)) == DECK.home(store, ROLLED, **limits) == 2
    session.rate(Rating.Good, now=ROLLED + MINUTE)
    session.show(now=ROLLED + MINUTE)
    assert ids(session) == [NEW] == DECK.restart(store, scheduler, ROLLED + MINUTE, **limits)
    assert DECK.home(store, ROLLED + MINUTE, **limits) == 1


def test_a_new_card_standing_in_on_screen_over_4_stays_and_the_buried_one_waits(
    store: Store, scheduler: Scheduler
) -> None:
    """Seed 253: the first new card buried at 03:41, the second queued for it and shown."""
    limits = {"new_per_day": 1}
    session = _session(store, scheduler, **limits)
    assert ids(session) == [NEW]
    session.set_aside(suspend=False, now=START + MINUTE)
    session.show(now=START + MINUTE)
    assert ids(session) == [SECOND_NEW] == DECK.restart(store, scheduler, START + MINUTE, **limits)
    session.show(now=ROLLED)
    assert DECK.restart(store, scheduler, ROLLED, **limits) == [NEW], "its burial is over"
    assert ids(session) == [SECOND_NEW], "the card on screen stays, as the day's new card"
    assert DECK.home(store, ROLLED, **limits) == 1
    session.rate(Rating.Easy, now=ROLLED + MINUTE)
    session.show(now=ROLLED + MINUTE)
    assert ids(session) == [] == DECK.restart(store, scheduler, ROLLED + MINUTE, **limits)
    assert DECK.home(store, ROLLED + MINUTE, **limits) == 0


def test_a_stand_in_no_longer_on_screen_at_4_leaves_for_the_card_it_stood_in_for(
    store: Store, scheduler: Scheduler
) -> None:
    """The same review case, the stand-in skipped before 4:00: the new card is on screen,
    and the new day's one review is the restart's, the buried one."""
    _two_reviews(store)
    limits = {"new_per_day": 1, "max_reviews_per_day": 1}
    session = _session(store, scheduler, **limits)
    session.set_aside(suspend=False, now=START + MINUTE)
    session.skip(now=START + 2 * MINUTE)
    session.show(now=START + 2 * MINUTE)
    assert ids(session) == [NEW, NEWER]
    session.show(now=ROLLED)
    assert ids(session) == [NEW, OLDER]
    assert sorted(ids(session)) == sorted(DECK.restart(store, scheduler, ROLLED, **limits))
    assert DECK.home(store, ROLLED, **limits) == 2
