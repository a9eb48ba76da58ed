"""A deck studied in Berlin across its 4:00 day start (March 10, 2026), with what a
restart and Home would show at any moment: the rollover tests (undo, a stand-in left on
screen) compare a running session with both."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Scheduler

from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import FakeCard

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
START = datetime(2026, 3, 10, 3, 40, tzinfo=BERLIN.zone).astimezone(UTC)  # March 9's day
ROLLED = datetime(2026, 3, 10, 4, 1, tzinfo=BERLIN.zone).astimezone(UTC)
MINUTE = timedelta(minutes=1)


def options(**kw: object) -> SessionOptions:
    """Session options in Berlin's study day, with the test's limits."""
    return SessionOptions(**{"tz": BERLIN, **kw})  # type: ignore[arg-type]


def ids(session: Session) -> list[str]:
    """The session's queued cards, in order."""
    return [card.id for card in session.queued]


@dataclass(frozen=True)
class BerlinDeck:
    """The test's cards, and what a fresh session (a restart) and Home make of the store."""

    cards: Sequence[FakeCard]

    def restart(self, store: Store, scheduler: Scheduler, now: datetime, **kw: object) -> list[str]:
        """The cards a session opened at `now` would queue."""
        return ids(Session(store, list(self.cards), options(**kw), now=now, scheduler=scheduler))

    def home(self, store: Store, now: datetime, **kw: int) -> int:
        """Home's count of what `d` studies today at `now`."""
        counts = deck_counts(store, list(self.cards), now, tz=BERLIN, **kw)
        return counts.studies_today(counts.total)
