"""A home's database that another drillbit is writing, or that is another program's SQLite
file: one line that names the file and says what to do, and the file left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.store import Store, opening
from tests.conftest import RunDrillbit


def test_a_home_another_drillbit_is_writing_is_named_with_what_to_do(
    drillbit: RunDrillbit, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _isolated_home / "drillbit.db"
    with Store.open(database):
        pass
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_SECONDS", 0.05)
    writer = sqlite3.connect(database, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # as a long import-progress holds it
        writer.execute("DELETE FROM schema_migrations WHERE version < 0")
        result = drillbit("stats")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"drillbit: progress database: another drillbit (or another program) is writing "
        f"{database}, the database of the home {_isolated_home}, and did not finish within "
        "0.05 s (an import-progress of a large backup takes longer); nothing was changed: "
        "try again once it has finished"
    ]
    assert "database is locked" not in result.stderr


def _foreign(database: Path) -> bytes:
    """An SQLite file of some other program's, with two tables and a row."""
    conn = sqlite3.connect(database)
    conn.executescript(
        "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE albums (id INTEGER PRIMARY KEY);"
        "INSERT INTO photos (name) VALUES ('beach.jpg');"
    )
    conn.commit()
    conn.close()
    return database.read_bytes()


@pytest.mark.parametrize("command", [("stats",), ("cards",), ("drills",)])
def test_another_programs_database_is_refused_and_left_as_it_was(
    drillbit: RunDrillbit, _isolated_home: Path, command: tuple[str, ...]
) -> None:
    database = _isolated_home / "drillbit.db"
    before = _foreign(database)
    result = drillbit(*command)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"drillbit: progress database: {database} is an SQLite database of another program "
        "(tables: albums, photos), not drillbit's; it was left as it was: move it away, or "
        "set DRILLBIT_HOME to another folder"
    )
    assert database.read_bytes() == before
    tables = sqlite3.connect(database).execute("SELECT name FROM sqlite_master").fetchall()
    assert sorted(name for (name,) in tables) == ["albums", "photos"]


def test_an_empty_file_and_a_drillbit_database_still_open(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """The refusal is of tables that are not drillbit's, not of a file with no tables yet."""
    database = _isolated_home / "drillbit.db"
    sqlite3.connect(database).close()  # an SQLite file with no table: a new database
    assert drillbit("stats").returncode == 0
    assert drillbit("stats").returncode == 0  # drillbit's own tables now, opened again
