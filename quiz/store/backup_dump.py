"""The store's rows as the backup's models: `dump` (a whole backup in memory, for small stores
and tests) and the builders the export falls back on for a row its plain writers leave
(`quiz.store.backup_export`), imported only then."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from quiz.store.backup_format import FORMAT, QUERIES, VERSION, drillbit_version
from quiz.store.backup_models import (
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
from quiz.store.store import Store
from quiz.store.timefmt import from_db


def _state_row(r: Mapping[str, Any]) -> CardStateRow:
    return CardStateRow.model_construct(
        card_id=r["card_id"],
        fsrs_card=r["fsrs_card"],
        introduced_at=from_db(r["introduced_at"]),
        updated_at=from_db(r["updated_at"]),
    )


def _session_row(r: Mapping[str, Any]) -> SessionRow:
    return SessionRow.model_construct(
        id=r["number"],
        mode=r["mode"],
        started_at=from_db(r["started_at"]),
        ended_at=from_db(r["ended_at"]) if r["ended_at"] else None,
        filters=json.loads(r["filters"] or "{}"),
    )


def _review_row(r: Mapping[str, Any]) -> ReviewRow:
    return ReviewRow.model_construct(
        card_id=r["card_id"],
        rating=r["rating"],
        correct=bool(r["correct"]),
        reviewed_at=from_db(r["reviewed_at"]),
        duration_ms=r["duration_ms"],
        mode=r["mode"],
        state_before=r["state_before"],
        card_before=r["card_before"],
        card_after=r["card_after"],
        session=r["number"],
    )


def _attempt_row(r: Mapping[str, Any]) -> AttemptRow:
    return AttemptRow.model_construct(
        card_id=r["card_id"],
        status=r["status"],
        seed=r["seed"],
        duration_ms=r["duration_ms"],
        hints_used=r["hints_used"],
        verdict=r["verdict"],
        attempted_at=from_db(r["attempted_at"]),
        session=r["number"],
    )


def _draft_row(r: Mapping[str, Any]) -> DraftRow:
    return DraftRow.model_construct(
        card_id=r["card_id"], text=r["text"], updated_at=from_db(r["updated_at"])
    )


def _flag_row(r: Mapping[str, Any]) -> FlagRow:
    return FlagRow.model_construct(
        card_id=r["card_id"],
        suspended=bool(r["suspended"]),
        buried_until=from_db(r["buried_until"]) if r["buried_until"] else None,
        updated_at=from_db(r["updated_at"]),
    )


def _hint_row(r: Mapping[str, Any]) -> HintRow:
    return HintRow.model_construct(
        card_id=r["card_id"], number=r["hint"], seen_at=from_db(r["seen_at"]), session=r["number"]
    )


def plan_row(conn: sqlite3.Connection) -> PlanRow | None:
    r = conn.execute("SELECT * FROM interview_plan").fetchone()
    if r is None:
        return None
    return PlanRow.model_construct(
        interview=date.fromisoformat(r["interview"]),
        minutes_per_day=float(r["minutes_per_day"]),
        target=float(r["target"]),
        created_at=from_db(r["created_at"]),
    )


ROW_BUILDERS: dict[str, Callable[[Mapping[str, Any]], Row]] = {
    "card_states": _state_row,
    "sessions": _session_row,
    "reviews": _review_row,
    "attempts": _attempt_row,
    "drafts": _draft_row,
    "card_flags": _flag_row,
    "hints_seen": _hint_row,
}


def dump(store: Store, *, now: datetime | None = None) -> ProgressFile:
    """Everything in the store as one consistent snapshot (a single read transaction).

    The whole history in memory: for a look at a small store (tests); `export_progress`
    writes a file row by row instead.
    """
    moment = now if now is not None else datetime.now(UTC)
    # Rows come from the store itself: built without re-validation (no future-date
    # check against this clock, no re-parsing of every fsrs JSON).
    with store.read_transaction() as conn:
        lists: dict[str, Any] = {
            key: [ROW_BUILDERS[key](r) for r in conn.execute(query)]
            for key, query in QUERIES.items()
        }
        plan = plan_row(conn)
    return ProgressFile.model_construct(
        format=FORMAT,
        version=VERSION,
        exported_at=moment,
        drillbit_version=drillbit_version(),
        plan=plan,
        **lists,
    )
