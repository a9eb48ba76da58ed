"""`drillbit export progress`: the store's progress written as a backup file, row by row.

Apart from the format's models and the import's checks: a row is written from its values
(`quiz.store.backup_lines`), and only a row those writers leave to its model imports
pydantic, fsrs and the models (`quiz.store.backup_dump`). Importing the backup module was
0.25 s of a heavy user's 1.1 s export; the file is the same byte for byte
(`tests/store/test_backup_lines.py` holds the two to the golden file the models wrote).
"""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from quiz.errors import DrillbitError
from quiz.paths import refuse_missing_folder, write_trouble
from quiz.plural import counted
from quiz.store.backup_format import FORMAT, QUERIES, REVIEWS_BY_ID, VERSION, drillbit_version
from quiz.store.backup_lines import (
    attempt_line,
    draft_line,
    flag_line,
    hint_line,
    plan_line,
    review_line,
    session_line,
    state_line,
)
from quiz.store.store import Store
from quiz.store.timefmt import to_db
from quiz.textsafe import MIB


@dataclass(frozen=True)
class ExportCounts:
    """How much an export wrote."""

    card_states: int
    reviews: int
    attempts: int
    drafts: int
    sessions: int
    card_flags: int = 0
    hints_seen: int = 0
    plan: date | None = None
    """The interview day of the plan written, or None: no plan runs."""
    settings: int = 0
    """The settings written (those that differ from their defaults)."""

    def describe(self) -> str:
        """What the file holds, named as the import names it (`MergeReport.describe`), so
        a backup says whether it carries the sessions and the interview plan."""
        parts = [
            counted(self.card_states, "card schedule"),
            counted(self.reviews, "review"),
            counted(self.attempts, "drill try", "drill tries"),
            counted(self.drafts, "draft"),
            counted(self.sessions, "study session"),
        ]
        if self.card_flags:
            parts.append(counted(self.card_flags, "suspended or buried card"))
        if self.hints_seen:
            parts.append(counted(self.hints_seen, "drill hint seen", "drill hints seen"))
        if self.plan is not None:
            parts.append(f"the interview plan ({self.plan})")
        if self.settings:
            parts.append(counted(self.settings, "setting"))
        return ", ".join(parts)


_TUPLE_LINES: dict[str, Callable[[tuple[Any, ...]], str | None]] = {
    "card_states": state_line,
    "reviews": review_line,
}
"""The two long lists, whose rows are written from their values as SQLite gives them."""
_MAPPED_LINES: dict[str, Callable[[Mapping[str, Any]], str | None]] = {
    "sessions": session_line,
    "attempts": attempt_line,
    "drafts": draft_line,
    "card_flags": flag_line,
    "hints_seen": hint_line,
}
"""The short lists, written from their rows by column name. A row any of these give None
for goes through its model (`quiz.store.backup_dump.ROW_BUILDERS`), imported only then."""


GZIP_LEVEL = 1
"""zlib's fastest: a heavy user's 129 MiB of JSON becomes 22 MiB for 0.8 s of CPU (the
default, 6, makes 17.5 MiB for 2.5 s)."""


def export_progress(
    store: Store,
    path: Path,
    *,
    now: datetime | None = None,
    before_replace: Callable[[], None] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> ExportCounts:
    """Write the store's progress to `path` as JSON, gzip-compressed when it ends in `.gz`.

    Written row by row from one read transaction (memory does not grow with the history),
    one row per line, into a temporary file renamed into place at the end: a failure
    leaves any old file at `path` untouched. `before_replace` runs just before that rename
    (an error from it leaves no file: the caller's check that nothing of the user's is
    replaced). `settings` are config.toml's that differ from their defaults (the caller
    reads them: the store knows nothing of config.toml).
    """
    moment = now if now is not None else datetime.now(UTC)
    refuse_missing_folder(path, title="export progress")
    try:
        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as exc:
        raise DrillbitError(
            f"cannot write {path}: {write_trouble(path, exc)}", title="export progress"
        ) from exc
    try:
        with os.fdopen(fd, "wb") as raw:
            try:
                counts = _write_file(store, raw, path, moment, settings or {}, by_id=True)
            except _OutOfTimeOrder:  # a review added out of time order: written again, sorted
                raw.seek(0)
                raw.truncate()
                counts = _write_file(store, raw, path, moment, settings or {}, by_id=False)
        if before_replace is not None:
            before_replace()
        os.replace(partial, path)
    except OSError as exc:  # a full disk, a folder at `path`: the old file is untouched
        Path(partial).unlink(missing_ok=True)
        raise DrillbitError(
            f"cannot write {path}: {write_trouble(path, exc)}", title="export progress"
        ) from exc
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return counts


def _write_file(
    store: Store,
    raw: BinaryIO,
    path: Path,
    moment: datetime,
    settings: Mapping[str, Any],
    *,
    by_id: bool,
) -> ExportCounts:
    """The rows into `raw`, gzip-compressed when `path` ends in `.gz` (see `_write_rows`)."""
    if path.name.lower().endswith(".gz"):
        with gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0
        ) as packed:
            return _write_rows(store, packed, moment, settings, by_id=by_id)
    return _write_rows(store, raw, moment, settings, by_id=by_id)


class _OutOfTimeOrder(Exception):
    """The reviews read in the log's order went back in time: the file's order is not theirs."""


class _Writable(Protocol):
    """A binary file being written (a plain file or a GzipFile)."""

    def write(self, data: bytes, /) -> int: ...


def _write_rows(
    store: Store, out: _Writable, moment: datetime, settings: Mapping[str, Any], *, by_id: bool
) -> ExportCounts:
    """The file's JSON: the header, then each list with one row per line, then the plan
    and the settings.

    `by_id`: the reviews are read in the log's order (`REVIEWS_BY_ID`), which is the file's
    (time, then id) while no review goes back in time, as checked row by row: one that
    does raises `_OutOfTimeOrder`, and the caller writes the file again with the reviews
    sorted. Reading the log through its time index instead would need the export's check
    to hold that index to the log (`Store.check_for_export`)."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": to_db(moment),
        "drillbit_version": drillbit_version(),
    }
    written: dict[str, int] = {}
    pending: list[bytes] = []
    size = 0

    def put(data: bytes) -> None:  # about a MiB per write: gzip compresses it at one go
        nonlocal size
        pending.append(data)
        size += len(data)
        if size >= MIB:
            out.write(b"".join(pending))
            pending.clear()
            size = 0

    with store.read_transaction() as conn:
        put(json.dumps(header)[:-1].encode())
        for key, query in QUERIES.items():
            put(f',\n"{key}": ['.encode())
            if by_id and key == "reviews":
                count = _write_list(conn, key, REVIEWS_BY_ID, put, in_time=REVIEW_TIME)
            else:
                count = _write_list(conn, key, query, put)
            put(b"\n]" if count else b"]")
            written[key] = count
        plan, day = _plan(conn)
    put(b',\n"plan": ' + plan.encode())
    put(b',\n"settings": ' + json.dumps(dict(settings)).encode())
    out.write(b"".join(pending) + b"\n}\n")
    return ExportCounts(
        card_states=written["card_states"],
        reviews=written["reviews"],
        attempts=written["attempts"],
        drafts=written["drafts"],
        sessions=written["sessions"],
        card_flags=written["card_flags"],
        hints_seen=written["hints_seen"],
        plan=day,
        settings=len(settings),
    )


def _write_list(
    conn: sqlite3.Connection,
    key: str,
    query: str,
    put: Callable[[bytes], None],
    *,
    in_time: int | None = None,
) -> int:
    """One list's rows, a line each, each line after the first led by a comma; their count.

    Rows are fetched as plain tuples and encoded a batch at a time: per row, only the
    line's text is made (by the list's line writer, or the row's model when it gives None).
    `in_time`: the column of a time the rows must not go back in (each a text, compared as
    SQLite's ORDER BY compares texts); `_OutOfTimeOrder` when one does."""
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(query)
    names = [column[0] for column in cursor.description]
    by_tuple = _TUPLE_LINES.get(key)
    by_name = _MAPPED_LINES.get(key)
    count = 0
    latest = ""
    while batch := cursor.fetchmany(BATCH):
        if in_time is not None:
            latest = _in_time(batch, in_time, latest)
        texts = []
        for row in batch:
            if by_tuple is not None:
                text = by_tuple(row)
                if text is None:
                    text = _model_json(key, dict(zip(names, row, strict=True)))
            else:
                named = dict(zip(names, row, strict=True))
                text = (by_name(named) if by_name is not None else None) or _model_json(key, named)
            texts.append(text)
        put(("\n" if count == 0 else ",\n").encode() + ",\n".join(texts).encode())
        count += len(batch)
    return count


REVIEW_TIME = 3
"""`reviewed_at`'s place among `REVIEW_COLUMNS`."""


def _in_time(batch: list[tuple[Any, ...]], column: int, latest: str) -> str:
    """The batch's last time, after checking its rows' times in `column` never go back from
    `latest` (texts only: SQLite orders a value of another type apart from the texts).

    Python orders `str`s by code point, which is the order of their UTF-8 bytes: SQLite's
    BINARY collation, so a batch that passes is in the file's order."""
    for row in batch:
        moment = row[column]
        if type(moment) is not str or moment < latest:
            raise _OutOfTimeOrder
        latest = moment
    return latest


def _model_json(key: str, row: Mapping[str, Any]) -> str:
    """A row dumped through its model: for values the line writers leave to it."""
    from quiz.store.backup_dump import ROW_BUILDERS

    return ROW_BUILDERS[key](row).model_dump_json()


def _plan(conn: sqlite3.Connection) -> tuple[str, date | None]:
    """The plan's JSON (`null` without one) and its interview day."""
    conn_row = conn.cursor()
    conn_row.row_factory = sqlite3.Row
    found = conn_row.execute("SELECT * FROM interview_plan").fetchone()
    if found is None:
        return "null", None
    text = plan_line(found)
    if text is not None:
        return text, date.fromisoformat(found["interview"])
    from quiz.store.backup_dump import plan_row

    model = plan_row(conn)  # the row read just above, in the same transaction
    return ("null", None) if model is None else (model.model_dump_json(), model.interview)


BATCH = 1000
"""Rows fetched and encoded at a time: a batch of reviews is about 640 KB."""
