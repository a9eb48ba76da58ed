"""Opening a database file: checked, configured and migrated, or found unusable or unwritable.

`connect` opens, verifies and migrates a file; a damaged one raises `UnusableDatabase` and
`start_over` moves it aside (never deleting it), starts a fresh database and salvages what
can be read (`quiz.store.recovery`); one that cannot be written raises `CannotWrite` and the
store opens an in-memory copy (`copy_read_only`). The open's check of the small tables is
skipped when the file is exactly as it was when that check last passed (`quiet_stamp`, the
stamp beside it).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from datetime import datetime
from pathlib import Path

from quiz.plural import counted
from quiz.store.errors import StoreError
from quiz.store.leftovers import checked_path
from quiz.store.migrations import LATEST_VERSION, migrate, schema_version
from quiz.store.records import StoreNotice
from quiz.store.recovery import (
    SalvageCounts,
    UnusableDatabase,
    cannot_write,
    header_problem,
    is_corruption,
    move_aside,
    salvage,
    size_problem,
)
from quiz.store.sqlite_words import plain_reason

BUSY_TIMEOUT_SECONDS = 10.0

CHECKED_QUIET_SECONDS = 2.0
"""A file changed less than this long before an open is checked then, and not stamped as
checked: a later change inside the same file-system timestamp tick would look unchanged."""

UNCHECKED_AT_OPEN = frozenset({"review_log", "drill_attempt"})
"""The two logs, which grow with every answer and attempt, are not read page by page at open.

A heavy user's review log passes 100 MB: checking it at every start cost seconds. Damage
in them is found by `Store.check_integrity` (`drillbit check-store`) or when a read meets
it, and is handled there as at open: the file is moved aside and what can be read is kept.
"""


def start_over(
    target: Path, moment: datetime, problem: UnusableDatabase, *, found_in_use: bool = False
) -> tuple[sqlite3.Connection, StoreNotice]:
    """Move a damaged file aside, start a fresh database there and salvage what can be read."""
    try:
        moved = move_aside(target, moment)
    except OSError as error:
        raise StoreError(
            f"the database {target} cannot be used ({problem.reason}) and cannot be "
            f"moved aside: {error.strerror or error}"
        ) from error
    try:
        conn = connect(target, moment)
    except (UnusableDatabase, CannotWrite) as again:
        raise StoreError(f"cannot create a fresh database at {target}: {again.reason}") from again
    recovered = ""
    if problem.salvageable:
        counts = salvage(moved, conn)
        recovered = (
            f" {counted(counts.reviews, 'review')}, {counted(counts.attempts, 'drill try', 'drill tries')} "
            f"and {counted(counts.card_states, 'card schedule')} could be read from it and were "
            "copied into the new one."
        )
    recovered += _plan_recovered(counts if problem.salvageable else None)
    found = " was found damaged" if found_in_use else " could not be used"
    notice = StoreNotice(
        message=(
            f"The database {target}{found} ({problem.reason}). "
            f"It was moved to {moved} (nothing was deleted) and a fresh "
            f"database was started.{recovered}"
        ),
        reason=problem.reason,
        moved_to=moved,
    )
    return conn, notice


PLAN_SET_AGAIN = "drillbit plan --interview YYYY-MM-DD"
"""How a person sets a plan the recovery could not read again."""


def _plan_recovered(counts: SalvageCounts | None) -> str:
    """The recovery report's words on the interview plan: copied (with its date), or not
    readable and how to set it again; nothing when the file held none."""
    if counts is not None and counts.plan is not None:
        return f" The interview plan (interview on {counts.plan}) was copied too."
    if counts is None or counts.plan_unread:
        return (
            " The interview plan, if one was set, could not be read from it: set it again "
            f"with `{PLAN_SET_AGAIN}`."
        )
    return ""


def reopen(path: Path) -> sqlite3.Connection:
    """A plain connection to `path` again, after a failed attempt to move it aside."""
    conn = sqlite3.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class CannotWrite(Exception):
    """The database file (or its folder) cannot be written; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_file_type(path: Path) -> None:
    """StoreError when `path` exists but is not a regular file (a folder, a FIFO...)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise StoreError(broken_link(path)) from None
        return
    except OSError as error:
        raise StoreError(f"cannot use {path}: {error.strerror or error}") from error
    if stat.S_ISDIR(mode):
        raise StoreError(f"{path} is a folder, not a database file; move it out of the way")
    if not stat.S_ISREG(mode):
        raise StoreError(f"{path} is not a regular file; move it out of the way")


def broken_link(path: Path) -> str:
    """What a database file that is a symbolic link to nothing is told: a read showed an
    empty progress as if it were the person's, and a write said only that the file "cannot
    be opened for writing" (or, the link's folder there, started a fresh database where the
    person's had been: on a drive not mounted yet, beside the file a sync would bring)."""
    target = Path(os.readlink(path))
    whole = target if target.is_absolute() else path.parent / target
    return (
        f"{path} is a symbolic link to {whole}, which is not there (a drive not mounted, or "
        "the file moved); nothing was read or written: put the file back there, or remove "
        "the link to start a fresh database"
    )


def writable(path: Path) -> bool:
    """Whether the database and its folder (for the -wal and -shm files) can be written.

    os.access also answers False on a read-only file system, for root too.
    """
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    if path.exists():
        return folder_ok and os.access(path, os.R_OK | os.W_OK)
    return folder_ok


def connect(path: Path, now: datetime) -> sqlite3.Connection:
    """Open, verify, configure and migrate.

    UnusableDatabase when the file is damaged, CannotWrite when it cannot be written.
    """
    try:
        problem = header_problem(path)
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from error
    if problem is not None:
        raise UnusableDatabase(problem, salvageable=False)
    try:
        short = size_problem(path)
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from error
    if short is not None:
        raise UnusableDatabase(short)
    stamp = quiet_stamp(path)  # before connecting: a log left with frames is seen as it was
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
        )
    except sqlite3.Error as error:
        if is_corruption(error):
            raise UnusableDatabase(f"not a database: {error}") from error
        if cannot_write(error):
            raise CannotWrite(plain_reason(error)) from error
        raise StoreError(f"cannot open {path}: {error}") from error
    conn.row_factory = sqlite3.Row
    try:
        checked = stamp is not None and read_stamp(path, OPENED) == stamp
        if not checked:
            check_small_tables(conn)
        version = schema_version(conn)
        refuse_foreign(conn, path, version)
        if version > LATEST_VERSION:
            raise StoreError(newer_message(path, version))
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        configure(conn)
        migrate(conn, now=now)
        if stamp is not None and not checked:
            write_stamp(path, OPENED, stamp)
    except (UnusableDatabase, StoreError):
        conn.close()
        raise
    except sqlite3.Error as error:
        conn.close()
        if is_corruption(error):
            raise UnusableDatabase(f"not a usable SQLite file: {error}") from error
        if cannot_write(error):
            raise CannotWrite(plain_reason(error)) from error
        if is_busy(error):
            raise StoreError(busy_message(path)) from error
        raise StoreError(f"cannot use {path}: {error}") from error
    return conn


def newer_message(path: Path, version: int) -> str:
    """The refusal of a database a newer drillbit wrote. It was moved aside as damaged and a
    fresh one started: an older copy of drillbit run once (a second install, a `uv run` in
    an old checkout) hid the person's whole progress under `.corrupt-...`, and the newer
    drillbit then opened the empty one."""
    return (
        f"{path} was written by a newer drillbit (its schema version {version} is newer "
        f"than this drillbit understands ({LATEST_VERSION})); it is left exactly as it was: "
        "upgrade drillbit to use it (`uv tool upgrade drillbit`), or point DRILLBIT_HOME "
        "at another folder"
    )


def is_busy(error: sqlite3.Error) -> bool:
    """Whether another connection held the file's write lock past BUSY_TIMEOUT_SECONDS."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def busy_message(path: Path) -> str:
    """What a person waiting on another drillbit's write reads: SQLite's "database is
    locked" named neither the other writer, nor the home, nor what to do."""
    return (
        f"another drillbit (or another program) is writing {path}, the database of the home "
        f"{path.parent}, and did not finish within {BUSY_TIMEOUT_SECONDS:g} s (an import-progress "
        "of a large backup takes longer); nothing was changed: try again once it has finished"
    )


def refuse_foreign(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """StoreError when `path` is another program's SQLite database (tables, no drillbit
    schema: `version`, its `schema_version`, is 0): drillbit's tables were added to it
    without a word. Checked before the first write (journal_mode=WAL), so the file is left
    exactly as it was."""
    if version > 0:
        return
    tables = [
        str(row[0])
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    if tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path} is an SQLite database of another program (tables: {shown}), not "
            "drillbit's; it was left as it was: move it away, or set DRILLBIT_HOME to "
            "another folder"
        )


def quiet_stamp(path: Path) -> str | None:
    """The database file's identity and change times, or None when it must be checked:
    it changed within CHECKED_QUIET_SECONDS, or its write-ahead log holds frames (a
    process ended without closing it, or another one is writing)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    try:
        if os.stat(path.with_name(path.name + "-wal")).st_size:
            return None
    except FileNotFoundError:
        pass
    except OSError:
        return None
    latest = max(found.st_mtime_ns, found.st_ctime_ns)
    if latest > time.time_ns() - int(CHECKED_QUIET_SECONDS * 1e9):
        return None
    return f"{found.st_dev} {found.st_ino} {found.st_size} {found.st_mtime_ns} {found.st_ctime_ns}"


OPENED = "checked"
"""The stamp's kind after the open's check of the small tables (`.<name>-checked`)."""

INTACT = "intact"
"""The stamp's kind after a full integrity check (`.<name>-intact`, `check_integrity`)."""

EXPORTABLE = "exportable"
"""The stamp's kind after the export's check passed (`.<name>-exportable`,
`check_for_export`): weaker than `INTACT`, so never read as it."""

READ_BY_ROWS_ON_EXPORT = frozenset({"review_log"})
"""The tables an export reads from their own rows only, never through an index
(`quiz.store.backup_format`): the export's check reads their pages (`quick_check`) but does
not hold their indexes to their rows, the slow part of a full check (0.65 s of a heavy
user's 0.85 s, for an index the backup never carries)."""


def read_stamp(path: Path, kind: str) -> str | None:
    try:
        return checked_path(path, kind).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None


def write_stamp(path: Path, kind: str, stamp: str) -> None:
    """Remember that the file as `stamp` describes it passed a check of this kind. Best
    effort: without the stamp the next one checks again."""
    try:
        checked_path(path, kind).write_text(stamp, encoding="ascii")
    except OSError:
        pass


def check_small_tables(conn: sqlite3.Connection) -> None:
    """quick_check every table but the logs (UNCHECKED_AT_OPEN): milliseconds, not seconds.

    UnusableDatabase when one fails.
    """
    names = [
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if str(row[0]) not in UNCHECKED_AT_OPEN
    ]
    for name in names:
        quoted = name.replace("'", "''")
        problems = [str(row[0]) for row in conn.execute(f"PRAGMA quick_check('{quoted}')")]
        if problems != ["ok"]:
            raise UnusableDatabase("integrity check failed: " + "; ".join(problems[:3]))


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection settings after the checks; a seam tests use to limit the file's size."""


def copy_read_only(path: Path, memory: sqlite3.Connection) -> None:
    """Copy the database at `path` into `memory` without writing anything next to it.

    Plain read-only mode first (it sees a WAL's committed frames when the -shm can be
    used); `immutable` when even that needs a write (a WAL database in a read-only folder).
    """
    last: sqlite3.Error | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        try:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)
        except sqlite3.Error as error:
            last = error
            continue
        try:
            if [row[0] for row in source.execute("PRAGMA quick_check")] != ["ok"]:
                raise StoreError(f"{path} is damaged and cannot be written to repair it")
            source.backup(memory)
            return
        except sqlite3.Error as error:
            last = error
        finally:
            source.close()
    raise StoreError(f"cannot read {path}: {last}")
