"""A process killed with SIGKILL right after an answer returns keeps that answer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from quiz.store import Store
from tests.conftest import PROCESS_TIMEOUT_SECONDS

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime
    from fsrs import Rating, Scheduler
    from quiz.store import Store
    from quiz.study.scheduling import review_card

    store = Store.open(sys.argv[1])
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    review_card(store, Scheduler(enable_fuzzing=False), "sigmoid-why", Rating.Good,
                now=now, correct=True, duration_ms=1234)
    store.save_draft("adam-step", "def adam_step(): ...", updated_at=now)
    print("answered", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_an_answer_survives_kill_9_right_after_it_returns(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "answered", child.stderr.read() if child.stderr else ""
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=PROCESS_TIMEOUT_SECONDS)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=PROCESS_TIMEOUT_SECONDS)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    with Store.open(path) as store:
        assert store.notices == []
        reviews = store.reviews()
        assert [(r.card_id, r.rating, r.duration_ms) for r in reviews] == [("sigmoid-why", 3, 1234)]
        assert store.card_state("sigmoid-why") is not None
        draft = store.draft("adam-step")
        assert draft is not None and draft.text == "def adam_step(): ..."
