"""Quitting during a drill's warm-up or grading: how long the process takes to end, and what
it leaves.

The probe's `quit_imports`, `quit_worker`, `quit_warm` and `quit_grading` modes open the drill
list's first drill and quit (as ctrl+q does) at one moment of its warm-up: during the checker's
imports (numpy, the engine, pydantic, in the app's process), while the sandbox's worker starts
(a process importing numpy), once that worker is ready, or while it grades an endless loop
(which ends only at the drill's time limit). The probe writes, just before
it quits, the wall clock and the app's child processes; `quit_figures` takes the time from
there to the process's end and counts the children still alive after it.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from bench.common import Figure, Settings, median
from bench.processes import alive, descendants

PHASES = ("imports", "worker", "warm", "grading")
"""The moments of the warm-up a quit is measured at, in the order they come."""
GONE_CEILING_S = 10.0
"""How long after the exit a child may take to end (the kernel ends the processes inside
bubblewrap's namespace once its init is killed) before it counts as left behind."""


async def _until(ready: Any, what: str) -> None:
    deadline = time.perf_counter() + 120
    while not ready():
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the quit probe waited two minutes for {what}")
        await asyncio.sleep(0.002)


def warm_up_begun(app: Any) -> bool:
    """The drill's warm-up thread is running (a Textual worker of group "warm-up" before the
    twenty-eighth round, so older commits can be probed side by side)."""
    from quiz.tui.screens import drill

    name = getattr(drill, "WARM_UP_THREAD", None)  # None before the twenty-eighth round
    named = name is not None and any(t.name == name for t in threading.enumerate())
    return named or any(w.group == "warm-up" for w in app.workers)


def _pool() -> Any:
    """The process-wide sandbox pool, once the warm-up has made it."""
    module = sys.modules.get("engine.sandbox.pool")
    return getattr(module, "_default", None)


ENDLESS_LOOP = "while True:\n    pass\n"
"""The submission graded in the `grading` phase: it runs until the drill's time limit."""


async def _grade_endless_loop(pilot: Pilot[Any]) -> None:
    """Grade ENDLESS_LOOP (ctrl+r) and wait until the sandbox's worker has taken it."""
    from textual.widgets import TextArea

    app: Any = pilot.app
    app.screen.query_one("#editor", TextArea).text = ENDLESS_LOOP
    await pilot.press("ctrl+r")
    await _until(lambda: _pool()._running > 0, "the grade to take the worker")


async def quit_during(pilot: Pilot[Any], phase: str, out: Path) -> None:
    """From Home: the drill list's first drill, `phase` of its warm-up, then the quit; the
    report (the quit's wall clock, the app's children then) written just before it."""
    from textual import events

    app: Any = pilot.app
    await pilot.press("l")
    await pilot.pause()
    app.post_message(events.Key("enter", "\r"))
    await _until(lambda: type(app.screen).__name__ == "DrillScreen", "the drill's screen")
    await _until(lambda: warm_up_begun(app), "the warm-up")
    if phase == "imports":
        await asyncio.sleep(0.05)
    elif phase == "worker":
        await _until(lambda: _pool() is not None and _pool()._starting, "a worker starting")
    else:
        await _until(lambda: _pool() is not None and _pool()._ready, "a warm worker")
    if phase == "grading":
        await _grade_endless_loop(pilot)
    report = {
        "phase": phase,
        "numpy_loaded": "numpy" in sys.modules,
        "children": descendants(os.getpid()),
        "quit_ns": time.time_ns(),
    }
    out.write_text(json.dumps(report), encoding="utf-8")
    app.exit()


def _quit_once(phase: str, env: dict[str, str]) -> tuple[float, int]:
    """(ms from the quit to the process's end, children alive `GONE_CEILING_S` after it)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "quit.json"
        done = subprocess.run(
            [sys.executable, "-m", "bench.probe", f"quit_{phase}", str(out)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        ended = time.time_ns()
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(f"the quit probe failed ({phase}): {done.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    children: list[int] = report["children"]
    deadline = time.monotonic() + GONE_CEILING_S
    while any(alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    return (ended - report["quit_ns"]) / 1e6, sum(alive(pid) for pid in children)


def quit_figures(settings: Settings, env: dict[str, str]) -> list[Figure]:
    """`quit_drill_ms` at each moment of PHASES (medians, the phases alternating in each
    round) and `quit_left_processes`, the children alive after any of those quits."""
    waits: dict[str, list[float]] = {phase: [] for phase in PHASES}
    left = 0
    for round_ in range(settings.startup_reps):
        for phase in PHASES if round_ % 2 == 0 else PHASES[::-1]:
            ms, alive_after = _quit_once(phase, env)
            waits[phase].append(ms)
            left += alive_after
    base = {"repeats": settings.startup_reps, "measure": "the quit to the process's end"}
    return [
        *(
            Figure("quit_drill_ms", median(values), "ms", {**base, "during": phase})
            for phase, values in waits.items()
        ),
        Figure(
            "quit_left_processes",
            left,
            "processes",
            {"quits": settings.startup_reps * len(PHASES), "target": "0"},
        ),
    ]
