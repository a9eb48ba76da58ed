"""A home made as bench/heavy.py makes the heavy user's (its simulated fsrs history imported
as a backup), with every other kind of progress added, moves to a new machine through
`export progress` (gzip) and `import-progress` with nothing lost: each table row for row,
and the settings. Only what the format leaves behind by design differs: the half-typed
answer of the day and the file a draft was graded from (docs/progress-format.md)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.heavy import progress_files
from quiz.cli.ecosystem import export_group, import_progress_command
from quiz.settings import load_settings, save_key
from quiz.store.records import InterviewPlan
from quiz.store.store import Store

NOW = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
TABLES = {
    "card_state": "card_id",
    "review_log": "reviewed_at, card_id, rating",
    "drill_attempt": "attempted_at",
    "code_draft": "card_id",
    "study_session": "started_at",
    "card_flag": "card_id",
    "interview_plan": "id",
    "hint_seen": "seen_at",
    "review_tally": "card_id",
}
LEFT_BEHIND = {"code_draft": ("graded_from",)}
"""Columns the backup leaves behind by design."""


def _rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, ids left out (each home numbers its own), in a stable order."""
    with sqlite3.connect(database) as conn:
        found = {}
        for table, order in TABLES.items():
            names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            kept = [n for n in names if n not in ("id", "session_id", *LEFT_BEHIND.get(table, ()))]
            query = f"SELECT {', '.join(kept)} FROM {table} ORDER BY {order}"  # noqa: S608
            found[table] = conn.execute(query).fetchall()
        return found


def _session_starts(database: Path, table: str, moment: str) -> list[tuple[object, ...]]:
    """Each row's session by its start (the ids differ from home to home)."""
    with sqlite3.connect(database) as conn:
        return conn.execute(
            f"SELECT t.{moment}, s.started_at FROM {table} t "  # noqa: S608
            f"LEFT JOIN study_session s ON s.id = t.session_id ORDER BY t.{moment}"
        ).fetchall()


def test_the_heavy_home_moves_to_a_new_machine_with_nothing_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old"
    old.mkdir()
    monkeypatch.setenv("DRILLBIT_HOME", str(old))
    ids = [f"card-{index:05d}" for index in range(40)]
    [history], reviews = progress_files(tmp_path, ids, NOW, reviews=600)
    made = CliRunner().invoke(import_progress_command, [str(history)])
    assert made.exit_code == 0, made.output
    with Store.open(old / "drillbit.db", now=NOW) as store:
        start = NOW - timedelta(hours=2)
        session = store.start_session(mode="mock", started_at=start, filters={"topic": "x"})
        store.record_attempt(
            card_id="sigmoid", status="failed", verdict_json='{"status": "failed"}',
            attempted_at=start + timedelta(minutes=1), seed=7, duration_ms=41.5,
            hints_used=1, session_id=session,
        )  # fmt: skip
        store.record_hint(card_id="sigmoid", number=1, seen_at=start, session_id=session)
        store.end_session(session, ended_at=start + timedelta(minutes=20))
        store.save_draft("sigmoid", "def sigmoid(z):\n    return z\n", updated_at=start)
        store.set_flag("card-00001", suspended=True, buried_until=None, now=start)
        store.set_flag(
            "card-00002", suspended=False, buried_until=NOW + timedelta(days=1), now=start
        )
        store.set_interview_plan(
            InterviewPlan(date(2027, 1, 20), minutes_per_day=45.0, target=0.92, created_at=start)
        )
    save_key("desired_retention", 0.93)
    save_key("learning_steps", ("2m", "15m"))
    save_key("new_per_day", 35)
    backup = tmp_path / "backup.json.gz"
    exported = CliRunner().invoke(export_group, ["progress", str(backup)])
    assert exported.exit_code == 0, exported.output
    assert f"{reviews} reviews" in exported.output.replace(",", "")

    new = tmp_path / "new"
    new.mkdir()
    monkeypatch.setenv("DRILLBIT_HOME", str(new))
    moved = CliRunner().invoke(import_progress_command, [str(backup)])
    assert moved.exit_code == 0, moved.output
    before = _rows(old / "drillbit.db")
    assert all(before.values()), [table for table, rows in before.items() if not rows]
    assert _rows(new / "drillbit.db") == before
    for table, moment in (("drill_attempt", "attempted_at"), ("hint_seen", "seen_at")):
        assert _session_starts(new / "drillbit.db", table, moment) == _session_starts(
            old / "drillbit.db", table, moment
        )
    settings = load_settings()
    assert (settings.desired_retention, settings.new_per_day) == (0.93, 35)
    assert settings.learning_steps == ("2m", "15m")
    again = CliRunner().invoke(import_progress_command, [str(backup)])
    assert again.output.startswith("nothing new: ")
