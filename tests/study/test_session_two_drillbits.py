"""Two drillbits studying one progress at once: no card is reviewed twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.elsewhere import AnsweredElsewhere, answered_elsewhere_phrase
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import NOW, deck

SECOND = timedelta(seconds=1)


def two_sessions(store: Store, other: Store, scheduler: Scheduler) -> tuple[Session, Session]:
    cards = deck()
    here = Session(store, cards, SessionOptions(), now=NOW, scheduler=scheduler)
    there = Session(other, cards, SessionOptions(), now=NOW + SECOND, scheduler=scheduler)
    return here, there


def test_a_card_answered_in_the_other_drillbit_is_not_asked_again(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """Both queued the same new cards: the one answered there was asked here too, and a
    Good on its 10-minute step, seconds later, graduated it two days out.

    The card is not asked now, but it is not dropped for good either: that was to keep it
    from being asked seconds after the other answer, and Home and a restart still counted
    it, so the session ended one short. It waits for its step, as a restart queues it
    (tests/study/test_step_answered_elsewhere.py)."""
    here, there = two_sessions(store, other, scheduler)
    first = there.current
    assert first is not None and here.current == first
    there.show(now=NOW + 2 * SECOND)
    there.rate(Rating.Good, now=NOW + 3 * SECOND)
    here.show(now=NOW + 4 * SECOND)
    assert here.current is not None and here.current.id != first.id
    assert here.stepped_elsewhere == [first] and here.answered_elsewhere == []
    assert [card.id for card in here.queued][-1] == first.id, "waiting at its step"
    assert here.progress == (0, len(deck()))
    assert len(store.reviews(card_id=first.id)) == 1


def test_the_card_on_screen_answered_there_meanwhile_logs_nothing_here(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    here, there = two_sessions(store, other, scheduler)
    here.show(now=NOW + SECOND)  # shown here, and there as well
    there.show(now=NOW + SECOND)
    shown = here.current
    assert shown is not None
    there.rate(Rating.Easy, now=NOW + 2 * SECOND)  # days out: a Good's step waits here
    with pytest.raises(AnsweredElsewhere) as raised:
        here.rate(Rating.Again, now=NOW + 3 * SECOND)
    assert raised.value.card == shown
    assert len(store.reviews(card_id=shown.id)) == 1, "the other drillbit's answer alone"
    assert here.answers == [] and here.current is not None and here.current != shown
    assert answered_elsewhere_phrase(here.answered_elsewhere) == (
        f"'{shown.title}' was answered in another drillbit meanwhile: not asked again here."
    )


def test_a_step_waiting_here_is_dropped_once_the_other_drillbit_answered_it(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    here, there = two_sessions(store, other, scheduler)
    here.show(now=NOW + SECOND)
    card = here.current
    assert card is not None
    here.rate(Rating.Again, now=NOW + 2 * SECOND)  # back here in a minute
    assert card.id in {c.id for c in here.queued}
    there.show(now=NOW + 3 * SECOND)
    assert there.current != card, "answered here before it was shown there"
    there_copy = Session(other, deck(), SessionOptions(), now=NOW + 2 * timedelta(minutes=1))
    assert there_copy.current == card, "its step is due: the other drillbit asks it"
    there_copy.show(now=NOW + 2 * timedelta(minutes=1))
    there_copy.rate(Rating.Easy, now=NOW + 2 * timedelta(minutes=1))  # a review, days out
    here.show(now=NOW + 3 * timedelta(minutes=1))
    assert card.id not in {c.id for c in here.queued}
    assert here.answered_elsewhere == [card]
    assert len(store.reviews(card_id=card.id)) == 2


def test_a_card_due_again_after_the_other_drillbits_answer_is_asked(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """An Again there whose one-minute step has passed is due: asking it is no repeat."""
    here, there = two_sessions(store, other, scheduler)
    there.show(now=NOW + SECOND)
    first = there.current
    there.rate(Rating.Again, now=NOW + 2 * SECOND)
    here.show(now=NOW + 2 * timedelta(minutes=1))
    assert here.current == first and here.answered_elsewhere == []


def test_undo_here_brings_back_its_card_and_not_the_one_answered_there(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    here, there = two_sessions(store, other, scheduler)
    here.show(now=NOW + SECOND)
    mine = here.current
    here.rate(Rating.Good, now=NOW + 2 * SECOND)
    there.show(now=NOW + 3 * SECOND)  # its first card was answered here: the next one
    theirs = there.current
    assert theirs is not None and theirs != mine
    there.rate(Rating.Easy, now=NOW + 4 * SECOND)  # days out: a Good's step waits here
    here.show(now=NOW + 5 * SECOND)
    assert here.answered_elsewhere == [theirs]
    here.undo(now=NOW + 6 * SECOND)
    here.show(now=NOW + 7 * SECOND)
    assert here.current == mine
    assert theirs.id not in {c.id for c in here.queued}
    assert len(store.reviews(card_id=theirs.id)) == 1
