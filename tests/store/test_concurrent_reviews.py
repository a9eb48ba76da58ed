"""Several processes reviewing the same card never overwrite each other's scheduling step."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from quiz.store import Store
from tests.conftest import PROCESS_TIMEOUT_SECONDS

REPO = Path(__file__).resolve().parents[2]
PROCESSES = 3
REVIEWS_EACH = 500

CHILD = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime, timedelta
    from fsrs import Rating, Scheduler
    import quiz.store.opening
    from quiz.store import Store
    from quiz.study.scheduling import review_card

    # Correctness, not patience, is under test: on a loaded machine one process can
    # wait longer than the app's busy timeout for its turn, so the children wait longer.
    quiz.store.opening.BUSY_TIMEOUT_SECONDS = 600.0
    store = Store.open(sys.argv[1])
    scheduler = Scheduler(enable_fuzzing=False)
    start = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    worker = int(sys.argv[2])
    print("ready", flush=True)
    sys.stdin.readline()  # every process starts reviewing at the same moment
    for i in range(int(sys.argv[3])):
        rating = (Rating.Again, Rating.Hard, Rating.Good)[(i + worker) % 3]
        review_card(store, scheduler, "shared-card", rating,
                    now=start + timedelta(minutes=i), correct=True)
    store.close()
    """
)


def test_three_processes_reviewing_one_card_chain_every_step(tmp_path: Path) -> None:
    path = tmp_path / "drillbit.db"
    Store.open(path).close()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(worker), str(REVIEWS_EACH)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for worker in range(PROCESSES)
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.close()
    for child in children:
        assert child.wait(timeout=PROCESS_TIMEOUT_SECONDS) == 0
        assert child.stdout is not None
        child.stdout.close()
    with Store.open(path) as store:
        reviews = sorted(store.reviews(card_id="shared-card"), key=lambda review: review.id)
        final = store.card_state("shared-card")
    assert len(reviews) == PROCESSES * REVIEWS_EACH
    assert reviews[0].card_before is None and reviews[0].state_before is None
    broken = [
        later.id
        for earlier, later in zip(reviews, reviews[1:], strict=False)
        if later.card_before != earlier.card_after
    ]
    assert broken == [], f"{len(broken)} review(s) were computed from a stale schedule"
    assert final is not None and final.fsrs_card == reviews[-1].card_after
