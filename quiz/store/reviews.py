"""The review log and study sessions: each answer recorded with its card's new schedule in
one transaction, taken back exactly, and read back (by card, time, mode, session)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import cast

from quiz.store.base import StoreBase, degradable
from quiz.store.clauses import where_clause
from quiz.store.errors import ChangedSinceError, StoreError
from quiz.store.records import MODES, Elsewhere, Mode, Review
from quiz.store.schedules import fsrs_columns
from quiz.store.timefmt import from_db, to_db

CHANGED_ELSEWHERE_SQL = (
    "SELECT 0, card_id, MAX(reviewed_at) FROM review_log WHERE reviewed_at >= ? AND +id > ?"
    " AND mode = 'due' AND (session_id IS NULL OR session_id != ?) GROUP BY +card_id"
    " UNION ALL SELECT 1 + suspended, card_id, NULL FROM card_flag"
    " WHERE updated_at >= ? AND (suspended = 1 OR buried_until > ?)"
)
"""`Store.changed_elsewhere`, asked at every card a due session shows. `+card_id` keeps
SQLite off the (card_id, correct) index for the grouping: it scanned the whole log in card
order (0.4 to 0.8 s on the heavy home's 210,000 reviews) instead of seeking the session's
few minutes by time (`review_log_time`, microseconds). `+id` keeps it there too: the id
bound (the log's last id when the session began) only filters what the time seek finds."""

INSERT_REVIEW = """INSERT INTO review_log (card_id, rating, correct, reviewed_at, duration_ms,
    mode, state_before, card_before, card_after, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
"""One answer into the log: a review recorded here, or one a backup's merge brings."""


class ReviewLog(StoreBase):
    """Answers and the sessions they were given in."""

    @degradable
    def record_review(
        self,
        *,
        card_id: str,
        rating: int,
        correct: bool,
        reviewed_at: datetime,
        mode: Mode,
        duration_ms: int | None = None,
        state_before: int | None = None,
        card_before: str | None = None,
        card_after: str | None = None,
        session_id: int | None = None,
    ) -> Review:
        """Log one answer and, when `card_after` is given, save the card's new fsrs state.

        Both happen in one committed transaction: once this returns, the answer survives
        a killed process.
        """
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        with self._write() as conn:
            return _insert_review(
                conn,
                card_id=card_id,
                rating=rating,
                correct=correct,
                reviewed_at=reviewed_at,
                mode=mode,
                duration_ms=duration_ms,
                state_before=state_before,
                card_before=card_before,
                card_after=card_after,
                session_id=session_id,
            )

    @degradable
    def record_scheduled_review(
        self,
        *,
        card_id: str,
        rating: int,
        correct: bool,
        reviewed_at: datetime,
        mode: Mode,
        reschedule: Callable[[str | None], str | None],
        duration_ms: int | None = None,
        session_id: int | None = None,
    ) -> Review:
        """Read the card's saved fsrs state, compute the next one and log the answer atomically.

        `reschedule(card_before)` gets the saved fsrs Card JSON (None for a new card) and
        returns the new one (None leaves the schedule untouched). Reading, computing and
        writing happen inside one BEGIN IMMEDIATE transaction, so another process
        reviewing the same card waits instead of overwriting this step with a stale state.
        """
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        with self._write() as conn:
            row = conn.execute(
                "SELECT fsrs_card, state FROM card_state WHERE card_id = ?", (card_id,)
            ).fetchone()
            card_before = None if row is None else str(row["fsrs_card"])
            return _insert_review(
                conn,
                card_id=card_id,
                rating=rating,
                correct=correct,
                reviewed_at=reviewed_at,
                mode=mode,
                duration_ms=duration_ms,
                state_before=None if row is None else int(row["state"]),
                card_before=card_before,
                card_after=reschedule(card_before),
                session_id=session_id,
            )

    @degradable
    def undo_review(self, review_id: int, *, now: datetime) -> Review:
        """Remove a review and put the card back to its exact previous fsrs state.

        Refuses (StoreError) when a later review has since changed the card, because
        restoring an older state would silently drop that later answer.
        """
        with self._write() as conn:
            row = conn.execute("SELECT * FROM review_log WHERE id = ?", (review_id,)).fetchone()
            if row is None:
                raise StoreError(f"no review with id {review_id}")
            review = _review(row)
            if review.card_after is not None:
                current = conn.execute(
                    "SELECT fsrs_card FROM card_state WHERE card_id = ?", (review.card_id,)
                ).fetchone()
                if current is None or current["fsrs_card"] != review.card_after:
                    raise ChangedSinceError(
                        f"review {review_id} of {review.card_id} is not the card's latest; "
                        "undo the later reviews first"
                    )
                if review.card_before is None:
                    conn.execute("DELETE FROM card_state WHERE card_id = ?", (review.card_id,))
                else:
                    state, due, last_review = fsrs_columns(review.card_before)
                    conn.execute(
                        """UPDATE card_state SET fsrs_card = ?, state = ?, due = ?,
                               last_review = ?, updated_at = ?
                           WHERE card_id = ?""",
                        (review.card_before, state, due, last_review, to_db(now), review.card_id),
                    )
            conn.execute("DELETE FROM review_log WHERE id = ?", (review_id,))
        return review

    def review(self, review_id: int) -> Review | None:
        """One review by id."""
        rows = self._read("SELECT * FROM review_log WHERE id = ?", (review_id,))
        return _review(rows[0]) if rows else None

    def reviews(
        self,
        *,
        card_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        mode: Mode | None = None,
        session_id: int | None = None,
    ) -> list[Review]:
        """Reviews in time order, optionally narrowed (cards no longer in content included);
        `since` and `until` bound `reviewed_at` (from `since`, before `until`)."""
        where, params = where_clause(
            ("card_id = ?", card_id),
            ("reviewed_at >= ?", None if since is None else to_db(since)),
            ("reviewed_at < ?", None if until is None else to_db(until)),
            ("mode = ?", mode),
            ("session_id = ?", session_id),
        )
        rows = self._read(f"SELECT * FROM review_log{where} ORDER BY reviewed_at, id", params)
        return [_review(row) for row in rows]

    def changed_elsewhere(
        self, since: datetime, session_id: int, now: datetime, *, after_id: int = 0
    ) -> Elsewhere:
        """What a session asks before it shows a card, in one query: the cards answered in
        due mode from `since` on outside session `session_id` (another drillbit's session,
        or none) and logged after review `after_id` (`last_review_id` at the session's
        start), and the cards suspended, or buried past `now`, by a flag set from `since`
        on (the session's own set-asides are among them: it no longer queues those).

        The id bound is what a clock set back (NTP, a VM resumed) cannot move: the answers
        of a session an hour "later" by the old clock read as answered in another drillbit
        meanwhile, and the card in its step was taken out of the queue with that note."""
        rows = self._read(
            CHANGED_ELSEWHERE_SQL,
            (to_db(since), after_id, session_id, to_db(since), to_db(now)),
            plain=True,
        )
        answered: dict[str, datetime] = {}
        hidden: dict[str, bool] = {}
        for kind, card_id, at in rows:
            if kind == 0:
                answered[card_id] = from_db(at)
            else:
                hidden[card_id] = kind == 2
        return Elsewhere(answered, hidden)

    def last_review_at(self) -> datetime | None:
        """When the last answer of any mode was logged (None before the first): one seek
        of the time index, what Home asks once to say how long the person was away."""
        rows = self._read("SELECT MAX(reviewed_at) FROM review_log", plain=True)
        return from_db(rows[0][0]) if rows and rows[0][0] else None

    def last_review_id(self) -> int:
        """The id of the last answer logged (0 before the first): ids only grow (the log's
        AUTOINCREMENT never reuses one, not even an undone answer's), whatever the clock."""
        rows = self._read("SELECT MAX(id) FROM review_log", plain=True)
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def review_count(self) -> int:
        """Total number of logged reviews."""
        return int(self._read("SELECT COUNT(*) AS n FROM review_log")[0]["n"])

    # -- sessions ----------------------------------------------------------------

    @degradable
    def start_session(
        self, *, mode: Mode, started_at: datetime, filters: Mapping[str, object] | None = None
    ) -> int:
        """Record the start of a study session; returns its id for reviews to point at."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO study_session (mode, started_at, filters) VALUES (?, ?, ?)",
                (mode, to_db(started_at), json.dumps(dict(filters or {}), sort_keys=True)),
            )
            return cast(int, cursor.lastrowid)

    @degradable
    def end_session(self, session_id: int, *, ended_at: datetime) -> None:
        """Record when a session ended."""
        with self._write() as conn:
            conn.execute(
                "UPDATE study_session SET ended_at = ? WHERE id = ?",
                (to_db(ended_at), session_id),
            )

    def session_ends(self, since: datetime | None = None) -> dict[int, datetime | None]:
        """When each session started at or after `since` ended (None: not ended), by id."""
        where, params = where_clause(("started_at >= ?", None if since is None else to_db(since)))
        rows = self._read(f"SELECT id, ended_at FROM study_session{where}", params)
        return {
            int(row["id"]): from_db(row["ended_at"]) if row["ended_at"] else None for row in rows
        }


def _insert_review(
    conn: sqlite3.Connection,
    *,
    card_id: str,
    rating: int,
    correct: bool,
    reviewed_at: datetime,
    mode: Mode,
    duration_ms: int | None,
    state_before: int | None,
    card_before: str | None,
    card_after: str | None,
    session_id: int | None,
) -> Review:
    """Insert a review and upsert the card's state, inside the caller's transaction."""
    cursor = conn.execute(
        INSERT_REVIEW,
        (
            card_id,
            int(rating),
            int(bool(correct)),
            to_db(reviewed_at),
            duration_ms,
            mode,
            state_before,
            card_before,
            card_after,
            session_id,
        ),
    )
    review_id = cast(int, cursor.lastrowid)
    if card_after is not None:
        state, due, last_review = fsrs_columns(card_after)
        conn.execute(
            """INSERT INTO card_state (card_id, fsrs_card, state, due, last_review,
                   introduced_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (card_id) DO UPDATE SET fsrs_card = excluded.fsrs_card,
                   state = excluded.state, due = excluded.due,
                   last_review = excluded.last_review,
                   updated_at = excluded.updated_at""",
            (
                card_id,
                card_after,
                state,
                due,
                last_review,
                to_db(reviewed_at),
                to_db(reviewed_at),
            ),
        )
    row = conn.execute("SELECT * FROM review_log WHERE id = ?", (review_id,)).fetchone()
    return _review(row)


def _review(row: sqlite3.Row) -> Review:
    return Review(
        id=int(row["id"]),
        card_id=row["card_id"],
        rating=int(row["rating"]),
        correct=bool(row["correct"]),
        reviewed_at=from_db(row["reviewed_at"]),
        duration_ms=row["duration_ms"],
        mode=row["mode"],
        state_before=row["state_before"],
        card_before=row["card_before"],
        card_after=row["card_after"],
        session_id=row["session_id"],
    )
