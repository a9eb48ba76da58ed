"""Numbered schema migrations, applied in order, each in its own transaction.

Never edit a released migration: add a new one. A database at version N gets
N+1, N+2, ... applied on open; the applied versions are recorded in
`schema_migrations` (and mirrored in `PRAGMA user_version` for sqlite tools).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from quiz.store.timefmt import to_db


@dataclass(frozen=True)
class Migration:
    """One schema step: a version number, a name for humans and its SQL statements."""

    version: int
    name: str
    statements: tuple[str, ...]


_V6_TALLY_ADD = """INSERT INTO review_tally (card_id, reviews, correct, mature, kept)
    VALUES ({row}.card_id, 1, {row}.correct, {row}.state_before IS 2,
            {row}.state_before IS 2 AND {row}.rating != 1)
    ON CONFLICT (card_id) DO UPDATE SET reviews = reviews + 1,
        correct = correct + excluded.correct, mature = mature + excluded.mature,
        kept = kept + excluded.kept;"""
_V6_TALLY_REMOVE = """UPDATE review_tally SET reviews = reviews - 1, correct = correct - {row}.correct,
        mature = mature - ({row}.state_before IS 2),
        kept = kept - ({row}.state_before IS 2 AND {row}.rating != 1)
    WHERE card_id = {row}.card_id;
    DELETE FROM review_tally WHERE card_id = {row}.card_id AND reviews <= 0;"""
_V6_TALLY_FROM_LOG = """INSERT INTO review_tally (card_id, reviews, correct, mature, kept)
               SELECT card_id, COUNT(*), SUM(correct), SUM(state_before IS 2),
                      SUM(state_before IS 2 AND rating != 1)
               FROM review_log GROUP BY card_id"""
"""Version 6's tally, with its `mature` and `kept` columns: as released (a new database
still passes through it), made over by version 12."""

_TALLY_ADD = """INSERT INTO review_tally (card_id, reviews, correct)
    VALUES ({row}.card_id, 1, {row}.correct)
    ON CONFLICT (card_id) DO UPDATE SET reviews = reviews + 1,
        correct = correct + excluded.correct;"""
_TALLY_REMOVE = """UPDATE review_tally SET reviews = reviews - 1, correct = correct - {row}.correct
    WHERE card_id = {row}.card_id;
    DELETE FROM review_tally WHERE card_id = {row}.card_id AND reviews <= 0;"""


TALLY_FROM_LOG = """INSERT INTO review_tally (card_id, reviews, correct)
               SELECT card_id, COUNT(*), SUM(correct) FROM review_log GROUP BY card_id"""
"""Every card's tally counted from the log at once, into an empty `review_tally`: what the
triggers below keep it equal to (a restore into an empty log, which leaves the insert
trigger out while it inserts; `quiz.store.backup`)."""


def _tally_triggers(add: str, remove: str) -> tuple[str, ...]:
    """The three triggers that keep `review_tally` equal to the log through every insert
    (answers, imports, salvage), undo and update."""
    return (
        f"""CREATE TRIGGER review_tally_insert AFTER INSERT ON review_log BEGIN
                {add.format(row="NEW")}
            END""",
        f"""CREATE TRIGGER review_tally_delete AFTER DELETE ON review_log BEGIN
                {remove.format(row="OLD")}
            END""",
        f"""CREATE TRIGGER review_tally_update
                AFTER UPDATE OF card_id, correct, rating, state_before ON review_log BEGIN
                {remove.format(row="OLD")}
                {add.format(row="NEW")}
            END""",
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "initial schema",
        (
            """CREATE TABLE schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )""",
            # The fsrs Card as JSON (Card.to_json), keyed by the content's string id.
            # state/due/last_review are copies of fields inside the JSON, kept for queries.
            """CREATE TABLE card_state (
                card_id TEXT PRIMARY KEY,
                fsrs_card TEXT NOT NULL,
                state INTEGER NOT NULL,
                due TEXT NOT NULL,
                last_review TEXT,
                introduced_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
            # card_before/card_after make undo exact: NULL before = the card was new,
            # NULL after = the schedule was not touched (cram, mock).
            """CREATE TABLE review_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                card_id TEXT NOT NULL,
                rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
                reviewed_at TEXT NOT NULL,
                duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
                mode TEXT NOT NULL CHECK (mode IN ('due', 'cram', 'mock')),
                state_before INTEGER,
                card_before TEXT,
                card_after TEXT
            )""",
            "CREATE INDEX review_log_card ON review_log (card_id)",
            """CREATE TABLE drill_attempt (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                card_id TEXT NOT NULL,
                status TEXT NOT NULL,
                seed INTEGER,
                duration_ms REAL,
                hints_used INTEGER NOT NULL DEFAULT 0 CHECK (hints_used >= 0),
                verdict TEXT NOT NULL,
                attempted_at TEXT NOT NULL
            )""",
            """CREATE TABLE code_draft (
                card_id TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        2,
        "study sessions, session ids on reviews and attempts, time indexes",
        (
            """CREATE TABLE study_session (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                mode TEXT NOT NULL CHECK (mode IN ('due', 'cram', 'mock')),
                started_at TEXT NOT NULL,
                ended_at TEXT,
                filters TEXT NOT NULL DEFAULT '{}'
            )""",
            "ALTER TABLE review_log ADD COLUMN session_id INTEGER"
            " REFERENCES study_session (id) ON DELETE SET NULL",
            "ALTER TABLE drill_attempt ADD COLUMN session_id INTEGER"
            " REFERENCES study_session (id) ON DELETE SET NULL",
            "CREATE INDEX review_log_time ON review_log (reviewed_at)",
            "CREATE INDEX drill_attempt_card ON drill_attempt (card_id, attempted_at)",
        ),
    ),
    Migration(
        3,
        "cards the person suspended or buried",
        (
            # A row exists only while a card is suspended or buried: a suspended card leaves
            # study until unsuspended; a buried one until buried_until (the next day).
            """CREATE TABLE card_flag (
                card_id TEXT PRIMARY KEY,
                suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
                buried_until TEXT,
                updated_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        4,
        "the interview plan",
        (
            # At most one plan: the CHECK pins the only row's id to 1.
            """CREATE TABLE interview_plan (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                interview TEXT NOT NULL,
                minutes_per_day REAL NOT NULL CHECK (minutes_per_day > 0),
                target REAL NOT NULL CHECK (target > 0 AND target < 1),
                created_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        5,
        "indexes for the aggregate queries of stats and Home",
        (
            # Per-card tallies (stats by topic) read only this index, not the table.
            "CREATE INDEX review_log_card_correct ON review_log (card_id, correct)",
            # Retention: reviews of cards that were in review state, by rating.
            "CREATE INDEX review_log_state_rating ON review_log (state_before, rating)",
            # Today's new-card allowance on every Home refresh.
            "CREATE INDEX card_state_introduced ON card_state (introduced_at)",
            # Due counts and due-session queues (state and due are the fsrs columns
            # kept beside the JSON since version 1).
            "CREATE INDEX card_state_due ON card_state (due, state)",
        ),
    ),
    Migration(
        6,
        "per-card review tallies kept by triggers",
        (
            # What stats reads of the whole log, one row per card instead of one per review
            # (a heavy user's 200,000 reviews took 0.1 s to group at every stats). `mature`
            # counts reviews of a card in fsrs review state (state_before 2), `kept` those of
            # them answered other than Again: retention. Triggers keep it equal to the log
            # through every insert (answers, imports, salvage), undo and update.
            """CREATE TABLE review_tally (
                card_id TEXT PRIMARY KEY,
                reviews INTEGER NOT NULL,
                correct INTEGER NOT NULL,
                mature INTEGER NOT NULL,
                kept INTEGER NOT NULL
            ) WITHOUT ROWID""",
            _V6_TALLY_FROM_LOG,
            *_tally_triggers(_V6_TALLY_ADD, _V6_TALLY_REMOVE),
        ),
    ),
    Migration(
        7,
        "where a drill's draft came from",
        (
            # The file `drillbit grade` or `watch` graded into the draft (as the person named
            # it); NULL: typed in the app, and every draft saved before this version.
            "ALTER TABLE code_draft ADD COLUMN graded_from TEXT",
        ),
    ),
    Migration(
        8,
        "the card browser's lapse counts from one covering index",
        (
            # Lapses (due-session Agains to a card in review state, `Store.lapse_counts`)
            # read from the index alone: 8 ms instead of 36 on a heavy user's 210,000
            # reviews, which version 5's (state_before, rating) index made look up every
            # matching row for its mode and card. It replaces that index, whose only reader
            # this was (it holds its columns first), so the log keeps five indexes to update.
            "DROP INDEX review_log_state_rating",
            "CREATE INDEX review_log_lapses ON review_log (state_before, rating, mode, card_id)",
        ),
    ),
    Migration(
        9,
        "the hints of a drill a person saw",
        (
            # One row a hint revealed, in the app or by `drillbit hint`: `number` is its place
            # in the card's list (1 = the first). The hints seen since a drill's last pass
            # make its next pass one "with hints", whichever visit or command showed them.
            """CREATE TABLE hint_seen (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                card_id TEXT NOT NULL,
                number INTEGER NOT NULL CHECK (number >= 1),
                seen_at TEXT NOT NULL,
                session_id INTEGER REFERENCES study_session (id) ON DELETE SET NULL
            )""",
            "CREATE INDEX hint_seen_card ON hint_seen (card_id, seen_at)",
        ),
    ),
    Migration(
        10,
        "one card index on the review log, not two",
        (
            # Version 1's (card_id) index is the leading column of version 5's (card_id,
            # correct): every query of a card's reviews finds them by either, and none needs
            # the one-column index's id order but for a few rows to sort (a flag merge's
            # "answered since"; a card's reviews are sorted by time anyway). Dropped, an
            # answer updates four indexes instead of five (69 -> 48 us of SQLite an insert
            # into a heavy user's 210,000 reviews) and a restore builds one index fewer.
            "DROP INDEX review_log_card",
        ),
    ),
    Migration(
        11,
        "the answer half typed on a study card",
        (
            # One row a card: the text in a numeric card's answer box when the session
            # left the card unanswered (the app quit, escape). The same card shown again
            # that study day opens with it (`quiz.study.typed`); answering forgets it.
            """CREATE TABLE typed_answer (
                card_id TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                typed_at TEXT NOT NULL
            )""",
        ),
    ),
    Migration(
        12,
        "review tallies without the retention columns nothing read",
        (
            # Version 6's `mature` and `kept` (reviews in fsrs review state, and those not
            # Again) were retention's, which has been counted from `review_log_lapses`
            # since: due-session answers only, as Anki's true retention, where the tally
            # counts every mode. Unread, they cost every answer, undo and import two
            # updates in the trigger. The table is made again with its three read columns
            # (copied, not counted again), so any SQLite drops them: DROP COLUMN came in
            # 3.35, and it refuses a column a trigger names.
            "DROP TRIGGER review_tally_insert",
            "DROP TRIGGER review_tally_delete",
            "DROP TRIGGER review_tally_update",
            """CREATE TABLE review_tally_v12 (
                card_id TEXT PRIMARY KEY,
                reviews INTEGER NOT NULL,
                correct INTEGER NOT NULL
            ) WITHOUT ROWID""",
            "INSERT INTO review_tally_v12 (card_id, reviews, correct)"
            " SELECT card_id, reviews, correct FROM review_tally",
            "DROP TABLE review_tally",
            "ALTER TABLE review_tally_v12 RENAME TO review_tally",
            *_tally_triggers(_TALLY_ADD, _TALLY_REMOVE),
        ),
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest applied migration; 0 for an empty database."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if found is None:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(conn: sqlite3.Connection, *, now: datetime, target: int = LATEST_VERSION) -> list[int]:
    """Apply every migration above the current version up to `target`; return those applied.

    `conn` must be in autocommit mode (isolation_level=None): each migration runs
    in its own BEGIN IMMEDIATE ... COMMIT so a failure leaves the previous version intact.
    The version is read again inside each transaction: two processes that open a new
    file at once (two browser tabs of `drillbit serve`) both saw version 0 first, and the
    second, once the first had committed, failed on "table schema_migrations already exists".
    """
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version > target:
            break
        conn.execute("BEGIN IMMEDIATE")
        if schema_version(conn) >= migration.version:
            conn.execute("COMMIT")  # applied already, by this process or another
            continue
        try:
            for statement in migration.statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, to_db(now)),
            )
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite ends it itself on some errors (a full disk)
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")  # what failed is the error to report
            raise
        applied.append(migration.version)
    return applied
