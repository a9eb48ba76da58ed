"""What every job of the store runs on: the connection, opened (`quiz.store.opening`), its
write and read transactions, reads that survive a damaged file, and going on in memory.

`StoreBase` holds them; each job's methods are a subclass of it in a module of their own
(`quiz.store.reviews`, `schedules`, ...), and `quiz.store.store.Store` is all of them.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Self, TypeVar

from quiz.clock import Clock, utc_now
from quiz.paths import database_path, ensure_dir
from quiz.store.errors import DamagedFileReplaced, NotSavedError, StoreError
from quiz.store.leftovers import clear_leftovers
from quiz.store.migrations import LATEST_VERSION, migrate, schema_version
from quiz.store.opening import (
    EXPORTABLE,
    INTACT,
    READ_BY_ROWS_ON_EXPORT,
    CannotWrite,
    check_file_type,
    connect,
    copy_read_only,
    quiet_stamp,
    read_stamp,
    reopen,
    start_over,
    writable,
    write_stamp,
)
from quiz.store.records import CardState, StoreNotice
from quiz.store.recovery import UnusableDatabase, is_corruption
from quiz.store.sqlite_words import plain_reason

if TYPE_CHECKING:
    from fsrs import Card

BULK_CACHE_KIB = 8 * 1024
"""The page cache of a bulk write (`write_transaction(bulk=True)`), KiB. With the default
2 MiB a heavy user's restore read 300,000 pages back from the file; 8 MiB took another
second of system time off its inserts (0.7 s instead of 1.5-2.2 s)."""

_P = ParamSpec("_P")
_T = TypeVar("_T")
_S = TypeVar("_S", bound="StoreBase")


def degradable(
    method: Callable[Concatenate[_S, _P], _T],
) -> Callable[Concatenate[_S, _P], _T]:
    """Run a write method again on an in-memory copy when it failed and the store may degrade.

    A failed write was rolled back whole, so running the method again from the start on
    a copy of what is on disk is the same change, kept in memory only. The same holds
    when the write met a damaged page and the file was replaced (`Store._recover`).
    """

    @functools.wraps(method)
    def run(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            try:
                return method(self, *args, **kwargs)
            except DamagedFileReplaced:
                # The file was found damaged and replaced by a fresh, salvaged one: the
                # write was rolled back, so it is made once more there.
                return method(self, *args, **kwargs)
        except NotSavedError as error:
            if not self._degrade(error):
                raise
            return method(self, *args, **kwargs)

    return run


class StoreBase:
    """The store's connection and transactions, for the methods of each job (`Store`)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        notices: list[StoreNotice],
        *,
        not_saved_reason: str | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._conn = conn
        self._clock = clock
        """Read when damage found after opening moves the file aside (its name's stamp)."""
        self._lock = threading.RLock()
        self._closed = False
        self.path = path
        self.notices: list[StoreNotice] = notices
        """Messages for the person, e.g. that a corrupt database was moved aside."""
        self.not_saved_reason = not_saved_reason
        """Why nothing is saved (the file could not be written), or None when writes persist."""
        self._on_degrade: Callable[[StoreNotice], None] | None = None
        self._on_notice: Callable[[StoreNotice], None] | None = None
        self._writes = 0
        """Write transactions begun on this store (see `_columns_key`)."""
        self._columns: tuple[object, Mapping[str, tuple[int, str]]] | None = None
        """The last `schedule_columns` read and what it was read from."""
        self._states: (
            tuple[object, dict[str, tuple[tuple[Any, ...], CardState]], int | None] | None
        ) = None
        """The last `card_states` read (each row beside its record), what it was read from,
        and the mark of the connection's log of state writes then (None: not kept): unchanged
        rows keep their record at the next read, and after this connection's own writes
        only the rows the log names are read again."""
        self._parsed: dict[str, tuple[str, Card]] = {}
        """`fsrs_cards`' parsed Cards by card id, each beside the JSON it was parsed from:
        a Card is parsed again only when its card's saved JSON differs."""

    @property
    def saving(self) -> bool:
        """False when the store is an in-memory copy of an unwritable database."""
        return self.not_saved_reason is None

    @classmethod
    def open(
        cls,
        path: Path | str | None = None,
        *,
        now: datetime | None = None,
        clock: Clock = utc_now,
        read_only: bool = False,
    ) -> Self:
        """Open (creating and migrating as needed) the database at `path` or the default one.

        An unusable file (not SQLite, cut short, a small table failing quick_check, or a
        schema newer than this code) is renamed to `<name>.corrupt-<UTC stamp>`, what can
        still be read of a damaged one is copied into a fresh database, and the returned
        store's `notices` explain it. Nothing is ever deleted. The small tables' check
        is skipped when the file is exactly as it was when that check last passed
        (`.<name>-checked` beside it holds its identity and change times; 8-12 ms of every
        open of a heavy user's file). The logs are not read whole here (see
        UNCHECKED_AT_OPEN): damage found in them later is handled the same way, with a
        notice added then (see `on_notice`).

        When the file cannot be written (read-only folder or file system, disk full) or
        `read_only` is asked, the store is an in-memory copy of what is on disk: reading
        works, writes succeed in memory only, `saving` is False and a notice says so.
        A path that is a folder or another non-file raises StoreError naming it.
        The hidden temporary databases a killed `drillbit import-progress` left beside
        the file are removed first (`quiz.store.leftovers`; not when `read_only`).

        `clock` is the caller's (a command's, the app's): it dates a damaged file moved
        aside, now or later, and the migrations; `now`, when given, is its reading at open.
        """
        moment = now if now is not None else clock()
        target = Path(path) if path is not None else database_path()
        ensure_dir(target.parent, "the database folder")
        if not read_only:  # a killed `import-progress`'s hidden database (130 MB)
            clear_leftovers(target)
        check_file_type(target)
        notices: list[StoreNotice] = []
        if read_only:
            return cls._in_memory(target, moment, clock, notices, "opened read-only")
        if not writable(target):
            return cls._in_memory(target, moment, clock, notices, "read-only file or folder")
        try:
            conn = connect(target, moment)
        except UnusableDatabase as problem:
            return cls._replace_unusable(target, moment, clock, problem, notices)
        except CannotWrite as why:
            return cls._in_memory(target, moment, clock, notices, why.reason)
        return cls(conn, target, notices, clock=clock)

    @classmethod
    def _replace_unusable(
        cls,
        target: Path,
        moment: datetime,
        clock: Clock,
        problem: UnusableDatabase,
        notices: list[StoreNotice],
    ) -> Self:
        """Move a damaged file aside, start a fresh database and salvage what can be read."""
        conn, notice = start_over(target, moment, problem)
        notices.append(notice)
        return cls(conn, target, notices, clock=clock)

    @classmethod
    def _in_memory(
        cls, target: Path, moment: datetime, clock: Clock, notices: list[StoreNotice], reason: str
    ) -> Self:
        """A migrated in-memory copy of the file (or an empty store when there is none)."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        try:
            if target.is_file() and target.stat().st_size > 0:
                copy_read_only(target, conn)
            version = schema_version(conn)
            if version > LATEST_VERSION:
                raise StoreError(
                    f"{target} was written by a newer drillbit (schema {version}) and cannot "
                    f"be written here ({reason})"
                )
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, now=moment)
        except BaseException:
            conn.close()
            raise
        notices.append(
            StoreNotice(
                message=(
                    f"Nothing will be saved: {target} cannot be written ({reason}). "
                    "Your progress so far is shown; new answers are kept only until you quit."
                ),
                reason=reason,
                unsaved=True,
            )
        )
        unsaved = f"{target} cannot be written ({reason})"
        return cls(conn, target, notices, not_saved_reason=unsaved, clock=clock)

    def close(self) -> None:
        """Close the connection (every write is already committed)."""
        with self._lock:
            self._conn.close()
            self._closed = True

    def is_closed(self) -> bool:
        """Whether `close` was called: a computation from what was read (the plan's
        forecast, in a thread) stops then, where the app's exit waited for it."""
        return self._closed

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def keep_going_in_memory(self, tell: Callable[[StoreNotice], None]) -> None:
        """From now on a write the disk refuses switches the store to an in-memory copy.

        For the app: instead of raising NotSavedError, the store copies what is on disk
        into memory, makes the change there, calls `tell` with a notice (possibly from a
        worker thread) and goes on; nothing more is saved until the app is restarted.
        """
        self._on_degrade = tell

    def _degrade(self, error: NotSavedError) -> bool:
        """Switch to an in-memory copy of the database (see keep_going_in_memory)."""
        with self._lock:
            if self._on_degrade is None or not self.saving:
                return False
            memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            memory.row_factory = sqlite3.Row
            try:
                self._conn.backup(memory)
            except sqlite3.Error:
                memory.close()
                return False
            memory.execute("PRAGMA foreign_keys = ON")
            self._conn.close()
            self._conn = memory
            self.not_saved_reason = error.message
            notice = StoreNotice(
                message=(
                    f"Nothing more will be saved: {error.message}. What you do from now on "
                    "is kept only until you quit; free some space and restart drillbit."
                ),
                reason=error.message,
            )
            self.notices.append(notice)
        self._on_degrade(notice)
        return True

    def on_notice(self, tell: Callable[[StoreNotice], None]) -> None:
        """Call `tell` with each notice of damage found after opening (the file was replaced).

        Called from whichever thread met it; the notice is in `notices` too.
        """
        self._on_notice = tell

    def check_integrity(self, *, unless_unchanged: bool = False) -> StoreNotice | None:
        """Read the whole file with SQLite's integrity check; None when it is sound.

        Open checks only the small tables (see UNCHECKED_AT_OPEN): this is the full
        check, on demand (`drillbit check-store`, before an export). A damaged file is
        moved aside and salvaged as at open, and the notice saying so is returned.
        A pass is stamped beside the file (`.<name>-intact`, as the open's check is);
        `unless_unchanged` skips the check when the file is exactly as it was then (a
        heavy user's check is 0.8 s of an export's 2 s of CPU).
        """
        with self._lock:
            if not self.saving:
                return None  # an in-memory copy, checked when it was made
            stamp = quiet_stamp(self.path)
            if unless_unchanged and stamp is not None and read_stamp(self.path, INTACT) == stamp:
                return None
            try:
                rows = self._conn.execute("PRAGMA integrity_check").fetchall()
            except sqlite3.Error as error:
                if not is_corruption(error):
                    raise StoreError(f"could not check {self.path}: {error}") from error
                return self._recover(f"integrity check failed: {error}")
            problems = [str(row[0]) for row in rows]
            if problems == ["ok"]:
                if stamp is not None and quiet_stamp(self.path) == stamp:
                    write_stamp(self.path, INTACT, stamp)  # unchanged while it was read
                return None
            return self._recover("integrity check failed: " + "; ".join(problems[:3]))

    def check_for_export(self) -> StoreNotice | None:
        """Check what an export reads; None when it is sound (as `check_integrity`).

        `PRAGMA quick_check` reads every page of the file (each table's and index's tree,
        its records, NOT NULL and CHECK constraints, the free pages), and every table but
        those the export reads by their own rows (`READ_BY_ROWS_ON_EXPORT`: the review log)
        is checked in full, its indexes held to its rows and its UNIQUE constraints. What
        is left unchecked is whether the review log's indexes match its rows: the export
        never reads them, and a restore builds them afresh. Skipped for a file unchanged
        since a full check (`check_integrity`) or an export's passed. Damage found is
        handled as by `check_integrity` (the file salvaged, the person told); a pass is
        stamped (`.<name>-exportable`).
        """
        with self._lock:
            if not self.saving:
                return None  # an in-memory copy, checked when it was made
            stamp = quiet_stamp(self.path)
            if stamp is not None and stamp in (
                read_stamp(self.path, INTACT),
                read_stamp(self.path, EXPORTABLE),
            ):
                return None
            try:
                problems = [str(row[0]) for row in self._conn.execute("PRAGMA quick_check")]
                tables = [
                    str(row[0])
                    for row in self._conn.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                    )
                ]
                for name in tables:
                    if problems != ["ok"]:
                        break
                    if name in READ_BY_ROWS_ON_EXPORT:
                        continue
                    quoted = name.replace("'", "''")
                    problems = [
                        str(row[0])
                        for row in self._conn.execute(f"PRAGMA integrity_check('{quoted}')")
                    ]
            except sqlite3.Error as error:
                if not is_corruption(error):
                    raise StoreError(f"could not check {self.path}: {error}") from error
                return self._recover(f"integrity check failed: {error}")
            if problems == ["ok"]:
                if stamp is not None and quiet_stamp(self.path) == stamp:
                    write_stamp(self.path, EXPORTABLE, stamp)  # unchanged while it was read
                return None
            return self._recover("integrity check failed: " + "; ".join(problems[:3]))

    def _recover(self, reason: str) -> StoreNotice:
        """Replace the damaged file under an open store, as `open` does, and tell the person.

        The connection is closed first (SQLite then copies the committed WAL into the file,
        or leaves the -wal to move with it), so the moved file holds everything that was
        saved. StoreError when the file cannot be moved aside; the store then goes on
        with the damaged file.
        """
        with self._lock:
            self._rollback()
            try:
                self._conn.close()
            except sqlite3.Error:
                pass  # the file is moved aside either way; its -wal moves with it
            try:
                conn, notice = start_over(
                    self.path, self._clock(), UnusableDatabase(reason), found_in_use=True
                )
            except StoreError:
                self._conn = reopen(self.path)
                raise
            self._conn = conn
            self.notices.append(notice)
        if self._on_notice is not None:
            self._on_notice(notice)
        return notice

    def _damaged(self, error: sqlite3.Error) -> bool:
        """Whether `error` says the file is damaged; if so it has been replaced (`_recover`)."""
        if not self.saving or not is_corruption(error):
            return False
        self._recover(f"damaged, found while reading it: {error}")
        return True

    @property
    def lock(self) -> threading.RLock:
        """The store's re-entrant lock: hold it to make a read-then-write atomic across threads."""
        return self._lock

    def schema_version(self) -> int:
        """The applied schema version (equals `LATEST_VERSION` after open)."""
        with self._lock:
            return schema_version(self._conn)

    @contextmanager
    def _write(self, *, bulk: bool = False) -> Iterator[sqlite3.Connection]:
        """One immediate transaction, committed on exit, rolled back on error.

        A failing write (disk full, read-only file, locked past the timeout) raises
        NotSavedError after the rollback: the database keeps its previous content.
        `bulk`: see `write_transaction`.
        """
        with self._lock:
            self._writes += 1  # whatever happens next, reads kept from before are stale
            cache = self._bulk_begin() if bulk else None
            try:
                try:
                    self._conn.execute("BEGIN IMMEDIATE")
                except sqlite3.Error as error:
                    raise NotSavedError(
                        f"could not save to {self.path}: {plain_reason(error)}"
                    ) from error
                try:
                    if bulk:  # the statement journals stay in memory, temporary tables not
                        self._conn.execute("PRAGMA temp_store = DEFAULT")
                    yield self._conn
                    self._conn.execute("COMMIT")
                except (sqlite3.IntegrityError, sqlite3.ProgrammingError):
                    self._rollback()
                    raise  # the caller passed rows the schema refuses: a bug, not the disk
                except sqlite3.Error as error:
                    self._rollback()
                    if self._damaged(error):
                        raise DamagedFileReplaced(self.notices[-1]) from error
                    raise NotSavedError(
                        f"could not save to {self.path}: {plain_reason(error)}"
                    ) from error
                except BaseException:
                    self._rollback()
                    raise
            finally:
                # and again once it is over: a read made inside it (kept under the count it
                # began with) may hold writes that were then rolled back
                self._writes += 1
                if cache is not None:
                    self._bulk_end(cache)

    def write_transaction(
        self, *, bulk: bool = False
    ) -> AbstractContextManager[sqlite3.Connection]:
        """The store's connection inside one immediate transaction (for quiz.store.backup).

        Committed on exit, rolled back on an error; NotSavedError when the disk refuses.
        A damaged page met inside replaces the file (see `check_integrity`) and raises a
        StoreError saying so: nothing was changed, the caller may try again.

        `bulk`, for a transaction of hundreds of thousands of statements (a backup's
        import): the page cache is `BULK_CACHE_KIB` for it, and each statement's journal
        stays in memory. SQLite keeps one (a copy of the pages a statement changes, to undo
        it alone) for every insert into review_log (its triggers and checks); once one
        grows past 64 KiB it moves to a temporary file for the rest of the transaction, and
        every later insert then writes its pages there: a heavy user's restore made 4
        million such writes, a fifth of its CPU. Temporary tables still go to a file.
        """
        return self._write(bulk=bulk)

    def _bulk_begin(self) -> int:
        """`write_transaction(bulk=True)`'s settings, before its BEGIN; the cache size to restore.

        A statement journal is held in memory when `temp_store` is MEMORY as a transaction
        begins; `_write` sets it back to DEFAULT right after BEGIN (no temporary table is
        open then: changing `temp_store` closed them), so temporary tables, which a crafted
        backup could make large, are still written to a file.
        """
        cache = int(self._conn.execute("PRAGMA cache_size").fetchone()[0])
        self._conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        self._conn.execute("PRAGMA temp_store = MEMORY")
        return cache

    def _bulk_end(self, cache: int) -> None:
        with contextlib.suppress(sqlite3.Error):  # the settings only: the outcome stands
            self._conn.execute("PRAGMA temp_store = DEFAULT")  # when BEGIN failed
            self._conn.execute(f"PRAGMA cache_size = {cache}")

    @contextmanager
    def read_transaction(self) -> Iterator[sqlite3.Connection]:
        """The store's connection inside one read transaction: a consistent snapshot.

        A damaged page met inside replaces the file and raises a StoreError saying so.
        """
        with self._lock:
            try:
                self._conn.execute("BEGIN")
                try:
                    yield self._conn
                finally:
                    self._rollback()
            except sqlite3.Error as error:
                if self._damaged(error):
                    raise DamagedFileReplaced(self.notices[-1]) from error
                raise StoreError(f"could not read {self.path}: {error}") from error

    def _rollback(self) -> None:
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # SQLite already rolled back (e.g. after SQLITE_FULL)

    def _read(self, sql: str, params: Iterable[Any] = (), *, plain: bool = False) -> list[Any]:
        """Rows of one query; on a damaged file, the same query on its salvaged replacement.

        `plain` gives tuples instead of sqlite3.Row (for hot paths reading many rows).
        """
        with self._lock:
            try:
                return self._fetch(sql, tuple(params), plain)
            except sqlite3.Error as error:
                if not self._damaged(error):
                    raise StoreError(f"could not read {self.path}: {error}") from error
            try:
                return self._fetch(sql, tuple(params), plain)
            except sqlite3.Error as error:
                raise StoreError(f"could not read {self.path}: {error}") from error

    def _fetch(self, sql: str, params: tuple[Any, ...], plain: bool) -> list[Any]:
        cursor = self._conn.cursor()
        if plain:
            cursor.row_factory = None
        return cursor.execute(sql, params).fetchall()
