"""How a run that stopped without finishing is told (`_death`), on hand-made run results:
the CPU limit, a signal, an exit, running out of memory, and where it happened."""

from __future__ import annotations

import signal

from engine.sandbox.config import SandboxConfig
from engine.sandbox.decide import _death
from engine.sandbox.worker import RunResult
from engine.verdict import LOADING, Status

CONFIG = SandboxConfig()
MEMORY = "512 MiB"


def told(run: RunResult, where: str = "case 3") -> tuple[Status, str, str]:
    return _death(run, where, CONFIG, MEMORY, 5)


def test_a_sigkill_after_the_cpu_its_own_rusage_shows_is_the_hard_limit() -> None:
    # the kernel's SIGKILL at the hard limit, the child's CPU time known (no bubblewrap)
    status, summary, message = told(
        RunResult(signal=signal.SIGKILL, cpu_s=3.0, cpu_known=True, wall_s=3.4)
    )
    assert status is Status.TIMEOUT
    assert summary.startswith("timeout: the run exceeded the CPU time limit (3 s)"), summary
    assert message.startswith("used more than 3 s of CPU time")


def test_a_sigxcpu_after_a_slow_start_is_the_limit_when_the_job_used_half_of_what_was_left() -> (
    None
):
    # numpy compiled for 1 s at the start: the job's busy loop used the second that was left
    run = RunResult(signal=signal.SIGXCPU, cpu_s=2.0, cpu_known=True, cpu_at_start=1.0)
    status, summary, _message = told(run)
    assert status is Status.TIMEOUT and "(2 s)" in summary, summary


def test_an_exit_before_any_result_says_its_code_and_where() -> None:
    status, summary, message = told(RunResult(exit_code=3))
    assert status is Status.CRASHED
    assert message == "the process exited (code 3) before reporting a result"
    assert summary == f"crashed in case 3: {message}"
    _status, summary, _message = told(RunResult(exit_code=3), where=LOADING)
    assert summary.startswith(f"crashed while {LOADING}: the process exited (code 3)"), summary


def test_a_signal_says_what_it_means_and_out_of_memory_only_when_stderr_says_so() -> None:
    _status, _summary, plain = told(RunResult(signal=signal.SIGSEGV))
    assert plain == "the process was killed by SIGSEGV (a segmentation fault)"
    for stderr in ("MemoryError", "OSError: [Errno 12] Cannot allocate memory"):
        _status, _summary, message = told(RunResult(signal=signal.SIGSEGV, stderr=stderr))
        assert message == f"{plain}; it ran out of memory (the sandbox allows {MEMORY})", stderr
