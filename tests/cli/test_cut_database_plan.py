"""A database cut short (a copy interrupted, a full disk) keeps its interview plan when the
plan's page survives, and the recovery report says which: copied, or lost and how to set it
again.

SQLite refused to read the schema of a file holding fewer pages than its header lists, so
the salvage copied nothing at all, the plan neither, and said "0 reviews ... could be read";
the next `drillbit plan` said only "No plan".
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from quiz.store.opening import PLAN_SET_AGAIN
from tests.conftest import FIXED_NOW, RunDrillbit
from tests.store.history import PAGE, write_marked_history

INTERVIEW = "2026-07-01"
"""Two weeks after FIXED_NOW."""


def _planned_history(drillbit: RunDrillbit, home: Path) -> Path:
    """A plan set, then 400 reviews after it: the database's file, checkpointed."""
    assert drillbit("plan", "--interview", INTERVIEW, now=FIXED_NOW).returncode == 0
    database = home / "drillbit.db"
    write_marked_history(database, FIXED_NOW, 400)
    return database


def _pages_of(database: Path, *tables: str) -> list[int]:
    """The page numbers (from 1) that hold `tables`, read while the file is whole."""
    with sqlite3.connect(database) as conn:
        marks = ", ".join("?" for _ in tables)
        rows = conn.execute(f"SELECT pageno FROM dbstat WHERE name IN ({marks})", tables)
        return sorted(int(row[0]) for row in rows)


def _cut_to(database: Path, pages: int) -> None:
    whole = database.read_bytes()
    assert pages * PAGE < len(whole)  # really cut: the header lists more pages
    database.write_bytes(whole[: pages * PAGE])


def test_a_cut_file_whose_plan_page_survives_keeps_the_plan_and_its_reviews(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    database = _planned_history(drillbit, _isolated_home)
    kept = _pages_of(database, "sqlite_schema", "interview_plan")
    _cut_to(database, max(kept) + 4)
    shown = drillbit("plan", "--json", now=FIXED_NOW)
    assert shown.returncode == 0, shown.stderr
    assert "the file is cut short" in shown.stderr
    assert f"The interview plan (interview on {INTERVIEW}) was copied too." in shown.stderr
    assert "0 reviews" not in shown.stderr  # the reviews on the pages left are copied too
    assert json.loads(shown.stdout)["interview"] == INTERVIEW


def test_a_cut_file_that_lost_the_plan_says_so_and_how_to_set_it_again(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    database = _planned_history(drillbit, _isolated_home)
    _cut_to(database, min(_pages_of(database, "interview_plan")) - 1)
    shown = drillbit("plan", "--json", now=FIXED_NOW)
    assert shown.returncode == 0, shown.stderr
    assert (
        "The interview plan, if one was set, could not be read from it: set it again with "
        f"`{PLAN_SET_AGAIN}`." in shown.stderr
    )
    assert json.loads(shown.stdout)["interview"] is None
