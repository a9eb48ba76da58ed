"""`drillbit hint` on a home whose database cannot be written: the hint is shown, and it is
said that it was not saved. It said "1 hint left: `drillbit hint sigmoid` shows the next",
which showed the same hint again, and "Your next pass counts as passed with hints" when no
hint had been kept, with only the reading commands' line "nothing new will be saved (drill
tries, reviews, plan changes, imported progress)", which names no hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.store import Store
from quiz.store import base as store_base
from tests.conftest import RunDrillbit


def _unwritable(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The home's database, made and then unwritable (as a read-only folder is to a user;
    the tests may run as root, whom a chmod does not stop)."""
    database = home / "drillbit.db"
    with Store.open(database):
        pass
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    return database


def _hints_kept(database: Path, drill: str) -> int:
    """The hints of `drill` the database holds, read once it can be written again."""
    with Store.open(database) as store:
        return store.hints_seen(drill)


def test_a_first_hint_not_saved_is_said_and_shown_again(
    drillbit: RunDrillbit, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _unwritable(_isolated_home, monkeypatch)
    for _ in range(2):  # the same hint each time: none was kept
        shown = drillbit("hint", "sigmoid")
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.startswith("Hint 1. ") and "Hint 2. " not in shown.stdout
        assert shown.stderr.splitlines() == [
            f"drillbit: this hint was not saved: {database} cannot be written "
            "(read-only file or folder)"
        ]
        assert shown.stdout.rstrip().splitlines()[-1] == (
            "`drillbit hint sigmoid` shows it again until your progress can be saved."
        )
        assert "passed with hints" not in shown.stdout and " left: " not in shown.stdout
    monkeypatch.undo()
    assert _hints_kept(database, "sigmoid") == 0


def test_hints_kept_before_still_count_for_the_next_pass(
    drillbit: RunDrillbit, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = drillbit("hint", "sigmoid")  # saved: the home is writable yet
    assert kept.returncode == 0 and kept.stderr == "", kept.stderr
    database = _unwritable(_isolated_home, monkeypatch)
    shown = drillbit("hint", "sigmoid")
    assert shown.returncode == 0, shown.stderr
    assert "Hint 1. " in shown.stdout and "Hint 2. " in shown.stdout
    assert shown.stderr.startswith("drillbit: this hint was not saved: ")
    assert shown.stdout.rstrip().splitlines()[-2:] == [
        "`drillbit hint sigmoid` shows it again until your progress can be saved.",
        "Your next pass counts as passed with hints (Hard at best).",
    ]
    monkeypatch.undo()
    assert _hints_kept(database, "sigmoid") == 1


def test_seen_reveals_nothing_and_says_what_readers_say(
    drillbit: RunDrillbit, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _unwritable(_isolated_home, monkeypatch)
    again = drillbit("hint", "sigmoid", "--seen")
    assert again.returncode == 0, again.stderr
    assert "not saved" not in again.stderr
    assert again.stderr.splitlines() == [
        f"drillbit: {database} cannot be written (read-only file or folder): your saved "
        "progress is read and shown, but nothing new will be saved (drill tries, reviews, "
        "plan changes, imported progress) until it can be written."
    ]


def test_a_home_that_cannot_be_a_folder_still_shows_the_first_hint(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """`grade` graded with such a home and said the try was not saved; `hint` showed no hint
    at all, only the data folder's error (exit 1)."""
    home = tmp_path / "home.txt"
    home.write_text("a file, not a folder\n", encoding="utf-8")
    shown = drillbit("hint", "sigmoid", env={"DRILLBIT_HOME": str(home)})
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Hint 1. ") and "Hint 2. " not in shown.stdout
    assert shown.stderr.splitlines() == [
        f"drillbit: this hint was not saved: DRILLBIT_HOME={home} is a file, not a folder; "
        "point DRILLBIT_HOME at a folder"
    ]
    assert home.read_text(encoding="utf-8") == "a file, not a folder\n"
    again = drillbit("hint", "sigmoid", "--seen", env={"DRILLBIT_HOME": str(home)})
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.startswith(f"drillbit: data folder: DRILLBIT_HOME={home} is a file")
