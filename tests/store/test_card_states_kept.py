"""`Store.card_states` keeps what it read until the database changes, and the plan's due
count (`due_not_today`) reads the kept schedule columns: both must give what a plain read
of the table gives, after a rating, an undo, a forgotten card and another connection's
commit."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fsrs import Rating, Scheduler

from quiz.store import CardState, Store
from quiz.store.timefmt import from_db, to_db
from quiz.study.counts import deck_counts, due_not_today
from quiz.study.scheduling import review_card
from tests.study.fakes import deck

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _plain_states(path: Path) -> dict[str, CardState]:
    """Every saved state as a fresh connection reads the table, nothing kept."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT card_id, fsrs_card, state, due, last_review, introduced_at, updated_at "
            "FROM card_state ORDER BY card_id"
        ).fetchall()
    conn.close()
    return {
        row[0]: CardState(
            card_id=row[0],
            fsrs_card=row[1],
            state=int(row[2]),
            due=from_db(row[3]),
            last_review=from_db(row[4]) if row[4] else None,
            introduced_at=from_db(row[5]),
            updated_at=from_db(row[6]),
        )
        for row in rows
    }


def _plain_waiting(path: Path, now: datetime, due: int, offered: list[str]) -> int:
    """Of `due`, the cards not among `offered` whose due time has come, read plainly."""
    with sqlite3.connect(path) as conn:
        come = {
            card_id
            for (card_id,) in conn.execute(
                "SELECT card_id FROM card_state WHERE due <= ?", (to_db(now),)
            )
        }
    conn.close()
    return max(0, due - sum(1 for card_id in offered if card_id in come)) if due else 0


def _history(store: Store, scheduler: Scheduler) -> list[str]:
    """Cards of the small deck rated over the last weeks: some due now, some later, some
    in a step; the ids in the deck's order."""
    ids = [card.id for card in deck()]
    for number, card_id in enumerate(ids[:6]):
        rating = (Rating.Easy, Rating.Good, Rating.Again)[number % 3]
        when = NOW - timedelta(days=3 * number, minutes=5)
        review_card(store, scheduler, card_id, rating, now=when, correct=rating > 1)
    return ids


def test_card_states_equal_a_plain_read_through_every_change(tmp_path: Path) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store, Store.open(path, now=NOW) as other:
        ids = _history(store, scheduler)
        first = store.card_states()
        assert first == _plain_states(path)
        assert list(first) == sorted(first), "in id order, as the table was read"
        wanted = [ids[4], "never-seen", ids[1]]
        assert list(store.card_states(wanted)) == [ids[4], ids[1]], "the ids' order"

        review_card(store, scheduler, ids[1], Rating.Again, now=NOW, correct=False)
        after = store.card_states()
        assert after == _plain_states(path)
        assert after[ids[1]] != first[ids[1]], "the rated card's new state"
        assert after[ids[0]] is first[ids[0]], "an unchanged row keeps its record"

        review_card(other, scheduler, ids[6], Rating.Good, now=NOW, correct=True)
        assert store.card_states() == _plain_states(path), "another connection's commit"
        assert ids[6] in store.card_states()

        last = store.reviews(card_id=ids[1])[-1]
        store.undo_review(last.id, now=NOW)
        assert store.card_states() == _plain_states(path)
        assert store.card_states()[ids[1]].fsrs_card == first[ids[1]].fsrs_card, "undone"

        other.forget_card(ids[0])
        assert store.card_states() == _plain_states(path)
        assert ids[0] not in store.card_states()


def test_a_returned_mapping_is_the_callers_own(tmp_path: Path) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store:
        ids = _history(store, scheduler)
        store.card_states().pop(ids[0])
        store.card_states([ids[1]]).clear()
        assert store.card_states() == _plain_states(path)


def test_due_not_today_equals_a_plain_count_as_cards_are_rated(tmp_path: Path) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store, Store.open(path, now=NOW) as other:
        ids = _history(store, scheduler)
        offers: tuple[list[str], ...] = ([], ids[:3], ids[2:8], [ids[0], "never-seen", ids[3]], ids)
        moments = (NOW, NOW + timedelta(days=2), NOW + timedelta(days=9))

        def check() -> None:
            for moment in moments:
                due = deck_counts(store, deck(), moment).total.due
                for offered in offers:
                    want = _plain_waiting(path, moment, due, offered)
                    assert due_not_today(store, moment, due, offered) == want, (moment, offered)

        check()
        due = deck_counts(store, deck(), NOW).total.due
        assert due >= 2 and due_not_today(store, NOW, due, ids) < due, "a history with due cards"
        review_card(store, scheduler, ids[0], Rating.Good, now=NOW, correct=True)  # a rating
        check()
        review_card(other, scheduler, ids[7], Rating.Easy, now=NOW, correct=True)  # elsewhere
        check()
