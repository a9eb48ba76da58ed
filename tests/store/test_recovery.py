"""Unusable databases are moved aside with a notice and a fresh one starts; never deleted."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import LATEST_VERSION, Store, StoreError
from quiz.store.recovery import is_corruption
from tests.store.history import write_marked_history

NOW = datetime(2026, 3, 10, 12, 0, 5, tzinfo=UTC)
STAMP = "20260310T120005Z"


def _filled_database(path: Path) -> bytes:
    """A real drillbit database with enough rows to span many pages; returns its bytes."""
    with Store.open(path, now=NOW) as store:
        for i in range(200):
            store.record_attempt(
                card_id=f"drill-{i}", status="failed", verdict_json="x" * 400, attempted_at=NOW
            )
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def _assert_moved_and_fresh(path: Path, original: bytes, store: Store, reason: str) -> None:
    moved = path.with_name(f"drillbit.db.corrupt-{STAMP}")
    assert moved.read_bytes() == original, "the damaged file is kept byte for byte"
    assert len(store.notices) == 1
    notice = store.notices[0]
    assert notice.moved_to == moved
    assert reason in notice.reason
    assert str(moved) in str(notice) and "fresh database" in str(notice)
    assert store.schema_version() == LATEST_VERSION
    assert store.review_count() == 0
    store.record_review(card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due")
    assert store.review_count() == 1


def test_garbage_bytes_are_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    garbage = b"this is not an sqlite database, just notes\n" * 200
    path.write_bytes(garbage)
    with Store.open(path, now=NOW) as store:
        _assert_moved_and_fresh(path, garbage, store, "not an SQLite database")


def test_a_truncated_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    whole = _filled_database(path)
    truncated = whole[: len(whole) // 2]
    path.write_bytes(truncated)
    for sidecar in ("drillbit.db-wal", "drillbit.db-shm"):
        (tmp_path / sidecar).unlink(missing_ok=True)
    with Store.open(path, now=NOW) as store:
        _assert_moved_and_fresh(path, truncated, store, "malformed")


def test_a_damaged_page_fails_the_integrity_check_and_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    whole = bytearray(_filled_database(path))
    page = 4096
    whole[3 * page : 3 * page + 64] = b"\xff" * 64  # scribble over a b-tree page header
    path.write_bytes(bytes(whole))
    with Store.open(path, now=NOW) as store:
        assert store.notices and store.notices[0].moved_to is not None
        assert store.notices[0].moved_to.read_bytes() == bytes(whole)
        assert store.review_count() == 0


def test_a_future_schema_version_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    """A newer drillbit's database was moved aside as damaged and a fresh one started: an
    older copy of drillbit run once hid the whole progress, and the newer one then opened
    the empty database. It is refused now, the file untouched."""
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store:
        store.record_review(card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due")
        store._conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01')",
            (LATEST_VERSION + 1,),
        )
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    original = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        Store.open(path, now=NOW)
    assert refused.value.message == (
        f"{path} was written by a newer drillbit (its schema version {LATEST_VERSION + 1} is "
        f"newer than this drillbit understands ({LATEST_VERSION})); it is left exactly as it "
        "was: upgrade drillbit to use it (`uv tool upgrade drillbit`), or point DRILLBIT_HOME "
        "at another folder"
    )
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir() if "corrupt" in p.name) == []
    kept = sqlite3.connect(path)
    assert kept.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 1
    kept.close()


def test_the_wal_sidecars_move_with_the_file_and_names_never_collide(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    path.write_bytes(b"garbage" * 100)
    (tmp_path / "drillbit.db-wal").write_bytes(b"old wal")
    Store.open(path, now=NOW).close()
    assert (tmp_path / f"drillbit.db.corrupt-{STAMP}-wal").read_bytes() == b"old wal"
    path.unlink()
    for sidecar in ("drillbit.db-wal", "drillbit.db-shm"):
        (tmp_path / sidecar).unlink(missing_ok=True)
    path.write_bytes(b"more garbage" * 100)
    with Store.open(path, now=NOW) as store:
        assert store.notices[0].moved_to == tmp_path / f"drillbit.db.corrupt-{STAMP}-2"
    assert (tmp_path / f"drillbit.db.corrupt-{STAMP}").exists()


def test_an_empty_file_is_simply_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    path.write_bytes(b"")
    with Store.open(path, now=NOW) as store:
        assert store.notices == []
        assert store.schema_version() == LATEST_VERSION
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_busy_or_locked_errors_are_not_corruption() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("SELECT * FROM no_such_table")
    assert not is_corruption(caught.value)
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorname = "SQLITE_BUSY"
    assert not is_corruption(locked)
    damaged = sqlite3.DatabaseError("file is not a database")
    damaged.sqlite_errorname = "SQLITE_NOTADB"
    assert is_corruption(damaged)


def test_a_file_cut_inside_the_header_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    stub = _filled_database(path)[:50]
    path.write_bytes(stub)
    for sidecar in ("drillbit.db-wal", "drillbit.db-shm"):
        (tmp_path / sidecar).unlink(missing_ok=True)
    with Store.open(path, now=NOW) as store:
        _assert_moved_and_fresh(path, stub, store, "truncated SQLite header")


def test_a_damaged_page_hides_only_its_own_reviews(tmp_path: Path) -> None:
    """The rows on readable pages of a damaged file are copied into the fresh database."""
    path = tmp_path / "drillbit.db"
    total = 400
    write_marked_history(path, NOW, total)
    whole = bytearray(path.read_bytes())
    page = 4096
    # the table page holding review 200 (index pages hold card ids but no payload)
    hit = whole.index(b"payload-0200")
    start = hit - hit % page
    whole[start : start + page] = b"\xa5" * page
    path.write_bytes(bytes(whole))
    with Store.open(path, now=NOW) as store:
        recovered = store.reviews()
        notice = store.notices[0]
    assert notice.moved_to is not None and notice.moved_to.read_bytes() == bytes(whole)
    assert 0 < len(recovered) < total, "the damaged page's rows are lost, the others kept"
    assert len(recovered) > total - 60, "one 4 KiB page holds at most a few dozen of these rows"
    assert f"{len(recovered)} reviews, " in notice.message
    assert "could be read from it and were copied into the new one" in notice.message
    assert " drill tries and " in notice.message, "a graded run is a try, as everywhere else"
    ids = {review.card_id for review in recovered}
    assert "card-0200" not in ids and {"card-0000", "card-0399"} <= ids
    for review in recovered:
        i = int(review.card_id.removeprefix("card-"))
        assert (review.rating, review.correct, review.duration_ms) == (1 + i % 4, i % 2 == 0, i)
        assert review.card_before is not None and f"payload-{i:04d}" in review.card_before
