"""Quitting while a drill is graded: the app's exit joined the grading thread, which waited for
the sandbox's child to end, up to the drill's time limit for an endless loop. Now the quit kills
the child (its work dir removed), records no attempt, and the shell comes back at once.

Here the grade never ends on its own (a submission that sleeps, a time limit of days): the old
app never exited, and the subprocess's timeout failed the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.processes import alive
from quiz.drill_grading import Drill
from quiz.sandbox_grader import GradingAbandonedError, SandboxGrader
from quiz.store import Store
from quiz.workspace import Workspace
from tests.conftest import PROCESS_TIMEOUT_SECONDS
from tests.tui.conftest import inprocess_grade, left_running

ROOT = Path(__file__).resolve().parents[2]

QUIT_WHILE_GRADING = """
import asyncio, json, os, sys, threading
from pathlib import Path
from textual.widgets import TextArea
from engine.checkers.base import Checker
from engine.sandbox import pool
from engine.sandbox.worker import Worker
from quiz.tui.app import make_app
from bench.processes import descendants

Checker.timeout_s = 10.0**6  # only the quit ends this grade: a sleep takes no CPU time
moment = sys.argv[2]
app = make_app([Path(sys.argv[1])], include_bundled=False, drill="tiny-sgd")
seen = {}
pools = []
made = threading.Event()  # the drill's warm-up made the sandbox's pool
held = threading.Event()  # "starting": the pool's worker is spawned and kept short of ready
spawn_batch, wait_ready = pool.WorkerPool._spawn_batch, Worker.wait_ready


def spawn_batch_seen(self, need):
    pools.append(self)
    made.set()
    spawn_batch(self, need)


def wait_ready_until_closed(self):
    # the worker stays starting (numpy not ready) until the quit closes its pool
    with pools[0]._cond:
        held.set()
        pools[0]._cond.wait_for(lambda: pools[0]._closed)
    return wait_ready(self)


pool.WorkerPool._spawn_batch = spawn_batch_seen
if moment == "starting":
    Worker.wait_ready = wait_ready_until_closed


def until(state):
    # the pool notifies its condition at each change of its workers and callers
    def wait():
        with pools[0]._cond:
            pools[0]._cond.wait_for(lambda: state(pools[0]))
    return asyncio.to_thread(wait)


async def walk(pilot):
    await asyncio.to_thread(made.wait)  # after the drill screen's first frame
    if moment == "running":  # the warm worker takes the job
        await until(lambda p: p._ready)
    else:  # the grade waits for the worker still starting
        await asyncio.to_thread(held.wait)
    app.screen.query_one("#editor", TextArea).text = "import time\\ntime.sleep(10**6)\\n"
    await pilot.press("ctrl+r")
    await until(lambda p: p._running or p._waiting)
    seen["processes"] = descendants(os.getpid())
    print(json.dumps(seen), flush=True)
    app.exit()

app.run(headless=True, size=(100, 30), auto_pilot=walk)
"""


def _quit_while_grading(tui_bank: Path, home: Path, tmp: Path, moment: str) -> list[int]:
    """Run the app without bubblewrap (the work dir is then on the host, in `tmp`), quit at
    `moment` of a grade that never ends; the app's processes just before the quit."""
    env = {**os.environ, "DRILLBIT_HOME": str(home), "DRILLBIT_SANDBOX_BWRAP": "0"}
    out = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_GRADING, str(tui_bank), moment],
        cwd=ROOT,
        env={**env, "TMPDIR": str(tmp)},
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,  # the old app never exited: it waited for the child
    )
    processes: list[int] = json.loads(out.stdout.strip().splitlines()[-1])["processes"]
    return processes


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["running", "starting"])
def test_quitting_while_a_grade_runs_kills_its_child_and_records_nothing(
    tui_bank: Path, _isolated_home: Path, tmp_path: Path, moment: str
) -> None:
    """`running`: the child runs the submission; `starting`: the grade waits for the sandbox's
    worker, held short of ready until the quit (each moment reached by waiting on the pool's
    condition, never by polling: a 5 ms poll could miss a start-up that ended before it
    looked, and hang to the subprocess's timeout). Either way the app exits, its children end (those inside
    bubblewrap's namespace a moment later: a ceiling, not a time asserted), no work dir is
    left, and the killed run is no attempt of the person's."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    processes = _quit_while_grading(tui_bank, _isolated_home, tmp, moment)
    assert processes, "the grade started no sandbox worker"
    assert left_running(processes, alive) == []
    assert [p.name for p in tmp.iterdir() if p.name.startswith("drillbit-sandbox-")] == []
    with Store.open() as store:
        assert store.attempts(card_id="tiny-sgd") == []


def test_a_grade_the_quit_cut_short_is_not_recorded(
    tui_bank: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quit kills the child mid-run, and the run then ends in a verdict (killed, or what
    the child had said so far) that is no judgement of the code: it is not logged as a try."""
    ws = Workspace.open([tui_bank], include_bundled=False)
    sitting = ws.open_drill("tiny-sgd")
    monkeypatch.setattr(SandboxGrader, "pool", lambda self: None)  # no sandbox started

    def quit_while_running(drill: Drill, source: str, **_: object) -> object:
        ws._grader.close()  # ctrl+q, while the child runs
        return inprocess_grade(drill, source)

    monkeypatch.setattr("quiz.drill_grading.grade_source", quit_while_running)
    with pytest.raises(GradingAbandonedError):
        ws.grade(sitting, "def sgd_step(w, g, lr):\n    return w\n")
    assert ws.store.attempts(card_id="tiny-sgd") == []
    ws.close()
