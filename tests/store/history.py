"""A review history whose rows can be found in the file's bytes, for the damage tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from quiz.store import Store

PAGE = 4096


def write_marked_history(path: Path, now: datetime, total: int = 400) -> None:
    """`total` reviews, each carrying a `payload-NNNN` marker, checkpointed into the file."""
    with Store.open(path, now=now) as store:
        for i in range(total):
            store.record_review(
                card_id=f"card-{i:04d}",
                rating=1 + i % 4,
                correct=i % 2 == 0,
                reviewed_at=now,
                mode="cram",
                duration_ms=i,
                card_before=f'{{"row": "payload-{i:04d}", "pad": "{"p" * 120}"}}',
            )
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
