"""The CPU limit is one budget for the whole run, and the timeout says so.

A correct but slow submission used to read "[TIME] case 4: ... used more than 2 s of CPU
time", which blames whichever (possibly tiny) case was running when the budget ran out.
"""

from __future__ import annotations

import math
import re
import signal
from collections.abc import Iterator

import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import WorkerPool
from engine.sandbox.config import SandboxConfig
from engine.sandbox.decide import _cpu_limit_message, _cpu_so_far, _death, printing_note
from engine.sandbox.worker import RunResult
from engine.verdict import CaseStatus, Status
from tests.sandbox.drills import CpuBoundDoubleChecker, PatientDoubleChecker
from tests.sandbox.helpers import LIVE_POOLS, shown

SLOW = """\
import time


def double(x):
    start = time.process_time()
    while time.process_time() - start < 0.6:
        pass
    return 2 * x
"""


@pytest.fixture(scope="module")
def cpu_pool() -> Iterator[WorkerPool]:
    """One warm worker at a time is enough for back-to-back grading."""
    with WorkerPool(size=1) as pool:
        LIVE_POOLS.append(pool)
        yield pool


def test_a_slow_correct_answer_is_told_the_budget_is_for_all_cases(cpu_pool: WorkerPool) -> None:
    checker = CpuBoundDoubleChecker()
    verdict = grade(checker, SLOW, seed=2, params={"n": 8}, pool=cpu_pool)
    assert verdict.status is Status.TIMEOUT, shown(verdict)
    passed = [c for c in verdict.cases if c.status is CaseStatus.PASSED]
    assert passed and verdict.cases[len(passed)].status is CaseStatus.TIMEOUT, shown(verdict)
    assert "one budget for all 8 cases together" in verdict.summary
    assert verdict.first_failure is not None
    message = verdict.first_failure.message
    assert "used more than 2 s of CPU time" in message
    assert "one budget for the whole run (loading your code and all 8 cases together)" in message
    found = re.search(r"had used ([0-9.]+) s of it by the end of case (\d+)", message)
    assert found is not None, message
    assert int(found.group(2)) == len(passed)
    assert 0.6 * len(passed) <= float(found.group(1)) <= 2.1, message


def test_a_missing_or_forged_cpu_figure_is_left_out() -> None:
    for forged in ("1.5", None, math.nan, math.inf, -1.0, 1e9, True, [1.0]):
        run = RunResult(results=[({"t": "result", "i": 0, "cpu": forged}, bytearray())])
        assert _cpu_so_far(run) is None, forged
        assert "had used" not in _cpu_limit_message(run, "2 s", 5)
    run = RunResult(results=[({"t": "result", "i": 0, "cpu": 1.25}, bytearray())])
    assert _cpu_so_far(run) == 1.25
    assert "had used 1.25 s of it by the end of case 1" in _cpu_limit_message(run, "2 s", 5)
    assert "had used" not in _cpu_limit_message(RunResult(), "2 s", 5)  # still loading


CHATTY = """\
def double(x):
    while True:
        print("the value is", x)
"""


def test_a_run_stopped_while_printing_says_how_much_it_printed(cpu_pool: WorkerPool) -> None:
    """A print in a loop that never ends (or over every element) read as a plain timeout,
    its output cut to the kept 64 KiB and the cause unsaid: the verdict now says how much
    was printed, in the headline and the case, and that the printing itself costs time."""
    verdict = grade(CpuBoundDoubleChecker(), CHATTY, seed=2, params={"n": 8}, pool=cpu_pool)
    assert verdict.status is Status.TIMEOUT, shown(verdict)
    printed = re.search(r", after printing ([0-9.]+) (MB|GB)$", verdict.summary)
    assert printed is not None, verdict.summary
    assert verdict.first_failure is not None
    message = verdict.first_failure.message
    assert f"it printed {printed[1]} {printed[2]} before it was stopped" in message
    assert "only the first 64 KiB of each stream are kept" in message
    assert "print less" in message
    assert "more bytes not shown" in verdict.stdout


def test_a_run_that_printed_what_is_kept_gets_no_printing_note() -> None:
    config = SandboxConfig()
    assert printing_note(RunResult(printed=config.output_limit), config) == ""
    note = printing_note(RunResult(printed=52_125_700), config)
    assert note.startswith("; it printed 52.1 MB before it was stopped")


FAKED_LIMITS = {
    "exit-status": "import os\n\ndef double(x):\n    os._exit(152)  # 128 + SIGXCPU\n",
    "self-signal": (
        "import os, signal\n\ndef double(x):\n    os.kill(os.getpid(), signal.SIGXCPU)\n"
    ),
    "late-sigkill": (
        "import os, signal, time\n\n"
        "def double(x):\n    time.sleep(2.2)\n    os.kill(os.getpid(), signal.SIGKILL)\n"
    ),
}
"""A run that ends itself as the CPU limit ends one: under bubblewrap, whose exit status for a
child killed by signal N is 128 + N, `os._exit(152)` read as "exceeded the CPU time limit" after
0.002 s; a SIGXCPU sent to itself did in every mode, and so did a SIGKILL after 2 s of sleep."""


def _assert_not_a_cpu_limit(pool: WorkerPool, source: str) -> None:
    verdict = grade(PatientDoubleChecker(), source, seed=1, pool=pool)
    assert verdict.status is not Status.PASSED, shown(verdict)
    assert "CPU time" not in shown(verdict), shown(verdict)
    assert verdict.status in (Status.ERROR, Status.CRASHED), shown(verdict)


@pytest.mark.parametrize("attack", list(FAKED_LIMITS))
def test_a_run_cannot_pass_itself_off_as_stopped_by_the_cpu_limit(
    mode_pool: tuple[str, WorkerPool], attack: str
) -> None:
    """Each mode with seccomp: the filter refuses the limits' signals and a status of 128 or
    more, which kills the child with SIGSYS, named for what it is."""
    _assert_not_a_cpu_limit(mode_pool[1], FAKED_LIMITS[attack])


@pytest.mark.parametrize("attack", list(FAKED_LIMITS))
def test_without_seccomp_the_cpu_time_tells_the_limit_from_a_fake(
    no_seccomp_pool: tuple[str, WorkerPool], attack: str
) -> None:
    """The parent reads the process's CPU time (its rusage without bubblewrap, its /proc/<pid>/stat
    under it): a SIGXCPU or SIGKILL it does not bear out is named as the signal, not the limit.
    Under bubblewrap without seccomp it was left open: bubblewrap passes on only a status, which
    such a child chooses, and the wall time it took stood in for its CPU time."""
    _assert_not_a_cpu_limit(no_seccomp_pool[1], FAKED_LIMITS[attack])


def test_a_sigxcpu_is_the_limit_when_the_cpu_time_bears_it_out() -> None:
    """The kernel checks the limit on tick-sampled time, which the rusage rescales: a busy loop
    stopped by the 2 s limit read 1.87 s under load, and must still be the CPU limit; a SIGXCPU
    after 0.13 s (the child's start), or 0.05 s after a start that compiled numpy (1.15 s),
    was sent by the child itself."""
    config = SandboxConfig()
    limit = RunResult(signal=signal.SIGXCPU, cpu_s=1.87, cpu_known=True, wall_s=8.9)
    assert _death(limit, "case 1", config, "512 MiB", 4)[0] is Status.TIMEOUT
    sent = RunResult(signal=signal.SIGXCPU, cpu_s=0.13, cpu_known=True, wall_s=0.1)
    status, summary, _ = _death(sent, "case 1", config, "512 MiB", 4)
    assert status is Status.CRASHED and "killed by SIGXCPU" in summary, summary
    slow_start = RunResult(signal=signal.SIGXCPU, cpu_s=1.2, cpu_known=True, cpu_at_start=1.15)
    status, summary, _ = _death(slow_start, "case 1", config, "512 MiB", 4)  # numpy compiled
    assert status is Status.CRASHED and "killed by SIGXCPU" in summary, summary
    # no reading of its CPU time (no /proc): the signal is named, not the limit
    unknown = RunResult(signal=signal.SIGXCPU, cpu_s=0.002, cpu_known=False, wall_s=8.9)
    status, summary, _ = _death(unknown, "case 1", config, "512 MiB", 4)
    assert status is Status.CRASHED and "killed by SIGXCPU" in summary, summary
