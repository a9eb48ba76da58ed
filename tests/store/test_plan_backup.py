"""The interview plan in the progress backup (format version 2 on), and version 1 files still read."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import InterviewPlan, Store
from quiz.store.backup import VERSION, import_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_read import ProgressFormatError, parse_progress

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PLAN = InterviewPlan(date(2026, 3, 20), 40.0, 0.92, NOW)


def test_the_plan_travels_with_the_backup(tmp_path: Path) -> None:
    backup = tmp_path / "progress.json"
    with Store.open(tmp_path / "a.db", now=NOW) as laptop:
        laptop.set_interview_plan(PLAN)
        export_progress(laptop, backup, now=NOW)
    document = json.loads(backup.read_text())
    assert document["version"] == VERSION == 4
    assert document["plan"] == {
        "interview": "2026-03-20",
        "minutes_per_day": 40.0,
        "target": 0.92,
        "created_at": "2026-03-01T09:00:00.000000+00:00",
    }
    with Store.open(tmp_path / "b.db", now=NOW) as desktop:
        report = import_progress(desktop, backup, now=NOW)
        assert desktop.interview_plan() == PLAN
        assert (
            report.plan_replaced == 1 and "interview plan: taken from the file" in report.describe()
        )
        again = import_progress(desktop, backup, now=NOW)
        assert again.plan_replaced == 0, "the same plan is not taken twice"
        assert again.plan_same == 1 and again.describe() == "nothing new: interview plan: unchanged"


def test_the_plan_set_last_wins_and_a_file_without_one_changes_nothing(tmp_path: Path) -> None:
    older = tmp_path / "older.json"
    with Store.open(tmp_path / "a.db", now=NOW) as other:
        other.set_interview_plan(
            InterviewPlan(date(2026, 4, 1), 20.0, 0.9, NOW - timedelta(days=2))
        )
        export_progress(other, older, now=NOW)
    empty = tmp_path / "empty.json"
    with Store.open(tmp_path / "c.db", now=NOW) as blank:
        export_progress(blank, empty, now=NOW)
    assert json.loads(empty.read_text())["plan"] is None
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        store.set_interview_plan(PLAN)
        kept = import_progress(store, older, now=NOW)
        assert kept.plan_replaced == 0 and kept.plan_kept == 1
        assert kept.describe() == "nothing new: interview plan: kept (newer here)"
        assert import_progress(store, empty, now=NOW).plan_replaced == 0
        assert store.interview_plan() == PLAN


def test_version_1_files_are_read_and_a_bad_plan_is_named(tmp_path: Path) -> None:
    base = {"format": "drillbit-progress", "exported_at": "2026-03-01T09:00:00+00:00"}
    assert parse_progress({**base, "version": 1}, now=NOW).plan is None
    plan = {
        "interview": "2026-03-20",
        "minutes_per_day": 30,
        "target": 0.9,
        "created_at": "2026-03-01T08:00:00+00:00",
    }
    assert parse_progress({**base, "version": 2, "plan": plan}, now=NOW).plan is not None
    with pytest.raises(ProgressFormatError, match="plan: not part of version 1"):
        parse_progress({**base, "version": 1, "plan": plan}, now=NOW)
    with pytest.raises(ProgressFormatError, match=r"plan\.target"):
        parse_progress({**base, "version": 2, "plan": {**plan, "target": 1.5}}, now=NOW)
    with pytest.raises(ProgressFormatError, match=r"plan\.interview"):
        parse_progress({**base, "version": 2, "plan": {**plan, "interview": "soon"}}, now=NOW)
    with pytest.raises(ProgressFormatError, match="version true;"):
        parse_progress({**base, "version": True}, now=NOW)
