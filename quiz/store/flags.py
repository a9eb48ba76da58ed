"""Suspended and buried cards: a card's flag set, taken back and read, and a card reset to
new."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from quiz.store.base import StoreBase, degradable
from quiz.store.records import CardFlag
from quiz.store.timefmt import from_db, to_db

UPSERT_FLAG = """INSERT INTO card_flag (card_id, suspended, buried_until, updated_at)
    VALUES (?, ?, ?, ?)
    ON CONFLICT (card_id) DO UPDATE SET suspended = excluded.suspended,
        buried_until = excluded.buried_until, updated_at = excluded.updated_at"""
"""A card's flag set, replacing any it had: a suspend or bury here, or a backup's merge."""


class Flags(StoreBase):
    """Cards taken out of study, and cards reset to new."""

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
                UPSERT_FLAG,
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


def _flag_of(row: sqlite3.Row) -> CardFlag:
    """A card_flag row as the CardFlag it holds."""
    buried = None if row["buried_until"] is None else from_db(row["buried_until"])
    return CardFlag(card_id=row["card_id"], suspended=bool(row["suspended"]), buried_until=buried)
