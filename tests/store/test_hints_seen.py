"""The hints of a drill a person saw (migration 9): counted since the drill's last pass."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.store import Store
from quiz.store.migrations import migrate
from tests.store.history import PAGE, write_marked_history

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _attempt(store: Store, status: str, at: datetime) -> None:
    store.record_attempt(card_id="softmax", status=status, verdict_json="{}", attempted_at=at)


def test_a_database_from_before_the_hints_table_gets_it_and_counts_hints(tmp_path: Path) -> None:
    """A database at version 7 (before this migration and the one numbered 8) opens with
    the table: its hints are counted from then on."""
    path = tmp_path / "drillbit.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, now=NOW, target=7)
    conn.close()
    with Store.open(path, now=NOW) as store:
        assert store.hints_seen("softmax") == 0
        store.record_hint(card_id="softmax", number=1, seen_at=NOW)
        assert store.hints_seen("softmax") == 1
    with Store.open(path, now=NOW) as store:  # kept on disk
        assert store.hints_seen("softmax") == 1


def test_hints_count_since_the_last_pass_and_a_failure_keeps_them(tmp_path: Path) -> None:
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        store.record_hint(card_id="softmax", number=1, seen_at=NOW)
        store.record_hint(card_id="softmax", number=2, seen_at=NOW + timedelta(minutes=1))
        store.record_hint(card_id="sigmoid", number=1, seen_at=NOW)
        _attempt(store, "failed", NOW + timedelta(minutes=2))
        assert store.hints_seen("softmax") == 2  # a failure ends nothing
        _attempt(store, "passed", NOW + timedelta(minutes=3))
        assert store.hints_seen("softmax") == 0  # the pass was made with them
        assert store.hints_seen("sigmoid") == 1  # another drill's are its own
        store.record_hint(card_id="softmax", number=1, seen_at=NOW + timedelta(minutes=4))
        assert store.hints_seen("softmax") == 1


def test_hints_seen_are_kept_when_a_damaged_file_is_salvaged(tmp_path: Path) -> None:
    """A damaged page in the review log moves the file aside; the hints seen are copied
    into the fresh database with what else can be read, not lost with the file."""
    path = tmp_path / "drillbit.db"
    write_marked_history(path, NOW, 400)
    with Store.open(path, now=NOW) as store:
        store.record_hint(card_id="softmax", number=1, seen_at=NOW)
        store.record_hint(card_id="softmax", number=2, seen_at=NOW)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    whole = bytearray(path.read_bytes())
    hit = whole.index(b"payload-0200")
    start = hit - hit % PAGE
    whole[start : start + PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(whole))
    with Store.open(path, now=NOW) as store:
        assert 0 < len(store.reviews()) < 400  # the read meets the damage: salvaged
        assert store.notices and store.notices[0].moved_to is not None
        assert store.hints_seen("softmax") == 2
