"""What a person left half done: a drill's code draft, a study card's half-typed answer."""

from __future__ import annotations

from datetime import datetime

from quiz.store.base import StoreBase, degradable
from quiz.store.records import Draft
from quiz.store.timefmt import from_db, to_db


class Drafts(StoreBase):
    """Drill drafts and half-typed answers, kept until done."""

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

    # -- answers half typed on study cards ---------------------------------------

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
