"""The SQLite store: every answer, attempt and draft, committed the moment it is given.

Durability: WAL journal with `synchronous=FULL`. With WAL, NORMAL already survives a
killed process (kill -9) because committed frames sit in the WAL file; FULL also fsyncs
the WAL on every commit so an OS crash or power cut keeps them too. Writes here are one
small transaction per answer, so the extra fsync costs nothing a person can notice.

Thread-safety: one connection (`check_same_thread=False`) guarded by one re-entrant lock;
every public method takes the lock, so the TUI may call a Store from the UI thread and
from worker threads alike. Each write method is its own transaction. Do not share one
Store across processes: open one per process (SQLite's file locks then apply); a
read-modify-write (a review's rescheduling) happens inside one BEGIN IMMEDIATE, so
processes serialize on it instead of overwriting each other.

Unwritable disks: a database that cannot be written at open (read-only folder or file
system, full disk) is opened as an in-memory copy (`saving` is False, a notice says so).
A write that fails later is rolled back and raises NotSavedError; the app instead asks
the store to go on in memory (`keep_going_in_memory`) and tells the person.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, cast

from quiz.store.base import StoreBase, degradable
from quiz.store.clauses import id_batches, where_clause
from quiz.store.errors import ChangedSinceError, StoreError
from quiz.store.records import (
    MODES,
    Attempt,
    CardFlag,
    CardState,
    Draft,
    Elsewhere,
    InterviewPlan,
    Mode,
    Review,
    ReviewTally,
)
from quiz.store.timefmt import from_db, to_db

CHANGED_ELSEWHERE_SQL = (
    "SELECT 0, card_id, MAX(reviewed_at) FROM review_log WHERE reviewed_at >= ?"
    " AND mode = 'due' AND (session_id IS NULL OR session_id != ?) GROUP BY +card_id"
    " UNION ALL SELECT 1 + suspended, card_id, NULL FROM card_flag"
    " WHERE updated_at >= ? AND (suspended = 1 OR buried_until > ?)"
)
"""`Store.changed_elsewhere`, asked at every card a due session shows. `+card_id` keeps
SQLite off the (card_id, correct) index for the grouping: it scanned the whole log in card
order (0.4 to 0.8 s on the heavy home's 210,000 reviews) instead of seeking the session's
few minutes by time (`review_log_time`, microseconds)."""

_LAPSE = "state_before = 2 AND rating = 1 AND mode = 'due'"
"""A lapse, as Anki counts one: a due-session Again to a card in fsrs review state."""


class Store(StoreBase):
    """drillbit's persistent state. Build with `Store.open`; read `notices` after opening."""

    def card_state(self, card_id: str) -> CardState | None:
        """The saved state of one card, or None when it was never scheduled (new)."""
        rows = self._read("SELECT * FROM card_state WHERE card_id = ?", (card_id,))
        return _card_state(rows[0]) if rows else None

    def card_states(self, card_ids: Iterable[str] | None = None) -> dict[str, CardState]:
        """Saved states by card id: all of them, or only those of `card_ids`."""
        rows = self._read("SELECT * FROM card_state ORDER BY card_id")
        states = {row["card_id"]: _card_state(row) for row in rows}
        if card_ids is None:
            return states
        return {cid: states[cid] for cid in card_ids if cid in states}

    def introduced_since(self, since: datetime, until: datetime | None = None) -> int:
        """How many cards were scheduled for the first time at or after `since` (and before
        `until`: a day's count leaves out a card dated after its day, by a clock set back)."""
        where, params = where_clause(
            ("introduced_at >= ?", to_db(since)),
            ("introduced_at < ?", None if until is None else to_db(until)),
        )
        rows = self._read(f"SELECT COUNT(*) AS n FROM card_state{where}", params)
        return int(rows[0]["n"])

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

    def changed_elsewhere(self, since: datetime, session_id: int, now: datetime) -> Elsewhere:
        """What a session asks before it shows a card, in one query: the cards answered in
        due mode from `since` on outside session `session_id` (another drillbit's session,
        or none), and the cards suspended, or buried past `now`, by a flag set from `since`
        on (the session's own set-asides are among them: it no longer queues those)."""
        rows = self._read(
            CHANGED_ELSEWHERE_SQL,
            (to_db(since), session_id, to_db(since), to_db(now)),
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

    def review_count(self) -> int:
        """Total number of logged reviews."""
        return int(self._read("SELECT COUNT(*) AS n FROM review_log")[0]["n"])

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

    @degradable
    def record_attempt(
        self,
        *,
        card_id: str,
        status: str,
        verdict_json: str,
        attempted_at: datetime,
        seed: int | None = None,
        duration_ms: float | None = None,
        hints_used: int = 0,
        session_id: int | None = None,
    ) -> Attempt:
        """Log one graded submission with its full verdict JSON, committed at once."""
        with self._write() as conn:
            cursor = conn.execute(
                """INSERT INTO drill_attempt (card_id, status, seed, duration_ms, hints_used,
                       verdict, attempted_at, session_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    card_id,
                    status,
                    seed,
                    duration_ms,
                    hints_used,
                    verdict_json,
                    to_db(attempted_at),
                    session_id,
                ),
            )
            row = conn.execute(
                "SELECT * FROM drill_attempt WHERE id = ?", (cursor.lastrowid,)
            ).fetchone()
        return _attempt(row)

    def attempts(
        self, *, card_id: str | None = None, since: datetime | None = None
    ) -> list[Attempt]:
        """Drill attempts in time order, optionally for one card and/or since a time."""
        where, params = where_clause(
            ("card_id = ?", card_id),
            ("attempted_at >= ?", None if since is None else to_db(since)),
        )
        rows = self._read(f"SELECT * FROM drill_attempt{where} ORDER BY attempted_at, id", params)
        return [_attempt(row) for row in rows]

    @degradable
    def record_hint(
        self, *, card_id: str, number: int, seen_at: datetime, session_id: int | None = None
    ) -> None:
        """Log that hint `number` (1 = the card's first) of a drill was shown, committed at once."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO hint_seen (card_id, number, seen_at, session_id) VALUES (?, ?, ?, ?)",
                (card_id, number, to_db(seen_at), session_id),
            )

    def hints_seen(self, card_id: str) -> int:
        """How many of a drill's hints were shown since its last passing attempt (0: none, or
        none since that pass): the hints its next pass is counted with, whichever visit, the
        app or `drillbit hint`, showed them. A pass starts the count again."""
        rows = self._read(
            """SELECT COALESCE(MAX(number), 0) AS n FROM hint_seen WHERE card_id = ?
               AND seen_at > COALESCE((SELECT MAX(attempted_at) FROM drill_attempt
                                       WHERE card_id = ? AND status = 'passed'), '')""",
            (card_id, card_id),
        )
        return int(rows[0]["n"])

    def mature_reviews(self) -> tuple[int, int]:
        """(due-session reviews of cards in fsrs review state, of those the answers other
        than Again): Anki's true retention, whose Agains are the lapses (`_LAPSE`).

        A cram or mock answer is left out, as Anki leaves out a filtered deck's: a card
        crammed minutes after its review was counted as remembered again, and an Again
        there lowered retention though it was no lapse. Counted from the covering index
        `review_log_lapses` (no review row is read; `review_tally` counts every mode), one
        seek per rating: the ratings listed, the index skips the cram and mock entries
        instead of reading past them (half the time on 210,000 reviews)."""
        rows: list[tuple[int, int]] = self._read(
            "SELECT rating, COUNT(*) FROM review_log WHERE state_before = 2"
            " AND rating IN (1, 2, 3, 4) AND mode = 'due' GROUP BY rating",
            plain=True,
        )
        answered = sum(count for _, count in rows)
        return answered, answered - sum(count for rating, count in rows if rating == 1)

    def review_tallies(self) -> dict[str, ReviewTally]:
        """Reviews and correct answers per card (cards no longer in content included)."""
        return {card_id: ReviewTally(n, ok) for card_id, n, ok in self.tally_rows()}

    def tally_rows(self) -> list[tuple[str, int, int]]:
        """`review_tallies` as the plain (card id, reviews, correct) rows, one per card.

        Stats sums them in one pass: building 10,000 named tuples in a dict first was a
        tenth of its aggregate time.
        """
        rows: list[tuple[str, int, int]] = self._read(
            "SELECT card_id, reviews, correct FROM review_tally", plain=True
        )
        return rows

    def lapse_counts(self, card_ids: Sequence[str] | None = None) -> dict[str, int]:
        """Lapses per card, as Anki counts them: due-session Agains to a card in fsrs
        review state (state 2, rating 1); of every card, or only of `card_ids` (the card
        browser's first page). Counted in SQL from the covering index `review_log_lapses`
        alone (migration 8; no review row is read): the card browser read every review for
        this (2.4 s of its 2.8 s to open on a heavy user's 210,000 reviews), then looked up
        each Again's row for its mode and card (36 ms)."""
        found: dict[str, int] = {}
        for where, params in id_batches(card_ids):
            rows: list[tuple[str, int]] = self._read(
                f"SELECT card_id, COUNT(*) FROM review_log WHERE {_LAPSE}{where} GROUP BY card_id",
                params,
                plain=True,
            )
            found.update(rows)
        return found

    def lapse_count(self, card_id: str) -> int:
        """One card's lapses, as `lapse_counts` counts them (the same index, one card)."""
        rows: list[tuple[int]] = self._read(
            f"SELECT COUNT(*) FROM review_log WHERE {_LAPSE} AND card_id = ?",
            (card_id,),
            plain=True,
        )
        return int(rows[0][0])

    def review_buckets(self, since: datetime | None = None) -> list[tuple[datetime, int]]:
        """Review counts per quarter hour (UTC), oldest first; all, or those at/after `since`.

        Every time zone in use is a whole number of quarter hours off UTC, so each bucket
        lies within one local calendar day whatever the zone: callers count days from these
        few thousand rows instead of every review.
        """
        where, params = where_clause(("reviewed_at >= ?", None if since is None else to_db(since)))
        rows = self._read(
            f"""SELECT substr(reviewed_at, 1, 14) AS hour,
                      CAST(substr(reviewed_at, 15, 2) AS INTEGER) / 15 AS quarter,
                      COUNT(*) AS n
               FROM review_log{where} GROUP BY hour, quarter ORDER BY hour, quarter""",
            params,
        )
        return [
            (from_db(f"{r['hour']}{int(r['quarter']) * 15:02d}:00+00:00"), int(r["n"]))
            for r in rows
        ]

    def attempt_cards(self) -> tuple[int, set[str], set[str], set[str]]:
        """(drill attempts, cards attempted, cards with a passed attempt, cards whose every
        passed attempt was made after a hint: the drill list's "passed with hints")."""
        rows = self._read(
            """SELECT card_id, COUNT(*) AS n, MAX(status = 'passed') AS passed,
                      MAX(status = 'passed' AND hints_used = 0) AS clean
               FROM drill_attempt GROUP BY card_id"""
        )
        return (
            sum(int(r["n"]) for r in rows),
            {r["card_id"] for r in rows},
            {r["card_id"] for r in rows if r["passed"]},
            {r["card_id"] for r in rows if r["passed"] and not r["clean"]},
        )

    def schedule_facts(
        self, card_ids: Sequence[str] | None = None
    ) -> dict[str, tuple[int, datetime, float | None]]:
        """Each scheduled card's (fsrs state, due, difficulty) in one read of `card_state`
        (of every card, or only of `card_ids`: the card browser's first page, found by
        the primary key): the card browser's rows. The difficulty (None before a first
        rating) is read from the saved JSON by SQLite where it has JSON functions (3.38 on,
        or JSON1 built in); parsing every JSON in Python was half of a heavy user's rows
        (about 100 ms of CPU for 10,000 cards). Reading the table once for the state and
        due and again for the difficulty was 30 ms of the browser's first frame; once, 20
        (medians of 9 calls each, alternating, on a heavy home)."""
        found: dict[str, tuple[int, datetime, float | None]] = {}
        reads_json = _sqlite_reads_json()
        column = "json_extract(fsrs_card, '$.difficulty')" if reads_json else "fsrs_card"
        for where, params in id_batches(card_ids):
            rows: list[tuple[str, int, str, Any]] = self._read(
                f"SELECT card_id, state, due, {column} FROM card_state WHERE 1{where}",
                params,
                plain=True,
            )
            for card_id, state, due, difficulty in rows:
                if not reads_json:
                    difficulty = json.loads(difficulty)["difficulty"]
                found[card_id] = (int(state), from_db(due), difficulty)
        return found

    def schedule_bounds(self) -> tuple[frozenset[int], datetime | None, datetime | None]:
        """The fsrs states saved cards are in, and the earliest and latest due time (None
        when no card is scheduled): the card browser's first page fits its columns to
        every card by these. Read from the (due, state) index: the two bounds are a seek
        each (in one SELECT, MIN and MAX scan the index), the states a scan of it with no
        row read, about 0.5 ms for a heavy user's 10,000."""
        bounds: list[tuple[str | None, str | None]] = self._read(
            "SELECT (SELECT MIN(due) FROM card_state), (SELECT MAX(due) FROM card_state)",
            plain=True,
        )
        states: list[tuple[int]] = self._read("SELECT DISTINCT state FROM card_state", plain=True)
        earliest, latest = bounds[0]
        return (
            frozenset(int(state) for (state,) in states),
            None if earliest is None else from_db(earliest),
            None if latest is None else from_db(latest),
        )

    def schedule_columns(self) -> Mapping[str, tuple[int, str]]:
        """(fsrs state, due as stored text) by card id: the counts' hot path, nothing parsed.

        The due text is `timefmt.to_db`'s fixed-width UTC form: compared as text with
        `to_db(now)`, it orders as time. Kept until the database changes: Home counts at
        start and the stats screen counts again (10,000 rows, 15-25 ms each time); a write
        through this store, a commit by another connection (SQLite's `data_version`) or
        another connection in its place (the in-memory copy, a replaced file) reads again.
        """
        with self._lock:
            key = self._columns_key()  # before the read: a commit during it reads again
            if key is not None and self._columns is not None and self._columns[0] == key:
                return self._columns[1]
            rows = self._read("SELECT card_id, state, due FROM card_state", plain=True)
            columns = MappingProxyType({card_id: (state, due) for card_id, state, due in rows})
            self._columns = None if key is None else (key, columns)
            return columns

    def version(self) -> object:
        """What identifies the database's content as this store sees it (`_columns_key`):
        equal between two calls when nothing was written in between, through this store or
        another connection; None when it cannot be told (then keep nothing read from it).
        What the app keeps of the interview plan's status is keyed by it."""
        with self._lock:
            return self._columns_key()

    def _columns_key(self) -> object:
        """What identifies the database's content as this store sees it: its connection,
        its own writes, and SQLite's count of other connections' commits. None when the
        count cannot be read (then nothing is kept)."""
        try:
            version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None
        return (self._conn, self._writes, version)

    def due_before(self, moment: datetime) -> list[tuple[str, str]]:
        """(card id, due as stored text) of the cards due before `moment`: the due forecast's
        one read. A scan, not the due index: on a heavy backlog nearly every row matches,
        and the index's lookup of each row took 13 ms for 10,000 cards, the scan 5 ms."""
        return self._read(
            "SELECT card_id, due FROM card_state NOT INDEXED WHERE due < ?",
            (to_db(moment),),
            plain=True,
        )

    def due_times(self) -> dict[str, str]:
        """Due time as stored text by card id (see `schedule_columns`): what a due session
        orders its cards by, built from the rows in C (no tuple per card)."""
        return dict(self._read("SELECT card_id, due FROM card_state", plain=True))

    @degradable
    def set_flag(
        self,
        card_id: str,
        *,
        suspended: bool,
        buried_until: datetime | None,
        now: datetime,
    ) -> None:
        """Suspend or bury a card (or, with neither, put it back into study)."""
        with self._write() as conn:
            if not suspended and buried_until is None:
                conn.execute("DELETE FROM card_flag WHERE card_id = ?", (card_id,))
                return
            conn.execute(
                """INSERT INTO card_flag (card_id, suspended, buried_until, updated_at)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (card_id) DO UPDATE SET suspended = excluded.suspended,
                       buried_until = excluded.buried_until, updated_at = excluded.updated_at""",
                (
                    card_id,
                    int(suspended),
                    None if buried_until is None else to_db(buried_until),
                    to_db(now),
                ),
            )

    @degradable
    def bury(self, card_id: str, *, until: datetime, now: datetime) -> CardFlag:
        """Bury a card until `until`; a suspended card stays suspended (one statement, so
        no other writer can slip between reading the flag and writing it). Returns the flag."""
        with self._write() as conn:
            conn.execute(
                """INSERT INTO card_flag (card_id, suspended, buried_until, updated_at)
                   VALUES (?, 0, ?, ?)
                   ON CONFLICT (card_id) DO UPDATE SET buried_until = excluded.buried_until,
                       updated_at = excluded.updated_at""",
                (card_id, to_db(until), to_db(now)),
            )
            row = conn.execute(
                "SELECT suspended FROM card_flag WHERE card_id = ?", (card_id,)
            ).fetchone()
        return CardFlag(card_id=card_id, suspended=bool(row["suspended"]), buried_until=until)

    def card_flag(self, card_id: str) -> tuple[CardFlag, datetime] | None:
        """One card's flag and when it was set, or None when the card has none."""
        rows = self._read("SELECT * FROM card_flag WHERE card_id = ?", (card_id,))
        if not rows:
            return None
        return _flag_of(rows[0]), from_db(rows[0]["updated_at"])

    @degradable
    def restore_flag(
        self, card_id: str, before: tuple[CardFlag, datetime] | None, *, set_at: datetime
    ) -> bool:
        """Take back a suspend or bury made at `set_at`: the card's flag becomes `before`
        again (as `card_flag` read it just before; None: no flag), set when it was then.

        Refuses (False, nothing changed) when the flag is no longer the one set at
        `set_at` (changed since in the browser or another tab): that later change stays.
        """
        with self._write() as conn:
            row = conn.execute(
                "SELECT updated_at FROM card_flag WHERE card_id = ?", (card_id,)
            ).fetchone()
            if row is None or row["updated_at"] != to_db(set_at):
                return False
            if before is None:
                conn.execute("DELETE FROM card_flag WHERE card_id = ?", (card_id,))
                return True
            flag, updated_at = before
            conn.execute(
                """UPDATE card_flag SET suspended = ?, buried_until = ?, updated_at = ?
                   WHERE card_id = ?""",
                (
                    int(flag.suspended),
                    None if flag.buried_until is None else to_db(flag.buried_until),
                    to_db(updated_at),
                    card_id,
                ),
            )
        return True

    @degradable
    def forget_card(self, card_id: str) -> bool:
        """Reset a card to new: its schedule and flags go, its review history stays.

        True when it had a schedule.
        """
        with self._write() as conn:
            conn.execute("DELETE FROM card_flag WHERE card_id = ?", (card_id,))
            cursor = conn.execute("DELETE FROM card_state WHERE card_id = ?", (card_id,))
            return cursor.rowcount > 0

    def card_flags(self) -> dict[str, CardFlag]:
        """Every suspended or buried card (a burial may have ended: see `hidden_at`)."""
        rows = self._read("SELECT * FROM card_flag")
        return {row["card_id"]: _flag_of(row) for row in rows}

    def flagged_since(self, moment: datetime) -> set[str]:
        """Cards whose suspend or bury was set at or after `moment` (an interview plan's
        day subtracts them from the list it decided at its start)."""
        rows = self._read("SELECT card_id FROM card_flag WHERE updated_at >= ?", (to_db(moment),))
        return {row["card_id"] for row in rows}

    def first_flagged_since(self, moment: datetime) -> datetime | None:
        """When the earliest suspend or bury still on record was set at or after `moment`
        (None without one): an interview plan's day is decided by then."""
        rows = self._read(
            "SELECT MIN(updated_at) FROM card_flag WHERE updated_at >= ?",
            (to_db(moment),),
            plain=True,
        )
        return from_db(rows[0][0]) if rows and rows[0][0] else None

    def hidden_ids(self, now: datetime) -> set[str]:
        """Cards suspended, or buried until later than `now`: no session shows them (as
        `CardFlag.hidden_at` tells one flag). One plain read of the ids, no flag built: a
        due session that began with cards suspended or buried asks it at each card shown."""
        rows = self._read(
            "SELECT card_id FROM card_flag WHERE suspended = 1 OR buried_until > ?",
            (to_db(now),),
            plain=True,
        )
        return {card_id for (card_id,) in rows}

    @degradable
    def save_draft(
        self, card_id: str, text: str, *, updated_at: datetime, graded_from: str | None = None
    ) -> Draft:
        """Save (replace) the draft for a drill; `graded_from`: the file graded into it
        (`drillbit grade`, `watch`), None when the app saves it."""
        with self._write() as conn:
            conn.execute(
                """INSERT INTO code_draft (card_id, text, updated_at, graded_from)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (card_id) DO UPDATE SET text = excluded.text,
                       updated_at = excluded.updated_at, graded_from = excluded.graded_from""",
                (card_id, text, to_db(updated_at), graded_from),
            )
        moment = from_db(to_db(updated_at))
        return Draft(card_id=card_id, text=text, updated_at=moment, graded_from=graded_from)

    def draft(self, card_id: str) -> Draft | None:
        """The saved draft for a drill, or None (start from the starter code)."""
        rows = self._read("SELECT * FROM code_draft WHERE card_id = ?", (card_id,))
        if not rows:
            return None
        row = rows[0]
        return Draft(
            card_id=row["card_id"],
            text=row["text"],
            updated_at=from_db(row["updated_at"]),
            graded_from=row["graded_from"],
        )

    def draft_ids(self) -> set[str]:
        """The drills with a saved draft (their texts are not read)."""
        return {row["card_id"] for row in self._read("SELECT card_id FROM code_draft")}

    @degradable
    def delete_draft(self, card_id: str) -> bool:
        """Forget a draft (reset to starter); True when there was one."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM code_draft WHERE card_id = ?", (card_id,))
            return cursor.rowcount > 0

    @degradable
    def save_typed_answer(self, card_id: str, text: str, *, typed_at: datetime) -> None:
        """Keep (replace) the text left in a card's answer box, committed at once."""
        with self._write() as conn:
            conn.execute(
                """INSERT INTO typed_answer (card_id, text, typed_at) VALUES (?, ?, ?)
                   ON CONFLICT (card_id) DO UPDATE SET text = excluded.text,
                       typed_at = excluded.typed_at""",
                (card_id, text, to_db(typed_at)),
            )

    def typed_answer(self, card_id: str) -> tuple[str, datetime] | None:
        """The text left in a card's answer box and when, or None."""
        rows = self._read("SELECT text, typed_at FROM typed_answer WHERE card_id = ?", (card_id,))
        return None if not rows else (rows[0]["text"], from_db(rows[0]["typed_at"]))

    @degradable
    def delete_typed_answer(self, card_id: str) -> bool:
        """Forget a card's half-typed answer; True when there was one."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM typed_answer WHERE card_id = ?", (card_id,))
            return cursor.rowcount > 0

    def interview_plan(self) -> InterviewPlan | None:
        """The saved interview plan, or None when none is set."""
        rows = self._read("SELECT * FROM interview_plan WHERE id = 1")
        return _interview_plan(rows[0]) if rows else None

    @degradable
    def set_interview_plan(self, plan: InterviewPlan) -> None:
        """Save the plan, replacing any previous one."""
        with self._write() as conn:
            write_interview_plan(conn, plan)

    @degradable
    def clear_interview_plan(self) -> bool:
        """Remove the plan; True when there was one."""
        with self._write() as conn:
            return conn.execute("DELETE FROM interview_plan").rowcount > 0


def write_interview_plan(conn: sqlite3.Connection, plan: InterviewPlan) -> None:
    """Upsert the single plan row inside the caller's transaction (also used by the backup)."""
    conn.execute(
        """INSERT INTO interview_plan (id, interview, minutes_per_day, target, created_at)
           VALUES (1, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET interview = excluded.interview,
               minutes_per_day = excluded.minutes_per_day, target = excluded.target,
               created_at = excluded.created_at""",
        (
            plan.interview.isoformat(),
            float(plan.minutes_per_day),
            float(plan.target),
            to_db(plan.created_at),
        ),
    )


def _interview_plan(row: sqlite3.Row) -> InterviewPlan:
    return InterviewPlan(
        interview=date.fromisoformat(row["interview"]),
        minutes_per_day=float(row["minutes_per_day"]),
        target=float(row["target"]),
        created_at=from_db(row["created_at"]),
    )


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
        """INSERT INTO review_log (card_id, rating, correct, reviewed_at, duration_ms,
               mode, state_before, card_before, card_after, session_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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


def fsrs_columns(fsrs_card: str) -> tuple[int, str, str | None]:
    """state, due and last_review (store text) out of an fsrs Card JSON, for the query columns.

    Used by every write of a card's state, here and in quiz.store.backup's merge.
    """
    data = json.loads(fsrs_card)
    try:
        state = int(data["state"])
        due = to_db(from_db(str(data["due"])))
        last = data.get("last_review")
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not an fsrs Card JSON: {fsrs_card!r}") from error
    return state, due, to_db(from_db(str(last))) if last else None


@functools.cache
def _sqlite_reads_json() -> bool:
    """Whether this SQLite has json_extract (built in since 3.38; JSON1 before that)."""
    try:
        with contextlib.closing(sqlite3.connect(":memory:")) as conn:
            conn.execute("""SELECT json_extract('{"a": 1}', '$.a')""")
    except sqlite3.Error:
        return False
    return True


def _card_state(row: sqlite3.Row) -> CardState:
    return CardState(
        card_id=row["card_id"],
        fsrs_card=row["fsrs_card"],
        state=int(row["state"]),
        due=from_db(row["due"]),
        last_review=from_db(row["last_review"]) if row["last_review"] else None,
        introduced_at=from_db(row["introduced_at"]),
        updated_at=from_db(row["updated_at"]),
    )


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


def _attempt(row: sqlite3.Row) -> Attempt:
    return Attempt(
        id=int(row["id"]),
        card_id=row["card_id"],
        status=row["status"],
        seed=row["seed"],
        duration_ms=row["duration_ms"],
        hints_used=int(row["hints_used"]),
        verdict_json=row["verdict"],
        attempted_at=from_db(row["attempted_at"]),
        session_id=row["session_id"],
    )


def _flag_of(row: sqlite3.Row) -> CardFlag:
    """A card_flag row as the CardFlag it holds."""
    buried = None if row["buried_until"] is None else from_db(row["buried_until"])
    return CardFlag(card_id=row["card_id"], suspended=bool(row["suspended"]), buried_until=buried)
