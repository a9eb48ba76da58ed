"""`build_new`: a database that appears only when the step run on it succeeds."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from quiz.store import Store, staged
from quiz.store.errors import DamagedFileReplaced
from quiz.store.staged import NotCreatedError, build_new

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


def test_a_crashed_builds_leftovers_are_removed_when_no_build_may_write_them(
    tmp_path: Path,
) -> None:
    """A killed import left its hidden file (a full backup's: 100+ MB) there for good."""
    gone = _leftover(tmp_path, _gone_pid(), age=60)
    # a running process that started before the file's last write: perhaps its builder
    # (a drillbit from before the builds' locks), so it is kept
    running = _leftover(tmp_path, os.getppid(), age=0)
    assert build_new(tmp_path / "drillbit.db", lambda store: store.review_count()) == 0
    left = _names(tmp_path)
    assert not any(name.startswith(gone.name) for name in left), left
    assert {running.name, f"{running.name}-wal"} <= set(left)
    assert "drillbit.db" in left


# -- a failure once the temporary file exists names the real database ----------------


def _link_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hard links and renames fail as on a full disk."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)


def _checkpoint_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """The final checkpoint's connection cannot be opened (a disk error)."""

    def connect(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(staged, "sqlite3", SimpleNamespace(connect=connect, Error=sqlite3.Error))


class _Busy:
    """A connection whose checkpoint could not copy the whole log (another reader)."""

    def execute(self, _sql: str) -> _Busy:
        return self

    def fetchone(self) -> tuple[int, int, int]:
        return (1, 10, 5)

    def close(self) -> None:
        pass


def _checkpoint_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        staged, "sqlite3", SimpleNamespace(connect=lambda *_a, **_k: _Busy(), Error=sqlite3.Error)
    )


FINAL_FAILURES = {
    "link": (_link_refused, "could not give it its name (No space left on device)"),
    "checkpoint": (_checkpoint_fails, "could not write it whole (disk I/O error)"),
    "log kept": (_checkpoint_busy, "its write-ahead log stayed beside it"),
}


def _assert_not_created(error: NotCreatedError, target: Path, what: str) -> None:
    assert error.message.startswith(f"{target} was not created: "), error.message
    assert what in error.message
    assert "Nothing was changed: there is still no database there" in error.message
    assert ".new-" not in error.message  # the temporary file's name means nothing to anyone


@pytest.mark.parametrize("failure", sorted(FINAL_FAILURES))
def test_a_failure_after_the_step_names_the_database_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """The step succeeded (the data is in) but the check or the link failed: the message
    named `.drillbit.db.new-PID-…`, a file the person never heard of."""
    inject, what = FINAL_FAILURES[failure]
    target = tmp_path / "a" / "home" / "drillbit.db"
    ran: list[int] = []

    def step(store: Store) -> None:
        _review(store, "relu")
        ran.append(store.review_count())
        inject(monkeypatch)  # from here on: the step is done, the data in the file

    with pytest.raises(NotCreatedError) as raised:
        build_new(target, step, now=NOW)
    assert ran == [1]
    _assert_not_created(raised.value, target, what)
    assert _names(tmp_path) == []  # the folders made for it are gone too


def test_a_write_the_disk_refuses_names_the_database(tmp_path: Path) -> None:
    """The disk filled up while the step wrote: the store's own `could not save to
    <the temporary file>: the disk is full` names the database instead."""
    target = tmp_path / "drillbit.db"
    (tmp_path / "notes.txt").write_text("mine")

    def step(store: Store) -> None:
        with store.write_transaction() as conn:  # a full disk: SQLite's page cap
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        for number in range(1000):
            _review(store, f"card-{number}-" + "x" * 200)

    with pytest.raises(NotCreatedError) as raised:
        build_new(target, step, now=NOW)
    _assert_not_created(raised.value, target, "the disk is full")
    assert _names(tmp_path) == ["notes.txt"]


def test_a_temporary_file_found_damaged_is_removed_with_its_moved_copy(tmp_path: Path) -> None:
    """Damage met in the temporary file moves it aside as `<name>.corrupt-<stamp>`, a
    name no leftover cleanup knew: the copy stayed for good."""
    target = tmp_path / "drillbit.db"

    def step(store: Store) -> None:
        _review(store, "relu")
        store._recover("damaged, found while reading it: database disk image is malformed")
        assert any(".corrupt-" in name for name in _names(tmp_path))
        raise DamagedFileReplaced(store.notices[-1])  # what a write meeting the damage raises

    with pytest.raises(NotCreatedError) as raised:
        build_new(target, step, now=NOW)
    _assert_not_created(raised.value, target, "found damaged while being written")
    assert _names(tmp_path) == []


def test_ctrl_c_in_the_step_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "home" / "drillbit.db"

    def step(store: Store) -> None:
        _review(store, "relu")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_new(target, step, now=NOW)
    assert _names(tmp_path) == []
