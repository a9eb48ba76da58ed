"""The pieces of SQL the store's reads share: a WHERE clause from the conditions given, and
card ids named in batches SQLite accepts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

ID_BATCH = 500
"""Card ids a query names at most (`id_batches`): SQLite before 3.32 allows 999 values."""


def id_batches(card_ids: Sequence[str] | None) -> list[tuple[str, tuple[str, ...]]]:
    """An `AND card_id IN (...)` clause and its values for each batch of `card_ids`, or
    one empty clause for every card (None)."""
    if card_ids is None:
        return [("", ())]
    batches = [tuple(card_ids[at : at + ID_BATCH]) for at in range(0, len(card_ids), ID_BATCH)]
    return [(f" AND card_id IN ({', '.join('?' * len(batch))})", batch) for batch in batches]


def where_clause(*conditions: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause (or '') from (condition, value) pairs whose value is not None."""
    used = [(clause, value) for clause, value in conditions if value is not None]
    where = f" WHERE {' AND '.join(clause for clause, _ in used)}" if used else ""
    return where, [value for _, value in used]
