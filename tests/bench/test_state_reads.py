"""`bench.state_reads` on a small home: one child of this tree reads the memory cold, after
each answer and unchanged, and finds it equal to a cold read; the given home is left as
it was (a copy is answered)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from bench import state_reads
from quiz.store import Store
from quiz.study.scheduling import review_card

CLOCK = datetime.fromisoformat(state_reads.CLOCK)


def test_a_run_on_a_small_home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open(home / "drillbit.db", now=CLOCK) as store:
        for number in range(6):  # answered days ago: due at the clock
            when = CLOCK - timedelta(days=20 + number)
            review_card(store, scheduler, f"card-{number}", Rating.Good, now=when, correct=True)
    assert state_reads.main(["--home", str(home), "--answers", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("round 1 this: 6 cards, cold ")
    assert lines[0].endswith("equal to a cold read: True")
    assert lines[0].count(" / ") == 1, "one figure per answer"
    assert lines[-1].startswith("this (") and "after an answer, median" in lines[-1]
    with Store.open(home / "drillbit.db", now=CLOCK) as store:
        assert len(store.reviews()) == 6, "the given home is left as it was"
