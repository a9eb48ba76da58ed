"""Undoing an answer given before the rollover hour, once the session took in the new
day's cards, keeps the new day's limits.

The answer counted against the old day (`first` introduced at 03:53 is March 9's new card);
undone at 04:01, the card is new (or due) again on March 10, whose new cards and reviews
`Session._refresh` had already queued up to their limits: the day ended one card over
new_per_day (or max_reviews_per_day) and Home's count went one past what a restart queues.
Anki's undo never puts a queue over a limit.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone, day_start, next_day_start
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import deck, save_due

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
CARDS = deck()
START = datetime(2026, 3, 10, 3, 50, tzinfo=BERLIN.zone).astimezone(UTC)  # March 9's day
ROLLED = datetime(2026, 3, 10, 4, 1, tzinfo=BERLIN.zone).astimezone(UTC)


def _options(**kw: object) -> SessionOptions:
    return SessionOptions(**{"tz": BERLIN, "new_per_day": 2, **kw})  # type: ignore[arg-type]


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _saved(store: Store) -> tuple[str, str]:
    """A review overdue, and one due at 10:00 on the new study day (March 10)."""
    overdue, tomorrow = CARDS[6].id, CARDS[7].id
    save_due(store, overdue, State.Review, datetime(2026, 3, 8, 9, 0, tzinfo=UTC))
    save_due(store, tomorrow, State.Review, datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    return overdue, tomorrow


def _finish_day(session: Session, at: datetime) -> None:
    """Answer every card left Easy (no step comes back), one a minute."""
    while session.current is not None:
        at += timedelta(minutes=1)
        session.show(now=at)
        if session.current is None:
            break
        session.rate(Rating.Easy, now=at)


def test_an_undone_new_card_from_the_old_day_does_not_pass_new_per_day(
    store: Store, scheduler: Scheduler
) -> None:
    overdue, tomorrow = _saved(store)
    first, second, third = (card.id for card in CARDS[:3])
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.rate(Rating.Good, now=START + timedelta(minutes=2))  # the overdue review
    session.rate(Rating.Easy, now=START + timedelta(minutes=3))  # `first`, March 9's new card
    session.show(now=ROLLED)
    assert _ids(session) == [tomorrow, second, third], "March 10's review and two new cards"
    session.undo(now=ROLLED)
    assert session.current is not None and session.current.id == first, "shown again"
    assert [i for i in _ids(session) if i in {first, second, third}] == [first, second]
    restart = Session(store, CARDS, _options(), now=ROLLED, scheduler=scheduler)
    assert sorted(_ids(session)) == sorted(_ids(restart))
    counts = deck_counts(store, CARDS, ROLLED, new_per_day=2, tz=BERLIN)
    assert counts.studies_today(counts.total) == session.remaining == 3
    _finish_day(session, ROLLED)
    day = day_start(ROLLED, BERLIN)
    assert store.introduced_since(day, next_day_start(ROLLED, BERLIN)) == 2
    assert overdue not in _ids(session)


def test_an_undone_review_from_the_old_day_does_not_pass_max_reviews(
    store: Store, scheduler: Scheduler
) -> None:
    overdue, tomorrow = _saved(store)
    options = _options(new_per_day=0, max_reviews_per_day=1)
    session = Session(store, CARDS, options, now=START, scheduler=scheduler)
    assert _ids(session) == [overdue]
    session.rate(Rating.Good, now=START + timedelta(minutes=2))  # March 9's review
    session.show(now=ROLLED)
    assert _ids(session) == [tomorrow], "March 10's one review"
    session.undo(now=ROLLED)
    assert _ids(session) == [overdue], "the review undone takes the day's one place"
    restart = Session(store, CARDS, options, now=ROLLED, scheduler=scheduler)
    assert _ids(restart) == [overdue]


def test_an_undo_within_the_new_day_leaves_its_cards(store: Store, scheduler: Scheduler) -> None:
    """An answer given after 04:00 counted against the new day: its undo frees its place,
    and no other card leaves the queue."""
    _overdue, tomorrow = _saved(store)
    second, third = CARDS[1].id, CARDS[2].id
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.rate(Rating.Good, now=START + timedelta(minutes=2))
    session.rate(Rating.Easy, now=START + timedelta(minutes=3))
    session.show(now=ROLLED)
    assert _ids(session) == [tomorrow, second, third], "a restart's order"
    session.rate(Rating.Easy, now=ROLLED)  # `tomorrow`, March 10's review
    session.show(now=ROLLED)
    session.rate(Rating.Easy, now=ROLLED)  # `second`, March 10's first new card
    session.show(now=ROLLED + timedelta(minutes=1))
    session.undo(now=ROLLED + timedelta(minutes=1))
    assert _ids(session) == [second, third]


def _new_ids(store: Store, session: Session) -> set[str]:
    scheduled = store.schedule_columns()
    return {card.id for card in session.queued if card.id not in scheduled}


def test_a_stand_in_for_a_card_buried_before_4_leaves_when_the_burial_ends(
    store: Store, scheduler: Scheduler
) -> None:
    """`third` took the place of `first`, buried at 03:56 until 4:00; at 04:01 the new day
    queues `first` and `second`, as a restart does, not all three."""
    _saved(store)
    first, second, third = (card.id for card in CARDS[:3])
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.rate(Rating.Good, now=START + timedelta(minutes=2))
    session.set_aside(suspend=False, now=START + timedelta(minutes=6))
    assert _new_ids(store, session) == {second, third}
    session.show(now=ROLLED)
    restart = Session(store, CARDS, _options(), now=ROLLED, scheduler=scheduler)
    assert _new_ids(store, session) == _new_ids(store, restart) == {first, second}
    assert sorted(_ids(session)) == sorted(_ids(restart))


def test_undoing_a_bury_from_before_4_keeps_the_new_day_s_cards(
    store: Store, scheduler: Scheduler
) -> None:
    """The bury's stand-in is one of the new day's two new cards: undone, the bury takes
    it out of the old day's count, not out of the new day's queue."""
    _saved(store)
    first, second, third = (card.id for card in CARDS[:3])
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.rate(Rating.Good, now=START + timedelta(minutes=2))
    session.rate(Rating.Easy, now=START + timedelta(minutes=3))  # `first`
    session.set_aside(suspend=False, now=START + timedelta(minutes=9))  # `second`, for `third`
    session.show(now=ROLLED)
    session.undo(now=ROLLED)
    assert session.current is not None and session.current.id == second
    restart = Session(store, CARDS, _options(), now=ROLLED, scheduler=scheduler)
    assert _new_ids(store, session) == _new_ids(store, restart) == {second, third}
