"""The summary's next due time leaves out what the session set aside."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.options import SessionOptions
from quiz.study.scheduling import review_card
from quiz.study.session import Session
from tests.study.fakes import NOW, deck


def overdue_and_later(store: Store, scheduler: Scheduler) -> Session:
    """Two cards in review: one overdue (queued), one due in a week."""
    cards = deck()[:2]
    for card, when in ((cards[0], NOW - timedelta(days=40)), (cards[1], NOW)):
        review_card(store, scheduler, card.id, Rating.Easy, now=when, correct=True)
    session = Session(store, cards, SessionOptions(new_per_day=0), now=NOW, scheduler=scheduler)
    assert [card.id for card in session.queued] == [cards[0].id]
    session.show(now=NOW)
    return session


def test_a_card_suspended_in_the_session_is_not_the_next_due(
    store: Store, scheduler: Scheduler
) -> None:
    """Suspend the one due card and the summary said "Next due: now": `d` on Home then
    found nothing to study."""
    session = overdue_and_later(store, scheduler)
    session.set_aside(suspend=True, now=NOW)
    later = store.card_state(deck()[1].id)
    assert later is not None
    assert session.finish(now=NOW).next_due == later.due


def test_a_buried_card_is_next_due_when_its_burial_ends(store: Store, scheduler: Scheduler) -> None:
    session = overdue_and_later(store, scheduler)
    aside = session.set_aside(suspend=False, now=NOW)
    assert aside is not None and aside.flag.buried_until is not None
    assert session.finish(now=NOW).next_due == aside.flag.buried_until  # tomorrow's start
