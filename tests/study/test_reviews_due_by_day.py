"""A review is due by its study day, as in Anki, not by the hour fsrs dates it.

fsrs dates a review at the time of day of the last answer: a card answered Easy at 20:00
falls due at 20:00 eight days on. Anki asks it from the start of that study day; drillbit
asked it only from 20:00, so a morning session left it out and Home counted nothing.
Learning and relearning steps keep their minute (`tests/study/test_session_steps.py`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler

from quiz.store import Store
from quiz.study.aside import set_card_aside
from quiz.study.away import away_since
from quiz.study.counts import counts_change_at, deck_counts
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import FakeCard, deck

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
BERLIN_MIDNIGHT = StudyZone(ZoneInfo("Europe/Berlin"), 0)
CARDS = deck()[:3]


def _at(text: str) -> datetime:
    """A wall-clock time in Berlin, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN.zone).astimezone(UTC)


def _session(
    store: Store, scheduler: Scheduler, now: datetime, zone: StudyZone = BERLIN, **kw: object
) -> Session:
    options = SessionOptions(**{"tz": zone, "new_per_day": 0, **kw})  # type: ignore[arg-type]
    return Session(store, CARDS, options, now=now, scheduler=scheduler)


def _learn(store: Store, scheduler: Scheduler, cards: list[FakeCard], at: str) -> datetime:
    """Answer `cards` Easy at `at` (Berlin): each goes to review; returns their due time."""
    moment = _at(at)
    session = Session(
        store,
        cards,
        SessionOptions(tz=BERLIN, new_per_day=len(cards)),
        now=moment,
        scheduler=scheduler,
    )
    for _card in cards:
        session.rate(Rating.Easy, now=moment)
    session.finish(now=moment)
    saved = store.card_state(cards[0].id)
    assert saved is not None
    return Card.from_json(saved.fsrs_card).due


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def test_a_review_due_at_20_00_is_asked_and_counted_at_09_00_that_day(
    store: Store, scheduler: Scheduler
) -> None:
    due = _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    assert due == _at("2026-03-09 20:00")  # fsrs: eight days on, at the hour of the answer
    morning = _at("2026-03-09 09:00")
    session = _session(store, scheduler, morning)
    assert _ids(session) == ["sigmoid-why"]
    assert deck_counts(store, CARDS, morning, new_per_day=0, tz=BERLIN).total.due == 1
    session.rate(Rating.Good, now=morning)
    assert store.reviews(card_id="sigmoid-why")[-1].state_before == 2  # a review, logged


def test_the_day_before_it_is_not_due_and_the_day_s_start_hour_decides(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    late = _at("2026-03-09 03:59")  # still the study day of the 8th: the day starts at 4
    assert _ids(_session(store, scheduler, late)) == []
    assert deck_counts(store, CARDS, late, new_per_day=0, tz=BERLIN).total.due == 0
    assert _ids(_session(store, scheduler, _at("2026-03-09 04:00"))) == ["sigmoid-why"]
    # with the day starting at midnight, 00:30 is the 9th already
    assert _ids(_session(store, scheduler, _at("2026-03-09 00:30"), BERLIN_MIDNIGHT)) == [
        "sigmoid-why"
    ]
    assert _ids(_session(store, scheduler, _at("2026-03-08 23:59"), BERLIN_MIDNIGHT)) == []


def test_overdue_reviews_come_first_and_the_review_limit_counts_today_s(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, CARDS[1:2], "2026-02-28 08:00")  # due 03-08 08:00: overdue
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")  # due 03-09 20:00: tonight
    morning = _at("2026-03-09 09:00")
    assert _ids(_session(store, scheduler, morning)) == ["sigmoid-bound", "sigmoid-why"]
    capped = _session(store, scheduler, morning, max_reviews_per_day=1)
    assert _ids(capped) == ["sigmoid-bound"]
    capped.rate(Rating.Good, now=morning)
    capped.finish(now=morning)
    assert (
        _ids(_session(store, scheduler, morning + timedelta(hours=1), max_reviews_per_day=1)) == []
    )
    counts = deck_counts(store, CARDS, morning, new_per_day=0, max_reviews_per_day=1, tz=BERLIN)
    assert counts.reviews_left == 0


def test_answered_early_in_the_day_fsrs_is_given_the_real_time(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    saved = store.card_state("sigmoid-why")
    assert saved is not None
    morning = _at("2026-03-09 09:00")
    _session(store, scheduler, morning).rate(Rating.Good, now=morning)
    after = store.card_state("sigmoid-why")
    assert after is not None
    expected, _log = scheduler.review_card(
        Card.from_json(saved.fsrs_card), Rating.Good, review_datetime=morning
    )
    assert Card.from_json(after.fsrs_card) == expected


def test_the_summary_says_a_review_due_tonight_is_due_now(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    morning = _at("2026-03-09 09:00")
    session = _session(store, scheduler, morning)
    summary = session.finish(now=morning + timedelta(minutes=1))
    assert summary.next_due == morning + timedelta(minutes=1)
    tomorrow = _session(store, scheduler, _at("2026-03-08 12:00"))
    assert tomorrow.finish(now=_at("2026-03-08 12:00")).next_due == _at("2026-03-09 20:00")


def test_a_learning_step_later_today_still_waits_for_its_minute(
    store: Store, scheduler: Scheduler
) -> None:
    noon = _at("2026-03-09 12:00")
    session = _session(store, scheduler, noon, new_per_day=2)
    session.rate(Rating.Again, now=noon)  # a new card into its 1-minute step
    summary = session.finish(now=noon)
    assert summary.next_due == noon + timedelta(minutes=1)
    counts = deck_counts(store, CARDS, noon, new_per_day=2, tz=BERLIN).total
    assert (counts.due, counts.later_today) == (0, 1)


def test_back_after_days_away_counts_the_reviews_due_tonight(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    away = away_since(store, {c.id for c in CARDS}, _at("2026-03-09 09:00"), tz=BERLIN)
    assert away is not None and away.came_due == 1


def test_home_counts_again_at_the_next_day_not_at_the_hour_of_a_review_counted_already(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    morning = _at("2026-03-09 09:00")
    assert counts_change_at(store, morning, BERLIN) == _at("2026-03-10 04:00")
    assert counts_change_at(store, _at("2026-03-09 03:00"), BERLIN) == _at("2026-03-09 04:00")


def test_a_review_due_tonight_unsuspended_in_another_drillbit_comes_back_here(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """Another drillbit (a second shell) suspends then unsuspends it while this session
    runs: a session started then would ask it, and this one did not."""
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    morning = _at("2026-03-09 09:00")
    session = _session(store, scheduler, morning, new_per_day=1)
    assert _ids(session) == ["sigmoid-why", "sigmoid-bound"]
    set_card_aside(other, "sigmoid-why", suspend=True, now=morning, tz=BERLIN)
    session.show(now=morning + timedelta(seconds=1))
    assert _ids(session) == ["sigmoid-bound"]
    other.set_flag("sigmoid-why", suspended=False, buried_until=None, now=morning)
    session.show(now=morning + timedelta(seconds=2))
    assert _ids(session) == ["sigmoid-bound", "sigmoid-why"]
    assert session.back_elsewhere == [CARDS[0]]


def test_a_review_due_tonight_suspended_at_the_start_and_unsuspended_there_is_asked(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, CARDS[:1], "2026-03-01 20:00")
    morning = _at("2026-03-09 09:00")
    set_card_aside(store, "sigmoid-why", suspend=True, now=morning, tz=BERLIN)
    session = _session(store, scheduler, morning, new_per_day=1)
    assert _ids(session) == ["sigmoid-bound"]
    other.set_flag("sigmoid-why", suspended=False, buried_until=None, now=morning)
    session.show(now=morning + timedelta(seconds=1))
    assert _ids(session) == ["sigmoid-why", "sigmoid-bound"], "a restart's order: nothing shown yet"
