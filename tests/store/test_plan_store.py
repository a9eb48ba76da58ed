"""The interview plan in the store: saved, replaced, cleared, kept across reopening."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from quiz.store import InterviewPlan, Store
from quiz.store.migrations import LATEST_VERSION

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_a_plan_is_saved_replaced_and_cleared(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    plan = InterviewPlan(date(2026, 3, 15), 45.0, 0.9, NOW)
    with Store.open(path, now=NOW) as store:
        assert store.schema_version() == LATEST_VERSION
        assert store.interview_plan() is None
        store.set_interview_plan(plan)
    with Store.open(path, now=NOW) as store:
        assert store.interview_plan() == plan
        other = InterviewPlan(date(2026, 4, 2), 20.0, 0.95, NOW)
        store.set_interview_plan(other)
        assert store.interview_plan() == other, "one plan: a new one replaces the old"
        assert store.clear_interview_plan() is True
        assert store.interview_plan() is None
        assert store.clear_interview_plan() is False
