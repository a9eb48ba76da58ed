"""The summary's pace is the mean of the answers' own times, as Anki's seconds per card."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.cards import Filters
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import NOW, deck


def test_the_time_on_a_skipped_card_is_not_in_the_pace(store: Store, scheduler: Scheduler) -> None:
    """30 s on a card, skipped, then 10 s on the one answered: the only row said 10 s and
    the pace (the time to the last answer over the answers) 40 s."""
    options = SessionOptions(filters=Filters(kind="concept"), limit=2)
    session = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    session.skip(now=NOW + timedelta(seconds=30))
    answer = session.rate(Rating.Good, now=NOW + timedelta(seconds=40))
    summary = session.finish(now=NOW + timedelta(seconds=45))
    assert answer.seconds == pytest.approx(10.0)
    assert [q.seconds for q in summary.questions] == [pytest.approx(10.0)]
    assert summary.pace_seconds == pytest.approx(10.0)
    assert summary.seconds == pytest.approx(45.0)  # Time still counts the whole session
