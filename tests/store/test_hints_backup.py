"""The drill hints seen in the progress backup (format version 3): without them a restored
home counted the next pass after a hint as a clean one."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import Store
from quiz.store.backup import import_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_read import ProgressFormatError, parse_progress

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BASE = {"format": "drillbit-progress", "exported_at": "2026-03-10T09:00:00+00:00"}
HINT = {"card_id": "softmax", "number": 1, "seen_at": "2026-03-10T08:00:00+00:00"}


def test_a_restore_keeps_the_hints_seen_since_the_last_pass(tmp_path: Path) -> None:
    backup = tmp_path / "progress.json"
    with Store.open(tmp_path / "laptop.db", now=NOW) as laptop:
        session = laptop.start_session(mode="due", started_at=NOW)
        laptop.record_hint(card_id="softmax", number=1, seen_at=NOW, session_id=session)
        laptop.record_hint(card_id="softmax", number=2, seen_at=NOW + timedelta(seconds=5))
        counts = export_progress(laptop, backup, now=NOW + timedelta(minutes=1))
    assert counts.hints_seen == 2 and "2 drill hints seen" in counts.describe()
    rows = json.loads(backup.read_text())["hints_seen"]
    assert [(r["number"], r["session"]) for r in rows] == [(1, 1), (2, None)]
    with Store.open(tmp_path / "new.db", now=NOW) as restored:
        report = import_progress(restored, backup, now=NOW + timedelta(minutes=1))
        assert restored.hints_seen("softmax") == 2, "the next pass is one with hints"
        assert report.hints_added == 2 and "drill hints seen: 2 added" in report.describe()
        with restored.read_transaction() as conn:
            linked = conn.execute("SELECT COUNT(*) FROM hint_seen WHERE session_id IS NOT NULL")
            assert linked.fetchone()[0] == 1, "the hint read in a session stays in it"


def test_a_merge_keeps_both_sides_hints_once(tmp_path: Path) -> None:
    backup = tmp_path / "progress.json"
    later = NOW + timedelta(hours=1)
    with Store.open(tmp_path / "laptop.db", now=later) as laptop:
        laptop.record_hint(card_id="softmax", number=1, seen_at=NOW)
        laptop.record_hint(card_id="softmax", number=2, seen_at=later)
        export_progress(laptop, backup, now=later)
    with Store.open(tmp_path / "desktop.db", now=later) as desktop:
        desktop.record_hint(card_id="softmax", number=1, seen_at=NOW)  # the same hint, synced
        desktop.record_hint(card_id="sigmoid", number=1, seen_at=NOW)
        report = import_progress(desktop, backup, now=later)
        assert (report.hints_added, report.hints_present) == (1, 1)
        again = import_progress(desktop, backup, now=later)
        assert (again.hints_added, again.hints_present) == (0, 2)
        assert again.describe() == "nothing new: drill hints seen: 2 already here"
        with desktop.read_transaction() as conn:
            rows = conn.execute("SELECT card_id, number FROM hint_seen ORDER BY card_id, number")
            found = [tuple(r) for r in rows]
        assert found == [("sigmoid", 1), ("softmax", 1), ("softmax", 2)]
        assert desktop.hints_seen("softmax") == 2 and desktop.hints_seen("sigmoid") == 1


def test_older_versions_import_without_hints_and_may_not_hold_them() -> None:
    for version in (1, 2):
        assert parse_progress({**BASE, "version": version}, now=NOW).hints_seen == []
        with pytest.raises(
            ProgressFormatError,
            match=f"hints_seen: not part of version {version} \\(it came in version 3\\)",
        ):
            parse_progress({**BASE, "version": version, "hints_seen": [HINT]}, now=NOW)
    assert (
        len(parse_progress({**BASE, "version": 3, "hints_seen": [HINT]}, now=NOW).hints_seen) == 1
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ({**HINT, "number": 0}, "hints_seen.1.number: Input should be greater than or equal to 1"),
        ({**HINT, "number": "2"}, "hints_seen.1.number: Input should be a valid integer"),
        ({**HINT, "seen_at": "2099-01-01T00:00:00+00:00"}, "hints_seen.1.seen_at"),
        ({"card_id": "softmax", "number": 1}, "hints_seen.1.seen_at: Field required"),
        (
            {**HINT, "shown": True},
            "hints_seen.1.shown: unknown field 'shown'; this drillbit reads drillbit-progress",
        ),
    ],
)
def test_a_bad_hint_row_is_refused_with_its_path(
    tmp_path: Path, row: dict[str, object], problem: str
) -> None:
    backup = tmp_path / "progress.json"
    backup.write_text(json.dumps({**BASE, "version": 3, "hints_seen": [HINT, row]}))
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError) as refused:
            import_progress(store, backup, now=NOW)
        assert store.hints_seen("softmax") == 0, "nothing of the file is kept"
    assert problem in refused.value.message
