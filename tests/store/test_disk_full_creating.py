"""A disk that fills while drillbit creates its database is said to be full: a migration
SQLite had already rolled back itself is not reported as "cannot rollback"."""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import Store, migrations, opening
from quiz.store.migrations import Migration

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("pages", [1, 3, 8, 21])
def test_a_database_that_fills_while_created_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: int
) -> None:
    monkeypatch.setattr(
        opening, "configure", lambda conn: conn.execute(f"PRAGMA max_page_count = {pages}")
    )
    path = tmp_path / "drillbit.db"
    with Store.open(path, now=NOW) as store:
        assert not store.saving
        assert [n.message for n in store.notices] == [
            f"Nothing will be saved: {path} cannot be written (the disk is full). "
            "Your progress so far is shown; new answers are kept only until you quit."
        ]


def test_a_migration_sqlite_rolled_back_itself_raises_its_own_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite ends a transaction itself on some errors (a full disk, an I/O error): the
    error the migration hit is reported, not the ROLLBACK that then finds none."""
    ended = Migration(1, "ended", ("CREATE TABLE t (x)", "ROLLBACK", "SELECT no_such_function()"))
    monkeypatch.setattr(migrations, "MIGRATIONS", (ended,))
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        migrations.migrate(conn, now=NOW)
    assert not conn.in_transaction
    assert migrations.schema_version(conn) == 0, "nothing of the migration is kept"
    conn.close()


def test_the_command_line_on_a_file_size_limit_says_it_cannot_write(tmp_path: Path) -> None:
    """A child whose files may not grow past 40 KiB (RLIMIT_FSIZE) fills mid-creation:
    `stats` warns that nothing will be saved and shows the (empty) history."""
    home = tmp_path / "home"
    limit = 40 * 1024
    env = {**os.environ, "DRILLBIT_HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "quiz", "stats"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
    )
    assert "rollback" not in run.stderr
    assert run.returncode == 0, run.stderr
    assert "cannot be written" in run.stderr and "Traceback" not in run.stderr
