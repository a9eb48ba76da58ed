"""How a run that stopped without finishing is told (`_death`), on hand-made run results:
the CPU limit, a signal, an exit, running out of memory, and where it happened."""

from __future__ import annotations

import signal

from engine.sandbox.config import SandboxConfig
from engine.sandbox.decide import _cpu_so_far, _death, _printed_tail, _size, printing_note
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


def test_a_sigxcpu_after_a_slow_start_is_the_limit_once_the_job_used_what_was_left() -> None:
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
    assert plain.startswith("the process was killed by SIGSEGV (a segmentation fault); ")
    for stderr in ("MemoryError", "OSError: [Errno 12] Cannot allocate memory"):
        _status, _summary, message = told(RunResult(signal=signal.SIGSEGV, stderr=stderr))
        assert message == f"{plain}; it ran out of memory (the sandbox allows {MEMORY})", stderr


def test_a_sigkill_without_the_cpu_to_show_for_it_is_a_crash_not_the_limit() -> None:
    for run in (
        RunResult(signal=signal.SIGKILL, cpu_s=1.0, cpu_known=True, wall_s=1.2),
        RunResult(signal=signal.SIGKILL, cpu_known=False, wall_s=1.5),  # bubblewrap, early
    ):
        status, _summary, message = told(run)
        assert status is Status.CRASHED, run
        assert message == "the process was killed by SIGKILL", message


def test_a_limit_is_never_named_from_wall_time_alone() -> None:
    """Under bubblewrap a SIGKILL after the hard limit's worth of wall time was taken for that
    limit, and a code that slept 2.2 s and then killed itself (or exited with status 137,
    which bubblewrap reports alike) read as out of CPU time. The parent now reads the process's
    CPU time under bubblewrap too; without a reading no limit is named."""
    status, summary, _message = told(RunResult(signal=signal.SIGKILL, cpu_known=False, wall_s=2.5))
    assert status is Status.CRASHED and "CPU time" not in summary, summary
    status, summary, message = told(RunResult(signal=signal.SIGXCPU, cpu_known=False, wall_s=8.0))
    assert status is Status.CRASHED and "CPU time" not in summary, summary
    assert "could not read the process's CPU use here" in message, message
    read = RunResult(signal=signal.SIGKILL, cpu_s=2.9, cpu_known=True, wall_s=2.5, status_only=True)
    status, summary, _message = told(read)
    assert status is Status.TIMEOUT and "(3 s)" in summary, summary


def test_a_sigkill_just_short_of_the_soft_limit_s_cpu_is_the_hard_limit() -> None:
    # tick-sampled CPU time reads a little under the limit it reached
    run = RunResult(signal=signal.SIGKILL, cpu_s=1.95, cpu_known=True, wall_s=3.1)
    assert told(run)[0] is Status.TIMEOUT


def test_a_segfault_after_much_cpu_is_still_a_crash() -> None:
    status, _summary, message = told(RunResult(signal=signal.SIGSEGV, cpu_s=2.5, cpu_known=True))
    assert status is Status.CRASHED and "SIGSEGV" in message, message


def test_a_segfault_without_a_raised_limit_says_its_usual_causes_and_its_case() -> None:
    """The fifty-first round's crash told its signal only: it now says what usually causes one
    here (with ctypes refused, a stack overrun or a fault in C code), and where it came."""
    for number, words in ((signal.SIGSEGV, "a segmentation fault"), (signal.SIGBUS, "a bus error")):
        status, summary, message = told(RunResult(signal=number), where="case 2")
        assert status is Status.CRASHED
        name = signal.Signals(number).name
        assert message.startswith(f"the process was killed by {name} ({words}); "), message
        assert "ctypes is refused" in message and "deeper than the C stack" in message
        assert "threading.stack_size" in message and "a fault in numpy" in message
        assert message.endswith("reached by what the code did in case 2"), message
        assert summary == f"crashed in case 2: {message}"
    loading = told(RunResult(signal=signal.SIGSEGV), where=LOADING)[2]
    assert loading.endswith(f"what the code did while {LOADING}"), loading
    for other in (signal.SIGABRT, signal.SIGFPE, signal.SIGILL):  # not a stack overrun's
        assert "C stack" not in told(RunResult(signal=other))[2]
    raised = told(RunResult(signal=signal.SIGSEGV, recursion_limit=10**6))[2]
    assert "raised Python's recursion limit to 1,000,000" in raised
    assert "ctypes" not in raised, raised  # the limit is the cause told, not the list


def test_a_signal_without_words_of_its_own_is_named_once() -> None:
    assert told(RunResult(signal=signal.SIGUSR1))[2] == "the process was killed by SIGUSR1"


def test_an_exit_says_out_of_memory_when_stderr_says_so() -> None:
    message = told(RunResult(exit_code=1, stderr="MemoryError"))[2]
    assert message == (
        "the process exited (code 1) before reporting a result; it ran out of memory"
        f" (the sandbox allows {MEMORY})"
    )


def test_sizes_read_as_people_read_them_from_each_unit_s_first_figure() -> None:
    sizes = (999, 1_000, 999_999, 1_000_000, 52_125_700, 1_000_000_000, 2_500_000_000)
    assert [_size(count) for count in sizes] == [
        "999 bytes",
        "1.0 KB",
        "1000.0 KB",
        "1.0 MB",
        "52.1 MB",
        "1.0 GB",
        "2.5 GB",
    ]


def test_only_a_run_that_printed_past_the_kept_part_is_said_to_have_printed() -> None:
    limit = CONFIG.output_limit
    assert _printed_tail(RunResult(printed=limit), CONFIG) == ""
    assert _printed_tail(RunResult(printed=limit + 1), CONFIG) == ", after printing 65.5 KB"
    note = printing_note(RunResult(printed=limit + 1), CONFIG)
    assert "(only the first 64 KiB of each stream are kept)" in note, note


def test_a_cpu_figure_is_kept_from_zero_to_an_hour() -> None:
    def cpu(figure: float) -> float | None:
        return _cpu_so_far(RunResult(results=[({"t": "result", "cpu": figure}, bytearray())]))

    assert [cpu(figure) for figure in (0, 0.5, 3600, 3600.5, -0.5)] == [
        0.0,
        0.5,
        3600.0,
        None,
        None,
    ]


def test_a_sigxcpu_well_short_of_half_the_cpu_left_is_one_the_child_sent_itself() -> None:
    run = RunResult(signal=signal.SIGXCPU, cpu_s=0.8, cpu_known=True, wall_s=0.9)
    status, summary, _message = told(run)
    assert status is Status.CRASHED and "killed by SIGXCPU" in summary, summary


def test_under_seccomp_a_sigxcpu_is_the_limit_whatever_the_last_reading() -> None:
    """With the filter verified the code can send itself no SIGXCPU (no `kill`, no timer with a
    signal of its own, no lowered limit: the thirty-seventh round), so one is the kernel's at
    the limit. Under bubblewrap the parent's last reading lags the process (every 50 ms, later
    on a loaded machine) and a genuine limit read "short of the limit's 2 s"; without the
    filter the reading still decides."""
    for cpu_s, known in ((1.2, True), (0.0, False)):
        lagging = RunResult(
            signal=signal.SIGXCPU, cpu_s=cpu_s, cpu_known=known, status_only=True, seccomp=True
        )
        status, summary, _message = told(lagging)
        assert status is Status.TIMEOUT and "CPU time limit (2 s)" in summary, summary
        unfiltered = RunResult(
            signal=signal.SIGXCPU, cpu_s=cpu_s, cpu_known=known, status_only=True
        )
        status, summary, _message = told(unfiltered)
        assert status is Status.CRASHED and "killed by SIGXCPU" in summary, summary
