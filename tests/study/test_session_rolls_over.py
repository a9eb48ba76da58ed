"""A due session carried on past the day's rollover hour takes in the new day's cards.

Studying from 03:50 to 04:05 (the day starting at 4:00), the session kept the old day's
queue: it said it was done while Home, and a restart, then gave the new day's reviews and
new cards. Anki's queues are rebuilt when the day rolls over. Found by walking study days
on a fake clock and comparing what the session still had with what a restart would queue.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import deck, save_due

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
CARDS = deck()


def _at(text: str) -> datetime:
    """A wall-clock time in Berlin, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN.zone).astimezone(UTC)


def _options(**kw: object) -> SessionOptions:
    return SessionOptions(**{"tz": BERLIN, "new_per_day": 2, **kw})  # type: ignore[arg-type]


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _restart(store: Store, scheduler: Scheduler, now: datetime) -> list[str]:
    return _ids(Session(store, CARDS, _options(), now=now, scheduler=scheduler))


def _home(store: Store, now: datetime) -> int:
    counts = deck_counts(store, CARDS, now, new_per_day=2, tz=BERLIN)
    return counts.studies_today(counts.total)


def _saved(store: Store) -> tuple[str, str]:
    """A review overdue, and one due at 10:00 on the new study day."""
    overdue, tomorrow = CARDS[6].id, CARDS[7].id
    save_due(store, overdue, State.Review, _at("2026-03-08 10:00"))
    save_due(store, tomorrow, State.Review, _at("2026-03-10 10:00"))
    return overdue, tomorrow


def test_past_4_am_the_session_takes_the_new_day_s_review_and_new_cards(
    store: Store, scheduler: Scheduler
) -> None:
    overdue, tomorrow = _saved(store)
    first, second, third = (card.id for card in CARDS[:3])
    start = _at("2026-03-10 03:50")  # the study day of March 9
    session = Session(store, CARDS, _options(), now=start, scheduler=scheduler)
    assert _ids(session) == [overdue, first, second]
    session.rate(Rating.Good, now=start + timedelta(minutes=2))
    session.rate(Rating.Easy, now=start + timedelta(minutes=3))  # `first`: March 9's new card
    session.show(now=start + timedelta(minutes=5))
    assert _ids(session) == [second], "still March 9: its one new card left"
    rolled = _at("2026-03-10 04:01")
    session.show(now=rolled)
    assert _ids(session) == [second, tomorrow, third]
    assert sorted(_ids(session)) == sorted(_restart(store, scheduler, rolled))
    assert _home(store, rolled) == len(_ids(session)) == 3
    session.rate(Rating.Easy, now=rolled)
    session.show(now=rolled + timedelta(minutes=1))
    assert _ids(session) == [tomorrow, third], "taken in once, not at every card"


def test_a_step_the_new_day_brings_waits_at_its_minute(store: Store, scheduler: Scheduler) -> None:
    """A card in a step due later in the new day is queued among the waiting copies, as a
    restart would queue it, and asked once its step comes."""
    _saved(store)
    stepping = CARDS[5].id
    save_due(store, stepping, State.Relearning, _at("2026-03-10 04:30"))
    start = _at("2026-03-10 03:50")
    session = Session(store, CARDS, _options(new_per_day=0), now=start, scheduler=scheduler)
    assert stepping not in _ids(session), "due on the next study day"
    session.show(now=_at("2026-03-10 04:01"))
    assert _ids(session)[-1] == stepping
    assert sorted(_ids(session)) == sorted(
        _ids(Session(store, CARDS, _options(new_per_day=0), now=_at("2026-03-10 04:01")))
    )


def test_under_limit_nothing_is_taken_in(store: Store, scheduler: Scheduler) -> None:
    """`--limit` asked for so many cards: the new day adds none."""
    overdue, _tomorrow = _saved(store)
    start = _at("2026-03-10 03:50")
    session = Session(store, CARDS, _options(limit=2), now=start, scheduler=scheduler)
    before = _ids(session)
    session.show(now=_at("2026-03-10 04:01"))
    assert _ids(session) == before and overdue in before
