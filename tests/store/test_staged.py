"""`build_new`: a database that appears only when the step run on it succeeds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import Store
from quiz.store.staged import LEFTOVER_QUIET_SECONDS, build_new

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _review(store: Store, card_id: str) -> None:
    store.record_review(card_id=card_id, rating=3, correct=True, reviewed_at=NOW, mode="due")


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_a_step_that_succeeds_leaves_the_database_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "home" / "drillbit.db"

    def step(store: Store) -> int:
        _review(store, "relu")
        return store.review_count()

    assert build_new(target, step, now=NOW) == 1
    assert _names(target.parent) == ["drillbit.db"]  # no -wal, -shm or temporary name
    conn = sqlite3.connect(target)
    try:  # the file holds the review itself, and stays in WAL mode as every open leaves it
        assert conn.execute("SELECT card_id FROM review_log").fetchall() == [("relu",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()
    with Store.open(target, now=NOW) as store:
        assert store.review_count() == 1 and store.notices == []


def test_a_step_that_fails_leaves_no_file_and_no_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "drillbit.db"

    def step(store: Store) -> None:
        _review(store, "relu")  # committed in the temporary file, then the step fails
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        build_new(target, step, now=NOW)
    assert _names(tmp_path) == []
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "notes.txt").write_text("mine")
    with pytest.raises(ValueError, match="refused"):
        build_new(target, step, now=NOW)
    assert _names(tmp_path / "a") == ["notes.txt"]  # a folder that was there is kept


def test_an_existing_database_is_left_to_the_caller(tmp_path: Path) -> None:
    target = tmp_path / "drillbit.db"
    with Store.open(target, now=NOW) as store:
        _review(store, "relu")
    ran: list[Store] = []
    assert build_new(target, ran.append, now=NOW) is None
    assert ran == []


def test_a_database_made_meanwhile_is_never_replaced(tmp_path: Path) -> None:
    """Another drillbit opened the home while the step ran: its database is kept, whole,
    and the caller is told to run the step on it."""
    target = tmp_path / "drillbit.db"

    def step(store: Store) -> int:
        _review(store, "imported")
        with Store.open(target, now=NOW) as other:  # the other drillbit, answering a card
            _review(other, "answered-meanwhile")
        return 1

    assert build_new(target, step, now=NOW) is None
    assert _names(tmp_path) == ["drillbit.db"]
    with Store.open(target, now=NOW) as store:
        assert [review.card_id for review in store.reviews()] == ["answered-meanwhile"]


def _gone_pid() -> int:
    """The id of a process that has ended (reaped: no process has it now, barring reuse)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _leftover(folder: Path, pid: int, *, age: float) -> Path:
    """What a `build_new` killed mid-step leaves: the file, its -wal and -shm."""
    staged = folder / f".drillbit.db.new-{pid}-0123456789abcdef"
    for path in (staged, folder / f"{staged.name}-wal", folder / f"{staged.name}-shm"):
        path.write_bytes(b"x")
        when = time.time() - age
        os.utime(path, (when, when))
    return staged


def test_a_crashed_builds_leftovers_are_removed_once_quiet_and_ownerless(tmp_path: Path) -> None:
    """A killed import left its hidden file (a full backup's: 100+ MB) there for good."""
    hour = LEFTOVER_QUIET_SECONDS
    gone = _leftover(tmp_path, _gone_pid(), age=hour + 60)
    recent = _leftover(tmp_path, _gone_pid(), age=hour - 60)  # perhaps still being written
    running = _leftover(tmp_path, os.getppid(), age=hour + 60)  # its process still runs
    assert build_new(tmp_path / "drillbit.db", lambda store: store.review_count()) == 0
    left = _names(tmp_path)
    assert not any(name.startswith(gone.name) for name in left), left
    assert {recent.name, running.name, f"{running.name}-wal"} <= set(left)
    assert "drillbit.db" in left
