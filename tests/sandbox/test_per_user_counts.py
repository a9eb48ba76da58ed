"""What the kernel counts per user, which a child could take from the user's other programs
(the thirty-seventh round, after the POSIX timers of an earlier one).

An inotify instance is counted per user (128 by default) and needs no right over any file: a
child made 60 while it ran (its open-files limit), two children nearly the user's share, and an
editor or file watcher of the user's could then start none. A pipe's buffer is counted per user
too (16,384 pages, past which the user's new pipes shrink to two pages and none may grow):
`F_SETPIPE_SZ` raised a child's pipes to 30 MiB, kernel memory outside its address-space limit.
A drill needs neither: the seccomp filter refuses `inotify_init` and `F_SETPIPE_SZ`, in every
mode (the pools run without the audit hooks: what is tested is the filter).
"""

from __future__ import annotations

import textwrap

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import GOOD, run_adversarial, shown

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""

INOTIFY_INSTANCES = textwrap.dedent("""
    import ctypes

    def double(x):
        libc = ctypes.CDLL(None, use_errno=True)
        made = 0
        while made < 200 and libc.inotify_init1(0) >= 0:
            made += 1
        raise ValueError(f"made {made} instances, then errno {ctypes.get_errno()}")
""")


def test_no_inotify_instance_is_made(mode_pool: tuple[str, WorkerPool]) -> None:
    verdict = run_adversarial(mode_pool[1], INOTIFY_INSTANCES, Status.ERROR, checker=PATIENT)
    assert "made 0 instances, then errno 1" in shown(verdict), shown(verdict)


GROWN_PIPES = textwrap.dedent("""
    import fcntl, os

    def double(x):
        grown = 0
        try:
            while True:
                _r, w = os.pipe()
                grown += fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, 1 << 20)
        except OSError as exc:
            raise ValueError(f"grew pipes to {grown >> 20} MiB, then errno {exc.errno}")
""")


def test_no_pipe_is_grown(mode_pool: tuple[str, WorkerPool]) -> None:
    """The first growth is refused; a pipe of the default size still carries what a drill
    writes (its stdout and the result pipe are pipes: the next grading passes)."""
    verdict = run_adversarial(mode_pool[1], GROWN_PIPES, Status.ERROR, checker=PATIENT)
    assert "grew pipes to 0 MiB, then errno 1" in shown(verdict), shown(verdict)
    run_adversarial(mode_pool[1], GOOD, Status.PASSED)
