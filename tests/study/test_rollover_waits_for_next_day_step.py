"""A card answered before 4:00 into a step due after it waits among the learning copies
once the new day begins, as a restart queues it and Home counts it.

Answered Again at 03:58 on a 10-minute step, the card was held for its step
(`Session._next_day`) and queued only at 04:08: from 4:00 to then the session had one card
fewer than Home's count of today and a restart's queue, which take a step later today in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import FakeCard

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
CARDS = [FakeCard(f"card-{n:02d}") for n in range(6)]
LATE = datetime(2026, 3, 10, 3, 58, tzinfo=BERLIN.zone).astimezone(UTC)
ROLLED = datetime(2026, 3, 10, 4, 1, tzinfo=BERLIN.zone).astimezone(UTC)
OPTIONS = SessionOptions(tz=BERLIN, new_per_day=2)


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def test_a_step_due_on_the_new_day_waits_in_the_queue_from_4(
    store: Store, scheduler: Scheduler
) -> None:
    session = Session(store, CARDS, OPTIONS, now=LATE, scheduler=scheduler)
    session.show(now=LATE)
    first = session.current
    assert first is not None
    answer = session.rate(Rating.Hard, now=LATE)
    assert not answer.requeued, "its step is the next study day's"
    assert first.id not in _ids(session)
    session.show(now=ROLLED)
    restart = Session(store, CARDS, OPTIONS, now=ROLLED, scheduler=scheduler)
    assert _ids(session) == _ids(restart), "the new day's new cards, then the step waiting"
    assert _ids(session)[-1] == first.id
    counts = deck_counts(store, CARDS, ROLLED, new_per_day=2, tz=BERLIN)
    assert counts.studies_today(counts.total) == len(_ids(session))
    assert session.current != first, "not asked before its step"
    session.undo(now=ROLLED + timedelta(minutes=1))  # its answer taken back: new again
    assert _ids(session).count(first.id) == 1 and session.current == first
