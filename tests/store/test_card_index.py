"""Migration 10: the review log's one-column card index is dropped, its column leading
`review_log_card_correct`; every query of a card's reviews still searches an index, a
version-9 database upgrades with every review and tally kept, and a version-10 one is
refused by a drillbit that knows 9."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import Store, StoreError
from quiz.store.backup import merge_progress
from quiz.store.backup_read import parse_progress
from quiz.store.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
REVIEW_COLUMNS = "card_id, rating, correct, reviewed_at, mode, state_before"
HISTORY = [("a", 3, "due", None), ("a", 1, "due", 2), ("b", 3, "cram", None), ("a", 4, "due", 3)]
"""(card, rating, mode, state_before), a minute apart."""


def _version_9_database(path: Path) -> None:
    """A database as drillbit left it before migration 10, holding `HISTORY`."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, now=NOW, target=9)
    for minute, (card, rating, mode, state) in enumerate(HISTORY):
        at = (NOW - timedelta(hours=1) + timedelta(minutes=minute)).isoformat()
        conn.execute(
            f"INSERT INTO review_log ({REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608
            (card, rating, int(rating > 1), at, mode, state),
        )
    conn.close()


def _indexes(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return {str(row[0]) for row in rows}


def test_a_version_9_database_upgrades_without_the_one_column_card_index(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _version_9_database(path)
    before = sqlite3.connect(path)
    reviews = before.execute(f"SELECT id, {REVIEW_COLUMNS} FROM review_log ORDER BY id").fetchall()
    tallied_columns = "SELECT card_id, reviews, correct FROM review_tally ORDER BY card_id"
    tallies = before.execute(tallied_columns).fetchall()  # version 12 keeps these
    assert "review_log_card" in _indexes(before)
    before.close()
    with Store.open(path, now=NOW) as store:
        assert store.schema_version() == LATEST_VERSION
        conn = store._conn
        indexes = _indexes(conn)
        assert "review_log_card" not in indexes
        assert {"review_log_card_correct", "review_log_time", "review_log_lapses"} <= indexes
        kept = conn.execute(f"SELECT id, {REVIEW_COLUMNS} FROM review_log ORDER BY id").fetchall()
        assert [tuple(row) for row in kept] == reviews
        tallied = conn.execute(tallied_columns).fetchall()
        assert [tuple(row) for row in tallied] == tallies
        assert [r.rating for r in store.reviews(card_id="a")] == [3, 1, 4]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _plans_by_card(store: Store, action: Callable[[], object]) -> list[str]:
    """SQLite's plan of each statement `action` runs that reads review_log by a card id."""
    ran: list[str] = []
    store._conn.set_trace_callback(ran.append)
    try:
        action()
    finally:
        store._conn.set_trace_callback(None)
    statements = [sql for sql in ran if "FROM review_log" in sql and "card_id = " in sql]
    assert statements, ran
    plans = []
    for sql in statements:  # the trace gives each statement with its values in place
        rows = store._conn.execute("EXPLAIN QUERY PLAN " + sql)
        plans.append(" ".join(str(row[3]) for row in rows))
    return plans


def test_a_cards_reviews_are_still_searched_by_the_card_index(tmp_path: Path) -> None:
    """The queries that read a card's reviews (its history; a flag merged into a home
    with answers, for "answered here since") search `review_log_card_correct`: no scan."""
    path = tmp_path / "drillbit.db"
    _version_9_database(path)
    flagged = {
        "format": "drillbit-progress",
        "version": 2,
        "exported_at": NOW.isoformat(),
        "card_flags": [{"card_id": "a", "suspended": True, "updated_at": NOW.isoformat()}],
    }
    with Store.open(path, now=NOW) as store:
        backup = parse_progress(flagged, now=NOW)
        plans = _plans_by_card(store, lambda: store.reviews(card_id="a"))
        plans += _plans_by_card(store, lambda: merge_progress(store, backup, now=NOW))
        assert store.card_flag("a") is not None
    assert len(plans) == 2
    for plan in plans:
        assert "SEARCH review_log USING INDEX review_log_card_correct (card_id=?)" in plan, plan


def test_a_version_10_database_is_refused_by_a_drillbit_that_knows_9(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    _version_9_database(path)
    newer = sqlite3.connect(path, isolation_level=None)
    assert migrate(newer, now=NOW, target=10) == [10]
    newer.close()
    monkeypatch.setattr("quiz.store.migrations.MIGRATIONS", MIGRATIONS[:9])
    monkeypatch.setattr("quiz.store.opening.LATEST_VERSION", 9)
    whole = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(path, now=NOW)
    assert "schema version 10 is newer than this drillbit understands (9)" in refused.value.message
    assert path.read_bytes() == whole  # left as it was: never moved aside nor written
    assert not list(tmp_path.glob("*.corrupt-*"))
    aside = sqlite3.connect(path)
    assert schema_version(aside) == 10
    assert aside.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == len(HISTORY)
    aside.close()
