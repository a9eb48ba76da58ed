"""`-p tests.budgets`: how much of its limits each sandboxed grading of a test used.

A grading whose point is not a limit must stay far inside it, or a loaded machine turns its
verdict into TIMEOUT by chance: the audit-hook attack's watcher spent the 2 s CPU limit, the
nested return 1.8 s of it, and the slow-import test loaded in 0.81 s of its 1 s wall clock.
Loaded, this plugin records every job a sandbox worker runs in this pytest process and its
xdist workers (the wall time against the checker's clock, the child's CPU time against the
CPU limit), and the terminal summary lists the runs the child finished (no limit ended them)
that used more than a third of either: `uv run pytest -p tests.budgets tests/sandbox`, best
beside another run to see a loaded machine. Not loaded by default. A grading in a `drillbit`
process the test starts is not seen.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from engine.sandbox import worker as worker_module
from engine.sandbox.worker import RunResult, Worker

SHARE = 1 / 3
"""A finished run that used more than this share of its wall clock or CPU limit is listed."""

_WORKER_KEY = "drillbit_budgets"
_log: list[Path] = []
"""The file this process appends its runs to (the controller's, handed to each xdist worker)."""

_original_run = Worker.run


def _recording_run(
    self: Worker, job: bytes | bytearray, timeout_s: float, *args: Any, **kwargs: Any
) -> RunResult:
    """`Worker.run`, then one line of what the run used."""
    result = _original_run(self, job, timeout_s, *args, **kwargs)
    if _log:
        last = result.results[-1][0].get("cpu") if result.results else None
        reported = float(last) if isinstance(last, int | float) else 0.0
        record = {
            "test": os.environ.get("PYTEST_CURRENT_TEST", "?").rsplit(" (", 1)[0],
            "wall": result.wall_s / timeout_s,
            "cpu": max(reported, result.cpu_s) / self.config.cpu_soft_s,
            "loading": (result.loaded_s or 0.0) / timeout_s,
            "finished": result.done,
        }
        with _log[0].open("a", encoding="utf-8") as log:
            log.write(json.dumps(record) + "\n")
    return result


def pytest_configure(config: pytest.Config) -> None:
    """The controller makes the log; an xdist worker takes the controller's."""
    given = getattr(config, "workerinput", {}).get(_WORKER_KEY)
    path = Path(given) if given else Path(tempfile.mkdtemp(prefix="drillbit-budgets-")) / "runs"
    _log[:] = [path]
    worker_module.Worker.run = _recording_run  # type: ignore[method-assign]


@pytest.hookimpl(optionalhook=True)  # an xdist hook: absent without the plugin
def pytest_configure_node(node: Any) -> None:
    """Each xdist worker appends to the controller's log."""
    node.workerinput[_WORKER_KEY] = str(_log[0])


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """The finished runs that used more than SHARE of a limit, the largest share first."""
    if hasattr(config, "workerinput") or not _log or not _log[0].exists():
        return
    runs = [json.loads(line) for line in _log[0].read_text(encoding="utf-8").splitlines()]
    finished = [run for run in runs if run["finished"]]
    close = sorted(
        (run for run in finished if max(run["wall"], run["cpu"]) > SHARE),
        key=lambda run: -max(run["wall"], run["cpu"]),
    )
    write = terminalreporter.write_line
    terminalreporter.section("sandbox budgets (tests.budgets)")
    write(f"{len(runs)} gradings, {len(finished)} finished; {len(close)} used over a third:")
    for run in close:
        write(
            f"  wall {run['wall']:4.0%} (loading {run['loading']:4.0%})  cpu {run['cpu']:4.0%}"
            f"  {run['test']}"
        )
    write(f"log: {_log[0]}")
