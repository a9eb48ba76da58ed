"""At the 4:00 rollover a due session leaves out the cards it suspended or buried itself,
as it leaves out another drillbit's, and as Anki's rebuilt queues do.

The new day's queue was made from the cards the session began with (those set aside
then left out): a card suspended in it since came back as one of the new day's new cards
(or reviews, under max_reviews_per_day), taking the place of one the day allows, and the
next card shown dropped it again with "suspended in another drillbit meanwhile". A card
buried after 4:00, before the next card was shown, came back the same way; answered, it
raised `SetAsideElsewhere`. A bury from before 4:00 ends at 4:00: that card comes back.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import FakeCard, save_due

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
CARDS = [FakeCard(f"card-{n:02d}", topic=f"t{n % 3}") for n in range(10)]
START = datetime(2026, 3, 10, 3, 50, tzinfo=BERLIN.zone).astimezone(UTC)  # March 9's day
ROLLED = datetime(2026, 3, 10, 4, 1, tzinfo=BERLIN.zone).astimezone(UTC)
MINUTE = timedelta(minutes=1)


def _options(**kw: object) -> SessionOptions:
    return SessionOptions(**{"tz": BERLIN, "new_per_day": 3, **kw})  # type: ignore[arg-type]


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _restart(store: Store, scheduler: Scheduler, now: datetime, **kw: object) -> list[str]:
    return sorted(_ids(Session(store, CARDS, _options(**kw), now=now, scheduler=scheduler)))


def test_a_new_card_suspended_before_4_stays_out_of_the_new_day(
    store: Store, scheduler: Scheduler
) -> None:
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.show(now=START)
    suspended = session.current
    assert suspended is not None
    session.set_aside(suspend=True, now=START + MINUTE)
    session.show(now=ROLLED)
    assert suspended.id not in _ids(session)
    assert sorted(_ids(session)) == _restart(store, scheduler, ROLLED)
    assert len(_ids(session)) == 3, "the new day's three new cards, none of them suspended"
    while session.current is not None:  # every card left is answered, none refused
        session.rate(Rating.Easy, now=ROLLED)
        session.show(now=ROLLED)
    assert session.set_aside_elsewhere == [], "no notice of another drillbit"
    assert session.elsewhere_news() == []


def test_a_card_buried_after_4_before_the_next_card_stays_buried(
    store: Store, scheduler: Scheduler
) -> None:
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.show(now=START)
    first = session.current
    assert first is not None
    session.set_aside(suspend=False, now=ROLLED)  # 04:01: buried until March 11's 4:00
    session.show(now=ROLLED)  # the rollover
    assert first.id not in _ids(session)
    assert sorted(_ids(session)) == _restart(store, scheduler, ROLLED)
    assert session.current is not None
    session.rate(Rating.Good, now=ROLLED + MINUTE)  # not `SetAsideElsewhere`
    assert session.set_aside_elsewhere == []


def test_a_card_buried_before_4_comes_back_with_the_new_day(
    store: Store, scheduler: Scheduler
) -> None:
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.show(now=START)
    first = session.current
    assert first is not None
    session.set_aside(suspend=False, now=START + MINUTE)  # until 4:00 today
    assert first.id not in _ids(session)
    session.show(now=ROLLED)
    assert first.id in _ids(session), "its burial ended with the old day"
    assert sorted(_ids(session)) == _restart(store, scheduler, ROLLED)


def test_a_review_suspended_before_4_takes_no_review_of_the_new_day(
    store: Store, scheduler: Scheduler
) -> None:
    """Under max_reviews_per_day 2, three reviews due: the one suspended took one of the
    new day's two, and the third waited for March 11."""
    reviews = [card.id for card in CARDS[7:]]
    for n, card_id in enumerate(reviews):
        save_due(store, card_id, State.Review, START - timedelta(days=3 - n))
    options = {"max_reviews_per_day": 2, "new_per_day": 0}
    session = Session(store, CARDS, _options(**options), now=START, scheduler=scheduler)
    session.show(now=START)
    assert _ids(session) == reviews[:2]
    session.set_aside(suspend=True, now=START + MINUTE)  # the oldest
    assert _ids(session) == reviews[1:], "the day's limit has room for the third"
    session.rate(Rating.Good, now=START + 2 * MINUTE)
    session.rate(Rating.Good, now=START + 3 * MINUTE)
    session.show(now=ROLLED)
    assert _ids(session) == [] == _restart(store, scheduler, ROLLED, **options)


def test_another_drillbit_s_suspend_is_left_out_and_said_once(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    session = Session(store, CARDS, _options(), now=START, scheduler=scheduler)
    session.show(now=START)
    theirs = _ids(session)[1]
    other.set_flag(theirs, suspended=True, buried_until=None, now=START + MINUTE)
    session.show(now=START + 2 * MINUTE)
    session.show(now=ROLLED)
    assert theirs not in _ids(session)
    assert sorted(_ids(session)) == _restart(store, scheduler, ROLLED)
    assert [card.id for card, _ in session.set_aside_elsewhere] == [theirs]
