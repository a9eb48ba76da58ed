"""A home named relatively, and a database that is a symbolic link to nothing.

`DRILLBIT_HOME=drillbit-data` named a different folder in every folder drillbit ran from:
a command run elsewhere started an empty home there, and the person's progress seemed
lost. A `drillbit.db` linked to a file that is not there (a drive not mounted yet) read as
an empty progress, and a write said only "the file cannot be opened for writing" or, the
link's folder there, started a fresh database in the file's place.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


def test_a_relative_home_is_refused_with_the_whole_path(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    result = drillbit("config", "new_per_day", "5", cwd=tmp_path, env={"DRILLBIT_HOME": "data"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "drillbit: data folder: DRILLBIT_HOME=data is a relative path, so every folder "
        "drillbit runs in would have its own progress; give it whole, as from here: "
        f"export DRILLBIT_HOME={tmp_path / 'data'}"
    )
    assert not (tmp_path / "data").exists()
    as_json = drillbit("stats", "--json", cwd=tmp_path, env={"DRILLBIT_HOME": "data"})
    assert json.loads(as_json.stdout)["error"] == "error"
    assert (
        drillbit(
            "config",
            "new_per_day",
            "5",
            cwd=tmp_path,
            env={"DRILLBIT_HOME": str(tmp_path / "data")},
        ).returncode
        == 0
    )


@pytest.mark.parametrize("folder_there", [False, True], ids=["drive-missing", "file-moved"])
@pytest.mark.parametrize("command", [("stats",), ("plan", "--interview", "2027-01-20")])
def test_a_database_linked_to_nothing_is_named_and_nothing_is_made(
    tmp_path: Path,
    drillbit: RunDrillbit,
    _isolated_home: Path,
    folder_there: bool,
    command: tuple[str, ...],
) -> None:
    elsewhere = tmp_path / "drive"
    if folder_there:
        elsewhere.mkdir()
    (_isolated_home / "drillbit.db").symlink_to(elsewhere / "drillbit.db")
    result = drillbit(*command)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"drillbit: progress database: {_isolated_home / 'drillbit.db'} is a symbolic link to "
        f"{elsewhere / 'drillbit.db'}, which is not there (a drive not mounted, or the file "
        "moved); nothing was read or written: put the file back there, or remove the link "
        "to start a fresh database"
    )
    assert not (elsewhere / "drillbit.db").exists()
    assert (_isolated_home / "drillbit.db").is_symlink()


def test_a_home_under_a_user_that_does_not_exist_is_named(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """`~alcie/drillbit` (a user's name mistyped): pathlib's RuntimeError, a traceback."""
    result = drillbit("stats", cwd=tmp_path, env={"DRILLBIT_HOME": "~nosuchuser48/drillbit"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "drillbit: data folder: DRILLBIT_HOME=~nosuchuser48/drillbit: ~nosuchuser48 names no "
        "home folder (no user 'nosuchuser48' on this system); give the whole path"
    )


def test_a_home_that_is_a_fifo_is_said_to_be_one(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """It was said to be "a file"."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = drillbit("stats", cwd=tmp_path, env={"DRILLBIT_HOME": str(fifo)})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"drillbit: data folder: DRILLBIT_HOME={fifo} is a FIFO (named pipe), not a folder; "
        "point DRILLBIT_HOME at a folder"
    )
