"""Drill attempts and the hints seen: each graded submission with its verdict, and the
hints a drill's next pass is counted with."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from quiz.store.base import StoreBase, degradable
from quiz.store.clauses import where_clause
from quiz.store.records import Attempt
from quiz.store.timefmt import from_db, to_db

INSERT_ATTEMPT = """INSERT INTO drill_attempt (card_id, status, seed, duration_ms, hints_used,
    verdict, attempted_at, session_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""
"""One graded submission into the log: one made here, or one a backup's merge brings."""
INSERT_HINT = "INSERT INTO hint_seen (card_id, number, seen_at, session_id) VALUES (?, ?, ?, ?)"
"""One hint seen into the log: one shown here, or one a backup's merge brings."""


class DrillLog(StoreBase):
    """Graded drill submissions and the hints shown."""

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
                INSERT_ATTEMPT,
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

    # -- hints seen --------------------------------------------------------------

    @degradable
    def record_hint(
        self, *, card_id: str, number: int, seen_at: datetime, session_id: int | None = None
    ) -> None:
        """Log that hint `number` (1 = the card's first) of a drill was shown, committed at once."""
        with self._write() as conn:
            conn.execute(
                INSERT_HINT,
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
