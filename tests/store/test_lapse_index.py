"""Migration 8: the lapse counts read one covering index; a version-7 database upgrades
with every review and count kept, and a version-8 one is refused by a drillbit that knows 7."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import Store, StoreError
from quiz.store.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
REVIEW_COLUMNS = "card_id, rating, correct, reviewed_at, mode, state_before"

# (card, rating, mode, state_before): Agains to a card in review (2) count only in due mode;
# an Again while learning (1) or relearning (3), or of a new card (None), is no lapse.
HISTORY = [
    ("a", 1, "due", 2),
    ("a", 1, "due", 2),
    ("a", 3, "due", 2),
    ("a", 1, "cram", 2),
    ("b", 1, "due", 2),
    ("b", 1, "due", 1),
    ("b", 1, "due", 3),
    ("c", 1, "due", None),
    ("c", 2, "mock", 2),
]


def _version_7_database(path: Path) -> None:
    """A database as drillbit left it before migration 8, holding `HISTORY`."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, now=NOW, target=7)
    for minute, (card, rating, mode, state) in enumerate(HISTORY):
        at = (NOW + timedelta(minutes=minute)).isoformat()
        conn.execute(
            f"INSERT INTO review_log ({REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608
            (card, rating, int(rating > 1), at, mode, state),
        )
    conn.close()


def _lapse_plan(store: Store) -> str:
    """SQLite's plan for the statement `lapse_counts` runs (caught as it runs)."""
    ran: list[str] = []
    store._conn.set_trace_callback(ran.append)
    try:
        store.lapse_counts()
    finally:
        store._conn.set_trace_callback(None)
    (statement,) = [sql for sql in ran if "review_log" in sql]
    return " ".join(str(row[3]) for row in store._conn.execute("EXPLAIN QUERY PLAN " + statement))


def test_a_version_7_database_upgrades_and_counts_lapses_from_the_index(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _version_7_database(path)
    before = sqlite3.connect(path)
    reviews = before.execute(f"SELECT {REVIEW_COLUMNS} FROM review_log ORDER BY id").fetchall()
    tallied_columns = "SELECT card_id, reviews, correct FROM review_tally ORDER BY card_id"
    tallies = before.execute(tallied_columns).fetchall()  # version 12 keeps these
    before.close()
    with Store.open(path, now=NOW) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.lapse_counts() == {"a": 2, "b": 1}
        plan = _lapse_plan(store)
        assert "COVERING INDEX review_log_lapses" in plan, plan
        assert "TEMP B-TREE" not in plan  # the index gives the rows grouped by card
        conn = store._conn
        kept = conn.execute(f"SELECT {REVIEW_COLUMNS} FROM review_log ORDER BY id").fetchall()
        assert [tuple(row) for row in kept] == reviews
        tallied = conn.execute(tallied_columns).fetchall()
        assert [tuple(row) for row in tallied] == tallies
        indexes = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert "review_log_state_rating" not in indexes  # replaced: its columns lead the new one
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_version_8_database_is_refused_by_a_drillbit_that_knows_7(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    _version_7_database(path)
    newer = sqlite3.connect(path, isolation_level=None)
    assert migrate(newer, now=NOW, target=8) == [8]  # later versions need not exist for this
    newer.close()
    monkeypatch.setattr("quiz.store.migrations.MIGRATIONS", MIGRATIONS[:7])
    monkeypatch.setattr("quiz.store.opening.LATEST_VERSION", 7)
    whole = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(path, now=NOW)
    assert "schema version 8 is newer than this drillbit understands (7)" in refused.value.message
    assert path.read_bytes() == whole  # left as it was: never moved aside nor written
    assert not list(tmp_path.glob("*.corrupt-*"))
    aside = sqlite3.connect(path)
    assert schema_version(aside) == 8
    assert aside.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == len(HISTORY)
    aside.close()
