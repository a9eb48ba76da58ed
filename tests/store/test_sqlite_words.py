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


def test_a_file_that_cannot_be_opened_is_said_as_such(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "drillbit.db"
    error = _raised(lambda: sqlite3.connect(f"file:{missing}?mode=rw", uri=True))
    assert error.sqlite_errorname.startswith("SQLITE_CANTOPEN")
    assert plain_reason(error) == "the file cannot be opened for writing"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("SQLITE_IOERR_WRITE", "the disk reported a read or write error"),
        ("SQLITE_IOERR_FSYNC", "the disk reported a read or write error"),
        ("SQLITE_READONLY_DIRECTORY", "the file or its folder is read-only"),
        ("SQLITE_BUSY_SNAPSHOT", "another program, maybe another drillbit, kept it locked"),
        ("SQLITE_PERM", "permission to write it was refused"),
        ("SQLITE_FULLNESS", "SQLite's own words"),  # a prefix of no whole name: not FULL
        ("SQLITE_CORRUPT", "SQLite's own words"),
    ],
)
def test_an_extended_code_takes_its_primary_codes_words(name: str, said: str) -> None:
    """SQLite raises extended codes (SQLITE_IOERR_WRITE for a failed write()); the words
    are chosen by the primary code the name begins with, up to an underscore."""
    error = sqlite3.OperationalError("SQLite's own words")
    error.sqlite_errorname = name
    assert plain_reason(error) == said
