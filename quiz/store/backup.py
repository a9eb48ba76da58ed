"""The progress backup's import: a file's rows merged into the store, and the rules of it.

The backup is several modules, one job each: the format (`backup_format`: its name,
version and queries; `backup_models`: the rows as pydantic models, whose JSON Schema is
docs/progress-format.md's table; `backup_values` and `backup_fsrs`: the checks of its
values and fsrs card texts), reading it (`backup_read`: a file streamed row by row and
validated, `backup_safety`: the values no backup holds, `backup_problems`: errors as JSON
paths, `backup_sniff`: a file that is something else), writing it (`backup_export`, with
`backup_lines`; `backup_dump` for a whole backup in memory) and this merge, whose
`MergeReport` is `backup_report`'s.

`import_progress` streams a file through `backup_read` into `_Merger` inside one write
transaction: memory is bounded by the largest row, not the file. A backup is input from
outside: any value that could break the store or a later merge is refused with its JSON
path (`reviews.3.duration_ms`), and nothing is kept unless the whole file is valid (a
problem rolls back the rows merged before it).

Merge rules (one transaction of the store, so a failure changes nothing): reviews are the
same review when (card id, reviewed_at, rating) match, attempts when (card id,
attempted_at, status) match, sessions when (mode, started_at) match, so importing a file
twice adds nothing. For a card's schedule the state with the latest last review wins
(ties keep the local one); for a draft the newest wins. A suspended or buried card (a
`card_flags` row) takes the file's flag when it was set later than this machine's and the
card has not been answered here since (putting a card back into study deletes its flag,
so a later answer is the only trace of that; the file's own reviews do not count, as a
suspended card can be answered and stay suspended); a burial that has ended by the time of
the import is not brought back. A drill hint seen (a `hints_seen` row) is the same
hint when (card id, its number, seen_at) match: both sides' are kept, none twice.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quiz.store.backup_format import FORMAT as FORMAT  # the format's, named here too
from quiz.store.backup_format import VERSION as VERSION
from quiz.store.backup_models import (
    ROW_MODELS,
    AttemptRow,
    CardStateRow,
    DraftRow,
    FlagRow,
    HintRow,
    PlanRow,
    ProgressFile,
    ReviewRow,
    Row,
    SessionRow,
)
from quiz.store.backup_read import MAX_ITEM_BYTES, Sink, file_members, intake, opened
from quiz.store.backup_report import COUNTS, MergeReport
from quiz.store.drills import INSERT_ATTEMPT, INSERT_HINT
from quiz.store.errors import NotSavedError
from quiz.store.flags import UPSERT_FLAG
from quiz.store.migrations import TALLY_FROM_LOG
from quiz.store.plans import write_interview_plan
from quiz.store.records import InterviewPlan
from quiz.store.reviews import INSERT_REVIEW
from quiz.store.schedules import fsrs_columns
from quiz.store.store import Store
from quiz.store.timefmt import to_db

_BATCH = 1000
"""Reviews the import looks up and inserts at a time."""


def import_progress(
    store: Store, path: Path, *, now: datetime | None = None, item_limit: int = MAX_ITEM_BYTES
) -> MergeReport:
    """Merge the backup at `path` into the store (see the module docstring for the rules).

    The file is read once, row by row, each row checked and merged inside one write
    transaction: memory stays bounded whatever the file's size, and a problem anywhere
    (ProgressFormatError) rolls back every row merged before it.
    """
    moment = now if now is not None else datetime.now(UTC)
    if not store.saving:
        raise NotSavedError(f"nothing was imported: {store.not_saved_reason}")
    with opened(path) as source, store.write_transaction(bulk=True) as conn:
        merger = _Merger(conn, moment)
        intake(file_members(source, item_limit), str(path), moment, merger)
    return merger.report()


def merge_progress(
    store: Store, backup: ProgressFile, *, now: datetime | None = None
) -> MergeReport:
    """Merge a validated backup into the store in one transaction (`now`: when burials end).

    NotSavedError, before anything is merged, when the store cannot save (it is an
    in-memory copy of a read-only or full database).
    """
    if not store.saving:
        raise NotSavedError(f"nothing was imported: {store.not_saved_reason}")
    with store.write_transaction(bulk=True) as conn:
        merger = _Merger(conn, now or datetime.now(UTC))
        for key in ROW_MODELS:
            for row in getattr(backup, key):
                merger.add(key, row)
        merger.finish(backup)
    return merger.report()


class _Merger(Sink):
    """Rows merged one at a time into an open write transaction (the module's rules).

    A file's `session` ids are mapped to this database's as its sessions are merged; a
    review or attempt met before its session (a file drillbit does not write, but may be
    given) is stored without one and linked when the file ends. A flag's "answered here
    since" counts only answers this database held before the import (ids up to `known`).
    """

    def __init__(self, conn: sqlite3.Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self.counts: dict[str, int] = dict.fromkeys(COUNTS, 0)
        self.settings: dict[str, Any] = {}
        self.known = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM review_log").fetchone()[0])
        self.latest = str(
            conn.execute("SELECT COALESCE(MAX(reviewed_at), '') FROM review_log").fetchone()[0]
        )
        self.local = {
            (r["mode"], r["started_at"]): int(r["id"])
            for r in conn.execute("SELECT id, mode, started_at FROM study_session")
        }
        self.sessions: dict[int, int] = {}
        self.pending = False
        self.waiting: list[tuple[tuple[Any, ...], bool]] = []
        """Reviews not inserted yet (`_insert_reviews`): each row's values, and whether it
        may be stored already (no later than the latest review when it was met)."""
        self.to_look_up = False
        """Whether any review in `waiting` is to be looked up."""
        self.deferred = _defer_log_upkeep(conn) if self.known == 0 else []
        self._add = {
            "sessions": self._session,
            "reviews": self._review,
            "attempts": self._attempt,
            "card_states": self._state,
            "drafts": self._draft,
            "card_flags": self._flag,
            "hints_seen": self._hint,
        }

    def add(self, key: str, row: Row) -> None:
        if self.waiting and key != "reviews":
            self._insert_reviews()
        self._add[key](row)

    def finish(self, header: ProgressFile) -> None:
        self._insert_reviews()
        if self.pending:
            for table in ("review_log", "drill_attempt", "hint_seen"):
                self.conn.executemany(
                    f"UPDATE {table} SET session_id = ? WHERE id IN "  # noqa: S608 (fixed names)
                    "(SELECT row_id FROM temp.import_unlinked WHERE tab = ? AND file_session = ?)",
                    [(local, table, file_id) for file_id, local in self.sessions.items()],
                )
            self.conn.execute("DROP TABLE temp.import_unlinked")
        if self.deferred:
            _restore_log_upkeep(self.conn, self.deferred)
        _merge_plan(self.conn, header.plan, self.counts)
        if header.settings is not None:
            self.settings = header.settings.model_dump(exclude_unset=True)

    def report(self) -> MergeReport:
        return MergeReport(**self.counts, file_settings=self.settings)

    def _session_of(self, file_session: int | None) -> tuple[int | None, int | None]:
        """This database's id of a row's session (None for no session, or one the file has
        not given yet), and the file's id of a session the row is to be linked to when the
        file ends (`_link_later`), else None: the one look-up of a file's session id, for
        reviews, attempts and hints alike (each looked it up twice, in its own words)."""
        if file_session is None:
            return None, None
        local = self.sessions.get(file_session)
        return local, file_session if local is None else None

    def _link_later(self, table: str, file_session: int, row_id: int) -> None:
        """Note a row stored before its session, to be linked in `finish`."""
        if not self.pending:
            self.conn.execute(
                "CREATE TEMP TABLE import_unlinked (tab TEXT, row_id INTEGER, file_session INTEGER)"
            )
            self.pending = True
        self.conn.execute(
            "INSERT INTO temp.import_unlinked VALUES (?, ?, ?)", (table, row_id, file_session)
        )

    def _session(self, row: Row) -> None:
        assert isinstance(row, SessionRow)
        key = (row.mode, to_db(row.started_at))
        ended = to_db(row.ended_at) if row.ended_at is not None else None
        if key not in self.local:
            cursor = self.conn.execute(
                "INSERT INTO study_session (mode, started_at, ended_at, filters) VALUES (?, ?, ?, ?)",
                (row.mode, key[1], ended, json.dumps(row.filters, sort_keys=True)),
            )
            self.local[key] = int(cursor.lastrowid or 0)
            self.counts["sessions_added"] += 1
        else:
            self.counts["sessions_present"] += 1
            if ended is not None:
                self.conn.execute(
                    "UPDATE study_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                    (ended, self.local[key]),
                )
        self.sessions[row.id] = self.local[key]

    def _review(self, row: Row) -> None:
        assert isinstance(row, ReviewRow)
        at = to_db(row.reviewed_at)
        session, later = self._session_of(row.session)
        values = (
            row.card_id,
            row.rating,
            int(row.correct),
            at,
            row.duration_ms,
            row.mode,
            row.state_before,
            row.card_before,
            row.card_after,
            session,
        )
        if later is not None:
            self._review_alone(values, later)  # its row id links the session later
            return
        # A file's reviews come in time order: one later than every review stored (the
        # greatest text: no stored text equals it) cannot be there; any other is looked
        # up when its batch goes in, with the batch's others (`_insert_reviews`).
        maybe_stored = at <= self.latest
        if not maybe_stored:
            self.latest = at
        self.waiting.append((values, maybe_stored))
        self.to_look_up = self.to_look_up or maybe_stored
        if len(self.waiting) >= _BATCH:
            self._insert_reviews()

    def _review_alone(self, values: tuple[Any, ...], file_session: int) -> None:
        """A review whose session the file names later: looked up and inserted on its own,
        after every review before it, for the row id the session is linked to at the end."""
        self._insert_reviews()
        at = values[3]
        if at <= self.latest and self._stored({(at, values[0], values[1])}):
            self.counts["reviews_present"] += 1
            return
        self.latest = max(self.latest, at)
        cursor = self.conn.execute(INSERT_REVIEW, values)
        self._link_later("review_log", file_session, int(cursor.lastrowid or 0))
        self.counts["reviews_added"] += 1

    def _insert_reviews(self) -> None:
        """The reviews in `waiting` inserted, in their order, by one call
        (a call a review cost the heavy restore about 0.5 s of its 8 s of CPU), but those
        already stored: the batch's look-ups go by one query for all of their times, not one
        each (a heavy user's backup imported again into its own home made 210,000)."""
        if not self.waiting:
            return
        if not self.to_look_up:
            added = [values for values, _ in self.waiting]
        else:
            added = self._unstored(self.waiting)
        self.counts["reviews_added"] += len(added)
        self.counts["reviews_present"] += len(self.waiting) - len(added)
        self.conn.executemany(INSERT_REVIEW, added)
        self.waiting.clear()
        self.to_look_up = False

    def _unstored(self, waiting: list[tuple[tuple[Any, ...], bool]]) -> list[tuple[Any, ...]]:
        """The reviews of `waiting` (values, whether to look it up) not in the log, in their
        order; a repeat of one before it in the batch counts as stored, as it would be."""
        seen = self._stored({(v[3], v[0], v[1]) for v, maybe_stored in waiting if maybe_stored})
        added: list[tuple[Any, ...]] = []
        for values, _ in waiting:
            key = (values[3], values[0], values[1])
            if key not in seen:
                seen.add(key)
                added.append(values)
        return added

    def _stored(self, asked: set[tuple[str, str, int]]) -> set[tuple[str, str, int]]:
        """Which of the reviews `asked` (time, card, rating) the log holds: their times'
        rows read by the time index, a query for up to `_LOOKUP_TIMES` times."""
        found: set[tuple[str, str, int]] = set()
        times = sorted({at for at, _, _ in asked})
        reader = self.conn.cursor()
        reader.row_factory = None  # plain tuples, to compare with the keys asked
        for start in range(0, len(times), _LOOKUP_TIMES):
            chunk = times[start : start + _LOOKUP_TIMES]
            rows = reader.execute(
                "SELECT reviewed_at, card_id, rating FROM review_log"  # noqa: S608 (placeholders)
                f" WHERE reviewed_at IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            found |= asked.intersection(rows)
        return found

    def _attempt(self, row: Row) -> None:
        assert isinstance(row, AttemptRow)
        at = to_db(row.attempted_at)
        self._logged_once(
            "attempts",
            "drill_attempt",
            "SELECT 1 FROM drill_attempt WHERE card_id = ? AND attempted_at = ? AND status = ?",
            (row.card_id, at, row.status),
            INSERT_ATTEMPT,
            (row.card_id, row.status, row.seed, row.duration_ms, row.hints_used, row.verdict, at),
            row.session,
        )

    def _logged_once(
        self,
        counted: str,
        table: str,
        present: str,
        key: tuple[object, ...],
        insert: str,
        values: tuple[object, ...],
        file_session: int | None,
    ) -> None:
        """Add a logged row (a graded attempt, a hint seen) unless `present` finds it by
        `key`: `insert` takes `values` and then the row's session here, and a session the
        file has not given yet is linked when it ends. Counted as `<counted>_present` or
        `<counted>_added`. One step for attempts and hints, because each wrote the same
        look-up, insert, late link and count in its own copy."""
        if self.conn.execute(present, key).fetchone() is not None:
            self.counts[f"{counted}_present"] += 1
            return
        session, later = self._session_of(file_session)
        cursor = self.conn.execute(insert, (*values, session))
        if later is not None:
            self._link_later(table, later, int(cursor.lastrowid or 0))
        self.counts[f"{counted}_added"] += 1

    def _state(self, row: Row) -> None:
        assert isinstance(row, CardStateRow)
        _merge_state(self.conn, row, self.counts)

    def _draft(self, row: Row) -> None:
        assert isinstance(row, DraftRow)
        _merge_draft(self.conn, row, self.counts)

    def _flag(self, row: Row) -> None:
        assert isinstance(row, FlagRow)
        answered = ""
        if self.known:  # none answered here before: the log's card indexes may be deferred
            found = self.conn.execute(
                "SELECT MAX(reviewed_at) AS at FROM review_log WHERE card_id = ? AND id <= ?",
                (row.card_id, self.known),
            ).fetchone()
            answered = str(found["at"]) if found is not None and found["at"] is not None else ""
        _merge_flag(self.conn, row, answered, self.now, self.counts)

    def _hint(self, row: Row) -> None:
        assert isinstance(row, HintRow)
        at = to_db(row.seen_at)
        self._logged_once(
            "hints",
            "hint_seen",
            "SELECT 1 FROM hint_seen WHERE card_id = ? AND seen_at = ? AND number = ?",
            (row.card_id, at, row.number),
            INSERT_HINT,
            (row.card_id, row.number, at),
            row.session,
        )


_LOOKUP_TIMES = 500
"""Review times asked per look-up query: under SQLite's oldest limit of 999 parameters."""

_KEPT_INDEX = "review_log_time"
"""The one index of review_log the merge reads while it inserts (a review's look-up)."""


def _defer_log_upkeep(conn: sqlite3.Connection) -> list[str]:
    """Drop review_log's other indexes and its tally's insert trigger; their SQL, to re-make.

    Only for a log empty at the start (a restore into a new home): inserting each review
    into the indexes led by card or state (in time order, so at random places) and upserting its
    card's tally cost more than half the merge of a heavy backup; building each index once
    by a sort, and the tally by one GROUP BY, at the end costs a fraction of that. All of it
    inside the import's transaction: a refused file or a kill rolls the schema back too.
    """
    found = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'review_log' "
        "AND sql IS NOT NULL AND ((type = 'index' AND name != ?) "
        "OR (type = 'trigger' AND name = 'review_tally_insert')) ORDER BY type, name",
        (_KEPT_INDEX,),
    ).fetchall()
    for kind, name, _ in found:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    return [str(sql) for _, _, sql in found]


def _restore_log_upkeep(conn: sqlite3.Connection, statements: list[str]) -> None:
    """`_defer_log_upkeep` undone: every tally counted from the log (all of it the file's:
    it was empty), as the trigger would have left it, then the indexes and trigger made again.

    The tallies first: with the card indexes back, SQLite groups by walking
    `review_log_card_correct` and reads each review's row from the table at the index's
    order, every row at a random place (0.37 s on a heavy user's 210,000 reviews); without
    them it reads the table once in its order and sorts the small keys (0.15 s).
    """
    conn.execute("DELETE FROM review_tally")
    conn.execute(TALLY_FROM_LOG)
    for statement in statements:
        conn.execute(statement)


def _merge_state(conn: sqlite3.Connection, row: CardStateRow, counts: dict[str, int]) -> None:
    state, due, last_review = fsrs_columns(row.fsrs_card)
    local = conn.execute(
        "SELECT fsrs_card, introduced_at FROM card_state WHERE card_id = ?", (row.card_id,)
    ).fetchone()
    introduced, updated = to_db(row.introduced_at), to_db(row.updated_at)
    if local is None:
        conn.execute(
            """INSERT INTO card_state (card_id, fsrs_card, state, due, last_review,
                   introduced_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (row.card_id, row.fsrs_card, state, due, last_review, introduced, updated),
        )
        counts["states_added"] += 1
        return
    if _same_card(local["fsrs_card"], row.fsrs_card):
        counts["states_same"] += 1
        return
    local_last = fsrs_columns(local["fsrs_card"])[2]
    if local_last is not None and (last_review is None or last_review < local_last):
        counts["states_kept"] += 1
        return
    if last_review == local_last:  # the same moment (or never reviewed): ties keep ours
        counts["states_tied"] += 1
        return
    conn.execute(
        """UPDATE card_state SET fsrs_card = ?, state = ?, due = ?, last_review = ?,
               introduced_at = ?, updated_at = ? WHERE card_id = ?""",
        (
            row.fsrs_card,
            state,
            due,
            last_review,
            min(local["introduced_at"], introduced),
            updated,
            row.card_id,
        ),
    )
    counts["states_updated"] += 1


def _same_card(local: str, theirs: str) -> bool:
    """Whether two fsrs card JSON texts hold the same schedule (key order aside)."""
    return local == theirs or json.loads(local) == json.loads(theirs)


def _merge_draft(conn: sqlite3.Connection, row: DraftRow, counts: dict[str, int]) -> None:
    updated = to_db(row.updated_at)
    local = conn.execute(
        "SELECT text, updated_at FROM code_draft WHERE card_id = ?", (row.card_id,)
    ).fetchone()
    if local is None:
        conn.execute(
            "INSERT INTO code_draft (card_id, text, updated_at) VALUES (?, ?, ?)",
            (row.card_id, row.text, updated),
        )
        counts["drafts_added"] += 1
    elif local["text"] == row.text:  # the same code: only its later time is taken
        if updated > local["updated_at"]:
            conn.execute(
                "UPDATE code_draft SET updated_at = ? WHERE card_id = ?",
                (updated, row.card_id),
            )
        counts["drafts_same"] += 1
    elif updated > local["updated_at"]:
        conn.execute(
            # another machine's code: no longer the file graded here (`graded_from`)
            "UPDATE code_draft SET text = ?, updated_at = ?, graded_from = NULL WHERE card_id = ?",
            (row.text, updated, row.card_id),
        )
        counts["drafts_updated"] += 1
    elif updated == local["updated_at"]:
        counts["drafts_tied"] += 1
    else:
        counts["drafts_kept"] += 1


def _merge_plan(conn: sqlite3.Connection, row: PlanRow | None, counts: dict[str, int]) -> None:
    """The plan set last wins; a file without one leaves this machine's plan alone."""
    if row is None:
        return
    local = conn.execute(
        "SELECT interview, minutes_per_day, target, created_at FROM interview_plan WHERE id = 1"
    ).fetchone()
    if local is not None and to_db(row.created_at) <= local["created_at"]:
        same = (
            to_db(row.created_at) == local["created_at"]
            and row.interview.isoformat() == local["interview"]
            and row.minutes_per_day == float(local["minutes_per_day"])
            and row.target == float(local["target"])
        )
        counts["plan_same" if same else "plan_kept"] = 1
        return
    write_interview_plan(
        conn,
        InterviewPlan(
            interview=row.interview,
            minutes_per_day=row.minutes_per_day,
            target=row.target,
            created_at=row.created_at,
        ),
    )
    counts["plan_replaced"] = 1


def _merge_flag(
    conn: sqlite3.Connection,
    row: FlagRow,
    answered: str,
    now: datetime,
    counts: dict[str, int],
) -> None:
    """The flag set last wins, unless the card was answered here after it (it was put back
    into study here; `answered`: this database's latest answers from before the merge); a
    burial already over is dropped, so it never hides a card again."""
    buried = row.buried_until if row.buried_until is not None and row.buried_until > now else None
    updated = to_db(row.updated_at)
    local = conn.execute(
        "SELECT suspended, buried_until, updated_at FROM card_flag WHERE card_id = ?",
        (row.card_id,),
    ).fetchone()
    if (
        local is not None
        and local["updated_at"] == updated
        and bool(local["suspended"]) == row.suspended
        and local["buried_until"] == (None if buried is None else to_db(buried))
    ):
        counts["flags_same"] += 1
        return
    answered_since = answered > updated
    if (
        (not row.suspended and buried is None)
        or answered_since
        or (local is not None and updated <= local["updated_at"])
    ):
        counts["flags_kept"] += 1
        return
    conn.execute(
        UPSERT_FLAG,
        (row.card_id, int(row.suspended), None if buried is None else to_db(buried), updated),
    )
    counts["flags_updated" if local is not None else "flags_added"] += 1
