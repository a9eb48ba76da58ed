"""The new cards left today are counted in one place (`new_cards_left`): Home's and
`drillbit stats`' "20 new today" (`count_groups`), a due session's queue, its rollover, the
new card it queues for one set aside and the limit an undo keeps.

Four places each made the study day's bounds and took the day's introduced cards from
new_per_day. A tester once saw Home say 20 new today where `drillbit stats` said 19; Home
and `stats` share `count_groups`, but a session left open over the 4:00 rollover did not
agree with either: its new day counted a card suspended in it among the day's new cards,
then dropped it as if another drillbit had, one new card short of Home, `stats` and a
restart.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, Scheduler

from quiz.store import Store
from quiz.study.counts import deck_counts, new_cards_left
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import FakeCard

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
CARDS = [FakeCard(f"new-{n:02d}", topic=f"t{n % 3}") for n in range(10)]
TICK = timedelta(microseconds=1)


def _at(text: str) -> datetime:
    """A wall-clock time in Berlin, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN.zone).astimezone(UTC)


def _introduce(store: Store, card_id: str, at: datetime) -> None:
    """A first answer of `card_id` at `at`: the card is introduced then."""
    card = Card(due=at + timedelta(days=3), stability=3.0, difficulty=5.0)
    card.last_review = at
    store.record_review(
        card_id=card_id,
        rating=3,
        correct=True,
        reviewed_at=at,
        mode="due",
        card_after=card.to_json(),
    )


def _queued_new(store: Store, session: Session) -> int:
    scheduled = store.schedule_columns()
    return sum(1 for card in session.queued if card.id not in scheduled)


def _home_new(store: Store, now: datetime, per_day: int) -> int:
    return deck_counts(store, CARDS, now, new_per_day=per_day, tz=BERLIN).new_today


@pytest.mark.parametrize(
    "day_start",
    [
        "2026-03-10 04:00",
        "2026-03-29 04:00",
        "2026-10-25 04:00",
    ],  # a plain day, clocks forward, back
)
def test_every_count_takes_the_day_s_introduced_cards_at_its_edges(
    store: Store, scheduler: Scheduler, day_start: str
) -> None:
    start = _at(day_start)
    _introduce(store, CARDS[0].id, start - timedelta(hours=1))  # the day before's
    _introduce(store, CARDS[1].id, start - TICK)  # the day before's, by a microsecond
    _introduce(store, CARDS[2].id, start)  # the new day's first
    _introduce(store, CARDS[3].id, start + timedelta(hours=23))  # the new day's, late
    per_day = 4
    for moment, introduced in (
        (start - TICK, 2),
        (start, 2),
        (start + TICK, 2),
        (start + timedelta(hours=22), 2),
    ):
        left = per_day - introduced
        assert new_cards_left(store, moment, per_day, BERLIN) == left
        counts = deck_counts(store, CARDS, moment, new_per_day=per_day, tz=BERLIN)
        assert counts.new_allowance == counts.new_today == left
        options = SessionOptions(tz=BERLIN, new_per_day=per_day)
        session = Session(store, CARDS, options, now=moment, scheduler=scheduler)
        assert _queued_new(store, session) == left
    assert new_cards_left(store, start, 1, BERLIN) == 0, "never below none"


def test_a_session_left_open_over_the_rollover_counts_the_new_cards_home_and_stats_do(
    store: Store, scheduler: Scheduler
) -> None:
    """Studied from 03:50 to 04:02 with new_per_day 3: a new card suspended, one answered
    then undone, one buried, one answered Easy (the old day's), then on past 4:00. The new
    day's count of new cards is Home's (and so `stats`'), a restart's and the session's."""
    per_day = 3
    options = SessionOptions(tz=BERLIN, new_per_day=per_day)
    start = _at("2026-03-10 03:50")
    session = Session(store, CARDS, options, now=start, scheduler=scheduler)
    session.show(now=start)
    session.set_aside(suspend=True, now=start + timedelta(minutes=1))  # new-00, for good
    session.show(now=start + timedelta(minutes=2))
    session.rate(Rating.Again, now=start + timedelta(minutes=2))  # new-01, introduced ...
    session.undo(now=start + timedelta(minutes=3))  # ... and undone: new again
    session.set_aside(suspend=False, now=start + timedelta(minutes=4))  # new-01, until 4:00
    session.show(now=start + timedelta(minutes=5))
    session.rate(Rating.Easy, now=start + timedelta(minutes=5))  # new-02: March 9's
    assert _queued_new(store, session) == _home_new(store, start + timedelta(minutes=5), 3)
    rolled = _at("2026-03-10 04:01")
    for moment in (rolled, rolled + timedelta(minutes=1)):  # the rollover, the next card
        session.show(now=moment)
        restart = Session(store, CARDS, options, now=moment, scheduler=scheduler)
        home = _home_new(store, moment, per_day)
        assert home == per_day, "nothing introduced on March 10 yet"
        assert _queued_new(store, session) == _queued_new(store, restart) == home
        assert sorted(c.id for c in session.queued) == sorted(c.id for c in restart.queued)
        assert CARDS[0].id not in {c.id for c in session.queued}, "still suspended"
    assert session.set_aside_elsewhere == [], "its own suspend is no other drillbit's"
