"""Random plan-mode study days on a fake clock (`tests.study.plan_walks`): after every
step a plan-mode session's list is of the study day Home and a restart count, through
zone changes, nights, undo, bury, suspend, relaunches and another drillbit's writes.

Before the fiftieth round 72 steps of 500 walks (63 walks) found the session's list of
another day than Home's: it kept the day end it began with after the machine's zone moved
(east: the old day's list went on; west over a day's start: the next day's list went on
while Home counted the day before), and a burial ended by the new day put a card back
into the old day's list after its end. None now. The walks find other differences
too, left as they are and counted in docs/study.md: `WALKS` run here, the round's report
ran 500 (`uv run python -m tests.study.plan_walks 500`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.study.plan_walks import walk

WALKS = 60


@pytest.mark.parametrize("first", range(0, WALKS, 20))
def test_a_plan_session_s_list_is_of_home_s_day_after_every_step(
    tmp_path: Path, first: int
) -> None:
    other_day = [
        (seed, steps[-6:])
        for seed in range(first, first + 20)
        for kind, steps in walk(seed, tmp_path)
        if kind == "day"
    ]
    assert other_day == []
