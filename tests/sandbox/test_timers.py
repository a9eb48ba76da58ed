"""Timers a graded process arms against itself (the thirty-seventh round).

`timer_create` names the signal its timer sends in a struct the seccomp filter cannot read, so
it stood in for the `kill` the filter refuses: a timer whose signal was SIGXCPU or SIGKILL
killed the child by the limits' own signals, after as much CPU time as the code chose, and
only the app's reading of that CPU time (every 50 ms under bubblewrap) told it from the limit.
The filter now allows a timer only without an event of its own (its signal is then SIGALRM).
`setitimer` and `alarm` send SIGALRM, SIGVTALRM or SIGPROF, which the code may send itself
anyway; with no handler of its own (seccomp and the audit hooks refuse one) each only ends
the process, and the verdict names that signal, never a limit.
"""

from __future__ import annotations

import textwrap

import pytest

from engine.sandbox import WorkerPool
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial, shown, syscall_number

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: the CPU limit, or the signal under test, always comes first."""


def _armed_timer(signal_name: str, burn_s: float) -> str:
    """A submission that uses `burn_s` of CPU, then arms a 1 ms timer sending `signal_name`
    to itself (SIGEV_SIGNAL), through ctypes (the pools run without the audit hooks)."""
    return textwrap.dedent(f"""
        import ctypes, signal, time

        def double(x):
            while time.process_time() < {burn_s}:
                pass
            libc = ctypes.CDLL(None, use_errno=True)
            event = (ctypes.c_int * 16)(0, 0, int(signal.{signal_name}), 0)  # SIGEV_SIGNAL
            timer = ctypes.c_int()
            if libc.syscall({syscall_number("timer_create")}, 1, ctypes.byref(event),
                            ctypes.byref(timer)) != 0:
                raise OSError(ctypes.get_errno(), "timer_create refused")
            spec = (ctypes.c_long * 4)(0, 0, 0, 1_000_000)
            libc.syscall({syscall_number("timer_settime")}, timer, 0, ctypes.byref(spec), None)
            time.sleep(20)
            return 2 * x
    """)


@pytest.mark.parametrize(("signal_name", "burn_s"), [("SIGXCPU", 1.6), ("SIGKILL", 0.0)])
def test_a_timer_cannot_send_the_limits_signals(
    mode_pool: tuple[str, WorkerPool], signal_name: str, burn_s: float
) -> None:
    """Before the fix the timer fired: the child died by SIGXCPU after 1.6 s of CPU, past the
    three quarters of the limit from which the app takes a SIGXCPU for the limit's (a verdict
    of "exceeded the CPU time limit" for a run that did not), or by a SIGKILL of its choosing."""
    verdict = run_adversarial(
        mode_pool[1], _armed_timer(signal_name, burn_s), Status.ERROR, checker=PATIENT
    )
    text = shown(verdict)
    assert "PermissionError: [Errno 1] timer_create refused" in text, text
    assert "CPU time limit" not in text, text


NULL_EVENT_TIMER = textwrap.dedent(f"""
    import ctypes

    def double(x):
        libc = ctypes.CDLL(None, use_errno=True)
        timer = ctypes.c_int()
        if libc.syscall({syscall_number("timer_create")}, 1, None, ctypes.byref(timer)) != 0:
            raise OSError(ctypes.get_errno(), "timer_create refused")
        spec = (ctypes.c_long * 4)(0, 0, 60, 0)  # armed for a minute, then disarmed
        armed = libc.syscall({syscall_number("timer_settime")}, timer, 0, ctypes.byref(spec), None)
        disarmed = libc.syscall(
            {syscall_number("timer_settime")}, timer, 0, ctypes.byref((ctypes.c_long * 4)()), None
        )
        deleted = libc.syscall({syscall_number("timer_delete")}, timer)
        if (armed, disarmed, deleted) != (0, 0, 0):
            raise OSError(ctypes.get_errno(), "timer_settime or timer_delete failed")
        return 2 * x
""")


def test_a_timer_without_an_event_of_its_own_still_works(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """The filter refuses only what the event could name: a timer that would send SIGALRM is
    made, armed, disarmed and deleted as before (a refusal of the whole call would fail this)."""
    run_adversarial(mode_pool[1], NULL_EVENT_TIMER, Status.PASSED, checker=PATIENT)


ITIMERS = {
    "SIGPROF": "signal.setitimer(signal.ITIMER_PROF, 0.3)\n    while True:\n        pass",
    "SIGVTALRM": "signal.setitimer(signal.ITIMER_VIRTUAL, 0.3)\n    while True:\n        pass",
    "SIGALRM": "signal.alarm(1)\n    time.sleep(30)",
}


@pytest.mark.parametrize("signal_name", list(ITIMERS))
def test_an_interval_timer_s_signal_is_named_as_itself(pool: WorkerPool, signal_name: str) -> None:
    """With every layer: `setitimer`'s and `alarm`'s signals only end the process (no handler
    can be installed for them), and the verdict names the signal, never the CPU limit, even
    for ITIMER_PROF and ITIMER_VIRTUAL, which count CPU time as the limit does."""
    source = f"import signal, time\n\ndef double(x):\n    {ITIMERS[signal_name]}\n"
    verdict = run_adversarial(
        pool, source, Status.CRASHED, f"killed by {signal_name}", checker=PATIENT
    )
    assert "CPU time limit" not in shown(verdict), shown(verdict)
