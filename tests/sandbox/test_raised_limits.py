"""How a run ended is the kernel's word, read by the parent, in every mode.

The thirty-sixth round's attacks: a POSIX timer whose signal is SIGXCPU (native code, here
through ctypes in the modes without the audit hooks), a status chosen under bubblewrap without
seccomp (where only bubblewrap's exit status reached the app), a forged "passed" result there,
and memory hogs that end on the CPU limit or lose their MemoryError. Under bubblewrap the app
read no CPU time of the graded process (bwrap's monitor does not reap it), so any SIGXCPU, and
any SIGKILL after 2 s of wall time, read as the CPU limit.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox.decide import _death
from engine.sandbox.watch import Watch, graded_pid, parse_stat
from engine.sandbox.worker import RunResult, is_memory_error
from engine.verdict import Status
from tests.sandbox.conftest import skip_unless_bwrap_for
from tests.sandbox.drills import CpuBoundDoubleChecker, PatientDoubleChecker
from tests.sandbox.helpers import LIVE_POOLS, shown, syscall_number


@pytest.fixture(scope="module", params=["bwrap", "landlock"])
def bare_pool(request: pytest.FixtureRequest) -> Iterator[tuple[str, WorkerPool]]:
    """No seccomp and no audit hooks (ctypes imports): what is left is what the parent itself
    reads of the process, under bubblewrap and without it."""
    mode = request.param
    skip_unless_bwrap_for(mode)
    config = SandboxConfig(bwrap=mode == "bwrap", seccomp=False, audit_hooks=False)
    with WorkerPool(config, size=1) as pool:
        LIVE_POOLS.append(pool)
        yield mode, pool


def timer_source(signal_name: str) -> str:
    """A submission whose POSIX timer (CLOCK_MONOTONIC, 50 ms) raises `signal_name` in itself."""
    return textwrap.dedent(f"""
        import ctypes, signal, time

        def double(x):
            libc = ctypes.CDLL(None, use_errno=True)
            event = (ctypes.c_int * 16)(0, 0, int(signal.{signal_name}), 0)  # SIGEV_SIGNAL
            timer = ctypes.c_int()
            made = libc.syscall({syscall_number("timer_create")}, 1, ctypes.byref(event),
                                ctypes.byref(timer))
            if made != 0:
                raise OSError(ctypes.get_errno(), "timer_create refused")
            spec = (ctypes.c_long * 4)(0, 0, 0, 50_000_000)
            libc.syscall({syscall_number("timer_settime")}, timer, 0, ctypes.byref(spec), None)
            time.sleep(20)
            return 2 * x
    """)


def _assert_not_the_cpu_limit(source: str, pool: WorkerPool) -> str:
    verdict = grade(PatientDoubleChecker(), source, seed=1, pool=pool)
    text = shown(verdict)
    assert verdict.status in (Status.CRASHED, Status.ERROR), text
    assert "CPU time limit" not in text and "used more than" not in text, text
    return text


# With seccomp such a timer is refused now (test_timers.py); it came after 0.1 s of CPU, and
# under bubblewrap read as the CPU limit. Without seccomp it still fires:


def test_without_seccomp_a_timer_s_sigxcpu_is_not_the_cpu_limit(
    bare_pool: tuple[str, WorkerPool],
) -> None:
    mode, pool = bare_pool
    text = _assert_not_the_cpu_limit(timer_source("SIGXCPU"), pool)
    assert "killed by SIGXCPU" in text and "short of the limit's 2 s" in text, text
    if mode == "bwrap":  # the verdict names what the mode cannot tell apart
        assert "or exited with status 152: bubblewrap reports the two alike" in text, text
        assert "without seccomp (not active here)" in text, text


CHOSEN_STATUSES = {
    "xcpu-status": "import os\n\ndef double(x):\n    os._exit(152)\n",
    "kill-status-late": (
        "import os, time\n\ndef double(x):\n    time.sleep(2.5)\n    os._exit(137)\n"
    ),
}
"""Statuses bubblewrap reports as SIGXCPU and SIGKILL: without seccomp, nothing kills such an
exit; the second came after the hard limit's worth of wall time, which was taken for it."""


@pytest.mark.parametrize("attack", list(CHOSEN_STATUSES))
def test_a_chosen_status_under_bubblewrap_is_never_the_cpu_limit(
    bare_pool: tuple[str, WorkerPool], attack: str
) -> None:
    _assert_not_the_cpu_limit(CHOSEN_STATUSES[attack], bare_pool[1])


LOWERED_LIMIT = textwrap.dedent("""
    import resource

    def double(x):
        resource.setrlimit(resource.RLIMIT_CPU, (1, 3))  # the kernel's SIGXCPU, at 1 s
        while True:
            pass
""")


def test_a_soft_limit_the_code_lowered_is_not_the_cpu_limit(
    bare_pool: tuple[str, WorkerPool],
) -> None:
    """Where nothing refuses `setrlimit` (no seccomp, no audit hooks), the kernel's own SIGXCPU
    came at 1 s of CPU, half the limit the verdict would name."""
    text = _assert_not_the_cpu_limit(LOWERED_LIMIT, bare_pool[1])
    assert "killed by SIGXCPU" in text, text


def test_a_sigxcpu_at_half_the_limit_is_not_the_limit_whatever_the_start() -> None:
    config = SandboxConfig()
    lowered = RunResult(signal=signal.SIGXCPU, cpu_s=1.05, cpu_known=True, cpu_at_start=0.05)
    status, summary, _ = _death(lowered, "case 1", config, "512 MiB", 4)
    assert status is Status.CRASHED and "killed by SIGXCPU" in summary, summary
    reached = RunResult(signal=signal.SIGXCPU, cpu_s=1.87, cpu_known=True, cpu_at_start=0.05)
    assert _death(reached, "case 1", config, "512 MiB", 4)[0] is Status.TIMEOUT


FORGED_PASS = textwrap.dedent("""
    import json, os, struct

    def double(x):
        # a "passed" ending as the child's own messages look, to every descriptor it may own:
        # the value right for case 1, then "done", then a clean exit
        value = (2 * x).tolist() if hasattr(x, "tolist") else 2 * x
        for kind, extra in (("result", {"i": 0, "out": {"$d": {"out": value}}}), ("done", {})):
            head = json.dumps({"t": kind, **extra}).encode()
            for fd in range(3, 4096):
                try:
                    os.write(fd, b"J" + struct.pack(">I", len(head)) + head)
                except OSError:
                    pass
        os._exit(0)
""")


def test_a_forged_pass_without_seccomp_is_refused(bare_pool: tuple[str, WorkerPool]) -> None:
    """The parent takes no status or message of the child's for a pass: each frame must carry
    the job's token, which the code never sees, and each case is judged here."""
    verdict = grade(PatientDoubleChecker(), FORGED_PASS, seed=1, pool=bare_pool[1])
    assert verdict.status is Status.INVALID, shown(verdict)
    assert "bytes the grader did not write" in verdict.summary, shown(verdict)


MEMORY_HOGS = {
    # a million-entry dict and more, its MemoryError swallowed: it then ran on to the CPU limit
    "swallowed": textwrap.dedent("""
        def double(x):
            table, i = {}, 0
            while True:
                try:
                    table[i] = (i, str(i))
                except MemoryError:
                    pass
                i += 1
    """),
    # slow to allocate: a list of strings, whose MemoryError could not even be raised cleanly
    # ("MemoryError during the call" was an ordinary error, the limit unsaid)
    "strings": textwrap.dedent("""
        def double(x):
            kept = []
            while True:
                kept.append("x" * 1000 + str(len(kept)))
    """),
}


@pytest.mark.parametrize("hog", list(MEMORY_HOGS))
def test_a_memory_hog_s_verdict_names_the_memory(pool: WorkerPool, hog: str) -> None:
    """Either the run is stopped at the memory ceiling (named as such), or, when the CPU limit
    came first, the headline says how much memory it had: never "CPU time" alone."""
    verdict = grade(CpuBoundDoubleChecker(), MEMORY_HOGS[hog], seed=1, pool=pool)
    text = shown(verdict)
    assert verdict.status in (Status.CRASHED, Status.TIMEOUT), text
    if verdict.status is Status.CRASHED:
        assert "ran out of memory" in verdict.summary and "512 MiB" in verdict.summary, text
    else:
        found = re.search(r"its memory at (\d+) of 512 MiB", verdict.summary)
        assert found is not None and int(found.group(1)) >= 256, text
        assert verdict.first_failure is not None
        assert "of the 512 MiB allowed" in verdict.first_failure.message, text


def test_a_large_allocation_meets_the_ceiling_at_once(pool: WorkerPool) -> None:
    """The address-space limit is the kernel's, enforced at the allocation: no CPU is spent
    reaching it, and the verdict names it."""
    source = (
        "import numpy as np\n\ndef double(x):\n    return np.ones(700 * 2**20 // 8) * 0 + 2 * x\n"
    )
    verdict = grade(PatientDoubleChecker(), source, seed=1, pool=pool)
    assert verdict.status is Status.CRASHED, shown(verdict)
    assert "ran out of memory in case 1" in verdict.summary, shown(verdict)
    (rlimits,) = [layer for layer in verdict.isolation if layer.startswith("rlimits:")]
    assert "address space 512 MiB" in rlimits and "NOT verified" not in rlimits, rlimits


def test_a_memory_error_is_known_however_it_was_worded() -> None:
    assert is_memory_error("MemoryError during the call")
    assert is_memory_error("MemoryError: ")
    assert is_memory_error("numpy.core._exceptions._ArrayMemoryError: Unable to allocate 8 GiB")
    assert is_memory_error("numpy._core._exceptions._ArrayMemoryError: Unable to allocate 8 GiB")
    assert not is_memory_error("ValueError: MemoryError in a message")
    assert not is_memory_error("")
    # the code's own classes, whatever their names end with (forty-fourth round)
    assert not is_memory_error("submission.ShapeMemoryError: the input is not a column")
    assert not is_memory_error("submission.MemoryError: a class of the code's")
    assert not is_memory_error("GPUMemoryError: a name without a module")


def test_an_error_class_named_like_memory_is_an_ordinary_error(pool: WorkerPool) -> None:
    """`class ShapeMemoryError(Exception)` raised by the code read as the memory limit
    ("crashed: ran out of memory in case 1"): the verdict is the code's error, with its words."""
    source = (
        "class ShapeMemoryError(Exception):\n    pass\n\n\n"
        "def double(x):\n    raise ShapeMemoryError('the input is not a column')\n"
    )
    verdict = grade(PatientDoubleChecker(), source, seed=1, pool=pool)
    assert verdict.status is Status.ERROR, shown(verdict)
    assert "ShapeMemoryError: the input is not a column" in shown(verdict), shown(verdict)
    assert "ran out of memory" not in shown(verdict), shown(verdict)


def test_a_stat_line_is_read_past_an_odd_command_name() -> None:
    """The command name is the process's to choose (prctl PR_SET_NAME): spaces and ')' in it
    must not shift the fields the verdict rests on."""
    fields = ["S"] + ["0"] * 10 + ["150", "50"] + ["0"] * 7 + ["536870912", "0"]
    line = b"42 (a) b) c) " + " ".join(fields).encode()
    assert parse_stat(line) == (2.0, 536870912)
    assert parse_stat(b"42 (python") is None
    assert parse_stat(b"42 (x) S 1 2") is None


def test_the_watch_reads_a_live_process_and_not_a_gone_one() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=-1)
    try:
        assert graded_pid(child.pid, under_bwrap=False) == child.pid
        assert graded_pid(child.pid, under_bwrap=True) is None  # it has no children
        watch = Watch(child.pid)
        watch.read()
        assert watch.cpu_s is not None and watch.peak_address_space > 0
    finally:
        child.communicate(b"")
    before = watch.cpu_s
    watch.read()  # reaped: the held stat file says nothing of whoever takes the pid
    assert watch.cpu_s == before
    watch.close()
    assert not Watch(os.getpid() + 10**7).active


def test_the_memory_a_run_reached_is_said_only_when_it_was_much() -> None:
    config, mib = SandboxConfig(), 1 << 20
    near = RunResult(signal=signal.SIGXCPU, cpu_s=1.9, cpu_known=True, peak_address_space=500 * mib)
    status, summary, message = _death(near, "case 1", config, "512 MiB", 4)
    assert status is Status.TIMEOUT and summary.endswith(", its memory at 500 of 512 MiB"), summary
    assert "grown to 500 MiB of the 512 MiB allowed (at or near the ceiling" in message, message
    assert "takes much of the CPU time" in message, message
    half = RunResult(signal=signal.SIGXCPU, cpu_s=1.9, cpu_known=True, peak_address_space=300 * mib)
    message = _death(half, "case 1", config, "512 MiB", 4)[2]
    assert "grown to 300 MiB" in message and "near the ceiling" not in message, message
    small = RunResult(
        signal=signal.SIGXCPU, cpu_s=1.9, cpu_known=True, peak_address_space=200 * mib
    )
    status, summary, message = _death(small, "case 1", config, "512 MiB", 4)
    assert "memory" not in summary and "address space" not in message, message
    killed = RunResult(
        signal=signal.SIGKILL, cpu_s=0.5, cpu_known=True, peak_address_space=500 * mib
    )
    status, summary, message = _death(killed, "case 1", config, "512 MiB", 4)
    assert status is Status.CRASHED and "grown to 500 MiB" in message, message
    assert "CPU time" not in message, message
