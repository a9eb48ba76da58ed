"""What stats and Home count, answered in SQL: retention, tallies per card, lapses, reviews
per quarter hour, the drills attempted and passed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from quiz.store.base import StoreBase
from quiz.store.clauses import id_batches, where_clause
from quiz.store.records import ReviewTally
from quiz.store.timefmt import from_db, to_db

_LAPSE = "state_before = 2 AND rating = 1 AND mode = 'due'"
"""A lapse, as Anki counts one: a due-session Again to a card in fsrs review state."""


class Tallies(StoreBase):
    """The counts stats and Home ask for."""

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
