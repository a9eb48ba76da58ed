"""Another process's CPU clock: refused by the seccomp filter, in every mode that has it.

The kernel checks no right for a process's CPU clock (`clock_getcpuclockid`'s id, negative, a
pid in its upper bits): outside bubblewrap's PID namespace `time.clock_gettime` read the app's
CPU time and that of every process on the machine (pid 1's among them), and `clock_getres`
said which pids exist, with no ctypes and where the audit hooks refuse `/proc`. The pools run
without the audit hooks (there is no audit event for a clock read anyway): what is tested is
the kernel's refusal. The code's own clocks (its process's, its threads') still read.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, syscall_number

PATIENT = PatientDoubleChecker()

OTHER_CLOCK = "((~os.getppid()) << 3) | 2"
"""The parent's CPU clock (CPUCLOCK_SCHED): the app's, or bubblewrap's in its namespace."""

READS: dict[str, str] = {
    "clock_gettime": f"time.clock_gettime({OTHER_CLOCK})",
    "clock_getres": f"time.clock_getres({OTHER_CLOCK})",
    "pid-1": "time.clock_gettime(((~1) << 3) | 2)",
    # CPUCLOCK_PROF of the parent: another of the three clocks a process has
    "prof-clock": "time.clock_gettime(((~os.getppid()) << 3) | 0)",
}


def _double(*lines: str) -> str:
    body = "\n".join(textwrap.dedent(line).strip("\n") for line in lines)
    return "import os, time\n\ndef double(x):\n" + textwrap.indent(body, "    ") + "\n"


@pytest.mark.parametrize("read", list(READS))
def test_another_process_cpu_clock_is_refused(mode_pool: tuple[str, WorkerPool], read: str) -> None:
    _, pool = mode_pool
    source = _double(f"print({READS[read]})", "return 2 * x")
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)


RAW_CALLS = """
import ctypes
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
clock = ctypes.c_long(((~os.getppid()) << 3) | 2)
where = ctypes.create_string_buffer(64)
if libc.syscall(ctypes.c_long({number}), clock, {args}) == 0:
    raise RuntimeError("the call was allowed")
raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
"""


@pytest.mark.parametrize(
    ("call", "args"),
    [
        # flags TIMER_ABSTIME and a zero time: an allowed call would return at once
        ("clock_nanosleep", "ctypes.c_long(1), where, None"),
        # no event (the filter's own rule for an event is not the one tested)
        ("timer_create", "None, where"),
    ],
)
def test_a_timer_or_sleep_on_another_process_cpu_clock_is_refused(
    mode_pool: tuple[str, WorkerPool], call: str, args: str
) -> None:
    _, pool = mode_pool
    text = RAW_CALLS.format(number=syscall_number(call), args=args)
    source = _double(text, "return 2 * x")
    run_adversarial(pool, source, Status.ERROR, "Operation not permitted", checker=PATIENT)


OWN_CLOCKS = """
import threading
assert time.process_time() >= 0 and time.thread_time() >= 0
assert time.clock_gettime(time.CLOCK_PROCESS_CPUTIME_ID) >= 0
assert time.clock_gettime(time.CLOCK_THREAD_CPUTIME_ID) >= 0
mine = time.pthread_getcpuclockid(threading.get_ident())
assert mine < 0 and time.clock_gettime(mine) >= 0
assert time.clock_getres(mine) > 0
return 2 * x
"""


def test_the_code_own_cpu_clocks_still_read(mode_pool: tuple[str, WorkerPool]) -> None:
    """A correct answer that times itself (its process, its thread's own clock id) passes."""
    _, pool = mode_pool
    run_adversarial(pool, _double(OWN_CLOCKS), Status.PASSED, checker=PATIENT)
