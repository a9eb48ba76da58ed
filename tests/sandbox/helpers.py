"""Shared by the sandbox tests: grading with checks that nothing is left behind."""

from __future__ import annotations

import ctypes
import functools
import glob
import os
import tempfile
import time
from pathlib import Path

from engine.checkers.base import Checker
from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.sandbox import pool as pool_module
from engine.sandbox.config import seccomp_support
from engine.sandbox.worker import CHILD_MARKER, WORKDIR_PREFIX
from engine.verdict import Status, Verdict
from tests.sandbox.drills import DoubleChecker, PatientDoubleChecker

DOUBLE = DoubleChecker()
PATIENT_DOUBLE = PatientDoubleChecker()
GOOD = "import numpy as np\n\n\ndef double(x):\n    return 2 * x\n"


def _proc_table() -> dict[int, tuple[int, str]]:
    """pid -> (ppid, command line) for every process we can read."""
    table: dict[int, tuple[int, str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (
                (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            )
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] == "Z":
            continue  # a zombie holds no resources and is about to be reaped
        table[int(entry.name)] = (int(fields[1]), cmdline)
    return table


def sandbox_processes(exclude_roots: list[int]) -> list[int]:
    """This process's live sandbox processes (marked, or descended from one) not under `exclude_roots`."""
    table = _proc_table()
    mine = f"{CHILD_MARKER}:{os.getpid()}"
    marked = {pid for pid, (_, cmd) in table.items() if mine in cmd}

    def ancestors(pid: int) -> list[int]:
        chain: list[int] = []
        while pid in table and pid > 1 and len(chain) < 64:
            chain.append(pid)
            pid = table[pid][0]
        return chain

    found = []
    for pid in table:
        chain = ancestors(pid)
        if not any(p in marked for p in chain):
            continue
        if any(p in exclude_roots for p in chain):
            continue
        found.append(pid)
    return found


def leftover_dirs(pools: list[WorkerPool]) -> list[str]:
    """Sandbox work directories that belong to no waiting worker."""
    keep = {d for pool in pools for d in pool.warm_workdirs}
    pattern = os.path.join(tempfile.gettempdir(), f"{WORKDIR_PREFIX}{os.getpid()}-*")
    return [d for d in glob.glob(pattern) if d not in keep]


LIVE_POOLS: list[WorkerPool] = []
"""Every pool the session's fixtures opened: their waiting workers are not leftovers."""


def wait_for_full_pools(timeout: float | None = None) -> None:
    """Wait until every open pool of this process has all its workers warm.

    A pool's spawner thread builds a replacement after a grading, in the background, and
    a worker without bubblewrap makes its work dir (and reads the sandbox's cache) through
    `tempfile` as it is built. A test that points `tempfile` at a dir of its own must wait:
    once its pools are full, no spawner builds anything until a grading takes a worker.
    """
    pools = [*LIVE_POOLS, pool_module._default]
    for pool in pools:
        if pool is not None and not pool.closed:  # None: WARM_WITHIN_SECONDS (it was 60 s)
            pool.wait_warm(WARM_WITHIN_SECONDS if timeout is None else timeout)


WARM_WITHIN_SECONDS = 600.0
"""The ceiling of a test's wait for a pool's warm workers (`wait_warm`): it returns as soon as
they are ready. A worker may first rebuild numpy's bytecode cache, which a grading without a
file-system layer retires (`engine.sandbox.pycache`) for every process of this user: at a
sixteenth of a core that build outlasted the 120 s this was (test_layers.py's namespace
test, two runs in three after its seccomp-alone grading)."""


CLEAN_WITHIN_SECONDS = 30.0
"""The ceiling of `assert_clean`'s wait for the reaper: it returns as soon as all is gone, and
3 s failed at a load average of 7.7 on the 2-core machine with every process ended and one
work directory still being removed."""


def assert_clean(pools: list[WorkerPool], timeout: float = CLEAN_WITHIN_SECONDS) -> None:
    """No sandbox process or work dir outlives its submission (waiting workers excepted)."""
    end = time.monotonic() + timeout
    pools = [p for p in [*pools, *LIVE_POOLS] if not p.closed]
    if pool_module._default is not None and not pool_module._default.closed:
        pools.append(pool_module._default)
    while True:
        roots = [pid for pool in pools for pid in pool.warm_pids]
        procs = sandbox_processes(roots)
        dirs = leftover_dirs(pools)
        if not procs and not dirs:
            return
        if time.monotonic() > end:
            table = _proc_table()
            described = [
                (p, table.get(p, (0, ""))[0], table.get(p, (0, ""))[1][:60]) for p in procs
            ]
            raise AssertionError(f"left behind: processes {described}, dirs {dirs}; warm {roots}")
        time.sleep(0.05)


ABNORMAL = frozenset({Status.TIMEOUT, Status.CRASHED, Status.INVALID, Status.INTERNAL})
"""Endings after which the next submission is graded explicitly (the others end normally)."""


def shown(verdict: Verdict) -> str:
    """The summary and the first failure's message, as a user sees them."""
    first = verdict.first_failure.message if verdict.first_failure else ""
    return f"{verdict.summary} || {first}"


def run_adversarial(
    pool: WorkerPool,
    source: str,
    status: Status,
    phrase: str | None = None,
    *,
    checker: Checker | None = None,
) -> Verdict:
    """Grade `source`: the expected status (and phrase), nothing left behind.

    Unless a test names its checker, an expected TIMEOUT is graded by DOUBLE (its 1 s wall
    clock is the deadline under test) and every other ending by PATIENT_DOUBLE: flaky52's
    budget audit saw trivial answers (masked arrays, an empty file, another thread) stall
    at 0.57-0.83 of DOUBLE's 1 s under CI-like load, one busy moment from a TIMEOUT that
    says nothing of the attack. The CPU limit still fires first for a busy loop.

    No bound on the wall time it took (it was the deadline + 1 s): that measured the
    machine's load as much as the grader, and a busy CI box failed it with every limit
    working. What a limit did is in the verdict itself: a child stopped by the wall clock comes back TIMEOUT with "(wall clock"
    in its message (the cases that sleep forever check it), one stopped by the CPU limit
    says so, and `assert_clean` shows the killed process group is gone.

    After an abnormal ending the next submission is graded and must pass; after a
    normal one, the next test's own grading on the same shared pool shows it.
    """
    pool.wait_warm(WARM_WITHIN_SECONDS)  # graded by a warm worker, as a user's submission is
    if checker is None:
        checker = DOUBLE if status is Status.TIMEOUT else PATIENT_DOUBLE
    verdict = grade(checker, source, seed=3, pool=pool)
    assert verdict.status is status, shown(verdict)
    if phrase is not None:
        assert phrase in shown(verdict), shown(verdict)
    dumped = verdict.model_dump_json()
    assert "\\u001b" not in dumped and "\x1b" not in dumped
    assert_clean([pool])
    if status in ABNORMAL:
        # the child was killed or broke the protocol: the pool must still grade normally
        after = grade(PATIENT_DOUBLE, GOOD, pool=pool)
        assert after.status is Status.PASSED, shown(after)
    return verdict


@functools.cache
def syscall_number(name: str) -> int:
    """This machine's number of a system call, as libseccomp (and so the filter under test)
    names it: raw calls in hostile sources must hit the very numbers the filter refuses."""
    resolve = ctypes.CDLL(seccomp_support().library).seccomp_syscall_resolve_name
    resolve.argtypes = [ctypes.c_char_p]
    number = int(resolve(name.encode()))
    assert number >= 0, name
    return number
