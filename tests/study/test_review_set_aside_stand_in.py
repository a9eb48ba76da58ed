"""A review buried or suspended under `max_reviews_per_day` leaves its place in the day's
limit to the next review held back, as a new card set aside leaves its place to the next new
card: a restart queued it and Home counted it, while the running session ended one short
("done", then Home said "1 due"). Anki's queues, rebuilt after a bury, show it too.

Found by walking a few study days (learn, again, hard, good, easy, undo, bury) and comparing
after each action what the session still had with what a restart would queue.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import deck, save_due

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
CARDS = deck()
LIMIT = 3


def _options(**kw: object) -> SessionOptions:
    return SessionOptions(**{"new_per_day": 1, "max_reviews_per_day": LIMIT, **kw})  # type: ignore[arg-type]


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _restart(store: Store, scheduler: Scheduler, **kw: object) -> list[str]:
    return list(_ids(Session(store, CARDS, _options(**kw), now=NOW, scheduler=scheduler)))


def _home(store: Store) -> int:
    counts = deck_counts(store, CARDS, NOW, new_per_day=1, max_reviews_per_day=LIMIT)
    return counts.studies_today(counts.total)


def _five_reviews_due(store: Store) -> list[str]:
    """Five reviews due, the oldest first, one relearning step due: the limit takes three."""
    ids = [card.id for card in CARDS[:5]]
    for hours, card_id in enumerate(ids):
        save_due(store, card_id, State.Review, NOW - timedelta(hours=10 - hours))
    save_due(store, CARDS[5].id, State.Relearning, NOW - timedelta(minutes=1))
    return ids


def test_a_review_buried_brings_the_next_review_the_limit_held_back(
    store: Store, scheduler: Scheduler
) -> None:
    reviews = _five_reviews_due(store)
    step, new = CARDS[5].id, CARDS[6].id
    session = Session(store, CARDS, _options(), now=NOW, scheduler=scheduler)
    assert _ids(session) == [*reviews[:3], step, new]
    session.rate(Rating.Good, now=NOW)
    session.set_aside(suspend=False, now=NOW)  # the second review, buried
    assert _ids(session) == [reviews[2], step, reviews[3], new]
    assert sorted(_ids(session)) == sorted(_restart(store, scheduler))
    assert _home(store) == len(_ids(session)) == 4
    session.set_aside(suspend=True, now=NOW)  # the third, suspended: the fifth comes
    assert sorted(_ids(session)) == sorted([step, reviews[3], reviews[4], new])
    assert sorted(_ids(session)) == sorted(_restart(store, scheduler))


def test_undo_takes_the_stand_in_back_out(store: Store, scheduler: Scheduler) -> None:
    reviews = _five_reviews_due(store)
    session = Session(store, CARDS, _options(), now=NOW, scheduler=scheduler)
    before = _ids(session)
    session.set_aside(suspend=False, now=NOW)
    assert reviews[3] in _ids(session)
    session.undo(now=NOW)
    assert _ids(session) == before
    assert store.card_flags() == {}


def test_no_stand_in_once_the_day_s_reviews_are_done_nor_for_a_step_or_a_new_card(
    store: Store, scheduler: Scheduler
) -> None:
    reviews = _five_reviews_due(store)
    step, new = CARDS[5].id, CARDS[6].id
    session = Session(store, CARDS, _options(), now=NOW, scheduler=scheduler)
    session.rate(Rating.Good, now=NOW)
    session.rate(Rating.Good, now=NOW)
    session.rate(Rating.Good, now=NOW)  # the day's three reviews done
    assert _ids(session) == [step, new]
    session.set_aside(suspend=False, now=NOW)  # a step: not counted by the limit
    session.set_aside(suspend=False, now=NOW)  # a new card: the next new one, no review
    assert _ids(session) == [CARDS[7].id] == _restart(store, scheduler)
    assert reviews[3] not in _ids(session)


def test_without_a_review_limit_or_with_limit_nothing_stands_in(
    store: Store, scheduler: Scheduler
) -> None:
    _five_reviews_due(store)
    unlimited = Session(
        store, CARDS, _options(max_reviews_per_day=None), now=NOW, scheduler=scheduler
    )
    assert len(_ids(unlimited)) == 7
    limited = Session(store, CARDS, _options(limit=2), now=NOW, scheduler=scheduler)
    limited.set_aside(suspend=False, now=NOW)
    assert len(_ids(limited)) == 1, "--limit asked for so many cards"
