"""A drillbit database given where `import-progress` takes a backup: told for what it is."""

from __future__ import annotations

import shlex
import sqlite3
import stat
from pathlib import Path

from quiz.errors import DrillbitError
from quiz.store.recovery import SQLITE_MAGIC

HOME_TABLES = frozenset({"review_log", "drill_attempt", "card_state"})
"""Tables every drillbit database has, and no Anki collection."""


def refuse_a_database(file: Path, home_database: Path) -> None:
    """DrillbitError when `file` is a drillbit progress database: this home's own (`import-
    progress ~/.local/share/drillbit/drillbit.db`), or another home's copied over. Both
    were "an SQLite database (such as an Anki collection), not a drillbit progress backup",
    which named neither what the file is nor the export that makes a backup of it."""
    try:
        own = file.samefile(home_database)
    except OSError:  # no database here yet, or the file cannot be looked at: the read says
        own = False
    if own:
        raise DrillbitError(
            f"{file} is this home's own progress database, not a backup: its progress is "
            "already here. To bring progress from another machine, run `drillbit export "
            "progress FILE.json` there and import that file",
            title="import-progress",
        )
    if is_drillbit_database(file):
        folder = shlex.quote(str(file.resolve().parent))
        raise DrillbitError(
            f"{file} is a drillbit progress database (another home's drillbit.db), not a "
            f"backup: export it as one first, `DRILLBIT_HOME={folder} drillbit export "
            "progress backup.json` (on a copy: that opens it as a home), then import backup.json",
            title="import-progress",
        )


def is_drillbit_database(file: Path) -> bool:
    """Whether `file` is an SQLite database with drillbit's tables, read without writing a
    byte (`immutable`: no journal, no lock file beside it). Only a regular file is opened: a
    FIFO's open waits for a writer forever (the import's own check refuses it by name)."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return False
        with file.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except (OSError, sqlite3.Error):
        return False
    try:
        names = {
            str(row[0])
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return HOME_TABLES <= names
