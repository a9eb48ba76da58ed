"""Deciding that a database file is unusable, and moving it aside instead of deleting it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# sqlite3 error names (Python 3.11+ exposes them) that mean "this file is damaged or not
# a database", as opposed to "busy / locked / permission denied", which must never cause a
# healthy database to be moved aside.
CORRUPTION_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
# Errors that say the file or its folder cannot be written now (read-only file system or
# folder, disk full, I/O failure): the data may be fine, so it is read, never moved aside.
WRITE_ERRORS = frozenset(
    {"SQLITE_READONLY", "SQLITE_FULL", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR"}
)
SIDECARS = ("-wal", "-shm")
MOVED_ASIDE = ".corrupt-"
"""What follows a damaged database's name once it is moved aside (`corrupt_name`)."""
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


# Tables copied by `salvage`, parents first so session ids exist when reviews point at them.
SALVAGED_TABLES = (
    "study_session",
    "review_log",
    "drill_attempt",
    "hint_seen",
    "card_state",
    "code_draft",
    "card_flag",
    "interview_plan",
    "typed_answer",
)
_PROBE_CHUNK = 64
_PROBE_MARGIN = 1000


class UnusableDatabase(Exception):
    """The file exists but cannot be used as drillbit's database; `reason` says why.

    `salvageable` is False when reading rows from it makes no sense (not SQLite at all).
    A database a newer drillbit wrote is not unusable but refused, left as it was
    (`quiz.store.opening.newer_message`)."""

    def __init__(self, reason: str, *, salvageable: bool = True) -> None:
        super().__init__(reason)
        self.reason = reason
        self.salvageable = salvageable


@dataclass(frozen=True)
class SalvageCounts:
    """Rows copied from a damaged database into the fresh one."""

    reviews: int = 0
    attempts: int = 0
    card_states: int = 0
    sessions: int = 0
    drafts: int = 0
    flags: int = 0
    plan: str | None = None
    """The interview date of the plan copied (ISO), None when there was none to copy."""
    plan_unread: bool = False
    """The plan's table could not be read: a plan may have been lost, and the report says
    how to set it again (a cut file's plan went unmentioned, and the next `drillbit plan`
    said only "No plan")."""


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


def size_problem(path: Path) -> str | None:
    """Why the file is shorter than its own header says, or None (also when that cannot be told).

    A cheap stand-in, at open, for reading every page: a file cut short (a copy
    interrupted, a full disk) lists more pages than it holds. Only judged when the page
    count in the header is valid and no -wal or -journal file could still add pages.
    """
    for suffix in (*SIDECARS[:1], "-journal"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists() and sidecar.stat().st_size > 0:
            return None
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        return None
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter, valid_for = header[24:28], header[92:96]
    pages = int.from_bytes(header[28:32], "big")
    if change_counter != valid_for or pages == 0 or page_size < 512:
        return None
    held = path.stat().st_size // page_size
    if held >= pages:
        return None
    return f"malformed database: the file is cut short ({held} of the {pages} pages it lists)"


def is_corruption(error: sqlite3.Error) -> bool:
    """True for errors that say the file itself is damaged."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return any(name.startswith(prefix) for prefix in CORRUPTION_ERRORS)


def cannot_write(error: sqlite3.Error) -> bool:
    """True for errors that say the database cannot be written (as opposed to damaged)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return any(name.startswith(prefix) for prefix in WRITE_ERRORS)


def corrupt_name(path: Path, now: datetime) -> Path:
    """`drillbit.db.corrupt-<UTC stamp>`, with a counter if that name is taken."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}{MOVED_ASIDE}{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}{MOVED_ASIDE}{stamp}-{counter}")
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


def salvage(damaged: Path, fresh: sqlite3.Connection) -> SalvageCounts:
    """Copy every row that can still be read from `damaged` into the `fresh` database.

    The damaged file is opened read-only and never changed. Each table is scanned in
    rowid order; where a damaged page stops the scan, rowids are probed in small ranges
    (then one by one) so rows on the pages around it are still found. Rows that clash
    with a constraint of the fresh schema are left out.
    """
    try:
        source = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        # A file cut short (a copy interrupted, a full disk) holds fewer pages than its
        # header lists, and SQLite refuses to read its schema at all, so nothing was
        # copied, the interview plan neither; with writable_schema it reads the pages that
        # are there. The connection is read-only and immutable: nothing is written.
        source.execute("PRAGMA writable_schema = ON")
    except sqlite3.Error:
        return SalvageCounts(plan_unread=True)
    copied: dict[str, int] = {}
    plan = _saved_plan(source)
    try:
        fresh.execute("PRAGMA foreign_keys = OFF")
        fresh.execute("BEGIN IMMEDIATE")
        for table in SALVAGED_TABLES:
            copied[table] = _copy_table(source, fresh, table)
        fresh.execute("COMMIT")
    except sqlite3.Error:
        if fresh.in_transaction:
            fresh.execute("ROLLBACK")
        copied = {}
    finally:
        fresh.execute("PRAGMA foreign_keys = ON")
        source.close()
    plan_copied = isinstance(plan, str) and copied.get("interview_plan", 0) > 0
    return SalvageCounts(
        reviews=copied.get("review_log", 0),
        attempts=copied.get("drill_attempt", 0),
        card_states=copied.get("card_state", 0),
        sessions=copied.get("study_session", 0),
        drafts=copied.get("code_draft", 0),
        flags=copied.get("card_flag", 0),
        plan=plan if plan_copied and isinstance(plan, str) else None,
        plan_unread=plan is _UNREAD or (isinstance(plan, str) and not plan_copied),
    )


_UNREAD = object()
"""`_saved_plan`'s answer when the plan's table cannot be read."""


def _saved_plan(source: sqlite3.Connection) -> str | object | None:
    """The damaged file's interview date (as stored), None when it holds no plan, or
    `_UNREAD` when its table cannot be read."""
    try:
        row = source.execute("SELECT interview FROM interview_plan WHERE id = 1").fetchone()
    except sqlite3.Error:
        return _UNREAD
    return None if row is None else str(row[0])


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return []


def _copy_table(source: sqlite3.Connection, fresh: sqlite3.Connection, table: str) -> int:
    """Insert the readable rows of one table; how many went in."""
    wanted = set(_columns(fresh, table))
    columns = [name for name in _columns(source, table) if name in wanted]
    if not columns:
        return 0
    listed = ", ".join(columns)
    insert = f"INSERT OR IGNORE INTO {table} ({listed}) VALUES ({', '.join('?' for _ in columns)})"
    copied = 0
    for row in _readable_rows(source, table, listed):
        try:
            copied += fresh.execute(insert, row).rowcount
        except sqlite3.IntegrityError:
            continue
    return copied


def _readable_rows(
    source: sqlite3.Connection, table: str, listed: str
) -> Iterator[tuple[object, ...]]:
    """Rows of `table` (rowid first, dropped here) that can be read, in rowid order."""
    last = 0
    try:
        for row in source.execute(f"SELECT rowid, {listed} FROM {table} ORDER BY rowid"):
            last = int(row[0])
            yield tuple(row[1:])
        return
    except sqlite3.Error:
        pass  # a damaged page: probe the rest
    upper = max(last, _sequence(source, table)) + _PROBE_MARGIN
    start = last + 1
    while start <= upper:
        stop = start + _PROBE_CHUNK - 1
        try:
            rows = source.execute(
                f"SELECT rowid, {listed} FROM {table} WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
                (start, stop),
            ).fetchall()
        except sqlite3.Error:
            rows = list(_probe_one_by_one(source, table, listed, start, stop))
        for row in rows:
            upper = max(upper, int(row[0]) + _PROBE_MARGIN)
            yield tuple(row[1:])
        start = stop + 1


def _probe_one_by_one(
    source: sqlite3.Connection, table: str, listed: str, start: int, stop: int
) -> Iterator[tuple[object, ...]]:
    for rowid in range(start, stop + 1):
        try:
            row = source.execute(
                f"SELECT rowid, {listed} FROM {table} WHERE rowid = ?", (rowid,)
            ).fetchone()
        except sqlite3.Error:
            continue
        if row is not None:
            yield tuple(row)


def _sequence(source: sqlite3.Connection, table: str) -> int:
    """The AUTOINCREMENT high-water mark of `table`, 0 when unknown."""
    try:
        row = source.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0]) if row and row[0] is not None else 0
