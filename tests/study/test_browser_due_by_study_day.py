"""The card browser's "due" is Home's: a review is due by its study day, a step by its minute.

Home and a due session read `RestOfDay.due_today`; the browser's rows compared fsrs's hour
with now, so a review due at 21:00 was counted on Home at 09:00 but not starred, not kept by
`is:due`, and not listed by `drillbit cards --state due` (`tests/cli/test_cli_cards.py`).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import State

from quiz.browser import browse, card_rows, due_labels
from quiz.store import Store
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from tests.study.fakes import deck, save_due

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
CARDS = deck()[:5]
MORNING = "2026-03-09 09:00"


def _at(text: str) -> datetime:
    """A wall-clock time in Berlin, as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=BERLIN.zone).astimezone(UTC)


def _save(store: Store, card_id: str, state: State, due: str) -> None:
    """Save `card_id` in fsrs `state`, due at `due` (Berlin), as an answer a week ago."""
    save_due(store, card_id, state, _at(due))


@pytest.fixture
def saved(store: Store) -> Store:
    """Reviews due tonight, after midnight before the day's 4:00 start, and tomorrow; a
    learning step ten minutes after MORNING."""
    _save(store, CARDS[0].id, State.Review, "2026-03-09 21:00")  # tonight: due
    _save(store, CARDS[1].id, State.Review, "2026-03-10 03:00")  # still this study day
    _save(store, CARDS[2].id, State.Review, "2026-03-10 05:00")  # tomorrow's study day
    _save(store, CARDS[3].id, State.Learning, "2026-03-09 09:10")  # a step: its minute
    return store


def _due_in_browser(store: Store, now: datetime) -> set[str]:
    """The cards the browser says are due at `now`: starred, kept by `is:due` and by the
    `due` state, which must agree with one another."""
    rows = card_rows(CARDS, store, now, tz=BERLIN)
    starred = {
        row.card.id
        for row, label in zip(rows, due_labels(rows, now, BERLIN), strict=True)
        if label.startswith("*")
    }
    searched = {row.card.id for row in browse(rows, search="is:due")}
    stated = {row.card.id for row in browse(rows, state="due")}
    assert starred == searched == stated
    return starred


def test_a_review_due_tonight_is_due_in_the_browser_as_on_home(saved: Store) -> None:
    morning = _at(MORNING)
    assert _due_in_browser(saved, morning) == {CARDS[0].id, CARDS[1].id}
    counts = deck_counts(saved, CARDS, morning, new_per_day=0, tz=BERLIN)
    assert counts.total.due == 2, "Home counts the same two"
    assert counts.total.later_today == 1, "the step is today's learning, not due yet"


def test_a_learning_step_keeps_its_minute(saved: Store) -> None:
    """As the due queue waits for it (`RestOfDay.step_later`), the browser does."""
    step = _at("2026-03-09 09:10")
    assert CARDS[3].id not in _due_in_browser(saved, step - timedelta(minutes=1))
    assert CARDS[3].id in _due_in_browser(saved, step)
    assert deck_counts(saved, CARDS, step, new_per_day=0, tz=BERLIN).total.due == 3


def test_the_day_s_start_hour_decides_tomorrow(saved: Store) -> None:
    """At 03:59 on the 10th the study day is still the 9th's; at 04:00 tomorrow's review
    is today's."""
    assert CARDS[2].id not in _due_in_browser(saved, _at("2026-03-10 03:59"))
    assert CARDS[2].id in _due_in_browser(saved, _at("2026-03-10 04:00"))


def test_a_card_set_aside_is_not_due(saved: Store) -> None:
    morning = _at(MORNING)
    saved.set_flag(CARDS[0].id, suspended=True, buried_until=None, now=morning)
    saved.set_flag(CARDS[1].id, suspended=False, buried_until=_at("2026-03-10 04:00"), now=morning)
    assert _due_in_browser(saved, morning) == set()
    assert deck_counts(saved, CARDS, morning, new_per_day=0, tz=BERLIN).total.due == 0
