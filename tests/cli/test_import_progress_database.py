"""`drillbit import-progress` given a drillbit database where it takes a backup: the home's
own `drillbit.db`, or another home's copied over. Both were told "an SQLite database (such
as an Anki collection), not a drillbit progress backup", naming neither what the file is
nor the export that makes a backup of it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.conftest import FIXED_NOW, RunDrillbit


def _home_with_a_plan(drillbit: RunDrillbit, home: Path) -> Path:
    assert drillbit("plan", "--interview", "2026-07-20", now=FIXED_NOW).returncode == 0
    return home / "drillbit.db"


def test_the_homes_own_database_is_named_and_left_alone(
    tmp_path: Path, drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    database = _home_with_a_plan(drillbit, _isolated_home)
    before = database.read_bytes()
    link = tmp_path / "linked.db"
    link.symlink_to(database)
    for given in (database, link):
        result = drillbit("import-progress", str(given), now=FIXED_NOW)
        assert result.returncode == 1
        assert result.stderr.strip() == (
            f"drillbit: import-progress: {given} is this home's own progress database, not a "
            "backup: its progress is already here. To bring progress from another machine, "
            "run `drillbit export progress FILE.json` there and import that file"
        )
    assert database.read_bytes() == before


def test_another_homes_database_is_told_how_to_export_it(
    tmp_path: Path, drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    other = tmp_path / "laptop"
    other.mkdir()
    copied = shutil.copy(_home_with_a_plan(drillbit, _isolated_home), other / "drillbit.db")
    result = drillbit("import-progress", str(copied), now=FIXED_NOW)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"drillbit: import-progress: {copied} is a drillbit progress database (another "
        f"home's drillbit.db), not a backup: export it as one first, `DRILLBIT_HOME={other} "
        "drillbit export progress backup.json` (on a copy: that opens it as a home), then "
        "import backup.json"
    )
    assert sorted(path.name for path in other.iterdir()) == ["drillbit.db"]


def test_an_anki_collection_is_still_told_as_before(tmp_path: Path, drillbit: RunDrillbit) -> None:
    collection = tmp_path / "collection.anki2"
    with sqlite3.connect(collection) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER)")
    connection.close()
    result = drillbit("import-progress", str(collection))
    assert result.returncode == 1
    assert "an SQLite database (such as an Anki collection), not a drillbit" in result.stderr
