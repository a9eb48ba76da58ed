"""A queued card another drillbit answered into a learning step due later today is asked
here at its step, as a restart (and Home's count) has it, not dropped for good.

Dropping answered cards (56d5debf) was so that no card is asked again seconds after the
other drillbit's answer: a Good seconds after a Good on the 10-minute step graduated a new
card two days out. Waiting for the step keeps that: the card is asked once the step is due.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.elsewhere import AnsweredElsewhere, stepped_elsewhere_phrase
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import NOW, deck

SECOND = timedelta(seconds=1)


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def test_a_card_stepped_there_waits_here_at_its_step(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    here = Session(store, deck(), SessionOptions(), now=NOW, scheduler=scheduler)
    there = Session(other, deck(), SessionOptions(), now=NOW + SECOND, scheduler=scheduler)
    first = there.current
    assert first is not None
    there.show(now=NOW + 2 * SECOND)
    there.rate(Rating.Good, now=NOW + 3 * SECOND)  # its 10-minute step
    here.show(now=NOW + 4 * SECOND)
    assert here.current is not None and here.current.id != first.id, "not asked seconds after"
    assert _ids(here)[-1] == first.id, "waiting at its step"
    assert here.answered_elsewhere == []
    later = NOW + 4 * SECOND
    restart = Session(store, deck(), SessionOptions(), now=later, scheduler=scheduler)
    assert sorted(_ids(here)) == sorted(_ids(restart))
    here.show(now=NOW + 11 * timedelta(minutes=1))
    assert here.current == first, "its step is due: asked first"
    here.rate(Rating.Good, now=NOW + 11 * timedelta(minutes=1))
    assert len(store.reviews(card_id=first.id)) == 2


def test_the_card_on_screen_stepped_there_raises_and_waits_at_its_step(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    here = Session(store, deck(), SessionOptions(), now=NOW, scheduler=scheduler)
    there = Session(other, deck(), SessionOptions(), now=NOW, scheduler=scheduler)
    here.show(now=NOW + SECOND)
    shown = here.current
    assert shown is not None
    there.rate(Rating.Good, now=NOW + 2 * SECOND)
    with pytest.raises(AnsweredElsewhere):
        here.rate(Rating.Good, now=NOW + 3 * SECOND)
    assert len(store.reviews(card_id=shown.id)) == 1
    assert here.current != shown and _ids(here)[-1] == shown.id
    assert here.stepped_elsewhere == [shown] and here.answered_elsewhere == []
    here.show(now=NOW + 4 * SECOND)
    assert here.elsewhere_news() == [stepped_elsewhere_phrase([shown])]
    assert stepped_elsewhere_phrase([shown]) == (
        f"'{shown.title}' was answered in another drillbit meanwhile: asked here again at its step."
    )
    assert here.elsewhere_news() == [], "said once"
