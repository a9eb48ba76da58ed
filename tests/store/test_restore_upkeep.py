"""A restore into an empty review log builds its card indexes and tallies once, at the end.

Inserting each review into review_log's indexes other than its time's (at random places: the
file is in time order) and upserting its card's `review_tally` row was most of the SQLite
work of a heavy backup's restore. With nothing in the log before, the import leaves them
out while it inserts and makes them again before it commits: the same database as the
row-by-row upkeep gives, in fewer SQLite steps, and a refused file leaves the schema whole.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench.heavy import progress_files
from quiz.store import backup as backup_module
from quiz.store.backup import import_progress
from quiz.store.backup_read import ProgressFormatError
from quiz.store.migrations import TALLY_FROM_LOG
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
    # Counted in SQLite's opcodes (0.86 of the merge's with version 6's tally, 0.92 since
    # version 12 left the merge's per-row tally upsert two sums fewer: 146,649 of 160,098;
    # the same counts before, each review's index inserts and tally upsert done row by
    # row), which hide most of the work: one opcode inserts a row into an index, wherever
    # it falls.
    assert restore < 0.95 * merge, (restore, merge)


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
        assert _tallies(store._conn) == [("elsewhere", 1, 1)]


def test_new_reviews_inserted_in_batches_are_the_rows_one_at_a_time_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repeat of the last review, one out of time order, one whose session comes later
    in the file and a list between reviews, merged in batches of 2 and of 1 (a statement
    each, as before batches): the same rows, ids, sessions and report."""
    review = {"card_id": "c", "rating": 3, "correct": True, "mode": "cram"}
    reviews = [
        {**review, "reviewed_at": "2026-01-05T09:00:00+00:00", "session": 1},
        {**review, "reviewed_at": "2026-01-05T09:01:00+00:00", "session": 1},
        {**review, "reviewed_at": "2026-01-05T09:01:00+00:00", "session": 1},
        {**review, "reviewed_at": "2026-01-05T08:00:00+00:00"},
        {**review, "reviewed_at": "2026-01-05T09:02:00+00:00", "session": 2},
        {**review, "reviewed_at": "2026-01-05T09:03:00+00:00", "session": 1},
        {**review, "reviewed_at": "2026-01-05T09:04:00+00:00", "rating": 1, "correct": False},
    ]
    document = (
        '{"format": "drillbit-progress", "version": 2, "exported_at": "2026-01-05T10:00:00Z",'
        ' "sessions": [{"id": 1, "mode": "cram", "started_at": "2026-01-05T08:59:00+00:00"}],'
        f' "reviews": {json.dumps(reviews[:5])},'
        ' "drafts": [{"card_id": "d", "text": "x", "updated_at": "2026-01-05T09:00:00Z"}],'
        f' "card_flags": [], "reviews": {json.dumps(reviews[5:])},'
        ' "sessions": [{"id": 2, "mode": "due", "started_at": "2026-01-05T09:02:00+00:00"}]}'
    )
    backup = tmp_path / "b.json"
    backup.write_text(document)
    found = []
    for size in (2, 1):
        monkeypatch.setattr(backup_module, "_BATCH", size)
        with Store.open(tmp_path / f"b{size}.db", now=NOW) as store:
            report = import_progress(store, backup, now=NOW)
            rows = store._conn.execute(
                "SELECT r.id, card_id, rating, reviewed_at, s.mode FROM review_log r"
                " LEFT JOIN study_session s ON s.id = r.session_id ORDER BY r.id"
            ).fetchall()
            found.append((report, [tuple(row) for row in rows], _tallies(store._conn)))
    assert found[0] == found[1]
    report, rows, tallies = found[0]
    assert (report.reviews_added, report.reviews_present, report.drafts_added) == (6, 1, 1)
    assert [row[3][11:16] for row in rows] == ["09:00", "09:01", "08:00", "09:02", "09:03", "09:04"]
    assert [row[4] for row in rows] == ["cram", "cram", None, "due", "cram", None]
    assert tallies == [("c", 6, 5)]


def test_a_restore_counts_the_tallies_before_it_makes_the_card_indexes_again(
    tmp_path: Path, backup: Path
) -> None:
    """With a card index there, SQLite groups the log by walking it and reads each review's
    row at the index's order (random places in a large log); before, it reads the table in
    order and sorts the small keys: the plans below, then the order the restore runs them."""
    with Store.open(tmp_path / "empty.db", now=NOW) as store:
        conn = store._conn
        grouping = TALLY_FROM_LOG.split("\n", 1)[1]  # its SELECT
        walked = " ".join(str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + grouping))
        assert "INDEX review_log_card" in walked, walked
        ran: list[str] = []
        conn.set_trace_callback(ran.append)
        try:
            import_progress(store, backup, now=NOW)
        finally:
            conn.set_trace_callback(None)
    tally = ran.index(TALLY_FROM_LOG)
    remade = [at for at, sql in enumerate(ran) if sql.startswith("CREATE INDEX review_log_card")]
    assert len(remade) == 1 and tally < min(remade), (tally, remade)  # one card index (v10)
    restored = sqlite3.connect(tmp_path / "empty.db")
    try:
        assert len(_tallies(restored)) == len(CARDS)
    finally:
        restored.close()
