"""A home whose database cannot be written, seen from one-shot commands: one plain line on
stderr that says what still works and what is lost, never the app's "until you quit"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.store import Store
from quiz.store import base as store_base
from tests.conftest import DATA, RunDrillbit

CORRECT = DATA / "answers" / "sigmoid" / "correct_masks.py"


@pytest.fixture
def read_only_home(_isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The home's database, made and then unwritable (as a read-only folder is to a user;
    the tests may run as root, whom a chmod does not stop)."""
    database = _isolated_home / "drillbit.db"
    with Store.open(database):
        pass
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    return database


def _said_once(stderr: str, database: Path) -> None:
    """The one line a reading command prints: the file and why, what works, what is lost."""
    said = [line for line in stderr.splitlines() if str(database) in line]
    assert said == [
        f"drillbit: {database} cannot be written (read-only file or folder): your saved "
        "progress is read and shown, but nothing new will be saved (drill tries, reviews, "
        "plan changes, imported progress) until it can be written."
    ], stderr


@pytest.mark.parametrize(
    "command", [("stats",), ("stats", "--json"), ("cards",), ("drills",), ("plan",)]
)
def test_a_reading_command_says_once_what_works_and_what_is_lost(
    drillbit: RunDrillbit, read_only_home: Path, command: tuple[str, ...]
) -> None:
    result = drillbit(*command)
    assert result.returncode == 0, result.stderr
    _said_once(result.stderr, read_only_home)
    assert "until you quit" not in result.stderr  # the app's words: no app was open


def test_a_grade_says_only_that_the_try_was_not_saved(
    drillbit: RunDrillbit, read_only_home: Path
) -> None:
    before = read_only_home.read_bytes()
    result = drillbit("grade", "sigmoid", str(CORRECT))
    assert result.returncode == 0 and result.stdout.startswith("PASSED"), result.stderr
    assert result.stderr.splitlines() == [
        f"drillbit: this try was not saved: {read_only_home} cannot be written "
        "(read-only file or folder)"
    ]
    assert read_only_home.read_bytes() == before


def test_a_refused_change_is_said_once(
    drillbit: RunDrillbit, read_only_home: Path, tmp_path: Path
) -> None:
    refused = drillbit("plan", "--clear")
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"drillbit: plan: not saved: {read_only_home} cannot be written (read-only file or folder); "
        "the plan was not removed"
    ]
    backup = tmp_path / "progress.json"
    assert drillbit("export", "progress", str(backup)).returncode == 0
    assert json.loads(backup.read_text())  # a backup is made from what is read
    imported = drillbit("import-progress", str(backup))
    assert imported.returncode == 1
    assert imported.stderr.count(str(read_only_home)) == 1, imported.stderr
    assert "nothing was imported" in imported.stderr


def test_a_pass_not_saved_is_not_counted_among_the_drills_solved(
    drillbit: RunDrillbit, read_only_home: Path
) -> None:
    """The pass went into the in-memory copy of the database, and the last line counted it,
    "1/33 drills solved", under "this try was not saved": the count is of what is saved."""
    result = drillbit("grade", "sigmoid", str(CORRECT))
    assert result.returncode == 0, result.stderr
    assert "drills solved" not in result.stdout
    assert result.stdout.rstrip().endswith("next: `drillbit drills` lists the other drills")
    listed = json.loads(drillbit("drills", "--json").stdout)["drills"]
    assert {row["id"]: row["attempts"] for row in listed}["sigmoid"] == 0
