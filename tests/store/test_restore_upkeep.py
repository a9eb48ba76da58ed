"""A restore into an empty review log builds its card indexes and tallies once, at the end.

Inserting each review into review_log's three indexes keyed by card (at random places: the
file is in time order) and upserting its card's `review_tally` row was most of the SQLite
work of a heavy backup's restore. With nothing in the log before, the import leaves them
out while it inserts and makes them again before it commits: the same database as the
row-by-row upkeep gives, in fewer SQLite steps, and a refused file leaves the schema whole.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.heavy import progress_files
from quiz.store.backup import ProgressFormatError, import_progress
from quiz.store.store import Store

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
CARDS = [f"card-{index:02d}" for index in range(40)]


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real history (fsrs's own states: new, learning, review and relearning reviews)."""
    folder = tmp_path_factory.mktemp("restore-upkeep")
    files, count = progress_files(folder, CARDS, NOW - timedelta(minutes=5), reviews=1200)
    assert count >= 1200
    return files[0]


def _schema(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    return [tuple(row) for row in conn.execute(query)]


def _tallies(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute("SELECT * FROM review_tally ORDER BY card_id")]


def _steps(store: Store, backup: Path) -> int:
    """SQLite's virtual machine steps of `import_progress` (counted, not timed)."""
    conn = store._conn
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 1)
    try:
        import_progress(store, backup, now=NOW)
    finally:
        conn.set_progress_handler(None, 1)
    return steps[0]


def _one_other_review(store: Store) -> None:
    """A review of a card the file does not hold, so the log is not empty."""
    store.record_review(
        card_id="elsewhere",
        rating=3,
        correct=True,
        reviewed_at=NOW - timedelta(days=2000),
        mode="cram",
    )


def test_a_restore_into_an_empty_log_is_the_database_row_by_row_upkeep_gives(
    tmp_path: Path, backup: Path
) -> None:
    with Store.open(tmp_path / "empty.db", now=NOW) as store:
        import_progress(store, backup, now=NOW)
    with Store.open(tmp_path / "other.db", now=NOW) as store:
        _one_other_review(store)
        import_progress(store, backup, now=NOW)
    with Store.open(tmp_path / "fresh.db", now=NOW):
        pass  # the schema as the migrations make it
    restored = sqlite3.connect(tmp_path / "empty.db")
    merged = sqlite3.connect(tmp_path / "other.db")
    fresh = sqlite3.connect(tmp_path / "fresh.db")
    try:
        assert _schema(restored) == _schema(merged) == _schema(fresh)
        tallies = _tallies(restored)
        assert tallies == [row for row in _tallies(merged) if row[0] != "elsewhere"]
        assert len(tallies) == len(CARDS)
        assert {row[3] for row in tallies} != {0}  # the mature and kept counts are exercised
        assert restored.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        query = "SELECT card_id, rating, reviewed_at, card_after FROM review_log ORDER BY id"
        assert restored.execute(query).fetchall() == merged.execute(query).fetchall()[1:]
    finally:
        for conn in (restored, merged, fresh):
            conn.close()


def test_a_restore_into_an_empty_log_takes_far_fewer_sqlite_steps(
    tmp_path: Path, backup: Path
) -> None:
    with Store.open(tmp_path / "empty.db", now=NOW) as store:
        restore = _steps(store, backup)
    with Store.open(tmp_path / "other.db", now=NOW) as store:
        _one_other_review(store)
        merge = _steps(store, backup)
    # Counted in SQLite's opcodes (0.85 of the merge's at the time of writing; the same
    # counts before, each review's index inserts and tally upsert done row by row), which
    # hide most of the work: one opcode inserts a row into an index, wherever it falls.
    assert restore < 0.9 * merge, (restore, merge)


def test_a_refused_file_leaves_an_empty_log_s_indexes_and_tally_trigger(
    tmp_path: Path, backup: Path
) -> None:
    text = backup.read_text(encoding="utf-8")
    cut = text.rindex('"rating": ')
    broken = tmp_path / "broken.json"
    broken.write_text(text[:cut] + '"rating": 9' + text[cut + len('"rating": 1') :])
    with Store.open(tmp_path / "empty.db", now=NOW) as store:
        before = _schema(store._conn)
        with pytest.raises(ProgressFormatError, match=r"reviews\.\d+\.rating"):
            import_progress(store, broken, now=NOW)
        assert _schema(store._conn) == before
        assert store._conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 0
        _one_other_review(store)  # the tally's trigger still counts an answer
        assert _tallies(store._conn) == [("elsewhere", 1, 1, 0, 0)]
