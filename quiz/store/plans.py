"""The interview plan: its one row saved, replaced, cleared and read (the backup's merge
writes it with `write_interview_plan`)."""

from __future__ import annotations

import sqlite3
from datetime import date

from quiz.store.base import StoreBase, degradable
from quiz.store.records import InterviewPlan
from quiz.store.timefmt import from_db, to_db


class Plans(StoreBase):
    """The interview plan's one row."""

    def interview_plan(self) -> InterviewPlan | None:
        """The saved interview plan, or None when none is set."""
        rows = self._read("SELECT * FROM interview_plan WHERE id = 1")
        return _interview_plan(rows[0]) if rows else None

    @degradable
    def set_interview_plan(self, plan: InterviewPlan) -> None:
        """Save the plan, replacing any previous one."""
        with self._write() as conn:
            write_interview_plan(conn, plan)

    @degradable
    def clear_interview_plan(self) -> bool:
        """Remove the plan; True when there was one."""
        with self._write() as conn:
            return conn.execute("DELETE FROM interview_plan").rowcount > 0


def write_interview_plan(conn: sqlite3.Connection, plan: InterviewPlan) -> None:
    """Upsert the single plan row inside the caller's transaction (also used by the backup)."""
    conn.execute(
        """INSERT INTO interview_plan (id, interview, minutes_per_day, target, created_at)
           VALUES (1, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET interview = excluded.interview,
               minutes_per_day = excluded.minutes_per_day, target = excluded.target,
               created_at = excluded.created_at""",
        (
            plan.interview.isoformat(),
            float(plan.minutes_per_day),
            float(plan.target),
            to_db(plan.created_at),
        ),
    )


def _interview_plan(row: sqlite3.Row) -> InterviewPlan:
    return InterviewPlan(
        interview=date.fromisoformat(row["interview"]),
        minutes_per_day=float(row["minutes_per_day"]),
        target=float(row["target"]),
        created_at=from_db(row["created_at"]),
    )
