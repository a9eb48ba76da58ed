"""The study day's due rule is made in one place (`DueBefore.on_day`): Home's count, a due
session's queue (`reviews_later_today`) and the card browser's rows all take its bounds,
so at every edge (now, the day's end, a microsecond either side) they say the same.

Before, each of the three spelled the rule out on its own, held together by tests alone.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from fsrs import State

from quiz.browser import card_rows
from quiz.store import Store
from quiz.store.timefmt import to_db
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from quiz.study.options import SessionOptions
from quiz.study.queue import reviews_later_today
from quiz.study.rest_of_day import DueBefore, RestOfDay
from quiz.study.session import Session
from tests.study.fakes import FakeCard, save_due

BERLIN = StudyZone(ZoneInfo("Europe/Berlin"), 4)
NOW = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
END = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)  # 04:00 in Berlin: the next study day
TICK = timedelta(microseconds=1)
EDGES = {
    "long overdue": NOW - timedelta(days=3),
    "a tick before now": NOW - TICK,
    "now": NOW,
    "a tick after now": NOW + TICK,
    "tonight": NOW + timedelta(hours=12),
    "a tick before the day's end": END - TICK,
    "the day's end": END,
    "a tick after it": END + TICK,
}
STATES = {"learning": State.Learning, "review": State.Review, "relearning": State.Relearning}


def _expected(state: State, due: datetime) -> bool:
    """The rule in words: its time has come, or it is in review and due before the day ends."""
    return due <= NOW or (state == State.Review and due < END)


@pytest.fixture
def grid(store: Store) -> tuple[Store, list[tuple[FakeCard, State, datetime]]]:
    """A card in each state due at each edge."""
    made = []
    for state_name, state in STATES.items():
        for edge_name, due in EDGES.items():
            card = FakeCard(f"{state_name}: {edge_name}")
            save_due(store, card.id, state, due)
            made.append((card, state, due))
    return store, made


def test_home_the_queue_and_the_browser_agree_at_every_edge(
    grid: tuple[Store, list[tuple[FakeCard, State, datetime]]],
) -> None:
    store, made = grid
    rest = RestOfDay.at(NOW, BERLIN)
    later = reviews_later_today(store.schedule_columns(), rest)
    rows = {row.card.id: row for row in card_rows([c for c, _, _ in made], store, NOW, tz=BERLIN)}
    wrong = []
    for card, state, due in made:
        expected = _expected(state, due)
        home = deck_counts(store, [card], NOW, new_per_day=0, tz=BERLIN).total.due == 1
        queued = due <= NOW or card.id in later
        said = {
            "Home": home,
            "queue": queued,
            "browser": rows[card.id].is_due,
            "RestOfDay": rest.due_today(int(state), to_db(due)),
        }
        wrong += [f"{card.id}: {who} says {got}" for who, got in said.items() if got != expected]
    assert wrong == []


def test_the_bounds_are_made_once_for_all_three(
    grid: tuple[Store, list[tuple[FakeCard, State, datetime]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule changed in `DueBefore.on_day` alone changes Home, the queue and the browser:
    here one that ends the day now, so a review due tonight is not today's anywhere."""
    store, made = grid
    tonight = next(c for c, s, at in made if s == State.Review and at == EDGES["tonight"])
    before = deck_counts(store, [tonight], NOW, new_per_day=0, tz=BERLIN).total.due
    assert before == 1, "due tonight: today's review by the unchanged rule"

    def ends_now(now: datetime, tz: object) -> DueBefore[datetime]:
        return DueBefore(now + TICK, now + TICK)

    monkeypatch.setattr(DueBefore, "on_day", staticmethod(ends_now))
    counts = deck_counts(store, [tonight], NOW, new_per_day=0, tz=BERLIN)
    rest = RestOfDay.at(NOW, BERLIN)
    (row,) = card_rows([tonight], store, NOW, tz=BERLIN)
    session = Session(store, [tonight], SessionOptions(new_per_day=0, tz=BERLIN), now=NOW)
    assert counts.total.due == 0
    assert reviews_later_today(store.schedule_columns(), rest) == set()
    assert not row.is_due
    assert session.planned == ()
