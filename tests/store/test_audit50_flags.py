"""The fiftieth round's mutation audit of quiz/store/flags.py: what a person sees of a card
reset to new and of a bury or suspend taken back (`u` in a session) that its earlier
tests let change unseen (docs/mutation-audits.md)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import CardFlag, Store

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
TOMORROW = datetime(2026, 3, 11, 4, 0, tzinfo=UTC)


def _fsrs_json(due: datetime) -> str:
    return (
        '{"card_id": 7, "state": 2, "step": null, "stability": 3.0, "difficulty": 5.0, '
        f'"due": "{due.isoformat()}", "last_review": "{NOW.isoformat()}"}}'
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "drillbit.db", now=NOW)
    yield opened
    opened.close()


def _review(store: Store, card_id: str) -> None:
    """One answer that schedules `card_id` three days on."""
    store.record_review(
        card_id=card_id,
        rating=3,
        correct=True,
        reviewed_at=NOW,
        mode="due",
        card_after=_fsrs_json(NOW + timedelta(days=3)),
    )


def test_a_suspended_card_reset_to_new_is_back_in_study(store: Store) -> None:
    """Forget (the browser's reset) clears the suspend with the schedule: the card is new
    and offered again, not new and still hidden."""
    _review(store, "relu")
    store.set_flag("relu", suspended=True, buried_until=None, now=NOW)
    assert store.hidden_ids(NOW) == {"relu"}
    assert store.forget_card("relu") is True
    assert store.card_state("relu") is None
    assert store.card_flag("relu") is None
    assert store.card_flags() == {}
    assert store.hidden_ids(LATER) == set()
    assert store.review_count() == 1  # its history is kept


def test_resetting_a_card_with_no_schedule_says_so(store: Store) -> None:
    """True only when a schedule was there to forget: a new card (buried or not) gives
    False, and its bury goes all the same."""
    assert store.forget_card("gelu") is False
    store.bury("gelu", until=TOMORROW, now=NOW)
    assert store.forget_card("gelu") is False
    assert store.card_flag("gelu") is None
    _review(store, "relu")
    assert store.forget_card("relu") is True
    assert store.forget_card("relu") is False  # already new


def test_undoing_a_bury_of_a_card_that_had_no_flag_clears_it(store: Store) -> None:
    before = store.card_flag("relu")
    assert before is None
    flag = store.bury("relu", until=TOMORROW, now=NOW)
    assert flag == CardFlag(card_id="relu", suspended=False, buried_until=TOMORROW)
    assert store.restore_flag("relu", before, set_at=NOW) is True
    assert store.card_flag("relu") is None
    assert store.hidden_ids(LATER) == set()


def test_undoing_a_suspend_brings_back_the_bury_it_replaced(store: Store) -> None:
    store.bury("relu", until=TOMORROW, now=NOW)
    before = store.card_flag("relu")
    assert before is not None
    store.set_flag("relu", suspended=True, buried_until=None, now=LATER)
    assert store.restore_flag("relu", before, set_at=LATER) is True
    assert store.card_flag("relu") == (
        CardFlag(card_id="relu", suspended=False, buried_until=TOMORROW),
        NOW,
    )
    assert store.hidden_ids(TOMORROW) == set()  # buried again, until tomorrow only


def test_an_undo_after_a_change_elsewhere_keeps_that_change(store: Store) -> None:
    """A bury taken back after the browser (another tab) suspended the card: the undo is
    refused, False, and the card stays suspended."""
    store.bury("relu", until=TOMORROW, now=NOW)
    store.set_flag("relu", suspended=True, buried_until=None, now=LATER)
    assert store.restore_flag("relu", None, set_at=NOW) is False
    assert store.card_flag("relu") == (
        CardFlag(card_id="relu", suspended=True, buried_until=None),
        LATER,
    )
    store.set_flag("relu", suspended=False, buried_until=None, now=LATER)
    assert store.restore_flag("relu", None, set_at=LATER) is False  # no flag left to undo
    assert store.card_flag("relu") is None
