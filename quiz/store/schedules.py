"""Card schedules: each card's saved fsrs state, and the reads of its columns the counts,
the card browser and the forecast make (`card_state`'s state and due, kept beside the JSON
by `fsrs_columns`)."""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from quiz.store.base import StoreBase
from quiz.store.clauses import id_batches, where_clause
from quiz.store.records import CardState
from quiz.store.timefmt import from_db, to_db

if TYPE_CHECKING:
    from fsrs import Card


class Schedules(StoreBase):
    """The cards' saved schedules."""

    def card_state(self, card_id: str) -> CardState | None:
        """The saved state of one card, or None when it was never scheduled (new)."""
        rows = self._read("SELECT * FROM card_state WHERE card_id = ?", (card_id,))
        return _card_state(rows[0]) if rows else None

    def card_states(self, card_ids: Iterable[str] | None = None) -> dict[str, CardState]:
        """Saved states by card id (in id order): all of them, or only those of `card_ids`.

        Kept as `schedule_columns` is: the same database gives the records read before,
        and a changed one (a rating) reads the rows again but makes a record only of a row
        that differs from the one kept. An interview plan reads every state at each Home
        recount and session start; parsing their four times was 50 ms of CPU of a heavy
        home's 10,000 cards, after every answer. What is kept, rows and records, is about
        10 MB there, and only once a plan has asked for it (the plan's reads alone call it)."""
        with self._lock:
            key = self._columns_key()  # before the read: a commit during it reads again
            kept = self._states
            if key is not None and kept is not None and kept[0] == key:
                made = kept[1]
            else:
                made = self._states_read_again(key, kept)
        if card_ids is None:
            return {card_id: state for card_id, (_, state) in made.items()}
        return {cid: made[cid][1] for cid in card_ids if cid in made}

    def _states_read_again(
        self, key: object, kept: tuple[object, _KeptStates, int | None] | None
    ) -> _KeptStates:
        """`card_states`' rows after a change: only the rows of the cards this store's own
        writes named since the kept read (`_state_writes`), else every row. An unchanged
        row keeps its record either way. Kept under `key` with the write log's mark."""
        before: _KeptStates = {} if kept is None else kept[1]
        named = None if key is None or kept is None else self._state_writes(key, kept)
        mark: int | None
        if named is not None and len(named[1]) <= max(FEW_WRITTEN, len(before) // 4):
            mark, written = named
            made = dict(before)
            rows: list[tuple[Any, ...]] = []
            for where, params in id_batches(sorted(written)):
                rows += self._read(
                    f"SELECT {_STATE_COLUMNS} FROM card_state WHERE 1{where}", params, plain=True
                )
            fresh = {row[0]: row for row in rows}
            grew = False
            for card_id in written:
                row = fresh.get(card_id)
                old = made.get(card_id)
                if row is None:
                    made.pop(card_id, None)  # deleted: forgotten, or undone to new
                elif old is None or old[0] != row:
                    grew = grew or old is None
                    made[card_id] = (row, _record(row))  # a card already kept keeps its place
            if grew:  # in id order, as the full read's ORDER BY card_id gives them
                made = dict(sorted(made.items()))
        else:
            mark = self._state_log_mark()  # before the read: a write during it is named after
            rows = self._read(
                f"SELECT {_STATE_COLUMNS} FROM card_state ORDER BY card_id", plain=True
            )
            made = {}
            for row in rows:
                old = before.get(row[0])
                made[row[0]] = old if old is not None and old[0] == row else (row, _record(row))
        self._states = None if key is None else (key, made, mark)
        if key is not None and mark is not None:
            self._prune_state_log(mark)
        return made

    def _prune_state_log(self, mark: int) -> None:
        """Drop the log's entries up to `mark`, the kept read's: the next read asks only for
        those after it, so the log holds the writes since the last read, not every write of
        the connection's life (a long TUI session's answers). AUTOINCREMENT never gives a
        dropped number again, so a mark of an emptied log (`MAX` 0) still reads only newer
        writes. Left as it is inside a transaction or when SQLite refuses (the log is only
        bigger then, never wrong)."""
        conn = self._conn
        if conn.in_transaction:
            return
        with contextlib.suppress(sqlite3.Error):
            conn.execute(f"DELETE FROM temp.{STATE_LOG} WHERE seq <= ?", (mark,))

    def _state_writes(
        self, key: object, kept: tuple[object, _KeptStates, int | None]
    ) -> tuple[int, set[str]] | None:
        """The write log's new mark and the cards whose saved state this connection wrote
        since `kept` was read, or None when the log cannot name them all: another
        connection committed (SQLite's `data_version` moved), the connection is another,
        the log was not kept (made inside a transaction) or is gone (a bulk write's
        `temp_store` change drops temporary tables and their triggers), or a transaction
        is open (its writes may yet be rolled back)."""
        before, _, mark = kept
        conn = self._conn
        if (
            mark is None
            or conn.in_transaction
            or not isinstance(key, tuple)
            or not isinstance(before, tuple)
            or before[0] is not key[0]
            or before[2] != key[2]
        ):
            return None
        try:
            rows = conn.execute(
                f"SELECT seq, card_id FROM temp.{STATE_LOG} WHERE seq > ?", (mark,)
            ).fetchall()
        except sqlite3.Error:
            return None
        if not rows:
            return mark, set()
        return max(int(row[0]) for row in rows), {str(row[1]) for row in rows}

    def _state_log_mark(self) -> int | None:
        """The last entry of this connection's log of card_state writes, the log made if it
        is not there (a temporary table filled by temporary triggers on every INSERT, UPDATE
        and DELETE of `card_state` through this connection: an answer, an undo, a forgotten
        card, an import, whatever statement makes them, so no write is left unnamed). None
        when it cannot be kept: inside a transaction (the log's own rows could be rolled
        back) or when SQLite refuses."""
        conn = self._conn
        if conn.in_transaction:
            return None
        try:
            conn.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {STATE_LOG} "
                "(seq INTEGER PRIMARY KEY AUTOINCREMENT, card_id TEXT)"
            )
            for event, names in (
                ("INSERT", ("new",)),
                ("UPDATE", ("old", "new")),
                ("DELETE", ("old",)),
            ):
                logged = " ".join(
                    f"INSERT INTO {STATE_LOG} (card_id) VALUES ({name}.card_id);" for name in names
                )
                conn.execute(
                    f"CREATE TEMP TRIGGER IF NOT EXISTS {STATE_LOG}_{event.lower()} "
                    f"AFTER {event} ON main.card_state BEGIN {logged} END"
                )
            row = conn.execute(f"SELECT COALESCE(MAX(seq), 0) FROM temp.{STATE_LOG}").fetchone()
        except sqlite3.Error:
            return None
        return int(row[0])

    def fsrs_cards(self, card_ids: Iterable[str] | None = None) -> dict[str, Card]:
        """The saved fsrs Cards by card id, parsed (`card_states`' records, in their order).

        Each Card is kept beside the JSON it was parsed from and given again while its
        card's saved JSON is the same: after a rating only the rated card is parsed again
        (an interview plan reads every card's memory at each recount; parsing a heavy
        home's 10,000 took 46 ms of CPU after every answer). The Cards are shared between
        calls: read them, never change them (fsrs's `review_card` works on a copy)."""
        from fsrs import Card

        states = self.card_states(card_ids)
        with self._lock:
            parsed = self._parsed
            made: dict[str, Card] = {}
            for card_id, state in states.items():
                text = state.fsrs_card
                kept = parsed.get(card_id)
                if kept is None or kept[0] != text:
                    kept = parsed[card_id] = (text, Card.from_json(text))
                made[card_id] = kept[1]
        return made

    def introduced_since(self, since: datetime, until: datetime | None = None) -> int:
        """How many cards were scheduled for the first time at or after `since` (and before
        `until`: a day's count leaves out a card dated after its day, by a clock set back)."""
        where, params = where_clause(
            ("introduced_at >= ?", to_db(since)),
            ("introduced_at < ?", None if until is None else to_db(until)),
        )
        rows = self._read(f"SELECT COUNT(*) AS n FROM card_state{where}", params)
        return int(rows[0]["n"])

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

    def commits_elsewhere(self) -> object:
        """What moves when another connection (another drillbit) commits, and only then:
        this connection and SQLite's `data_version`; a write through this store leaves it
        as it was. None when it cannot be told. A due session rebuilds its queue when it
        moved (`Session._refresh`): the other's answers and flags change its day."""
        with self._lock:
            key = self._columns_key()
            return None if not isinstance(key, tuple) else (key[0], key[2])

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


def fsrs_columns(fsrs_card: str) -> tuple[int, str, str | None]:
    """state, due and last_review (store text) out of an fsrs Card JSON, for the query columns.

    Used by every write of a card's state: a review and its undo (`quiz.store.reviews`) and
    the backup's merge (`quiz.store.backup`).
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


STATE_LOG = "drillbit_state_writes"
"""The temporary table (and prefix of its triggers) that names the cards whose saved state
this connection wrote (`Schedules._state_log_mark`)."""

FEW_WRITTEN = 64
"""`card_states` reads again only the rows the write log names while they are at most this
many or a quarter of the rows kept; more (a large undo or reset) read every row."""

_KeptStates = dict[str, tuple[tuple[Any, ...], CardState]]
"""`card_states`' kept read: each card's row beside its record, in id order."""

_STATE_COLUMNS = "card_id, fsrs_card, state, due, last_review, introduced_at, updated_at"
"""`card_state`'s columns in `_record`'s order."""


def _record(row: tuple[Any, ...]) -> CardState:
    card_id, fsrs_card, state, due, last_review, introduced_at, updated_at = row
    return CardState(
        card_id=card_id,
        fsrs_card=fsrs_card,
        state=int(state),
        due=from_db(due),
        last_review=from_db(last_review) if last_review else None,
        introduced_at=from_db(introduced_at),
        updated_at=from_db(updated_at),
    )


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
