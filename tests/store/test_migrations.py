"""Migrations: a frozen version-1 database opens, migrates to the latest and keeps its data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store import LATEST_VERSION, Store
from quiz.store.migrations import MIGRATIONS, Migration, migrate, schema_version

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
V1_DUMP = Path(__file__).parent / "data" / "schema_v1.sql"


def _v1_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_DUMP.read_text(encoding="utf-8"))
    conn.close()


def test_migrations_are_numbered_one_up_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_a_version_1_database_is_migrated_and_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    _v1_database(path)
    with Store.open(path, now=NOW) as store:
        assert store.notices == []
        assert store.schema_version() == LATEST_VERSION
        rows = store._conn.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()
        assert [tuple(r) for r in rows] == [(m.version, m.name) for m in MIGRATIONS]
        reviews = store.reviews()
        assert [(r.card_id, r.rating, r.mode, r.session_id) for r in reviews] == [
            ("vanishing-gradient", 3, "due", None),
            ("card-removed-since", 1, "cram", None),
        ]
        state = store.card_state("vanishing-gradient")
        assert state is not None and state.fsrs_card == reviews[0].card_after
        draft = store.draft("sgd-step")
        assert draft is not None and "theta - lr * grad" in draft.text
        assert draft.graded_from is None  # an older draft is the app's, as it was taken
        assert [a.status for a in store.attempts()] == ["passed"]
        # version 2's additions work on the old data
        session = store.start_session(mode="due", started_at=NOW)
        new = store.record_review(
            card_id="vanishing-gradient",
            rating=3,
            correct=True,
            reviewed_at=NOW,
            mode="cram",
            session_id=session,
        )
        assert new.session_id == session and new.id == 3
        indexes = {
            r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert {"review_log_time", "drill_attempt_card"} <= indexes


def test_migrate_applies_only_the_missing_steps(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    assert schema_version(conn) == 0
    assert migrate(conn, now=NOW, target=1) == [1]
    assert schema_version(conn) == 1
    assert migrate(conn, now=NOW) == list(range(2, LATEST_VERSION + 1))
    assert migrate(conn, now=NOW) == []
    conn.close()


def test_a_failing_migration_rolls_back_and_leaves_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    migrate(conn, now=NOW)
    broken = Migration(
        LATEST_VERSION + 1,
        "broken",
        ("CREATE TABLE half_done (x INTEGER)", "ALTER TABLE no_such_table ADD COLUMN y"),
    )
    monkeypatch.setattr("quiz.store.migrations.MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, now=NOW, target=LATEST_VERSION + 1)
    assert schema_version(conn) == LATEST_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    conn.close()


class _OvertakenConnection(sqlite3.Connection):
    """A connection another process overtakes: just before its first migration's BEGIN,
    `other` migrates the same file to the latest version (as a second browser tab's app
    did, started in the same instant on a new home)."""

    other: sqlite3.Connection | None = None

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "BEGIN IMMEDIATE" and self.other is not None:
            other, self.other = self.other, None
            assert migrate(other, now=NOW) == list(range(1, LATEST_VERSION + 1))
        return super().execute(sql, *args)  # type: ignore[arg-type]


def test_a_database_another_process_migrated_meanwhile_is_left_as_it_is(tmp_path: Path) -> None:
    """Both read version 0 of a new file; the second failed with "table schema_migrations
    already exists" once the first had committed, and its tab's app did not start."""
    path = tmp_path / "drillbit.db"
    overtaken = sqlite3.connect(path, isolation_level=None, factory=_OvertakenConnection)
    other = sqlite3.connect(path, isolation_level=None)
    assert isinstance(overtaken, _OvertakenConnection)
    overtaken.other = other
    assert schema_version(overtaken) == 0
    assert migrate(overtaken, now=NOW) == []
    assert schema_version(overtaken) == LATEST_VERSION
    rows = overtaken.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    assert [row[0] for row in rows] == list(range(1, LATEST_VERSION + 1))
    other.close()
    overtaken.close()
