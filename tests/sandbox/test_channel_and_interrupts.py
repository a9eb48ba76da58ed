"""What the code can do to the grader's own run in its process (the thirty-ninth round).

The result channel is a descriptor the code shares: closed in a call, the grader's next write
raised EBADF out of its `main`, and the verdict said "the process exited (code 1)" under the
grader's own traceback; made non-blocking, a result larger than the socket's buffer did the
same with BlockingIOError. SIGINT, sent by the code to its own process (from a thread, or
`_thread.interrupt_main()`), raised KeyboardInterrupt wherever the main thread was, the
grader's encoder and `_send` included: "the result could not be encoded", or "killed by
SIGSYS" once Python exited with status 130. Now a broken channel is named as such, a
non-blocking one is made blocking again, and SIGINT is ignored.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Mapping

import pytest

from engine.sandbox import WorkerPool, wire
from engine.sandbox.config import SANDBOX_DIR, SandboxConfig
from engine.sandbox.decide import _death
from engine.sandbox.watch import stopped_state
from engine.sandbox.worker import RunResult, Worker
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker, SlowDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: a thread busy sending signals on a loaded machine is not the point."""

CHANNEL = """
import os, stat

def channel():
    for fd in range(3, 4200):  # the only socket: the result channel (a random high descriptor)
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                return fd
        except OSError:
            pass
    raise RuntimeError("no result channel found")
"""


def test_the_child_and_the_parent_agree_on_the_lost_channels_status() -> None:
    tree = ast.parse((SANDBOX_DIR / "child.py").read_text())
    values = [
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["CHANNEL_LOST"]
        and isinstance(node.value, ast.Constant)
    ]
    assert values == [wire.CHANNEL_LOST_STATUS]


def test_that_status_is_told_as_the_channel_not_as_an_exit_code() -> None:
    status, summary, message = _death(
        RunResult(exit_code=wire.CHANNEL_LOST_STATUS), "case 2", SandboxConfig(), "512 MiB", 4
    )
    assert status is Status.CRASHED
    assert "result channel" in message and "exited (code" not in message, message
    assert summary == f"crashed in case 2: {message}"


def test_a_channel_closed_by_the_code_is_told_plainly(pool: WorkerPool) -> None:
    source = CHANNEL + textwrap.dedent("""
        calls = []

        def double(x):
            calls.append(1)
            if len(calls) == 2:
                os.close(channel())
            return 2 * x
    """)
    verdict = run_adversarial(
        pool, source, Status.CRASHED, "could no longer write to its result", checker=PATIENT
    )
    first = verdict.first_failure
    assert first is not None and first.name == "case 2", first
    assert "drillbit/child.py" not in verdict.stderr  # no traceback of the grader's


def test_a_channel_made_non_blocking_still_carries_a_large_result(pool: WorkerPool) -> None:
    # 4.8 MB, far more than a unix socket's buffer: each write past it was EAGAIN
    source = CHANNEL + textwrap.dedent("""
        import numpy as np

        os.set_blocking(channel(), False)
        calls = []

        def double(x):
            calls.append(1)  # once: the results' total is bounded (3 MiB here)
            return np.zeros((600, 1000)) if len(calls) == 1 else 2 * x
    """)
    verdict = run_adversarial(pool, source, Status.FAILED, "wrong shape", checker=PATIENT)
    assert [case.status.value for case in verdict.cases][:2] == ["failed", "passed"], verdict.cases
    assert "drillbit/child.py" not in verdict.stderr


def test_sigint_the_code_sends_itself_interrupts_nothing(pool: WorkerPool) -> None:
    source = textwrap.dedent("""
        import _thread, os, signal

        def double(x):
            os.kill(os.getpid(), signal.SIGINT)
            signal.raise_signal(signal.SIGINT)
            _thread.interrupt_main()
            return 2 * x
    """)
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)


def test_a_thread_sending_sigint_never_lands_in_the_graders_frames(pool: WorkerPool) -> None:
    # a switch interval of a microsecond hands the thread the GIL while the grader encodes and
    # writes each result; each call waits for a signal sent since the last, so they arrive all
    # through the run. Before, every run ended in an error: KeyboardInterrupt in the call, "the
    # result could not be encoded" or "killed by SIGSYS"
    source = textwrap.dedent("""
        import os, signal, sys, threading

        sys.setswitchinterval(1e-6)
        sent = [0]

        def storm():
            while True:
                os.kill(os.getpid(), signal.SIGINT)
                sent[0] += 1

        threading.Thread(target=storm, daemon=True).start()

        def double(x):
            seen = sent[0]
            while sent[0] == seen:
                pass
            return 2 * x
    """)
    run_adversarial(pool, source, Status.PASSED, checker=PATIENT)


class _Job:
    """What `Worker._handle` reads of a worker: the job's token."""

    token = "ab" * 16


def _handled(*messages: Mapping[str, object]) -> RunResult:
    result = RunResult()
    for fields in messages:
        Worker._handle(_Job(), {"k": _Job.token, **fields}, bytearray(), result)  # type: ignore[arg-type]
    return result


def test_results_are_taken_only_in_the_order_of_the_cases_sent() -> None:
    # the app judges the cases it sent, by their order: a result for case 2 where case 1's is
    # due, one sent twice, one before the code loaded, or a message of another job is refused
    loaded: dict[str, object] = {"t": "loaded"}
    good = _handled(loaded, {"t": "result", "i": 0}, {"t": "result", "i": 1}, {"t": "done"})
    assert [fields["i"] for fields, _ in good.results] == [0, 1] and good.done
    for messages in (
        [loaded, {"t": "result", "i": 1}],
        [loaded, {"t": "result", "i": 0}, {"t": "result", "i": 0}],
        [{"t": "result", "i": 0}],
        [loaded, {"t": "result", "i": "0"}],
        [loaded, loaded],
    ):
        with pytest.raises(wire.WireError, match="out of order"):
            _handled(*messages)
    with pytest.raises(wire.ForgedError):
        Worker._handle(_Job(), {"t": "loaded", "k": "cd" * 16}, bytearray(), RunResult())  # type: ignore[arg-type]


def test_a_stat_line_tells_a_stopped_process() -> None:
    line = b"42 (py (x) T) T 1 42 42 0 -1 4194560 0 0 0 0 150 50 0 0 20 0 1 0 9 536870912 0"
    assert stopped_state(line)
    assert not stopped_state(line.replace(b") T 1", b") S 1"))
    assert not stopped_state(b"42 (python")


def test_a_process_that_stopped_itself_is_told_so_at_the_clock(pool: WorkerPool) -> None:
    # SIGSTOP cannot be refused or handled; the run waits for the wall clock, and the verdict
    # said only "did not finish" (the app's last reading of the process shows it stopped)
    source = textwrap.dedent("""
        import os, signal

        def double(x):
            os.kill(os.getpid(), signal.SIGSTOP)
            return 2 * x
    """)
    # 5 s, not the test drill's 1 s: on a loaded machine the call must have been reached
    verdict = run_adversarial(
        pool, source, Status.TIMEOUT, "did not finish", checker=SlowDoubleChecker()
    )
    assert "SIGSTOP" in verdict.summary, verdict.summary
    first = verdict.first_failure
    assert first is not None and "SIGSTOP" in first.message, first
