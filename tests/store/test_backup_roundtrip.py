"""A backup restored into a new home and exported again is the same file (but for the
time of export), whatever the session ids of the home it came from."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quiz.store import Store
from quiz.store.backup import import_progress
from quiz.store.backup_export import export_progress

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _home_with_a_gap(path: Path) -> None:
    """Three sessions with a review and an attempt each; the second session's rows then
    gone (a damaged file salvaged), so the ids are 1 and 3."""
    with Store.open(path, now=NOW) as store:
        for index in range(3):
            when = NOW - timedelta(days=3 - index)
            session = store.start_session(mode="due", started_at=when, filters={"n": index})
            store.record_review(
                card_id=f"c{index}", rating=3, correct=True, reviewed_at=when, mode="cram",
                session_id=session,
            )  # fmt: skip
            store.record_attempt(
                card_id="d", status="passed", verdict_json="{}", attempted_at=when,
                session_id=session,
            )  # fmt: skip
            if index == 2:
                store.end_session(session, ended_at=when + timedelta(minutes=5))
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM review_log WHERE session_id = 2")
        conn.execute("DELETE FROM drill_attempt WHERE session_id = 2")
        conn.execute("DELETE FROM study_session WHERE id = 2")
    conn.close()


def _export(database: Path, backup: Path, when: datetime) -> list[str]:
    with Store.open(database, now=when) as store:
        export_progress(store, backup, now=when)
    return backup.read_text().splitlines()


def test_export_import_export_gives_the_same_file(tmp_path: Path) -> None:
    _home_with_a_gap(tmp_path / "a.db")
    first = _export(tmp_path / "a.db", tmp_path / "a.json", NOW)
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        import_progress(store, tmp_path / "a.json", now=NOW)
    second = _export(tmp_path / "b.db", tmp_path / "b.json", NOW + timedelta(hours=1))
    assert first[0] != second[0]  # the time of export
    assert first[1:] == second[1:]
    document = json.loads("\n".join(first))
    assert [s["id"] for s in document["sessions"]] == [1, 2]  # numbered in the file
    ended = next(s for s in document["sessions"] if s["ended_at"] is not None)
    last = max(document["reviews"], key=lambda review: review["reviewed_at"])
    assert last["session"] == ended["id"] and last["card_id"] == "c2"
    assert [a["session"] for a in document["attempts"]] == [1, 2]
