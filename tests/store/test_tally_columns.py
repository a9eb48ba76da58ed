"""Migration 12: `review_tally` loses version 6's `mature` and `kept`, which nothing read
since retention is counted from `review_log_lapses` (due-session answers only). A
version-11 home upgrades with every row of every table kept and its tallies copied; the
triggers keep the tally equal to the log after; a second open applies nothing; the
progress backup is the same before and after; a version-12 home is refused by a drillbit
that knows 11."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card

from quiz.store import Store, StoreError
from quiz.store.backup import import_progress
from quiz.store.backup_export import export_progress
from quiz.store.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version
from quiz.store.records import Mode
from quiz.store.timefmt import to_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
HISTORY: list[tuple[str, int, Mode, int | None]] = [
    ("a", 3, "due", None),
    ("a", 1, "due", 2),
    ("b", 3, "cram", 2),
    ("a", 4, "due", 3),
    ("c", 2, "mock", 2),
    ("b", 2, "due", 2),
]
"""(card, rating, mode, state_before), a minute apart: every mode, review-state answers."""


@contextmanager
def _knowing_11(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The store as a drillbit that knows version 11 at most (no migration 12)."""
    with monkeypatch.context() as patched:
        patched.setattr("quiz.store.migrations.MIGRATIONS", MIGRATIONS[:11])
        patched.setattr("quiz.store.opening.LATEST_VERSION", 11)
        yield


def _version_11_home(path: Path) -> None:
    """A version-11 database with a row in every table: reviews of each mode, a session,
    a card state, a flag, a plan, an attempt, a hint, a draft and a half-typed answer."""
    with Store.open(path, now=NOW) as store:
        assert store.schema_version() == 11
        session = store.start_session(mode="due", started_at=NOW - timedelta(hours=2))
        for minute, (card, rating, mode, state) in enumerate(HISTORY):
            store.record_review(
                card_id=card,
                rating=rating,
                correct=rating > 1,
                reviewed_at=NOW - timedelta(hours=1) + timedelta(minutes=minute),
                mode=mode,
                state_before=state,
                session_id=session if mode == "due" else None,
            )
        conn = store._conn
        schedule = Card(card_id=1, due=NOW)
        conn.execute(
            "INSERT INTO card_state VALUES ('a', ?, ?, ?, NULL, ?, ?)",
            (schedule.to_json(), int(schedule.state), to_db(NOW), to_db(NOW), to_db(NOW)),
        )
        conn.execute("INSERT INTO card_flag VALUES ('b', 1, NULL, ?)", (NOW.isoformat(),))
        conn.execute(
            "INSERT INTO interview_plan VALUES (1, '2026-04-01', 30, 0.9, ?)", (NOW.isoformat(),)
        )
        conn.execute(
            "INSERT INTO drill_attempt (card_id, status, verdict, attempted_at)"
            " VALUES ('softmax', 'passed', '{}', ?)",
            (NOW.isoformat(),),
        )
        conn.execute(
            "INSERT INTO hint_seen (card_id, number, seen_at) VALUES ('softmax', 1, ?)",
            (NOW.isoformat(),),
        )
        conn.execute(
            "INSERT INTO code_draft VALUES ('softmax', 'x = 1', ?, NULL)", (NOW.isoformat(),)
        )
        conn.execute("INSERT INTO typed_answer VALUES ('c', '0.2', ?)", (NOW.isoformat(),))


def _tables(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the migrations' own and the tally (compared apart)."""
    names = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
            "('schema_migrations', 'review_tally', 'sqlite_sequence') ORDER BY name"
        )
    ]
    return {
        name: [tuple(row) for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1')]  # noqa: S608
        for name in names
    }


def _columns(conn: sqlite3.Connection) -> list[str]:
    return [str(row[1]) for row in conn.execute("PRAGMA table_info(review_tally)")]


def _tallies(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    query = "SELECT card_id, reviews, correct FROM review_tally ORDER BY card_id"
    return [tuple(row) for row in conn.execute(query)]


def _of_the_log(conn: sqlite3.Connection) -> list[tuple[object, ...]]:
    query = "SELECT card_id, COUNT(*), SUM(correct) FROM review_log GROUP BY card_id ORDER BY 1"
    return [tuple(row) for row in conn.execute(query)]


def _exported(store: Store, path: Path) -> dict[str, object]:
    export_progress(store, path, now=NOW)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_a_version_11_home_upgrades_keeping_every_row_and_tally(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    with _knowing_11(monkeypatch):
        _version_11_home(path)
        with Store.open(path, now=NOW) as older:
            backup_before = _exported(older, tmp_path / "before.json")
            retention_before = older.mature_reviews()
    before = sqlite3.connect(path)
    assert _columns(before) == ["card_id", "reviews", "correct", "mature", "kept"]
    rows, tallies = _tables(before), _tallies(before)
    assert tallies == [("a", 3, 2), ("b", 2, 2), ("c", 1, 1)]
    before.close()
    with Store.open(path, now=NOW) as store:
        assert store.notices == []
        assert store.schema_version() == LATEST_VERSION == 12
        conn = store._conn
        assert _columns(conn) == ["card_id", "reviews", "correct"]
        assert _tables(conn) == rows
        assert _tallies(conn) == tallies
        assert store.mature_reviews() == retention_before == (2, 1)  # a due Hard kept, an Again not
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _exported(store, tmp_path / "after.json") == backup_before
        # the triggers made again keep the tally equal to the log: an answer, an undo
        added = store.record_review(
            card_id="d", rating=3, correct=True, reviewed_at=NOW, mode="due", state_before=2
        )
        store.record_review(card_id="a", rating=1, correct=False, reviewed_at=NOW, mode="cram")
        assert _tallies(conn) == _of_the_log(conn)
        store.undo_review(added.id, now=NOW)
        assert _tallies(conn) == _of_the_log(conn) == [("a", 4, 2), ("b", 2, 2), ("c", 1, 1)]
        conn.execute("UPDATE review_log SET correct = 0 WHERE card_id = 'c'")
        assert _tallies(conn) == _of_the_log(conn)
    with Store.open(path, now=NOW) as again:  # opened again: nothing left to apply
        assert migrate(again._conn, now=NOW) == []
        assert again.schema_version() == 12
    restored = tmp_path / "restored.db"
    with Store.open(restored, now=NOW) as fresh:  # the backup restores the same tallies
        import_progress(fresh, tmp_path / "before.json", now=NOW)
        assert _tallies(fresh._conn) == tallies
        assert _columns(fresh._conn) == ["card_id", "reviews", "correct"]


def test_a_version_12_home_is_refused_by_a_drillbit_that_knows_11(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    newer = sqlite3.connect(path, isolation_level=None)
    assert migrate(newer, now=NOW) == list(range(1, 13))
    newer.execute(
        "INSERT INTO review_log (card_id, rating, correct, reviewed_at, mode)"
        " VALUES ('a', 3, 1, ?, 'due')",
        (NOW.isoformat(),),
    )
    newer.close()
    whole = path.read_bytes()
    with _knowing_11(monkeypatch), pytest.raises(StoreError) as refused:
        Store.open(path, now=NOW)
    assert "schema version 12 is newer than this drillbit understands (11)" in refused.value.message
    assert path.read_bytes() == whole  # left as it was: never moved aside nor written
    assert not list(tmp_path.glob("*.corrupt-*"))
    aside = sqlite3.connect(path)
    assert schema_version(aside) == 12
    assert _tallies(aside) == [("a", 1, 1)]
    aside.close()
