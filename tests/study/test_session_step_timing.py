"""A card left in a learning step comes back when its step is due, as in Anki.

Anki shows a learning card again once its step has passed, before the rest of the day's
cards, and early only when nothing else is left. A due session kept every such card for
the end of its queue: an Again (a 1-minute step) on the first of 200 cards came back
after the other 199, hours later. `show` now moves a copy whose step is due to the front;
until then it waits at the end, the waiting copies in the order their steps fall due.
"""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.session import Session
from tests.study.fakes import NOW, deck


def _steps() -> Scheduler:
    """fsrs's default steps (1 and 10 minutes, relearning 10) without fuzzing."""
    return Scheduler(enable_fuzzing=False)


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _session(store: Store) -> Session:
    return Session(store, deck(), now=NOW, scheduler=_steps())


def test_an_again_comes_back_once_its_step_is_due_not_after_the_whole_queue(
    store: Store,
) -> None:
    session = _session(store)
    assert session.rate(Rating.Again, now=NOW).requeued  # sigmoid-why, due in a minute
    session.show(now=NOW + timedelta(seconds=30))
    assert session.current is not None and session.current.id == "sigmoid-bound", "not yet"
    session.answer(True, now=NOW + timedelta(seconds=50))
    session.show(now=NOW + timedelta(seconds=70))
    assert _ids(session)[:2] == ["sigmoid-why", "relu-dead"], "its minute is up: asked next"
    assert _ids(session)[-1] == "sigmoid-bound", "Good: its 10-minute step, still waiting"
    assert session.progress == (0, 8)


def test_waiting_copies_are_asked_in_the_order_their_steps_fall_due(store: Store) -> None:
    session = _session(store)
    session.rate(Rating.Good, now=NOW)  # sigmoid-why: the 10-minute step
    session.answer(False, now=NOW)  # sigmoid-bound: Again, the 1-minute step
    assert _ids(session)[-2:] == ["sigmoid-bound", "sigmoid-why"]
    session.show(now=NOW + timedelta(minutes=2))
    assert _ids(session)[0] == "sigmoid-bound" and _ids(session)[-1] == "sigmoid-why"
    session.answer(True, now=NOW + timedelta(minutes=2))  # sigmoid-bound: its 10 minutes
    assert _ids(session)[-2:] == ["sigmoid-why", "sigmoid-bound"], "due at 10 and 12 min"
    session.show(now=NOW + timedelta(minutes=11))
    assert _ids(session)[0] == "sigmoid-why" and _ids(session)[-1] == "sigmoid-bound"


def test_with_nothing_else_left_a_waiting_card_is_asked_early(store: Store) -> None:
    session = _session(store)
    for _ in range(8):
        session.rate(Rating.Again, now=NOW)
    session.show(now=NOW)
    assert session.current is not None and session.current.id == "sigmoid-why"
    assert session.progress == (0, 8)


def test_undo_after_a_step_came_due_restores_the_queue_and_keeps_the_undone_card(
    store: Store,
) -> None:
    session = _session(store)
    session.rate(Rating.Again, now=NOW)
    waiting = _ids(session)
    later = NOW + timedelta(minutes=2)
    session.answer(True, now=later)  # sigmoid-bound
    session.show(now=later)
    assert _ids(session)[0] == "sigmoid-why"
    session.undo(now=later)
    assert _ids(session) == waiting, "the copy waits at the end again, where it was"
    session.show(now=later)
    assert session.current is not None and session.current.id == "sigmoid-bound", (
        "the card undo brought back stays current; the due step comes right after it"
    )
    assert _ids(session)[1] == "sigmoid-why"
    session.undo(now=later)
    assert _ids(session) == [card.id for card in deck()] and session.progress == (0, 8)
    assert store.reviews() == []


def test_a_session_started_again_before_a_step_is_due_still_asks_that_card(
    store: Store,
) -> None:
    first = _session(store)
    first.rate(Rating.Again, now=NOW)  # sigmoid-why: due a minute later
    first.rate(Rating.Good, now=NOW)  # sigmoid-bound: its 10-minute step
    first.finish(now=NOW + timedelta(seconds=10))
    again = Session(store, deck(), now=NOW + timedelta(seconds=20), scheduler=_steps())
    assert _ids(again)[-2:] == ["sigmoid-why", "sigmoid-bound"], "waiting, in due order"
    assert again.progress == (0, 8), "the six new cards and the two in their steps"
    assert not any(card.id.startswith("sigmoid") for card in again.queued[:6])
    again.show(now=NOW + timedelta(minutes=2))
    assert _ids(again)[0] == "sigmoid-why"


def test_a_step_that_ends_after_the_study_day_waits_for_tomorrow(store: Store) -> None:
    late = NOW.replace(hour=23, minute=55)  # in UTC, with days starting at midnight
    first = Session(store, deck(), now=late, scheduler=_steps())
    first.rate(Rating.Again, now=late)  # sigmoid-why: 23:56, today
    first.rate(Rating.Good, now=late)  # sigmoid-bound: 00:05, tomorrow
    first.finish(now=late)
    again = Session(store, deck(), now=late + timedelta(seconds=30), scheduler=_steps())
    assert _ids(again)[-1] == "sigmoid-why" and "sigmoid-bound" not in _ids(again)
