"""Grade in a loop as separate `drillbit grade` runs would, for the concurrency test.

Usage: python -m tests.sandbox.concurrent_grader MODE ROUNDS [--unconfined]

MODE is `bwrap` or `no-bwrap`. Each round forgets this process's cache (as a
fresh process starts with none), opens a pool and grades a correct answer;
every verdict that does not pass is printed and the exit status is 1. With
`--unconfined` the children are treated as not confined by a file-system
layer, so each start retires the shared cache (what happens when Landlock
could not be set up in a child), and the process ends by starting one more
such child, so retiring the cache is the last thing it does.
"""

from __future__ import annotations

import sys

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool, pycache
from engine.sandbox.pool import start_worker
from engine.sandbox.worker import Worker
from tests.sandbox.helpers import DOUBLE, GOOD


def main(argv: list[str]) -> int:
    mode, rounds = argv[0], int(argv[1])
    if "--unconfined" in argv:
        Worker.files_confined = lambda self: False  # type: ignore[method-assign]
    failures = 0
    for round_ in range(rounds):
        pycache._state.clear()
        with WorkerPool(SandboxConfig(bwrap=mode == "bwrap")) as pool:
            verdict = grade(DOUBLE, GOOD, pool=pool)
        if not verdict.passed:
            failures += 1
            print(f"{mode} round {round_}: {verdict.status}: {verdict.summary}", flush=True)
    if "--unconfined" in argv:
        start_worker(SandboxConfig(bwrap=False)).close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
