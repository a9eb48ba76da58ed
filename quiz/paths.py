"""Where drillbit keeps a user's data: one place, overridable for tests and power users."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

HOME_ENV = "DRILLBIT_HOME"
"""Environment variable that, when set and non-empty, replaces the platform data dir."""

DATABASE_NAME = "drillbit.db"


def data_dir(*, create: bool = True) -> Path:
    """The directory holding the database: `$DRILLBIT_HOME`, else the platform user data dir.

    Created on demand so callers never race on a missing folder.
    """
    override = os.environ.get(HOME_ENV, "").strip()
    path = Path(override).expanduser() if override else Path(user_data_dir("drillbit", False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(*, create: bool = True) -> Path:
    """The SQLite file with every review, attempt and draft."""
    return data_dir(create=create) / DATABASE_NAME
