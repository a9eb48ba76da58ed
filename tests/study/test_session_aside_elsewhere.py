"""A due session beside another drillbit that suspends or buries its cards, and a step
that falls on the next study day while the session goes on into it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, timedelta

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.store.reviews import CHANGED_ELSEWHERE_SQL
from quiz.study.aside import set_card_aside
from quiz.study.days import StudyZone
from quiz.study.elsewhere import (
    SetAsideElsewhere,
    back_elsewhere_phrase,
    set_aside_elsewhere_phrase,
)
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.study.fakes import NOW, deck

SECOND = timedelta(seconds=1)
MINUTE = timedelta(minutes=1)


def _ids(session: Session) -> list[str]:
    return [card.id for card in session.queued]


def _session(store: Store, scheduler: Scheduler) -> Session:
    return Session(store, deck(), SessionOptions(), now=NOW, scheduler=scheduler)


@pytest.mark.parametrize("suspend", [True, False])
def test_a_card_set_aside_in_the_other_drillbit_is_not_asked_here(
    store: Store, other: Store, scheduler: Scheduler, suspend: bool
) -> None:
    """Suspended in the other's browser (or buried by its `b`) while queued here: it was
    still asked here."""
    here = _session(store, scheduler)
    last = here.queued[-1]
    set_card_aside(other, last.id, suspend=suspend, now=NOW + SECOND, tz=UTC)
    here.show(now=NOW + 2 * SECOND)
    assert last.id not in _ids(here)
    assert here.set_aside_elsewhere == [(last, suspend)]
    assert here.progress == (0, len(deck()) - 1)
    how = "suspended" if suspend else "buried"
    assert set_aside_elsewhere_phrase(here.set_aside_elsewhere) == (
        f"'{last.title}' was {how} in another drillbit meanwhile: not asked here."
    )


def test_the_card_on_screen_suspended_there_logs_nothing_and_stays_suspended(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """An answer here gave the suspended card a due time and a review, as if the
    suspension had not been."""
    here = _session(store, scheduler)
    here.show(now=NOW + SECOND)
    shown = here.current
    assert shown is not None
    set_card_aside(other, shown.id, suspend=True, now=NOW + 2 * SECOND, tz=UTC)
    with pytest.raises(SetAsideElsewhere) as raised:
        here.rate(Rating.Good, now=NOW + 3 * SECOND)
    assert raised.value.card == shown and raised.value.suspended
    assert store.reviews(card_id=shown.id) == [] and store.card_state(shown.id) is None
    assert here.answers == [] and here.current is not None and here.current != shown
    flag = store.card_flag(shown.id)
    assert flag is not None and flag[0].suspended


def test_a_card_unsuspended_there_is_asked_here_again(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    here = _session(store, scheduler)
    card = here.queued[2]
    set_card_aside(other, card.id, suspend=True, now=NOW + SECOND, tz=UTC)
    here.show(now=NOW + 2 * SECOND)
    here.rate(Rating.Good, now=NOW + 3 * SECOND)
    here.show(now=NOW + 4 * SECOND)
    assert card.id not in _ids(here)
    other.set_flag(card.id, suspended=False, buried_until=None, now=NOW + 5 * SECOND)
    here.show(now=NOW + 6 * SECOND)
    assert card.id in _ids(here), "still new, so still due: asked after all"
    assert _ids(here).count(card.id) == 1
    assert _ids(here)[-1] == deck()[0].id, "before the waiting step, not after it"
    assert here.set_aside_elsewhere == [(card, True)], "said once"


def test_an_undo_of_the_suspend_there_brings_it_back_and_an_undo_here_no_second_copy(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    here = _session(store, scheduler)
    there = Session(other, deck(), SessionOptions(), now=NOW, scheduler=scheduler)
    there.show(now=NOW + SECOND)
    here.show(now=NOW + SECOND)
    here.rate(Rating.Good, now=NOW + 2 * SECOND)  # the same first card, answered here
    there.skip(now=NOW + 2 * SECOND)
    there.show(now=NOW + 2 * SECOND)
    aside = there.current
    assert aside is not None
    there.set_aside(suspend=True, now=NOW + 3 * SECOND)  # the other session's x
    here.show(now=NOW + 4 * SECOND)
    assert aside.id not in _ids(here)
    there.undo(now=NOW + 5 * SECOND)  # its u: unsuspended
    here.show(now=NOW + 6 * SECOND)
    assert _ids(here).count(aside.id) == 1
    here.undo(now=NOW + 7 * SECOND)  # takes back the answer, whose show dropped the card
    assert _ids(here).count(aside.id) == 1, "undo put back no second copy"


def test_a_card_answered_into_the_next_study_day_is_asked_once_its_step_comes(
    store: Store, scheduler: Scheduler
) -> None:
    """An Again at 03:59:30 with a 1-minute step, the day starting at 04:00: the session
    went on past 04:00 and never asked it again. Anki rebuilds its queue when the day rolls
    over and asks it once its step is due; never before."""
    zone = StudyZone(UTC, 4)
    late = NOW.replace(hour=3, minute=59, second=30)
    here = Session(store, deck(), SessionOptions(tz=zone), now=late, scheduler=scheduler)
    here.show(now=late)
    first = here.current
    assert first is not None
    assert not here.rate(Rating.Again, now=late).requeued, "its step is tomorrow's"
    assert first.id not in _ids(here)
    here.show(now=late + 40 * SECOND)  # 04:00:10: the new day, the step not yet due
    assert here.current != first, "never asked before its step"
    # ... but queued at the end, waiting for its step, as a restart queues it and Home
    # counts it among today's cards (held out until its minute, the session had one less)
    assert _ids(here)[-1] == first.id and _ids(here).count(first.id) == 1
    here.answer(True, now=late + 50 * SECOND)
    here.show(now=late + 61 * SECOND)  # 04:00:31: its step has come
    assert here.current == first
    assert _ids(here).count(first.id) == 1


def test_a_next_day_step_is_never_asked_early_even_with_nothing_else_left(
    store: Store, scheduler: Scheduler
) -> None:
    zone = StudyZone(UTC, 4)
    late = NOW.replace(hour=3, minute=59, second=30)
    here = Session(store, deck()[:1], SessionOptions(tz=zone), now=late, scheduler=scheduler)
    here.show(now=late)
    here.rate(Rating.Again, now=late)
    here.show(now=late + 10 * SECOND)
    assert here.current is None, "a waiting step is asked early; one due tomorrow is not"


def test_undo_of_the_answer_takes_back_its_next_day_step(
    store: Store, scheduler: Scheduler
) -> None:
    zone = StudyZone(UTC, 4)
    late = NOW.replace(hour=3, minute=59, second=30)
    here = Session(store, deck(), SessionOptions(tz=zone), now=late, scheduler=scheduler)
    here.show(now=late)
    first = here.current
    assert first is not None
    here.rate(Rating.Again, now=late)
    here.answer(True, now=late + 10 * SECOND)
    here.show(now=late + 2 * MINUTE)
    assert here.current == first
    here.undo(now=late + 2 * MINUTE)
    here.undo(now=late + 2 * MINUTE)
    assert here.current == first and _ids(here).count(first.id) == 1
    assert [card.id for card in deck()] == _ids(here)
    here.show(now=late + 3 * MINUTE)
    assert _ids(here).count(first.id) == 1, "the step's copy went with its answer"


def test_the_check_at_every_card_shown_seeks_the_log_by_time(store: Store) -> None:
    """The check grouped the whole review log by card through the (card_id, correct)
    index: 0.4 to 0.8 s per card shown on a 210,000-review home. It must seek by time."""
    with sqlite3.connect(store.path) as db:
        plan = db.execute(
            f"EXPLAIN QUERY PLAN {CHANGED_ELSEWHERE_SQL}", ("", 0, 0, "", "")
        ).fetchall()
    steps = " | ".join(str(row[-1]) for row in plan)
    assert "SEARCH review_log USING INDEX review_log_time" in steps, steps


def test_a_card_suspended_before_the_session_and_unsuspended_there_is_asked_here(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """A due card suspended last week was left out at the start; unsuspended in the other
    drillbit's browser meanwhile, it stayed out of this session for good."""
    card = deck()[3]
    review_at = NOW - 10 * timedelta(days=1)
    first = Session(store, [card], SessionOptions(), now=review_at, scheduler=scheduler)
    first.show(now=review_at)
    first.rate(Rating.Good, now=review_at)  # its step: the session leaves it in review later
    set_card_aside(store, card.id, suspend=True, now=NOW - timedelta(days=1), tz=UTC)
    saved = store.card_state(card.id)
    assert saved is not None and saved.due <= NOW, "due by the time of the session"
    here = _session(store, scheduler)
    assert card.id not in _ids(here)
    here.show(now=NOW + SECOND)
    here.rate(Rating.Good, now=NOW + 2 * SECOND)
    other.set_flag(card.id, suspended=False, buried_until=None, now=NOW + 3 * SECOND)
    here.show(now=NOW + 4 * SECOND)
    assert _ids(here).count(card.id) == 1
    assert here.back_elsewhere == [card], "said once"
    here.show(now=NOW + 5 * SECOND)
    assert here.back_elsewhere == [card] and _ids(here).count(card.id) == 1
    assert back_elsewhere_phrase(here.back_elsewhere) == (
        f"'{card.title}' is back in study (put back in another drillbit): asked here after all."
    )


def test_a_new_card_unsuspended_there_is_not_added_past_new_per_day(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """Three new cards a day: the one put back comes after them in content order, so a
    restart leaves it out and so does this session (`test_session_refresh` queues one the
    day has room for)."""
    card = deck()[3]
    set_card_aside(store, card.id, suspend=True, now=NOW - SECOND, tz=UTC)
    options = SessionOptions(new_per_day=3)
    here = Session(store, deck(), options, now=NOW, scheduler=scheduler)
    other.set_flag(card.id, suspended=False, buried_until=None, now=NOW + SECOND)
    here.show(now=NOW + 2 * SECOND)
    assert card.id not in _ids(here) and here.back_elsewhere == []
    assert len(_ids(here)) == 3


def test_a_card_unsuspended_there_is_said_back(
    store: Store, other: Store, scheduler: Scheduler
) -> None:
    """The card set aside elsewhere came back without a word: the count grew unexplained."""
    here = _session(store, scheduler)
    card = here.queued[2]
    set_card_aside(other, card.id, suspend=True, now=NOW + SECOND, tz=UTC)
    here.show(now=NOW + 2 * SECOND)
    other.set_flag(card.id, suspended=False, buried_until=None, now=NOW + 3 * SECOND)
    here.show(now=NOW + 4 * SECOND)
    assert here.back_elsewhere == [card]
