"""Back up a person's progress to JSON and merge a backup into another machine's database.

The file format, version 1 (also described in docs/progress-format.md)::

    {
      "format": "drillbit-progress",        # always this string
      "version": 1,                         # bumped on any incompatible change
      "exported_at": "2026-01-02T03:04:05.000000+00:00",
      "drillbit_version": "0.1.0",          # informative
      "card_states": [{"card_id", "fsrs_card", "introduced_at", "updated_at"}],
      "sessions":    [{"id", "mode", "started_at", "ended_at", "filters"}],
      "reviews":     [{"card_id", "rating", "correct", "reviewed_at", "duration_ms", "mode",
                       "state_before", "card_before", "card_after", "session"}],
      "attempts":    [{"card_id", "status", "seed", "duration_ms", "hints_used", "verdict",
                       "attempted_at", "session"}],
      "drafts":      [{"card_id", "text", "updated_at"}]
    }

Times are UTC ISO-8601 text. `fsrs_card`, `card_before`, `card_after` are fsrs
`Card.to_json()` strings and `verdict` the verdict JSON, all kept verbatim (undo compares
them byte for byte). `session` is the `id` of an entry of `sessions` in the same file (ids
are local to one file), or null. Card ids are the content's string ids, so history of
cards no longer in the bank travels too.

Merge rules (`import_progress`), all in one transaction, so a bad file changes nothing:
reviews are the same review when (card id, reviewed_at, rating) match, attempts when
(card id, attempted_at, status) match, sessions when (mode, started_at) match: importing
a file twice adds nothing. For a card's schedule the state with the latest last review
wins (ties keep the local one); for a draft the newest wins.

The store has no API for inserting history with given times and ids, so this module
reads and writes the store's tables with plain SQL on its own connection to the same
database file (opened after `Store.open`, which created and migrated it).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from quiz.store.records import Mode
from quiz.store.store import Store
from quiz.store.timefmt import from_db, to_db

FORMAT = "drillbit-progress"
VERSION = 1


class ProgressFormatError(Exception):
    """The file is not a progress backup this drillbit can read; nothing was imported."""


def _moment(value: str) -> str:
    """A time in the store's canonical text form (raises ValueError when it is not one)."""
    return to_db(from_db(value))


def _fsrs(value: str) -> str:
    data = json.loads(value)
    if not isinstance(data, dict) or "state" not in data or "due" not in data:
        raise ValueError("not an fsrs Card JSON (needs 'state' and 'due')")
    _moment(str(data["due"]))
    return value


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CardStateRow(_Row):
    """A card's saved fsrs schedule."""

    card_id: str = Field(min_length=1)
    fsrs_card: str
    introduced_at: str
    updated_at: str

    @field_validator("fsrs_card")
    @classmethod
    def _fsrs_card(cls, value: str) -> str:
        return _fsrs(value)

    @field_validator("introduced_at", "updated_at")
    @classmethod
    def _times(cls, value: str) -> str:
        return _moment(value)


class SessionRow(_Row):
    """A study session; `id` is local to the file."""

    id: int
    mode: Mode
    started_at: str
    ended_at: str | None = None
    filters: dict[str, Any] = Field(default_factory=dict)

    @field_validator("started_at", "ended_at")
    @classmethod
    def _times(cls, value: str | None) -> str | None:
        return _moment(value) if value is not None else None


class ReviewRow(_Row):
    """One answer."""

    card_id: str = Field(min_length=1)
    rating: int = Field(ge=1, le=4)
    correct: bool
    reviewed_at: str
    duration_ms: int | None = Field(default=None, ge=0)
    mode: Mode
    state_before: int | None = None
    card_before: str | None = None
    card_after: str | None = None
    session: int | None = None

    @field_validator("reviewed_at")
    @classmethod
    def _time(cls, value: str) -> str:
        return _moment(value)

    @field_validator("card_before", "card_after")
    @classmethod
    def _cards(cls, value: str | None) -> str | None:
        return _fsrs(value) if value is not None else None


class AttemptRow(_Row):
    """One graded drill submission."""

    card_id: str = Field(min_length=1)
    status: str = Field(min_length=1)
    seed: int | None = None
    duration_ms: float | None = None
    hints_used: int = Field(default=0, ge=0)
    verdict: str
    attempted_at: str
    session: int | None = None

    @field_validator("attempted_at")
    @classmethod
    def _time(cls, value: str) -> str:
        return _moment(value)


class DraftRow(_Row):
    """The code a person was writing for a drill."""

    card_id: str = Field(min_length=1)
    text: str
    updated_at: str

    @field_validator("updated_at")
    @classmethod
    def _time(cls, value: str) -> str:
        return _moment(value)


class ProgressFile(_Row):
    """The whole backup file (version 1)."""

    format: Literal["drillbit-progress"]
    version: Literal[1]
    exported_at: str
    drillbit_version: str = ""
    card_states: list[CardStateRow] = Field(default_factory=list)
    sessions: list[SessionRow] = Field(default_factory=list)
    reviews: list[ReviewRow] = Field(default_factory=list)
    attempts: list[AttemptRow] = Field(default_factory=list)
    drafts: list[DraftRow] = Field(default_factory=list)


@dataclass(frozen=True)
class ExportCounts:
    """How much an export wrote."""

    card_states: int
    reviews: int
    attempts: int
    drafts: int
    sessions: int


@dataclass(frozen=True)
class MergeReport:
    """What an import added, replaced and left alone."""

    reviews_added: int = 0
    reviews_present: int = 0
    attempts_added: int = 0
    attempts_present: int = 0
    sessions_added: int = 0
    states_added: int = 0
    states_updated: int = 0
    states_kept: int = 0
    drafts_added: int = 0
    drafts_updated: int = 0
    drafts_kept: int = 0

    def describe(self) -> str:
        """One line for the person."""
        return (
            f"reviews: {self.reviews_added} added, {self.reviews_present} already here; "
            f"card schedules: {self.states_added} added, {self.states_updated} updated, "
            f"{self.states_kept} kept (newer here); "
            f"drill attempts: {self.attempts_added} added, {self.attempts_present} already here; "
            f"drafts: {self.drafts_added} added, {self.drafts_updated} updated, "
            f"{self.drafts_kept} kept"
        )


@contextmanager
def _connection(store: Store) -> Iterator[sqlite3.Connection]:
    """A second connection to the store's file, autocommit mode (we issue BEGIN ourselves)."""
    conn = sqlite3.connect(str(store.path), isolation_level=None, timeout=10.0)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        yield conn
    finally:
        conn.close()


def progress_document(store: Store, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything in the store as a version-1 document (one consistent snapshot)."""
    moment = now if now is not None else datetime.now(UTC)
    with store.lock, _connection(store) as conn:
        conn.execute("BEGIN")
        try:
            states = conn.execute("SELECT * FROM card_state ORDER BY card_id").fetchall()
            sessions = conn.execute("SELECT * FROM study_session ORDER BY id").fetchall()
            reviews = conn.execute("SELECT * FROM review_log ORDER BY reviewed_at, id").fetchall()
            attempts = conn.execute(
                "SELECT * FROM drill_attempt ORDER BY attempted_at, id"
            ).fetchall()
            drafts = conn.execute("SELECT * FROM code_draft ORDER BY card_id").fetchall()
        finally:
            conn.execute("COMMIT")
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": to_db(moment),
        "drillbit_version": _drillbit_version(),
        "card_states": [
            {
                "card_id": r["card_id"],
                "fsrs_card": r["fsrs_card"],
                "introduced_at": r["introduced_at"],
                "updated_at": r["updated_at"],
            }
            for r in states
        ],
        "sessions": [
            {
                "id": r["id"],
                "mode": r["mode"],
                "started_at": r["started_at"],
                "ended_at": r["ended_at"],
                "filters": json.loads(r["filters"] or "{}"),
            }
            for r in sessions
        ],
        "reviews": [
            {
                "card_id": r["card_id"],
                "rating": r["rating"],
                "correct": bool(r["correct"]),
                "reviewed_at": r["reviewed_at"],
                "duration_ms": r["duration_ms"],
                "mode": r["mode"],
                "state_before": r["state_before"],
                "card_before": r["card_before"],
                "card_after": r["card_after"],
                "session": r["session_id"],
            }
            for r in reviews
        ],
        "attempts": [
            {
                "card_id": r["card_id"],
                "status": r["status"],
                "seed": r["seed"],
                "duration_ms": r["duration_ms"],
                "hints_used": r["hints_used"],
                "verdict": r["verdict"],
                "attempted_at": r["attempted_at"],
                "session": r["session_id"],
            }
            for r in attempts
        ],
        "drafts": [
            {"card_id": r["card_id"], "text": r["text"], "updated_at": r["updated_at"]}
            for r in drafts
        ],
    }


def _drillbit_version() -> str:
    try:
        return metadata.version("drillbit")
    except metadata.PackageNotFoundError:
        return ""


def export_progress(store: Store, path: Path, *, now: datetime | None = None) -> ExportCounts:
    """Write the store's progress to `path` as JSON (written whole, then renamed into place)."""
    document = progress_document(store, now=now)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partial.replace(path)
    return ExportCounts(
        card_states=len(document["card_states"]),
        reviews=len(document["reviews"]),
        attempts=len(document["attempts"]),
        drafts=len(document["drafts"]),
        sessions=len(document["sessions"]),
    )


def read_progress(path: Path) -> ProgressFile:
    """Parse and validate a backup file; ProgressFormatError says plainly what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProgressFormatError(f"cannot read {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ProgressFormatError(
            f"{path} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    return parse_progress(data, str(path))


def parse_progress(data: Any, name: str = "the file") -> ProgressFile:
    """Validate a decoded backup document (format tag and version first, then every row)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressFormatError(
            f'{name} is not a drillbit progress file (no "format": "{FORMAT}")'
        )
    version = data.get("version")
    if version != VERSION:
        raise ProgressFormatError(
            f"{name} is drillbit-progress version {version!r}; this drillbit reads version "
            f"{VERSION} only" + (" (update drillbit to import it)" if _newer(version) else "")
        )
    try:
        return ProgressFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ProgressFormatError(f"{name}: {where}: {first['msg']}{more}") from exc


def _newer(version: object) -> bool:
    return isinstance(version, int) and not isinstance(version, bool) and version > VERSION


def _last_review(fsrs_card: str) -> str | None:
    value = json.loads(fsrs_card).get("last_review")
    return _moment(str(value)) if value else None


def _state_columns(fsrs_card: str) -> tuple[int, str, str | None]:
    data = json.loads(fsrs_card)
    return int(data["state"]), _moment(str(data["due"])), _last_review(fsrs_card)


def import_progress(store: Store, path: Path) -> MergeReport:
    """Merge the backup at `path` into the store (see the module docstring for the rules)."""
    return merge_progress(store, read_progress(path))


def merge_progress(store: Store, backup: ProgressFile) -> MergeReport:
    """Merge a parsed backup into the store in one transaction."""
    counts: dict[str, int] = dict.fromkeys(MergeReport.__dataclass_fields__, 0)
    with store.lock, _connection(store) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            sessions = _merge_sessions(conn, backup.sessions, counts)
            _merge_reviews(conn, backup.reviews, sessions, counts)
            _merge_attempts(conn, backup.attempts, sessions, counts)
            _merge_states(conn, backup.card_states, counts)
            _merge_drafts(conn, backup.drafts, counts)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return MergeReport(**counts)


def _merge_sessions(
    conn: sqlite3.Connection, rows: list[SessionRow], counts: dict[str, int]
) -> dict[int, int]:
    """Map file session ids to local ones, adding sessions not seen here."""
    local = {
        (r["mode"], r["started_at"]): int(r["id"])
        for r in conn.execute("SELECT id, mode, started_at FROM study_session")
    }
    mapping: dict[int, int] = {}
    for row in rows:
        key = (row.mode, row.started_at)
        if key not in local:
            cursor = conn.execute(
                "INSERT INTO study_session (mode, started_at, ended_at, filters) VALUES (?, ?, ?, ?)",
                (row.mode, row.started_at, row.ended_at, json.dumps(row.filters, sort_keys=True)),
            )
            local[key] = int(cursor.lastrowid or 0)
            counts["sessions_added"] += 1
        elif row.ended_at is not None:
            conn.execute(
                "UPDATE study_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                (row.ended_at, local[key]),
            )
        mapping[row.id] = local[key]
    return mapping


def _merge_reviews(
    conn: sqlite3.Connection,
    rows: list[ReviewRow],
    sessions: dict[int, int],
    counts: dict[str, int],
) -> None:
    seen = {
        (r["card_id"], r["reviewed_at"], int(r["rating"]))
        for r in conn.execute("SELECT card_id, reviewed_at, rating FROM review_log")
    }
    for row in rows:
        key = (row.card_id, row.reviewed_at, row.rating)
        if key in seen:
            counts["reviews_present"] += 1
            continue
        conn.execute(
            """INSERT INTO review_log (card_id, rating, correct, reviewed_at, duration_ms, mode,
                   state_before, card_before, card_after, session_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                row.card_id,
                row.rating,
                int(row.correct),
                row.reviewed_at,
                row.duration_ms,
                row.mode,
                row.state_before,
                row.card_before,
                row.card_after,
                sessions.get(row.session) if row.session is not None else None,
            ),
        )
        seen.add(key)
        counts["reviews_added"] += 1


def _merge_attempts(
    conn: sqlite3.Connection,
    rows: list[AttemptRow],
    sessions: dict[int, int],
    counts: dict[str, int],
) -> None:
    seen = {
        (r["card_id"], r["attempted_at"], r["status"])
        for r in conn.execute("SELECT card_id, attempted_at, status FROM drill_attempt")
    }
    for row in rows:
        key = (row.card_id, row.attempted_at, row.status)
        if key in seen:
            counts["attempts_present"] += 1
            continue
        conn.execute(
            """INSERT INTO drill_attempt (card_id, status, seed, duration_ms, hints_used,
                   verdict, attempted_at, session_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                row.card_id,
                row.status,
                row.seed,
                row.duration_ms,
                row.hints_used,
                row.verdict,
                row.attempted_at,
                sessions.get(row.session) if row.session is not None else None,
            ),
        )
        seen.add(key)
        counts["attempts_added"] += 1


def _merge_states(
    conn: sqlite3.Connection, rows: list[CardStateRow], counts: dict[str, int]
) -> None:
    for row in rows:
        state, due, last_review = _state_columns(row.fsrs_card)
        local = conn.execute(
            "SELECT fsrs_card, introduced_at FROM card_state WHERE card_id = ?", (row.card_id,)
        ).fetchone()
        if local is None:
            conn.execute(
                """INSERT INTO card_state (card_id, fsrs_card, state, due, last_review,
                       introduced_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (
                    row.card_id,
                    row.fsrs_card,
                    state,
                    due,
                    last_review,
                    row.introduced_at,
                    row.updated_at,
                ),
            )
            counts["states_added"] += 1
            continue
        local_last = _last_review(local["fsrs_card"])
        if last_review is None or (local_last is not None and last_review <= local_last):
            counts["states_kept"] += 1
            continue
        conn.execute(
            """UPDATE card_state SET fsrs_card = ?, state = ?, due = ?, last_review = ?,
                   introduced_at = ?, updated_at = ? WHERE card_id = ?""",
            (
                row.fsrs_card,
                state,
                due,
                last_review,
                min(local["introduced_at"], row.introduced_at),
                row.updated_at,
                row.card_id,
            ),
        )
        counts["states_updated"] += 1


def _merge_drafts(conn: sqlite3.Connection, rows: list[DraftRow], counts: dict[str, int]) -> None:
    for row in rows:
        local = conn.execute(
            "SELECT updated_at FROM code_draft WHERE card_id = ?", (row.card_id,)
        ).fetchone()
        if local is None:
            conn.execute(
                "INSERT INTO code_draft (card_id, text, updated_at) VALUES (?, ?, ?)",
                (row.card_id, row.text, row.updated_at),
            )
            counts["drafts_added"] += 1
        elif row.updated_at > local["updated_at"]:
            conn.execute(
                "UPDATE code_draft SET text = ?, updated_at = ? WHERE card_id = ?",
                (row.text, row.updated_at, row.card_id),
            )
            counts["drafts_updated"] += 1
        else:
            counts["drafts_kept"] += 1
