"""A drill's screen comes up without numpy, the engine or pydantic: its checker is found in
the warm-up thread (with the sandbox's worker), not on the UI thread before the first frame.

Those imports were 0.4 s of CPU between the drill list's enter and the editor; the first
grading needs them, and the person reads the task meanwhile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from quiz.drill_grading import Drill
from quiz.sandbox_grader import SandboxGrader
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.home import HomeScreen
from quiz.workspace import Workspace
from tests.conftest import PROCESS_TIMEOUT_SECONDS
from tests.sandbox.helpers import WARM_WITHIN_SECONDS
from tests.tui.conftest import WAIT_SECONDS, AppFactory, left_running, showing, wait_until

ROOT = Path(__file__).resolve().parents[2]

OPEN_THEN_WARM = """
import json, sys
from pathlib import Path
from quiz.bank import cachefile
from quiz.workspace import Workspace
cachefile.RACY_SECONDS = 0.0  # the bank's files were just copied: remembered all the same


class NoGrader:
    def __call__(self, drill, source):
        return None

    def stop(self):
        pass

    def close(self):
        pass


ws = Workspace.open([Path(sys.argv[1])], include_bundled=False, grader=NoGrader())
sitting = ws.open_drill("tiny-sgd")
opened = sorted(sys.modules)
ws.warm_up(sitting)
warmed = sorted(sys.modules)
ws.close()
print(json.dumps({"opened": opened, "warmed": warmed, "checker": sitting.drill.checker.name}))
"""


LEAVE_THEN_QUIT = """
import json, os, sys
from pathlib import Path
from quiz.tui.app import make_app
from engine.sandbox import default_pool

app = make_app([Path(sys.argv[1])], include_bundled=False, drill="tiny-sgd")
seen = {}

async def walk(pilot):
    while type(app.screen).__name__ != "DrillScreen":
        await pilot.pause(0.05)
    pool = default_pool()  # the one the warm-up starts (process-wide)
    assert pool.wait_warm(float(sys.argv[2])), "no warm worker"
    seen["warm"] = pool.warm_pids
    await pilot.press("escape")
    while type(app.screen).__name__ != "HomeScreen":
        await pilot.pause(0.05)
    app.exit()

app.run(headless=True, size=(100, 30), auto_pilot=walk)
print(json.dumps(seen))
"""


QUIT_DURING_WARM_UP = """
import asyncio, json, os, sys, threading
from pathlib import Path
from quiz.drill_grading import Drill
from quiz.tui.app import make_app
from bench.processes import descendants

mode = sys.argv[2]
looking = threading.Event()  # the step the quit comes in has begun
if mode == "checker":  # the checker's imports never end: a quit must not wait for them
    def endless(drill):
        looking.set()
        threading.Event().wait()
    Drill.checker = property(endless)
else:  # the worker is spawned and held short of ready (numpy importing) until the quit
    # closes its pool: a 2 ms poll of the pool's starting list could miss a start-up that
    # ended before it looked, and wait for the subprocess's timeout
    from engine.sandbox import pool
    from engine.sandbox.worker import Worker
    pools = []
    spawn_batch, wait_ready = pool.WorkerPool._spawn_batch, Worker.wait_ready

    def spawn_batch_seen(self, need):
        pools.append(self)
        spawn_batch(self, need)

    def wait_ready_until_closed(self):
        with pools[0]._cond:
            looking.set()
            pools[0]._cond.wait_for(lambda: pools[0]._closed)
        return wait_ready(self)

    pool.WorkerPool._spawn_batch = spawn_batch_seen
    Worker.wait_ready = wait_ready_until_closed
app = make_app([Path(sys.argv[1])], include_bundled=False, drill="tiny-sgd")
seen = {}


async def walk(pilot):
    while type(app.screen).__name__ != "DrillScreen":
        await pilot.pause(0.05)
    await asyncio.to_thread(looking.wait)  # the subprocess's timeout bounds it
    seen["processes"] = descendants(os.getpid())
    print(json.dumps(seen), flush=True)
    app.exit()

app.run(headless=True, size=(100, 30), auto_pilot=walk)
"""


def _alive(pid: int) -> bool:
    """Whether `pid` is a process that has not been reaped (a zombie counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
def test_the_warm_worker_of_a_drill_left_is_gone_when_the_app_exits(
    tui_bank: Path, _isolated_home: Path
) -> None:
    out = subprocess.run(
        [sys.executable, "-c", LEAVE_THEN_QUIT, str(tui_bank), str(WARM_WITHIN_SECONDS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=WARM_WITHIN_SECONDS + 180,  # a ceiling: the warm-up may rebuild numpy's cache
    )
    warm = json.loads(out.stdout.strip().splitlines()[-1])["warm"]
    assert warm, "the drill started no warm worker"
    assert [pid for pid in warm if _alive(pid)] == []


def _quit_during_warm_up(tui_bank: Path, mode: str) -> list[int]:
    """Run the app, quit during the warm-up's `mode` step; the processes it had then."""
    out = subprocess.run(
        [sys.executable, "-c", QUIT_DURING_WARM_UP, str(tui_bank), mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,  # the old app never exited: it waited for the import
    )
    processes: list[int] = json.loads(out.stdout.strip().splitlines()[-1])["processes"]
    return processes


@pytest.mark.slow
def test_quitting_during_the_checkers_imports_does_not_wait_for_them(
    tui_bank: Path, _isolated_home: Path
) -> None:
    """The warm-up's imports (numpy, the engine, pydantic) cannot be interrupted, and the
    app's exit joined the thread doing them: a quit a moment after opening a drill waited
    0.3-3 s for the shell. Here they never end, and the app exits all the same."""
    assert _quit_during_warm_up(tui_bank, "checker") == []  # no sandbox worker was started


@pytest.mark.slow
def test_quitting_while_the_sandbox_worker_starts_leaves_no_process(
    tui_bank: Path, _isolated_home: Path
) -> None:
    """The worker (bubblewrap, its namespace's init, the child importing numpy) is killed
    with the app: its outer process is reaped at exit, the ones inside its namespace a moment
    later by the kernel, so their end is awaited (a ceiling, not a time asserted)."""
    processes = _quit_during_warm_up(tui_bank, "worker")
    assert processes, "the warm-up started no sandbox worker"
    assert left_running(processes, _alive) == []


def _heavy(modules: list[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in ("numpy", "pydantic", "engine")} - {
        "engine",
        "engine.outcome",
    }


def test_the_drill_screen_module_imports_neither_numpy_nor_pydantic() -> None:
    code = "import json, sys, quiz.tui.screens.drill; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert not _heavy(json.loads(out.stdout))


def test_opening_a_drill_leaves_its_checker_to_the_warm_up(
    tui_bank: Path, _isolated_home: Path
) -> None:
    for _ in range(2):  # the first start loads the bank (pydantic) and remembers its index
        out = subprocess.run(
            [sys.executable, "-c", OPEN_THEN_WARM, str(tui_bank)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=PROCESS_TIMEOUT_SECONDS,
        )
    seen = json.loads(out.stdout)
    assert not _heavy(seen["opened"]), "the sitting is opened without the engine"
    warmed = set(seen["warmed"])
    assert {"numpy", "pydantic", "engine.verdict", "engine.checkers.nn.optim"} <= warmed
    assert seen["checker"] == "nn.optim.sgd_step"


async def test_a_drill_whose_checker_does_not_exist_says_so_on_its_screen(
    build: AppFactory, tui_bank: Path
) -> None:
    card = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    card.write_text(
        card.read_text(encoding="utf-8").replace("nn.optim.sgd_step", "nn.optim.no_such_step"),
        encoding="utf-8",
    )
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        status = screen.query_one("#verdict-status")
        assert await wait_until(pilot, lambda: "Could not grade" in str(status.render()))
        said = str(status.render())
        assert "'tiny-sgd' names a checker that does not exist" in said
        assert "no_such_step" in said and "sandbox did not start" not in said


class _CountingSandbox(SandboxGrader):
    """A sandbox grader whose worker is only counted, never started."""

    def __init__(self) -> None:
        super().__init__()
        self.started = 0

    def pool(self) -> None:
        self.started += 1


@pytest.mark.parametrize("leave_at_once", [True, False])
async def test_a_drill_left_while_its_checker_is_found_starts_no_sandbox_worker(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch, leave_at_once: bool
) -> None:
    """Escape during the warm-up's imports: Home at once, and no worker is started for a
    drill nobody is reading (a process importing numpy, a bubblewrap check the exit waits for).
    A drill still open when its checker is found starts one, as before."""
    looking, release, done = threading.Event(), threading.Event(), threading.Event()
    find = vars(Drill)["checker"]

    def slow_checker(drill: Drill) -> Any:
        looking.set()
        assert release.wait(WAIT_SECONDS), "the test never let the checker be found"
        return find.__get__(drill)

    warm_up = Workspace.warm_up

    def traced(*args: Any, **kwargs: Any) -> None:
        try:
            warm_up(*args, **kwargs)
        finally:
            done.set()

    monkeypatch.setattr(Drill, "checker", property(slow_checker))
    monkeypatch.setattr(Workspace, "warm_up", traced)
    sandbox = _CountingSandbox()
    app = build(drill="tiny-sgd", grader=sandbox)
    async with app.run_test() as pilot:
        await showing(pilot, DrillScreen)
        assert await wait_until(pilot, looking.is_set), "the warm-up never started"
        if leave_at_once:
            await pilot.press("escape")
            await showing(pilot, HomeScreen)  # while the checker is still being found
        release.set()
        assert await wait_until(pilot, done.is_set), "the warm-up never ended"
        assert sandbox.started == (0 if leave_at_once else 1)
