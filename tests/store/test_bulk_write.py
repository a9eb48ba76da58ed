"""A bulk write transaction (a backup's import) keeps SQLite's statement journals in memory.

Every insert into review_log needs a statement journal (a copy of the pages it changes, so
it alone can be undone: its triggers and checks). Once one of them outgrew SQLite's 64 KiB
it moved into a temporary file for the rest of the transaction, and every later insert
wrote its pages there: a heavy user's restore made 4 million such writes.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store.base import BULK_CACHE_KIB
from quiz.store.store import Store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
FD_DIR = Path("/proc/self/fd")


def _temp_files() -> set[str]:
    """The SQLite temporary files this process holds open (their names start `etilqs_`)."""
    found = set()
    for fd in FD_DIR.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if "etilqs_" in target:
            found.add(target)
    return found


def _store(tmp_path: Path, reviews: int = 2000) -> Store:
    store = Store.open(tmp_path / "drillbit.db", now=NOW)
    start = NOW - timedelta(days=30)
    with store.write_transaction() as conn:
        conn.executemany(
            "INSERT INTO review_log (card_id, rating, correct, reviewed_at, duration_ms, mode,"
            " card_after) VALUES (?, 3, 1, ?, 1000, 'due', ?)",
            [
                (
                    f"card-{index % 50:02d}",
                    (start + timedelta(minutes=index)).isoformat(),
                    "x" * 500,
                )
                for index in range(reviews)
            ],
        )
    return store


def _statement_journal_files(store: Store, *, bulk: bool) -> set[str]:
    """Temporary files open while one statement changes every page of review_log."""
    with store.write_transaction(bulk=bulk) as conn:
        before = _temp_files()
        conn.execute("UPDATE review_log SET duration_ms = duration_ms + 1")
        return _temp_files() - before


def _temp_store_default(store: Store) -> int:
    """SQLite's build-time SQLITE_TEMP_STORE (1 when the build does not set it): 0 always
    files, 1 files unless `temp_store` says MEMORY, 2 memory unless it says FILE, 3 always
    memory."""
    for (option,) in store._conn.execute("PRAGMA compile_options"):
        if option.startswith("TEMP_STORE="):
            return int(option.removeprefix("TEMP_STORE="))
    return 1


@pytest.mark.skipif(
    not FD_DIR.is_dir(), reason="only Linux lists a process's open files in /proc (not macOS)"
)
def test_bulk_write_keeps_statement_journals_in_memory(tmp_path: Path) -> None:
    store = _store(tmp_path)
    build = _temp_store_default(store)
    # a plain write spills a large statement journal to a file where the build does
    # (the bundled SQLite: 1); a bulk write never does, but where the build forbids memory
    assert bool(_statement_journal_files(store, bulk=False)) == (build <= 1)
    assert bool(_statement_journal_files(store, bulk=True)) == (build == 0)
    assert store._conn.execute("SELECT SUM(duration_ms) FROM review_log").fetchone()[0] == (
        2000 * 1002
    )
    assert store._conn.execute("SELECT SUM(duration_ms) FROM review_log").fetchone()[0] == (
        2000 * 1002
    )


def test_bulk_write_settings_last_only_its_transaction(tmp_path: Path) -> None:
    store = _store(tmp_path, reviews=10)
    conn = store._conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    with store.write_transaction(bulk=True) as inside:
        assert inside.execute("PRAGMA cache_size").fetchone()[0] == -BULK_CACHE_KIB
        # Temporary tables are still written to a file (a crafted backup can fill one).
        assert inside.execute("PRAGMA temp_store").fetchone()[0] == 0
        inside.execute("CREATE TEMP TABLE scratch (a)")
        inside.execute("DROP TABLE temp.scratch")
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == cache
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 0


def test_bulk_write_restores_settings_when_it_fails(tmp_path: Path) -> None:
    store = _store(tmp_path, reviews=10)
    conn = store._conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    with pytest.raises(RuntimeError), store.write_transaction(bulk=True) as inside:
        inside.execute("DELETE FROM review_log")
        raise RuntimeError("stop")
    assert conn.execute("SELECT COUNT(*) FROM review_log").fetchone()[0] == 10
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == cache
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 0
