"""A failed write is told in a person's words, chosen by the error SQLite really raised."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.store.sqlite_words import plain_reason


def _raised(action: object) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        action()  # type: ignore[operator]
    return caught.value


def _database(tmp_path: Path) -> Path:
    path = tmp_path / "drillbit.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    return path


def test_a_full_disk_is_said_as_such(tmp_path: Path) -> None:
    conn = sqlite3.connect(_database(tmp_path))
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    error = _raised(lambda: conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 10))
    conn.close()
    assert str(error) == "database or disk is full"  # SQLite's words, which we replace
    assert plain_reason(error) == "the disk is full"


def test_a_read_only_file_is_said_as_such(tmp_path: Path) -> None:
    conn = sqlite3.connect(f"file:{_database(tmp_path)}?mode=ro", uri=True)
    error = _raised(lambda: conn.execute("INSERT INTO t VALUES (1)"))
    conn.close()
    assert plain_reason(error) == "the file or its folder is read-only"


def test_a_file_another_program_holds_locked_is_said_as_such(tmp_path: Path) -> None:
    path = _database(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waiter = sqlite3.connect(path, isolation_level=None, timeout=0)
    error = _raised(lambda: waiter.execute("BEGIN IMMEDIATE"))
    holder.close()
    waiter.close()
    assert plain_reason(error) == "another program, maybe another drillbit, kept it locked"


def test_an_error_no_disk_gives_keeps_sqlites_words(tmp_path: Path) -> None:
    conn = sqlite3.connect(_database(tmp_path))
    error = _raised(lambda: conn.execute("INSERT INTO missing VALUES (1)"))
    conn.close()
    assert plain_reason(error) == str(error) == "no such table: missing"


def test_an_error_without_a_name_keeps_its_words() -> None:
    assert plain_reason(sqlite3.OperationalError("disk I/O error")) == "disk I/O error"
