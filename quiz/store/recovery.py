"""Deciding that a database file is unusable, and moving it aside instead of deleting it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

# sqlite3 error names (Python 3.11+ exposes them) that mean "this file is damaged or not
# a database", as opposed to "busy / locked / permission denied", which must never cause a
# healthy database to be moved aside.
CORRUPTION_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
SIDECARS = ("-wal", "-shm")
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


class UnusableDatabase(Exception):
    """The file exists but cannot be used as drillbit's database; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def header_problem(path: Path) -> str | None:
    """Why the file cannot be an SQLite database, judged from its header alone, or None.

    Checked before SQLite opens the file: opening and closing a non-database would let
    SQLite discard a stale -wal sidecar, and everything must be kept when moving aside.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        return None
    if not header:
        return None  # an empty file is a valid, empty database
    if not header.startswith(SQLITE_MAGIC):
        return "not an SQLite database (wrong file header)"
    if len(header) < HEADER_SIZE:
        return f"truncated SQLite header ({len(header)} bytes)"
    return None


def is_corruption(error: sqlite3.Error) -> bool:
    """True for errors that say the file itself is damaged."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return any(name.startswith(prefix) for prefix in CORRUPTION_ERRORS)


def corrupt_name(path: Path, now: datetime) -> Path:
    """`drillbit.db.corrupt-<UTC stamp>`, with a counter if that name is taken."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    return candidate


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the database (and its -wal/-shm files) out of the way; return the new name."""
    target = corrupt_name(path, now)
    path.rename(target)
    for suffix in SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    return target
