"""A store's own write that moves no schedule (a drill attempt) leaves `card_states` to
read no row again: the write log names no card, and the kept rows stand.

A forty-eighth round mutation audit found it untested: `Schedules._state_writes`
returning None for an empty log (every row read again after each attempt) passed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.scheduling import review_card

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def test_an_attempt_after_a_read_reads_no_schedule_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "drillbit.db"
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open(path, now=NOW) as store:
        for minutes, card_id in enumerate(["relu", "gelu", "softmax"]):
            when = NOW - timedelta(days=1, minutes=minutes)
            review_card(store, scheduler, card_id, Rating.Good, now=when, correct=True)
        first = store.card_states()
        reads: list[str] = []
        real = store._read

        def reading(sql: str, params: object = (), *, plain: bool = False) -> list[object]:
            reads.append(sql)
            return real(sql, params, plain=plain)  # type: ignore[arg-type]

        monkeypatch.setattr(store, "_read", reading)
        store.record_attempt(
            card_id="softmax-drill", status="passed", verdict_json="{}", attempted_at=NOW
        )
        again = store.card_states()
        assert again == first
        assert all(again[card_id] is first[card_id] for card_id in first), "records kept"
        assert not any("FROM card_state" in sql for sql in reads), reads
        review_card(store, scheduler, "relu", Rating.Again, now=NOW, correct=False)
        after = store.card_states()
        assert after["relu"] != first["relu"] and after["gelu"] is first["gelu"]
    with Store.open(path, now=NOW) as cold:
        assert cold.card_states() == after
