"""The study loop as an Anki user checks it, across sessions on a hand-moved clock: a
lapse's relearning step, the daily limits over two sessions and the day's start, undo then
a different answer, and a card reviewed after a month away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler, State

from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import deck

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)


def _at(text: str) -> datetime:
    """A wall-clock time in Berlin, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN.zone).astimezone(UTC)


def _session(store: Store, scheduler: Scheduler, now: datetime, **kw: object) -> Session:
    options = SessionOptions(**{"tz": BERLIN, "new_per_day": 0, **kw})  # type: ignore[arg-type]
    return Session(store, deck(), options, now=now, scheduler=scheduler)


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _fsrs(store: Store, card_id: str) -> Card:
    saved = store.card_state(card_id)
    assert saved is not None
    return Card.from_json(saved.fsrs_card)


def _learn(store: Store, scheduler: Scheduler, count: int, at: str) -> None:
    """The first `count` cards answered Easy at `at`: in review, due eight days on."""
    session = _session(store, scheduler, _at(at), new_per_day=count)
    for _ in range(count):
        session.rate(Rating.Easy, now=_at(at))
    session.finish(now=_at(at))


def test_a_lapse_comes_back_after_its_step_and_again_when_the_session_is_reopened(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, 1, "2026-03-01 12:00")
    t = _at("2026-03-09 12:00")
    session = _session(store, scheduler, t, new_per_day=1)
    assert _ids(session) == ["sigmoid-why", "sigmoid-bound"]
    assert session.rate(Rating.Again, now=t).requeued
    assert _fsrs(store, "sigmoid-why").state == State.Relearning
    assert _ids(session) == ["sigmoid-bound", "sigmoid-why"]  # the new card while it waits
    session.finish(now=t + timedelta(minutes=1))
    reopened = _session(store, scheduler, t + timedelta(minutes=2), new_per_day=1)
    assert _ids(reopened) == ["sigmoid-bound", "sigmoid-why"]
    reopened.show(now=t + timedelta(minutes=11))  # its 10-minute step is due: asked first
    assert reopened.current is not None and reopened.current.id == "sigmoid-why"
    assert not reopened.rate(Rating.Good, now=t + timedelta(minutes=11)).requeued
    assert _fsrs(store, "sigmoid-why").state == State.Review


def test_a_step_due_in_5_minutes_is_asked_when_nothing_else_is_left(
    store: Store, scheduler: Scheduler
) -> None:
    t = _at("2026-03-09 12:00")
    session = _session(store, scheduler, t, new_per_day=1)
    session.rate(Rating.Hard, now=t)  # fsrs: 5.5 minutes
    session.show(now=t + timedelta(seconds=5))
    assert session.current is not None and session.current.id == "sigmoid-why"
    session.finish(now=t + timedelta(seconds=5))
    reopened = _session(store, scheduler, t + timedelta(minutes=1), new_per_day=1)
    assert _ids(reopened) == ["sigmoid-why"]


def test_the_new_card_limit_holds_over_two_sessions_and_resets_at_4(
    store: Store, scheduler: Scheduler
) -> None:
    t = _at("2026-03-10 12:00")
    first = _session(store, scheduler, t, new_per_day=3)
    assert len(_ids(first)) == 3
    first.rate(Rating.Easy, now=t)
    first.rate(Rating.Easy, now=t)
    first.finish(now=t)
    assert _ids(_session(store, scheduler, t + timedelta(hours=1), new_per_day=3)) == ["relu-dead"]
    assert _ids(_session(store, scheduler, _at("2026-03-11 03:59"), new_per_day=3)) == ["relu-dead"]
    assert len(_ids(_session(store, scheduler, _at("2026-03-11 04:00"), new_per_day=3))) == 3


def test_the_review_limit_holds_over_two_sessions_and_resets_at_4(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, 4, "2026-03-01 12:00")
    t = _at("2026-03-20 12:00")
    first = _session(store, scheduler, t, max_reviews_per_day=3)
    assert len(_ids(first)) == 3
    first.rate(Rating.Good, now=t)
    first.rate(Rating.Again, now=t)  # a lapse is a review; its relearning steps are not
    first.finish(now=t)
    second = _session(store, scheduler, t + timedelta(hours=1), max_reviews_per_day=3)
    assert len(_ids(second)) == 2  # one review left, and the lapse's step
    second.rate(Rating.Good, now=t + timedelta(hours=1))
    second.finish(now=t + timedelta(hours=1))
    third = _session(store, scheduler, t + timedelta(hours=2), max_reviews_per_day=3)
    steps = {c.id for c in third.queued if _fsrs(store, c.id).state != State.Review}
    assert set(_ids(third)) == steps and len(steps) == 1
    assert (
        len(_ids(_session(store, scheduler, _at("2026-03-21 04:00"), max_reviews_per_day=3))) == 2
    )


def test_answer_undo_answer_differently_leaves_one_row_and_fsrs_s_state_for_the_second(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, 1, "2026-03-01 12:00")
    before = _fsrs(store, "sigmoid-why")
    t = _at("2026-03-09 12:00")
    counts = deck_counts(store, deck(), t, new_per_day=0, max_reviews_per_day=5, tz=BERLIN)
    session = _session(store, scheduler, t)
    session.rate(Rating.Again, now=t)
    session.undo(now=t + timedelta(seconds=5))
    assert _fsrs(store, "sigmoid-why") == before
    assert deck_counts(store, deck(), t, new_per_day=0, max_reviews_per_day=5, tz=BERLIN) == counts
    session.rate(Rating.Good, now=t + timedelta(seconds=9))
    today = store.reviews(card_id="sigmoid-why", since=_at("2026-03-09 04:00"))
    assert [review.rating for review in today] == [Rating.Good]
    expected, _log = scheduler.review_card(
        before, Rating.Good, review_datetime=t + timedelta(seconds=9)
    )
    assert _fsrs(store, "sigmoid-why") == expected


def test_a_card_reviewed_after_a_month_away_is_scheduled_on_its_real_elapsed_days(
    store: Store, scheduler: Scheduler
) -> None:
    _learn(store, scheduler, 1, "2026-03-01 12:00")
    before = _fsrs(store, "sigmoid-why")
    back = before.due + timedelta(days=30)
    session = _session(store, scheduler, back)
    assert _ids(session) == ["sigmoid-why"]
    session.rate(Rating.Good, now=back)
    expected, _log = scheduler.review_card(before, Rating.Good, review_datetime=back)
    after = _fsrs(store, "sigmoid-why")
    assert after == expected
    on_time, _log = scheduler.review_card(before, Rating.Good, review_datetime=before.due)
    assert after.stability is not None and on_time.stability is not None
    assert after.stability > on_time.stability  # recalled after 38 days, not 8
