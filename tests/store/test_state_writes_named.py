"""After this store's own writes, `card_states` (so the plan's `current_memory`) reads again
only the rows of the cards the connection's write log names (`Schedules._state_writes`):
each kind of write that moves a saved state (an answer, an undo, a forgotten card, an
import, a restore) must leave it equal to a cold read, and each test fails when its
write goes unnamed (its trigger dropped, or a dropped log taken for an empty one)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.store.backup import import_progress, merge_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_read import read_progress
from quiz.store.schedules import STATE_LOG
from quiz.study.plan_reads import current_memory
from quiz.study.scheduling import review_card
from tests.study.fakes import deck

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
SCHEDULER = Scheduler(enable_fuzzing=False)


def _cold(path: Path, ids: list[str]) -> dict[str, str]:
    """Each card's saved state as a store opened afresh reads it (nothing kept), as JSON."""
    with Store.open(path, now=NOW) as fresh:
        return {card_id: card.to_json() for card_id, card in current_memory(fresh, ids).items()}


def _memory(store: Store, ids: list[str]) -> dict[str, str]:
    return {card_id: card.to_json() for card_id, card in current_memory(store, ids).items()}


def _rate(store: Store, card_id: str, rating: Rating, when: datetime) -> None:
    review_card(store, SCHEDULER, card_id, rating, now=when, correct=rating > Rating.Again)


class _Home:
    """A store with a rated history, its memory read once (so the log is kept), and the
    SQL of every read after that."""

    def __init__(self, path: Path, store: Store, reads: list[str]) -> None:
        self.path, self.store, self.reads = path, store, reads
        self.ids = [card.id for card in deck()] + ["never-seen"]

    def check(self, what: str) -> None:
        """`current_memory` equals a cold read, in id order, and so does `card_states`."""
        found = _memory(self.store, self.ids)
        assert found == _cold(self.path, self.ids), what
        assert list(self.store.card_states()) == sorted(self.store.card_states()), what

    def full_reads(self) -> int:
        return sum("ORDER BY card_id" in sql for sql in self.reads)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[_Home]:
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store:
        ids = [card.id for card in deck()]
        for number, card_id in enumerate(ids[:6]):
            rating = (Rating.Easy, Rating.Good, Rating.Again)[number % 3]
            _rate(store, card_id, rating, NOW - timedelta(days=3 * number, minutes=5))
        reads: list[str] = []
        real = store._read

        def reading(sql: str, params: object = (), *, plain: bool = False) -> list[object]:
            reads.append(sql)
            return real(sql, params, plain=plain)  # type: ignore[arg-type]

        made = _Home(path, store, reads)
        made.check("the first read")
        monkeypatch.setattr(store, "_read", reading)
        yield made


def test_an_answer_reads_only_its_card_again(home: _Home) -> None:
    rated, new = home.ids[1], home.ids[6]
    before = home.store.card_states()
    _rate(home.store, rated, Rating.Again, NOW)  # an UPDATE of a saved state
    home.check("after an answer")
    _rate(home.store, new, Rating.Good, NOW)  # an INSERT: a card's first answer
    home.check("after a first answer")
    assert home.full_reads() == 0, "the log named both cards: no full read"
    after = home.store.card_states()
    assert after[home.ids[0]] is before[home.ids[0]], "an unchanged card keeps its record"
    assert after[rated] != before[rated] and new in after


def test_an_undo_is_named(home: _Home) -> None:
    rated, new = home.ids[2], home.ids[7]
    _rate(home.store, rated, Rating.Hard, NOW)
    _rate(home.store, new, Rating.Good, NOW)
    home.check("after two answers")
    home.store.undo_review(home.store.reviews(card_id=new)[-1].id, now=NOW)  # a DELETE
    home.check("after undoing a first answer")
    home.store.undo_review(home.store.reviews(card_id=rated)[-1].id, now=NOW)  # an UPDATE
    home.check("after undoing an answer")
    assert home.full_reads() == 0


def test_a_forgotten_card_is_named(home: _Home) -> None:
    assert home.store.forget_card(home.ids[0])  # a DELETE
    home.check("after a reset")
    assert home.ids[0] not in home.store.card_states()
    assert home.full_reads() == 0


def _backup(tmp_path: Path, ids: list[str]) -> Path:
    """Another home's progress, its answers later than the home's: a merge takes them."""
    other = tmp_path / "other.db"
    with Store.open(other, now=NOW) as store:
        for card_id in ids:
            _rate(store, card_id, Rating.Good, NOW + timedelta(hours=2))
        path = tmp_path / "backup.json"
        export_progress(store, path, now=NOW + timedelta(hours=3))
    return path


def test_an_import_is_seen(home: _Home, tmp_path: Path) -> None:
    backup = read_progress(_backup(tmp_path, [home.ids[1], home.ids[6]]), now=NOW)
    report = merge_progress(home.store, backup, now=NOW + timedelta(hours=3))
    assert report.states_added + report.states_updated >= 2
    home.check("after an import")


def test_a_restore_is_seen(home: _Home, tmp_path: Path) -> None:
    path = _backup(tmp_path, [home.ids[3], home.ids[7]])
    report = import_progress(home.store, path, now=NOW + timedelta(hours=3))
    assert report.states_added + report.states_updated >= 2
    home.check("after a restore")
    _rate(home.store, home.ids[4], Rating.Good, NOW + timedelta(hours=4))
    home.check("an answer after the restore, the log made again")


def test_a_write_inside_a_transaction_keeps_no_log_mark(home: _Home) -> None:
    """A read inside an open transaction may see writes that are then rolled back: it is
    read whole, and not kept as a mark the log goes on from."""
    with pytest.raises(RuntimeError), home.store.write_transaction() as conn:
        conn.execute("DELETE FROM card_state WHERE card_id = ?", (home.ids[5],))
        assert home.ids[5] not in home.store.card_states()
        raise RuntimeError("rolled back")
    home.check("after the rollback")
    assert home.ids[5] in home.store.card_states()


def test_another_connection_s_write_reads_every_row(home: _Home) -> None:
    with sqlite3.connect(home.path) as conn:
        conn.execute("DELETE FROM card_state WHERE card_id = ?", (home.ids[3],))
    conn.close()
    home.check("after another connection's delete")
    assert home.full_reads() == 1
    assert STATE_LOG not in {
        row[0] for row in sqlite3.connect(home.path).execute("SELECT name FROM sqlite_master")
    }, "the log is this connection's, never in the file"


def _logged(store: Store) -> list[str]:
    """The card ids the connection's write log holds now, oldest first."""
    rows = store._conn.execute(f"SELECT card_id FROM temp.{STATE_LOG} ORDER BY seq").fetchall()
    return [str(row[0]) for row in rows]


def test_the_log_holds_only_the_writes_since_the_last_read(home: _Home) -> None:
    """A read drops what it read from the log, so many answers with a recount after each
    leave it empty instead of growing with the connection's life; the writes after a
    read are still named at the next one (no full read, equal to a cold read)."""
    ids = home.ids[:8]
    for minute, card_id in enumerate(ids * 3):
        _rate(home.store, card_id, Rating.Good, NOW + timedelta(minutes=minute))
        assert set(_logged(home.store)) == {card_id}, "the answer's write, nothing before it"
        home.check(f"after answer {minute + 1}")
        assert _logged(home.store) == [], "the read dropped what it read"
    _rate(home.store, ids[0], Rating.Again, NOW + timedelta(hours=1))
    _rate(home.store, ids[1], Rating.Hard, NOW + timedelta(hours=1))
    assert set(_logged(home.store)) == set(ids[:2]), "two writes before a read: both kept"
    home.check("after two answers and one read")
    assert home.full_reads() == 0, "every write was named though the log was emptied"
