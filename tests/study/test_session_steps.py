"""Again brings a card back in the session only for a learning or relearning step due today
(as any rating does: tests/study/test_session_learning_steps.py).

With no steps (`learning_steps = ""`) fsrs schedules a card answered Again a day or more
out; asking it again minutes later would log a review before its time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler, State

from quiz.store import Store
from quiz.study.cards import Filters
from quiz.study.days import next_day_start
from quiz.study.options import SessionOptions
from quiz.study.scheduling import load_card, review_card, step_due_today
from quiz.study.session import Session
from tests.study.fakes import NOW, deck

CONCEPTS = Filters(kind="concept")  # sigmoid-why, adam-bias, bn-where


def _scheduler(learning: tuple[str, ...] = (), relearning: tuple[str, ...] = ()) -> Scheduler:
    """fsrs without fuzzing, with these steps ('10m', '1d')."""
    units = {"m": "minutes", "h": "hours", "d": "days"}
    return Scheduler(
        learning_steps=tuple(timedelta(**{units[s[-1]]: int(s[:-1])}) for s in learning),
        relearning_steps=tuple(timedelta(**{units[s[-1]]: int(s[:-1])}) for s in relearning),
        enable_fuzzing=False,
    )


def test_again_without_learning_steps_is_done_for_the_day(store: Store) -> None:
    session = Session(
        store, deck(), SessionOptions(filters=CONCEPTS), now=NOW, scheduler=_scheduler()
    )
    assert session.progress == (0, 3)
    answer = session.rate(Rating.Again, now=NOW + timedelta(seconds=5))
    assert not answer.requeued
    assert session.progress == (1, 3) and session.remaining == 2
    saved = load_card(store, "sigmoid-why")
    assert saved is not None and saved.state == State.Review
    assert saved.due >= next_day_start(NOW, UTC)
    seen = []
    while session.current is not None:
        seen.append(session.current.id)
        session.rate(Rating.Good, now=NOW + timedelta(seconds=10))
    assert seen == ["adam-bias", "bn-where"]
    assert session.progress == (3, 3)
    summary = session.finish(now=NOW + timedelta(seconds=10))
    assert (summary.planned, summary.answers, summary.cards_reviewed) == (3, 3, 3)
    assert [r.card_id for r in store.reviews()].count("sigmoid-why") == 1


def test_again_without_relearning_steps_leaves_a_lapse_for_another_day(store: Store) -> None:
    # learned two weeks ago with steps; the lapse today meets no relearning step
    with_steps = _scheduler(("1m", "10m"), ("10m",))
    review_card(
        store, with_steps, "adam-bias", Rating.Easy, now=NOW - timedelta(days=30), correct=True
    )
    card = load_card(store, "adam-bias")
    assert card is not None and card.state == State.Review and card.due <= NOW
    options = SessionOptions(filters=Filters(topic="optim", kind="concept"))
    session = Session(store, deck(), options, now=NOW, scheduler=_scheduler(("1m", "10m")))
    assert [c.id for c in session.planned] == ["adam-bias"]
    assert not session.rate(Rating.Again, now=NOW).requeued
    assert session.current is None and session.progress == (1, 1)
    # with a relearning step the same lapse comes back at the end
    session.undo(now=NOW)
    again = Session(store, deck(), options, now=NOW, scheduler=with_steps)
    assert again.rate(Rating.Again, now=NOW).requeued
    assert again.current is not None and again.current.id == "adam-bias"


@pytest.mark.parametrize("steps", [("1d",), ("1d", "2d"), ("2d",)])
def test_a_step_of_a_day_or_more_is_not_asked_again_today(
    store: Store, steps: tuple[str, ...]
) -> None:
    session = Session(
        store, deck(), SessionOptions(filters=CONCEPTS), now=NOW, scheduler=_scheduler(steps)
    )
    assert not session.rate(Rating.Again, now=NOW).requeued
    saved = load_card(store, "sigmoid-why")
    assert saved is not None and saved.state == State.Learning  # in its first step, tomorrow
    assert saved.due >= next_day_start(NOW, UTC)
    assert session.progress == (1, 3)


def test_a_same_day_step_comes_back_at_the_end_however_long(store: Store) -> None:
    # noon: a 3-hour step is due at 15:00, today; the session's queue brings it back
    session = Session(
        store, deck(), SessionOptions(filters=CONCEPTS), now=NOW, scheduler=_scheduler(("3h",))
    )
    assert session.rate(Rating.Again, now=NOW).requeued
    assert session.progress == (0, 3), "asked again: left, not done"


def test_a_step_that_lands_after_midnight_waits_for_tomorrow(store: Store) -> None:
    # 23:55 in Berlin (22:55 UTC): the 10-minute step falls due on the next day
    berlin = ZoneInfo("Europe/Berlin")
    late = datetime(2026, 3, 10, 22, 55, tzinfo=UTC)
    options = SessionOptions(filters=CONCEPTS, tz=berlin)
    session = Session(store, deck(), options, now=late, scheduler=_scheduler(("10m",)))
    assert not session.rate(Rating.Again, now=late).requeued
    # in UTC the same moment is 22:55 and 23:05 is still today
    in_utc = Session(
        store, deck(), SessionOptions(filters=CONCEPTS), now=late, scheduler=_scheduler(("10m",))
    )
    assert in_utc.current is not None and in_utc.current.id == "adam-bias"
    assert in_utc.rate(Rating.Again, now=late).requeued


def test_undo_of_an_again_that_was_not_requeued_restores_exactly(store: Store) -> None:
    scheduler = _scheduler()
    review_card(
        store,
        _scheduler(("1m",), ()),
        "bn-where",
        Rating.Good,
        now=NOW - timedelta(days=9),
        correct=True,
    )
    before = store.card_state("bn-where")
    reviews_before = store.reviews()
    options = SessionOptions(filters=CONCEPTS)
    session = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    assert [c.id for c in session.planned] == ["bn-where", "sigmoid-why", "adam-bias"]
    lapse = session.rate(Rating.Again, now=NOW)
    new = session.rate(Rating.Again, now=NOW)
    assert not lapse.requeued and not new.requeued
    assert session.progress == (2, 3)
    assert session.undo(now=NOW) is new
    assert store.card_state("sigmoid-why") is None
    assert session.undo(now=NOW) is lapse
    after = store.card_state("bn-where")
    assert before is not None and after is not None
    assert (after.fsrs_card, after.state, after.due, after.last_review) == (
        before.fsrs_card,
        before.state,
        before.due,
        before.last_review,
    )
    assert store.reviews() == reviews_before
    assert session.current is not None and session.current.id == "bn-where"
    assert session.progress == (0, 3)
    assert [session.rate(Rating.Good, now=NOW).card.id for _ in range(3)] == [
        "bn-where",
        "sigmoid-why",
        "adam-bias",
    ]


def test_cram_still_asks_a_miss_again_without_steps(store: Store) -> None:
    options = SessionOptions(mode="cram", filters=CONCEPTS)
    session = Session(store, deck(), options, now=NOW, scheduler=_scheduler())
    assert session.rate(Rating.Again, now=NOW).requeued
    assert session.progress == (0, 3), "asked again: left, not done"
    assert store.card_states() == {}


def test_plan_mode_taking_steps_asks_again_only_a_step_due_today(store: Store) -> None:
    ids = ("sigmoid-why", "adam-bias")
    options = SessionOptions(filters=CONCEPTS, plan_queue=ids, requeue=True)
    without = Session(store, deck(), options, now=NOW, scheduler=_scheduler())
    assert without.plan_mode
    assert not without.rate(Rating.Again, now=NOW).requeued
    assert without.progress == (1, 2)
    stepping = SessionOptions(filters=CONCEPTS, plan_queue=ids[1:], requeue=True)
    with_steps = Session(store, deck(), stepping, now=NOW, scheduler=_scheduler(("1m", "10m")))
    assert with_steps.current is not None and with_steps.current.id == "adam-bias"
    assert with_steps.rate(Rating.Again, now=NOW).requeued
    assert with_steps.progress == (0, 1)


def test_step_due_today_reads_the_state_fsrs_saved(store: Store) -> None:
    steps = _scheduler(("10m",))
    again = review_card(store, steps, "sigmoid-why", Rating.Again, now=NOW, correct=False)
    assert step_due_today(again, UTC)
    good = review_card(store, steps, "sigmoid-why", Rating.Good, now=NOW, correct=True)
    assert not step_due_today(good, UTC)  # graduated: a review days out
    cram = review_card(store, steps, "adam-bias", Rating.Again, now=NOW, correct=False, mode="cram")
    assert not step_due_today(cram, UTC)


def test_next_day_start_is_the_local_midnight_also_when_clocks_change() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # 29 March 2026: clocks go forward (a 23-hour day); 25 October: back (25 hours)
    spring = datetime(2026, 3, 29, 10, 0, tzinfo=UTC)
    autumn = datetime(2026, 10, 25, 10, 0, tzinfo=UTC)
    assert next_day_start(spring, berlin) == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    assert next_day_start(autumn, berlin) == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)
    assert next_day_start(NOW, UTC) == datetime(2026, 3, 11, tzinfo=UTC)
