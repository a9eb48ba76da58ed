"""A skipped card's time starts again when it is shown again, as Anki times a card from
when it was shown: its row counts the showing its answer was given on, not the time
before the skip. The session runs on a clock the test moves."""

from __future__ import annotations

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.session import Session
from tests.study.fakes import Clock, deck


def _session(store: Store, scheduler: Scheduler, clock: Clock, cards: int) -> Session:
    return Session(store, deck()[:cards], clock=clock, scheduler=scheduler)


def test_the_only_card_skipped_and_shown_again_counts_from_its_second_showing(
    store: Store, scheduler: Scheduler
) -> None:
    clock = Clock()
    session = _session(store, scheduler, clock, cards=1)
    session.show()
    first = session.current
    clock.advance(40)  # 40 s on it, then skipped: it is the only card, so it comes back
    assert session.skip() == first
    clock.advance(3)  # the screen shows it again
    session.show()
    clock.advance(12)
    answer = session.rate(Rating.Good)
    summary = session.finish()
    assert answer.seconds == pytest.approx(12.0)
    assert [q.seconds for q in summary.questions] == [pytest.approx(12.0)]
    assert store.reviews()[-1].duration_ms == 12_000
    assert summary.seconds == pytest.approx(55.0)  # Time still counts the whole session


def test_the_skip_itself_restarts_the_time_when_no_showing_is_told(
    store: Store, scheduler: Scheduler
) -> None:
    """A caller that answers without calling `show` after the skip (a script, a drill
    graded at once): the skip is the moment the card was shown again."""
    clock = Clock()
    session = _session(store, scheduler, clock, cards=1)
    clock.advance(40)
    session.skip()
    clock.advance(7)
    assert session.answer(True).seconds == pytest.approx(7.0)


def test_a_skipped_card_back_after_others_counts_from_when_it_came_back(
    store: Store, scheduler: Scheduler
) -> None:
    clock = Clock()
    session = _session(store, scheduler, clock, cards=2)
    session.show()
    skipped = session.current
    assert skipped is not None
    clock.advance(30)
    session.skip()
    session.show()
    clock.advance(10)
    other = session.rate(Rating.Good)
    clock.advance(5)  # the feedback read, then the skipped card is shown again
    session.show()
    assert session.current == skipped
    clock.advance(8)
    back = session.rate(Rating.Easy)
    assert other.card.id == deck()[1].id and other.seconds == pytest.approx(10.0)
    assert back.card.id == skipped.id and back.seconds == pytest.approx(8.0)
