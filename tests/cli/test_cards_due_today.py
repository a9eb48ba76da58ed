"""`drillbit cards --json`'s `due_today`: what a due session started now asks today.

Its `due` is fsrs's exact time and `--state due` keeps a learning step from its minute, so
a script could not tell from either what `d` asks: a review due at 20:00 is asked from the
study day's start, and a step due in ten minutes is queued and waited for.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from fsrs import State

from quiz.cli.schemas import BrowsedCards
from quiz.store.store import Store
from quiz.study.days import study_zone
from quiz.study.options import SessionOptions
from quiz.study.session import Session
from tests.conftest import RunDrillbit
from tests.study.fakes import FakeCard, save_due

MORNING = datetime(2026, 6, 15, 9, 0).astimezone()  # the commands' local zone
EVENING = MORNING.replace(hour=20)
STEP = MORNING + timedelta(minutes=10)


def _save(card_id: str, state: State, due: datetime) -> None:
    with Store.open() as store:
        save_due(store, card_id, state, due)


def _due_today(drillbit: RunDrillbit, now: datetime, *args: str) -> dict[str, bool]:
    """Each listed card's `due_today` at `now`, the output checked against its schema."""
    listed = drillbit("cards", "--json", *args, now=now)
    assert listed.returncode == 0, listed.stderr
    document = BrowsedCards.model_validate_json(listed.stdout)
    return {row.id: row.due_today for row in document.cards}


def _asked_by_d(ids: list[str], now: datetime) -> set[str]:
    """The cards a due session started at `now` asks today (its queue, steps included)."""
    with Store.open() as store:
        options = SessionOptions(new_per_day=0, tz=study_zone())
        session = Session(store, [FakeCard(card_id) for card_id in ids], options, now=now)
        return {card.id for card in session.planned}


def test_a_review_due_at_20_is_due_today_from_the_study_day_s_start(
    drillbit: RunDrillbit,
) -> None:
    _save("sigmoid", State.Review, EVENING)
    assert _due_today(drillbit, MORNING)["sigmoid"] is True
    assert _due_today(drillbit, MORNING - timedelta(days=1))["sigmoid"] is False
    day_start = MORNING.replace(hour=4)  # day_starts_at: 4:00
    assert _due_today(drillbit, day_start - timedelta(minutes=1))["sigmoid"] is False
    assert _due_today(drillbit, day_start)["sigmoid"] is True
    listed = json.loads(drillbit("cards", "--json", now=MORNING).stdout)["cards"]
    (row,) = [row for row in listed if row["id"] == "sigmoid"]
    assert datetime.fromisoformat(row["due"]) == EVENING, "`due` stays fsrs's exact time"


def test_a_learning_step_in_ten_minutes_reads_as_the_queue_has_it(
    drillbit: RunDrillbit,
) -> None:
    """Not yet due by `--state due` (a step keeps its minute), but a due session started
    now queues it and waits for it: `due_today` says what `d` asks."""
    _save("softmax", State.Learning, STEP)
    _save("relu-family", State.Review, MORNING + timedelta(days=1, hours=1))  # tomorrow's
    flags = _due_today(drillbit, MORNING)
    asked = _asked_by_d(["softmax", "relu-family", "sigmoid"], MORNING)
    assert asked == {"softmax"}
    assert {card_id for card_id, due in flags.items() if due} == asked
    kept = json.loads(drillbit("cards", "--state", "due", "--json", now=MORNING).stdout)
    assert kept["cards"] == [], "--state due keeps the step from its minute, as before"
    assert _due_today(drillbit, STEP)["softmax"] is True


def test_new_and_set_aside_cards_are_not_due_today(drillbit: RunDrillbit) -> None:
    """A new card comes by new_per_day, not its schedule; one suspended or buried is not
    asked, whatever its due time."""
    _save("sigmoid", State.Review, EVENING)
    _save("softmax", State.Review, EVENING)
    with Store.open() as store:
        store.set_flag("sigmoid", suspended=True, buried_until=None, now=MORNING)
    flags = _due_today(drillbit, MORNING)
    assert flags["sigmoid"] is False
    assert flags["softmax"] is True
    assert flags["relu-family"] is False, "new"


def test_under_a_plan_due_today_is_what_the_plan_asks_today(drillbit: RunDrillbit) -> None:
    """The plan studies its own list: a review due by fsrs it leaves for a later day is not
    asked today, and a new card it plans today is."""
    _save("sigmoid", State.Review, MORNING - timedelta(days=2))  # due by fsrs
    interview = (MORNING + timedelta(days=10)).date().isoformat()
    assert drillbit("plan", "--interview", interview, now=MORNING).returncode == 0
    listed = drillbit("cards", "--json", now=MORNING)
    rows = BrowsedCards.model_validate_json(listed.stdout).cards
    planned = {row.id for row in rows if row.plan_due == "today"}
    assert planned and any(row.state == "new" for row in rows if row.id in planned)
    assert {row.id for row in rows if row.due_today} == planned
